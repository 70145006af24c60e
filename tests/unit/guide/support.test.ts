import { describe, expect, it } from 'vitest';
import { supportText, browserBrand, safePath } from '@/utils/guide/support';
import { cabinetFlow } from '@/utils/flows/cabinet';
import { sgoFlow } from '@/utils/flows/sgo';
import { stepById } from '@/utils/guide/recognise';
import { FAMILY, personalValues } from '../../support/family';


const UA_CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.85 Safari/537.36';

function facts(over: Partial<Parameters<typeof supportText>[0]> = {}): Parameters<typeof supportText>[0] {
  const step = stepById(cabinetFlow, 'cabinet.document-form');
  return {
    flow: cabinetFlow,
    recognised: step,
    shown: step,
    targetState: 'found',
    variant: 'parent',
    url: `https://cabinet.ruobr.ru/services/dop/certificate/4207000002/?email=${encodeURIComponent(FAMILY.applicant.email)}&snils=${FAMILY.children[0].snils}#${FAMILY.children[0].name.lastName}`,
    fillOutcomes: [
      { name: 'Серия', status: 'filled' },
      { name: 'Номер', status: 'filled' },
      { name: 'Документ (скан)', status: 'skipped', reason: `файл ${FAMILY.scans[0].name}` },
    ],
    version: '0.1.0',
    userAgent: UA_CHROME,
    now: new Date(2026, 10, 22, 8, 40),
    ...over,
  };
}

describe('supportText', () => {
  it('names the portal, path, step code and id, target, variant, version, browser and time', () => {
    const t = supportText(facts());
    expect(t).toContain('Портал: Личный кабинет граждан Кемеровской области');
    expect(t).toContain('Страница: cabinet.ruobr.ru/services/dop/certificate/…/');
    expect(t).toContain('К-5 (cabinet.document-form) — Документ ребёнка');
    expect(t).toContain('Нужный элемент: найден');
    expect(t).toContain('Что искать: окно «Документ ребенка»');
    expect(t).toContain('Вариант: Я родитель');
    expect(t).toContain('Версия расширения: 0.1.0');
    expect(t).toContain('Браузер: Chrome 131');
    expect(t).toContain('Дата и время: 22.11.2026 08:40');
    expect(t).toContain('Серия — заполнено');
  });

  it('contains none of the family’s values, even when the address carries them', () => {
    const t = supportText(facts());
    const values = personalValues();
    expect(values.length).toBeGreaterThan(20);
    for (const v of values) expect(t, v).not.toContain(v);
    expect(t).not.toContain('?');
    expect(t).not.toContain('4207000002');
  });

  it('says when the control is missing and which step the panel shows', () => {
    const t = supportText(
      facts({ flow: sgoFlow, recognised: stepById(sgoFlow, 'sgo.choose-child'), shown: stepById(sgoFlow, 'sgo.activation'), targetState: 'missing', variant: 'pupil', url: 'https://sgo.tvobr.ru/angular/school/mysettings/', fillOutcomes: null }),
    );
    expect(t).toContain('Шаг на странице: Т-3 (sgo.choose-child)');
    expect(t).toContain('В подсказке открыт шаг: Т-6 (sgo.activation)');
    expect(t).toContain('Вариант: Я ученик');
  });

  it('without a recognised step says so', () => {
    expect(supportText(facts({ recognised: null, shown: null }))).toContain('Шаг на странице: не распознан');
  });
});

describe('browserBrand and safePath', () => {
  it.each([
    [UA_CHROME, 'Chrome 131'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0', 'Firefox 140'],
    ['Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 YaBrowser/24.1.0.0 Safari/537.36', 'Яндекс Браузер 24.1'],
    ['Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91', 'Edge 120'],
    ['curl/8', 'неизвестный браузер'],
  ])('%s', (ua, brand) => expect(browserBrand(ua)).toBe(brand));

  it('drops query and fragment, masks long numbers', () => {
    expect(safePath('https://sgo.tvobr.ru/angular/school/mysettings/?at=123#x')).toBe('sgo.tvobr.ru/angular/school/mysettings/');
    expect(safePath('not a url')).toBe('—');
  });
});
