import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM, ResourceLoader, type FetchOptions } from 'jsdom';
import { routes } from '../../replicas/sgo/routes';
import { pages } from '../../replicas/sgo/pages';

/** Tests of the sgo.tvobr.ru replica: routes, the page list, and the pages' states in jsdom. */

const DIR = resolve('replicas/sgo');
const STEPS = new Set([
  'sgo.login', 'sgo.login-error', 'sgo.open-settings', 'sgo.choose-child', 'sgo.get-certificate',
  'sgo.done', 'sgo.age-out', 'sgo.request-failed', 'sgo.no-panel',
]);

function fileFor(url: string): string | undefined {
  return routes.find((r) => r.pattern.test(new URL(url).pathname))?.file;
}

/** Serves `/replica-assets/*` from the replica folder. */
class Assets extends ResourceLoader {
  override fetch(url: string, _opts: FetchOptions) {
    const u = new URL(url);
    if (!u.pathname.startsWith('/replica-assets/')) return null;
    const p = join(DIR, u.pathname.slice('/replica-assets/'.length));
    return Promise.resolve(readFileSync(p)) as ReturnType<ResourceLoader['fetch']>;
  }
}

/** Loads a replica page in jsdom (GET) and waits for `data-replica-ready`. */
async function open(url: string): Promise<Document> {
  const file = fileFor(url);
  if (!file) throw new Error(`no route for ${url}`);
  const dom = new JSDOM(readFileSync(join(DIR, file)), {
    url,
    runScripts: 'dangerously',
    resources: new Assets(),
    pretendToBeVisual: true,
  });
  const doc = dom.window.document;
  for (let i = 0; i < 200; i++) {
    if (doc.documentElement.hasAttribute('data-replica-ready')) return doc;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`not ready: ${url}`);
}

const labelled = (doc: Document, text: string) =>
  Array.from(doc.querySelectorAll('label')).find((l) => l.textContent?.trim() === text)?.parentElement?.querySelector('input, select') ?? null;

describe('sgo replica: routes and pages', () => {
  it('routes the known paths under both prefixes and the legacy page', () => {
    expect(fileFor('https://sgo.tvobr.ru/')).toBe('redirect.html');
    expect(fileFor('https://sgo.tvobr.ru/authorize')).toBe('redirect.html');
    expect(fileFor('https://sgo.tvobr.ru/authorize/login')).toBe('login.html');
    expect(fileFor('https://sgo.tvobr.ru/authorize/login-pass')).toBe('login.html');
    expect(fileFor('https://sgo.tvobr.ru/authorize/sso/esia/login')).toBe('sso.html');
    for (const p of ['angular', 'app']) {
      expect(fileFor(`https://sgo.tvobr.ru/${p}/school/studentdiary/`)).toBe('diary.html');
      expect(fileFor(`https://sgo.tvobr.ru/${p}/school/mysettings/`)).toBe('settings.html');
    }
    expect(fileFor('https://sgo.tvobr.ru/asp/MySettings/MySettings.asp')).toBe('settings.html');
    for (const r of routes) expect(existsSync(join(DIR, r.file))).toBe(true);
  });

  it('lists unique, routable pages with known steps and the required kinds of entries', () => {
    const names = new Set(pages.map((p) => p.name));
    expect(names.size).toBe(pages.length);
    for (const p of pages) {
      expect(p.url.startsWith('https://sgo.tvobr.ru/')).toBe(true);
      expect(fileFor(p.url)).toBeDefined();
      if (p.expectStep !== null) expect(STEPS.has(p.expectStep)).toBe(true);
    }
    const settingsPost = pages.filter((p) => p.method === 'POST' && /mysettings/i.test(p.url));
    expect(settingsPost.length).toBeGreaterThan(3);
    expect(pages.some((p) => p.url.includes('/app/'))).toBe(true);
    expect(pages.some((p) => p.url.includes('narrow=1'))).toBe(true);
    expect(pages.some((p) => p.url.includes('delay=1500'))).toBe(true);
    for (const s of STEPS) expect(pages.some((p) => p.expectStep === s)).toBe(true);
  });

  it('ships only a shell and the loader in the initial HTML', () => {
    for (const f of ['login.html', 'diary.html', 'settings.html']) {
      const html = readFileSync(join(DIR, f), 'utf8');
      expect(html).toContain('<title>Сетевой Город. Образование</title>');
      expect(html).toContain('class="apploader"');
      expect(html).toContain('Пожалуйста, подождите...');
      for (const w of ['Вход в систему', 'gosbutton', 'Персональные настройки', 'Получить сертификат', 'Основная информация']) {
        expect(html).not.toContain(w);
      }
      expect(html).not.toMatch(/<script>(?!<\/script>)|\son[a-z]+=/i); // no inline code (extension CSP)
    }
  });
});

describe('sgo replica: page states (jsdom)', () => {
  const S = 'https://sgo.tvobr.ru/angular/school/mysettings/';

  it('login: gosbutton without the word, fields, div.primary-button', async () => {
    const doc = await open('https://sgo.tvobr.ru/authorize/login?delay=0');
    const gos = doc.querySelector('div.gosbutton')!;
    expect(gos.textContent?.trim()).toBe('Через');
    expect(gos.querySelector('img')?.hasAttribute('alt')).toBe(false);
    expect(doc.querySelector('#login input[name=loginname]')).not.toBeNull();
    expect(doc.querySelector('#password input[name=password][type=password]')).not.toBeNull();
    expect(doc.querySelector('select[name=org]')).not.toBeNull();
    expect(doc.querySelector('div.primary-button')?.textContent).toBe('Войти');
    expect(doc.querySelector('.apploader')).toBeNull();
  });

  it('login=error shows the server message', async () => {
    const doc = await open('https://sgo.tvobr.ru/authorize/login?login=error&delay=0');
    expect(doc.querySelector('.login-error')?.textContent).toContain('Неправильный логин или пароль');
  });

  it('landing: name link with titled icon and name', async () => {
    const doc = await open('https://sgo.tvobr.ru/angular/school/studentdiary/?delay=0');
    const a = doc.querySelector('a[ng-click="openPersonalSettings()"]')!;
    expect(a.querySelector('span.glyphicon-user[title="Персональные настройки"]')).not.toBeNull();
    expect(a.querySelector('span.hidden-scr-sm[title="Персональные настройки"]')?.textContent).toBe('Смирнова Елена Викторовна');
  });

  it('settings: one child → disabled name + button', async () => {
    const doc = await open(`${S}?delay=0`);
    expect(doc.querySelector('#buttons-panel')?.textContent).toContain('Сменить пароль');
    expect(doc.querySelector('input[name=EM]')).not.toBeNull();
    expect((labelled(doc, 'Дети') as HTMLInputElement).disabled).toBe(true);
    expect(doc.querySelector('button[title="Получить сертификат"]')).not.toBeNull();
  });

  it('settings: two children → select[name=child]', async () => {
    const doc = await open(`${S}?children=2&delay=0`);
    expect(doc.querySelectorAll('select[name=child] option')).toHaveLength(2);
  });

  it('settings: issued → Номер/Статус share one name', async () => {
    const doc = await open(`${S}?state=issued&dates=1&delay=0`);
    const num = labelled(doc, 'Номер') as HTMLInputElement;
    const st = labelled(doc, 'Статус') as HTMLInputElement;
    expect(num.value).toMatch(/^69\d{8}$/);
    expect(st.value).toBe('Неактивирован');
    expect(new Set(Array.from(doc.querySelectorAll('.cert-body input')).map((i) => i.getAttribute('name'))).size).toBe(1);
    expect(doc.querySelectorAll('.cert-body input')).toHaveLength(4);
    expect(doc.body.textContent).toContain('Файл с изображением сертификата');
  });

  it('settings: age out, no panel, failed modal', async () => {
    const age = await open(`${S}?age=out&delay=0`);
    expect(age.body.textContent).toContain('можно создать только для учащегося в возрасте от 5 до 18 лет.');
    expect(age.querySelector('button[title="Получить сертификат"]')).toBeNull();
    const none = await open(`${S}?panel=none&delay=0`);
    expect(none.body.textContent).not.toContain('Сертификат дополнительного образования');
    const failed = await open(`${S}?state=failed&fail=1&delay=0`);
    const modal = failed.querySelector('#certificate-error') as HTMLElement;
    expect(modal.classList.contains('in')).toBe(true);
    expect(modal.style.display).toBe('block');
    const armed = await open(`${S}?fail=1&delay=0`);
    expect((armed.querySelector('#certificate-error') as HTMLElement).classList.contains('in')).toBe(false);
  });
});
