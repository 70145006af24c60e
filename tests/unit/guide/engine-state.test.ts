// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { GuideEngine } from '@/utils/guide/engine';
import { cabinetFlow } from '@/utils/flows/cabinet';
import type { Highlight } from '@/utils/guide/highlight';
import type { Request } from '@/utils/messages';

const highlight = { clear() {}, follow() {}, current: null } as unknown as Highlight;

/**
 * The engine reads the tab's stored state (hidden, variant) once at start; a choice the user
 * makes before that answer arrives must not be undone by it (read at start, listen later).
 */
describe('guide engine: the stored tab state read at start', () => {
  it('a choice made while the stored state is on its way wins over it', async () => {
    let answer!: (v: unknown) => void;
    const sent: Request[] = [];
    const send = (req: Request) => {
      sent.push(req);
      if (req.type === 'tab-state:get') return new Promise((r) => (answer = r));
      return Promise.resolve(undefined);
    };
    const engine = new GuideEngine(cabinetFlow, highlight, send, () => undefined, document);
    const started = engine.start();
    engine.setHidden(true);
    engine.setVariant('pupil');
    answer({ hidden: false, variant: 'parent' });
    await started;
    expect(engine.state.hidden.value).toBe(true);
    expect(engine.state.variant.value).toBe('pupil');
    expect(sent.filter((r) => r.type === 'tab-state:set')).toHaveLength(2);
    engine.stop();
  });

  it('without a choice, the stored state is taken', async () => {
    const send = async (req: Request) => (req.type === 'tab-state:get' ? { hidden: true, variant: 'pupil' } : undefined);
    const engine = new GuideEngine(cabinetFlow, highlight, send, () => undefined, document);
    await engine.start();
    expect(engine.state.hidden.value).toBe(true);
    expect(engine.state.variant.value).toBe('pupil');
    engine.stop();
  });
});
