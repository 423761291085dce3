#!/usr/bin/env bash
# Installs what the test suite needs (only what is missing), then runs every test project.
#
#   ./test.sh                 install missing dependencies, run all tests
#   ./test.sh --filter X      extra arguments go to `dotnet test`
#
# After the tests, the load test's smoke run (bench/load/run.sh --quick): the real platform on a tiny generated data
# set, each main page and API endpoint driven with wrk for about 2 s; its report lands in $FACTORYPATH_ARTIFACTS.
#
# Browser tests save screenshots to $FACTORYPATH_ARTIFACTS (artifacts/test by default).
# The platform tests (tests/FactoryPath.Web.Tests) run twice: on SQLite, then on a throw-away PostgreSQL server.
# To add a dependency (PostgreSQL, Mosquitto, libmodbus…): write an ensure_* function
# below and add its name to DEPENDENCIES.
set -euo pipefail

cd "$(dirname "$0")"

CONFIGURATION=Debug
SOLUTION=FactoryPath.slnx
DEPENDENCIES=(ensure_chromium ensure_cjk_fonts ensure_mosquitto ensure_libmodbus ensure_postgres ensure_wrk)

export FACTORYPATH_ARTIFACTS="${FACTORYPATH_ARTIFACTS:-$PWD/artifacts/test}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

log() { printf '[test.sh] %s\n' "$*"; }

# --- package installation -------------------------------------------------

APT_UPDATED=0

apt_install() {
  local runner=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { log "need root (or sudo) to install: $*"; return 1; }
    runner=(sudo)
  fi
  if [[ $APT_UPDATED -eq 0 ]]; then
    log "apt-get update"
    "${runner[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    APT_UPDATED=1
  fi
  log "apt-get install $*"
  "${runner[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# --- dependencies: one function each ---------------------------------------

ensure_chromium() {
  if [[ -x /usr/bin/chromium ]]; then
    log "chromium: present ($(/usr/bin/chromium --version 2>/dev/null || echo 'version unknown'))"
    return
  fi
  apt_install chromium
}

ensure_cjk_fonts() {
  # grep without -q reads all input: with -q, fc-list could die of SIGPIPE and pipefail would report "missing".
  if command -v fc-list >/dev/null && fc-list : family | grep -i "Noto Sans CJK" >/dev/null; then
    log "fonts-noto-cjk: present"
    return
  fi
  local packages=(fonts-noto-cjk)
  command -v fc-list >/dev/null || packages+=(fontconfig)
  apt_install "${packages[@]}"
  fc-cache -f >/dev/null 2>&1 || true
}

ensure_mosquitto() {
  # the edge tests start their own brokers on free loopback ports, in temp folders, and stop them by pid
  if [[ -x /usr/sbin/mosquitto && -x /usr/bin/mosquitto_passwd ]]; then
    log "mosquitto: present"
    return
  fi
  apt_install mosquitto
}

ensure_libmodbus() {
  # the edge tests compile a small libmodbus server (tests/FactoryPath.Edge.Tests/Peers) with gcc at set-up
  if command -v gcc >/dev/null && command -v pkg-config >/dev/null && pkg-config --exists libmodbus 2>/dev/null; then
    log "libmodbus: present ($(pkg-config --modversion libmodbus))"
    return
  fi
  local packages=(libmodbus-dev)
  command -v gcc >/dev/null || packages+=(gcc libc6-dev)
  command -v pkg-config >/dev/null || packages+=(pkg-config)
  apt_install "${packages[@]}"
}

ensure_postgres() {
  # A throw-away PostgreSQL server for the platform tests: its own cluster in a temp folder, on a free loopback port,
  # a role with a generated password; stopped by its own pid file and deleted when this script exits.
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -z $bin || ! -x $bin/initdb ]]; then
    apt_install postgresql
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  log "postgresql: present ($("$bin/postgres" --version))"

  local as_pg=()
  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/factorypath-pg.XXXXXX")
  if [[ $(id -u) -eq 0 ]]; then
    # initdb and postgres refuse to run as root: the cluster belongs to the package's postgres user
    as_pg=(runuser -u postgres --)
    chown postgres:postgres "$PG_DIR"
  fi
  PG_BIN=$bin
  PG_AS=("${as_pg[@]}")
  trap stop_postgres EXIT

  local superpw password
  superpw=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
  password=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
  printf '%s\n' "$superpw" >"$PG_DIR/pwfile"
  [[ ${#as_pg[@]} -eq 0 ]] || chown postgres:postgres "$PG_DIR/pwfile"
  "${as_pg[@]}" "$bin/initdb" -D "$PG_DIR/data" -U postgres --pwfile="$PG_DIR/pwfile" --auth=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log"; return 1; }
  rm -f "$PG_DIR/pwfile"

  # a free port: nothing answers on it, and the server starts on it (retry if another process took it meanwhile)
  local port attempt
  for attempt in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 40000))
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
    # fsync off etc.: the data is thrown away after the run; only speed matters
    if "${as_pg[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start \
      -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=400 -c autovacuum=off -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null; then
      PG_PORT=$port
      break
    fi
  done
  [[ -n ${PG_PORT:-} ]] || { log "postgresql: could not start a server"; cat "$PG_DIR/server.log"; return 1; }

  PGPASSWORD=$superpw "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE ROLE factorypath_test LOGIN CREATEDB PASSWORD '$password'" \
    -c "GRANT pg_signal_backend TO factorypath_test" \
    -c "CREATE DATABASE factorypath_test OWNER factorypath_test" >/dev/null
  # the tests create (and drop) one database per platform instance with this role
  export FACTORYPATH_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Database=factorypath_test;Username=factorypath_test;Password=$password"
  log "postgresql: server on 127.0.0.1:$PG_PORT in $PG_DIR"
}

ensure_wrk() {
  # the load test (bench/load/run.sh) drives the platform with wrk on loopback
  if command -v wrk >/dev/null; then
    log "wrk: present"
    return
  fi
  apt_install wrk
}

stop_postgres() {
  if [[ -n ${PG_DIR:-} && -f $PG_DIR/data/postmaster.pid ]]; then
    "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 60 stop >/dev/null 2>&1 || \
      kill "$(head -n 1 "$PG_DIR/data/postmaster.pid")" 2>/dev/null || true
  fi
  [[ -z ${PG_DIR:-} ]] || rm -rf "$PG_DIR"
}

# --- run -------------------------------------------------------------------

for dependency in "${DEPENDENCIES[@]}"; do
  "$dependency"
done

mkdir -p "$FACTORYPATH_ARTIFACTS"
LOG_FILE="$FACTORYPATH_ARTIFACTS/dotnet-test.log"
RUN_MARKER="$FACTORYPATH_ARTIFACTS/.run-started"
touch "$RUN_MARKER"
started=$SECONDS

log "dotnet test $SOLUTION --configuration $CONFIGURATION $*"
set +e
dotnet test "$SOLUTION" --configuration "$CONFIGURATION" "$@" 2>&1 | tee "$LOG_FILE"
status=${PIPESTATUS[0]}
# the platform's data and API tests once more, on PostgreSQL (each platform instance gets its own database)
pg_started=$SECONDS
log "dotnet test tests/FactoryPath.Web.Tests on PostgreSQL"
FACTORYPATH_TEST_DATABASE=postgres dotnet test tests/FactoryPath.Web.Tests --configuration "$CONFIGURATION" --no-build "$@" 2>&1 | tee -a "$LOG_FILE"
pg_status=${PIPESTATUS[0]}
[[ $pg_status -eq 0 ]] || status=$pg_status
pg_duration=$((SECONDS - pg_started))
# the load test's smoke run on the build above: fails on any answer other than 2xx, socket error or timeout
load_started=$SECONDS
LOAD_LOG="$FACTORYPATH_ARTIFACTS/load-quick.log"
log "bench/load/run.sh --quick"
bench/load/run.sh --quick --configuration "$CONFIGURATION" --no-build --out "$FACTORYPATH_ARTIFACTS/load-quick.md" 2>&1 | tee "$LOAD_LOG"
load_status=${PIPESTATUS[0]}
[[ $load_status -eq 0 ]] || status=$load_status
load_duration=$((SECONDS - load_started))
set -e

# dotnet prints one line per test assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."
passed=0 failed=0 skipped=0
while IFS= read -r line; do
  if [[ $line =~ Failed:[[:space:]]*([0-9]+) ]]; then failed=$((failed + BASH_REMATCH[1])); fi
  if [[ $line =~ Passed:[[:space:]]*([0-9]+) ]]; then passed=$((passed + BASH_REMATCH[1])); fi
  if [[ $line =~ Skipped:[[:space:]]*([0-9]+) ]]; then skipped=$((skipped + BASH_REMATCH[1])); fi
done < <(grep -E '^[[:space:]]*(Passed|Failed)!' "$LOG_FILE" || true)

screenshots=$(find "$FACTORYPATH_ARTIFACTS" -name '*.png' -newer "$RUN_MARKER" | wc -l)

echo
echo "==================== test summary ===================="
grep -E '^[[:space:]]*(Passed|Failed)!' "$LOG_FILE" | sed -E 's/^[[:space:]]+//' || echo "no test assembly reported results"
echo "artifacts:   $FACTORYPATH_ARTIFACTS ($screenshots screenshot(s) this run, log: dotnet-test.log)"
echo "duration:    $((SECONDS - started)) s (of which the PostgreSQL pass: $pg_duration s)"
echo "load test:   bench/load/run.sh --quick exit $load_status in $load_duration s (report: load-quick.md, log: load-quick.log)"
echo "dotnet exit: $status"
echo "======================================================"
echo "Total: $passed passed, $failed failed, $skipped skipped"
exit "$status"
