import type { BrowserContext, CDPSession } from '@playwright/test';

/** Opens a page with a CDP session that knows the isolated worlds (where content scripts run). */
export async function openWithWorlds(ctx: BrowserContext, url: string) {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  const worlds: number[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => {
    if (e.context.auxData?.type === 'isolated') worlds.push(e.context.id);
  });
  cdp.on('Runtime.executionContextsCleared', () => (worlds.length = 0));
  await cdp.send('Runtime.enable');
  await cdp.send('Performance.enable');
  await page.goto(url);
  await page.locator('html[data-replica-ready]').waitFor({ state: 'attached' });
  return { page, cdp, worlds };
}

/** The guide engine's own counters (`pfdoGuideStats`, see utils/guide/engine.ts), read in its world. */
export async function guideStats(cdp: CDPSession, worlds: number[]): Promise<{ passes: number; skipped?: number; totalMs: number; maxMs: number }> {
  for (const id of worlds) {
    const r = await cdp
      .send('Runtime.evaluate', { contextId: id, expression: 'globalThis.pfdoGuideStats ? JSON.stringify(globalThis.pfdoGuideStats) : ""', returnByValue: true })
      .catch(() => null);
    if (r?.result?.value) return JSON.parse(r.result.value as string);
  }
  throw new Error('guide stats not found in any isolated world');
}
