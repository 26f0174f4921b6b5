#!/usr/bin/env bash
# Starts the BioSirk Portal on the embedded default: SQLite in ./data, demo data, http://localhost:5080 (PORTAL_URLS to change it).
# Running it again keeps the data; delete ./data to start afresh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/etc/lib/prerequisites.sh"

require_dotnet
require_npm_packages "$root"
mkdir -p "$root/data"

say "Bygger portalen ..."
publish_portal "$root"

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export Database__Provider="${Database__Provider:-Sqlite}"
export Database__ConnectionString="${Database__ConnectionString:-Data Source=$root/data/biosirk.db}"
export Email__PickupFolder="${Email__PickupFolder:-$root/data/mail}"
export Demo__Seed="${Demo__Seed:-true}"

urls="${PORTAL_URLS:-http://localhost:5080}"
# Links in e-mails (a new password, a notice) point where the portal runs: the first of its addresses (a wildcard
# host, + or 0.0.0.0, is opened as localhost).
export Email__PortalUrl="${Email__PortalUrl:-$(printf '%s' "${urls%%;*}" | sed -E 's#//(\+|\*|0\.0\.0\.0|\[::\]):#//localhost:#')}"
say "Starter BioSirk-portalen på $urls (stopp med Ctrl+C) ..."
cd "$root/angular-free-razor-ui/BioSirk.Portal.Web"
exec dotnet "$(portal_dll "$root")" --urls "$urls"
