/**
 * Per-region and per-municipality configuration as data (domain.md: where a rule differs
 * between regions or municipalities it belongs in configuration, not in code).
 */
import type { RegionId } from './checks';

/**
 * The personal-data operator of a region as printed in item 3 of every consent (152-ФЗ ст. 9
 * ч. 4 п. 3: name and address of the operator receiving the consent). The operator is municipal
 * (domain.md §6): fill `name` and `address` only when one organisation with a known address
 * receives the consents of the whole region; otherwise the line stays blank and `nameHint` tells
 * the parent what to write there.
 */
export interface RegionOperator {
  /** Name of the operator, when known for the whole region. */
  name?: string;
  /** Its address, when known. */
  address?: string;
  /** Caption under the blank name line: which organisation to write in (Russian, in parentheses). */
  nameHint: string;
  /** Caption under the blank address line. */
  addressHint: string;
  /** Where the facts come from. */
  source: string;
}

/** What the extension knows about a region. */
export interface RegionInfo {
  id: RegionId;
  /** Russian name, e.g. «Тверская область». */
  name: string;
  /** Two-digit prefix of certificate numbers (domain.md §1). */
  code: string;
  /** Name of the portal where the certificate is requested. */
  portalName: string;
  /** Start page opened by «Открыть подсказку на портале». */
  portalUrl: string;
  /** Id of the guided flow that runs on the region's portal (`utils/flows/<flow>.ts`). */
  flow: 'sgo' | 'cabinet';
  /** Who receives the consents (item 3 of the consent), or what to write by hand. */
  operator: RegionOperator;
}

/** The two supported regions. */
export const REGIONS: Record<RegionId, RegionInfo> = {
  tver: {
    id: 'tver',
    name: 'Тверская область',
    code: '69',
    portalName: '«Сетевой город. Образование» (sgo.tvobr.ru)',
    portalUrl: 'https://sgo.tvobr.ru/',
    flow: 'sgo',
    operator: {
      // No organisation or address is named for the region: the certificate is formed through the
      // school, kindergarten or Дворец творчества детей и молодежи (seeds 000/001, «Вариант №4»);
      // the registry is kept per municipality (domain.md §1, §6).
      nameHint:
        '(впишите организацию, где активируете сертификат: школа, детский сад, Дворец творчества детей и молодёжи или другая)',
      addressHint: '(адрес этой организации)',
      source: 'seeds 000/001 (Тверь, «Вариант №4»); domain.md §1, §6: оператор муниципальный',
    },
  },
  kuzbass: {
    id: 'kuzbass',
    name: 'Кузбасс (Кемеровская область)',
    code: '42',
    portalName: 'Личный кабинет граждан Кемеровской области (cabinet.ruobr.ru)',
    portalUrl: 'https://cabinet.ruobr.ru/login/',
    flow: 'cabinet',
    operator: {
      // The cabinet lists the institutions of the municipality that activate the certificate
      // («Скачать учреждения», seed 003 steps 13–14; seed 004); no single operator is named.
      nameHint:
        '(впишите учреждение, где активируете сертификат, — из списка «Скачать учреждения» в личном кабинете)',
      addressHint: '(адрес этого учреждения)',
      source: 'seed 003, шаги 13–14 («Скачать учреждения»); seed 004; domain.md §6: оператор муниципальный',
    },
  },
};

/** Rules of one municipality that differ from the defaults. */
export interface MunicipalityRule {
  region: RegionId;
  /** Russian name for messages, e.g. «Ленинск-Кузнецкий городской округ». */
  name: string;
  /** Folded substrings (lower case, «ё»→«е») that identify the municipality in what the user typed. */
  match: string[];
  /** The child's ИНН must be brought for activation (seed 004). */
  innRequired?: boolean;
  /** Minimum age if not 5 (domain.md §2). */
  minAge?: number;
}

/** Municipalities with their own rules. Add entries here, not branches in code. */
export const MUNICIPALITY_RULES: MunicipalityRule[] = [
  {
    region: 'kuzbass',
    name: 'Ленинск-Кузнецкий городской округ',
    match: ['ленинск-кузнецк', 'ленинск кузнецк', 'ленинсккузнецк'],
    innRequired: true,
  },
];

/** Effective rules for a child's municipality. */
export interface EffectiveMunicipalityRules {
  /** Name of the matched municipality, if any. */
  name?: string;
  innRequired: boolean;
  minAge: number;
}

/**
 * Looks up the rules of the municipality a user typed (free text, e.g. «г. Ленинск-Кузнецкий»).
 * @param municipality free text from the profile, may be absent
 * @param region the child's region; a rule of another region does not apply
 * @returns the rules with defaults filled in (ИНН not required, minimum age 5)
 */
export function municipalityRules(municipality: string | undefined, region?: RegionId): EffectiveMunicipalityRules {
  const folded = (municipality ?? '').toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
  const rule = folded
    ? MUNICIPALITY_RULES.find((r) => (!region || r.region === region) && r.match.some((m) => folded.includes(m)))
    : undefined;
  return { name: rule?.name, innRequired: rule?.innRequired ?? false, minAge: rule?.minAge ?? 5 };
}

/**
 * The region whose portal a flow runs on.
 * @param flow flow id, `sgo` or `cabinet`
 * @returns the region's configuration
 * @throws Error for an unknown flow id (a bug in the caller)
 */
export function regionOfFlow(flow: string): RegionInfo {
  const r = Object.values(REGIONS).find((x) => x.flow === flow);
  if (!r) throw new Error(`No region for flow ${flow}`);
  return r;
}
