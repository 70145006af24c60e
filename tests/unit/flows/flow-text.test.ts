// @vitest-environment jsdom
import { describe, it, expect, vi } from 'vitest';
import { sgoFlow, sgoPage, sgoText } from '@/utils/flows/sgo';
import { cabinetFlow, cabinetPage, cabinetText } from '@/utils/flows/cabinet';
import { NO_TEXT, withText } from '@/utils/flows/flow-text';
import { mountGuide } from '@/utils/guide/mount';
import { flowFromWire, flowToWire } from '@/utils/guide/wire';
import type { Request } from '@/utils/messages';

describe('flow words apart from the steps (utils/flows/flow-text.ts)', () => {
  it('every step has its words and every word table entry is a step; the whole flow is both joined', () => {
    for (const [page, text, flow] of [
      [sgoPage, sgoText, sgoFlow],
      [cabinetPage, cabinetText, cabinetFlow],
    ] as const) {
      expect(Object.keys(text.steps).sort()).toEqual(page.steps.map((s) => s.id).sort());
      for (const s of flow.steps) {
        expect(s.title, s.id).toBeTruthy();
        expect(s.instruction, s.id).not.toBe(NO_TEXT);
      }
      expect(flow.steps.map((s) => s.id)).toEqual(page.steps.map((s) => s.id));
      expect(flow.advice).toBe(text.advice);
      // The page flow carries no words: no step has them, no instruction or advice is in it.
      const bare = JSON.stringify(page);
      for (const s of page.steps) for (const key of ['title', 'instruction', 'lookFor', 'checklist']) expect(s, s.id).not.toHaveProperty(key);
      for (const s of flow.steps) for (const t of typeof s.instruction === 'string' ? [s.instruction] : Object.values(s.instruction)) expect(bare).not.toContain(t);
      for (const a of text.advice) expect(bare).not.toContain(a.text);
    }
  });

  it('a step without words says so instead of showing nothing', () => {
    const flow = withText(sgoPage);
    expect(flow.steps[0]).toMatchObject({ title: '', instruction: NO_TEXT });
  });

  it('the content script asks the background for the flow and the style sheet first, then starts the guide with them; without an answer nothing starts or shows', async () => {
    for (const answer of [true, false]) {
      document.body.innerHTML = '<p>page</p>';
      const asked: string[] = [];
      const send = vi.fn(async (m: Request) => {
        asked.push(m.type);
        if (m.type === 'flow:get') {
          if (!answer) throw new Error('Extension context invalidated.');
          return { flow: flowToWire(cabinetFlow), css: '.pfdo-panel{color:red}' };
        }
        if (m.type === 'tab-state:get') return { hidden: false, variant: 'parent' };
        return undefined;
      });
      let root: ShadowRoot | null = null;
      const engine = mountGuide(null, send, { watchSettings: false, onRoot: (r) => (root = r) });
      // Until the style sheet has come with the flow, nothing of the guide shows.
      expect(root!.querySelector('style')!.textContent).toContain('display:none');
      if (answer) {
        await vi.waitFor(() => expect(asked).toContain('tab-state:get'));
        expect(asked.slice(0, 2)).toEqual(['flow:get', 'tab-state:get']);
        // The whole flow, regular expressions included (the login page is known by its path).
        expect(engine.state.flow).toEqual(cabinetFlow);
        const login = engine.state.flow.steps.find((s) => s.id === 'cabinet.login')!;
        expect(login.when?.path).toBeInstanceOf(RegExp);
        expect(root!.querySelector('style')!.textContent).toBe('.pfdo-panel{color:red}');
      } else {
        await new Promise((r) => setTimeout(r, 20));
        expect(asked).toEqual(['flow:get']);
        expect(engine.state.flow.steps).toEqual([]);
        expect(root!.querySelector('style')!.textContent).toBe(':host{display:none!important}');
      }
      expect(engine.state.flow).not.toHaveProperty('css');
      engine.stop();
    }
  });

  it('a flow written for the content script reads back equal, regular expressions and all (utils/guide/wire.ts)', () => {
    for (const flow of [sgoFlow, cabinetFlow]) {
      const back = flowFromWire(flowToWire(flow));
      expect(back).toEqual(flow);
      const paths = (f: typeof flow) => f.steps.flatMap((s) => [s.when?.path, s.when?.notPath]).filter(Boolean).map(String);
      expect(paths(back).length).toBeGreaterThan(0);
      expect(paths(back)).toEqual(paths(flow));
    }
    expect(() => flowFromWire('{"id":')).toThrow(SyntaxError);
  });
});
