import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { sgoFlow } from '@/utils/flows/sgo';
import { cabinetFlow } from '@/utils/flows/cabinet';
import { flowVocabulary, flowsVocabulary } from '@/utils/report/vocabulary';
import { Identifiers, maskIdent, maskKeyword, maskPath, maskShape, maskText } from '@/utils/report/mask';
import { describePage } from '@/utils/report/describe';
import { auditReport } from '@/utils/report/audit';
import { parseReport, reportToHtml } from '@/utils/report/rebuild';
import { personalValues } from '@/utils/training/family';
import { formsOf } from '../../support/personal-forms';

const cabinet = flowVocabulary(cabinetFlow);
const both = flowsVocabulary([sgoFlow, cabinetFlow]);
const FORMS = formsOf(personalValues()).map((f) => f.toLowerCase());

function page(html: string, url = 'https://cabinet.ruobr.ru/services/dop/certificate/'): Document {
  return new JSDOM(`<!doctype html><html>${html}</html>`, { url }).window.document;
}

describe('masking by shape and by the vocabulary', () => {
  it('keeps the interface words and masks everything else by its shape', () => {
    expect(maskText('Дети: Смирнова Дарья, 01.09.2011', cabinet)).toBe('Дети: Аааааааа Ааааа, 00.00.0000');
    expect(maskText('Получить сертификат', cabinet)).toBe('Получить сертификат');
    expect(maskShape('smirnova.demo@example.com')).toBe('aaaaaaaa.aaaa@aaaaaaa.aaa');
  });
  it('keeps a number only inside a whole interface phrase', () => {
    expect(maskText('Дети в возрасте от 5 до 18 лет', cabinet)).toBe('Дети в возрасте от 5 до 18 лет');
    expect(maskText('Ребёнку 5 лет', cabinet)).toBe('Ааааааа 0 лет');
  });
  it('masks initials even when the letter is an interface word («в», «и»)', () => {
    expect(maskText('Смирнова Е. В.', cabinet)).toBe('Аааааааа А. А.');
  });
  it('keeps known markup words in identifiers and paths, masks names and numbers', () => {
    expect(maskIdent('select2-container', both)).toBe('select2-container');
    expect(maskIdent('smirnova-card', both)).toBe('aaaaaaaa-card');
    expect(maskIdent('child-4207000002', both)).toBe('child-0000000000');
    expect(maskPath('/services/dop/certificate/4207000002/', both)).toBe('/services/dop/certificate/0000000000/');
    expect(maskPath('/profile/%D0%A1%D0%BC%D0%B8%D1%80%D0%BD%D0%BE%D0%B2/', both)).toBe('/profile/Ааааааа/');
  });
  it('keeps HTML/ARIA keywords and small numbers in keyword attributes, masks other words', () => {
    expect(maskKeyword('dialog', both)).toBe('dialog');
    expect(maskKeyword('current-password', both)).toBe('current-password');
    expect(maskKeyword('-1', both)).toBe('-1');
    expect(maskKeyword('smirnova darya', both)).toBe('aaaaaaaa aaaaa');
    expect(maskKeyword('20150314', both)).toBe('00000000');
  });
  it('keeps each portal\'s known markup words (flow files) in identifiers', () => {
    expect(maskIdent('apploader', flowsVocabulary([sgoFlow]))).toBe('apploader');
    expect(maskIdent('apploader', flowVocabulary(cabinetFlow))).toBe('aaaaaaaaa');
    expect(maskIdent('csrfmiddlewaretoken', cabinet)).toBe('csrfmiddlewaretoken');
  });
  it('keeps masked ids distinct and consistent, and masking again changes nothing', () => {
    const ids = new Identifiers(both);
    const a = ids.get('c-1');
    const b = ids.get('c-2');
    expect(a).not.toBe(b);
    expect(ids.get('c-1')).toBe(a);
    expect(maskIdent(b, both)).toBe(b);
  });
  it('is idempotent on any text (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => maskText(maskText(s, both), both) === maskText(s, both)));
  });
});

describe('describePage', () => {
  it('describes structure, keeps the portal words, masks values, leaves out scripts, passwords and queries', () => {
    const doc = page(`<body><label for="e">Электронная почта</label><input id="e" name="email" value="smirnova.demo@example.com">
      <input type="password" value="секрет"><a href="/services/dop/certificate/4207000002/?token=1#x">Сертификат: 4207000002</a>
      <button onclick="go()">Отправить заявку</button><script>var n = 'Смирнова'</script><img src="/photo.jpg" alt="Смирнова Дарья"></body>`);
    const r = describePage(doc, { vocabulary: cabinet, portal: 'cabinet' });
    const json = JSON.stringify(r);
    expect(json).toContain('Электронная почта');
    expect(json).toContain('Отправить заявку');
    expect(json).toContain('"v":"aaaaaaaa.aaaa@aaaaaaa.aaa"');
    expect(json).toContain('"href":"/services/dop/certificate/0000000000/"');
    expect(json).not.toMatch(/секрет|Смирнова|token|photo|go\(\)/);
    expect(auditReport(r, cabinet)).toEqual([]);
  });
  it('stops at its bounds and says which', () => {
    const doc = page(`<body>${'<div><span>Сертификат</span></div>'.repeat(200)}</body>`);
    expect(describePage(doc, { vocabulary: cabinet, portal: 'cabinet', limits: { elements: 50 } }).made).toMatchObject({ truncated: 'elements', described: 50 });
    expect(describePage(doc, { vocabulary: cabinet, portal: 'cabinet', limits: { bytes: 2000 } }).made.truncated).toBe('size');
    let t = 0;
    expect(describePage(doc, { vocabulary: cabinet, portal: 'cabinet', limits: { ms: 10 }, now: () => (t += 100) }).made.truncated).toBe('time');
  });
  it('puts no form of any family value into a description, wherever the page holds it (property)', () => {
    const form = fc.constantFrom(...formsOf(personalValues()));
    const place = fc.constantFrom('text', 'value', 'title', 'placeholder', 'aria-label', 'data', 'id', 'class', 'name', 'href', 'option', 'alt', 'textarea');
    fc.assert(
      fc.property(fc.array(fc.tuple(place, form), { minLength: 1, maxLength: 12 }), (items) => {
        const doc = page('<body><form><label>Серия</label><input><select></select></form></body>');
        const form0 = doc.querySelector('form')!;
        items.forEach(([where, v], i) => {
          const el = doc.createElement(where === 'value' ? 'input' : where === 'textarea' ? 'textarea' : where === 'option' ? 'option' : 'div');
          if (where === 'text' || where === 'option') el.textContent = v;
          else if (where === 'value' || where === 'textarea') (el as HTMLInputElement).value = v;
          else if (where === 'data') el.setAttribute('data-x', v);
          else if (where === 'id') el.id = `${v}-${i}`;
          else if (where === 'class') el.className = v;
          else if (where === 'href') {
            const a = doc.createElement('a');
            a.setAttribute('href', `/profile/${encodeURIComponent(v)}/?q=${encodeURIComponent(v)}#${encodeURIComponent(v)}`);
            a.textContent = v;
            el.append(a);
          } else el.setAttribute(where, v);
          (where === 'option' ? doc.querySelector('select')! : form0).append(el);
        });
        const r = describePage(doc, { vocabulary: both, portal: 'cabinet' });
        const json = JSON.stringify(r).toLowerCase();
        const found = FORMS.filter((f) => json.includes(f));
        return found.length === 0 && auditReport(r, both).length === 0;
      }),
      { numRuns: 300 },
    );
  });
});

describe('audit and rebuild', () => {
  it('the audit finds what is not masked', () => {
    const r = describePage(page('<body><p>Сертификат</p></body>'), { vocabulary: cabinet, portal: 'cabinet' });
    (r.body.c as unknown[]).push('Смирнова Дарья 01.09.2011');
    expect(auditReport(r, cabinet).join('\n')).toContain('Смирнова');
  });
  it('rebuilds a hostile file without scripts, handlers or outside addresses', () => {
    const r = describePage(page('<body><p>Сертификат</p></body>'), { vocabulary: cabinet, portal: 'cabinet' });
    r.body.c = [{ t: 'script', c: ['alert(1)'] }, { t: 'a', a: { href: 'javascript:alert(1)', onclick: 'alert(1)', 'x"y': '1' }, c: ['<b>'] }, { t: 'img', a: { src: 'https://evil.example/x.png' } }];
    const html = reportToHtml(parseReport(JSON.stringify(r)));
    expect(html).not.toMatch(/<script|javascript:alert|onclick="alert|evil\.example|<b>/);
    expect(html).toContain('onclick=""');
    expect(() => parseReport('{"format":"other"}')).toThrow('Это не файл описания страницы помощника');
  });
});
