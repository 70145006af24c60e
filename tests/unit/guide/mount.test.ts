// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { cabinetFlow } from '@/utils/flows/cabinet';
import { mountGuide } from '@/utils/guide/mount';
import { HOST_TAG } from '@/utils/guide/host-tag';
import { OBSERVE, OBSERVED_ATTRIBUTES } from '@/utils/guide/page-index';
import { flowToWire } from '@/utils/guide/wire';
import type { Request } from '@/utils/messages';

/** Answers like the background for a Kuzbass page: its flow, a default tab state. */
const send = async (m: Request) => {
  if (m.type === 'flow:get') return { flow: flowToWire(cabinetFlow), css: '' };
  if (m.type === 'tab-state:get') return { hidden: false, variant: 'parent' };
  return undefined;
};

describe('the guide host and the page observer (utils/guide/mount.tsx, engine.ts)', () => {
  it('the guide changing its own host makes no record for the observer: the engine needs no filter of its own changes', async () => {
    document.body.innerHTML = '<form><input name="email" placeholder="Электронная почта"><button>Войти</button></form>';
    const engine = mountGuide(null, send, { watchSettings: false });
    const host = document.querySelector(HOST_TAG)!;
    await new Promise((r) => setTimeout(r, 50));
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((rs) => records.push(...rs));
    observer.observe(document.documentElement, OBSERVE);
    // Everything the panel reflects on the host: hiding, the variant, a pass after a page change.
    engine.state.hidden.value = true;
    engine.state.variant.value = 'self';
    engine.state.hidden.value = false;
    document.body.append(document.createElement('p'));
    engine.pass();
    await new Promise((r) => setTimeout(r, 50));
    records.push(...observer.takeRecords());
    observer.disconnect();
    expect(host.getAttributeNames().length).toBeGreaterThan(3);
    for (const a of host.getAttributeNames()) expect(a, a).toMatch(/^data-/);
    expect(OBSERVED_ATTRIBUTES.some((a) => a.startsWith('data-'))).toBe(false);
    expect(records.length).toBeGreaterThan(0); // the page's own change was seen
    expect(records.filter((r) => r.target === host || host.contains(r.target))).toEqual([]);
    engine.stop();
  });

  it('a guide whose host a newer instance replaced (content script injected again after an update) stops instead of coming back; one the page removed comes back', async () => {
    document.body.innerHTML = '<form><input name="email" placeholder="Электронная почта"><button>Войти</button></form>';
    const old = mountGuide(null, send, { watchSettings: false });
    await new Promise((r) => setTimeout(r, 50));
    // The page removes the host: it is put back on the next change.
    document.querySelector(HOST_TAG)!.remove();
    old.pass();
    expect(document.querySelectorAll(HOST_TAG).length).toBe(1);
    // A newer instance takes the page: the old one stops at its next update and stays out.
    const fresh = mountGuide(null, send, { watchSettings: false });
    await new Promise((r) => setTimeout(r, 50));
    old.pass();
    expect(document.querySelectorAll(HOST_TAG).length).toBe(1);
    const passes = old.stats.passes;
    document.body.append(document.createElement('button'));
    await new Promise((r) => setTimeout(r, 150));
    expect(old.stats.passes).toBe(passes); // no longer observing
    expect(fresh.stats.passes).toBeGreaterThan(0);
    fresh.stop();
  });

  it('a stopped guide leaves nothing listening: an address change or a click runs no pass', async () => {
    document.body.innerHTML = '<form><input name="email" placeholder="Электронная почта"><button>Войти</button></form>';
    const engine = mountGuide(null, send, { watchSettings: false });
    await new Promise((r) => setTimeout(r, 150));
    engine.stop();
    const passes = engine.stats.passes;
    window.dispatchEvent(new PopStateEvent('popstate'));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    document.querySelector('button')!.click();
    await new Promise((r) => setTimeout(r, 150));
    expect(engine.stats.passes).toBe(passes);
  });
});
