#!/usr/bin/env bash
# Runs every test of the solution against a PostgreSQL cluster of its own (temporary folder, free port) and the
# system Chromium. Installs what is missing when run as root. Last line: "N passed, N failed[, N skipped]".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/etc/lib/prerequisites.sh"

require_dotnet
require_npm_packages "$root"
require_chromium
pgbin=$(postgres_bin)

work=$(mktemp -d /tmp/biosirk-test.XXXXXX)
chmod 755 "$work"
port=$(free_port 54330 54430)
pg_user_run() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}
if is_root; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  install -d -o postgres "$work/pg"
else
  mkdir -p "$work/pg"
fi

stop_cluster() {
  pg_user_run "$pgbin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
}
trap 'stop_cluster; rm -rf "$work"' EXIT

say "Starter PostgreSQL på port $port i $work ..."
pg_user_run "$pgbin/initdb" -D "$work/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
pg_user_run "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w start \
  -o "-p $port -k $work/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null

export BIOSIRK_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=unused;Include Error Detail=true"
export BIOSIRK_CHROMIUM="/usr/bin/chromium"

say "Kjører testene ..."
dotnet test "$root/BioSirk.Portal.sln" -nologo --logger "trx" --results-directory "$work/results" "$@" >&2
status=$?

passed=0; failed=0; skipped=0
for trx in "$work"/results/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(printf '%s' "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(printf '%s' "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  t=$(printf '%s' "$counters" | sed -n 's/.* total="\([0-9]*\)".*/\1/p')
  e=$(printf '%s' "$counters" | sed -n 's/.* executed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1   # the run broke before or outside the tests (build error, crash): never report it as green
fi
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
