/**
 * The system check that `npm run demo` and `npm test` start with: finds the programs the
 * project needs from the operating system (Debian's Chromium, firefox-esr and poppler-utils;
 * browsers are never downloaded), installs the missing Debian packages when it may (root, `apt-get`
 * present, `PFDO_NO_INSTALL` not set), and otherwise stops with a message in Russian and English
 * that names what is missing and the exact command that installs it.
 *
 *   node --import tsx scripts/system.ts demo     only what the demo needs (Chromium)
 *   node --import tsx scripts/system.ts test     everything the tests need
 *
 * The decision is a pure function ({@link planSystem}) over a {@link Probe}, so unit tests can
 * describe any machine; {@link realProbe} reads this one.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** What a command of the project needs from the system. */
export type Purpose = 'demo' | 'test';

/** A program the project uses, and the Debian package that provides it. */
export interface Requirement {
  /** Short id, e.g. `chromium`. */
  id: 'chromium' | 'firefox' | 'pdftoppm' | 'pdftotext';
  /** Debian package that installs it. */
  pkg: 'chromium' | 'firefox-esr' | 'poppler-utils';
  /** Environment variable that may name the binary (browsers only). */
  envVar?: 'CHROMIUM_PATH' | 'FIREFOX_PATH';
  /** Absolute paths tried in order after the environment variable. */
  paths: string[];
  /** Command names looked up on `PATH` after the paths. */
  commands: string[];
  /** Why the project needs it (Russian / English), for the messages. */
  why: { ru: string; en: string };
}

/** Everything the project may need, in the order the messages list it. */
export const REQUIREMENTS: readonly Requirement[] = [
  {
    id: 'chromium',
    pkg: 'chromium',
    envVar: 'CHROMIUM_PATH',
    paths: ['/usr/bin/chromium'],
    commands: ['chromium', 'chromium-browser'],
    why: { ru: 'браузер, в котором идут демонстрация и e2e-тесты', en: 'the browser the demo and the e2e tests run in' },
  },
  {
    id: 'firefox',
    pkg: 'firefox-esr',
    envVar: 'FIREFOX_PATH',
    paths: ['/usr/bin/firefox-esr'],
    commands: ['firefox-esr'],
    why: { ru: 'проверка расширения в Firefox', en: 'the Firefox tests of the extension' },
  },
  {
    id: 'pdftoppm',
    pkg: 'poppler-utils',
    paths: [],
    commands: ['pdftoppm'],
    why: { ru: 'проверка отрисовки PDF', en: 'checking how the PDFs render' },
  },
  {
    id: 'pdftotext',
    pkg: 'poppler-utils',
    paths: [],
    commands: ['pdftotext'],
    why: { ru: 'проверка текста PDF', en: 'checking the PDFs\' text' },
  },
];

/** Which requirements each purpose has: the demo needs only the browser it runs in. */
export const NEEDS: Record<Purpose, ReadonlyArray<Requirement['id']>> = {
  demo: ['chromium'],
  test: ['chromium', 'firefox', 'pdftoppm', 'pdftotext'],
};

/** What the check may read of the machine (the real one, or a test's made-up one). */
export interface Probe {
  env: Record<string, string | undefined>;
  /** Effective user id (0 = root); undefined where there is none (Windows). */
  uid: number | undefined;
  /** Whether an absolute path is an executable file. */
  isExecutable(path: string): boolean;
}

/** Where a requirement was found, or why it was not. */
export interface Found {
  req: Requirement;
  /** Absolute path of the binary, when found. */
  path?: string;
  /** Set when an environment variable names a file that is not an executable. */
  badEnv?: string;
}

/**
 * Looks a requirement up: its environment variable (which, when set, must name an executable:
 * a wrong path is reported, not silently replaced), then its known paths, then `PATH`.
 * @param req the requirement
 * @param probe the machine
 */
export function findRequirement(req: Requirement, probe: Probe): Found {
  const fromEnv = req.envVar ? probe.env[req.envVar] : undefined;
  if (fromEnv) return probe.isExecutable(fromEnv) ? { req, path: fromEnv } : { req, badEnv: `${req.envVar}=${fromEnv}` };
  for (const p of req.paths) if (probe.isExecutable(p)) return { req, path: p };
  const dirs = (probe.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const cmd of req.commands) {
    for (const d of dirs) {
      const p = join(d, cmd);
      if (probe.isExecutable(p)) return { req, path: p };
    }
  }
  return { req };
}

/** The check's decision. */
export interface Plan {
  /** Everything needed, found or not. */
  found: Found[];
  /** Needed and not found. */
  missing: Found[];
  /** `ok`: nothing to do; `install`: run {@link Plan.commands}; `stop`: print {@link Plan.message} and exit non-zero. */
  action: 'ok' | 'install' | 'stop';
  /** Debian packages to install (each once, in order). */
  packages: string[];
  /** The commands to run (`install`) or to tell the user (`stop`). */
  commands: string[];
  /** What to print: what is done and why, or what is missing and how to get it (Russian, then English). */
  message: string;
}

/**
 * Decides what to do on a machine: nothing, install the missing Debian packages (only as root,
 * with `apt-get` present, and unless `PFDO_NO_INSTALL=1`), or stop with instructions.
 * A browser named by `CHROMIUM_PATH`/`FIREFOX_PATH` that is not there is never "fixed" by an
 * install: the user chose that path, so the message asks to correct or unset it.
 * @param purpose `demo` (Chromium only) or `test` (Chromium, firefox-esr, poppler-utils)
 * @param probe the machine
 */
export function planSystem(purpose: Purpose, probe: Probe): Plan {
  const found = NEEDS[purpose].map((id) => findRequirement(REQUIREMENTS.find((r) => r.id === id)!, probe));
  const missing = found.filter((f) => !f.path);
  if (!missing.length) return { found, missing, action: 'ok', packages: [], commands: [], message: '' };

  const packages = [...new Set(missing.filter((m) => !m.badEnv).map((m) => m.req.pkg))];
  const badEnv = missing.filter((m) => m.badEnv);
  const root = probe.uid === 0;
  const hasApt = probe.isExecutable('/usr/bin/apt-get') || probe.isExecutable('/bin/apt-get');
  const noInstall = probe.env.PFDO_NO_INSTALL === '1';
  const installLine = `apt-get install -y ${packages.join(' ')}`;
  const commands = packages.length ? ['apt-get update', installLine] : [];
  const what = (lang: 'ru' | 'en') =>
    missing.map((m) => `  - ${m.badEnv ? m.badEnv : m.req.id} (${lang === 'ru' ? 'пакет' : 'package'} ${m.req.pkg}): ${m.req.why[lang]}`).join('\n');

  if (root && hasApt && !noInstall && packages.length && !badEnv.length) {
    return {
      found,
      missing,
      action: 'install',
      packages,
      commands,
      message:
        `Проверка системы: нет ${packages.join(', ')} — устанавливаю пакеты Debian (${purpose === 'demo' ? 'нужны для демонстрации' : 'нужны для тестов'}):\n${what('ru')}\n` +
        `  ${commands.join(' && ')}\n` +
        `Чтобы ничего не ставить автоматически, задайте PFDO_NO_INSTALL=1.\n` +
        `System check: ${packages.join(', ')} missing — installing the Debian packages (${purpose === 'demo' ? 'the demo needs them' : 'the tests need them'}); set PFDO_NO_INSTALL=1 to skip this.`,
    };
  }

  const sudo = root ? '' : 'sudo ';
  const howRu: string[] = [];
  const howEn: string[] = [];
  if (packages.length) {
    const cmd = `${sudo}apt-get update && ${sudo}${installLine}`;
    howRu.push(`Установите: ${cmd}`);
    howEn.push(`Install: ${cmd}`);
  }
  for (const m of badEnv) {
    howRu.push(`Исправьте или удалите ${m.req.envVar}: файла «${probe.env[m.req.envVar!]}» нет или он не исполняемый (без переменной ищется пакет ${m.req.pkg}).`);
    howEn.push(`Fix or unset ${m.req.envVar}: «${probe.env[m.req.envVar!]}» is not an executable file (without it, package ${m.req.pkg} is looked for).`);
  }
  const whyNot = noInstall
    ? { ru: 'PFDO_NO_INSTALL=1: автоматическая установка выключена.', en: 'PFDO_NO_INSTALL=1: automatic installation is off.' }
    : !root
      ? { ru: 'Установить сам не могу: нужны права root.', en: 'Cannot install by itself: root is needed.' }
      : !hasApt
        ? { ru: 'Установить сам не могу: нет apt-get (не Debian/Ubuntu) — поставьте эти программы средствами своей системы.', en: 'Cannot install by itself: no apt-get (not Debian/Ubuntu) — install these programs with your system\'s tools.' }
        : { ru: '', en: '' };
  const paths = purpose === 'demo' ? 'CHROMIUM_PATH' : 'CHROMIUM_PATH / FIREFOX_PATH';
  const message =
    `Проверка системы: не хватает программ (${purpose === 'demo' ? 'для демонстрации' : 'для тестов'}):\n${what('ru')}\n` +
    (whyNot.ru ? `${whyNot.ru}\n` : '') +
    `${howRu.join('\n')}\n` +
    `Браузеры не скачиваются из интернета: нужны пакеты Debian (или путь в ${paths}).\n\n` +
    `System check: programs missing (${purpose === 'demo' ? 'for the demo' : 'for the tests'}):\n${what('en')}\n` +
    (whyNot.en ? `${whyNot.en}\n` : '') +
    `${howEn.join('\n')}\n` +
    `Browsers are never downloaded: use Debian's packages (or a path in ${paths}).`;
  return { found, missing, action: 'stop', packages, commands, message };
}

/** The real machine. */
export function realProbe(env: Record<string, string | undefined> = process.env): Probe {
  return {
    env,
    uid: typeof process.getuid === 'function' ? process.getuid() : undefined,
    isExecutable(path) {
      try {
        if (!statSync(path).isFile()) return false;
        accessSync(path, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
  };
}

/**
 * Path of a browser the tests and the demo launch, as the check finds it.
 * @param id `chromium` or `firefox`
 * @returns the path, or the default Debian path when none is found (the launch then fails with
 *   the browser's own message; the system check has already explained what to install)
 */
export function browserPath(id: 'chromium' | 'firefox', probe: Probe = realProbe()): string {
  const req = REQUIREMENTS.find((r) => r.id === id)!;
  return findRequirement(req, probe).path ?? probe.env[req.envVar!] ?? req.paths[0];
}

/**
 * Runs the check for a purpose on this machine: prints nothing when all is there; installs
 * when the plan says so (printing what and why, with apt-get's output); else prints the
 * instructions.
 * @returns true when everything needed is there (after an install, checked again)
 */
export function ensureSystem(purpose: Purpose, probe: Probe = realProbe()): boolean {
  const plan = planSystem(purpose, probe);
  if (plan.action === 'ok') return true;
  if (plan.action === 'stop') {
    console.error(plan.message);
    return false;
  }
  console.log(plan.message);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', ...plan.packages]]) {
    console.log(`$ apt-get ${args.join(' ')}`);
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) {
      console.error(
        `Проверка системы: «apt-get ${args.join(' ')}» завершился с кодом ${r.status ?? r.signal}. Установите вручную: ${plan.commands.join(' && ')}\n` +
          `System check: «apt-get ${args.join(' ')}» exited with ${r.status ?? r.signal}. Install by hand: ${plan.commands.join(' && ')}`,
      );
      return false;
    }
  }
  const again = planSystem(purpose, probe);
  if (again.action !== 'ok') {
    console.error(`Проверка системы: после установки всё ещё нет: ${again.missing.map((m) => m.req.id).join(', ')}.\nSystem check: still missing after the install: ${again.missing.map((m) => m.req.id).join(', ')}.`);
    return false;
  }
  console.log('Проверка системы: всё установлено. / System check: everything is installed.');
  return true;
}

// Run as a script: `node --import tsx scripts/system.ts demo|test` (exit 0 when ready, 1 otherwise).
if (process.argv[1] && /scripts[\\/]system\.ts$/.test(process.argv[1])) {
  const purpose = process.argv[2] === 'demo' ? 'demo' : 'test';
  process.exit(ensureSystem(purpose) ? 0 : 1);
}
