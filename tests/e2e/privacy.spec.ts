import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { EXTENSION_DIR, seedProfile, waitForStep } from '../support/browser';
import { walkCabinet, walkSgo, waitForHighlight } from '../support/walk';
import { clickInGuide, guideCount, guideElement, guideText, inGuide, waitForGuideElement } from '../support/guide';
import { makePapersFromPopup } from '../support/popup';
import { FAMILY } from '../support/family';

/**
 * Privacy and safety of the built extension on the replicas of the portals:
 * nothing leaves for other hosts, the portal page cannot see the profile until «Заполнить»
 * and then only the filled values, page messages cannot drive the extension, hostile page
 * text never runs, and filling never touches hidden/disabled/password fields nor submits.
 */
test.describe.configure({ mode: 'serial' });

const PORTALS = ['sgo.tvobr.ru', 'cabinet.ruobr.ru'];
const DOCUMENT_FORM = 'https://cabinet.ruobr.ru/services/dop/certificate/?reset=1&state=logged-in&open=document';

/**
 * The same family with distinctive values the replicas do not contain (the children's names
 * stay: the portal shows them itself), so any of them found in a page came from the extension.
 */
const CANARY = {
  applicant: {
    ...FAMILY.applicant,
    name: { lastName: 'Смирнова', firstName: 'Евдокия', middleName: 'Кузьминична' },
    email: 'canary.privacy@example.org',
    phone: '+7 (903) 777-31-42',
    address: 'г. Прокопьевск, ул. Канарейная, д. 77, кв. 31',
    passport: { series: '3217', number: '736251', issuedAt: '2009-06-18', issuedBy: 'Отделом УФМС по Кемеровской области в г. Прокопьевске', divisionCode: '420-031' },
    snils: '314-159-265 52',
  },
  children: [
    {
      ...FAMILY.children[0],
      document: { kind: 'birth-certificate', series: 'XIV-ЖЦ', number: '918273', issuedAt: '2015-03-27', issuedBy: 'Отдел ЗАГС г. Прокопьевска' },
      snils: '271-828-182 91',
      inn: '770708389324',
      address: 'г. Прокопьевск, ул. Канарейная, д. 77, кв. 31',
      municipality: 'г. Киселевск',
    },
    { ...FAMILY.children[1], snils: '161-803-398 58', inn: '420512345675', address: 'г. Тверь, ул. Канарейная, д. 5' },
  ],
};

/** Text of every replica file: profile values found there are the replica's own (e.g. the children's names). */
function replicaText(dir = 'replicas'): string {
  return readdirSync(dir)
    .map((f) => join(dir, f))
    .map((p) => (statSync(p).isDirectory() ? replicaText(p) : /\.(html|js|ts|css|md)$/.test(p) ? readFileSync(p, 'utf8') : ''))
    .join('\n');
}

/**
 * Every string of the profile a page must not see (names, СНИЛС, ИНН, documents, e-mail,
 * phone, address, also in other spellings), minus those the replica pages contain by themselves.
 */
function secrets(): string[] {
  const out = new Set<string>();
  const walk = (v: unknown, key = '') => {
    if (typeof v === 'string') {
      if (['id', 'kind', 'relation', 'attends', 'region'].includes(key) || v.length < 4) return;
      out.add(v);
      if (/^\d{4}-\d{2}-\d{2}$/.test(v)) out.add(v.split('-').reverse().join('.'));
      if (/[\d][ -][\d]/.test(v)) out.add(v.replace(/\D/g, ''));
    } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(CANARY.applicant);
  walk(CANARY.children);
  const own = replicaText();
  return [...out].filter((s) => !own.includes(s));
}

interface Surfaces {
  dom: string;
  shadow: string;
  fields: string[];
  localStorage: string;
  sessionStorage: string;
  cookie: string;
  window: string;
}

/** Everything a page script can read, collected in the page's own world. */
async function surfaces(page: Page): Promise<Surfaces> {
  return page.evaluate(() => {
    const host = document.querySelector('pfdo-guide');
    const shadow = host?.shadowRoot?.innerHTML ?? '';
    const fields = [...document.querySelectorAll('input, select, textarea'), ...(host?.shadowRoot?.querySelectorAll('input, select, textarea') ?? [])].map(
      (el) => (el instanceof HTMLSelectElement ? `${el.value} ${el.selectedOptions[0]?.text ?? ''}` : (el as HTMLInputElement).value),
    );
    const dumpStorage = (s: Storage) => JSON.stringify(Object.fromEntries(Object.keys(s).map((k) => [k, s.getItem(k)])));
    const props: string[] = [];
    for (const k of Object.getOwnPropertyNames(window)) {
      try {
        const v = (window as unknown as Record<string, unknown>)[k];
        if (typeof v === 'string') props.push(`${k}=${v}`);
        else if (v && typeof v === 'object' && !(v instanceof Node) && v !== window && !(v instanceof Storage)) props.push(`${k}=${JSON.stringify(v)?.slice(0, 200_000)}`);
      } catch {
        // circular or not serialisable: not profile data
      }
    }
    return {
      dom: document.documentElement.outerHTML,
      shadow,
      fields,
      localStorage: dumpStorage(localStorage),
      sessionStorage: dumpStorage(sessionStorage),
      cookie: document.cookie,
      window: props.join('\n'),
    };
  });
}

/** Which secrets appear on which surface. */
function leaks(s: Surfaces, list: string[]): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  for (const [where, text] of Object.entries(s)) {
    const hay = Array.isArray(text) ? text.join('\n') : text;
    for (const secret of list) if (hay.includes(secret)) found.push([where, secret]);
  }
  return found;
}

async function openDocumentForm(page: Page) {
  await page.goto(DOCUMENT_FORM);
  await waitForStep(page, 'cabinet.document-form');
  await waitForGuideElement(page, 'guide-fill');
}

async function pressFill(page: Page) {
  await clickInGuide(page, 'guide-fill');
  await waitForGuideElement(page, 'guide-fill-result');
}

test.beforeAll(async ({ ext }) => {
  await seedProfile(ext, { applicant: FAMILY.applicant, children: [...FAMILY.children], scans: [...FAMILY.scans], activeChildId: 'child-artem' });
});

test('no request leaves for any other host during both walks and the PDFs', async ({ ext }) => {
  const start = ext.requests.length;
  const page = await ext.context.newPage();
  await walkSgo(page, 'https://sgo.tvobr.ru/?reset=1&children=2&delay=100');
  await walkCabinet(page, 'https://cabinet.ruobr.ru/?reset=1&delay=100');
  await page.close();
  const papers = await makePapersFromPopup(ext, mkdtempSync(join(tmpdir(), 'pfdo-privacy-')));
  expect(papers.every((p) => p.bytes > 1000)).toBe(true);

  const made = ext.requests.slice(start).map((r) => r.replace(/^\S+ /, ''));
  const hosts = new Set(made.filter((u) => u.startsWith('https://')).map((u) => new URL(u).host));
  expect([...hosts].sort()).toEqual([...PORTALS].sort()); // both portals were really visited
  const foreign = made.filter((u) => {
    const url = new URL(u);
    if (url.protocol === 'https:' && PORTALS.includes(url.host)) return false;
    if (url.protocol === 'chrome-extension:' && url.host === ext.extensionId) return false;
    if (url.protocol === 'data:') return false;
    if (url.protocol === 'blob:' && (url.pathname.startsWith(`chrome-extension://${ext.extensionId}/`) || PORTALS.some((h) => url.pathname.startsWith(`https://${h}/`)))) return false;
    return true;
  });
  expect(foreign).toEqual([]);

  // the service worker fetched nothing but its own files
  const [worker] = ext.context.serviceWorkers();
  const swResources = await worker.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  expect(swResources.filter((u) => !u.startsWith(`chrome-extension://${ext.extensionId}/`))).toEqual([]);
});

test('the portal page sees no profile data before «Заполнить», and only the filled values after', async ({ ext }) => {
  await seedProfile(ext, { ...CANARY, scans: [...FAMILY.scans], activeChildId: 'child-artem' });
  const list = secrets();
  // the check must be able to see the document, the СНИЛС, the ИНН, the e-mail and the applicant
  for (const must of ['918273', 'XIV-ЖЦ', '271-828-182 91', '27182818291', '770708389324', CANARY.applicant.email, 'Кузьминична', CANARY.applicant.address]) expect(list).toContain(must);

  const page = await ext.context.newPage();
  await openDocumentForm(page);
  await waitForHighlight(page); // the guide has found the step's control and drawn the outline
  expect(leaks(await surfaces(page), list)).toEqual([]);

  await pressFill(page);
  const after = await surfaces(page);
  const filled = after.fields.join('\n');
  expect(filled).toContain('918273'); // the fill really happened
  const found = leaks(after, list);
  // every profile value the page can now see is one that was written into its form
  expect(found.filter(([, secret]) => !filled.includes(secret))).toEqual([]);
  // and the window, cookies and local storage still hold none of them
  expect(found.filter(([where]) => ['window', 'cookie', 'localStorage'].includes(where))).toEqual([]);
  // The fill kit, injected on the press, lives in the guide's world only: the page sees none of it.
  expect(await page.evaluate(() => Object.keys(window).filter((k) => /pfdo/i.test(k)))).toEqual([]);
  await page.close();
});

test('messages from the page cannot make the extension fill, read or change anything', async ({ ext }) => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.externally_connectable).toBeUndefined();
  expect(manifest.web_accessible_resources ?? []).toEqual([]);

  const page = await ext.context.newPage();
  await openDocumentForm(page);
  const before = await surfaces(page);
  const answers = await page.evaluate(async (extensionId) => {
    const payloads = [
      { type: 'fill:values', portal: 'cabinet', keys: ['documentSeries', 'documentNumber', 'email', 'childName'] },
      { type: 'fill' },
      { type: 'guide-fill' },
      { action: 'fill', all: true },
      { type: 'tab-state:set', state: { hidden: true } },
      { type: 'open-options' },
    ];
    for (const p of payloads) {
      window.postMessage(p, '*');
      window.postMessage(JSON.stringify(p), '*');
      for (const name of ['pfdo-fill', 'pfdo:fill', 'fill', 'pfdo', 'message', String(p.type ?? p.action)]) {
        document.dispatchEvent(new CustomEvent(name, { detail: p, bubbles: true }));
        document.querySelector('pfdo-guide')?.dispatchEvent(new CustomEvent(name, { detail: p, bubbles: true, composed: true }));
      }
    }
    const chrome = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => Promise<unknown> } } }).chrome;
    let send = 'no chrome.runtime.sendMessage in the page';
    if (chrome?.runtime?.sendMessage) {
      try {
        send = `answered: ${JSON.stringify(await chrome.runtime.sendMessage(extensionId, payloads[0]))}`;
      } catch (e) {
        send = `refused: ${String(e)}`;
      }
    }
    await new Promise((r) => setTimeout(r, 1500));
    return { send };
  }, ext.extensionId);
  expect(answers.send).not.toMatch(/^answered/);
  const after = await surfaces(page);
  expect(after.fields).toEqual(before.fields); // nothing filled
  expect(leaks(after, secrets())).toEqual([]); // nothing read into the page
  expect(await guideCount(page, 'guide-fill-result')).toBe(0);
  expect((await guideElement(page, 'guide-panel'))?.visible).toBe(true); // not hidden by the page
  expect(ext.context.pages().some((p) => p.url().includes('options.html'))).toBe(false); // options not opened
  await page.close();
});

test('hostile page text is shown as text in the panel and never runs', async ({ ext }) => {
  const page = await ext.context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openDocumentForm(page);
  const HOSTILE = [
    '<img src=x onerror="window.__pwned=(window.__pwned||0)+1;alert(1)">',
    '<script>window.__pwned=(window.__pwned||0)+1</script>',
    '"><svg onload="window.__pwned=(window.__pwned||0)+1">',
  ];
  const injected = await page.evaluate((hostile) => {
    // the page shows the strings as text (textContent), as a portal showing a hostile child name would
    const dialog = [...document.querySelectorAll('[role=dialog], .modal')].find((d) => d.textContent?.includes('Тип документа'))!;
    for (const sel of dialog.querySelectorAll('select')) for (const h of hostile) sel.add(new Option(h, h));
    for (const el of document.querySelectorAll('h1, h2, h3, .header, .card .header, label')) {
      if (!el.closest('[role=dialog], .modal')) el.append(document.createTextNode(` ${hostile[0]}`));
    }
    document.title = hostile.join(' ');
    history.replaceState(null, '', `${location.pathname}${location.search}&name=${encodeURIComponent(hostile[0])}#${hostile[1]}`);
    return dialog.querySelectorAll('option').length;
  }, HOSTILE);
  expect(injected).toBeGreaterThanOrEqual(HOSTILE.length); // the hostile options are really there
  await pressFill(page);
  await clickInGuide(page, 'guide-support-copy');
  await waitForGuideElement(page, 'guide-support-status'); // the copy answered
  const inPanel = await inGuide<{ active: number; text: string; values: string }>(
    page,
    `return { active: root.querySelectorAll('[onerror], [onload], script, img[src="x"], svg[onload]').length, text: root.textContent ?? '',
      values: [...root.querySelectorAll('textarea, input')].map((e) => e.value).join('\\n') };`,
  );
  const result = { ...inPanel, pwned: await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? 0) };
  expect(result).toMatchObject({ pwned: 0, active: 0 });
  expect(dialogs).toEqual([]);
  // whatever of the page's text the panel shows, it shows literally
  for (const h of HOSTILE) if (result.text.includes('onerror') || result.values.includes('onerror')) expect(result.text + result.values).toContain(h.slice(0, 10));
  await page.close();
});

test('filling never touches hidden, disabled, read-only or password fields and never submits', async ({ ext }) => {
  const page = await ext.context.newPage();
  await openDocumentForm(page);
  const marks = await page.evaluate(() => {
    const dialog = [...document.querySelectorAll('[role=dialog], .modal')].find((d) => d.textContent?.includes('Тип документа'))!;
    const byLabel = (text: string) => {
      const label = [...dialog.querySelectorAll('label')].find((l) => l.textContent?.trim().startsWith(text))!;
      return (label.htmlFor ? document.getElementById(label.htmlFor) : label.parentElement!.querySelector('input, textarea, select')) as HTMLInputElement;
    };
    const series = byLabel('Серия');
    series.disabled = true;
    series.value = 'ДО';
    const number = byLabel('Номер');
    number.type = 'password';
    number.value = 'ДО';
    const issuedAt = byLabel('Дата выдачи');
    issuedAt.readOnly = true;
    const issuedBy = byLabel('Кем выдан');
    issuedBy.value = 'ДО';
    (issuedBy.closest('.field') ?? issuedBy.parentElement!).setAttribute('style', 'display:none');
    // decoys: a hidden input, a password field and a disabled e-mail field in the same dialog
    const extra = document.createElement('div');
    extra.innerHTML =
      '<input type="hidden" name="decoy-hidden" value="ДО"><label>Пароль <input type="password" name="decoy-password" value=""></label>' +
      '<label>Серия <input type="text" name="decoy-series" disabled value="ДО"></label>' +
      '<div style="visibility:hidden"><label>Номер <input type="text" name="decoy-number" value="ДО"></label></div>';
    dialog.querySelector('form, .content, .modal-body')?.append(extra) ?? dialog.append(extra);
    const w = window as unknown as { __submits: number; __clicks: string[] };
    w.__submits = 0;
    w.__clicks = [];
    document.addEventListener('submit', (e) => {
      w.__submits++;
      e.preventDefault();
    }, true);
    document.addEventListener('click', (e) => {
      if (e.target !== document.querySelector('pfdo-guide')) w.__clicks.push((e.target as Element).outerHTML.slice(0, 80));
    }, true);
    const watched = [series, number, issuedAt, issuedBy, ...extra.querySelectorAll('input')];
    return watched.map((el) => ({ name: el.name || el.id, value: el.value }));
  });
  const requestsBefore = ext.requests.length;
  let navigations = 0;
  page.on('framenavigated', () => navigations++);

  await pressFill(page); // returns when the panel lists what was filled: the fill is over
  await waitForHighlight(page); // and the guide has moved on to the next control
  const after = await page.evaluate((names) => {
    const w = window as unknown as { __submits: number; __clicks: string[] };
    const dialog = [...document.querySelectorAll('[role=dialog], .modal')].find((d) => d.textContent?.includes('Тип документа'))!;
    const all = [...dialog.querySelectorAll('input, textarea, select')] as HTMLInputElement[];
    const type = all.find((e) => e.tagName === 'SELECT') as unknown as HTMLSelectElement;
    return {
      values: names.map((n) => ({ name: n, value: (all.find((e) => (e.name || e.id) === n) ?? { value: '?' }).value })),
      typeChosen: type.selectedOptions[0]?.text ?? '',
      submits: w.__submits,
      clicks: w.__clicks,
    };
  }, marks.map((m) => m.name));
  expect(after.typeChosen).toMatch(/Свидетельство о рождении/i); // the fill ran
  expect(after.values).toEqual(marks); // none of the protected fields changed
  expect(after.submits).toBe(0);
  expect(after.clicks).toEqual([]);
  expect(navigations).toBe(0);
  expect(ext.requests.slice(requestsBefore).filter((r) => r.startsWith('POST '))).toEqual([]);
  const outcome = await guideText(page, 'guide-fill-result');
  expect(outcome).toMatch(/недоступно|пароля|только для чтения|не нашёл поле/);
  await page.close();
});

test('a page script can neither reach the panel nor press «Заполнить»: closed shadow root, trusted events only', async ({ ext }) => {
  const page = await ext.context.newPage();
  // The page tries to catch every shadow root as it is made (its own prototype: the content
  // script's world is apart and never sees this).
  await page.addInitScript(() => {
    const orig = Element.prototype.attachShadow;
    const w = window as unknown as { __roots: ShadowRoot[] };
    w.__roots = [];
    Element.prototype.attachShadow = function (init: ShadowRootInit) {
      const r = orig.call(this, { ...init, mode: 'open' });
      w.__roots.push(r);
      return r;
    };
  });
  await openDocumentForm(page);
  const before = await surfaces(page);
  const fromPage = await page.evaluate(() => {
    const host = document.querySelector('pfdo-guide')!;
    const w = window as unknown as { __roots: ShadowRoot[] };
    // Faked clicks wherever the page can aim: the host, and the point where «Заполнить» is drawn.
    for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click']) host.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true }));
    const r = host.getBoundingClientRect();
    return { shadowRoot: host.shadowRoot === null ? 'null' : 'open', caught: w.__roots.filter((x) => x.host === host).length, hostBox: r.width };
  });
  expect(fromPage).toMatchObject({ shadowRoot: 'null', caught: 0 });
  // Even with the panel's own button in hand (as DevTools has it), a made-up click does nothing:
  // every panel action needs a trusted, user-made event.
  await inGuide(page, `
    const fill = root.querySelector('[data-testid=guide-fill]');
    for (const type of ['pointerdown', 'mousedown', 'mouseup']) fill.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true }));
    fill.click();
    fill.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    const mask = root.querySelector('[data-testid=guide-mask]');
    mask.click();
    root.querySelector('[data-testid=guide-consultant]').click();
    root.querySelector('[data-testid=guide-hide]').click();`);
  await page.waitForTimeout(500); // nothing is supposed to happen; give it the time a fill takes
  expect(await guideCount(page, 'guide-fill-result')).toBe(0);
  expect((await surfaces(page)).fields).toEqual(before.fields);
  expect(await page.locator('pfdo-guide').getAttribute('data-hidden')).toBe('false');
  expect(await page.locator('pfdo-guide').getAttribute('data-mask')).toBe('false');
  expect(ext.context.pages().some((p) => p.url().includes('consultant.html'))).toBe(false);
  // A person's click works.
  await pressFill(page);
  expect((await surfaces(page)).fields).not.toEqual(before.fields);
  await page.close();
});
