#!/usr/bin/env bash
# Sets up and runs every Baton check: typecheck, Chrome and Firefox builds, unit tests (Vitest),
# end-to-end tests in Chromium with the built extension (Playwright). Ends with one line
# "N passed, N failed, N skipped" counting every test and check, and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

bash test/tools/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }
rm -rf test-results && mkdir -p test-results

passed=0 failed=0 skipped=0
check() { # check NAME COMMAND... : one pass or fail for a step that is not a test runner
  local name=$1; shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); else echo "FAILED: $name"; failed=$((failed + 1)); fi
}
count_json() { # count_json RUNNER FILE : adds that runner's counts from its JSON report
  local counts
  if ! counts=$(node test/tools/count-results.mjs "$1" "$2"); then
    echo "FAILED: $1 produced no report"; failed=$((failed + 1)); return
  fi
  read -r p f s <<<"$counts"
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
}

check "typecheck" npm run --silent typecheck
check "build chrome-mv3" npx wxt build
check "build firefox-mv3" npx wxt build -b firefox --mv3
check "lint firefox-mv3 (web-ext lint, no errors)" node test/tools/lint-firefox.mjs

# The README's first command walks this story; it must keep working (headless, screenshots under artifacts/demo/).
check "demo walk-through (headless)" env BATON_DEMO_HEADLESS=1 npx tsx test/tools/demo/main.ts

echo "== unit tests (vitest)"
npx vitest run
count_json vitest test-results/vitest.json

echo "== e2e tests (playwright, Chromium with the built extension)"
npx playwright test
count_json playwright test-results/playwright.json

echo
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
