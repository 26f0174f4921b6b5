#!/usr/bin/env bash
# The live comments benchmark (issue 7): 300 participants of one published meeting, each signed in and following it
# with a real SignalR .NET client (WebSockets), while 30 of them in turn post 1 comment a second for 120 s. Measures
# the delivery latency from the post to each participant (p50/p95/p99/max), the deliveries received against those
# expected (every comment at every participant: nothing may be lost), that every comment was stored (a join from
# sequence 0 afterwards), and the portal process's working set and CPU (the portal runs in a process of its own).
#
#   etc/bench/meeting-live.sh [--redis HOST:PORT | --no-redis] [args]
#
# Runs on one node first, then on two nodes (two portal processes) sharing one Redis backplane, half the participants
# on each: on a redis-server of its own (temporary folder, free port, stopped at the end) if one is installed, or on
# the Redis given with --redis; --no-redis runs the one node only. PostgreSQL is a cluster of its own, like
# etc/bench/agreements.sh. Other arguments go to the program (each run): --clients 300 --rate 1 --seconds 120
# --posters 30 --warmup 30 --text-length 200 --sign-in-parallel 4 --join-parallel 20 --label "…".
# Prints the Markdown sections and writes them to etc/bench/results/ (or to $BIOSIRK_BENCH_OUT). Exits non-zero if a
# comment was lost or a post failed.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/etc/lib/prerequisites.sh"

redis=""
with_redis=1
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --redis) redis=${2:?--redis needs HOST:PORT}; shift 2 ;;
    --no-redis) with_redis=0; shift ;;
    *) args+=("$1"); shift ;;
  esac
done

require_dotnet
require_npm_packages "$root" # the portal host serves Bootstrap and the SignalR client
work=$(mktemp -d /tmp/biosirk-bench.XXXXXX)
chmod 755 "$work"
redis_pid=""
stop_redis() {
  [ -n "$redis_pid" ] || return 0
  kill -TERM "$redis_pid" 2>/dev/null || true
  wait "$redis_pid" 2>/dev/null || true
  redis_pid=""
}
trap 'stop_redis; stop_private_postgres; rm -rf "$work"' EXIT

load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)
if awk -v l="$load" 'BEGIN { exit !(l > 0.5) }'; then
  say "NB: maskinen er ikke ledig (load average $load); forsinkelsene blir høyere enn på en ledig maskin."
fi

say "Bygger (Release) ..."
dotnet build "$root/tests/BioSirk.Portal.Benchmarks/BioSirk.Portal.Benchmarks.csproj" -c Release -nologo -v quiet >&2

start_private_postgres "$work"
export BIOSIRK_BENCH_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=unused"
postmaster=$(head -n 1 "$pg_data/postmaster.pid")

commit=$(git -C "$root" rev-parse HEAD 2>/dev/null || echo unknown)
if [ "$commit" != unknown ] && [ -n "$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
  commit="$commit (with uncommitted changes)"
fi
out=${BIOSIRK_BENCH_OUT:-$root/etc/bench/results/meeting-live-$(date -u +%Y%m%d-%H%M%S).md}
mkdir -p "$(dirname "$out")"
: > "$out"
program="$root/tests/BioSirk.Portal.Benchmarks/bin/Release/net10.0/BioSirk.Portal.Benchmarks.dll"
status=0

run() { # run PART-FILE ARGS...: one run of the program, its section appended to $out
  local part=$1; shift
  dotnet "$program" meeting-live --commit "$commit" --postmaster-pid "$postmaster" --out "$part" "$@" "${args[@]}" || status=1
  [ -f "$part" ] && { cat "$part" >> "$out"; printf '\n' >> "$out"; }
}

say "Kjører benchmarken på én node ..."
run "$work/one-node.md"

if [ "$with_redis" = 1 ]; then
  extra=()
  if [ -z "$redis" ]; then
    if command -v redis-server >/dev/null 2>&1; then
      redis_port=$(free_port 56380 56480)
      mkdir -p "$work/redis"
      say "Starter redis-server på port $redis_port ..."
      redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work/redis" --logfile "$work/redis/log" &
      redis_pid=$!
      for _ in $(seq 1 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$redis_port") 2>/dev/null && break
        sleep 0.1
      done
      redis="127.0.0.1:$redis_port"
      extra=(--redis-pid "$redis_pid")
    else
      say "Hopper over to noder med Redis: redis-server er ikke installert (apt-get install redis-server), eller gi --redis HOST:PORT."
      printf '%s\n' "Two nodes through Redis: skipped (redis-server is not installed: apt-get install redis-server, or give --redis HOST:PORT)." >> "$out"
    fi
  fi
  if [ -n "$redis" ]; then
    say "Kjører benchmarken på to noder med Redis ($redis) ..."
    run "$work/two-nodes.md" --redis "$redis" "${extra[@]}"
  fi
fi

say "Rapporten er skrevet til $out"
exit "$status"
