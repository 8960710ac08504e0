#!/usr/bin/env bash
# Sinergi's test command: installs what the tests need when it is missing (Chromium, PostgreSQL;
# npm packages come with the build), starts a private PostgreSQL cluster, runs every test project,
# stops what it started, and ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
root=$PWD
say() { echo "[test.sh] $*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else say "root is needed to run: $*"; return 1
  fi
}

apt_updated=0
apt_install() {
  [ $apt_updated = 1 ] || { as_root apt-get update -qq >/dev/null; apt_updated=1; }
  say "installing $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

[ -x /usr/bin/chromium ] || apt_install chromium
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || apt_install fonts-dejavu-core
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  apt_install postgresql
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

# A private PostgreSQL cluster on a free port, thrown away afterwards.
pg_dir=$(mktemp -d /tmp/sinergi-pg.XXXXXX)
run_pg=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$pg_dir"
  run_pg=(runuser -u postgres --)
fi
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  return 1
}
pg_port=$(free_port)
stop_pg() {
  "${run_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$pg_dir"
}
trap stop_pg EXIT
"${run_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 >"$pg_dir/initdb.log" 2>&1 \
  || { cat "$pg_dir/initdb.log"; echo "0 passed, 1 failed"; exit 1; }
"${run_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null || { cat "$pg_dir/server.log"; echo "0 passed, 1 failed"; exit 1; }
export SINERGI_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres"
say "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on port $pg_port"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Each test app would watch its appsettings files and, for asp-append-version, its wwwroot through
# inotify: with a hundred apps alive at once that is more inotify instances than a default Linux user
# may have (128), and the next app fails to start or answers every page with an error. The test apps
# read their settings once and poll the few files they watch instead (SinergiApp sets the same).
export DOTNET_hostBuilder__reloadConfigOnChange=false DOTNET_USE_POLLING_FILE_WATCHER=true
say "building"
if ! dotnet build Sinergi.slnx -nologo -v quiet -clp:ErrorsOnly; then
  echo "0 passed, 1 failed"
  exit 1
fi

results=$(mktemp -d /tmp/sinergi-results.XXXXXX)
matrix=tests/Sinergi.Tests/bin/Debug/net10.0/authorization-matrix-sqlite.md
rm -f "$matrix"
passed=0
failed=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  say "running $name"
  dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || true
  trx="$results/$name.trx"
  if [ ! -f "$trx" ]; then
    say "$name produced no results: counted as one failure"
    failed=$((failed + 1))
    continue
  fi
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  count() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(count passed)))
  failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
done
rm -rf "$results"
if [ -f "$matrix" ]; then
  say "authorization matrix, as the tests found it (SQLite):"
  cat "$matrix"
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
