#!/usr/bin/env bash
# The agreements benchmark (tests/BioSirk.Portal.Benchmarks) against a PostgreSQL cluster of its own (temporary folder,
# free port, stopped at the end), like etc/test.sh. Seeds 500 agreements over the four demo councils and 50 000 hour
# rows, measures the county start page and the agreement pages at 20 concurrent users over HTTP on 127.0.0.1, and the
# tenant filter's cost on the list query. Prints the Markdown report and writes it to etc/bench/results/ (or to
# $BIOSIRK_BENCH_OUT). Extra arguments go to the program, e.g. --users 20 --requests 50 --label "after the fix".
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/etc/lib/prerequisites.sh"

require_dotnet
require_npm_packages "$root"
work=$(mktemp -d /tmp/biosirk-bench.XXXXXX)
chmod 755 "$work"
trap 'stop_private_postgres; rm -rf "$work"' EXIT

# Checked before the build, which loads the machine itself.
load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)
if awk -v l="$load" 'BEGIN { exit !(l > 0.5) }'; then
  say "NB: maskinen er ikke ledig (load average $load). Andre prosesser konkurrerer om CPU-ene; se kolonnen «other» i rapporten."
fi

say "Bygger (Release) ..."
dotnet build "$root/tests/BioSirk.Portal.Benchmarks/BioSirk.Portal.Benchmarks.csproj" -c Release -nologo -v quiet >&2

start_private_postgres "$work"

commit=$(git -C "$root" rev-parse HEAD 2>/dev/null || echo unknown)
if [ "$commit" != unknown ] && [ -n "$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
  commit="$commit (with uncommitted changes)"
fi
out=${BIOSIRK_BENCH_OUT:-$root/etc/bench/results/agreements-$(date -u +%Y%m%d-%H%M%S).md}
mkdir -p "$(dirname "$out")"

say "Kjører benchmarken ..."
# BIOSIRK_BENCH_CONNECTION_EXTRA adds settings to the portal's connection string, e.g. "Max Auto Prepare=0" for an A/B.
export BIOSIRK_BENCH_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=unused${BIOSIRK_BENCH_CONNECTION_EXTRA:+;$BIOSIRK_BENCH_CONNECTION_EXTRA}"
postmaster=$(head -n 1 "$pg_data/postmaster.pid")
dotnet "$root/tests/BioSirk.Portal.Benchmarks/bin/Release/net10.0/BioSirk.Portal.Benchmarks.dll" \
  --commit "$commit" --postmaster-pid "$postmaster" --out "$out" "$@"
say "Rapporten er skrevet til $out"
