#!/usr/bin/env bash
# The project's one test command (README, `npm test`; .ci/run runs exactly this): sets up what
# is missing, then checks generated code, types, lint and formatting, and runs every jest
# suite. Services the tests need (a real mosquitto) are started by tests/support/global-setup.js.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
[ -d "$HOME/.local/bin" ] && export PATH="$HOME/.local/bin:$PATH"

echo '[hearth test] generated interfaces are current'
node packages/interfaces/scripts/generate.mjs --check
echo '[hearth test] type-check (tsc -b, then the tests themselves)'
pnpm exec tsc -b
pnpm exec tsc -p tsconfig.test.json
echo '[hearth test] lint and format'
pnpm exec eslint .
pnpm exec prettier --check . --log-level warn
echo '[hearth test] jest'
mkdir -p .hearth
status=0
node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js \
  --ci --json --outputFile=.hearth/jest-results.json "$@" || status=$?
# A plain closing line that CI readers understand, whatever jest printed above.
node -e '
  const r = JSON.parse(require("fs").readFileSync(".hearth/jest-results.json", "utf8"));
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
' || true
exit "$status"
