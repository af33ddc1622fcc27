#!/usr/bin/env bash
# Baton's demo: installs what is missing, builds the extension and opens it in Chromium on the
# sandbox CRMs. With a display, a real window you can click through; without one, a headless
# walk-through that saves a screenshot of each step under artifacts/demo/ and prints the paths.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
bash test/tools/setup.sh
npx wxt build
npx tsx test/tools/demo/main.ts
echo "npm run demo took $(( $(date +%s) - started )) s in all (setup, build, demo)."
