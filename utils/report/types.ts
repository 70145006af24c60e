/**
 * The page description's file format («Сохранить описание страницы для поддержки», issue 10):
 * JSON, one object, no personal data. Made by `describePage` (utils/report/describe.ts), turned
 * back into a page by `reportToHtml` (utils/report/rebuild.ts).
 */

/** Format name and version written into every file; a reader refuses other formats. */
export const REPORT_FORMAT = 'pfdo-page-report';
export const REPORT_VERSION = 1;

/**
 * One element. Short keys keep big pages small.
 * - `t`: tag name, lower case (`div`, `input`, `my-widget`)
 * - `a`: attributes that describe the interface, masked (`id`, `class`, `name`, `type`, `role`,
 *   `aria-*`, `for`, `href` path, `title`/`alt`/`placeholder` by the vocabulary, `data-*` by shape,
 *   boolean attributes as `""`)
 * - `v`: a field's current value by shape (`0000 000000`); never a password's
 * - `on`: a checkbox/radio is checked, an `<option>` is selected (1)
 * - `h`: hidden (display:none or visibility:hidden) here; everything inside is hidden too (1)
 * - `f`: `position: fixed` (an overlay, a dialog) (1)
 * - `r`: layout box in CSS px, rounded: `[x, y, width, height]` (visible elements only)
 * - `c`: children: elements and texts (texts masked by the vocabulary)
 * - `sh`: the children of the element's shadow root
 * - `fr`: an iframe's document (`{ doc }`, same origin) or the other origin's host (`{ other }`)
 */
export interface ReportNode {
  t: string;
  a?: Record<string, string>;
  v?: string;
  on?: 1;
  h?: 1;
  f?: 1;
  r?: [number, number, number, number];
  c?: Array<ReportNode | string>;
  sh?: Array<ReportNode | string>;
  fr?: { doc: ReportNode } | { other: string };
}

/** Why a description stopped before the end of the page (then `made.truncated` is set). */
export type TruncatedBy = 'elements' | 'size' | 'time';

/** What the guide showed when the description was made (ids only). */
export interface ReportGuide {
  /** Step recognised on the page, or null. */
  recognised: string | null;
  /** Step shown in the panel, or null. */
  shown: string | null;
  /** Where the step's control was: `found`, `missing`, `opener`, `searching`, `none`. */
  target: string;
  /** Flow variant (`parent` / `pupil`). */
  variant: string;
}

/** A page description file. */
export interface PageReport {
  format: typeof REPORT_FORMAT;
  version: typeof REPORT_VERSION;
  /** `sgo` | `cabinet`, or null for another host. */
  portal: string | null;
  /** Host name of the page (`sgo.tvobr.ru`). */
  host: string;
  /** URL path, masked (`/services/dop/certificate/0000000000/`); never the query or fragment. */
  path: string;
  /** Document title, masked by the vocabulary. */
  title: string;
  /** Viewport size in CSS px `[width, height]`. */
  viewport: [number, number];
  /** Extension version that made it. */
  extension: string;
  /** What the guide showed, when known. */
  guide?: ReportGuide;
  /** How the description was made. */
  made: {
    /** Time taken, ms. */
    ms: number;
    /** Elements on the page (main document). */
    elements: number;
    /** Elements described. */
    described: number;
    /** Words masked (replaced by their shape). */
    masked: number;
    /** Set when the description stopped early. */
    truncated?: TruncatedBy;
  };
  /** The page's `<body>`. */
  body: ReportNode;
}
