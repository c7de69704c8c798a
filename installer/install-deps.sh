#!/usr/bin/env bash
# Installs every Debian 12 package that building, running and testing Mailkeep needs.
# Idempotent and quiet when everything is already present; needs root (or sudo) only
# when something is missing.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build ccache pkg-config git clang-format curl ca-certificates
    # Qt 6 (Core, Network, Widgets, HttpServer, Concurrent, Charts, NetworkAuth, Svg, LinguistTools, Test)
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qt6-networkauth-dev
    qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6svg6
    libqt6opengl6-dev
    # storage, index, mail, crypto, compression
    libpq-dev postgresql-15 liblucene++-dev libboost-dev libgmime-3.0-dev libvmime-dev libjemalloc-dev
    libzstd-dev libsodium-dev libssl-dev openssl
    # the management shell's line editing
    libedit-dev
    # tests and benchmarks
    libgtest-dev libgmock-dev libbenchmark-dev dovecot-imapd dovecot-pop3d notmuch isync python3
    xvfb xauth fonts-dejavu-core procps psmisc tzdata passwd
)

missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
    [[ "$status" == "installed" ]] || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=()
if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "install-deps: run as root to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
fi

echo "install-deps: installing ${#missing[@]} package(s): ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# The distribution's PostgreSQL is only used for its binaries; Mailkeep runs its own clusters,
# so installing it need not create (and start) the distribution's "main" cluster.
"${sudo[@]}" mkdir -p /etc/postgresql-common/createcluster.d
echo "create_main_cluster = false" |
    "${sudo[@]}" tee /etc/postgresql-common/createcluster.d/mailkeep.conf >/dev/null
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}" >/dev/null
echo "install-deps: done"
