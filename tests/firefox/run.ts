/**
 * Firefox smoke test: the built Firefox extension (`npx wxt build -b firefox` → `.output/firefox-mv3`)
 * in Debian's firefox-esr, headless, driven by puppeteer-core over WebDriver BiDi, on the portal
 * replicas served at the real host names. Builds nothing itself.
 *
 *   node --import tsx tests/firefox/run.ts      (npm run test:firefox)
 *
 * Prints `ok - name` / `not ok - name` per case, then `firefox: N passed, N failed`; exit code 1
 * on any failure.
 *
 * Environment:
 *   FIREFOX_PATH                 Firefox binary (default /usr/bin/firefox-esr)
 *   PFDO_FIREFOX_EXTENSION_DIR   extension folder to test instead of .output/firefox-mv3|mv2
 *   PFDO_REPLICA_ROUTER          module exporting `resolveReplica` instead of replicas/router.ts
 *   PFDO_FIREFOX_DUMPIO=1        show Firefox's own stdout/stderr
 *
 * Host permissions: see harness.ts. The harness sets `extensions.originControls.grantByDefault`
 * to true, so the temporary add-on gets its `host_permissions` at install, exactly like a user who
 * clicked «Добавить» in Firefox's install prompt. What that prompt says (firefox-esr 153, read from
 * Firefox's own ExtensionData.formatPermissionStrings for this build, ru and en-US locales):
 *
 *   Добавить «Сертификат ПФДО: помощник»            | Add «…»
 *   Требуемые разрешения:                           | Required permissions:
 *     Доступ к вашим данным для сайтов в 2 доменах  |   Access your data for sites in 2 domains
 *     (expandable list: sgo.tvobr.ru, cabinet.ruobr.ru)
 *   Сбор данных:                                    | Data collection:
 *     Разработчик сообщает, что это расширение не требует сбора данных.
 *                                                   |   The developer says this extension doesn’t require data collection.
 *   [Добавить] [Отмена]                             | [Add] [Cancel]
 *
 * The user can later take the access away (extensions button → «Только при щелчке», or
 * about:addons → Разрешения); the portal page then shows «Требуется разрешение на чтение и
 * изменение данных» in the extensions panel and the guide does not run. The last case checks that
 * side: with the pref false the add-on installs but the guide does not appear.
 */
import { pathToFileURL } from 'node:url';
import { resolve as resolvePath } from 'node:path';
import type { Page } from 'puppeteer-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clickInGuideFirefox, findFirefoxBuild, killAll, launchFirefox, readManifest, waitForGuide, type FirefoxSession, type Resolver } from './harness';
import { makePdfFromPopupFirefox, seedProfileFirefox, walkCabinetFirefox, walkSgoFirefox } from './flows';
import { CABINET_WALK, SGO_WALK } from '../support/walk';
import { FAMILY } from '../support/family';

const started = Date.now();
const HARD_LIMIT_MS = 300_000; // the whole run, both flows included, must stay under 5 minutes

let passed = 0;
let failed = 0;

async function test(name: string, fn: () => Promise<void>): Promise<boolean> {
  const t = Date.now();
  try {
    await fn();
    passed++;
    console.log(`ok - ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    return true;
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}`);
    const msg = e instanceof Error ? (e.stack ?? e.message) : String(e);
    console.log(msg.split('\n').slice(0, 6).map((l) => `  # ${l}`).join('\n'));
    return false;
  }
}

function skip(name: string, why: string): void {
  failed++;
  console.log(`not ok - ${name}\n  # skipped: ${why}`);
}

function assert(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(msg);
}

/** «К-1» must appear as a whole code (not as the start of «К-14»). */
/** Runs `action` and returns the page (tab) it opened. */
async function newPageAfter(session: FirefoxSession, opened: Page[], action: () => Promise<unknown>): Promise<Page> {
  const before = new Set(await session.browser.pages());
  await action();
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const fresh = (await session.browser.pages()).find((p) => !before.has(p));
    if (fresh) {
      opened.push(fresh);
      await fresh.waitForFunction(`document.readyState === 'complete'`, { timeout: 15_000 }).catch(() => undefined);
      return fresh;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const urls = await Promise.all((await session.browser.pages()).map((p) => p.url()));
  throw new Error(`no new tab was opened; tabs: ${urls.join(' ')}`);
}

const hasCode = (text: string, code: string) => new RegExp(`${code}(?![0-9])`).test(text);

const PORTAL_CASES = [
  { portal: 'sgo', url: 'https://sgo.tvobr.ru/authorize/login?delay=0', step: 'sgo.login', code: 'Т-1' },
  { portal: 'cabinet', url: 'https://cabinet.ruobr.ru/login/?reset=1', step: 'cabinet.login', code: 'К-1' },
];

async function main(): Promise<void> {
  const watchdog = setTimeout(() => {
    console.log(`not ok - whole run under ${HARD_LIMIT_MS / 1000} s\n  # watchdog fired`);
    console.log(`firefox: ${passed} passed, ${failed + 1} failed`);
    killAll();
    process.exit(1);
  }, HARD_LIMIT_MS);
  watchdog.unref();

  const extDir = findFirefoxBuild();
  let resolveReplica: Resolver | null = null;
  let routerError = '';
  try {
    const mod = process.env.PFDO_REPLICA_ROUTER
      ? await import(pathToFileURL(resolvePath(process.env.PFDO_REPLICA_ROUTER)).href)
      : await import('../../replicas/router');
    resolveReplica = mod.resolveReplica;
  } catch (e) {
    routerError = `replicas/router.ts did not load: ${e instanceof Error ? e.message.split('\n')[0] : e}`;
  }

  if (!extDir || !resolveReplica) {
    const why = !extDir ? 'no Firefox build in .output/firefox-mv3 or .output/firefox-mv2 (run `npx wxt build -b firefox`)' : routerError;
    for (const name of ['extension installs as a temporary add-on', ...PORTAL_CASES.flatMap((c) => [`${c.portal}: guide shows ${c.step}`, `${c.portal}: panel shows «${c.code}»`])]) {
      skip(name, why);
    }
    return;
  }
  console.log(`# extension: ${extDir}`);
  const manifest = readManifest(extDir);
  const geckoId: string | undefined = manifest.browser_specific_settings?.gecko?.id ?? manifest.applications?.gecko?.id;

  // 1. Main session: host permissions granted at install (what the user has after «Add»).
  let ff: FirefoxSession | null = null;
  const downloadDir = mkdtempSync(join(tmpdir(), 'pfdo-ff-downloads-'));
  try {
    ff = await launchFirefox(resolveReplica, { downloadDir });
    const session = ff;
    console.log(`# ${await session.browser.version()} (${((Date.now() - started) / 1000).toFixed(1)} s to launch)`);

    const installed = await test('extension installs as a temporary add-on', async () => {
      const id = await session.installExtension(extDir);
      assert(id, 'no add-on id returned');
      if (geckoId) assert(id === geckoId, `add-on id ${id}, manifest says ${geckoId}`);
    });

    for (const c of PORTAL_CASES) {
      const stepName = `${c.portal}: guide shows ${c.step}`;
      const codeName = `${c.portal}: panel shows «${c.code}»`;
      if (!installed) {
        skip(stepName, 'the extension did not install');
        skip(codeName, 'the extension did not install');
        continue;
      }
      const page = await session.newPage();
      let shown: { code: string; panelText: string } | null = null;
      await test(stepName, async () => {
        const res = await page.goto(c.url, { waitUntil: 'load', timeout: 20_000 });
        assert(res?.status() === 200, `the replica answered ${res?.status()} for ${c.url}`);
        try {
          shown = await waitForGuide(page, c.step, 20_000);
        } catch (e) {
          const actual = await page
            .evaluate(`(() => { const h = document.querySelector('pfdo-guide'); return h ? 'data-step="' + h.getAttribute('data-step') + '"' : 'no <pfdo-guide>'; })()`)
            .catch(() => '?');
          throw new Error(`${(e as Error).message}; page has ${actual}`);
        }
      });
      await test(codeName, async () => {
        assert(shown, 'the guide did not show the step');
        const { code, panelText } = shown;
        assert(code === c.code, `data-step-code="${code}", expected ${c.code}`);
        assert(hasCode(panelText, c.code), `panel text has no «${c.code}»: ${panelText.slice(0, 200)}`);
      });
      await page.close().catch(() => undefined);
    }

    await test('training portal (from the panel via the consultant page): the replica runs in the frame with the guide (Т-1)', async () => {
      assert(installed, 'the extension did not install');
      // WebDriver may not navigate to moz-extension:// pages: go there as a user does — the
      // panel's «Справка для консультанта», then the card's link to the training portal.
      const page = await session.newPage();
      const opened: Page[] = [];
      try {
        await page.goto('https://cabinet.ruobr.ru/login/?reset=1&delay=0', { waitUntil: 'load', timeout: 20_000 });
        await waitForGuide(page, 'cabinet.login', 20_000);
        const consultant = await newPageAfter(session, opened, () => clickInGuideFirefox(page, 'guide-consultant'));
        await consultant.waitForSelector('[data-testid=consultant-training-link]', { timeout: 20_000 });
        // The consultant tab goes on to the training portal (same tab: WebDriver does not report
        // tabs a moz-extension page opens by itself).
        await consultant.evaluate(`location.assign(document.querySelector('[data-testid=consultant-training-link]').getAttribute('href'))`);
        const training = consultant;
        const deadline = Date.now() + 20_000;
        let seen = '';
        while (Date.now() < deadline) {
          // The frame is same-origin with the training page: read its guide from the page.
          seen = String(
            await training
              .evaluate(`(() => { const d = document.querySelector('[data-testid=training-frame]')?.contentDocument; const h = d && d.querySelector('pfdo-guide'); return location.pathname + ' ' + (d ? d.location.pathname : 'no frame') + ' ' + (h ? h.getAttribute('data-step-code') : '-'); })()`)
              .catch((e) => `? ${e}`),
          );
          seen = seen.endsWith(' Т-1') ? 'Т-1' : seen;
          if (seen === 'Т-1') break;
          await new Promise((r) => setTimeout(r, 250));
        }
        assert(seen === 'Т-1', `training frame shows step «${seen}», expected «Т-1» (the first card is Т-1)`);
        const banner = String(await training.evaluate(`document.querySelector('[data-testid=training-banner]')?.textContent ?? ''`));
        assert(banner.includes('Учебный портал — это не настоящий сайт'), `banner: «${banner}»`);
      } finally {
        for (const p of [page, ...opened]) await p.close().catch(() => undefined);
      }
    });

    // Both flows end to end, the same walks as in Chromium (tests/support/walk.ts).
    const seeded = await test('profile stored through the options page («Загрузить профиль из файла»)', async () => {
      assert(installed, 'the extension did not install');
      await seedProfileFirefox(session, 'child-darya');
    });
    const artem = FAMILY.children.find((c) => c.id === 'child-artem')!;
    const darya = FAMILY.children.find((c) => c.id === 'child-darya')!;
    const walked = (flowPath: string[], seen: string[]) => assert(JSON.stringify(seen) === JSON.stringify(flowPath), `steps seen: ${seen.join(' → ')}; the flow's path: ${flowPath.join(' → ')}`);
    await test('sgo: the whole flow — every step recognised, the outline clicked, «Заполнить» chooses the child', async () => {
      assert(seeded, 'the profile was not stored');
      const w = await walkSgoFirefox(session, 'https://sgo.tvobr.ru/?reset=1&children=2&delay=300');
      walked(SGO_WALK, w.seen);
      const chosen = String(w.filled['sgo.choose-child'] ?? '');
      assert(chosen.startsWith(`${darya.name.lastName} ${darya.name.firstName}`), `«Дети» shows «${chosen}» after «Заполнить»`);
      for (const shot of w.shots) assert(shot.code && shot.instruction, `panel of ${shot.stepId} shows no code or instruction`);
    });
    await test('cabinet: the whole flow — every step recognised, «Заполнить» on the document (with the scan), e-mail and certificate dialogs', async () => {
      assert(seeded, 'the profile was not stored');
      const w = await walkCabinetFirefox(session, 'https://cabinet.ruobr.ru/?reset=1&delay=300');
      walked(CABINET_WALK, w.seen);
      const doc = (w.filled['cabinet.document-form'] ?? {}) as Record<string, string>;
      const values = Object.values(doc);
      for (const v of [artem.document.series, artem.document.number, 'Свидетельство о рождении', 'svidetelstvo-artem.png']) {
        assert(values.includes(v), `the document form after «Заполнить» holds no «${v}»: ${JSON.stringify(doc)}`);
      }
      const mail = Object.values((w.filled['cabinet.email'] ?? {}) as Record<string, string>);
      assert(mail.includes(FAMILY.applicant.email), `the e-mail dialog holds ${JSON.stringify(mail)}`);
      const cert = Object.values((w.filled['cabinet.certificate-dialog'] ?? {}) as Record<string, string>);
      assert(cert.some((v) => /от 5 до 18/.test(v)), `the certificate group is not chosen: ${JSON.stringify(cert)}`);
    });
    await test('the statement and consents PDF from the popup (download saved, Cyrillic text)', async () => {
      assert(seeded, 'the profile was not stored');
      const pdf = await makePdfFromPopupFirefox(session, downloadDir);
      assert(pdf.bytes > 10_000, `PDF of ${pdf.bytes} bytes`);
      assert(/ЗАЯВЛЕНИЕ/.test(pdf.text) && /СОГЛАСИЕ НА ОБРАБОТКУ/.test(pdf.text), `PDF text: ${pdf.text.slice(0, 200)}`);
      assert(pdf.text.includes(FAMILY.applicant.name.lastName), 'the PDF does not name the applicant');
    });

    await test('nothing left the browser (all outside requests blocked)', async () => {
      // Give background services a moment to try something, then check the proxy trap.
      await new Promise((r) => setTimeout(r, 500));
      assert(session.leaks.length === 0, `connections reached the network: ${session.leaks.join(', ')}`);
    });
    if (ff.blocked.length) console.log(`# blocked page requests: ${ff.blocked.slice(0, 10).join(', ')}${ff.blocked.length > 10 ? ' …' : ''}`);
    const notFound = ff.served.filter((s) => !s.startsWith('200 '));
    if (notFound.length) console.log(`# replica answers other than 200: ${notFound.slice(0, 10).join(', ')}`);
  } catch (e) {
    await test('firefox launches', async () => {
      throw e;
    });
  } finally {
    await ff?.close();
    rmSync(downloadDir, { recursive: true, force: true });
  }

  // 2. Opt-in check: without the install-time grant the guide must NOT run (host permissions
  //    in Firefox MV3 are the user's choice; the content scripts need them).
  let ff2: FirefoxSession | null = null;
  try {
    ff2 = await launchFirefox(resolveReplica, { grantHostPermissions: false });
    const session = ff2;
    await test('without granted host permissions the guide stays off (Firefox MV3 opt-in)', async () => {
      await session.installExtension(extDir);
      const page = await session.newPage();
      await page.goto(PORTAL_CASES[0].url, { waitUntil: 'load', timeout: 20_000 });
      await new Promise((r) => setTimeout(r, 2_000));
      const present = await page.evaluate(`!!document.querySelector('pfdo-guide')`);
      assert(!present, 'the guide appeared although the portal host was not granted');
    });
  } catch (e) {
    await test('firefox launches (no host permissions)', async () => {
      throw e;
    });
  } finally {
    await ff2?.close();
  }
}

main()
  .catch((e) => {
    failed++;
    console.log(`not ok - harness\n  # ${e instanceof Error ? e.stack : e}`);
  })
  .finally(() => {
    console.log(`# run time ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`firefox: ${passed} passed, ${failed} failed`);
    process.exit(failed === 0 ? 0 : 1);
  });
