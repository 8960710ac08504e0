#!/usr/bin/env bash
# Starts Sinergi (Release, embedded SQLite, demo data) on a free port, makes an API token with the
# create-token verb, drives the load of bench/Sinergi.Bench against it and stops it again.
# Usage: bench/run.sh [--clients 8] [--seconds 10]; the table lands in bench/results/latest.md.
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(mktemp -d /tmp/sinergi-bench.XXXXXX)
port=$((20000 + RANDOM % 20000))
export DataDirectory=$data Logging__LogLevel__Default=Warning DOTNET_NOLOGO=1
dotnet build src/Sinergi.Web -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build bench/Sinergi.Bench -c Release -nologo -v quiet -clp:ErrorsOnly
app=src/Sinergi.Web/bin/Release/net10.0/Sinergi.Web.dll
(cd "$(dirname "$app")" && exec dotnet Sinergi.Web.dll --urls "http://127.0.0.1:$port" >"$data/server.log" 2>&1) &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
token=$(cd "$(dirname "$app")" && dotnet Sinergi.Web.dll create-token --email admin.palangkaraya@sinergi.test --name bench | tail -n 1)
dotnet bench/Sinergi.Bench/bin/Release/net10.0/Sinergi.Bench.dll --url "http://127.0.0.1:$port" --token "$token" \
  --output bench/results/latest.md "$@"
