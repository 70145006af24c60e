import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_PRESENTATION,
  PRESENTATION_KEY,
  loadPresentation,
  parsePresentation,
  savePresentation,
  watchPresentation,
  type Presentation,
} from '@/utils/guide/presentation';
import { MASKED, redactValues } from '@/utils/guide/mask';

/** Stored values a broken or older extension, or another tool, might have left behind. */
const GARBAGE: unknown[] = [
  undefined,
  null,
  0,
  42,
  NaN,
  '',
  'mask',
  '{"mask":true}',
  true,
  false,
  [],
  [true, true],
  () => true,
  Symbol('x'),
  new Date(0),
  {},
  { mask: 'true' },
  { mask: 1, large: 'yes', slow: null },
  { pauseSeconds: '10' },
  { pauseSeconds: 1 },
  { pauseSeconds: 31 },
  { pauseSeconds: 2.5 },
  { pauseSeconds: Infinity },
  { pauseSeconds: NaN },
  { pauseSeconds: -5 },
  { large: true, extra: 'ignored', __proto__: { mask: true } },
];

describe('parsePresentation', () => {
  it('turns garbage into the defaults and never throws', () => {
    for (const raw of [undefined, null, 0, 42, '', 'mask', '{"mask":true}', true, [], [true], () => true, new Date(0), {}]) {
      expect(parsePresentation(raw), String(raw)).toEqual(DEFAULT_PRESENTATION);
    }
  });

  it('the defaults: everything off, 5 s pause', () => {
    expect(DEFAULT_PRESENTATION).toEqual({ large: false, slow: false, mask: false, autoAdvance: false, pauseSeconds: 5 });
  });

  it('keeps the valid fields of a partial object and defaults the rest', () => {
    expect(parsePresentation({ mask: true })).toEqual({ ...DEFAULT_PRESENTATION, mask: true });
    expect(parsePresentation({ large: true, slow: true })).toEqual({ ...DEFAULT_PRESENTATION, large: true, slow: true });
    expect(parsePresentation({ autoAdvance: true, pauseSeconds: 12 })).toEqual({ ...DEFAULT_PRESENTATION, autoAdvance: true, pauseSeconds: 12 });
  });

  it('replaces broken fields one by one, keeping the good ones next to them', () => {
    expect(parsePresentation({ mask: 'true', large: true })).toEqual({ ...DEFAULT_PRESENTATION, large: true });
    expect(parsePresentation({ slow: 1, mask: true, pauseSeconds: 31 })).toEqual({ ...DEFAULT_PRESENTATION, mask: true });
    for (const pauseSeconds of [1, 31, 2.5, '10', NaN, Infinity, -5, null]) {
      expect(parsePresentation({ pauseSeconds, large: true }).pauseSeconds, String(pauseSeconds)).toBe(5);
    }
    expect(parsePresentation({ pauseSeconds: 2 }).pauseSeconds).toBe(2);
    expect(parsePresentation({ pauseSeconds: 30 }).pauseSeconds).toBe(30);
  });

  it('drops unknown keys and ignores inherited ones', () => {
    const p = parsePresentation({ large: true, extra: 'x', __proto__: { mask: true } });
    expect(Object.keys(p).sort()).toEqual(['autoAdvance', 'large', 'mask', 'pauseSeconds', 'slow']);
    expect(p.large).toBe(true);
  });

  it('always answers the five fields with their types and ranges, keeping each valid field as given', () => {
    const values = [undefined, null, true, false, 0, 1, 2, 5, 30, 31, 2.5, -1, NaN, Infinity, 'true', '5', [], {}];
    const samples: unknown[] = [...GARBAGE];
    for (const v of values) {
      for (const key of ['large', 'slow', 'mask', 'autoAdvance', 'pauseSeconds']) samples.push({ [key]: v });
      samples.push({ large: v, slow: true, mask: v, autoAdvance: false, pauseSeconds: v });
    }
    for (const raw of samples) {
      const p = parsePresentation(raw);
      expect(Object.keys(p).sort()).toEqual(['autoAdvance', 'large', 'mask', 'pauseSeconds', 'slow']);
      for (const k of ['large', 'slow', 'mask', 'autoAdvance'] as const) {
        expect(typeof p[k]).toBe('boolean');
        const given = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[k] : undefined;
        if (typeof given === 'boolean') expect(p[k]).toBe(given);
      }
      expect(Number.isInteger(p.pauseSeconds) && p.pauseSeconds >= 2 && p.pauseSeconds <= 30).toBe(true);
    }
  });
});

describe('stored settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('load gives the defaults when nothing or garbage is stored', async () => {
    expect(await loadPresentation()).toEqual(DEFAULT_PRESENTATION);
    await fakeBrowser.storage.local.set({ [PRESENTATION_KEY]: 'broken' });
    expect(await loadPresentation()).toEqual(DEFAULT_PRESENTATION);
  });

  it('save merges a patch, and watchers see the change', async () => {
    const seen: Presentation[] = [];
    const stop = watchPresentation((p) => seen.push(p));
    await savePresentation({ large: true });
    const after = await savePresentation({ mask: true });
    expect(after).toEqual({ ...DEFAULT_PRESENTATION, large: true, mask: true });
    expect(await loadPresentation()).toEqual(after);
    expect(seen.at(-1)).toEqual(after);
    stop();
    await savePresentation({ mask: false });
    expect(seen.at(-1)).toEqual(after);
  });
});

describe('redactValues («Демонстрация» guard for the panel texts)', () => {
  it('masks every occurrence of the values, case-insensitively, longest first', () => {
    const values = ['Смирнов Артём Андреевич', 'Смирнов', 'III-ПО', '537155', 'svidetelstvo-artem.png'];
    expect(redactValues('Выбран ребёнок: смирнов артём андреевич (III-ПО 537155), файл svidetelstvo-artem.png', values)).toBe(
      `Выбран ребёнок: ${MASKED} (${MASKED} ${MASKED}), файл ${MASKED}`,
    );
  });

  it('leaves texts without values alone and ignores very short or regex-like values', () => {
    expect(redactValues('Серия: заполнено', [])).toBe('Серия: заполнено');
    expect(redactValues('Серия: заполнено', ['a', 'Се'])).toBe('Серия: заполнено');
    expect(redactValues('сумма (1+1)*2 = 4', ['(1+1)*2'])).toBe(`сумма ${MASKED} = 4`);
  });
});
