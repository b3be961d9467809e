#!/usr/bin/env bash
# The test command: sets a fresh machine up, then type-checks, lints and runs every test on Node 24.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/bootstrap.sh
npm run -s typecheck
npm run -s lint
npm run -s format:check
npm test
