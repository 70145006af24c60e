import { test, expect } from '../support/fixtures';
import { seedProfile, waitForStep, replicaReady } from '../support/browser';
import { walkSgo, walkCabinet, panelInfo, waitForHighlight, SGO_WALK, CABINET_WALK } from '../support/walk';
import { FAMILY } from '../support/family';
import { clickInGuide, guideElement, guideText } from '../support/guide';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ ext }) => {
  await seedProfile(ext, { applicant: FAMILY.applicant, children: [...FAMILY.children], scans: [...FAMILY.scans], activeChildId: 'child-artem' });
});

test('Tver: the whole flow as a parent with two children, following the highlights', async ({ ext }) => {
  const page = await ext.context.newPage();
  const seen = await walkSgo(page, 'https://sgo.tvobr.ru/?reset=1&children=2&delay=400');
  expect(seen).toEqual(SGO_WALK);
  await page.close();
});

test('Kuzbass: the whole flow from login to the certificate page and the activation visit', async ({ ext }) => {
  const page = await ext.context.newPage();
  const filled: Record<string, string> = {};
  const seen = await walkCabinet(page, 'https://cabinet.ruobr.ru/?reset=1&delay=300', async (p, shot) => {
    if (shot.stepId === 'cabinet.document-form' && shot.note) {
      filled.series = await p.getByLabel(/Серия/).first().inputValue();
      filled.number = await p.getByLabel(/Номер/).first().inputValue();
    }
    if (shot.stepId === 'cabinet.email' && shot.note) filled.email = await p.locator('input[type=email]').first().inputValue();
  });
  expect(seen).toEqual(CABINET_WALK);
  expect(filled).toEqual({ series: 'III-ПО', number: '537155', email: FAMILY.applicant.email });
  await page.close();
});

test('a reload mid-flow shows the same step; POST navigation is recognised', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto('https://sgo.tvobr.ru/?reset=1&delay=200');
  await waitForStep(page, 'sgo.login');
  await page.goto('https://sgo.tvobr.ru/authorize/sso/esia/login');
  await waitForStep(page, 'sgo.open-settings');
  // Arrive at the settings page by form POST, as the portal does.
  await page.evaluate(() => {
    const f = document.createElement('form');
    f.method = 'POST';
    f.action = location.pathname.replace(/studentdiary\/?$/, 'mysettings/');
    f.innerHTML = '<input type="hidden" name="at" value="x"><input type="hidden" name="VER" value="1">';
    document.body.append(f);
    f.submit();
  });
  await waitForStep(page, 'sgo.get-certificate');
  await page.reload();
  await waitForStep(page, 'sgo.get-certificate');
  await page.goBack();
  await waitForStep(page, 'sgo.open-settings');
  await page.close();
});

test('late rendering: the step appears after the loader, without polling', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto('https://cabinet.ruobr.ru/?reset=1&state=document-saved&delay=1500');
  await page.goto('https://cabinet.ruobr.ru/services/dop/certificate/?delay=1500');
  await replicaReady(page, 20_000);
  await waitForStep(page, 'cabinet.submit-request');
  await waitForHighlight(page);
  await page.close();
});

test('a missing control: the panel says what to look for instead of pointing at nothing', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto('https://cabinet.ruobr.ru/login/?reset=1&delay=0');
  await waitForStep(page, 'cabinet.login');
  await waitForHighlight(page);
  // The portal drops the Госуслуги button (as a changed portal might): the step stays, the target is gone.
  await page.evaluate(() => {
    for (const el of Array.from(document.querySelectorAll('a, button, div'))) {
      if (/^\s*войти через госуслуги\s*$/i.test(el.textContent ?? '')) el.remove();
    }
  });
  await expect(page.locator('pfdo-guide')).toHaveAttribute('data-target', 'missing', { timeout: 8000 });
  await expect(page.locator('pfdo-guide')).toHaveAttribute('data-step', 'cabinet.login');
  await expect.poll(() => guideText(page, 'guide-missing')).toContain('Войти через Госуслуги');
  await page.close();
});

test('the panel can be hidden and brought back, and stays hidden after a reload', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto('https://cabinet.ruobr.ru/login/?reset=1');
  await waitForStep(page, 'cabinet.login');
  await clickInGuide(page, 'guide-hide');
  await expect(page.locator('pfdo-guide')).toHaveAttribute('data-hidden', 'true');
  await page.reload();
  await waitForStep(page, 'cabinet.login');
  await expect(page.locator('pfdo-guide')).toHaveAttribute('data-hidden', 'true');
  await clickInGuide(page, 'guide-show');
  await expect(page.locator('pfdo-guide')).toHaveAttribute('data-hidden', 'false');
  const info = await panelInfo(page);
  expect(info.code).toBe('К-1');
  await page.close();
});

test('SPA navigation: a history.pushState with new content is recognised without a reload', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto('https://cabinet.ruobr.ru/services/dop/?reset=1&state=logged-in&delay=0');
  await waitForStep(page, 'cabinet.apply');
  // A script of the page swaps the content and the URL, as a single-page app would.
  await page.evaluate(() => {
    history.pushState({}, '', '/services/dop/certificate/');
    const main = document.querySelector('main') ?? document.body;
    for (const el of Array.from(main.querySelectorAll('a, button'))) if (/подать заявку на сертификат/i.test(el.textContent ?? '')) el.remove();
    const b = document.createElement('button');
    b.className = 'ui button';
    b.textContent = 'Предоставить документ';
    main.append(b);
  });
  await waitForStep(page, 'cabinet.add-document');
  await waitForHighlight(page);
  await page.close();
});

test('the highlight follows its control on scroll and resize', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto('https://cabinet.ruobr.ru/login/?reset=1&delay=0');
  await waitForStep(page, 'cabinet.login');
  const ringVsTarget = async () => {
    const ring = (await guideElement(page, '.pfdo-ring'))!.box;
    const t = await page.evaluate(() => {
      const target = Array.from(document.querySelectorAll('a, button')).find((e) => /войти через госуслуги/i.test(e.textContent ?? ''))!;
      const r = target.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    return { dx: Math.round(ring.x + ring.width / 2 - t.x), dy: Math.round(ring.y + ring.height / 2 - t.y) };
  };
  await waitForHighlight(page);
  await page.evaluate(() => {
    document.body.style.minHeight = '3000px';
    window.scrollTo(0, 120);
  });
  await page.setViewportSize({ width: 900, height: 700 });
  // The ring follows (after its short transition): wait for it to sit on the target again.
  await expect.poll(async () => { const d = await ringVsTarget(); return Math.max(Math.abs(d.dx), Math.abs(d.dy)); }).toBeLessThanOrEqual(2);
  await page.close();
});
