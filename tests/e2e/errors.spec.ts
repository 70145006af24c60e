import { test, expect } from '../support/fixtures';
import { guideElement, guideText } from '../support/guide';
import { waitForStep } from '../support/browser';
import { panelInfo } from '../support/walk';
import { pages as sgoPages } from '../../replicas/sgo/pages';
import { pages as cabinetPages } from '../../replicas/cabinet/pages';

/**
 * The portals' own error messages (wrong password, «временно не доступен», failed request,
 * missing e-mail, age) are recognised on the replica error variants, and the panel shows the
 * matching advice, marked as a problem (no «шаг N из M»).
 */
const ADVICE: Record<string, RegExp> = {
  'sgo.login-error': /выбрана именно ваша школа/,
  'sgo.request-failed': /ответил ошибкой/,
  'sgo.age-out': /от 5 до 18 лет/,
  'cabinet.login-error': /только через Госуслуги/,
  'cabinet.esia-down': /Попробуйте позже/,
  'cabinet.email-missing': /не принял адрес почты/,
};

for (const [stepId, advice] of Object.entries(ADVICE)) {
  const p = [...sgoPages, ...cabinetPages].find((x) => x.expectStep === stepId && x.method !== 'POST');
  test(`${stepId}: advice on ${p?.name}`, async ({ ext }) => {
    expect(p, `a replica page for ${stepId}`).toBeTruthy();
    const page = await ext.context.newPage();
    await page.goto(p!.url);
    await waitForStep(page, stepId);
    const info = await panelInfo(page);
    expect(info.instruction).toMatch(advice);
    await expect.poll(async () => (await guideElement(page, '.pfdo-panel.is-problem'))?.visible).toBe(true);
    expect(await guideText(page, '.pfdo-pos')).toBe('нужно внимание');
    await page.close();
  });
}
