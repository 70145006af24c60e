// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { locate, locateOpener } from '@/utils/guide/locate';

/** A target hidden in a closed menu, tab or block: outline what opens it (issue 9 §5). */
describe('locateOpener', () => {
  it('a Bootstrap dropdown under the user’s name: the toggle', () => {
    document.body.innerHTML = `<nav><div class="dropdown"><a href="#" class="dropdown-toggle" data-toggle="dropdown" aria-expanded="false">Смирнова Анна Петровна</a>
      <ul class="dropdown-menu" style="display:none"><li><a href="/settings" title="Персональные настройки">Персональные настройки</a></li><li><a href="/logout">Выход</a></li></ul></div></nav>`;
    const target = { text: 'Персональные настройки', role: 'link' as const };
    expect(locate(target)).toBeNull();
    const via = locateOpener(target)!;
    expect(via.opener.textContent).toBe('Смирнова Анна Петровна');
    expect(via.el.getAttribute('href')).toBe('/settings');
  });

  it('a tab panel named by aria-controls, and a closed <details>', () => {
    document.body.innerHTML = `<div role="tablist"><button role="tab" aria-controls="p1">Школа</button><button role="tab" aria-controls="p2">Дополнительное образование</button></div>
      <div id="p1">…</div><div id="p2" hidden><button>Подать заявку на сертификат</button></div>
      <details><summary>Документы ребёнка</summary><button>Предоставить документ</button></details>`;
    expect(locateOpener({ text: 'Подать заявку на сертификат' })!.opener.textContent).toBe('Дополнительное образование');
    expect(locateOpener({ text: 'Предоставить документ' })!.opener.textContent).toBe('Документы ребёнка');
  });

  it('a Fomantic dropdown item holding a hidden menu: the dropdown itself', () => {
    document.body.innerHTML = `<div class="ui menu"><div class="ui dropdown item" id="dd">Иванов И. И.<i class="dropdown icon"></i>
      <div class="menu" style="display:none"><a class="item" href="/profile/">Профиль</a><a class="item" href="/logout/">Выйти</a></div></div></div>`;
    expect(locateOpener({ text: 'Профиль' })!.opener.id).toBe('dd');
  });

  it('unsure gives null: two toggles beside the hidden part, or a control hidden with nothing to open it', () => {
    document.body.innerHTML = `<div><button aria-expanded="false">Меню</button><button aria-expanded="false">Ещё</button>
      <ul style="display:none"><li><a href="/s">Персональные настройки</a></li></ul></div>
      <div><p>Текст</p><div style="display:none"><button>Получить сертификат</button></div></div>`;
    expect(locateOpener({ text: 'Персональные настройки' })).toBeNull();
    expect(locateOpener({ text: 'Получить сертификат' })).toBeNull();
  });

  it('a visible target is not an opener case', () => {
    document.body.innerHTML = `<button>Получить сертификат</button>`;
    expect(locateOpener({ text: 'Получить сертификат' })).toBeNull();
  });
});

describe('dialogs without dialog markup', () => {
  it('a fixed overlay that says the dialog’s words is the dialog; the same words in the page are not', async () => {
    const { cabinetFlow } = await import('@/utils/flows/cabinet');
    const { matchingSteps } = await import('@/utils/guide/recognise');
    const url = 'https://cabinet.ruobr.ru/services/dop/certificate/';
    document.body.innerHTML = `<main><p>Тип документа указывают в окне.</p></main>`;
    expect(matchingSteps(cabinetFlow, document, url)).not.toContain('cabinet.document-form');
    document.body.innerHTML += `<div style="position:fixed;inset:0"><div class="box"><div class="title">Документ ребенка</div>
      <div><span>Тип документа</span><select id="k"><option>Свидетельство о рождении</option></select></div>
      <div><span>Серия</span><input id="s"></div><button>Сохранить</button></div></div>`;
    expect(matchingSteps(cabinetFlow, document, url)).toEqual(['cabinet.document-form']);
    expect(locate({ within: { role: 'dialog', textContains: 'Тип документа' }, label: 'Серия' })?.id).toBe('s');
  });
});
