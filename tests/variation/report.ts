/**
 * Node-side bookkeeping of the variation suite: results per (page, transform), the KNOWN
 * exceptions, the failures, and the per-transform table printed in the test output.
 */
import type { CheckResult } from './page';

/** One checked (page, transform). */
export interface Row extends CheckResult {
  page: string;
  transform: string;
}

/** A failure of the guide on a variant. */
export interface Failure {
  page: string;
  transform: string;
  kind: 'recognition' | 'outline' | 'wrong-field' | 'sanity' | 'error';
  what: string;
  /** Reason from KNOWN when the failure is expected for now. */
  known?: string;
}

/** An expected failure: tolerated (and still reported) until the product handles it. */
export interface Known {
  /** Page name (exact) or pattern; absent: every page. */
  page?: string | RegExp;
  transform: string;
  kind: 'recognition' | 'outline';
  reason: string;
}

/**
 * The KNOWN reason for a failure, if listed.
 * @param known the KNOWN list
 * @param page page state name
 * @param transform transform name
 * @param kind recognition or outline
 */
export function knownReason(known: readonly Known[], page: string, transform: string, kind: 'recognition' | 'outline'): string | undefined {
  return known.find((x) => x.kind === kind && (x.transform === '*' || x.transform === transform) && (x.page === undefined || (typeof x.page === 'string' ? x.page === page : x.page.test(page))))?.reason;
}

/**
 * The failures of one row, each matched against KNOWN. Wrong-field fills, generator sanity
 * failures and errors are never tolerated.
 * @param r the row
 * @param known the KNOWN list
 */
export function failuresOf(r: Row, known: readonly Known[]): Failure[] {
  const out: Failure[] = [];
  const add = (kind: Failure['kind'], what: string) => {
    const k = kind === 'recognition' || kind === 'outline' ? knownReason(known, r.page, r.transform, kind) : undefined;
    out.push({ page: r.page, transform: r.transform, kind, what, known: k });
  };
  if (r.error) add('error', r.error.split('\n')[0]);
  if (r.sanity) add('sanity', r.sanity);
  if (r.shown !== r.expected) add('recognition', `shows ${r.shown ?? 'no step'}${r.tied.length ? ` (tie: ${r.tied.join(', ')})` : ''}, expected ${r.expected ?? 'no step'}; matching: [${r.matching.join(', ')}]`);
  if (r.outline !== 'ok' && r.outline !== 'n/a') add('outline', r.outline);
  for (const w of r.wrong) add('wrong-field', w);
  return out;
}

/** Per-transform counts. */
interface Tally {
  pages: number;
  recognised: number;
  targets: number;
  outlined: number;
  fields: number;
  landed: number;
  notDone: number;
  wrong: number;
  sanity: number;
}

/**
 * The per-transform table: pages, recognition ok, outlined ok (of pages whose step has a target),
 * fills landed / fields, fields reported not done, wrong-field fills, generator sanity failures.
 * @param rows every checked (page, transform)
 * @param order transform names in report order
 */
export function table(rows: readonly Row[], order: readonly string[]): string {
  const by = new Map<string, Tally>();
  for (const t of order) by.set(t, { pages: 0, recognised: 0, targets: 0, outlined: 0, fields: 0, landed: 0, notDone: 0, wrong: 0, sanity: 0 });
  for (const r of rows) {
    const t = by.get(r.transform)!;
    t.pages++;
    if (r.shown === r.expected && !r.error) t.recognised++;
    if (r.outline !== 'n/a') {
      t.targets++;
      if (r.outline === 'ok') t.outlined++;
    }
    for (const f of r.fields) {
      if (f.status === 'no-value') continue;
      t.fields++;
      if (f.landed) t.landed++;
      else t.notDone++;
    }
    t.wrong += r.wrong.length;
    if (r.sanity) t.sanity++;
  }
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(0)}%` : '–');
  const head = ['transform', 'pages', 'recognised', 'outlined', 'fills landed', 'not done', 'WRONG-FIELD', 'sanity'];
  const lines = [head];
  const total: Tally = { pages: 0, recognised: 0, targets: 0, outlined: 0, fields: 0, landed: 0, notDone: 0, wrong: 0, sanity: 0 };
  for (const [name, t] of by) {
    if (!t.pages) continue;
    for (const k of Object.keys(total) as Array<keyof Tally>) total[k] += t[k];
    lines.push(row(name, t));
  }
  lines.push(row('ALL', total));
  function row(name: string, t: Tally): string[] {
    return [
      name,
      String(t.pages),
      `${t.recognised}/${t.pages} ${pct(t.recognised, t.pages)}`,
      `${t.outlined}/${t.targets} ${pct(t.outlined, t.targets)}`,
      `${t.landed}/${t.fields} ${pct(t.landed, t.fields)}`,
      String(t.notDone),
      String(t.wrong),
      String(t.sanity),
    ];
  }
  const widths = head.map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  return lines.map((l) => l.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}

/** Failures as report lines, grouped: untolerated first, then KNOWN ones. */
export function failureLines(fs: readonly Failure[]): string[] {
  const line = (f: Failure) => `${f.kind.padEnd(11)} ${f.transform.padEnd(16)} ${f.page}: ${f.what}${f.known ? `  [KNOWN: ${f.known}]` : ''}`;
  return [...fs.filter((f) => !f.known).map(line), ...fs.filter((f) => f.known).map(line)];
}
