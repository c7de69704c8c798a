#!/usr/bin/env bash
# README command 2: install what is missing, build, and run the whole test suite.
# Exits non-zero on any failure. Tests start their own PostgreSQL clusters (and, later,
# Dovecot) on loopback/Unix sockets; nothing needs to be running beforehand.
set -euo pipefail

source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${MAILKEEP_BUILD_DIR:-$source_dir/build}
jobs=${MAILKEEP_JOBS:-$(nproc)}

"$source_dir/installer/install-deps.sh"

export CCACHE_DIR=${CCACHE_DIR:-${HOME:-/tmp}/.cache/ccache}
cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DMAILKEEP_BUILD_TESTS=ON >/dev/null
cmake --build "$build_dir" --parallel "$jobs"

cd "$build_dir"
ctest --output-on-failure --timeout 600 --parallel "$jobs" "$@"
