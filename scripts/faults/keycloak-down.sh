#!/usr/bin/env bash
# Fault check: Keycloak killed (kill -9) under a running app, then started again.
#
# Starts the packaged app in local mode (embedded PostgreSQL, local Keycloak) on its own ports and
# data folder, signs in through Keycloak's login form (session cookie) and takes a bearer token, then
# kills Keycloak and checks what the README promises for an outage:
#   - the session and the token taken before keep working, reading and writing;
#   - a signed-out visitor asking for a page gets the page that says sign-in is unavailable (503),
#     and the account administration answers 503 problem+json instead of hanging;
#   - readiness stays up (Keycloak is kept out of it), the keycloak health group says DOWN;
# then starts Keycloak again with the command line local mode started it with, and checks that the app
# recovers by itself: sign-in works again, new tokens are accepted, account administration answers.
# Prints one PASS/FAIL line per check and the timings; exits 1 if any check failed.
#
#   scripts/faults/keycloak-down.sh          (builds the jar first if target/quarkus-app is missing)
# Environment: FAULT_DATA (default target/fault-keycloak-data, wiped first), APP_PORT (8091), KC_PORT (8191),
# OUTAGE_SECONDS (30: how long the app is used with Keycloak down).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA="${FAULT_DATA:-$ROOT/target/fault-keycloak-data}"
APP_PORT="${APP_PORT:-8091}"
KC_PORT="${KC_PORT:-8191}"
OUTAGE_SECONDS="${OUTAGE_SECONDS:-30}"
APP="http://localhost:$APP_PORT"
KC="http://localhost:$KC_PORT/realms/seminar"
FAILED=0
APP_PID=""
KC_PID=""

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN {printf "%.1f", b - a}'; }
check() { # name condition-result(0/1) detail
  if [ "$2" = 0 ]; then echo "PASS  $1${3:+ ($3)}"; else echo "FAIL  $1${3:+ ($3)}"; FAILED=1; fi
}
status() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@"; }
# polls "$@" (a command) every 0.5 s until it succeeds or $LIMIT seconds pass; 0 when it succeeded
until_true() { local end=$(( $(date +%s) + LIMIT )); while ! "$@"; do [ "$(date +%s)" -ge "$end" ] && return 1; sleep 0.5; done; }

cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  # a Keycloak this script started again is not the app's child: stop it (kc.sh forwards SIGTERM)
  if [ -n "$KC_PID" ]; then
    kill "$KC_PID" 2>/dev/null
    for _ in $(seq 1 40); do kill -0 "$KC_PID" 2>/dev/null || break; sleep 0.5; done
    for child in $(pgrep -P "$KC_PID"); do kill -9 "$child" 2>/dev/null; done
    kill -9 "$KC_PID" 2>/dev/null
  fi
  true
}
trap cleanup EXIT

# ---- start -------------------------------------------------------------------
[ -f "$ROOT/target/quarkus-app/quarkus-run.jar" ] || (cd "$ROOT" && ./mvnw -q -DskipTests package) || exit 1
rm -rf "$DATA"; mkdir -p "$DATA"
(cd "$ROOT" && exec java -Xmx1g -Dquarkus.http.port="$APP_PORT" -Dannotator.local.enabled=true \
    -Dannotator.local.data-dir="$DATA" -Dannotator.local.keycloak-port="$KC_PORT" \
    -jar target/quarkus-app/quarkus-run.jar >"$DATA/app.log" 2>&1) &
APP_PID=$!
LIMIT=300 until_true curl -sf -o /dev/null "$APP/q/health/ready" || { tail -20 "$DATA/app.log"; echo "FAIL  the app did not start"; exit 1; }
echo "app up on $APP, Keycloak on http://localhost:$KC_PORT (log: $DATA/app.log)"

token() { # username -> access token (password grant; demo passwords equal usernames)
  curl -s --max-time 10 -d grant_type=password -d client_id=annotator-web -d client_secret=annotator-secret \
    -d username="$1" -d password="$1" "$KC/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
browser_login() { # username cookiejar : the code flow through Keycloak's login form, as a browser does it
  local action
  rm -f "$2"
  action=$(curl -s --max-time 20 -c "$2" -b "$2" -L "$APP/home" | grep -o 'action="[^"]*"' | head -1 | sed 's/action="//;s/"$//;s/&amp;/\&/g')
  [ -n "$action" ] || return 1
  curl -s --max-time 20 -o /dev/null -c "$2" -b "$2" -L -d username="$1" -d password="$1" "$action"
  [ "$(status -b "$2" "$APP/home")" = 200 ]
}
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

JAR="$DATA/session.txt"
browser_login reviewer1 "$JAR"; check "signed in through Keycloak's login form" $? "session cookie in $JAR"
TOKEN=$(token reviewer2); [ -n "$TOKEN" ]; check "bearer token from Keycloak" $?
ADMIN_TOKEN=$(token admin)
DOC=$(curl -s -H "Authorization: Bearer $TOKEN" "$APP/api/documents" | json 'd[0]["id"]')
BODY=$(curl -s -H "Authorization: Bearer $TOKEN" "$APP/api/documents/$DOC" | json \
  'json.dumps({"paragraphId": d["sections"][0]["paragraphs"][0]["id"], "start": 0, "end": 12, "quote": d["sections"][0]["paragraphs"][0]["text"][:12], "tags": ["neutrality"]})')
create() { # -> HTTP status of creating an annotation with the bearer token
  curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "$BODY" "$APP/api/documents/$DOC/annotations"
}
[ "$(create)" = 201 ]; check "writes with the token before the outage" $?

# ---- kill Keycloak -------------------------------------------------------------
MARKER="jdbc:h2:file:$DATA/keycloak/h2/keycloakdb"
KC_SH=$(pgrep -f -- "kc.sh start-dev.*$MARKER" | head -1)
[ -n "$KC_SH" ] || { echo "FAIL  no local Keycloak found"; exit 1; }
mapfile -d '' KC_CMD < "/proc/$KC_SH/cmdline"
KC_CWD=$(readlink "/proc/$KC_SH/cwd")
KILLED=$(now)
for pid in $(pgrep -f -- "$MARKER"); do kill -9 "$pid" 2>/dev/null; done
LIMIT=10 until_true bash -c "! curl -s -o /dev/null --max-time 1 '$KC/.well-known/openid-configuration'"
check "Keycloak killed (kill -9)" $? "its processes: $(pgrep -f -- "$MARKER" | wc -l) left"

# ---- during the outage -----------------------------------------------------------
OUT=$(now)
LIMIT=30 until_true bash -c "curl -s --max-time 5 '$APP/home' | grep -q 'Sign-in is unavailable'"
SEEN=$?; check "a signed-out visitor is told sign-in is unavailable" $SEEN "after $(since "$OUT") s; status $(status "$APP/home")"
[ "$(status -b "$JAR" "$APP/home")" = 200 ]; check "the session taken before keeps reading pages" $?
[ "$(status -b "$JAR" "$APP/api/me")" = 200 ]; check "the session keeps working on the API" $?
[ "$(status -H "Authorization: Bearer $TOKEN" "$APP/api/me")" = 200 ]; check "the known token keeps working" $?
# the outage goes on for a while: past the account recheck interval (5 s) and the reachability probe (10 s)
WRITES=0; READS=0; TRIES=0; STARTED=$(now); END=$(( $(date +%s) + OUTAGE_SECONDS ))
while [ "$(date +%s)" -lt "$END" ]; do
  TRIES=$((TRIES + 1))
  [ "$(create)" = 201 ] && WRITES=$((WRITES + 1))
  [ "$(status -b "$JAR" "$APP/home")" = 200 ] && [ "$(status -H "Authorization: Bearer $TOKEN" "$APP/api/me")" = 200 ] && READS=$((READS + 1))
  sleep 0.2
done
[ "$WRITES" = "$TRIES" ]; check "the known token keeps writing" $? "$WRITES/$TRIES annotations created over $(since "$STARTED") s"
[ "$READS" = "$TRIES" ]; check "the session and the token keep reading" $? "$READS/$TRIES rounds of a page and /api/me"
[ -z "$(token reviewer3)" ]; check "no new token can be had (Keycloak is down)" $?
ADMIN_STATUS=$(curl -s -o "$DATA/admin-outage.json" -w '%{http_code} %{content_type} %{time_total}' --max-time 30 \
  -H "Authorization: Bearer $ADMIN_TOKEN" "$APP/api/admin/users")
case "$ADMIN_STATUS" in 503\ application/problem+json*) R=0 ;; *) R=1 ;; esac
check "account administration answers 503 problem+json" $R "$ADMIN_STATUS s"
[ "$(status "$APP/q/health/ready")" = 200 ]; check "readiness stays up" $?
curl -s "$APP/q/health/group/keycloak" | grep -q '"status" *: *"DOWN"'; check "the keycloak health group says DOWN" $?
echo "      outage lasted $(since "$KILLED") s before the restart"

# ---- Keycloak back, started as local mode starts it -------------------------------
RESTART=$(now)
(cd "$KC_CWD" && exec env $(env | grep -o '^\(KC_\|QUARKUS_\)[^=]*' | sed 's/^/-u /') "${KC_CMD[@]}" \
    </dev/null >>"$DATA/keycloak/keycloak-console.log" 2>&1) &
KC_PID=$!
LIMIT=240 until_true curl -sf -o /dev/null --max-time 2 "$KC/.well-known/openid-configuration"
check "Keycloak started again" $? "answering after $(since "$RESTART") s"
BACK=$(now)
LIMIT=60 until_true bash -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 '$APP/home')\" = 302 ]"
check "sign-in is offered again" $? "$(since "$BACK") s after Keycloak answered"
browser_login reviewer3 "$DATA/session2.txt"; check "a new sign-in through the login form works" $?
NEW_TOKEN=$(token reviewer4)
LIMIT=30 until_true bash -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -H 'Authorization: Bearer $NEW_TOKEN' '$APP/api/me')\" = 200 ]"
check "a token issued after the restart is accepted" $?
[ "$(status -b "$JAR" "$APP/home")" = 200 ]; check "the session from before the outage still works" $?
[ "$(create)" = 201 ]; check "the known token still writes" $?
ADMIN_TOKEN=$(token admin); SEEN_STATUSES=""
admin_answers() {
  local st; st=$(status -H "Authorization: Bearer $ADMIN_TOKEN" "$APP/api/admin/users")
  case " $SEEN_STATUSES " in *" $st "*) ;; *) SEEN_STATUSES="$SEEN_STATUSES $st" ;; esac
  [ "$st" = 200 ]
}
LIMIT=60 until_true admin_answers
check "account administration answers again" $? "statuses seen until then:$SEEN_STATUSES"
LIMIT=30 until_true bash -c "curl -s '$APP/q/health/group/keycloak' | grep -q '\"status\" *: *\"UP\"'"
check "the keycloak health group says UP" $?
kill -0 "$APP_PID" 2>/dev/null; check "the app was never restarted" $? "pid $APP_PID"

if [ "$FAILED" = 0 ]; then echo "PASS  keycloak-down: all checks"; else echo "FAIL  keycloak-down: see above"; fi
exit "$FAILED"
