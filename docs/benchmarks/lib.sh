# Shared by the benchmark scripts: start the packaged app on its own ports and data folder,
# sign in through Keycloak like a browser, and summarise timings.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_DATA="${BENCH_DATA:-$ROOT/target/bench-data}"
APP_PORT="${APP_PORT:-8089}"
KC_PORT="${KC_PORT:-8189}"
APP="http://localhost:$APP_PORT"
KC="http://localhost:$KC_PORT/realms/seminar"

start_app() {
  [ -f "$ROOT/target/quarkus-app/quarkus-run.jar" ] || (cd "$ROOT" && ./mvnw -q -DskipTests package)
  [ "${FRESH:-1}" = 1 ] && rm -rf "$BENCH_DATA"
  mkdir -p "$BENCH_DATA"
  (cd "$ROOT" && exec java -Xmx1g -Dquarkus.http.port="$APP_PORT" -Dannotator.local.data-dir="$BENCH_DATA" \
      -Dannotator.local.keycloak-port="$KC_PORT" -jar target/quarkus-app/quarkus-run.jar >"$BENCH_DATA/app.log" 2>&1) &
  APP_PID=$!
  trap 'kill $APP_PID 2>/dev/null; wait $APP_PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 240); do
    curl -sf -o /dev/null "$APP/q/health/ready" && return 0
    kill -0 $APP_PID 2>/dev/null || { tail -20 "$BENCH_DATA/app.log"; return 1; }
    sleep 0.5
  done
  echo "app did not start" >&2; return 1
}

token() { # username -> access token (password grant, password = username)
  curl -sf -d grant_type=password -d client_id=annotator-web -d client_secret=annotator-secret \
    -d username="$1" -d password="$1" "$KC/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

browser_login() { # username cookiejar : code flow through Keycloak's login form
  local user=$1 jar=$2 action
  rm -f "$jar"
  action=$(curl -s -c "$jar" -b "$jar" -L "$APP/home" | grep -o 'action="[^"]*"' | head -1 | sed 's/action="//;s/"$//;s/&amp;/\&/g')
  curl -s -o /dev/null -c "$jar" -b "$jar" -L -d username="$user" -d password="$user" "$action"
}

summarise() { # file of seconds, one per line -> median/p95/max in ms
  sort -n "$1" | awk '{a[NR]=$1} END {printf "n=%d median=%.1f ms p95=%.1f ms max=%.1f ms\n", NR, a[int((NR+1)/2)]*1000, a[int(NR*0.95)]*1000, a[NR]*1000}'
}
