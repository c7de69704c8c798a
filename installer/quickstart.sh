#!/usr/bin/env bash
# README command 1: install what is missing, build a Release, and start mailkeep-server on its
# embedded default (a private PostgreSQL cluster in the data folder).
#
#   installer/quickstart.sh [data folder]     (default: ./mailkeep-data)
#
# The server keeps running in the background; its log is <data folder>/logs/server.log and
# `kill $(cat <data folder>/mailkeep-server.pid)` stops it.
set -euo pipefail

source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${MAILKEEP_BUILD_DIR:-$source_dir/build-release}
data_dir=$(realpath -m "${1:-./mailkeep-data}")
port=${MAILKEEP_API_PORT:-8463}

"$source_dir/installer/install-deps.sh"
echo "quickstart: building (Release) in $build_dir"
cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DMAILKEEP_BUILD_TESTS=OFF >/dev/null
cmake --build "$build_dir" --parallel "$(nproc)" >/dev/null

mkdir -p "$data_dir/logs"
pid_file="$data_dir/mailkeep-server.pid"
if [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    echo "quickstart: stopping the running server (pid $(cat "$pid_file"))"
    kill "$(cat "$pid_file")"
    while kill -0 "$(cat "$pid_file")" 2>/dev/null; do sleep 0.2; done
fi

echo "quickstart: starting mailkeep-server with data folder $data_dir"
nohup "$build_dir/bin/mailkeep-server" --data-dir "$data_dir" --api-port "$port" \
    >>"$data_dir/logs/server.log" 2>&1 </dev/null &
server_pid=$!
echo "$server_pid" >"$pid_file"

# Ready when the API answers its authentication challenge.
for _ in $(seq 1 300); do
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "quickstart: the server stopped; last log lines:" >&2
        tail -n 20 "$data_dir/logs/server.log" >&2
        exit 1
    fi
    code=$(curl -sk -o /dev/null -w '%{http_code}' -X POST "https://127.0.0.1:$port/api/invoke/GetServerInfo" || true)
    [[ "$code" == "401" ]] && break
    sleep 0.2
done
[[ "${code:-}" == "401" ]] || { echo "quickstart: the API did not come up; see $data_dir/logs/server.log" >&2; exit 1; }

fingerprint=$(openssl x509 -in "$data_dir/tls/server.crt" -noout -fingerprint -sha256 | cut -d= -f2)
echo
echo "Mailkeep is running (pid $server_pid)."
echo "  API:                    https://127.0.0.1:$port/api/"
echo "  Certificate SHA-256:    $fingerprint"
if [[ -f "$data_dir/initial-admin-password" ]]; then
    echo "  Initial admin password: in $data_dir/initial-admin-password (user: admin)"
fi
echo "  Log:                    $data_dir/logs/server.log"
echo "  Stop:                   kill \$(cat $pid_file)"
echo "  Try:  curl -sk -u admin:\"\$(cat $data_dir/initial-admin-password)\" -X POST https://127.0.0.1:$port/api/invoke/GetServerInfo"

console="$build_dir/bin/mailkeep-console"
if [[ -x "$console" && ( -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ) ]]; then
    echo "quickstart: starting mailkeep-console"
    nohup "$console" >/dev/null 2>&1 </dev/null &
fi
