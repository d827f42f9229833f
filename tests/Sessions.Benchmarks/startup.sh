#!/usr/bin/env bash
# Seconds from process start to the first GET /health 200 on a NEW data directory (migrations, roles,
# first account and the demo data all run), as a newcomer's first `dotnet run` does, minus the build.
# Usage: tests/Sessions.Benchmarks/startup.sh [runs]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-3}"
dotnet build src/Sessions.Web -c Release -v quiet -nologo >/dev/null
port=5077
for i in $(seq 1 "$runs"); do
    data="$(mktemp -d)"
    start=$(date +%s.%N)
    (cd src/Sessions.Web && ASPNETCORE_ENVIRONMENT=Development Sessions__DataDirectory="$data" \
        exec dotnet bin/Release/net10.0/Sessions.Web.dll --urls "http://127.0.0.1:$port" >"$data/log.txt" 2>&1) &
    pid=$!
    until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do
        if ! kill -0 "$pid" 2>/dev/null; then echo "the app stopped:"; cat "$data/log.txt"; exit 1; fi
        sleep 0.05
    done
    end=$(date +%s.%N)
    awk -v i="$i" -v s="$start" -v e="$end" 'BEGIN { printf "run %d: %.2f s to first /health 200\n", i, e - s }'
    kill "$pid"; wait "$pid" 2>/dev/null || true
    rm -rf "$data"
done
