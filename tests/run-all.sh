#!/usr/bin/env bash
# Every test, in order, with one closing line "N passed, N failed" (see tests/run-all.ts).
set -u
cd "$(dirname "$0")/.."
exec node --import tsx tests/run-all.ts
