// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { locate } from '@/utils/guide/locate';
import { fillFields } from '@/utils/guide/fill';

/** Labels and fields as a person pairs them (issue 9 §2): never a control of the next field. */
describe('label pairing', () => {
  it('a label whose own field is a custom widget never names the next field’s input', () => {
    document.body.innerHTML = `<form class="ui form">
      <div class="field"><label>Тип документа</label>
        <div class="ui selection dropdown" id="kind"><input type="hidden" name="doc_type"><i class="dropdown icon"></i><div class="default text">---------</div>
          <div class="menu"><div class="item" data-value="3">Свидетельство о рождении</div></div></div></div>
      <div class="field"><label>Серия</label><input id="series" name="series"></div></form>`;
    expect(locate({ label: 'Тип документа' })?.id).toBe('kind');
    const { outcomes } = fillFields([{ name: 'Тип документа', target: { label: 'Тип документа' }, value: 'documentKind' }], { documentKind: 'Свидетельство о рождении' }, undefined, document);
    expect((document.getElementById('series') as HTMLInputElement).value).toBe('');
    expect(outcomes[0].status).not.toBe('filled');
  });

  it('table layout and a sibling layout without `for` pair each label with its own field', () => {
    document.body.innerHTML = `<table><tr><td>Серия</td><td><input id="s"></td></tr><tr><td>Номер</td><td><input id="n"></td></tr></table>
      <div><span>Кем выдан</span><input id="b"><span>Дата выдачи</span><input id="d"></div>`;
    expect(locate({ label: 'Серия' })?.id).toBe('s');
    expect(locate({ label: 'Номер' })?.id).toBe('n');
    expect(locate({ label: 'Кем выдан' })?.id).toBe('b');
    expect(locate({ label: 'Дата выдачи' })?.id).toBe('d');
  });

  it('aria-labelledby and label variants from the flow data («Вид документа» for «Тип документа»)', () => {
    document.body.innerHTML = `<div><div id="lbl">Серия документа</div><div><div><input id="x" aria-labelledby="lbl"></div></div></div>
      <div class="row"><div class="col">Вид документа:</div><div class="col"><select id="k"><option>Паспорт</option></select></div></div>`;
    expect(locate({ label: ['Серия', 'Серия документа'] })?.id).toBe('x');
    expect(locate({ label: ['Тип документа', 'Вид документа'] })?.id).toBe('k');
  });

  it('an ambiguous pairing (two fields and no way to tell) is not found, and nothing is written', () => {
    document.body.innerHTML = `<div class="row"><div><b>Серия</b> и номер</div><div><input id="a"><input id="c"></div></div>
      <div class="pair"><span><em>Номер</em></span><span><input id="p"><input id="q"></span></div>`;
    expect(locate({ label: 'Номер' })).toBeNull();
    const { outcomes } = fillFields([{ name: 'Номер', target: { label: 'Номер' }, value: 'documentNumber' }], { documentNumber: '537155' }, undefined, document);
    expect(outcomes[0].status).toBe('not-found');
    for (const id of ['a', 'c', 'p', 'q']) expect((document.getElementById(id) as HTMLInputElement).value).toBe('');
  });
});
