#!/usr/bin/env bash
# Runs every test of the solution against a PostgreSQL cluster and a Redis server of its own (temporary folder, free
# ports) and the system Chromium. Installs what is missing when run as root. Last line: "N passed, N failed[, N skipped]".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/etc/lib/prerequisites.sh"

require_dotnet
require_npm_packages "$root"
require_chromium
require_redis
work=$(mktemp -d /tmp/biosirk-test.XXXXXX)
chmod 755 "$work"
trap 'stop_private_redis; stop_private_postgres; rm -rf "$work"' EXIT

start_private_postgres "$work"
start_private_redis "$work"

export BIOSIRK_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=unused;Include Error Detail=true"
export BIOSIRK_CHROMIUM="/usr/bin/chromium"
# The scale-out tests: two portal nodes on this Redis; the Redis restart test starts a server of its own with this binary.
export BIOSIRK_REDIS="127.0.0.1:$redis_port"
export BIOSIRK_REDIS_SERVER="$(command -v redis-server)"

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
