#!/usr/bin/env bash
# The demo command: sets a fresh machine up, then runs setup, a real cargo build through sccache
# (twice), and the report under the runner emulator, and prints the job summary.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/bootstrap.sh
npm run -s build
npm run -s demo
