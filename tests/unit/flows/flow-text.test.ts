// @vitest-environment jsdom
import { describe, it, expect, vi } from 'vitest';
import { sgoFlow, sgoPage, sgoText } from '@/utils/flows/sgo';
import { cabinetFlow, cabinetPage, cabinetText } from '@/utils/flows/cabinet';
import { NO_TEXT, withText } from '@/utils/flows/flow-text';
import { mountGuide } from '@/utils/guide/mount';
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

  it('a content script asks the background for the words and the style sheet first, then starts the guide with them; without an answer it still starts, out of sight', async () => {
    for (const answer of [true, false]) {
      document.body.innerHTML = '<p>page</p>';
      const asked: string[] = [];
      const send = vi.fn(async (m: Request) => {
        asked.push(m.type);
        if (m.type === 'flow:text') {
          if (!answer) throw new Error('Extension context invalidated.');
          return { ...cabinetText, css: '.pfdo-panel{color:red}' };
        }
        if (m.type === 'tab-state:get') return { hidden: false, variant: 'parent' };
        return undefined;
      });
      let root: ShadowRoot | null = null;
      const engine = mountGuide(cabinetPage, send, { watchSettings: false, onRoot: (r) => (root = r) });
      // Until the style sheet has come with the words, nothing of the guide shows.
      expect(root!.querySelector('style')!.textContent).toContain('display:none');
      await vi.waitFor(() => expect(asked).toContain('tab-state:get'));
      expect(asked.slice(0, 2)).toEqual(['flow:text', 'tab-state:get']);
      const login = engine.state.flow.steps.find((s) => s.id === 'cabinet.login')!;
      expect(login.title).toBe(answer ? 'Вход в личный кабинет' : '');
      expect(login.instruction).toEqual(answer ? cabinetFlow.steps.find((s) => s.id === 'cabinet.login')!.instruction : NO_TEXT);
      expect(engine.state.flow.portal).toBe(answer ? cabinetFlow.portal : '');
      expect(root!.querySelector('style')!.textContent).toBe(answer ? '.pfdo-panel{color:red}' : ':host{display:none!important}');
      expect(engine.state.flow).not.toHaveProperty('css');
      engine.stop();
    }
  });
});
