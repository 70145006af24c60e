// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { containsWords, fold, personText, sameWords, words } from '@/utils/guide/text';
import { locate } from '@/utils/guide/locate';

/** Text as a person reads it (issue 9 §1): words, not markup. */
describe('words and folding', () => {
  it('icons, emoji, arrows, private-use glyphs and punctuation are not words', () => {
    expect(words('＋ Подать заявку на сертификат')).toEqual(['подать', 'заявку', 'на', 'сертификат']);
    expect(words('➤ Подать заявление…')).toEqual(['подать', 'заявление']);
    expect(words('\ue0b2 Войти 🔑')).toEqual(['войти']);
    expect(words('Серия *:')).toEqual(['серия']);
  });

  it('capitals, ё, &nbsp;, soft hyphens and zero-width characters fold away', () => {
    expect(sameWords('ПОЛУЧИТЬ\u00a0СЕРТИФИКАТ', 'Получить сертификат')).toBe(true);
    expect(sameWords('Пода\u00adть за\u200bявку', 'Подать заявку')).toBe(true);
    expect(fold('Учёт\u200b')).toBe('учет');
    expect(sameWords('Получить сертификат ПДО', 'Получить сертификат')).toBe(false);
    expect(containsWords('Статус: Не активирован', 'не активирован')).toBe(true);
  });
});

describe('personText', () => {
  it('a <br> or a block boundary separates words; inline markup does not', () => {
    document.body.innerHTML = '<a id="a">Дополнительное<br>образование</a><div id="d"><div>Подать</div><div>заявку</div></div><b id="b">Пода<i>ть</i></b>';
    expect(words(personText(document.getElementById('a')!))).toEqual(['дополнительное', 'образование']);
    expect(words(personText(document.getElementById('d')!))).toEqual(['подать', 'заявку']);
    expect(words(personText(document.getElementById('b')!))).toEqual(['подать']);
  });

  it('skips icons, scripts, hidden and screen-reader-only text', () => {
    document.body.innerHTML = '<button id="x"><svg><text>plus</text></svg><i class="icon plus"></i> Подать заявку <span class="sr-only">(откроется окно)</span><span hidden>скрыто</span><script>var a</script></button>';
    expect(words(personText(document.getElementById('x')!))).toEqual(['подать', 'заявку']);
  });
});

describe('locating by what a person reads', () => {
  it('finds a button whose text has an icon, an emoji or a symbol', () => {
    document.body.innerHTML = `<div><button id="p"><i class="fa fa-plus"></i>＋ Подать заявку на сертификат</button>
      <a href="#" id="s" class="btn">➤ Подать <span>заявление</span> на получение сертификата</a></div>`;
    expect(locate({ text: 'Подать заявку на сертификат' })?.id).toBe('p');
    expect(locate({ text: 'Подать заявление на получение сертификата' })?.id).toBe('s');
  });

  it('finds a tab whose words are split by <br>, in capitals in the markup', () => {
    document.body.innerHTML = '<div role="tablist"><a href="#" class="item" id="t">ДОПОЛНИТЕЛЬНОЕ<br>ОБРАЗОВАНИЕ</a></div>';
    expect(locate({ text: 'Дополнительное образование', css: 'a, [role=tab], .item' })?.id).toBe('t');
  });

  it('a label with a required-mark and colon, split over elements, names its field', () => {
    document.body.innerHTML = '<div class="field"><label for="n"><span>Номер</span> <abbr title="обязательно">*</abbr>:</label><input id="n"></div>';
    expect(locate({ label: 'Номер' })?.id).toBe('n');
  });
});
