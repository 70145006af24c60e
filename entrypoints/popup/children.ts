/**
 * How the popup arranges several children: who can apply now (first, with actions), who
 * cannot (collapsed), and the one line about data the papers will lack.
 */
import { canApplyNow } from '@/components/profile/ChildCard';
import { assessEligibility, type Eligibility } from '@/utils/profile/eligibility';
import { municipalityRules } from '@/utils/profile/regions';
import type { Applicant, Child } from '@/utils/profile/schema';

/**
 * With up to this many children who can apply, each card is shown whole; with more, the cards
 * are disclosures and one is open at a time, so the popup stays within 600 px of height.
 */
export const WHOLE_CARDS_MAX = 2;

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
  /** Children who can apply now, in the stored order. */
  now: Child[];
  /** Too young or 18 and older, in the stored order. */
  notNow: Child[];
}

/**
 * Splits the children into those who can apply now and those who cannot; each group keeps
 * the stored order.
 * @param children the stored children
 * @param today reference date `YYYY-MM-DD`
 */
export function arrangeChildren(children: readonly Child[], today: string): ArrangedChildren {
  const now: Child[] = [];
  const notNow: Child[] = [];
  for (const c of children) (canApplyNow(childEligibility(c, today)) ? now : notNow).push(c);
  return { now, notNow };
}

/**
 * Which card of the children who can apply is open at first when they are shown as
 * disclosures: the child whose guide was opened last, else the first one.
 * @param now children who can apply
 * @param activeChildId the id stored by «Открыть подсказку на портале», if any
 * @returns the child id, or `undefined` for no children
 */
export function openCardId(now: readonly Child[], activeChildId: unknown): string | undefined {
  return now.find((c) => c.id === activeChildId)?.id ?? now[0]?.id;
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
