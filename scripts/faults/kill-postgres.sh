#!/usr/bin/env bash
# The database dies under load and comes back: 16 clients create annotations while the embedded PostgreSQL's
# postmaster is killed (kill -9) and, a few seconds later, started again on the same data folder and port.
# Checks: every create answered 201 is in the database (no acknowledged write lost); no 500 during the outage (503
# with Retry-After instead); no request unanswered past the deadline; creates succeed again without restarting the app.
# Usage: scripts/faults/kill-postgres.sh   (NO_BUILD=1 uses the packaged app as it is; CLIENTS, OUTAGE_SECONDS)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
CLIENTS="${CLIENTS:-16}"
BEFORE_SECONDS="${BEFORE_SECONDS:-10}"   # load before the kill
OUTAGE_SECONDS="${OUTAGE_SECONDS:-5}"    # the database is away this long
AFTER_SECONDS="${AFTER_SECONDS:-15}"     # load after the restart
DEADLINE_SECONDS="${DEADLINE_SECONDS:-10}"
PG_PORT="${PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])')}"

[ "${NO_BUILD:-0}" = 1 ] || (cd "$ROOT" && ./mvnw -o -q -DskipTests package)
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-} -Dannotator.local.postgres-port=$PG_PORT" launch_app fresh
prepare_seeding
TOKEN=$(token reviewer1)
BODY="{\"paragraphId\":\"$PARA\",\"start\":0,\"end\":30,\"quote\":\"$QUOTE\",\"tags\":[\"neutrality\"]}"
RUN="$BENCH_DATA/kill-postgres"; mkdir -p "$RUN"; rm -f "$RUN"/*
now_ms() { date +%s%3N; }
# the app's shutdown stops its PostgreSQL; one started again here is stopped as well if it outlives the app
stop_all() { stop_app; local pm; pm=$(postmaster_pid); [ -n "$pm" ] && kill "$pm" 2>/dev/null || true; }
trap stop_all EXIT

echo "== $CLIENTS clients create annotations; PostgreSQL (port $PG_PORT) is killed after ${BEFORE_SECONDS} s, away ${OUTAGE_SECONDS} s"
java "$FAULTS/CreateLoad.java" "$APP/api/documents/$DOC/annotations" "$TOKEN" "$BODY" "$CLIENTS" "$DEADLINE_SECONDS" "$RUN/stop" "$RUN/requests.tsv" &
LOAD_PID=$!
sleep "$BEFORE_SECONDS"
PM=$(postmaster_pid)
postmaster_command "$PM" "$RUN/postmaster.cmd"
KILLED_AT=$(now_ms)
kill -9 "$PM"
echo "   killed postmaster $PM"
sleep "$OUTAGE_SECONDS"
# the orphaned backends exit when they notice the postmaster is gone; until then the data folder is still in use
RESTARTED_AT=
for _ in $(seq 1 20); do
  if start_postgres_again "$RUN/postmaster.cmd" >>"$RUN/restart.log" 2>&1; then
    RESTARTED_AT=$(now_ms); break
  fi
  sleep 1
done
if [ -n "$RESTARTED_AT" ]; then echo "   PostgreSQL started again $(( (RESTARTED_AT - KILLED_AT) / 1000 )) s after the kill"; else tail -20 "$RUN/restart.log"; fi
sleep "$AFTER_SECONDS"
touch "$RUN/stop"
wait "$LOAD_PID"

# after the restart: one more create, answered 201, without restarting the app
AFTER_STATUS=$(curl -s -o "$RUN/after.json" -w '%{http_code}' -m "$DEADLINE_SECONDS" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d "$BODY" "$APP/api/documents/$DOC/annotations" || true)
AFTER_ID=$(sed 's/.*"id":"\([^"]*\)".*/\1/' "$RUN/after.json")
[ "$AFTER_STATUS" = 201 ] && printf '%s\t%s\t201\t%s\n' "$(now_ms)" "$(now_ms)" "$AFTER_ID" >>"$RUN/requests.tsv"

# the answers
awk -F'\t' '$3 == 201 {print $4}' "$RUN/requests.tsv" | sort -u >"$RUN/acknowledged.txt"
$PSQL -At -c "select id from annotation" | sort -u >"$RUN/stored.txt"
ACKED=$(wc -l <"$RUN/acknowledged.txt")
LOST=$(comm -23 "$RUN/acknowledged.txt" "$RUN/stored.txt" | wc -l)
count() { awk -F'\t' -v s="$1" '$3 == s' "$RUN/requests.tsv" | wc -l; }
TOTAL=$(wc -l <"$RUN/requests.tsv")
S500=$(awk -F'\t' '$3 ~ /^5/ && $3 != 503' "$RUN/requests.tsv" | wc -l)
S503=$(count 503)
TIMEOUTS=$(count timeout)
ERRORS=$(count error)
OTHER=$(awk -F'\t' '$3 != 201 && $3 != 503 && $3 !~ /^5/ && $3 != "timeout" && $3 != "error"' "$RUN/requests.tsv" | wc -l)
MAX_MS=$(awk -F'\t' '{d = $2 - $1; if (d > m) m = d} END {print m + 0}' "$RUN/requests.tsv")
DURING=$(awk -F'\t' -v k="$KILLED_AT" -v r="${RESTARTED_AT:-9999999999999}" '$2 >= k && $1 <= r {print $3}' "$RUN/requests.tsv" | sort | uniq -c | awk '{printf "%s%s x%s", sep, $2, $1; sep=", "}')
AFTER_OK=$(awk -F'\t' -v r="${RESTARTED_AT:-9999999999999}" '$1 > r && $3 == 201' "$RUN/requests.tsv" | wc -l)
FIRST_OK_MS=$(awk -F'\t' -v r="${RESTARTED_AT:-9999999999999}" '$1 > r && $3 == 201 {if (m == "" || $2 < m) m = $2} END {print m}' "$RUN/requests.tsv")
echo "== $TOTAL requests: $ACKED answered 201, $S503 answered 503, $S500 other 5xx, $OTHER other, $TIMEOUTS past the ${DEADLINE_SECONDS} s deadline, $ERRORS connection errors; slowest answer $MAX_MS ms"
echo "   between the kill and the restart: ${DURING:-none}"
[ -n "$FIRST_OK_MS" ] && echo "   first 201 $(( FIRST_OK_MS - RESTARTED_AT )) ms after the restart; $AFTER_OK creates answered 201 after it"
check "database back" "$([ -n "$RESTARTED_AT" ]; echo $?)" "restarted on port $PG_PORT"
check "acknowledged writes lost: 0" "$([ "$LOST" -eq 0 ] && [ "$ACKED" -gt 0 ]; echo $?)" "$LOST of $ACKED missing"
check "no 500 during the outage" "$([ "$S500" -eq 0 ]; echo $?)" "$S500"
NOT_PROBLEM=$(awk -F'\t' '$3 == 503 && ($4 ~ /^retry-after=none/ || $4 !~ /type=application\/problem\+json/)' "$RUN/requests.tsv" | wc -l)
check "503 problem+json with Retry-After while the database is away" "$([ "$S503" -gt 0 ] && [ "$NOT_PROBLEM" -eq 0 ]; echo $?)" \
  "$S503, $NOT_PROBLEM without Retry-After or not problem+json"
check "no request past the deadline" "$([ "$TIMEOUTS" -eq 0 ] && [ "$ERRORS" -eq 0 ] && [ "$MAX_MS" -lt $((DEADLINE_SECONDS * 1000)) ]; echo $?)" "slowest $MAX_MS ms"
check "creates succeed again without restarting the app" "$([ "$AFTER_OK" -gt 0 ] && [ "$AFTER_STATUS" = 201 ]; echo $?)" "$AFTER_OK after the restart, the last one $AFTER_STATUS"
check "the app did not restart" "$(kill -0 "$APP_PID" 2>/dev/null; echo $?)" "pid $APP_PID"
summary kill-postgres
