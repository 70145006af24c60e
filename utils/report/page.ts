/**
 * The description of the page a script runs in: picks the portal's flow by the host, builds the
 * vocabulary and describes the document, leaving out the guide's own panel.
 */
import type { Flow } from '@/utils/guide/types';
import { HOST_TAG } from '@/utils/guide/host-tag';
import { describePage, type DescribeOptions } from './describe';
import { flowsVocabulary } from './vocabulary';
import type { PageReport } from './types';

/** Shadow roots as the extension's world sees them: closed ones too where the browser allows it. */
function shadowRootOf(el: Element): ShadowRoot | null {
  const g = globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?: (e: Element) => ShadowRoot | null } } };
  const viaChrome = g.chrome?.dom?.openOrClosedShadowRoot;
  if (viaChrome) return viaChrome(el) ?? null;
  const viaFirefox = (el as Element & { openOrClosedShadowRoot?: () => ShadowRoot | null }).openOrClosedShadowRoot;
  return typeof viaFirefox === 'function' ? (viaFirefox.call(el) ?? null) : el.shadowRoot;
}

/**
 * Describes a document for support.
 * @param doc the page's document
 * @param flows the portals' flows: the one whose `hosts` holds the page's host gives the
 *   vocabulary; on another host, the vocabulary of all of them
 * @param extension the extension's version, written into the file
 * @param limits bounds (tests); default `DEFAULT_LIMITS`
 * @returns the description (`utils/report/types.ts`)
 */
export function pageDescriptionOf(doc: Document, flows: readonly Flow[], extension: string, limits?: DescribeOptions['limits']): PageReport {
  const flow = flows.find((f) => f.hosts.includes(doc.location?.hostname ?? ''));
  const vocabulary = flowsVocabulary(flow ? [flow] : flows);
  return describePage(doc, {
    vocabulary,
    portal: flow?.id ?? null,
    extension,
    limits,
    skip: (el) => el.localName === HOST_TAG,
    shadowRootOf,
  });
}
