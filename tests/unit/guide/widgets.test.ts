// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { locate } from '@/utils/guide/locate';
import { fillFields, undoFill } from '@/utils/guide/fill';

/**
 * Widgets are controls (issue 9 §3): custom lists are found by their labels, filled by opening
 * them and pressing the option, and read back. The emulations below follow the libraries' own
 * markup and events (Fomantic: click opens, item click picks; select2 v4: mousedown on the
 * selection opens a list appended to <body>, mouseup on an option picks and updates the hidden
 * select; Chosen: mousedown opens, mouseup picks).
 */

const KINDS = ['Свидетельство о рождении', 'Паспорт гражданина РФ', 'Иностранный документ'];

function fomantic(id: string, label: string): string {
  return `<div class="field"><label>${label}</label>
    <div class="ui selection dropdown" id="${id}"><input type="hidden" name="${id}"><i class="dropdown icon"></i><div class="default text">Выберите</div>
      <div class="menu" style="display:none">${KINDS.map((k, i) => `<div class="item" data-value="${i + 1}">${k}</div>`).join('')}</div></div></div>`;
}

/** Fomantic's behaviour: click toggles the menu; an item's click sets the hidden input and the text. */
function wireFomantic(dd: HTMLElement, log: string[] = []) {
  const menu = dd.querySelector<HTMLElement>('.menu')!;
  dd.addEventListener('click', (e) => {
    const item = (e.target as Element).closest('.item');
    if (item) {
      const input = dd.querySelector('input')!;
      input.value = item.getAttribute('data-value')!;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      const text = dd.querySelector('.text')!;
      text.textContent = item.textContent;
      text.classList.remove('default');
      menu.style.display = 'none';
      dd.classList.remove('active', 'visible');
      log.push(`picked ${item.textContent}`);
      return;
    }
    const open = menu.style.display === 'none';
    menu.style.display = open ? 'block' : 'none';
    dd.classList.toggle('active', open);
  });
  dd.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Escape') menu.style.display = 'none';
  });
}

function select2(id: string, label: string): string {
  return `<div class="form-group"><label for="${id}">${label}</label>
    <select id="${id}" class="select2-hidden-accessible" aria-hidden="true" tabindex="-1" style="display:none"><option value="">---------</option>${KINDS.map((k, i) => `<option value="${i + 1}">${k}</option>`).join('')}</select>
    <span class="select2 select2-container"><span class="selection"><span class="select2-selection select2-selection--single" role="combobox" aria-expanded="false">
      <span class="select2-selection__rendered">---------</span><span class="select2-selection__arrow"></span></span></span></span></div>`;
}

/** select2 v4's behaviour: mousedown opens a list at the end of <body>; mouseup on an option picks. */
function wireSelect2(select: HTMLSelectElement, opts: { late?: boolean } = {}) {
  const container = select.nextElementSibling as HTMLElement;
  const selection = container.querySelector<HTMLElement>('.select2-selection')!;
  let drop: HTMLElement | null = null;
  const closeDrop = () => {
    drop?.remove();
    drop = null;
    selection.setAttribute('aria-expanded', 'false');
  };
  const openDrop = () => {
    drop = document.createElement('span');
    drop.className = 'select2-container select2-container--open';
    drop.innerHTML = `<span class="select2-dropdown"><span class="select2-results"><ul class="select2-results__options" role="listbox">${Array.from(select.options)
      .map((o) => `<li class="select2-results__option" role="option" data-v="${o.value}">${o.text}</li>`)
      .join('')}</ul></span></span>`;
    drop.addEventListener('mouseup', (e) => {
      const li = (e.target as Element).closest('li')!;
      select.value = li.getAttribute('data-v')!;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      closeDrop();
    });
    document.body.append(drop);
    selection.setAttribute('aria-expanded', 'true');
  };
  selection.addEventListener('mousedown', () => {
    if (drop) closeDrop();
    else if (opts.late) setTimeout(openDrop, 50);
    else openDrop();
  });
  select.addEventListener('change', () => {
    container.querySelector('.select2-selection__rendered')!.textContent = select.selectedOptions[0]?.text ?? '';
  });
}

describe('list widgets are filled the way a person does it', () => {
  it('Fomantic dropdown: found by its label, opened, the option pressed, read back', () => {
    document.body.innerHTML = `<form>${fomantic('kind', 'Тип документа')}<div class="field"><label>Серия</label><input id="series"></div></form>`;
    const dd = document.getElementById('kind')!;
    const log: string[] = [];
    wireFomantic(dd, log);
    expect(locate({ label: 'Тип документа' })).toBe(dd);
    const { outcomes, undo } = fillFields([{ name: 'Тип документа', target: { label: 'Тип документа' }, value: 'documentKind' }], { documentKind: 'Свидетельство о рождении' }, undefined, document);
    expect(outcomes[0]).toEqual({ name: 'Тип документа', status: 'filled', shown: 'Свидетельство о рождении' });
    expect(dd.querySelector('input')!.value).toBe('1');
    expect((document.getElementById('series') as HTMLInputElement).value).toBe('');
    expect(dd.querySelector<HTMLElement>('.menu')!.style.display).toBe('none');
    expect(log).toEqual(['picked Свидетельство о рождении']);
    // Undo: the placeholder is not an option, so the hidden field gets its old value back.
    undoFill(undo);
    expect(dd.querySelector('input')!.value).toBe('');
  });

  it('select2: the label points at the hidden select; the visible widget is outlined and filled; the select follows', () => {
    document.body.innerHTML = `<form>${select2('id_kind', 'Тип документа')}<div class="form-group"><label for="s">Серия</label><input id="s"></div></form>`;
    const select = document.getElementById('id_kind') as HTMLSelectElement;
    wireSelect2(select);
    const widget = select.nextElementSibling!;
    expect(locate({ label: 'Тип документа' })).toBe(widget);
    const { outcomes, undo } = fillFields([{ name: 'Тип документа', target: { label: 'Тип документа' }, value: 'documentKind' }], { documentKind: 'Паспорт гражданина РФ' }, undefined, document);
    expect(outcomes[0]).toMatchObject({ status: 'filled', shown: 'Паспорт гражданина РФ' });
    expect(select.value).toBe('2');
    expect(widget.querySelector('.select2-selection__rendered')!.textContent).toBe('Паспорт гражданина РФ');
    expect(document.querySelector('.select2-container--open')).toBeNull();
    undoFill(undo);
    expect(select.value).toBe('');
    expect(widget.querySelector('.select2-selection__rendered')!.textContent).toBe('---------');
  });

  it('no matching option: nothing picked, the list closed, said so', () => {
    document.body.innerHTML = `<form>${select2('id_kind', 'Тип документа')}</form>`;
    const select = document.getElementById('id_kind') as HTMLSelectElement;
    wireSelect2(select);
    const { outcomes } = fillFields([{ name: 'Тип документа', target: { label: 'Тип документа' }, value: 'documentKind' }], { documentKind: 'Вид на жительство' }, undefined, document);
    expect(outcomes[0]).toMatchObject({ status: 'skipped', reason: 'в списке нет подходящего варианта' });
    expect(select.value).toBe('');
    expect(document.querySelector('.select2-container--open')).toBeNull();
  });

  it('a list that opens later than the press is reported as not done, never guessed', () => {
    document.body.innerHTML = `<form>${select2('id_kind', 'Тип документа')}</form>`;
    const select = document.getElementById('id_kind') as HTMLSelectElement;
    wireSelect2(select, { late: true });
    const { outcomes } = fillFields([{ name: 'Тип документа', target: { label: 'Тип документа' }, value: 'documentKind' }], { documentKind: 'Свидетельство о рождении' }, undefined, document);
    expect(outcomes[0].status).toBe('failed');
    expect(select.value).toBe('');
  });

  it('a widget that picks but shows something else is «не получилось», not «заполнено»', () => {
    document.body.innerHTML = `<form>${fomantic('kind', 'Тип документа')}</form>`;
    const dd = document.getElementById('kind')!;
    wireFomantic(dd);
    // The portal's own script rewrites the text (e.g. a validation reset).
    dd.addEventListener('click', () => (dd.querySelector('.text')!.textContent = 'Выберите'));
    const { outcomes } = fillFields([{ name: 'Тип документа', target: { label: 'Тип документа' }, value: 'documentKind' }], { documentKind: 'Свидетельство о рождении' }, undefined, document);
    expect(outcomes[0].status).toBe('failed');
  });

  it('a disabled widget is not touched', () => {
    document.body.innerHTML = `<form>${fomantic('kind', 'Тип документа')}</form>`;
    const dd = document.getElementById('kind')!;
    dd.classList.add('disabled');
    const clicks: string[] = [];
    dd.addEventListener('click', () => clicks.push('click'));
    const { outcomes } = fillFields([{ name: 'Тип документа', target: { label: 'Тип документа' }, value: 'documentKind' }], { documentKind: 'Свидетельство о рождении' }, undefined, document);
    expect(outcomes[0]).toMatchObject({ status: 'skipped', reason: 'поле недоступно для изменения' });
    expect(clicks).toEqual([]);
  });
});

describe('label wordings listed in the flow data', () => {
  it('К-5 on a form that says «Вид документа», «Серия документа», «Номер документа»: every value in its own field', async () => {
    const { cabinetFlow } = await import('@/utils/flows/cabinet');
    const step = cabinetFlow.steps.find((s) => s.id === 'cabinet.document-form')!;
    document.body.innerHTML = `<div class="modal-dialog"><div class="modal-content"><h4>Документ ребенка</h4>
      <div class="row"><div class="col"><span>Вид документа *</span></div><div class="col"><select id="k"><option></option><option>Свидетельство о рождении</option></select></div></div>
      <div class="row"><div class="col"><span>Серия документа:</span></div><div class="col"><input id="s"></div></div>
      <div class="row"><div class="col"><span>Номер документа:</span></div><div class="col"><input id="n"></div></div>
      <div class="row"><div class="col"><span>Дата выдачи документа</span></div><div class="col"><input id="d"></div></div>
      <div class="row"><div class="col"><span>Орган, выдавший документ</span></div><div class="col"><input id="b"></div></div>
      <button>Сохранить</button></div></div>`;
    const values = { documentKind: 'Свидетельство о рождении', documentSeries: 'IV-ОМ', documentNumber: '123456', documentIssuedAt: '01.02.2016', documentIssuedBy: 'Отдел ЗАГС' };
    const { outcomes } = fillFields(step.fill!.filter((f) => f.value !== 'documentScan'), values, undefined, document);
    expect(outcomes.map((o) => o.status)).toEqual(['filled', 'filled', 'filled', 'filled', 'filled']);
    const v = (id: string) => (document.getElementById(id) as HTMLInputElement).value;
    expect([v('k'), v('s'), v('n'), v('d'), v('b')]).toEqual(['Свидетельство о рождении', 'IV-ОМ', '123456', '01.02.2016', 'Отдел ЗАГС']);
  });
});

describe('a native select that carries a library class', () => {
  it('`<select class="ui dropdown">` not yet wrapped by the library is filled as a native select', () => {
    document.body.innerHTML = `<div class="field"><label for="t">Тип документа</label><select class="ui dropdown" id="t"><option value="">---------</option><option value="1">Свидетельство о рождении</option></select></div>`;
    const { outcomes } = fillFields([{ name: 'Тип документа', target: { label: 'Тип документа' }, value: 'documentKind' }], { documentKind: 'Свидетельство о рождении' }, undefined, document);
    expect(outcomes[0]).toMatchObject({ status: 'filled', shown: 'Свидетельство о рождении' });
    expect((document.getElementById('t') as HTMLSelectElement).value).toBe('1');
  });
});

describe('a list that opens on focus', () => {
  it('the click after the focus closes it; a second press opens it and the option is picked', () => {
    document.body.innerHTML = `<form>${fomantic('kind', 'Тип документа')}</form>`;
    const dd = document.getElementById('kind')!;
    dd.tabIndex = 0;
    wireFomantic(dd);
    // showOnFocus: focusing shows the menu, and the click handler then toggles it shut.
    dd.addEventListener('focus', () => (dd.querySelector<HTMLElement>('.menu')!.style.display = 'block'));
    const { outcomes } = fillFields([{ name: 'Тип документа', target: { label: 'Тип документа' }, value: 'documentKind' }], { documentKind: 'Свидетельство о рождении' }, undefined, document);
    expect(outcomes[0]).toMatchObject({ status: 'filled', shown: 'Свидетельство о рождении' });
    expect(dd.querySelector('input')!.value).toBe('1');
  });
});
