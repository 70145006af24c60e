// @vitest-environment jsdom
import { describe, it, expect, beforeEach } from 'vitest';
import { fillFields, undoFill } from '@/utils/guide/fill';
import type { FillField } from '@/utils/guide/types';

const fields: FillField[] = [
  { name: 'Тип документа', target: { label: 'Тип документа' }, value: 'documentKind' },
  { name: 'Серия', target: { label: 'Серия' }, value: 'documentSeries' },
  { name: 'Номер', target: { label: 'Номер' }, value: 'documentNumber' },
  { name: 'Дата выдачи', target: { label: 'Дата выдачи' }, value: 'documentIssuedAt' },
];
const values = { documentKind: 'Свидетельство о рождении', documentSeries: 'III-ПО', documentNumber: '537155', documentIssuedAt: '20.03.2015' };

beforeEach(() => {
  document.body.innerHTML = `
    <label for="k">Тип документа</label><select id="k"><option value="">—</option><option value="21">Паспорт гражданина РФ</option><option value="3">Свидетельство о рождении</option></select>
    <label for="s">Серия</label><input id="s">
    <label for="n">Номер</label><input id="n" value="old">
    <label for="d">Дата выдачи</label><input id="d" type="date">`;
});

describe('fillFields', () => {
  it('sets values the portal scripts notice (input and change events), selects by option text, dates for type=date', () => {
    const events: string[] = [];
    document.body.addEventListener('input', (e) => events.push(`input:${(e.target as HTMLElement).id}`));
    document.body.addEventListener('change', (e) => events.push(`change:${(e.target as HTMLElement).id}`));
    const { outcomes } = fillFields(fields, values, undefined, document);
    expect(outcomes.map((o) => o.status)).toEqual(['filled', 'filled', 'filled', 'filled']);
    expect((document.getElementById('k') as HTMLSelectElement).value).toBe('3');
    expect((document.getElementById('s') as HTMLInputElement).value).toBe('III-ПО');
    expect((document.getElementById('d') as HTMLInputElement).value).toBe('2015-03-20');
    expect(events).toContain('input:s');
    expect(events).toContain('change:k');
  });

  it('never fills password, disabled or read-only fields and reports why', () => {
    document.body.innerHTML = `<label for="p">Серия</label><input id="p" type="password">
      <label for="n">Номер</label><input id="n" disabled><label for="d">Дата выдачи</label><input id="d" readonly>`;
    const { outcomes } = fillFields(fields.slice(1), values, undefined, document);
    expect(outcomes.map((o) => o.status)).toEqual(['skipped', 'skipped', 'skipped']);
    expect((document.getElementById('p') as HTMLInputElement).value).toBe('');
  });

  it('does not touch hidden fields (they are not found)', () => {
    document.body.innerHTML = `<div style="display:none"><label for="s">Серия</label><input id="s"></div>`;
    const { outcomes } = fillFields([fields[1]], values, undefined, document);
    expect(outcomes[0].status).toBe('not-found');
    expect((document.getElementById('s') as HTMLInputElement).value).toBe('');
  });

  it('reports missing profile values and missing options', () => {
    const { outcomes } = fillFields(fields, { documentKind: 'Временное удостоверение' }, undefined, document);
    expect(outcomes.map((o) => o.status)).toEqual(['skipped', 'no-value', 'no-value', 'no-value']);
  });

  it('undo puts the previous values back', () => {
    const { undo } = fillFields(fields, values, undefined, document);
    undoFill(undo);
    expect((document.getElementById('n') as HTMLInputElement).value).toBe('old');
    expect((document.getElementById('k') as HTMLSelectElement).value).toBe('');
    expect((document.getElementById('s') as HTMLInputElement).value).toBe('');
  });

  it('never submits the form', () => {
    let submitted = false;
    document.body.innerHTML = `<form><label for="s">Серия</label><input id="s"><button type="submit">Сохранить</button></form>`;
    document.querySelector('form')!.addEventListener('submit', () => (submitted = true));
    fillFields([fields[1]], values, undefined, document);
    expect(submitted).toBe(false);
  });
});

describe('fillFields reads every field back (issue 9 §4: say only what is true)', () => {
  it('a field the page empties or changes again is «не получилось», not «заполнено»; formatting by the page is fine', () => {
    document.body.innerHTML = `
      <label for="s">Серия</label><input id="s">
      <label for="n">Номер</label><input id="n">
      <label for="k">Тип документа</label><select id="k"><option value="">—</option><option value="3">Свидетельство о рождении</option><option value="9">Иной документ</option></select>`;
    // The portal refuses the series (empties it) and formats the number with a space.
    document.getElementById('s')!.addEventListener('input', (e) => ((e.target as HTMLInputElement).value = ''));
    document.getElementById('n')!.addEventListener('change', (e) => ((e.target as HTMLInputElement).value = '537 155'));
    // …and switches the list to another option on change.
    document.getElementById('k')!.addEventListener('change', (e) => ((e.target as HTMLSelectElement).value = '9'));
    const { outcomes } = fillFields(fields.slice(0, 3), values, undefined, document);
    expect(outcomes.map((o) => [o.name, o.status])).toEqual([
      ['Тип документа', 'failed'],
      ['Серия', 'failed'],
      ['Номер', 'filled'],
    ]);
  });
});
