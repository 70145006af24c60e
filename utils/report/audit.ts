/**
 * The last check before a page description is offered for saving: every text and value in it is
 * either the interface's words or a shape («Аааа», «0000»), every identifier and path is masked.
 * Re-masking must change nothing; anything that would change is a leak and blocks the saving.
 */
import { attrKind } from './attrs';
import { maskIdent, maskKeyword, maskPath, maskShape, maskText, type Vocabulary } from './mask';
import type { PageReport, ReportNode } from './types';


/**
 * Finds what in a description is not masked.
 * @param report the description
 * @param vocab the vocabulary it was made with
 * @returns Russian lines, one per problem (at most 20); empty when the description is clean
 */
export function auditReport(report: PageReport, vocab: Vocabulary): string[] {
  const problems: string[] = [];
  const add = (what: string, value: string) => {
    if (problems.length < 20) problems.push(`${what}: «${value.slice(0, 60)}»`);
  };
  const text = (what: string, s: string) => {
    if (maskText(s, vocab) !== s) add(what, s);
  };
  const ident = (what: string, s: string) => {
    for (const x of s.split(/\s+/).filter(Boolean)) if (maskIdent(x, vocab) !== x) add(what, x);
  };
  if (maskPath(report.path, vocab) !== report.path) add('адрес страницы', report.path);
  text('заголовок', report.title);
  const visit = (n: ReportNode | string) => {
    if (typeof n === 'string') return text('текст', n);
    for (const [k, v] of Object.entries(n.a ?? {})) {
      const kind = attrKind(k, n.t === 'input' ? 'label-value' : undefined);
      if (kind === 'flag') {
        if (v !== '') add(`атрибут ${k}`, v);
      } else if (kind === 'id' || kind === 'ident' || kind === 'ref') ident(`атрибут ${k}`, v);
      else if (kind === 'text' || kind === 'label-value') text(`атрибут ${k}`, v);
      else if (kind === 'keyword') {
        if (maskKeyword(v, vocab) !== v) add(`атрибут ${k}`, v);
      } else if (kind === 'target') {
        if (v.startsWith('#')) ident(`атрибут ${k}`, v.slice(1));
        else if (maskShape(v) !== v) add(`атрибут ${k}`, v);
      } else if (kind === 'data') {
        if (maskShape(v) !== v) add(`атрибут ${k}`, v);
      } else if (kind === 'address') {
        if (v.startsWith('#')) ident(`атрибут ${k}`, v.slice(1));
        else {
          const path = v.replace(/^https?:\/\/[a-z0-9.-]*/i, '').replace(/^[a-z][a-z0-9+.-]*:$/i, '');
          if (/[?#]/.test(path) || maskPath(path, vocab) !== path) add(`атрибут ${k}`, v);
        }
      } else add(`атрибут ${k}`, v);
    }
    if (n.v !== undefined && maskShape(n.v) !== n.v) add('значение поля', n.v);
    n.c?.forEach(visit);
    n.sh?.forEach(visit);
    if (n.fr && 'doc' in n.fr) visit(n.fr.doc);
  };
  visit(report.body);
  return problems;
}
