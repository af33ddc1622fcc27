#!/usr/bin/env bash
# Retakes the README's screenshots (docs/NN-*.png) from the sandbox: the demo's headless
# walk-through, copied into docs/.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash test/tools/setup.sh
npx wxt build
BATON_DEMO_HEADLESS=1 BATON_DEMO_DOCS=1 npx tsx test/tools/demo/main.ts
