#!/usr/bin/env bash
# Regenerates the real sccache stats fixtures in __tests__/fixtures/stats/real-*.json (and the
# debug log __tests__/fixtures/logs/real-0.16.0-rust.log) from real binaries:
#
#   scripts/capture-fixtures.sh [VERSION...]     (default: debian 0.7.7 0.10.0 0.14.0 0.16.0)
#
# Each version gets its own server (private SCCACHE_DIR under a temp dir, private port,
# SCCACHE_IDLE_TIMEOUT=0, SCCACHE_LOG=debug into SCCACHE_ERROR_LOG) and these scenarios, each
# saved exactly as `sccache --show-stats --stats-format json` prints it (one line, no newline):
#
#   fresh-server      a just-started server, no compiles
#   rust-cold         --zero-stats; RUSTC_WRAPPER=sccache CARGO_INCREMENTAL=0 cargo build of a copy
#                     of examples/demo-workspace with an empty target dir
#   rust-warm         --zero-stats; `cargo clean`; the same build again: all hits on cacheable
#                     crates (same cwd, same env, same target dir path: Rust keys hash the cwd,
#                     every CARGO_* variable and OUT_DIR, so a different CARGO_TARGET_DIR misses)
#   rust-incremental  --zero-stats; `cargo clean`; cargo build with CARGO_INCREMENTAL *unset*, so
#                     cargo's dev profile passes `-C incremental=` to the workspace crates.
#                     (CARGO_INCREMENTAL=1 itself is refused outright by sccache 0.14.0+ -- "sccache:
#                     incremental compilation is prohibited: Unset CARGO_INCREMENTAL to continue.",
#                     exit 1 -- so the build would fail; each version is probed for that and the
#                     answer saved in __tests__/fixtures/logs/real-<ver>-cargo-incremental-1.txt)
#   c-mixed           --zero-stats; gcc -c a.c twice (miss, hit), gcc -E a.c, and a file with a
#                     syntax error
#
# The temp dir prefix is rewritten to /home/runner/work/_temp so the fixtures do not change from
# run to run (only durations, sizes and map key order do). Needs cargo, gcc, python3, and
# network access to PyPI (and Debian's archive for `debian`) the first time.
#
#   scripts/capture-fixtures.sh --pairs [VERSION...]
#                                (default: debian 0.16.0 0.10.0 0.9.1 0.8.2 0.7.7 0.4.2)
#
# Pairs mode runs the same scenarios but writes ONLY into __tests__/fixtures/stats-text/ (nothing in
# stats/ or logs/): for each scenario, from the same server at the same moment (nothing compiled in
# between), stdout of
#
#   real-<ver>-<scenario>.txt       `sccache --show-stats` (the human-readable text)
#   real-<ver>-<scenario>.adv.txt   `sccache --show-adv-stats` (only versions whose --help lists it,
#                                   0.6.0+)
#   real-<ver>-<scenario>.json      `sccache --show-stats --stats-format json`, taken right after
#
# plus real-0.16.0-stop-server.txt, stdout of the final `sccache --stop-server` of 0.16.0
# ("Stopping sccache server..." and the text stats). stderr goes to side files in the temp dir.
# The files are byte-exact except for the same temp dir rewrite as above.
set -euo pipefail

pairs=0
if [ "${1:-}" = --pairs ]; then
  pairs=1
  shift
fi

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
stats_dir="$root/__tests__/fixtures/stats"
logs_dir="$root/__tests__/fixtures/logs"
pairs_dir="$root/__tests__/fixtures/stats-text"
stable_prefix=/home/runner/work/_temp
base_port=42300

if [ "$#" -gt 0 ]; then
  versions=("$@")
elif [ "$pairs" = 1 ]; then
  versions=(debian 0.16.0 0.10.0 0.9.1 0.8.2 0.7.7 0.4.2)
else
  versions=(debian 0.7.7 0.10.0 0.14.0 0.16.0)
fi

# Nothing from the caller's environment may leak into the servers or the cache keys.
while IFS= read -r name; do unset "$name"; done < <(env | sed -n 's/^\(SCCACHE_[A-Za-z0-9_]*\)=.*/\1/p')
unset RUSTC_WRAPPER RUSTC_WORKSPACE_WRAPPER CARGO_TARGET_DIR CARGO_BUILD_TARGET_DIR CARGO_INCREMENTAL \
  RUSTFLAGS CARGO_ENCODED_RUSTFLAGS CARGO_BUILD_RUSTC_WRAPPER CC CFLAGS

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sccache-fixtures.XXXXXX")
started=() # "BINARY PORT" of every server this script started

cleanup() {
  local entry
  for entry in "${started[@]+"${started[@]}"}"; do
    SCCACHE_SERVER_PORT=${entry##* } "${entry% *}" --stop-server >/dev/null 2>&1 || true
  done
  if [ "${KEEP_TMP:-}" = 1 ]; then
    echo "capture-fixtures: kept $tmp" >&2
  else
    rm -rf "$tmp"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Rewrites the per-run temp dir to a stable prefix, in place, keeping a missing final newline.
stabilize() { sed -i "s#${tmp}#${stable_prefix}#g" "$1"; }

fail() {
  echo "capture-fixtures: $*" >&2
  exit 1
}

# run LOG COMMAND...: runs a command with its output in LOG; shows the log and fails if it fails.
run() {
  local log=$1
  shift
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    fail "failed: $*"
  fi
}

# The C sources of the c-mixed scenario.
mkdir -p "$tmp/c-src"
cat >"$tmp/c-src/a.c" <<'EOF'
#include <stdio.h>
int answer(void) { return 42; }
int main(void) { printf("%d\n", answer()); return 0; }
EOF
cat >"$tmp/c-src/broken.c" <<'EOF'
int broken(void) { return 1 +; }
EOF

: >"$tmp/empty-config.toml"
if [ "$pairs" = 1 ]; then
  mkdir -p "$pairs_dir"
else
  mkdir -p "$stats_dir" "$logs_dir"
fi

index=0
for version in "${versions[@]}"; do
  line=$("$root/scripts/install-sccache.sh" "$version")
  bin=${line#* }
  if [ "$version" = debian ]; then label=debian-0.4; else label=$version; fi

  port=$((base_port + index))
  while port_in_use "$port"; do port=$((port + 10)); done
  index=$((index + 1))

  vdir="$tmp/$label"
  ws="$vdir/ws"
  mkdir -p "$vdir/cache" "$vdir/c"
  # A copy of the workspace without any target dir: every version builds from the same state.
  mkdir -p "$ws"
  (cd "$root/examples/demo-workspace" && tar --exclude=./target -cf - .) | (cd "$ws" && tar -xf -)
  cp "$tmp/c-src/"*.c "$vdir/c/"

  export SCCACHE_DIR="$vdir/cache"
  export SCCACHE_SERVER_PORT=$port
  export SCCACHE_IDLE_TIMEOUT=0
  export SCCACHE_ERROR_LOG="$vdir/log"
  export SCCACHE_CONF="$tmp/empty-config.toml" # no user config file

  # Does this version have --show-adv-stats (0.6.0+)? Only asked in pairs mode.
  has_adv=0
  if [ "$pairs" = 1 ]; then
    case "$("$bin" --help 2>&1 || true)" in *--show-adv-stats*) has_adv=1 ;; esac
  fi

  if [ "$pairs" = 1 ]; then
    out() { echo "$pairs_dir/real-$label-$1.json"; }
  else
    out() { echo "$stats_dir/real-$label-$1.json"; }
  fi
  # save_text SCENARIO SUFFIX ARG...: stdout of `sccache ARG...` into real-<label>-SCENARIO.SUFFIX.
  save_text() {
    local scenario=$1 suffix=$2 file
    shift 2
    file="$pairs_dir/real-$label-$scenario.$suffix"
    "$bin" "$@" >"$file" 2>"$vdir/stats-$scenario.$suffix.err" \
      || { cat "$vdir/stats-$scenario.$suffix.err" >&2; fail "$label: $* failed"; }
    stabilize "$file"
    [ -s "$file" ] || fail "$file is empty"
  }
  save_stats() { # save_stats SCENARIO
    local file
    file=$(out "$1")
    if [ "$pairs" = 1 ]; then
      # Text first, then the JSON, from the same server with nothing compiled in between.
      save_text "$1" txt --show-stats
      if [ "$has_adv" = 1 ]; then save_text "$1" adv.txt --show-adv-stats; fi
    fi
    "$bin" --show-stats --stats-format json >"$file" 2>"$vdir/stats-$1.err" \
      || { cat "$vdir/stats-$1.err" >&2; fail "$label: --show-stats failed"; }
    stabilize "$file"
    python3 -m json.tool "$file" >/dev/null || fail "$file is not valid JSON"
  }
  zero() { run "$vdir/zero.txt" "$bin" --zero-stats; }
  cargo_build() { # cargo_build SCENARIO [ENV=VALUE...]
    local scenario=$1
    shift
    (cd "$ws" && run "$vdir/cargo-clean-$scenario.txt" cargo clean --offline)
    (cd "$ws" && run "$vdir/cargo-$scenario.txt" env RUSTC_WRAPPER="$bin" "$@" cargo build --offline)
  }

  echo "== $label: $bin on port $port" >&2
  started+=("$bin $port")
  # SCCACHE_LOG only for the server: in a client it would print debug lines into cargo's output.
  run "$vdir/start.txt" env SCCACHE_LOG=debug "$bin" --start-server
  save_stats fresh-server

  zero
  cargo_build rust-cold CARGO_INCREMENTAL=0
  save_stats rust-cold

  zero
  cargo_build rust-warm CARGO_INCREMENTAL=0
  save_stats rust-warm
  # The warm build must hit every cacheable crate; a miss means the scenario is broken.
  python3 - "$(out rust-warm)" <<'EOF' || fail "$label: rust-warm is not all hits"
import json, sys
stats = json.load(open(sys.argv[1]))["stats"]
hits = sum(stats["cache_hits"]["counts"].values())
misses = sum(stats["cache_misses"]["counts"].values())
sys.exit(0 if hits > 0 and misses == 0 else 1)
EOF
  if [ "$label" = 0.16.0 ] && [ "$pairs" = 0 ]; then
    # Trim to the sccache lines (drops dependency crates' debug chatter), then to ~300 KB.
    log="$logs_dir/real-$label-rust.log"
    if [ "$(wc -c <"$vdir/log")" -le 300000 ]; then
      cp "$vdir/log" "$log"
    else
      grep -a ' sccache' "$vdir/log" | cut -c1-2000 | head -c 300000 >"$log"
    fi
    stabilize "$log"
    grep -q 'Cache hit' "$log" && grep -q 'Cache miss' "$log" || fail "$log lacks Cache hit/miss lines"
  fi

  zero
  cargo_build rust-incremental
  save_stats rust-incremental

  # Does this version refuse CARGO_INCREMENTAL=1? (The client checks it before compiling.)
  if [ "$pairs" = 0 ]; then
    probe="$logs_dir/real-$label-cargo-incremental-1.txt"
    set +e
    probe_out=$(cd "$ws" && CARGO_INCREMENTAL=1 "$bin" rustc -vV 2>&1)
    probe_rc=$?
    set -e
    if [ "$probe_rc" -eq 0 ]; then
      printf 'CARGO_INCREMENTAL=1 sccache rustc -vV: exit 0 (accepted)\n' >"$probe"
    else
      printf 'CARGO_INCREMENTAL=1 sccache rustc -vV: exit %s\n%s\n' "$probe_rc" "$probe_out" >"$probe"
    fi
    stabilize "$probe"
  fi

  zero
  (
    cd "$vdir/c"
    run "$vdir/c1.txt" "$bin" gcc -c a.c -o a.o
    run "$vdir/c2.txt" "$bin" gcc -c a.c -o a.o
    run "$vdir/c3.txt" "$bin" gcc -E a.c -o a.i
    if "$bin" gcc -c broken.c -o broken.o >"$vdir/c4.txt" 2>&1; then
      fail "$label: broken.c compiled"
    fi
  )
  save_stats c-mixed

  if [ "$pairs" = 1 ] && [ "$label" = 0.16.0 ]; then
    # What --stop-server prints: "Stopping sccache server..." and the final text stats.
    save_text stop-server txt --stop-server # real-0.16.0-stop-server.txt
  else
    "$bin" --stop-server >/dev/null 2>&1 || true
  fi
  unset -f out save_text save_stats zero cargo_build
done

if [ "$pairs" = 1 ]; then
  echo "capture-fixtures: wrote $(ls "$pairs_dir"/real-* | wc -l) files in ${pairs_dir#"$root/"}" >&2
else
  echo "capture-fixtures: wrote $(ls "$stats_dir"/real-*.json | wc -l) files in ${stats_dir#"$root/"}" >&2
fi
