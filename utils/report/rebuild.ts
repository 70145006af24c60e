/**
 * Turns a page description (`utils/report/types.ts`) back into a page: the same elements,
 * attributes and hidden/fixed states, with the masked texts as placeholder text («Аааааа»,
 * «0000»). Used for the preview the user sees before saving, the optional `.html` file, and
 * `npm run replica:from-report` (a replica page the guide's tests run on).
 *
 * A description is untrusted input (a file from anyone): tag and attribute names are checked,
 * event handler attributes are emptied, no `<script>`, `<style>`, `<base>`, `<meta>` or `<link>`
 * is made, and links keep only paths, `#id` and http(s) addresses.
 */
import { REPORT_FORMAT, type PageReport, type ReportNode } from './types';

const VOID = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'source', 'track', 'wbr']);
const FORBIDDEN = new Set(['script', 'style', 'base', 'meta', 'link', 'title', 'head', 'html', 'noscript', 'template', 'object', 'embed', 'frame', 'frameset']);
const CONTROLS = new Set(['input', 'select', 'textarea', 'button']);

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function safeHref(v: string): string {
  if (v.startsWith('#') || v.startsWith('/')) return v;
  if (/^https?:\/\//i.test(v)) return v;
  if (/^javascript:$/i.test(v)) return 'javascript:void(0)';
  return '#';
}

/** Inline style for the states the description records. */
function styleOf(n: ReportNode): string {
  const out: string[] = [];
  if (n.h) out.push('display:none');
  else if (n.f && n.r) out.push(`position:fixed;left:${n.r[0]}px;top:${n.r[1]}px;width:${n.r[2]}px;height:${n.r[3]}px;z-index:1000;overflow:auto;background:rgba(255,255,255,.8);box-shadow:0 0 0 1px #999`);
  else if (n.f) out.push('position:fixed;inset:10% 20% auto;z-index:1000;background:rgba(255,255,255,.8);box-shadow:0 0 0 1px #999');
  else if (n.r && CONTROLS.has(n.t) && (n.r[2] <= 2 || n.r[3] <= 2)) out.push('position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)');
  return out.join(';');
}

function attrs(n: ReportNode): string {
  let out = '';
  for (const [k, v] of Object.entries(n.a ?? {})) {
    // `checked`/`selected` as the page showed them are in `on`; the attributes are only the defaults.
    if (!/^[a-z][a-z0-9_:.\-]*$/i.test(k) || ['style', 'srcdoc', 'src', 'checked', 'selected'].includes(k)) continue;
    const val = /^on/i.test(k) ? '' : k === 'href' || k === 'action' ? safeHref(String(v)) : String(v);
    out += ` ${k}="${esc(val)}"`;
  }
  if (n.v !== undefined) out += ` value="${esc(String(n.v))}"`;
  if (n.on) out += n.t === 'option' ? ' selected' : ' checked';
  const style = styleOf(n);
  if (style) out += ` style="${style}"`;
  return out;
}

function children(list: Array<ReportNode | string> | undefined): string {
  return (list ?? []).map((c) => (typeof c === 'string' ? esc(c) : element(c))).join('');
}

function element(n: ReportNode): string {
  let tag = typeof n.t === 'string' && /^[a-z][a-z0-9-]*$/.test(n.t) ? n.t : 'div';
  if (FORBIDDEN.has(tag)) tag = 'div';
  if (tag === 'iframe') {
    const fr = n.fr;
    const inner = fr && 'doc' in fr ? ` srcdoc="${esc(documentHtml('', fr.doc))}"` : ` data-pfdo-other-origin="${esc(fr && 'other' in fr ? String(fr.other) : '')}"`;
    return `<iframe${attrs(n)}${inner}></iframe>`;
  }
  if (tag === 'textarea') {
    const { v, ...rest } = n;
    return `<textarea${attrs(rest)}>${esc(v ?? '')}</textarea>`;
  }
  if (VOID.has(tag)) return `<${tag}${attrs(n)}>`;
  const shadow = n.sh?.length ? `<template shadowrootmode="open">${children(n.sh)}</template>` : '';
  return `<${tag}${attrs(n)}>${shadow}${children(n.c)}</${tag}>`;
}

function documentHtml(title: string, body: ReportNode, htmlAttrs = ''): string {
  const b = body.t === 'body' ? body : { t: 'body', c: [body] };
  return `<!doctype html><html lang="ru"${htmlAttrs}><head><meta charset="utf-8"><title>${esc(title)}</title><style>body{font:14px/1.4 sans-serif;margin:8px}</style></head>${element(b)}</html>`;
}

/**
 * A standalone HTML page from a description: no scripts, no outside resources.
 * @param report a description (checked: {@link parseReport})
 * @param o `replica`: mark the page ready for the replica tests (`<html data-replica-ready>`, as
 *   the replicas mark themselves after their late rendering)
 * @returns the page's HTML
 */
export function reportToHtml(report: PageReport, o: { replica?: boolean } = {}): string {
  return documentHtml(report.title, report.body, o.replica ? ' data-replica-ready="1" data-from-report="1"' : '');
}

/**
 * Reads a description file.
 * @param json the file's text
 * @returns the description
 * @throws Error (Russian message) when it is not JSON or not a page description of a known version
 */
export function parseReport(json: string): PageReport {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new Error('Это не файл описания страницы: не JSON');
  }
  const r = data as Partial<PageReport> | null;
  if (!r || r.format !== REPORT_FORMAT) throw new Error('Это не файл описания страницы помощника');
  if (r.version !== 1) throw new Error(`Описание страницы версии ${String(r.version)} не поддерживается`);
  if (!r.body || typeof r.body !== 'object' || typeof r.path !== 'string') throw new Error('Файл описания страницы повреждён');
  return r as PageReport;
}
