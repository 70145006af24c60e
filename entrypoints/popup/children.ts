/**
 * How the popup arranges several children: who can apply now (first, with actions), who
 * cannot (collapsed), and the one line about data the papers will lack.
 */
import { canApplyNow } from '@/components/profile/ChildCard';
import { assessEligibility, type Eligibility } from '@/utils/profile/eligibility';
import { municipalityRules } from '@/utils/profile/regions';
import type { Applicant, Child } from '@/utils/profile/schema';

/**
 * With up to this many children who can apply, the card is shown whole; with more, the cards
 * are disclosures and only the first is open, so four children fit 600 px of height.
 */
export const WHOLE_CARDS_MAX = 1;

/**
 * A child's eligibility on a date, with the minimum age of the child's municipality.
 * @param child a parsed child
 * @param today reference date `YYYY-MM-DD`
 */
export function childEligibility(child: Child, today: string): Eligibility {
  return assessEligibility(child.birthDate, today, { minAge: municipalityRules(child.municipality, child.region).minAge });
}

/** The children split by {@link arrangeChildren}. */
export interface ArrangedChildren {
  /** Children who can apply now: the one chosen last first, then in the stored order. */
  now: Child[];
  /** Too young or 18 and older, in the stored order. */
  notNow: Child[];
}

/**
 * Splits the children into those who can apply now and those who cannot. Those who can come
 * with the child whose guide was opened last first (their card is the open one, and the first
 * «Заявление и согласия (PDF)» on the page); otherwise each group keeps the stored order.
 * @param children the stored children
 * @param today reference date `YYYY-MM-DD`
 * @param activeChildId the id stored by «Открыть подсказку на портале», if any
 */
export function arrangeChildren(children: readonly Child[], today: string, activeChildId?: unknown): ArrangedChildren {
  const now: Child[] = [];
  const notNow: Child[] = [];
  for (const c of children) (canApplyNow(childEligibility(c, today)) ? now : notNow).push(c);
  const active = now.findIndex((c) => c.id === activeChildId);
  if (active > 0) now.unshift(...now.splice(active, 1));
  return { now, notNow };
}

/**
 * The one Russian line about profile data the filled papers will lack, for the children who
 * can apply: their birth certificate or passport, the applicant, the applicant's passport.
 * E.g. «В профиле нет: документы детей (Артём, Дарья), паспорт заявителя — в PDF останутся
 * пустые строки.»
 * @param now children who can apply (the papers are made only for them)
 * @param applicant the applicant, if stored
 * @returns the line, or `null` when nothing is missing or no child can apply
 */
export function missingDataLine(now: readonly Child[], applicant: Applicant | undefined): string | null {
  if (!now.length) return null;
  const parts: string[] = [];
  const noDocument = now.filter((c) => !c.document);
  if (noDocument.length) {
    const names = noDocument.map((c) => c.name.firstName).join(', ');
    if (now.length === 1) parts.push('документ ребёнка');
    else parts.push(`${noDocument.length === 1 ? 'документ ребёнка' : 'документы детей'} (${names})`);
  }
  if (!applicant) parts.push('данные заявителя');
  else if (!applicant.passport) parts.push('паспорт заявителя');
  return parts.length ? `В профиле нет: ${parts.join(', ')} — в PDF останутся пустые строки.` : null;
}
