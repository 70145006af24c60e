/**
 * Firefox harness: launches Debian's `firefox-esr` headless through puppeteer-core over
 * WebDriver BiDi, installs a built extension as a temporary add-on, answers the portal hosts
 * from the replicas and lets nothing else out of the browser.
 *
 * Two layers keep the browser offline:
 *  1. every page request is intercepted (BiDi `network.addIntercept`): portal URLs are answered
 *     from `resolve` (the replicas), everything else is aborted;
 *  2. anything the browser itself would fetch outside a page (updates, telemetry, remote
 *     settings, captive-portal and connectivity checks, DNS-over-HTTPS…) is switched off by
 *     prefs, and as a last resort every HTTP(S) connection goes to a local "proxy trap" that
 *     records the target and closes the connection. `leaks` lists what reached the trap.
 *
 * Host permissions: in Firefox MV3 they are opt-in (the user can revoke them in the extensions
 * panel or about:addons). Since Firefox 127 they are shown in the install prompt and granted when
 * the user clicks «Add»; the code doing this (Extension.sys.mjs, `startup()`) grants the manifest
 * origins on ADDON_INSTALL when the pref `extensions.originControls.grantByDefault` is true
 * (default true in greprefs.js of this ESR; the code's own fallback is false). Temporary add-ons
 * go through the same path, so the harness sets the pref to true explicitly: that reproduces what a
 * user who clicked «Add» has. With the pref false, the add-on installs but has no access to the
 * portals, and its content scripts do not run until the user allows the sites (extensions panel /
 * about:addons → Permissions) — see `grantHostPermissions` in run options.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import puppeteer, { type Browser, type Page, type HTTPRequest } from 'puppeteer-core';
import { browserPath } from '../../scripts/system';

/** Firefox binary: `FIREFOX_PATH`, else Debian's `/usr/bin/firefox-esr` or `firefox-esr` on PATH (`scripts/system.ts`). */
export const FIREFOX = browserPath('firefox');

/** Hosts answered from the replicas. */
export const PORTAL_HOSTS = ['sgo.tvobr.ru', 'cabinet.ruobr.ru'];

/** What a replica resolver returns (same shape as `replicas/router.ts`). */
export interface ReplicaAnswer {
  status: number;
  contentType: string;
  body: Buffer;
}
export type Resolver = (url: string) => ReplicaAnswer | null;

/**
 * The Firefox build of the extension: `PFDO_FIREFOX_EXTENSION_DIR` if set, else whichever of
 * `.output/firefox-mv3` / `.output/firefox-mv2` holds a manifest (WXT names the folder after the
 * manifest version; this project's config asks for MV3).
 * @returns absolute path, or null when there is no build
 */
export function findFirefoxBuild(root = process.cwd()): string | null {
  const env = process.env.PFDO_FIREFOX_EXTENSION_DIR;
  const candidates = env ? [env] : ['.output/firefox-mv3', '.output/firefox-mv2'];
  for (const c of candidates) {
    const dir = resolvePath(root, c);
    if (existsSync(join(dir, 'manifest.json'))) return dir;
  }
  return null;
}

/** Reads the built manifest (for the gecko id and host permissions). */
export function readManifest(dir: string): Record<string, any> {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
}

/**
 * Prefs that keep the browser quiet and offline, on top of puppeteer's defaults (which already
 * disable safebrowsing, Normandy, update checks and health reports and point blocklists at a dummy
 * host). `proxyPort` is the local trap every connection is sent to.
 */
function offlinePrefs(proxyPort: number, grantHostPermissions: boolean, downloadDir?: string): Record<string, unknown> {
  return {
    // Downloads go straight into a folder the test reads (WebDriver BiDi has no download event here).
    ...(downloadDir
      ? {
          'browser.download.folderList': 2,
          'browser.download.dir': downloadDir,
          'browser.download.useDownloadDir': true,
          'browser.download.always_ask_before_handling_new_types': false,
          'browser.helperApps.neverAsk.saveToDisk': 'application/pdf',
          'browser.download.alwaysOpenPanel': false,
          'browser.download.start_downloads_in_tmp_dir': false,
          'pdfjs.disabled': true,
        }
      : {}),
    // Host permissions of MV3 add-ons granted at install, as after «Add» in the install prompt.
    'extensions.originControls.grantByDefault': grantHostPermissions,

    // Every connection goes to the local trap (the replicas are answered before any connection).
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': false,
    'network.proxy.socks_remote_dns': true,
    // No DNS of our own: no prefetch, no DNS-over-HTTPS, no speculative connections, no prefetching.
    'network.dns.disablePrefetch': true,
    'network.dns.disablePrefetchFromHTTPS': true,
    'network.trr.mode': 5,
    'network.predictor.enabled': false,
    'network.prefetch-next': false,
    'network.http.speculative-parallel-limit': 0,
    'browser.urlbar.speculativeConnect.enabled': false,
    'browser.places.speculativeConnect.enabled': false,
    // Captive portal / connectivity / network checks.
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'network.notify.checkForProxies': false,
    'captivedetect.canonicalURL': '',
    // Updates of the app, add-ons, system add-ons, GMP plugins, search engines.
    'app.update.auto': false,
    'app.update.enabled': false,
    'app.update.staging.enabled': false,
    'extensions.update.autoUpdateDefault': false,
    'extensions.systemAddon.update.enabled': false,
    'extensions.systemAddon.update.url': '',
    'extensions.getAddons.showPane': false,
    'extensions.htmlaboutaddons.recommendations.enabled': false,
    'extensions.blocklist.enabled': false,
    'media.gmp-gmpopenh264.enabled': false,
    'media.gmp-widevinecdm.enabled': false,
    'media.gmp-manager.url': '',
    'browser.search.geoip.url': '',
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    // Remote settings (Kinto): release builds ignore this pref unless MOZ_REMOTE_SETTINGS_DEVTOOLS=1
    // is in the environment (set in `launchFirefox`); port 1 on localhost refuses at once.
    'services.settings.server': 'http://127.0.0.1:1/v1',
    // Normandy, Nimbus experiments, studies.
    'app.normandy.enabled': false,
    'app.shield.optoutstudies.enabled': false,
    'messaging-system.rsexperimentloader.enabled': false,
    'nimbus.debug': false,
    // Telemetry, data reporting, crash reports, pings.
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.archive.enabled': false,
    'toolkit.telemetry.server': '',
    'toolkit.telemetry.shutdownPingSender.enabled': false,
    'toolkit.telemetry.firstShutdownPing.enabled': false,
    'toolkit.telemetry.newProfilePing.enabled': false,
    'toolkit.telemetry.updatePing.enabled': false,
    'toolkit.telemetry.bhrPing.enabled': false,
    'toolkit.coverage.opt-out': true,
    'datareporting.usage.uploadEnabled': false,
    'browser.ping-centre.telemetry': false,
    'browser.crashReports.unsubmittedCheck.enabled': false,
    'browser.tabs.crashReporting.sendReport': false,
    // New tab / Pocket / sponsored content, contile, push, geolocation, safebrowsing.
    'browser.newtabpage.activity-stream.feeds.section.topstories': false,
    'browser.newtabpage.activity-stream.feeds.topsites': false,
    'browser.newtabpage.activity-stream.showSponsored': false,
    'browser.newtabpage.activity-stream.showSponsoredTopSites': false,
    'browser.newtabpage.activity-stream.telemetry': false,
    'browser.topsites.contile.enabled': false,
    'extensions.pocket.enabled': false,
    'dom.push.enabled': false,
    'dom.push.serverURL': '',
    'geo.enabled': false,
    'geo.provider.network.url': '',
    'browser.safebrowsing.provider.google4.updateURL': '',
    'browser.safebrowsing.provider.google.updateURL': '',
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    // Certificates: no OCSP, no CRLite/intermediate preloading downloads.
    'security.OCSP.enabled': 0,
    'security.remote_settings.crlite_filters.enabled': false,
    'security.remote_settings.intermediates.enabled': false,
    // Translations, ML models, first-run and what's-new pages.
    'browser.translations.enable': false,
    'browser.ml.enable': false,
    'browser.aboutwelcome.enabled': false,
    'trailhead.firstrun.didSeeAboutWelcome': true,
    'browser.startup.homepage_override.mstone': 'ignore',
    'datareporting.policy.firstRunURL': '',
    'browser.contentblocking.report.lockwise.enabled': false,
    'identity.fxaccounts.enabled': false,
    'privacy.query_stripping.enabled': false,
    'network.http.http3.enable': false,
  };
}

/** A local TCP server standing in for a proxy: records every connection attempt and drops it. */
async function startProxyTrap(): Promise<{ server: Server; port: number; leaks: string[] }> {
  const leaks: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('data', (d) => {
      // First line of a proxy request: `CONNECT host:443 HTTP/1.1` or `GET http://host/... HTTP/1.1`.
      leaks.push(d.toString('latin1').split('\r\n')[0] ?? '?');
      socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('close', () => sockets.forEach((s) => s.destroy()));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('proxy trap has no port');
  return { server, port: addr.port, leaks };
}

/** Profiles and browser processes still alive, removed/killed on exit whatever happens. */
const live = new Map<string, () => void>();
process.on('exit', () => killAll());

/** Kills every Firefox this harness started and removes their profiles (synchronous; for watchdogs and exit). */
export function killAll(): void {
  for (const kill of live.values()) kill();
  live.clear();
}

/** A launched Firefox, offline, with helpers for the tests. */
export interface FirefoxSession {
  browser: Browser;
  profileDir: string;
  /** Connections that reached the proxy trap (first request line each): should stay empty. */
  leaks: string[];
  /** Page requests that were aborted because they were not for a portal (`METHOD url`). */
  blocked: string[];
  /** Portal requests answered from the replicas (`STATUS METHOD url`). */
  served: string[];
  /** A new tab with interception on. */
  newPage(): Promise<Page>;
  /** Installs an unpacked extension as a temporary add-on; returns its id. */
  installExtension(dir: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Launches firefox-esr headless over WebDriver BiDi with a fresh profile (removed on `close`).
 * @param resolve answers portal URLs (the replicas); null → 404 from the harness
 * @param opts.grantHostPermissions value of `extensions.originControls.grantByDefault` (default true)
 * @param opts.downloadDir folder downloads are saved into without asking (else Firefox's default)
 */
export async function launchFirefox(resolve: Resolver, opts: { grantHostPermissions?: boolean; headless?: boolean; downloadDir?: string } = {}): Promise<FirefoxSession> {
  const trap = await startProxyTrap();
  const profileDir = mkdtempSync(join(tmpdir(), 'pfdo-firefox-'));
  const blocked: string[] = [];
  const served: string[] = [];
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: FIREFOX,
      headless: opts.headless ?? true,
      userDataDir: profileDir,
      extraPrefsFirefox: offlinePrefs(trap.port, opts.grantHostPermissions ?? true, opts.downloadDir),
      // Debian's firefox-esr may print GTK/dbus noise; keep the test output readable.
      dumpio: process.env.PFDO_FIREFOX_DUMPIO === '1',
      env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1', MOZ_DISABLE_AUTO_SAFE_MODE: '1', MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      timeout: 30_000,
      protocolTimeout: 30_000,
    });
  } catch (e) {
    trap.server.close();
    rmSync(profileDir, { recursive: true, force: true });
    throw e;
  }

  live.set(profileDir, () => {
    browser.process()?.kill('SIGKILL');
    trap.server.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  const onRequest = (req: HTTPRequest) => {
    if (req.isInterceptResolutionHandled()) return;
    const url = req.url();
    let host = '';
    try {
      host = new URL(url).hostname;
    } catch {
      /* data:, about: … */
    }
    if (PORTAL_HOSTS.includes(host)) {
      let res: ReplicaAnswer | null;
      try {
        res = resolve(url);
      } catch (e) {
        res = { status: 500, contentType: 'text/plain; charset=utf-8', body: Buffer.from(String(e)) };
      }
      res ??= { status: 404, contentType: 'text/plain; charset=utf-8', body: Buffer.from('not a replica') };
      served.push(`${res.status} ${req.method()} ${url}`);
      void req.respond({ status: res.status, contentType: res.contentType, body: res.body }).catch(() => undefined);
    } else if (/^(https?|wss?):/.test(url)) {
      blocked.push(`${req.method()} ${url}`);
      void req.abort('blockedbyclient').catch(() => undefined);
    } else {
      void req.continue().catch(() => undefined);
    }
  };

  const intercept = async (page: Page) => {
    await page.setRequestInterception(true);
    page.on('request', onRequest);
  };

  let closed = false;
  return {
    browser,
    profileDir,
    leaks: trap.leaks,
    blocked,
    served,
    async newPage() {
      const page = await browser.newPage();
      await intercept(page);
      return page;
    },
    installExtension: (dir) => browser.installExtension(dir),
    async close() {
      if (closed) return;
      closed = true;
      await Promise.race([browser.close(), new Promise((r) => setTimeout(r, 10_000))]).catch(() => undefined);
      live.get(profileDir)?.(); // SIGKILL if still running, close the trap, remove the profile
      live.delete(profileDir);
    },
  };
}

/**
 * Waits for the guide host with a given step id and returns what it shows.
 * @returns the host's `data-step-code` and the text of its shadow root (the panel)
 */
export async function waitForGuide(page: Page, stepId: string, timeout = 20_000): Promise<{ code: string; panelText: string }> {
  await page.waitForSelector(`pfdo-guide[data-step="${stepId}"]`, { timeout });
  const code = String(await page.evaluate(`document.querySelector('pfdo-guide')?.getAttribute('data-step-code') || ''`));
  // Text of the (closed) shadow root without its <style>: the panel's visible words.
  const panelText = (await inGuideFirefox(
    page,
    `const text = (n) => n.nodeType === 3 ? (n.textContent || '') : n.nodeName === 'STYLE' ? '' : Array.from(n.childNodes, text).join(' ');
     return text(root).replace(/\\s+/g, ' ').trim();`,
  )) as string | null;
  return { code, panelText: panelText ?? '' };
}

/**
 * Runs a function body with `root` (the guide's **closed** shadow root) and `host` in scope and
 * returns its JSON value (null when there is no guide). Page scripts cannot reach a closed root;
 * WebDriver BiDi can: the host is serialized with `includeShadowTree: 'all'`, which gives its
 * closed shadow root as a remote reference, and the function is called with it as `this`.
 * (puppeteer-core has no public API for this; its BiDi realm is used directly.)
 */
export async function inGuideFirefox(page: Page, body: string, arg?: unknown): Promise<unknown> {
  type Remote = { type: string; sharedId?: string; handle?: string; value?: unknown };
  type Result = { type: 'success'; result: Remote } | { type: 'exception'; exceptionDetails: { text: string } };
  const realm = (page.mainFrame() as unknown as { realms: { default: { realm: { evaluate: Function; callFunction: Function; disown: Function } } } }).realms.default.realm;
  const found = (await realm.evaluate(`document.querySelector('pfdo-guide')`, false, {
    resultOwnership: 'root',
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  })) as Result;
  if (found.type !== 'success' || found.result.type !== 'node') return null;
  try {
    const shadow = (found.result.value as { shadowRoot?: Remote | null } | undefined)?.shadowRoot;
    if (!shadow?.sharedId) return null;
    const res = (await realm.callFunction(
      `function (json) { const root = this; const host = this.host; const arg = JSON.parse(json); return JSON.stringify((() => { ${body}\n })() ?? null); }`,
      true,
      { this: { sharedId: shadow.sharedId }, arguments: [{ type: 'string', value: JSON.stringify(arg ?? null) }], resultOwnership: 'none' },
    )) as Result;
    if (res.type !== 'success') throw new Error(`inGuideFirefox: ${res.exceptionDetails.text}`);
    return JSON.parse(String(res.result.value));
  } finally {
    if (found.result.handle) await realm.disown([found.result.handle]).catch(() => undefined);
  }
}

/**
 * Clicks an element of the guide's panel with real input (BiDi `input.performActions`) at its
 * centre, as a person would; `guide-x` means `[data-testid=guide-x]`.
 */
export async function clickInGuideFirefox(page: Page, selector: string, timeout = 15_000): Promise<void> {
  const css = /^guide-[\w-]+$/.test(selector) ? `[data-testid=${selector}]` : selector;
  const deadline = Date.now() + timeout;
  for (;;) {
    const c = (await inGuideFirefox(
      page,
      `const e = root.querySelector(arg); if (!e) return null; e.scrollIntoView({ block: 'nearest' }); const r = e.getBoundingClientRect();
       return r.width ? { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) } : null;`,
      css,
    ).catch(() => null)) as { x: number; y: number } | null;
    if (c) return page.mouse.click(c.x, c.y);
    if (Date.now() > deadline) throw new Error(`the panel shows no ${selector}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
