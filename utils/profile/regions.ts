/**
 * Per-region and per-municipality configuration as data (domain.md: where a rule differs
 * between regions or municipalities it belongs in configuration, not in code).
 */
import type { RegionId } from './checks';

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
  },
  kuzbass: {
    id: 'kuzbass',
    name: 'Кузбасс (Кемеровская область)',
    code: '42',
    portalName: 'Личный кабинет граждан Кемеровской области (cabinet.ruobr.ru)',
    portalUrl: 'https://cabinet.ruobr.ru/login/',
    flow: 'cabinet',
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
