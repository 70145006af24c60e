import { describe, expect, it } from 'vitest';
import { parseCode, searchSteps, stem, FLOWS } from '@/utils/flows/search';
import { TROUBLES } from '@/utils/flows/troubles';

const ids = (q: string, portal: 'all' | 'sgo' | 'cabinet' = 'all') => searchSteps(q, portal).hits.map((h) => h.stepId);

describe('parseCode', () => {
  it.each([
    ['к7', 'к', '7'],
    ['К-7', 'к', '7'],
    ['k7', 'к', '7'],
    ['K 7', 'к', '7'],
    ['т3', 'т', '3'],
    ['T-3', 'т', '3'],
    ['7', null, '7'],
    [' 12 ', null, '12'],
  ])('%s', (q, letter, rest) => expect(parseCode(q)).toEqual({ letter, rest }));

  it('is null for words', () => {
    expect(parseCode('почта')).toBeNull();
    expect(parseCode('к 7 дней')).toBeNull();
  });
});

describe('searchSteps by code', () => {
  it.each(['к7', 'К-7', 'k7', 'K-7', 'к 7', 'К–7'])('%s → the e-mail step', (q) => {
    const r = searchSteps(q);
    expect(r.kind).toBe('code');
    expect(r.hits.map((h) => h.stepId)).toEqual(['cabinet.email']);
  });

  it('a bare number is read within the chosen portal', () => {
    expect(ids('7', 'cabinet')).toEqual(['cabinet.email']);
    expect(ids('7', 'sgo')).toEqual(['sgo.login-error']);
    expect(ids('7').sort()).toEqual(['cabinet.email', 'sgo.login-error']);
  });

  it('a code of the other portal finds nothing when a portal is chosen', () => {
    expect(searchSteps('т3', 'cabinet').hits).toEqual([]);
  });

  it('an advice code finds the steps whose panel offers that advice', () => {
    expect(ids('Т-П1').sort()).toEqual(['sgo.login', 'sgo.login-error']);
    expect(ids('тп2')).toEqual(['sgo.login']);
    expect(ids('К-П1').sort()).toEqual(['cabinet.apply', 'cabinet.services']);
    expect(searchSteps('К-П1').kind).toBe('code');
  });

  it('every advice of both flows is offered on some step (so its code can be found)', () => {
    for (const f of FLOWS) for (const a of f.advice) expect(ids(a.code).length, a.code).toBeGreaterThan(0);
  });

  it('finds every step of both flows by its own code', () => {
    for (const f of FLOWS) for (const s of f.steps) expect(ids(s.code)).toEqual([s.id]);
  });
});

describe('searchSteps by words', () => {
  it('empty query → nothing', () => expect(searchSteps('  ')).toEqual({ kind: 'empty', hits: [] }));

  it('«не приходит письмо» → К-8 first', () => {
    const r = searchSteps('не приходит письмо');
    expect(r.kind).toBe('words');
    expect(r.hits[0].code).toBe('К-8');
  });

  it('«Госуслуги» finds the login steps of both portals', () => {
    const found = ids('Госуслуги');
    for (const id of ['cabinet.login', 'cabinet.login-error', 'cabinet.esia-down', 'sgo.login']) expect(found).toContain(id);
  });

  it('is case-insensitive and treats ё as е', () => {
    expect(ids('НЕТ РЕБЁНКА')).toEqual(ids('нет ребенка'));
    expect(ids('нет ребёнка')).toContain('cabinet.services');
  });

  it.each([
    ['пароль не подходит', ['cabinet.login-error', 'sgo.login-error']],
    ['не активирован', ['cabinet.certificate', 'sgo.done', 'cabinet.activation', 'sgo.activation']],
    ['заморожен', ['cabinet.activation', 'sgo.activation']],
    ['пропали деньги', ['cabinet.activation', 'sgo.activation']],
    ['потерял номер', ['cabinet.certificate', 'sgo.done']],
    ['спам', ['cabinet.check-mail']],
  ])('«%s»', (q, expected) => {
    const found = ids(q);
    for (const id of expected) expect(found).toContain(id);
  });

  it('word forms match through stems', () => {
    expect(ids('письма')).toContain('cabinet.check-mail');
    expect(ids('паролем')).toContain('sgo.login-error');
  });

  it('respects the portal filter', () => {
    expect(ids('Госуслуги', 'sgo').every((id) => id.startsWith('sgo.'))).toBe(true);
  });

  it('unknown words find nothing', () => expect(ids('абракадабра')).toEqual([]));
});

describe('troubles data', () => {
  it('is keyed by existing step ids and every trouble has keywords', () => {
    const all = new Set(FLOWS.flatMap((f) => f.steps.map((s) => s.id)));
    for (const [id, list] of Object.entries(TROUBLES)) {
      expect(all.has(id), id).toBe(true);
      for (const t of list) expect(t.keywords.length, t.id).toBeGreaterThan(0);
    }
  });
  it('stem keeps short words and cuts endings of long ones', () => {
    expect(stem('нет')).toBe('нет');
    expect(stem('письмо')).toBe('пись');
  });
});
