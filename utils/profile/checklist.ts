/**
 * What to bring to the institution to activate the certificate (domain.md §4; seeds 002–004).
 */
import { assessEligibility, formatRuDate, SELF_APPLY_AGE } from './eligibility';
import { MUNICIPALITY_RULES, municipalityRules } from './regions';
import type { RegionId } from './checks';
import type { Applicant, Child } from './schema';

/** One line of the checklist. */
export interface ChecklistItem {
  /**
   * Stable id: `papers`, `applicant-passport`, `own-passport`, `child-document`, `child-snils`,
   * `child-inn`, `registration`.
   */
  id: string;
  /** Russian text for a parent. */
  text: string;
  /** `false` for an item the municipality does not strictly require (e.g. ИНН outside Ленинск-Кузнецкий). */
  required: boolean;
}

/** Options of {@link activationChecklist}. */
export interface ChecklistOptions {
  /**
   * The child (14+) applies alone. Default: true when the child is 14 or older and no
   * applicant is given.
   */
  selfApply?: boolean;
}

function shortName(a: Applicant): string {
  const n = a.name;
  return [n.lastName, `${n.firstName[0]}.`, n.middleName ? `${n.middleName[0]}.` : ''].filter(Boolean).join(' ');
}

/**
 * The activation checklist for one child (domain.md §4):
 * the signed Заявление and Согласие; the applicant's passport (or, when a child of 14+ applies
 * alone, the child's own passport); the child's birth certificate (from 14 — the passport;
 * a temporary ID or a foreign certificate when that is the child's document); the child's
 * СНИЛС; the child's ИНН (required where the municipality says so — data in `regions.ts`,
 * e.g. Ленинск-Кузнецкий, seed 004); proof of registration only when the child attends
 * neither a school nor a kindergarten.
 * @param child a parsed child (birth date `YYYY-MM-DD`)
 * @param applicant the parent/representative, if known
 * @param today reference date `YYYY-MM-DD`
 * @param opts whether the child applies alone
 * @returns the items in the order to check them
 * @throws RangeError when a date is not a real `YYYY-MM-DD` date
 */
export function activationChecklist(child: Child, applicant: Applicant | undefined, today: string, opts: ChecklistOptions = {}): ChecklistItem[] {
  const rules = municipalityRules(child.municipality, child.region);
  const { age } = assessEligibility(child.birthDate, today, { minAge: rules.minAge });
  const fourteen = age >= SELF_APPLY_AGE;
  const selfApply = fourteen && (opts.selfApply ?? !applicant);
  const doc = child.document;
  const items: ChecklistItem[] = [];

  items.push({
    id: 'papers',
    text: selfApply
      ? 'Заявление и согласие на обработку персональных данных — распечатанные и подписанные ребёнком (можно распечатать в помощнике или в учреждении)'
      : 'Заявление и согласие на обработку персональных данных — распечатанные и подписанные вами (можно распечатать в помощнике или в учреждении)',
    required: true,
  });

  if (selfApply) {
    items.push({
      id: 'own-passport',
      text:
        doc?.kind === 'temporary-id'
          ? `Временное удостоверение личности ребёнка (действительно до ${formatRuDate(doc.validUntil)}) — он подаёт заявление сам`
          : 'Паспорт ребёнка — он подаёт заявление сам',
      required: true,
    });
  } else {
    items.push({
      id: 'applicant-passport',
      text: applicant
        ? `Паспорт заявителя (${shortName(applicant)}) — того, кто подписал заявление`
        : 'Паспорт родителя или законного представителя — того, кто подписал заявление',
      required: true,
    });
    let text: string;
    if (doc?.kind === 'temporary-id') {
      text = `Временное удостоверение личности ребёнка (действительно до ${formatRuDate(doc.validUntil)})`;
    } else if (fourteen) {
      text = 'Паспорт ребёнка (с 14 лет — паспорт вместо свидетельства о рождении)';
    } else if (doc?.kind === 'foreign-birth-certificate') {
      text = 'Свидетельство о рождении ребёнка, выданное за границей';
    } else {
      text = 'Свидетельство о рождении ребёнка';
    }
    items.push({ id: 'child-document', text, required: true });
  }

  items.push({ id: 'child-snils', text: 'СНИЛС ребёнка', required: true });
  items.push({
    id: 'child-inn',
    text: rules.innRequired ? `ИНН ребёнка — обязательно (${rules.name})` : 'ИНН ребёнка (если есть)',
    required: rules.innRequired,
  });
  if (child.attends === 'none') {
    items.push({
      id: 'registration',
      text: 'Документ о регистрации (прописке) ребёнка в вашем городе или районе — нужен, потому что ребёнок не ходит в школу или детский сад',
      required: true,
    });
  }
  return items;
}

/**
 * The activation checklist when the child is not known (the guide's activation step shows it on
 * the portal, where the profile is not read): the same rules as {@link activationChecklist},
 * with the cases spelled out — 14+, the municipalities that require the child's ИНН (from
 * `MUNICIPALITY_RULES`), registration only for children outside school and kindergarten.
 * @param region `tver` | `kuzbass`
 * @returns short Russian lines, in the order to check them
 */
export function generalActivationChecklist(region: RegionId): string[] {
  const innTowns = MUNICIPALITY_RULES.filter((r) => r.region === region && r.innRequired).map((r) => r.name);
  return [
    'заявление и согласие на обработку персональных данных — распечатанные и подписанные',
    `паспорт заявителя (ребёнок с ${SELF_APPLY_AGE} лет, подающий сам, — свой паспорт)`,
    `свидетельство о рождении ребёнка (с ${SELF_APPLY_AGE} лет — паспорт ребёнка)`,
    'СНИЛС ребёнка',
    innTowns.length ? `ИНН ребёнка — если есть; обязательно: ${innTowns.join(', ')}` : 'ИНН ребёнка — если есть',
    'документ о регистрации ребёнка в муниципалитете — только если ребёнок не ходит в детский сад или школу',
  ];
}
