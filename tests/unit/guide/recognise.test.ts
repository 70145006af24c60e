// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { JSDOM } from 'jsdom';
import { sgoFlow } from '@/utils/flows/sgo';
import { cabinetFlow } from '@/utils/flows/cabinet';
import { matchingSteps, recognise, stepPosition, textForVariant } from '@/utils/guide/recognise';
import type { Flow } from '@/utils/guide/types';
import { sgoExamples, cabinetExamples, type Example } from './examples';

function doc(e: Example): Document {
  return new JSDOM(`<!doctype html><html><body>${e.html}</body></html>`, { url: e.url }).window.document;
}

function matrix(flow: Flow, examples: Example[]) {
  describe(`recognisers of ${flow.id}`, () => {
    for (const e of examples) {
      it(`${e.step ?? 'no step'} on ${new URL(e.url).pathname} — and no other step`, () => {
        const d = doc(e);
        expect(matchingSteps(flow, d, e.url)).toEqual(e.step ? [e.step] : []);
        expect(recognise(flow, d, e.url)?.id ?? null).toBe(e.step);
      });
    }
    it('every step with a recogniser has at least one example', () => {
      const covered = new Set(examples.map((e) => e.step));
      for (const s of flow.steps) if (s.when) expect(covered.has(s.id), s.id).toBe(true);
    });
    it('step ids and codes are unique; the path lists existing steps', () => {
      const ids = flow.steps.map((s) => s.id);
      const codes = [...flow.steps.map((s) => s.code), ...flow.advice.map((a) => a.code)];
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(codes).size).toBe(codes.length);
      for (const id of flow.path) expect(ids).toContain(id);
      expect(stepPosition(flow, flow.path[0])).toEqual({ index: 1, total: flow.path.length });
    });
  });
}

matrix(sgoFlow, sgoExamples);
matrix(cabinetFlow, cabinetExamples);

describe('textForVariant', () => {
  it('the variant’s own text, else the parent’s, else any; a plain string as is', () => {
    expect(textForVariant('один', 'pupil')).toBe('один');
    expect(textForVariant({ parent: 'родитель', pupil: 'ученик' }, 'pupil')).toBe('ученик');
    expect(textForVariant({ parent: 'родитель', pupil: 'ученик' })).toBe('родитель');
    expect(textForVariant({ parent: 'родитель' }, 'pupil')).toBe('родитель');
    expect(textForVariant({ pupil: 'ученик' })).toBe('ученик');
  });
});
