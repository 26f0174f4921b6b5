#!/usr/bin/env bash
# Startup benchmark of the built BioSirk Portal on its embedded default (SQLite, demo data).
#
#   etc/bench/startup.sh [--no-build] [--extra] [runs]      (runs defaults to 5)
#
# For every run it measures two cases, each in a process of its own:
#   fresh   - a new, empty SQLite file: the start includes every migration and the demo seeding;
#   restart - the same file again: the normal restart of a portal that already has its data.
# Per start: milliseconds from launching the process to the first HTTP 200 of /health/ready (polled every 10 ms)
# and the CPU time the portal used until then, then (after BENCH_IDLE_SECONDS, default 5, of idleness) VmRSS
# (working set) and VmHWM (peak RSS) from /proc/PID/status.
# It prints a markdown table (median and max over the runs) and appends it, with the machine and commit, to
# BENCHMARKS.md at the repository root. Raw per-start values go to etc/bench/results/ (ignored by git).
# --extra adds rows that are only informative (to see where start time and memory go), never the result:
# a fresh database without demo seeding, restarts with other JIT, GC and W^X settings, and a ReadyToRun publish.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/etc/lib/prerequisites.sh"

runs=5
build=1
extra=0
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --extra) extra=1 ;;
    -h|--help) awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$0"; exit 0 ;;
    *[!0-9]*|'') say "Unknown argument: $arg (usage: etc/bench/startup.sh [--no-build] [--extra] [runs])"; exit 2 ;;
    *) runs=$arg ;;
  esac
done
[ "$runs" -ge 1 ] || { say "runs must be at least 1"; exit 2; }

readonly target_ready_ms=2000        # the issue's targets
readonly target_rss_mb=150
readonly start_timeout_s=60          # per start: give up (and fail) if not ready by then
readonly idle_s=${BENCH_IDLE_SECONDS:-5}
readonly max_other_pct=${BENCH_MAX_OTHER_PCT:-20}   # see the loop over the runs
readonly max_repeats=${BENCH_MAX_REPEATS:-3}
ncpu=$(nproc)
web="$root/angular-free-razor-ui/BioSirk.Portal.Web"
dll=$(portal_dll "$root")   # the same build etc/run.sh starts

require_dotnet
command -v curl >/dev/null 2>&1 || apt_install curl ca-certificates
require_npm_packages "$root"   # Bootstrap from node_modules: without it the portal refuses to start
if [ "$build" = 1 ]; then
  say "Publishing the portal (Release, ReadyToRun) as etc/run.sh does ..."
  publish_portal "$root"
fi
[ -f "$dll" ] || { say "$dll is missing: build first (run without --no-build)."; exit 1; }

work=$(mktemp -d /tmp/biosirk-bench.XXXXXX)
pid=""
log=/dev/null
stop_portal() {
  # SIGTERM lets the host shut down (SQLite closes its WAL); SIGKILL after 10 s so the script always ends.
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  local i
  for i in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true   # reaps it; the log reader ends when the portal's output closes
  pid=""
}
trap 'stop_portal; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# The polling below runs no program per probe. On this kind of machine (2 vCPUs) a curl costs about 18 ms of CPU
# and a /usr/bin/sleep about 8 ms, so polling every 10 ms with them would take a third to half of one CPU away from
# the very start being measured. Bash's own clock, /dev/tcp, read -t and /proc reads cost well under 1 ms.

# now_us: sets $now to microseconds since the epoch (EPOCHREALTIME uses the locale's decimal separator, hence [.,]).
now_us() { local t=$EPOCHREALTIME; now=${t/[.,]/}; }

# nap: sleeps 10 ms without a process: read with a timeout on a FIFO nobody writes to.
mkfifo "$work/nap"
exec 4<>"$work/nap"
nap() { read -r -t 0.01 -u 4 _ || true; }

# alive PID: an exited child stays a zombie until waited for, and kill -0 still succeeds on a zombie.
alive() {
  local key value
  [ -r "/proc/$1/status" ] || return 1
  while read -r key value _; do
    [ "$key" = State: ] && { [ "$value" != Z ]; return; }
  done < "/proc/$1/status" 2>/dev/null
  return 1
}

# probe PORT: sets $code to the HTTP status of GET /health/ready ("" when nothing answers), with bash's /dev/tcp.
probe() {
  code=""
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 0
  printf 'GET /health/ready HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3 2>/dev/null &&
    read -r -t 5 -u 3 _ code _ 2>/dev/null || code=""
  exec 3>&-
}

# cpu_busy: sets $busy to the machine's busy CPU ticks so far (user+nice+system+irq+softirq+steal, /proc/stat).
cpu_busy() {
  local _cpu user nice system idle iowait irq softirq steal _rest
  read -r _cpu user nice system idle iowait irq softirq steal _rest < /proc/stat
  busy=$(( user + nice + system + irq + softirq + steal ))
}

# proc_cpu PID: sets $ticks to the CPU ticks (user+system) the process has used (fields 14 and 15 of /proc/PID/stat;
# the second field is "(dotnet)", without spaces).
proc_cpu() {
  local -a f
  read -r -a f < "/proc/$1/stat"
  ticks=$(( f[13] + f[14] ))
}
hz=$(getconf CLK_TCK)

# wait_quiet: other work on the machine (builds, tests) inflates the times. Before each start, wait until the
# machine has been less than 15 % busy for a second, for at most BENCH_QUIET_WAIT seconds (default 120); then
# measure anyway (the report says how much CPU others used). Sets $m_waited to the seconds waited.
wait_quiet() {
  local limit=${BENCH_QUIET_WAIT:-120} start b0 t0 b1 t1
  now_us; start=$now
  while :; do
    read -r _ a b c d e f g h _ < /proc/stat; b0=$(( a + b + c + f + g + h )); t0=$(( b0 + d + e ))
    sleep 1
    read -r _ a b c d e f g h _ < /proc/stat; b1=$(( a + b + c + f + g + h )); t1=$(( b1 + d + e ))
    now_us
    if [ $(( (b1 - b0) * 100 )) -lt $(( (t1 - t0) * 15 )) ] || [ $(( (now - start) / 1000000 )) -ge "$limit" ]; then
      break
    fi
  done
  m_waited=$(( (now - start) / 1000000 - 1 ))
  [ "$m_waited" -lt 2 ] || say "  (waited ${m_waited} s for other work on the machine to calm down)"
}

# failed KEY MESSAGE: prints the message and the tail of the portal's output, then ends the script (the EXIT
# trap stops the portal and removes the temporary folder).
failed() {
  say "The portal ($1) $2. Its output:"
  sleep 0.2
  tail -n 40 "$log" >&2 || true
  exit 1
}

# measure KEY DBDIR [VAR=value ...]: starts the portal ($app, from the web project's folder, which is the content
# root) on DBDIR/biosirk.db and sets
#   m_ready      ms from launching the process to the first 200 of /health/ready,
#   m_rss/m_hwm  VmRSS and VmHWM (kB) after idle_s seconds of idleness,
#   m_anon/m_file/m_shmem  the anonymous, file-backed and shared-memory parts of that VmRSS (kB),
#   m_cpu        CPU time (ms, user+system, all threads) the portal had used when it was ready,
#   m_other      CPU time (ms) the rest of the machine used meanwhile (noise from other work),
#   m_banner     ms to the demo login list (printed after the migrations and the seeding; "-" if none),
#   m_listening  ms to Kestrel's "Now listening" log line.
# It sets globals rather than printing, so that it runs in the main shell and the EXIT trap knows $pid.
measure() {
  local key=$1 dir=$2; shift 2
  local port t0 deadline busy0
  port=$(free_port 55100 55300)
  log="$dir/portal.$key.log"
  mkdir -p "$dir"
  wait_quiet
  cpu_busy; busy0=$busy
  now_us; t0=$now
  # env execs dotnet, and "dotnet app.dll" runs the app in the same process, so $! is the portal's PID.
  # The output goes through a reader that prefixes each line with its arrival time (µs since t0).
  (cd "$web" && exec env \
      ASPNETCORE_ENVIRONMENT=Production \
      Database__Provider=Sqlite \
      Database__ConnectionString="Data Source=$dir/biosirk.db" \
      Email__PickupFolder="$dir/mail" \
      Demo__Seed=true \
      "$@" \
      dotnet "$app" --urls "http://127.0.0.1:$port") \
    > >(while IFS= read -r line; do t=$EPOCHREALTIME; printf '%s %s\n' "$(( ${t/[.,]/} - t0 ))" "$line"; done > "$log") 2>&1 &
  pid=$!
  deadline=$(( t0 + start_timeout_s * 1000000 ))
  trap '' PIPE   # a write to a connection the portal closed must fail, not end the script
  while :; do
    alive "$pid" || failed "$key" "exited before it was ready"
    probe "$port"
    now_us
    [ "$code" = 200 ] && break
    [ "$now" -le "$deadline" ] || failed "$key" "was not ready within ${start_timeout_s} s (last answer: ${code:-none})"
    nap
  done
  trap - PIPE
  m_ready=$(( (now - t0) / 1000 ))
  proc_cpu "$pid"; cpu_busy
  m_cpu=$(( ticks * 1000 / hz ))
  m_other=$(( (busy - busy0 - ticks) * 1000 / hz ))
  [ "$m_other" -ge 0 ] || m_other=0
  # Cross-check of the home-made probe with a real client (once, after the measurement).
  code=$(curl -s -o /dev/null -w '%{http_code}' --noproxy '*' --max-time 10 "http://127.0.0.1:$port/health/ready" || true)
  [ "$code" = 200 ] || failed "$key" "answered 200 to the probe but $code to curl"
  sleep "$idle_s"
  alive "$pid" || failed "$key" "died while idle"
  m_rss=$(awk '/^VmRSS:/{print $2}' "/proc/$pid/status")
  m_hwm=$(awk '/^VmHWM:/{print $2}' "/proc/$pid/status")
  m_anon=$(awk '/^RssAnon:/{print $2}' "/proc/$pid/status")    # GC heaps, native heaps, stacks
  m_file=$(awk '/^RssFile:/{print $2}' "/proc/$pid/status")    # mapped files: the runtime, assemblies, SQLite
  m_shmem=$(awk '/^RssShmem:/{print $2}' "/proc/$pid/status")  # .NET's W^X double mapping: JIT'd code, stubs
  stop_portal
  m_banner=$(awk '/demodata/{print int($1/1000); exit}' "$log")
  m_listening=$(awk '/Now listening on/{print int($1/1000); exit}' "$log")
  m_banner=${m_banner:--}
  m_listening=${m_listening:--}
}

# Cases: key|label|fresh-or-restart|extra env. The informative ones only run with --extra.
cases=(
  "fresh|fresh database (migrate + seed)|fresh|"
  "restart|existing database (restart)|restart|"
)
if [ "$extra" = 1 ]; then
  cases+=(
    "fresh-noseed|informative: fresh database, Demo__Seed=false (migrate only)|fresh|Demo__Seed=false"
    "restart-nopgo|informative: restart, DOTNET_TieredPGO=0|restart|DOTNET_TieredPGO=0"
    "restart-notiered|informative: restart, DOTNET_TieredCompilation=0|restart|DOTNET_TieredCompilation=0"
    "restart-wksgc|informative: restart, DOTNET_gcServer=0 (workstation GC)|restart|DOTNET_gcServer=0"
    "restart-nowx|informative: restart, DOTNET_EnableWriteXorExecute=0 (no W^X)|restart|DOTNET_EnableWriteXorExecute=0"
    "fresh-r2r|informative: fresh database, ReadyToRun publish|fresh|"
    "restart-r2r|informative: restart, ReadyToRun publish|restart|"
  )
  # The *-r2r cases run a ReadyToRun publish (precompiled code for the app and its NuGet packages, which
  # "dotnet build" leaves to the JIT), made in the temporary folder.
  say "Publishing a ReadyToRun build for the informative rows ..."
  dotnet publish "$web/BioSirk.Portal.Web.csproj" -c Release --use-current-runtime --self-contained false \
    -p:PublishReadyToRun=true -o "$work/r2r" -nologo -v quiet >&2
fi

# Other work on the machine (a build, tests) skews the numbers: the load averages go into the report.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
mkdir -p "$root/etc/bench/results"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
raw="$root/etc/bench/results/startup-$stamp.csv"
echo "case,run,ready_ms,idle_rss_kb,peak_hwm_kb,banner_ms,listening_ms,cpu_to_ready_ms,other_cpu_ms,idle_rss_anon_kb,idle_rss_file_kb,idle_rss_shmem_kb,waited_for_quiet_s,counted" > "$raw"

for run in $(seq 1 "$runs"); do
  # One database folder per run, shared by its cases in order: "fresh" creates and seeds it, the restarts reuse it.
  # The other fresh cases get a folder of their own.
  seeded="$work/run$run"
  for c in "${cases[@]}"; do
    IFS='|' read -r key label kind envs <<< "$c"
    dir=$seeded
    case "$key" in
      fresh-r2r|restart-r2r) dir="$work/run$run-r2r" ;;   # the R2R restart reuses the R2R fresh database
      fresh-*) dir="$work/run$run-$key" ;;
    esac
    app="$dll"
    [ "${key%-r2r}" = "$key" ] || app="$work/r2r/BioSirk.Portal.Web.dll"
    # A start during which other processes took more than max_other_pct % of the machine's CPU measured them
    # as much as the portal: it is repeated, at most max_repeats times, and the last attempt counts. The CSV
    # keeps every attempt (counted = no for the repeated ones) and the report says how many there were.
    attempt=0
    while :; do
      attempt=$((attempt + 1))
      [ "$kind" = fresh ] && rm -rf "$dir"
      # shellcheck disable=SC2086  # envs is a space-separated list of VAR=value words
      measure "$key" "$dir" $envs
      disturbed=0
      [ $(( m_other * 100 )) -le $(( m_ready * ncpu * max_other_pct )) ] || disturbed=1
      counted=yes
      [ "$disturbed" = 1 ] && [ "$attempt" -le "$max_repeats" ] && counted=no
      say "run $run/$runs  $(printf '%-16s' "$key") ready ${m_ready} ms (CPU ${m_cpu} ms; others ${m_other} ms)  idle RSS $((m_rss / 1024)) MB  peak $((m_hwm / 1024)) MB  (banner ${m_banner} ms, listening ${m_listening} ms)$([ "$counted" = no ] && echo '  -> disturbed, repeating')"
      echo "$key,$run,$m_ready,$m_rss,$m_hwm,$m_banner,$m_listening,$m_cpu,$m_other,$m_anon,$m_file,$m_shmem,$m_waited,$counted" >> "$raw"
      [ "$counted" = yes ] && break
    done
  done
  rm -rf "$seeded" "$work/run$run-"*
done

# summary KEY COLUMN: median (mean of the two middle values when the count is even) and max of one CSV column for one case
summary() {
  awk -F, -v k="$1" -v col="$2" 'NR > 1 && $1 == k && $14 == "yes" && $col != "-" {print $col}' "$raw" | sort -n |
    awk '{v[NR] = $1} END {
      if (NR == 0) { print "- -"; exit }
      m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      printf "%d %d\n", m + 0.5, v[NR] }'
}
mb() { [ "$1" = - ] && printf -- '-' || printf '%d' "$(( ($1 + 512) / 1024 ))"; }
verdict() { if [ "$1" -lt "$2" ]; then printf 'yes'; else printf '**no**'; fi; }

table=$(
  echo "| Case | Ready median (ms) | Ready max (ms) | Idle RSS median (MB) | Idle RSS max (MB) | Peak VmHWM median (MB) | Peak VmHWM max (MB) | Ready < 2 s? | Idle < 150 MB? |"
  echo "|---|--:|--:|--:|--:|--:|--:|:-:|:-:|"
  for c in "${cases[@]}"; do
    IFS='|' read -r key label kind envs <<< "$c"
    read -r rm_ rx <<< "$(summary "$key" 3)"
    read -r sm sx <<< "$(summary "$key" 4)"
    read -r hm hx <<< "$(summary "$key" 5)"
    if [ "${label#informative}" != "$label" ]; then
      ok1="(n/a)"; ok2="(n/a)"; label="*${label}*"
    else
      ok1=$(verdict "$rm_" "$target_ready_ms"); ok2=$(verdict "$(mb "$sm")" "$target_rss_mb")
    fi
    echo "| $label | $rm_ | $rx | $(mb "$sm") | $(mb "$sx") | $(mb "$hm") | $(mb "$hx") | $ok1 | $ok2 |"
  done
)
phases=$(
  echo "| Case | Demo banner printed (ms) | Kestrel listening (ms) | Ready (ms) | Portal CPU time to ready (ms) | Idle RssAnon (MB) | Idle RssFile (MB) | Idle RssShmem (MB) |"
  echo "|---|--:|--:|--:|--:|--:|--:|--:|"
  for c in "${cases[@]}"; do
    IFS='|' read -r key label kind envs <<< "$c"
    echo "| $label | $(summary "$key" 6 | cut -d' ' -f1) | $(summary "$key" 7 | cut -d' ' -f1) | $(summary "$key" 3 | cut -d' ' -f1) | $(summary "$key" 8 | cut -d' ' -f1) | $(mb "$(summary "$key" 10 | cut -d' ' -f1)") | $(mb "$(summary "$key" 11 | cut -d' ' -f1)") | $(mb "$(summary "$key" 12 | cut -d' ' -f1)") |"
  done
)
# Share of the machine's CPU that other processes used while the starts were measured (launch to ready).
others=$(awk -F, -v n="$ncpu" 'NR > 1 && $14 == "yes" {o += $9; w += $3} END {printf "%d", (w > 0) ? 100 * o / (w * n) + 0.5 : 0}' "$raw")
repeated=$(awk -F, 'NR > 1 && $14 == "no"' "$raw" | wc -l)
still_disturbed=$(awk -F, -v n="$ncpu" -v p="$max_other_pct" 'NR > 1 && $14 == "yes" && $9 * 100 > $3 * n * p' "$raw" | wc -l)

commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git -C "$root" status --porcelain -- src angular-free-razor-ui 2>/dev/null)" ]; then
  commit="$commit (with uncommitted changes to the app)"
fi
cpu=$(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo)
[ -n "$cpu" ] || cpu=$(lscpu 2>/dev/null | awk -F': +' '/^Model name/{print $2; exit}')
runtime=$(dotnet --list-runtimes 2>/dev/null | awk '/^Microsoft.AspNetCore.App/{v=$2} END{print v}')

section=$(cat <<EOF

## Startup — $(date -u '+%Y-%m-%d %H:%M UTC')

Commit \`$commit\`, $runs runs per case, idle reading ${idle_s} s after ready.
Machine: ${cpu:-unknown CPU}, $(nproc) CPUs (\`nproc\`), $(free -g | awk '/^Mem:/{print $2}') GB total memory (\`free -g\`);
ASP.NET Core runtime ${runtime:-unknown}, \`$(uname -sr)\`, run as $(if is_root; then echo root; else echo "a normal user"; fi).
Load average (1/5/15 min) before the runs: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg).
Other processes used ${others}% of the machine's CPU during the counted starts (launch to ready); $repeated start(s)
were repeated because others used more than ${max_other_pct}% during them, and $still_disturbed counted start(s) were
still above that after ${max_repeats} repeats. Times from a busy machine are too high; the CPU time column much less so.
Yes/no: the median against the target. MB = MiB.

$table

Where the start time and the memory go (medians; times in ms after the process was launched; the demo banner
is printed after the migrations and the seeding, before the web pipeline is built and Kestrel starts; CPU time
counts all the portal's threads, so it can exceed the wall time; idle RSS = RssAnon (GC and native heaps) +
RssFile (mapped runtime and assemblies) + RssShmem (.NET's W^X double mapping of JIT'd code and stubs)):

$phases
EOF
)

bench="$root/BENCHMARKS.md"
if [ ! -f "$bench" ]; then
  cat > "$bench" <<'EOF'
# Benchmarks

Measured numbers of the BioSirk Portal, newest at the bottom. Each section is appended by the script that
measured it, with the date, the machine and the commit, so numbers from different machines are not compared blindly.

## How the startup benchmark works

Run `etc/bench/startup.sh [runs]` (default 5 runs; `--no-build` skips the Release build, `--extra` adds
informative rows and takes a few minutes more). It builds the portal in Release, then starts the built portal
(the ReadyToRun publish in `artifacts/web` that `etc/run.sh` starts) on its embedded default — SQLite, demo data, Production
environment, on a free port of 127.0.0.1 — and stops it again, once per case and run:

- **fresh database (migrate + seed)**: a new, empty SQLite file in a temporary folder, so the start includes
  every migration and the demo seeding (councils, counties and ten users with hashed passwords);
- **existing database (restart)**: the same file started again, as in a normal restart.

Other work on the machine inflates start times, so before each start the script waits (at most 2 min) for the
machine to be quiet, and a start during which other processes used more than 20 % of the machine's CPU is
repeated (at most 3 times; every attempt stays in the raw CSV).

Per start it measures:

- **Ready**: milliseconds from launching the process to the first HTTP 200 of `/health/ready`, polled every
  10 ms (with bash's `/dev/tcp`, not curl: a curl costs ~18 ms of CPU here, and polling with it would slow the
  start it measures by a third of a CPU; curl only cross-checks the answer once afterwards);
- **Idle RSS**: the working set (`VmRSS` of `/proc/PID/status`) 5 s after ready, with no requests;
- **Peak VmHWM**: the highest RSS the process had reached by then (`VmHWM`);
- **CPU time to ready**: user + system time of all the portal's threads until ready (`/proc/PID/stat`), which
  other work on the machine barely changes, unlike the wall time; the report also says how much CPU other
  processes used meanwhile, so a noisy measurement shows as one.

The tables give the median and the max over the runs. Raw per-start values are kept in `etc/bench/results/`
(ignored by git). Rows marked *informative* change something (no demo seed; JIT, GC or W^X settings; a
ReadyToRun build) only to show where time and memory go; they are not results and are not judged against the
targets. The ReadyToRun rows run a `dotnet publish -p:PublishReadyToRun=true` of the same commit instead of the
`dotnet build` output.

**Targets** (from the issue): ready in **under 2 s**, idle working set **under 150 MB**.
EOF
fi
printf '%s\n' "$section" >> "$bench"

printf '%s\n' "$table"
say ""
say "Appended to $bench; raw values in $raw"
