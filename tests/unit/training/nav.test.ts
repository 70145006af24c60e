import { describe, expect, it } from 'vitest';
import { FLOWS } from '@/utils/flows/search';
import {
  TRAINING_PORTALS,
  VIA_NEXT,
  VIRTUAL_PARAM,
  displayAddress,
  parseTrainingHash,
  pickPage,
  placeOfStep,
  portalOfHost,
  resolveTraining,
  trainingHash,
  trainingViewUrl,
  trainingCodeUrl,
} from '@/utils/training/nav';

/** Addresses of the training portal (`utils/training/nav.ts`). */

describe('resolveTraining', () => {
  it('maps Tver paths to replica files, case-insensitively', () => {
    expect(resolveTraining('sgo', '/authorize/login?delay=0')).toMatchObject({ file: 'training/sgo/login.html', virtual: '/authorize/login?delay=0' });
    expect(resolveTraining('sgo', '/angular/school/mysettings/')?.file).toBe('training/sgo/settings.html');
    expect(resolveTraining('sgo', '/Angular/School/MySettings/')?.file).toBe('training/sgo/settings.html');
    expect(resolveTraining('sgo', '/asp/mysettings/mysettings.asp')?.file).toBe('training/sgo/settings.html');
    expect(resolveTraining('sgo', '/APP/SCHOOL/STUDENTDIARY')?.file).toBe('training/sgo/diary.html');
    expect(resolveTraining('sgo', '/')?.file).toBe('training/sgo/redirect.html');
  });

  it('maps Kuzbass paths to replica files', () => {
    expect(resolveTraining('cabinet', '/')?.file).toBe('training/cabinet/home.html');
    expect(resolveTraining('cabinet', '/login/?reset=1')?.file).toBe('training/cabinet/login.html');
    expect(resolveTraining('cabinet', '/services/dop/')?.file).toBe('training/cabinet/dop.html');
    expect(resolveTraining('cabinet', '/services/dop/certificate/?state=issued')?.file).toBe('training/cabinet/certificate.html');
    expect(resolveTraining('cabinet', '/services/dop/certificate/4207000002/')?.file).toBe('training/cabinet/cert.html');
    expect(resolveTraining('cabinet', '/replica/mail/')?.file).toBe('training/cabinet/mail.html');
    expect(resolveTraining('cabinet', '/services/extra/')?.file).toBe('training/cabinet/tab.html');
  });

  it('accepts a full URL on the portal host and keeps query and hash', () => {
    const r = resolveTraining('cabinet', 'https://cabinet.ruobr.ru/services/dop/?x=1#top');
    expect(r).toMatchObject({ file: 'training/cabinet/dop.html', virtual: '/services/dop/?x=1#top' });
  });

  it('unknown path → null', () => {
    expect(resolveTraining('cabinet', '/nope/')).toBeNull();
    expect(resolveTraining('sgo', '/angular/school/unknown/')).toBeNull();
    expect(resolveTraining('cabinet', '/services/dop/certificate/abc/')).toBeNull();
  });

  it('foreign host → null (also the other portal and protocol-relative addresses)', () => {
    expect(resolveTraining('cabinet', 'https://evil.example/services/dop/')).toBeNull();
    expect(resolveTraining('cabinet', 'https://sgo.tvobr.ru/')).toBeNull();
    expect(resolveTraining('sgo', '//evil.example/authorize/login')).toBeNull();
  });

  it('encodes the virtual address into `src`', () => {
    const r = resolveTraining('sgo', '/angular/school/mysettings/?a=1&b=д р#x')!;
    expect(r.src.startsWith(`/training/sgo/settings.html?${VIRTUAL_PARAM}=`)).toBe(true);
    const back = new URL(r.src, 'chrome-extension://id/').searchParams.get(VIRTUAL_PARAM);
    expect(back).toBe(r.virtual);
    expect(r.virtual).toBe('/angular/school/mysettings/?a=1&b=%D0%B4%20%D1%80#x');
    // Only one query parameter and no raw separators of the inner address.
    expect(r.src.split('?')).toHaveLength(2);
    expect(r.src).not.toMatch(/[&#]/);
    expect(r.src).toBe(`/training/sgo/settings.html?vp=${encodeURIComponent(r.virtual)}`);
  });

  it('each portal start resolves', () => {
    for (const p of Object.values(TRAINING_PORTALS)) expect(resolveTraining(p.id, p.start)).not.toBeNull();
  });
});

describe('portalOfHost', () => {
  it('knows both hosts only', () => {
    expect(portalOfHost('sgo.tvobr.ru')).toBe('sgo');
    expect(portalOfHost('cabinet.ruobr.ru')).toBe('cabinet');
    expect(portalOfHost('example.com')).toBeNull();
  });
});

describe('placeOfStep', () => {
  for (const flow of FLOWS) {
    for (const step of flow.steps) {
      it(`${step.id} (${step.code}) has a place`, () => {
        const place = placeOfStep(step.id);
        expect(place, step.id).not.toBeNull();
        expect(place!.portal).toBe(flow.id);
        expect(place!.viaNext).toBe(step.id in VIA_NEXT);
        const r = resolveTraining(place!.portal, place!.virtual);
        expect(r, place!.virtual).not.toBeNull();
        // The page chosen shows the step itself (or the step before it for «Далее»).
        const info = TRAINING_PORTALS[place!.portal];
        const page = pickPage(info.pages, VIA_NEXT[step.id] ?? step.id)!;
        expect(page.method).not.toBe('POST');
        expect(new URL(page.url).pathname + new URL(page.url).search).toBe(place!.virtual);
      });
    }
  }

  it('activation steps are shown via «Далее» from the step before them on the path', () => {
    for (const [step, prev] of Object.entries(VIA_NEXT)) {
      const place = placeOfStep(step)!;
      expect(place.viaNext).toBe(true);
      const flow = FLOWS.find((f) => f.id === place.portal)!;
      expect(flow.path.indexOf(step)).toBe(flow.path.indexOf(prev) + 1);
      expect(place.virtual).toBe(placeOfStep(prev)!.virtual);
    }
    expect(placeOfStep('sgo.activation')!.viaNext).toBe(true);
    expect(placeOfStep('cabinet.activation')!.viaNext).toBe(true);
  });

  it('every step of the main paths has a place', () => {
    for (const flow of FLOWS) for (const id of flow.path) expect(placeOfStep(id), id).not.toBeNull();
  });

  it('unknown steps → null', () => {
    expect(placeOfStep('cabinet.nope')).toBeNull();
    expect(placeOfStep('other.login')).toBeNull();
    expect(placeOfStep('')).toBeNull();
  });
});

describe('parseTrainingHash / trainingHash', () => {
  it('round trip', () => {
    for (const [portal, vp] of [
      ['cabinet', '/services/dop/'],
      ['sgo', '/angular/school/mysettings/?children=2&delay=0'],
      ['cabinet', '/services/dop/certificate/?reset=1&state=document-saved&open=email#x'],
    ] as const) {
      const h = trainingHash(portal, vp);
      expect(h.startsWith('#')).toBe(true);
      expect(parseTrainingHash(h)).toEqual({ portal, vp });
      expect(parseTrainingHash(h.slice(1))).toEqual({ portal, vp });
    }
  });

  it('reads the documented forms', () => {
    expect(parseTrainingHash('#portal=cabinet&vp=%2Fservices%2Fdop%2F')).toEqual({ portal: 'cabinet', vp: '/services/dop/' });
    expect(parseTrainingHash('#code=К-7')).toEqual({ code: 'К-7' });
    expect(parseTrainingHash(`#code=${encodeURIComponent('К-7')}`)).toEqual({ code: 'К-7' });
    expect(parseTrainingHash('')).toEqual({});
  });

  it('the live picture of a step (consultant page): code and view=1, nothing else means view', () => {
    const url = trainingViewUrl('К-7');
    expect(url.startsWith('/training.html#')).toBe(true);
    expect(parseTrainingHash(url.slice(url.indexOf('#')))).toEqual({ code: 'К-7', view: true });
    expect(parseTrainingHash('#code=К-7&view=0')).toEqual({ code: 'К-7' });
    expect(parseTrainingHash('#code=К-7&view=true')).toEqual({ code: 'К-7' });
    // The consultant page's «open in the training portal» link: the same step, the whole page.
    const page = trainingCodeUrl('К-7');
    expect(parseTrainingHash(page.slice(page.indexOf('#')))).toEqual({ code: 'К-7' });
  });

  it('rejects protocol-relative, absolute and relative vp, unknown portals; caps the code', () => {
    expect(parseTrainingHash('#portal=cabinet&vp=%2F%2Fevil.example%2F')).toEqual({ portal: 'cabinet' });
    expect(parseTrainingHash('#portal=cabinet&vp=//evil.example/')).toEqual({ portal: 'cabinet' });
    expect(parseTrainingHash('#vp=https%3A%2F%2Fevil.example%2F')).toEqual({});
    expect(parseTrainingHash('#vp=services%2Fdop')).toEqual({});
    expect(parseTrainingHash('#portal=evil&vp=%2F')).toEqual({ vp: '/' });
    expect(parseTrainingHash(`#code=${'9'.repeat(100)}`).code).toHaveLength(20);
  });
});

describe('displayAddress (the training page\'s address line)', () => {
  it('shows the portal address a parent would see: no replica parameters, no hash', () => {
    expect(displayAddress('cabinet', '/?reset=1&state=logged-in')).toBe('https://cabinet.ruobr.ru/');
    expect(displayAddress('cabinet', '/services/dop/certificate/?reset=1&state=document-saved&open=email&delay=0#x')).toBe(
      'https://cabinet.ruobr.ru/services/dop/certificate/',
    );
    expect(displayAddress('sgo', '/angular/school/mysettings/?children=2&delay=0')).toBe('https://sgo.tvobr.ru/angular/school/mysettings/');
    expect(displayAddress('sgo', '/authorize/login?reset=1&fail=1&caps=1&esia=down')).toBe('https://sgo.tvobr.ru/authorize/login');
  });

  it('every lesson start and every replica page of both portals: nothing internal is shown', () => {
    const internal = /[?&](reset|delay|state|children|open|caps|age|fail|status|prefix|login|esia|error|dates|young|typo|star|ro|file|esia_only|date|child|certbtn|vp)=/;
    for (const info of Object.values(TRAINING_PORTALS)) {
      expect(displayAddress(info.id, info.start)).toBe(`https://${info.host}/`);
      for (const page of info.pages) {
        const u = new URL(page.url);
        const shown = displayAddress(info.id, `${u.pathname}${u.search}`);
        expect(shown, page.name).not.toMatch(internal);
        expect(shown, page.name).not.toContain('#');
      }
    }
  });

  it('keeps the parameters the real portals show themselves (next, token), slashes readable', () => {
    expect(displayAddress('cabinet', '/login/?reset=1&next=/services/dop/')).toBe('https://cabinet.ruobr.ru/login/?next=/services/dop/');
    expect(displayAddress('cabinet', '/services/dop/certificate/confirm/?reset=1&state=mail-sent&token=c1-replica')).toBe(
      'https://cabinet.ruobr.ru/services/dop/certificate/confirm/?token=c1-replica',
    );
  });

  it('the training mailbox is named, not given a made-up address; foreign hosts fall back to the portal', () => {
    expect(displayAddress('cabinet', '/replica/mail/?reset=1')).toBe('Почтовый ящик: письмо с портала');
    expect(displayAddress('cabinet', 'https://evil.example/x?reset=1')).toBe('https://cabinet.ruobr.ru/');
  });
});
