// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { locate } from '@/utils/guide/locate';
import { fillFields } from '@/utils/guide/fill';

/**
 * Chosen and bootstrap-select, with their own markup and event models (issue 9 §3): Chosen hides
 * the select (display:none) and puts `div.chosen-container` after it — mousedown on
 * `.chosen-single` opens `.chosen-drop`, mouseup on `li.active-result` picks; bootstrap-select
 * wraps the select in `div.bootstrap-select` with a `button.dropdown-toggle` and a `.dropdown-menu`
 * of `li > a` — click on the toggle opens, click on an item picks. Both update the select and fire
 * `change`, and show the chosen text.
 */
const KINDS = ['Свидетельство о рождении', 'Паспорт гражданина РФ'];
const field = { name: 'Тип документа', target: { label: 'Тип документа' }, value: 'documentKind' as const };

function chosen() {
  document.body.innerHTML = `<div class="form-group"><label for="k">Тип документа</label>
    <select id="k" style="display:none"><option value=""></option>${KINDS.map((k, i) => `<option value="${i + 1}">${k}</option>`).join('')}</select>
    <div class="chosen-container chosen-container-single"><a class="chosen-single"><span>Выберите</span><div><b></b></div></a>
      <div class="chosen-drop" style="display:none"><ul class="chosen-results">${KINDS.map((k, i) => `<li class="active-result" data-option-array-index="${i + 1}">${k}</li>`).join('')}</ul></div></div></div>
    <div class="form-group"><label for="s">Серия</label><input id="s"></div>`;
  const select = document.getElementById('k') as HTMLSelectElement;
  const box = select.nextElementSibling as HTMLElement;
  const drop = box.querySelector<HTMLElement>('.chosen-drop')!;
  box.querySelector('.chosen-single')!.addEventListener('mousedown', () => (drop.style.display = drop.style.display === 'none' ? 'block' : 'none'));
  drop.addEventListener('mouseup', (e) => {
    const li = (e.target as Element).closest('li')!;
    select.selectedIndex = Number(li.getAttribute('data-option-array-index'));
    select.dispatchEvent(new Event('change', { bubbles: true }));
    box.querySelector('.chosen-single span')!.textContent = li.textContent;
    drop.style.display = 'none';
  });
  return { select, box };
}

function bootstrapSelect() {
  document.body.innerHTML = `<div class="form-group"><label for="k">Тип документа</label>
    <div class="dropdown bootstrap-select"><select id="k" class="selectpicker" style="display:none"><option value="">Ничего не выбрано</option>${KINDS.map((k, i) => `<option value="${i + 1}">${k}</option>`).join('')}</select>
      <button type="button" class="btn dropdown-toggle" aria-expanded="false"><div class="filter-option">Ничего не выбрано</div></button>
      <div class="dropdown-menu" style="display:none"><ul class="inner">${KINDS.map((k, i) => `<li><a class="dropdown-item" data-i="${i + 1}"><span class="text">${k}</span></a></li>`).join('')}</ul></div></div></div>`;
  const select = document.getElementById('k') as HTMLSelectElement;
  const box = select.parentElement as HTMLElement;
  const menu = box.querySelector<HTMLElement>('.dropdown-menu')!;
  box.querySelector('.dropdown-toggle')!.addEventListener('click', () => (menu.style.display = menu.style.display === 'none' ? 'block' : 'none'));
  menu.addEventListener('click', (e) => {
    const a = (e.target as Element).closest('a')!;
    select.selectedIndex = Number(a.getAttribute('data-i'));
    select.dispatchEvent(new Event('change', { bubbles: true }));
    box.querySelector('.filter-option')!.textContent = a.textContent;
    menu.style.display = 'none';
  });
  return { select, box };
}

describe('Chosen and bootstrap-select are filled by opening and pressing the option', () => {
  it('Chosen: the label’s hidden select gives the widget after it; picked, shown, the select follows; nothing else touched', () => {
    const { select, box } = chosen();
    expect(locate({ label: 'Тип документа' })).toBe(box);
    const { outcomes } = fillFields([field], { documentKind: 'Паспорт гражданина РФ' }, undefined, document);
    expect(outcomes[0]).toMatchObject({ status: 'filled', shown: 'Паспорт гражданина РФ' });
    expect(select.value).toBe('2');
    expect((document.getElementById('s') as HTMLInputElement).value).toBe('');
  });

  it('bootstrap-select: the widget around the select; picked and shown', () => {
    const { select, box } = bootstrapSelect();
    expect(locate({ label: 'Тип документа' })).toBe(box);
    const { outcomes } = fillFields([field], { documentKind: 'Свидетельство о рождении' }, undefined, document);
    expect(outcomes[0]).toMatchObject({ status: 'filled', shown: 'Свидетельство о рождении' });
    expect(select.value).toBe('1');
    expect(box.querySelector<HTMLElement>('.dropdown-menu')!.style.display).toBe('none');
  });
});
