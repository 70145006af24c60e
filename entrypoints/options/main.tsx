import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/profile/profile.css';
import './style.css';
import { App, reload } from './App';
import { importAll } from '@/utils/profile/db';

/**
 * Hook for the e2e tests and the demo (`tests/support/browser.ts` → `seedProfile`): stores a
 * profile the way the «Загрузить профиль из файла» button does, and the chosen child.
 * Reachable only from the extension's own pages.
 */
(globalThis as unknown as { __pfdoTest: unknown }).__pfdoTest = {
  async importProfile(d: { applicant?: unknown; children: unknown[]; scans?: unknown[]; activeChildId?: string }): Promise<void> {
    await importAll({ version: 1, applicant: d.applicant, children: d.children, scans: d.scans });
    if (typeof d.activeChildId === 'string') await browser.storage.local.set({ activeChildId: d.activeChildId });
    await reload(true);
  },
};

render(<App />, document.getElementById('app')!);
void reload();
