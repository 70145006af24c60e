#!/usr/bin/env bash
# `web-ext lint` (Mozilla's addons-linter, the same checks AMO runs on upload) on the Firefox build.
# Fails on any error; warnings and notices are printed but not fatal.
# Last line: `web-ext lint: N errors, N warnings`.
#
#   bash tests/firefox/lint.sh            (after `npx wxt build -b firefox`)
#
# PFDO_FIREFOX_EXTENSION_DIR overrides the folder (default: .output/firefox-mv3, else firefox-mv2).
# Offline: the linter bundles its schemas; NO_UPDATE_NOTIFIER stops web-ext asking npm for updates.
set -u
cd "$(dirname "$0")/../.."

dir="${PFDO_FIREFOX_EXTENSION_DIR:-}"
if [ -z "$dir" ]; then
  for d in .output/firefox-mv3 .output/firefox-mv2; do
    if [ -f "$d/manifest.json" ]; then dir="$d"; break; fi
  done
fi
if [ -z "$dir" ] || [ ! -f "$dir/manifest.json" ]; then
  echo "no Firefox build (.output/firefox-mv3 or .output/firefox-mv2); run: npx wxt build -b firefox" >&2
  echo "web-ext lint: 1 errors, 0 warnings"
  exit 1
fi
echo "# linting $dir"

out="$(mktemp)"
trap 'rm -f "$out"' EXIT
NO_UPDATE_NOTIFIER=1 npx --no-install web-ext lint --source-dir "$dir" --output json --no-config-discovery --no-input >"$out" 2>/dev/null
rc=$?

node - "$out" "$rc" <<'EOF'
const fs = require('node:fs');
const [file, rc] = process.argv.slice(2);
const raw = fs.readFileSync(file, 'utf8');
let report;
try {
  report = JSON.parse(raw.slice(raw.indexOf('{')));
} catch {
  console.log(raw.trim() || `web-ext exited with ${rc} and printed nothing`);
  console.log('web-ext lint: 1 errors, 0 warnings');
  process.exit(1);
}
const line = (m) => `${m.code}: ${m.message}${m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : ''}`;
for (const kind of ['errors', 'warnings', 'notices']) {
  for (const m of report[kind] ?? []) console.log(`${kind.slice(0, -1).toUpperCase()} ${line(m)}`);
}
const errors = report.summary?.errors ?? (report.errors ?? []).length;
const warnings = report.summary?.warnings ?? (report.warnings ?? []).length;
console.log(`web-ext lint: ${errors} errors, ${warnings} warnings`);
process.exit(errors > 0 ? 1 : 0);
EOF
