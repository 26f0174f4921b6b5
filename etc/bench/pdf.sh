#!/usr/bin/env bash
# The PDF benchmark (issue 6) on the system Chromium. Two modes:
#
#   etc/bench/pdf.sh [args]                 the bare renderer (ChromiumPdfRenderer), no portal, no database: warms the
#                                           browser, prints the synthetic 10-page SampleReport 20 times one at a time
#                                           (p50, p95), then 20 enqueued at once (pages/s).
#                                           Args: --runs 20 --burst 20 --pages 10 --max-pages 2.
#   etc/bench/pdf.sh --final-report [args]  the real report through the real pipeline: starts a PostgreSQL cluster of its
#                                           own (like agreements.sh) and the portal host with its Hangfire workers;
#                                           Hallingdal's final report (FinalReportDocument via ReportDocumentRenderer,
#                                           checked with PdfPig to print to --pages pages) 20 times one at a time, warm,
#                                           then 20 PDF rows enqueued at once through IReportJobQueue and printed by the
#                                           job (RenderReportPdf), timed from the enqueue to each row's CompletedAtUtc.
#                                           Args: --runs 20 --burst 20 --pages 10 --workers 2 --max-pages 2
#                                           --hour-rows 240 --cost-rows 40 --indicators 12.
#
# Both sample the RSS and PSS of Chromium's whole process tree, print the Markdown section and write it to
# etc/bench/results/ (or to $BIOSIRK_BENCH_OUT). Other arguments go to the program.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/etc/lib/prerequisites.sh"

mode=pdf
if [ "${1:-}" = "--final-report" ]; then
  mode=pdf-final-report
  shift
fi

require_dotnet
require_chromium
[ "$mode" = pdf ] || require_npm_packages "$root" # the portal host serves Bootstrap and the SignalR client

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
out=${BIOSIRK_BENCH_OUT:-$root/etc/bench/results/$mode-$(date -u +%Y%m%d-%H%M%S).md}
mkdir -p "$(dirname "$out")"

extra=()
if [ "$mode" = pdf-final-report ]; then
  work=$(mktemp -d /tmp/biosirk-bench.XXXXXX)
  chmod 755 "$work"
  trap 'stop_private_postgres; rm -rf "$work"' EXIT
  start_private_postgres "$work"
  export BIOSIRK_BENCH_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=unused"
  extra=(--postmaster-pid "$(head -n 1 "$pg_data/postmaster.pid")")
fi

say "Kjører benchmarken ..."
BIOSIRK_CHROMIUM=${BIOSIRK_CHROMIUM:-/usr/bin/chromium} \
  dotnet "$root/tests/BioSirk.Portal.Benchmarks/bin/Release/net10.0/BioSirk.Portal.Benchmarks.dll" "$mode" \
  --commit "$commit" --out "$out" "${extra[@]}" "$@"
say "Rapporten er skrevet til $out"
