#!/usr/bin/env bash
# Shared by run.sh and test.sh: checks what the portal needs and installs what is missing when run as root.

say() { printf '%s\n' "$*" >&2; }

is_root() { [ "$(id -u)" = "0" ]; }

apt_install() {
  # Installs Debian packages as root; otherwise stops with the command to run.
  if is_root; then
    say "Installerer $* med apt-get ..."
    if [ -z "${BIOSIRK_APT_UPDATED:-}" ]; then
      DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
      export BIOSIRK_APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
  else
    say "Mangler: $*. Installer med: sudo apt-get install -y $*   (eller kjør dette skriptet som root)."
    exit 1
  fi
}

require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    say "Mangler .NET SDK 10. Installer den fra https://dotnet.microsoft.com/download og prøv igjen."
    exit 1
  fi
}

require_npm_packages() {
  local web="$1/angular-free-razor-ui/BioSirk.Portal.Web"
  if [ ! -f "$web/node_modules/bootstrap/dist/css/bootstrap.min.css" ] || [ ! -f "$web/node_modules/@microsoft/signalr/dist/browser/signalr.min.js" ]; then
    if ! command -v npm >/dev/null 2>&1; then
      apt_install nodejs npm
    fi
    say "Henter npm-pakker (Bootstrap, SignalR-klienten) ..."
    (cd "$web" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
}

postgres_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    apt_install postgresql
    dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  printf '%s' "$dir"
}

require_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    apt_install chromium fonts-dejavu-core
  fi
  # The PDF renderer embeds DejaVu Sans or Liberation Sans (æøå); without either, Chromium falls back to whatever
  # fontconfig finds, and Norwegian letters may come out as boxes.
  if ! ls /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf >/dev/null 2>&1 \
    && ! { command -v fc-list >/dev/null 2>&1 && fc-list | grep -q -E 'DejaVu Sans|Liberation Sans'; }; then
    apt_install fonts-dejavu-core
  fi
}

require_redis() {
  if ! command -v redis-server >/dev/null 2>&1 || ! command -v redis-cli >/dev/null 2>&1; then
    apt_install redis-server
  fi
}

free_port() {
  local port
  for port in $(seq "${1:-54330}" "${2:-54430}"); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      printf '%s' "$port"
      return 0
    fi
  done
  say "Fant ingen ledig port."
  exit 1
}

# The portal as etc/run.sh starts it: a Release publish with ReadyToRun code (starts about a third faster than the
# JIT-only build), in artifacts/web. It is run from the web project's folder, whose appsettings, wwwroot and
# node_modules it uses.
portal_dll() { printf '%s' "$1/artifacts/web/BioSirk.Portal.Web.dll"; }

publish_portal() {
  dotnet publish "$1/angular-free-razor-ui/BioSirk.Portal.Web/BioSirk.Portal.Web.csproj" -c Release \
    --use-current-runtime --self-contained false -p:PublishReadyToRun=true \
    -o "$1/artifacts/web" -nologo -v quiet -clp:ErrorsOnly >&2
}

# A PostgreSQL cluster of our own for tests and benchmarks: in "$1/pg" (a temporary folder), on a free port, never the
# system service; run as the postgres user when we are root (initdb refuses root). Sets pg_port and pg_data; stop it
# with stop_private_postgres (put that in the caller's EXIT trap).
start_private_postgres() {
  local work="$1"
  pgbin=$(postgres_bin)
  pg_port=$(free_port 54330 54430)
  pg_data="$work/pg/data"
  if is_root; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    install -d -o postgres "$work/pg"
  else
    mkdir -p "$work/pg"
  fi
  say "Starter PostgreSQL på port $pg_port i $work ..."
  pg_user_run "$pgbin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  pg_user_run "$pgbin/pg_ctl" -D "$pg_data" -l "$work/pg/log" -w start \
    -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null
}

stop_private_postgres() {
  [ -n "${pg_data:-}" ] && pg_user_run "$pgbin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true
}

pg_user_run() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A Redis server of our own for the scale-out tests (the SignalR backplane): in "$1/redis", on a free local port, in
# memory only (no snapshot, no append-only file), never the system service. Sets redis_port and redis_pid; stop it with
# stop_private_redis (put that in the caller's EXIT trap).
start_private_redis() {
  local work="$1" attempt tries
  require_redis
  mkdir -p "$work/redis"
  # Another test run may take the free port between our look and redis-server's bind: then try the next one.
  for attempt in 1 2 3; do
    redis_port=$(free_port 63790 63890) || exit 1
    say "Starter Redis på port $redis_port i $work ..."
    redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$work/redis" --save '' --appendonly no --daemonize no \
      --logfile "$work/redis/log" &
    redis_pid=$!
    for tries in $(seq 1 50); do
      if redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null | grep -q PONG; then
        return 0
      fi
      kill -0 "$redis_pid" 2>/dev/null || break
      sleep 0.2
    done
    stop_private_redis
  done
  say "Redis startet ikke. Loggen: $work/redis/log"
  cat "$work/redis/log" >&2 2>/dev/null
  exit 1
}

stop_private_redis() {
  if [ -n "${redis_pid:-}" ]; then
    kill "$redis_pid" 2>/dev/null
    wait "$redis_pid" 2>/dev/null
    redis_pid=
  fi
  return 0
}
