import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect } from '../support/fixtures';
import { openReplicaPage, waitForStep } from '../support/browser';
import { inGuide } from '../support/guide';
import { replicaTest, variationBundle } from '../support/variation-bundle';
import { TRANSFORM_NAMES } from '../variation/transforms';
import { failureLines, failuresOf, knownReason, table, type Failure, type Known, type Row } from '../variation/report';
import type { Prepared } from '../variation/page';
import { pages as sgoPages } from '../../replicas/sgo/pages';
import { pages as cabinetPages } from '../../replicas/cabinet/pages';
import type { ReplicaPage } from '../../replicas/types';
import { reportPages } from '../../replicas/reports';

/**
 * The markup-variation suite (issue 9 §6): every replica page state, transformed so that the
 * visible texts stay and the markup changes (tag swaps, classes and ids gone, roles gone, split
 * texts, icons, detached labels, Fomantic and select2 widgets, dialogs without roles, capitals in
 * markup, late rendering, and seeded combinations). On each variant the guide's own code must show
 * the right step, outline the right control, and fill every field into its own element or report
 * it not done. Truth is marked on the untransformed page with the product's `locate` (where the
 * replica tests prove it right) and carried through every transform.
 *
 * Seeded: `PFDO_VARIATION_SEED` (default below), printed. The per-transform table is printed at
 * the end of the run (by whichever chunk finishes last) and written to
 * `test-results/variation/report.txt`.
 */

const SEED = Number(process.env.PFDO_VARIATION_SEED ?? 20_240_906);

/**
 * Failures tolerated for now, one reason each (the product side shrinks this list). Wrong-field
 * fills are never tolerated.
 */
// Empty: every variant of every page passes (seeds 20240906 and others, see the issue notes). A
// failure the product cannot fix yet goes here as { page, transform, kind, reason }.
const KNOWN: Known[] = [];

const ALL: Array<ReplicaPage & { flow: 'sgo' | 'cabinet' }> = [
  ...[...sgoPages, ...reportPages('sgo', 'sgo.tvobr.ru')].map((p) => ({ ...p, flow: 'sgo' as const })),
  ...[...cabinetPages, ...reportPages('cabinet', 'cabinet.ruobr.ru')].map((p) => ({ ...p, flow: 'cabinet' as const })),
];
const CHUNKS = 4;
const OUT = join('test-results', 'variation');
const bundle = variationBundle();

/** The page-side API of `tests/variation/page.ts`. */
type VariationApi = {
  prepare(f: string, e: string | null): Prepared;
  restore(): void;
  apply(n: string, seed: number): Promise<{ applied: string[]; sanity: string | null }>;
  check(applied: string[], sanity: string | null): Promise<Row>;
  targetBox(): { x: number; y: number; width: number; height: number } | null;
};
declare global {
  // eslint-disable-next-line no-var
  var __pfdoVariation: VariationApi;
}

const test = replicaTest;

test.describe.configure({ mode: 'parallel' });

/** Writes a chunk's rows and failures; when every chunk is in, prints and writes the whole table. */
function record(name: string, rows: Row[], failures: Failure[], expected: string[]): void {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, `${name}.json`), JSON.stringify({ rows, failures }));
  const have = readdirSync(OUT).filter((f) => f.endsWith('.json'));
  if (!expected.every((e) => have.includes(`${e}.json`))) return;
  const all = expected.map((e) => JSON.parse(readFileSync(join(OUT, `${e}.json`), 'utf8')) as { rows: Row[]; failures: Failure[] });
  const allRows = all.flatMap((a) => a.rows);
  const allFailures = all.flatMap((a) => a.failures);
  const text = [
    `Markup-variation suite, seed ${SEED} (PFDO_VARIATION_SEED), ${new Set(allRows.map((r) => r.page)).size} page states × ${TRANSFORM_NAMES.length} transforms`,
    table(allRows, TRANSFORM_NAMES),
    '',
    `Failures (${allFailures.filter((f) => !f.known).length} not known, ${allFailures.filter((f) => f.known).length} KNOWN):`,
    ...failureLines(allFailures),
  ].join('\n');
  writeFileSync(join(OUT, 'report.txt'), `${text}\n`);
  console.log(`\n${text}\n`);
  // A KNOWN entry that excused nothing in the whole run is stale: the list only shrinks by hand.
  const stale = KNOWN.filter((k) => !allFailures.some((f) => f.known === k.reason && f.kind === k.kind));
  expect(stale.map((k) => `${k.kind} ${k.transform} ${String(k.page)}: ${k.reason}`), 'KNOWN entries no longer needed (remove them)').toEqual([]);
}

const chunkNames = Array.from({ length: CHUNKS }, (_, i) => `pages-${i + 1}`);

for (let c = 0; c < CHUNKS; c++) {
  const list = ALL.filter((_, i) => i % CHUNKS === c);
  test(`variants of replica pages, chunk ${c + 1}/${CHUNKS} (${list.length} page states × ${TRANSFORM_NAMES.length} transforms, seed ${SEED})`, async ({ replica }) => {
    test.setTimeout(300_000);
    const rows: Row[] = [];
    // Two tabs at once: the waits of late rendering and slow pages overlap.
    const run = async (part: typeof list) => {
      const page = await replica.context.newPage();
      for (const p of part) {
        await openReplicaPage(page, p);
        await page.addScriptTag({ content: bundle });
        const prep = await page.evaluate(([f, e]) => __pfdoVariation.prepare(f, e), [p.flow, p.expectStep] as const);
        if (p.expectStep && prep.fields.some((f) => !f.found)) console.warn(`${p.name}: untransformed, no field for ${prep.fields.filter((f) => !f.found).map((f) => f.key)}`);
        for (const name of TRANSFORM_NAMES) {
          const r = await page.evaluate(
            async ([n, seed]) => {
              __pfdoVariation.restore();
              const a = await __pfdoVariation.apply(n, seed);
              return __pfdoVariation.check(a.applied, a.sanity);
            },
            [name, SEED] as const,
          );
          rows.push({ ...r, page: p.name, transform: name });
        }
      }
      await page.close();
    };
    await Promise.all([run(list.filter((_, i) => i % 2 === 0)), run(list.filter((_, i) => i % 2 === 1))]);
    const failures = rows.flatMap((r) => failuresOf(r, KNOWN));
    record(`pages-${c + 1}`, rows, failures, chunkNames);
    const bad = failures.filter((f) => !f.known);
    expect(bad.map((f) => `${f.kind} ${f.transform} ${f.page}: ${f.what}`), 'failures not in KNOWN').toEqual([]);
  });
}

// ---------------------------------------------------------------- with the real extension

/** Step pages checked with the running content script. */
const LIVE: Record<'sgo' | 'cabinet', string[]> = {
  sgo: ['sgo-settings-one-child', 'sgo-settings-two-children-get'],
  cabinet: ['cabinet-dop', 'cabinet-document-form'],
};

/** The guide's ring box (viewport px) when it is shown. */
async function ringBox(page: Page): Promise<{ x: number; y: number; width: number; height: number } | null> {
  return inGuide(
    page,
    `const r = root.querySelector('.pfdo-ring'); if (!r || r.hidden) return null;
     const b = r.getBoundingClientRect(); return { x: b.left, y: b.top, width: b.width, height: b.height };`,
  );
}

for (const flow of ['sgo', 'cabinet'] as const) {
  test(`extension: live transforms on ${flow} step pages show the step and outline the marked control`, async ({ ext }) => {
    test.setTimeout(300_000);
    const rows: Row[] = [];
    const failures: Failure[] = [];
    const page = await ext.context.newPage();
    for (const name of LIVE[flow]) {
      const p = ALL.find((x) => x.name === name)!;
      for (const t of TRANSFORM_NAMES) {
        await openReplicaPage(page, p);
        await page.addScriptTag({ content: bundle });
        await page.evaluate(([f, e]) => __pfdoVariation.prepare(f, e), [p.flow, p.expectStep] as const);
        const a = await page.evaluate(([n, seed]) => __pfdoVariation.apply(n, seed), [t, SEED] as const);
        const fail = (kind: 'recognition' | 'outline', what: string) =>
          failures.push({ page: `${p.name} (live)`, transform: t, kind, what, known: knownReason(KNOWN, p.name, t, kind) });
        let shown = true;
        try {
          await waitForStep(page, p.expectStep!, 4000);
        } catch {
          shown = false;
          fail('recognition', `the guide shows ${(await page.locator('pfdo-guide').getAttribute('data-step').catch(() => null)) ?? 'no step'}`);
        }
        let outlined = 'n/a';
        if (shown) {
          const deadline = Date.now() + 4000;
          outlined = 'not outlined';
          for (;;) {
            const found = (await page.locator('pfdo-guide').getAttribute('data-target')) === 'found';
            const [ring, box] = await Promise.all([ringBox(page), page.evaluate(() => __pfdoVariation.targetBox())]);
            if (!box) {
              outlined = 'n/a';
              break;
            }
            if (found && ring) {
              const cx = box.x + box.width / 2;
              const cy = box.y + box.height / 2;
              const inside = cx >= ring.x && cx <= ring.x + ring.width && cy >= ring.y && cy <= ring.y + ring.height;
              // The ring (target + gap) must be about the marked element, not a much larger or smaller thing.
              const fits = ring.width <= box.width + 40 && ring.height <= box.height + 40 && ring.width >= box.width && ring.height >= box.height;
              if (inside && fits) {
                outlined = 'ok';
                break;
              }
              outlined = `ring at ${JSON.stringify(ring)} is not around the marked control at ${JSON.stringify(box)}`;
            } else outlined = found ? 'no ring drawn' : 'data-target is not "found"';
            if (Date.now() > deadline) break;
            await page.waitForTimeout(150);
          }
          if (outlined !== 'ok' && outlined !== 'n/a') fail('outline', outlined);
        }
        rows.push({ page: `${p.name} (live)`, transform: t, applied: a.applied, sanity: a.sanity, expected: p.expectStep, shown: shown ? p.expectStep : 'other', tied: [], matching: [], outline: outlined, fields: [], wrong: [] });
        if (a.sanity) failures.push({ page: `${p.name} (live)`, transform: t, kind: 'sanity', what: a.sanity });
      }
    }
    await page.close();
    console.log(`\nExtension, live (${flow}), seed ${SEED}:\n${table(rows, TRANSFORM_NAMES)}\n${failureLines(failures).join('\n')}\n`);
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, `live-${flow}.txt`), `${table(rows, TRANSFORM_NAMES)}\n${failureLines(failures).join('\n')}\n`);
    const bad = failures.filter((f) => !f.known);
    expect(bad.map((f) => `${f.kind} ${f.transform} ${f.page}: ${f.what}`), 'failures not in KNOWN').toEqual([]);
  });
}
