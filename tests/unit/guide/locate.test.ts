// @vitest-environment jsdom
import { describe, it, expect, beforeEach } from 'vitest';
import { locate, locateAll } from '@/utils/guide/locate';
import { fold } from '@/utils/guide/text';

function page(html: string) {
  document.body.innerHTML = html;
}

describe('fold', () => {
  it('folds case, ё, no-break spaces and whitespace runs', () => {
    expect(fold('  ПОЛУЧИТЬ\u00a0 Сертификат\n')).toBe('получить сертификат');
    expect(fold('Учёт')).toBe('учет');
  });
});

describe('locate', () => {
  beforeEach(() => page(''));

  it('finds a button by visible text regardless of case and whitespace', () => {
    page('<div><button id="b"><span>  ПОЛУЧИТЬ   сертификат </span></button></div>');
    expect(locate({ text: 'Получить сертификат', role: 'button' })?.id).toBe('b');
  });

  it('widens a text match to its clickable div (div.primary-button «Войти»)', () => {
    page('<div class="primary-button" id="w"><span>Войти</span></div>');
    expect(locate({ text: 'Войти', css: '.primary-button' })?.id).toBe('w');
  });

  it('does not match longer text with exact `text`', () => {
    page('<a href="#">Получить сертификат ПДО</a>');
    expect(locate({ text: 'Получить сертификат' })).toBeNull();
    expect(locate({ textContains: 'Получить сертификат' })).not.toBeNull();
  });

  it('finds an icon-only control by title and climbs to its link', () => {
    page('<a href="#" id="l" ng-click="openPersonalSettings()"><span class="glyphicon-user" title="Персональные настройки"></span></a>');
    expect(locate({ title: 'Персональные настройки' })?.id).toBe('l');
  });

  it('finds a control by <label for>, by wrapping label, and by a label-like element before it', () => {
    page(`
      <label for="s">Серия</label><input id="s">
      <label>Номер <input id="n"></label>
      <div class="row"><div class="col">Статус</div><div class="col"><input id="st" name="same"></div></div>
      <div class="row"><div class="col">Номер сертификата</div><div class="col"><input id="nn" name="same"></div></div>`);
    expect(locate({ label: 'Серия' })?.id).toBe('s');
    expect(locate({ label: 'Номер' })?.id).toBe('n');
    expect(locate({ label: 'Статус', role: 'textbox' })?.id).toBe('st');
  });

  it('ignores a label star or colon («Группа сертификата ★», «Номер:»)', () => {
    page('<div class="field"><label>Группа сертификата <span>★</span></label><select id="g"><option>x</option></select></div>');
    expect(locate({ label: 'Группа сертификата', role: 'combobox' })?.id).toBe('g');
  });

  it('skips hidden elements and searches within a container', () => {
    page(`
      <div class="modal" style="display:none"><h3>Получение сертификата ПДО</h3><button id="hidden">Получить сертификат</button></div>
      <div class="modal" role="dialog"><h3>Другое окно</h3><button id="other">Получить сертификат</button></div>
      <button id="page">Получить сертификат</button>`);
    expect(locate({ within: { role: 'dialog', textContains: 'Получение сертификата ПДО' }, text: 'Получить сертификат' })).toBeNull();
    expect(locateAll({ text: 'Получить сертификат', role: 'button' }).map((e) => e.id)).toEqual(['other', 'page']);
  });

  it('tries alternatives in order', () => {
    page('<a href="#" id="g">Войти через госуслуги</a>');
    expect(locate([{ css: '.gosbutton' }, { textContains: 'войти через госуслуги' }])?.id).toBe('g');
  });

  it('handles quotes in the wanted text', () => {
    page(`<button id="q">Раздел «Дети» и 'кавычки'</button>`);
    expect(locate({ text: `Раздел «Дети» и 'кавычки'` })?.id).toBe('q');
  });
});

describe('locate: innermost text', () => {
  it('does not take a visible container for a hidden message inside it', () => {
    document.body.innerHTML = `<form id="f"><a href="#">Войти через Госуслуги</a><div id="m" hidden>Вход через Госуслуги временно не доступен.</div></form>`;
    expect(locate({ textContains: 'Вход через Госуслуги временно не доступен' })).toBeNull();
  });
  it('finds text split over inline elements', () => {
    document.body.innerHTML = `<button id="b">Получить <b>сертификат</b></button>`;
    expect(locate({ text: 'Получить сертификат', role: 'button' })?.id).toBe('b');
  });
});
