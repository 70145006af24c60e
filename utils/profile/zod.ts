/**
 * The zod the extension uses: `zod/mini` (the same checks, parser and issues as `zod`, as
 * functions that the bundle keeps only when used: ~60 KB less in the shared chunk of the
 * background, the popup and the options page) set up as the full `zod` sets itself up, so
 * parsing and every message stay as they were: the English default messages for issues without
 * a Russian one (`en` locale) and cycle-safe parsing of containers (the memoizer); and without its eval probe, which the
 * extension's CSP forbids (`jitless`). Every schema
 * imports `z` from here.
 */
import * as z from 'zod/mini';
import { en } from 'zod/locales';

z.config(en());
z.config({ memoizer: z.memoizer() });
// Extension pages and the service worker forbid eval (CSP): zod is told not to probe for it.
z.config({ jitless: true });

export { z };
