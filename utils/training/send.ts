/**
 * The guide's messaging on the training portal: answered in the page itself, from the
 * fictional family (`./family.ts`) — the stored profile is never read there, so no real child's
 * data can appear in a lesson. Kept free of zod (type imports only): the training portal's guide
 * script is bundled on its own and zod would double it; the requests come from our own engine.
 */
import type { FillChildrenResponse, FillValuesResponse, Request, TabState } from '@/utils/messages';
import { FILL_KEYS, FILL_STATUSES, TARGET_STATES } from '@/utils/guide/types';
import type { Applicant, Child } from '@/utils/profile/schema';
import { fillValuesFor } from '@/utils/profile/fill-values';
import { regionOfFlow } from '@/utils/profile/regions';
import type { Send } from '@/utils/guide/engine';
import { supportTextFor } from '@/utils/guide/support';
import { sgoFlow } from '@/utils/flows/sgo';
import { cabinetFlow } from '@/utils/flows/cabinet';
import { browser } from 'wxt/browser';
import { FAMILY } from './family';
import type { TrainingPortal } from './nav';

/** sessionStorage key of the panel's state (hidden, variant) on the training portal. */
const STATE_KEY = 'pfdo-training-panel';

/**
 * Fill values of the fictional family for a portal: the family's child of that portal's region.
 * @param portal `sgo` (Tver) | `cabinet` (Kuzbass)
 * @param keys the form's keys (`FillKey`)
 */
export function trainingFillValues(portal: TrainingPortal, keys: readonly string[]): FillValuesResponse {
  const region = regionOfFlow(portal).id;
  const raw = FAMILY.children.find((c) => c.region === region);
  if (!raw) return { ok: false, values: {}, message: 'В учебной семье нет ребёнка этого региона.' };
  // The family is written in the schema's output form (a unit test checks Child/Applicant.parse keep it as is).
  const child = raw as unknown as Child;
  const all = fillValuesFor(child, FAMILY.applicant as unknown as Applicant) as Record<string, string | undefined>;
  const values: Record<string, string> = {};
  for (const k of keys) if (all[k]) values[k] = all[k]!;
  const res: FillValuesResponse = { ok: true, values };
  const scan = FAMILY.scans.find((s) => s.childId === child.id);
  if (keys.includes('documentScan') && scan) res.scan = { name: scan.name, type: scan.type, base64: scan.base64 };
  return res;
}

/**
 * The panel's state from anything stored (as `TabState` of utils/messages.ts: `hidden` false,
 * `variant` «parent» by default; a variant is at most 20 characters).
 */
export function tabStateOf(raw: unknown): TabState {
  const o = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return {
    hidden: typeof o.hidden === 'boolean' ? o.hidden : false,
    variant: typeof o.variant === 'string' && o.variant.length <= 20 ? o.variant : 'parent',
  };
}

function readState(): TabState {
  try {
    return tabStateOf(JSON.parse(sessionStorage.getItem(STATE_KEY) ?? '{}'));
  } catch {
    return tabStateOf({});
  }
}

const FILL_KEY_SET = new Set<string>(FILL_KEYS);

const strOrNull = (v: unknown) => (typeof v === 'string' ? v : null);

/** A request of the guide's engine, or null when it is not one (the shapes of `Request` in utils/messages.ts). */
function requestOf(m: unknown): Request | null {
  const o = m && typeof m === 'object' ? (m as Record<string, unknown>) : null;
  switch (o?.type) {
    case 'tab-state:get':
    case 'fill:children':
    case 'open-consultant':
      return { type: o.type } as Request;
    case 'tab-state:set':
      return o.state && typeof o.state === 'object' ? ({ type: o.type, state: o.state } as Request) : null;
    case 'support:text':
      return (TARGET_STATES as readonly unknown[]).includes(o.targetState) && typeof o.variant === 'string'
        ? ({
            type: o.type,
            recognised: strOrNull(o.recognised),
            shown: strOrNull(o.shown),
            targetState: o.targetState,
            variant: o.variant,
            fillOutcomes: Array.isArray(o.fillOutcomes)
              ? o.fillOutcomes.filter((x) => typeof x?.name === 'string' && (FILL_STATUSES as readonly unknown[]).includes(x?.status)).map((x) => ({ name: x.name, status: x.status }))
              : null,
          } as Request)
        : null;
    case 'fill:values':
      return typeof o.childId === 'string' && Array.isArray(o.keys) && o.keys.every((k) => FILL_KEY_SET.has(k as string))
        ? ({ type: o.type, childId: o.childId, keys: o.keys } as Request)
        : null;
    default:
      return null;
  }
}

/**
 * The children of the fictional family «Заполнить» may fill for on a training portal: the
 * family's child of that portal's region, always chosen.
 */
export function trainingFillChildren(portal: TrainingPortal): FillChildrenResponse {
  const region = regionOfFlow(portal).id;
  const list = FAMILY.children.filter((c) => c.region === region);
  if (!list.length) return { ok: false, children: [], chosen: null, message: 'В учебной семье нет ребёнка этого региона.' };
  return { ok: true, children: list.map((c) => ({ id: c.id, label: `${c.name.lastName} ${c.name.firstName}` })), chosen: list[0].id };
}

/**
 * The `Send` of the training portal's guide: answers in the page, for the portal of this frame
 * (as the background derives the portal from the sender, never from the message).
 * @param openPage opens an extension page (`/consultant.html`) in a new tab
 * @param portal the training portal this guide runs on
 * @returns answers like the background's (`utils/background/handler.ts`); rejects on invalid requests
 */
export function trainingSend(openPage: (path: string) => void, portal: TrainingPortal): Send {
  return async (message) => {
    const req = requestOf(message);
    if (!req) throw new Error('Неверный запрос к расширению');
    switch (req.type) {
      case 'tab-state:get':
        return readState();
      case 'tab-state:set': {
        // Only the keys the message carries: an absent key keeps its stored value (with zod's
        // `TabState.partial()` the defaults would be filled in and reset it).
        const sent = (message as { state: Record<string, unknown> }).state;
        const patch = Object.fromEntries(Object.entries(req.state).filter(([k]) => Object.hasOwn(sent, k)));
        const next = tabStateOf({ ...readState(), ...patch });
        sessionStorage.setItem(STATE_KEY, JSON.stringify(next));
        return next;
      }
      case 'fill:children':
        return trainingFillChildren(portal);
      case 'fill:values': {
        const child = FAMILY.children.find((c) => c.id === req.childId);
        if (!child || child.region !== regionOfFlow(portal).id) return { ok: false, values: {}, message: 'Выберите ребёнка учебной семьи.' } satisfies FillValuesResponse;
        return trainingFillValues(portal, req.keys);
      }
      case 'open-consultant':
        openPage('/consultant.html');
        return true;
      case 'support:text':
        return supportTextFor(portal === 'sgo' ? sgoFlow : cabinetFlow, req, { url: location.href, version: browser.runtime.getManifest().version, userAgent: navigator.userAgent, now: new Date() });
      default:
        throw new Error('Неверный запрос к расширению');
    }
  };
}
