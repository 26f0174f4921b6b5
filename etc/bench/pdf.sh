#!/usr/bin/env bash
# The PDF renderer benchmark (issue 6) on the system Chromium: no portal, no database. Warms the browser, prints a
# 10-page report 20 times one at a time (p50, p95), then 20 enqueued at once (pages/s), and samples the resident memory
# of Chromium's whole process tree. Prints the Markdown section and writes it to etc/bench/results/ (or to
# $BIOSIRK_BENCH_OUT). Extra arguments go to the program: --runs 20 --burst 20 --pages 10 --max-pages 2.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/etc/lib/prerequisites.sh"

require_dotnet
require_chromium

load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)
if awk -v l="$load" 'BEGIN { exit !(l > 0.5) }'; then
  say "NB: maskinen er ikke ledig (load average $load); tallene blir dårligere enn på en ledig maskin."
fi

say "Bygger (Release) ..."
dotnet build "$root/tests/BioSirk.Portal.Benchmarks/BioSirk.Portal.Benchmarks.csproj" -c Release -nologo -v quiet >&2

commit=$(git -C "$root" rev-parse HEAD 2>/dev/null || echo unknown)
if [ "$commit" != unknown ] && [ -n "$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
  commit="$commit (with uncommitted changes)"
fi
out=${BIOSIRK_BENCH_OUT:-$root/etc/bench/results/pdf-$(date -u +%Y%m%d-%H%M%S).md}
mkdir -p "$(dirname "$out")"

say "Kjører benchmarken ..."
BIOSIRK_CHROMIUM=${BIOSIRK_CHROMIUM:-/usr/bin/chromium} \
  dotnet "$root/tests/BioSirk.Portal.Benchmarks/bin/Release/net10.0/BioSirk.Portal.Benchmarks.dll" pdf \
  --commit "$commit" --out "$out" "$@"
say "Rapporten er skrevet til $out"
