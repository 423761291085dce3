#!/usr/bin/env bash
# Load test: starts the platform (factorypath serve) on generated data and drives its main pages and API endpoints
# with wrk on loopback, each for a bounded time, as the role that may see it; /health (a trivial endpoint of the same
# host) before and after gives the ceiling. Prints and writes a table (rps, p50/p90/p99/max, errors, rps ÷ /health)
# and exits non-zero, naming the endpoint, on any answer other than 2xx, socket error or timeout.
#
#   bench/load/run.sh [--data-dir DIR] [--seconds N] [--connections C] [--threads T] [--quick] [--out FILE.md]
#                     [--enterprises N] [--warmup-timeout S] [--password P] [--configuration Release|Debug] [--no-build]
#
# --configuration (default Release) and --no-build choose the build of src/FactoryPath.Cli and the driver
# (bench/FactoryPath.Load); everything else goes to the driver (its usage: bench/load/run.sh --help).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CONFIGURATION=Release
BUILD=1
ARGS=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --configuration) CONFIGURATION=${2:?--configuration needs Release or Debug}; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) ARGS+=("$1"); shift ;;
  esac
done

log() { printf '[load] %s\n' "$*"; }

ensure_wrk() {
  command -v wrk >/dev/null && return
  local runner=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { log "wrk is missing and installing it needs root (or sudo): apt-get install wrk"; exit 1; }
    runner=(sudo)
  fi
  log "apt-get install wrk"
  "${runner[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${runner[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null
  command -v wrk >/dev/null || { log "wrk is still missing after apt-get install"; exit 1; }
}

ensure_wrk
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [[ $BUILD -eq 1 ]]; then
  log "dotnet build ($CONFIGURATION): src/FactoryPath.Cli, bench/FactoryPath.Load"
  dotnet build "$ROOT/src/FactoryPath.Cli" -c "$CONFIGURATION" -v quiet -nologo
  dotnet build "$ROOT/bench/FactoryPath.Load" -c "$CONFIGURATION" -v quiet -nologo
fi

# the driver kills the platform and wrk by pid when it ends, also on Ctrl-C or SIGTERM (exec: signals reach it directly)
exec dotnet "$ROOT/bench/FactoryPath.Load/bin/$CONFIGURATION/net10.0/FactoryPath.Load.dll" --root "$ROOT" --configuration "$CONFIGURATION" "${ARGS[@]}"
