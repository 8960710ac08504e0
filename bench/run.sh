#!/usr/bin/env bash
# Builds Sinergi and the benchmark in Release, makes a fresh data directory (seed-demo, which also
# migrates, then the generator: 100,000 agreements over all regions, 5,000 in 62.71), starts Sinergi
# on a free port, makes an API token with the create-token verb, drives the load of
# bench/Sinergi.Bench against it, then the hostile-files pass (four hostile uploads while the list is
# under load: the app's peak memory and the list's p95), and stops it and removes the data directory
# again. Then, on a second freshly seeded data directory, it times the import verb on workbooks of
# 10,000 and 50,000 rows.
# Usage: bench/run.sh [--agreements 100000] [--big-region-count 5000] [--proposals 10000] [--seed 42] [--clients 8] [--seconds 10]
# The tables land in bench/results/latest.md, bench/results/hostile.md and bench/results/import.md,
# the generator's summary in bench/results/generate.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
generate=() load=()
while [ $# -gt 0 ]; do
  case "$1" in
    --agreements|--big-region|--big-region-count|--proposals|--seed|--today) generate+=("$1" "$2"); shift 2 ;;
    *) load+=("$1"); shift ;;
  esac
done

data=$(mktemp -d /tmp/sinergi-bench.XXXXXX)
imports=$(mktemp -d /tmp/sinergi-import.XXXXXX)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$data" "$imports"
}
trap cleanup EXIT
port=$((20000 + RANDOM % 20000))
export DataDirectory=$data Logging__LogLevel__Default=Warning DOTNET_NOLOGO=1
dotnet build src/Sinergi.Web -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build bench/Sinergi.Bench -c Release -nologo -v quiet -clp:ErrorsOnly
app=src/Sinergi.Web/bin/Release/net10.0/Sinergi.Web.dll
bench=bench/Sinergi.Bench/bin/Release/net10.0/Sinergi.Bench.dll
mkdir -p bench/results

(cd "$(dirname "$app")" && dotnet Sinergi.Web.dll seed-demo >/dev/null)
dotnet "$bench" generate --data "$data" "${generate[@]}" | tee bench/results/generate.txt

# The reminder job off: its first run over a fresh 100,000-agreement registry records reminders for
# minutes, and each start checks them all against the ledger, whichever scenario runs meanwhile.
(cd "$(dirname "$app")" && Notifications__Enabled=false exec dotnet Sinergi.Web.dll --urls "http://127.0.0.1:$port" >"$data/server.log" 2>&1) &
server=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
token=$(cd "$(dirname "$app")" && dotnet Sinergi.Web.dll create-token --email admin.palangkaraya@sinergi.test --name bench | tail -n 1)
dotnet "$bench" load --url "http://127.0.0.1:$port" --token "$token" --server-pid "$server" --output bench/results/latest.md "${load[@]}"
# $server is the subshell that execs dotnet, so it is the app's own process: its memory is what is read.
dotnet "$bench" hostile --url "http://127.0.0.1:$port" --token "$token" --server-pid "$server" --output bench/results/hostile.md "${load[@]}"

kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=
(cd "$(dirname "$app")" && DataDirectory=$imports dotnet Sinergi.Web.dll seed-demo >/dev/null)
dotnet "$bench" import --app "$app" --data "$imports" --output bench/results/import.md
