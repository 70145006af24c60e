/**
 * The guide's messaging on the training portal: answered in the page itself, from the
 * fictional family (`./family.ts`) — the stored profile is never read there, so no real child's
 * data can appear in a lesson.
 */
import { Request, TabState, type FillValuesResponse } from '@/utils/messages';
import { Applicant, Child } from '@/utils/profile/schema';
import { fillValuesFor } from '@/utils/profile/fill-values';
import { regionOfFlow } from '@/utils/profile/regions';
import type { Send } from '@/utils/guide/engine';
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
  const child = Child.parse(raw);
  const all = fillValuesFor(child, Applicant.parse(FAMILY.applicant)) as Record<string, string | undefined>;
  const values: Record<string, string> = {};
  for (const k of keys) if (all[k]) values[k] = all[k]!;
  const res: FillValuesResponse = { ok: true, values };
  const scan = FAMILY.scans.find((s) => s.childId === child.id);
  if (keys.includes('documentScan') && scan) res.scan = { name: scan.name, type: scan.type, base64: scan.base64 };
  return res;
}

function readState(): TabState {
  try {
    const st = TabState.safeParse(JSON.parse(sessionStorage.getItem(STATE_KEY) ?? '{}'));
    return st.success ? st.data : TabState.parse({});
  } catch {
    return TabState.parse({});
  }
}

/**
 * The `Send` of the training portal's guide.
 * @param portal the replica's portal
 * @param openPage opens an extension page (`/consultant.html`, `/options.html`) in a new tab
 * @returns answers like the background's (`utils/background/handler.ts`); rejects on invalid requests
 */
export function trainingSend(portal: TrainingPortal, openPage: (path: string) => void): Send {
  return async (message) => {
    const parsed = Request.safeParse(message);
    if (!parsed.success) throw new Error('Неверный запрос к расширению');
    const req = parsed.data;
    switch (req.type) {
      case 'tab-state:get':
        return readState();
      case 'tab-state:set': {
        const next = TabState.parse({ ...readState(), ...req.state });
        sessionStorage.setItem(STATE_KEY, JSON.stringify(next));
        return next;
      }
      case 'fill:values':
        return trainingFillValues(req.portal, req.keys);
      case 'open-options':
        openPage('/options.html');
        return true;
      case 'open-consultant':
        openPage('/consultant.html');
        return true;
    }
  };
}
