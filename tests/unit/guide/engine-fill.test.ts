// @vitest-environment jsdom
import { describe, it, expect, beforeEach } from 'vitest';
import { GuideEngine } from '@/utils/guide/engine';
import { cabinetFlow } from '@/utils/flows/cabinet';
import type { Highlight } from '@/utils/guide/highlight';
import type { Request } from '@/utils/messages';
import type { Step } from '@/utils/guide/types';
import { FILL_KIT } from '@/utils/guide/fill-kit';
import { KIT_GLOBAL } from '@/utils/guide/kit';

const highlight = { clear() {}, follow() {}, current: null } as unknown as Highlight;

/** A form step like К-5, reduced to three fields and a scan. */
const STEP: Step = {
  id: 'test.form',
  code: 'К-0',
  title: 'Документ',
  instruction: '…',
  fill: [
    { name: 'Серия', target: { label: 'Серия' }, value: 'documentSeries' },
    { name: 'Номер', target: { label: 'Номер' }, value: 'documentNumber' },
    { name: 'Документ (скан)', target: { role: 'file' }, value: 'documentScan' },
  ],
};

/**
 * An engine on a bare page. Its background answers as the real one: `fill:kit` puts the kit into
 * this world (as the injected `/fill-kit.js` does), unless `noKit` (the injection failed).
 */
function engineWith(scanBase64: string, opts: { slow?: boolean; noKit?: boolean } = {}) {
  let valuesAsked = 0;
  let kitAsked = 0;
  let release: () => void = () => undefined;
  const send = async (req: Request) => {
    if (req.type === 'fill:kit') {
      kitAsked++;
      if (opts.noKit) throw new Error('Could not establish connection. Receiving end does not exist.');
      (globalThis as Record<string, unknown>)[KIT_GLOBAL] = FILL_KIT;
      return true;
    }
    if (req.type === 'fill:children') return { ok: true, children: [{ id: 'c', label: 'Смирнов Артём' }], chosen: 'c' };
    if (req.type === 'fill:values') {
      valuesAsked++;
      if (opts.slow) await new Promise<void>((r) => (release = r));
      return { ok: true, values: { documentSeries: 'III-ПО', documentNumber: '537155' }, scan: { name: 's.png', type: 'image/png', base64: scanBase64 } };
    }
    return undefined;
  };
  const engine = new GuideEngine(cabinetFlow, highlight, send, () => undefined, document);
  engine.state.recognised.value = STEP;
  // The step is set by hand here: no recognition passes on this bare page.
  engine.schedule = () => undefined;
  return { engine, asked: () => valuesAsked, kitAsked: () => kitAsked, release: () => release() };
}

const value = (id: string) => (document.getElementById(id) as HTMLInputElement).value;

beforeEach(() => {
  delete (globalThis as Record<string, unknown>)[KIT_GLOBAL];
  document.body.innerHTML = `<form>
    <label for="s">Серия</label><input id="s" value="XX">
    <label for="n">Номер</label><input id="n" value="">
    <label for="f">Документ</label><input id="f" type="file"></form>`;
});

describe('«Заполнить» in the engine', () => {
  it('the fill kit is asked with the list of children (a step that fills shown, or the first press), once, and fills then', async () => {
    document.getElementById('f')!.remove();
    const { engine, kitAsked } = engineWith('');
    expect(kitAsked()).toBe(0);
    expect(engine.kit).toBeNull();
    await engine.fill();
    expect(kitAsked()).toBe(1);
    expect(value('s')).toBe('III-ПО');
    await engine.fill();
    expect(kitAsked()).toBe(1);
  });

  it('when the kit cannot be injected (extension reloaded), nothing is filled and the panel says to reload', async () => {
    document.getElementById('f')!.remove();
    const { engine } = engineWith('', { noKit: true });
    await engine.fill();
    expect(value('s')).toBe('XX');
    expect(engine.state.fillOutcomes.value).toBeNull();
    expect(engine.state.fillMessage.value).toMatch(/Перезагрузите страницу/);
    expect(engine.canUndo).toBe(false);
  });

  it('a failure in the middle of a fill (a scan that cannot be decoded) undoes what was filled and says so', async () => {
    const { engine } = engineWith('!!! not base64 !!!');
    await engine.fill();
    expect(value('s')).toBe('XX');
    expect(value('n')).toBe('');
    expect(engine.state.fillOutcomes.value).toBeNull();
    expect(engine.state.fillMessage.value).toContain('Всё, что помощник успел вписать, отменено');
    expect(engine.canUndo).toBe(false);
  });

  it('a second press while a fill is on its way is ignored', async () => {
    document.getElementById('f')!.remove();
    const { engine, asked, release } = engineWith('', { slow: true });
    const first = engine.fill();
    await new Promise((r) => setTimeout(r, 0));
    const second = engine.fill();
    expect(engine.state.filling.value).toBe(true);
    release();
    await Promise.all([first, second]);
    expect(asked()).toBe(1);
    expect(engine.state.filling.value).toBe(false);
  });

  it('filling twice keeps the first undo: «Отменить заполнение» returns the values from before the first fill', async () => {
    document.getElementById('f')!.remove();
    const { engine } = engineWith('');
    await engine.fill();
    expect(value('s')).toBe('III-ПО');
    (document.getElementById('n') as HTMLInputElement).value = 'typed later';
    await engine.fill();
    engine.undoFill();
    expect(value('s')).toBe('XX');
    expect(value('n')).toBe('');
  });
});
