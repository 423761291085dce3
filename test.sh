#!/usr/bin/env bash
# Installs what the test suite needs (only what is missing), then runs every test project.
#
#   ./test.sh                 install missing dependencies, run all tests
#   ./test.sh --filter X      extra arguments go to `dotnet test`
#
# Browser tests save screenshots to $FACTORYPATH_ARTIFACTS (artifacts/test by default).
# To add a dependency (PostgreSQL, Mosquitto, libmodbus…): write an ensure_* function
# below and add its name to DEPENDENCIES.
set -euo pipefail

cd "$(dirname "$0")"

CONFIGURATION=Debug
SOLUTION=FactoryPath.slnx
DEPENDENCIES=(ensure_chromium ensure_cjk_fonts ensure_mosquitto ensure_libmodbus)

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
echo "duration:    $((SECONDS - started)) s"
echo "dotnet exit: $status"
echo "======================================================"
echo "Total: $passed passed, $failed failed, $skipped skipped"
exit "$status"
