/**
 * Stands in for WXT's `ContentScriptContext` in the portals' content scripts (`wxt.config.ts`
 * aliases `wxt/utils/content-script-context` to this file). WXT's wrapper makes one for every
 * content script, and on start it announces the script to the page — a `window.postMessage` and
 * a DOM event named after the script, both visible to the portal's own scripts — so that an older
 * copy can stop. The guide uses none of it (`main()` ignores its argument; `mountGuide` removes an
 * earlier guide's host itself), so the portal learns nothing from our start, and the scripts are
 * about 1 KB gzipped smaller.
 */
export class ContentScriptContext {
  /**
   * @param contentScriptName the entrypoint's name (kept for WXT's wrapper, unused)
   * @param options the content script's definition options (unused)
   */
  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}
}
