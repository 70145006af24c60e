import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { browserPath, findRequirement, planSystem, REQUIREMENTS, type Probe } from '../../scripts/system';

/**
 * The system check of `npm run demo` / `npm test` (`scripts/system.ts`): what it finds, when it
 * installs Debian packages, and what it tells a user who must install them.
 */

/** A made-up machine: these executables exist, this user, this environment. */
function machine(files: string[], opts: { uid?: number; env?: Record<string, string> } = {}): Probe {
  const set = new Set(files);
  return { env: { PATH: '/usr/local/bin:/usr/bin:/bin', ...opts.env }, uid: opts.uid ?? 1000, isExecutable: (p) => set.has(p) };
}

const ALL = ['/usr/bin/chromium', '/usr/bin/firefox-esr', '/usr/bin/pdftoppm', '/usr/bin/pdftotext', '/usr/bin/apt-get'];
const req = (id: string) => REQUIREMENTS.find((r) => r.id === id)!;

describe('system check: finding the programs', () => {
  it('finds Chromium at /usr/bin/chromium, then chromium-browser on PATH', () => {
    expect(findRequirement(req('chromium'), machine(['/usr/bin/chromium'])).path).toBe('/usr/bin/chromium');
    expect(findRequirement(req('chromium'), machine(['/usr/local/bin/chromium-browser'])).path).toBe('/usr/local/bin/chromium-browser');
    expect(findRequirement(req('chromium'), machine([])).path).toBeUndefined();
  });

  it('CHROMIUM_PATH wins when it names an executable, and is reported (not replaced) when it does not', () => {
    const p = machine(['/usr/bin/chromium', '/opt/chromium/chrome'], { env: { CHROMIUM_PATH: '/opt/chromium/chrome' } });
    expect(findRequirement(req('chromium'), p).path).toBe('/opt/chromium/chrome');
    const bad = findRequirement(req('chromium'), machine(['/usr/bin/chromium'], { env: { CHROMIUM_PATH: '/nope/chrome' } }));
    expect(bad.path).toBeUndefined();
    expect(bad.badEnv).toBe('CHROMIUM_PATH=/nope/chrome');
  });

  it('browserPath falls back to the Debian path so the launch error names it', () => {
    expect(browserPath('firefox', machine([]))).toBe('/usr/bin/firefox-esr');
    expect(browserPath('chromium', machine(['/usr/bin/chromium-browser'], { env: { PATH: '/usr/bin' } }))).toBe('/usr/bin/chromium-browser');
  });
});

describe('system check: the decision', () => {
  it('nothing to do when everything is there', () => {
    const plan = planSystem('test', machine(ALL));
    expect(plan.action).toBe('ok');
    expect(plan.message).toBe('');
  });

  it('the demo needs Chromium only: no Firefox, no poppler asked for', () => {
    expect(planSystem('demo', machine(['/usr/bin/chromium'])).action).toBe('ok');
    const plan = planSystem('demo', machine(['/usr/bin/apt-get'], { uid: 0 }));
    expect(plan.packages).toEqual(['chromium']);
    expect(plan.message).not.toMatch(/firefox|poppler/i);
  });

  it('as root with apt-get: installs only the missing packages, each once, saying what and why', () => {
    const plan = planSystem('test', machine(['/usr/bin/chromium', '/usr/bin/apt-get'], { uid: 0 }));
    expect(plan.action).toBe('install');
    expect(plan.packages).toEqual(['firefox-esr', 'poppler-utils']);
    expect(plan.commands).toEqual(['apt-get update', 'apt-get install -y firefox-esr poppler-utils']);
    expect(plan.message).toContain('устанавливаю пакеты Debian');
    expect(plan.message).toContain('installing the Debian packages');
    expect(plan.message).toContain('PFDO_NO_INSTALL=1');
  });

  it('not root: stops with the sudo command, in Russian and English', () => {
    const plan = planSystem('test', machine(['/usr/bin/apt-get'], { uid: 1000 }));
    expect(plan.action).toBe('stop');
    expect(plan.message).toContain('sudo apt-get update && sudo apt-get install -y chromium firefox-esr poppler-utils');
    expect(plan.message).toContain('нужны права root');
    expect(plan.message).toContain('root is needed');
    for (const id of ['chromium', 'firefox', 'pdftoppm', 'pdftotext']) expect(plan.message).toContain(`- ${id} `);
  });

  it('PFDO_NO_INSTALL=1 as root: stops, names the command without sudo', () => {
    const plan = planSystem('demo', machine(['/usr/bin/apt-get'], { uid: 0, env: { PFDO_NO_INSTALL: '1' } }));
    expect(plan.action).toBe('stop');
    expect(plan.message).toContain('apt-get update && apt-get install -y chromium');
    expect(plan.message).not.toContain('sudo');
    expect(plan.message).toContain('PFDO_NO_INSTALL=1: автоматическая установка выключена');
  });

  it('no apt-get (not Debian): stops and says so', () => {
    const plan = planSystem('demo', machine([], { uid: 0 }));
    expect(plan.action).toBe('stop');
    expect(plan.message).toContain('нет apt-get');
    expect(plan.message).toContain('no apt-get');
  });

  it('a wrong CHROMIUM_PATH is never "fixed" by an install: the user is asked to correct it', () => {
    const plan = planSystem('demo', machine(['/usr/bin/apt-get'], { uid: 0, env: { CHROMIUM_PATH: '/nope' } }));
    expect(plan.action).toBe('stop');
    expect(plan.packages).toEqual([]);
    expect(plan.message).toContain('Исправьте или удалите CHROMIUM_PATH');
  });
});

describe('system check: the real commands stop at once with a clear message', () => {
  const run = (args: string[], env: Record<string, string>) => {
    const t = Date.now();
    const r = spawnSync('node', ['--import', 'tsx', ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
    return { status: r.status, out: `${r.stdout}${r.stderr}`, ms: Date.now() - t };
  };

  it('`npm run demo` without a usable Chromium (PFDO_NO_INSTALL=1) exits non-zero within seconds, before building', () => {
    const r = run(['scripts/demo.ts'], { CHROMIUM_PATH: '/nonexistent/chromium', PFDO_NO_INSTALL: '1' });
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('CHROMIUM_PATH');
    expect(r.out).toContain('System check');
    expect(r.out).not.toContain('wxt build');
    expect(r.out).not.toMatch(/firefox/i);
    expect(r.ms).toBeLessThan(30_000); // tsx start-up included; the check itself takes milliseconds
  });

  it('the check for the demo passes without Firefox', () => {
    const r = run(['scripts/system.ts', 'demo'], { FIREFOX_PATH: '/nonexistent/firefox', PFDO_NO_INSTALL: '1' });
    expect(r.status, r.out).toBe(0);
  });

  it('the check for the tests names a missing Firefox', () => {
    const r = run(['scripts/system.ts', 'test'], { FIREFOX_PATH: '/nonexistent/firefox', PFDO_NO_INSTALL: '1' });
    expect(r.status).toBe(1);
    expect(r.out).toContain('FIREFOX_PATH=/nonexistent/firefox');
  });
});
