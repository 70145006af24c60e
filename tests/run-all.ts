/**
 * Runs every test suite in order and prints one closing line `N passed, N failed`:
 * builds (Chrome, Firefox, zips), unit tests (Vitest), e2e (Playwright + Chromium),
 * Firefox (puppeteer-core + firefox-esr) and `web-ext lint`.
 * Exit code 0 only when everything passed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { ensureSystem } from '../scripts/system';

const started = Date.now();
let passed = 0;
let failed = 0;
const summary: string[] = [];
/** Titles of the tests that failed, printed in the summary (CI shows only the log's end). */
const failures: string[] = [];

/** Failed tests in Playwright's JSON report: "file › title: first line of the error". */
function playwrightFailures(j: any): string[] {
  const out: string[] = [];
  const walk = (suite: any, file: string): void => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? []) {
        // A flaky test's last try passed: the message is the first failed try's.
        const failedTry = (t.results ?? []).find((r: any) => r.error);
        if (t.status === 'unexpected' || t.status === 'flaky') {
          const msg = String(failedTry?.error?.message ?? '').replace(/\x1b\[[0-9;]*m/g, '').split('\n')[0].slice(0, 200);
          // Where it failed: the spec's line (the error's own location, else the test's).
          const line = failedTry?.error?.location?.line ?? spec.line;
          out.push(`e2e ${file}${line ? `:${line}` : ''} › ${spec.title}: ${msg}`);
        }
      }
    for (const s of suite.suites ?? []) walk(s, file || s.file || s.title);
  };
  for (const s of j.suites ?? []) walk(s, s.file ?? s.title);
  return out;
}

function run(name: string, cmd: string, env: Record<string, string> = {}): { ok: boolean; out: string } {
  const t = Date.now();
  console.log(`\n=== ${name}: ${cmd}`);
  const r = spawnSync('bash', ['-c', `${cmd} 2>&1 | tee .tmp/last.log; exit \${PIPESTATUS[0]}`], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env },
  });
  const out = existsSync('.tmp/last.log') ? readFileSync('.tmp/last.log', 'utf8') : '';
  const secs = ((Date.now() - t) / 1000).toFixed(0);
  summary.push(`${r.status === 0 ? 'ok  ' : 'FAIL'} ${name} (${secs} s)`);
  return { ok: r.status === 0, out };
}

function step(name: string, cmd: string): boolean {
  const { ok } = run(name, cmd);
  if (ok) passed++;
  else failed++;
  return ok;
}

mkdirSync('.tmp', { recursive: true });

// Chromium, firefox-esr and poppler-utils come from Debian: installed here when root may do it,
// else the check says exactly what to install, and nothing else runs.
console.log('=== system check (scripts/system.ts test)');
if (!ensureSystem('test')) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const built = step('build chrome', 'npx wxt build') && step('build firefox', 'npx wxt build -b firefox');
step('zip chrome + firefox', 'npx wxt zip && npx wxt zip -b firefox');
step('typecheck', 'npx tsc --noEmit -p .');

const unit = run('unit (vitest)', 'npx vitest run --reporter=default --reporter=json --outputFile=.tmp/vitest.json');
if (existsSync('.tmp/vitest.json')) {
  const j = JSON.parse(readFileSync('.tmp/vitest.json', 'utf8'));
  passed += j.numPassedTests ?? 0;
  failed += (j.numFailedTests ?? 0) + (unit.ok || j.numFailedTests ? 0 : 1);
  for (const f of j.testResults ?? []) {
    const file = String(f.name).replace(process.cwd() + '/', '');
    const failedTests = (f.assertionResults ?? []).filter((a: any) => a.status === 'failed');
    for (const a of failedTests) failures.push(`unit ${file} › ${a.fullName}`);
    // A file that fails to load has no test results, only its message.
    if (f.status === 'failed' && !failedTests.length) failures.push(`unit ${file}: ${String(f.message ?? '').split('\n')[0].slice(0, 200)}`);
  }
} else failed++;

if (built) {
  const e2e = run('e2e (playwright, chromium)', 'npx playwright test --reporter=list,json', { PLAYWRIGHT_JSON_OUTPUT_NAME: '.tmp/playwright.json' });
  if (existsSync('.tmp/playwright.json')) {
    const j = JSON.parse(readFileSync('.tmp/playwright.json', 'utf8'));
    passed += j.stats?.expected ?? 0;
    failed += (j.stats?.unexpected ?? 0) + (j.stats?.flaky ?? 0);
    if (!e2e.ok && !(j.stats?.unexpected > 0)) failed++;
    failures.push(...playwrightFailures(j));
  } else failed++;

  const ff = run('firefox (puppeteer-core, firefox-esr)', 'node --import tsx tests/firefox/run.ts');
  const m = /firefox: (\d+) passed, (\d+) failed/.exec(ff.out);
  if (m) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  }
  if (!ff.ok && !(m && Number(m[2]) > 0)) failed++;
  for (const line of ff.out.split('\n')) if (/^\s*not ok\b/.test(line)) failures.push(`firefox ${line.trim().slice(0, 200)}`);
  step('web-ext lint', 'bash tests/firefox/lint.sh');
} else {
  failed++;
}

console.log('\n=== summary');
for (const f of failures) console.log(`failed: ${f}`);
for (const s of summary) console.log(s);
console.log(`total time ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
