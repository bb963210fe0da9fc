# Shared by the fault scripts: the benchmarks' helpers (token, summarise, prepare_seeding) with the app on
# its own ports and data folder, started and restarted in local mode, and the embedded PostgreSQL's process.
set -euo pipefail
FAULTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH_DATA="${FAULT_DATA:-$FAULTS/../../target/fault-data}"
APP_PORT="${APP_PORT:-8093}"
KC_PORT="${KC_PORT:-8193}"
# shellcheck source=../../docs/benchmarks/lib.sh
source "$FAULTS/../../docs/benchmarks/lib.sh"
BENCH_DATA="$(mkdir -p "$BENCH_DATA" && cd "$BENCH_DATA" && pwd)"
APP_PID=
FAILURES=()

# Starts the packaged app in local mode (embedded PostgreSQL, local Keycloak) and waits until it is ready.
# FRESH=1 (the default for the first start) deletes the data folder first; a restart keeps it.
launch_app() {
  [ -f "$ROOT/target/quarkus-app/quarkus-run.jar" ] || (cd "$ROOT" && ./mvnw -q -DskipTests package)
  if [ "${1:-fresh}" = fresh ]; then rm -rf "$BENCH_DATA"; fi
  mkdir -p "$BENCH_DATA"
  (cd "$ROOT" && exec java -Xmx1g ${BENCH_JAVA_OPTS:-} -Dquarkus.http.port="$APP_PORT" -Dannotator.local.data-dir="$BENCH_DATA" \
      -Dannotator.local.enabled=true -Dannotator.local.keycloak-port="$KC_PORT" -jar target/quarkus-app/quarkus-run.jar >>"$BENCH_DATA/app.log" 2>&1) &
  APP_PID=$!
  for _ in $(seq 1 360); do
    curl -sf -o /dev/null "$APP/q/health/ready" && return 0
    kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$BENCH_DATA/app.log"; return 1; }
    sleep 0.5
  done
  echo "app did not start" >&2; return 1
}

# Stops the app normally (its shutdown stops the local Keycloak and PostgreSQL it started).
stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=
}
trap stop_app EXIT

postmaster_pid() { head -1 "$BENCH_DATA/postgres/postmaster.pid" 2>/dev/null || true; }

# postmaster_command PID FILE : how the running postmaster was started (binary, data folder, options), one word a line
postmaster_command() { tr '\0' '\n' <"/proc/$1/cmdline" >"$2"; }

# start_postgres_again FILE : starts PostgreSQL again as it was started (same binaries, data folder, port, durability
# settings) with its pg_ctl; as root in a user namespace of its own, as the embedded-postgres library does, since
# PostgreSQL refuses to run as root. Fails while the killed server's backends still hold its shared memory.
start_postgres_again() {
  local cmd wrap=()
  mapfile -t cmd <"$1"
  [ "$(id -u)" = 0 ] && wrap=(unshare -U)
  "${wrap[@]}" "$(dirname "${cmd[0]}")/pg_ctl" -D "${cmd[2]}" -l "$BENCH_DATA/postgres-again.log" -w -t 60 -o "${cmd[*]:3}" start
}

rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo -1; }

# check NAME CONDITION-EXIT-STATUS DETAIL : records a failed check; the summary line counts them
check() {
  if [ "$2" -eq 0 ]; then echo "  ok   $1${3:+: $3}"; else echo "  FAIL $1${3:+: $3}"; FAILURES+=("$1"); fi
}

# summary SCRIPT : one PASS/FAIL line, and the exit status
summary() {
  if [ ${#FAILURES[@]} -eq 0 ]; then
    echo "PASS $1"
  else
    echo "FAIL $1: ${FAILURES[*]}"
    exit 1
  fi
}
