#!/usr/bin/env bash
# The app dies under load (kill -9) and is started again on the same data folder: 16 clients create annotations
# and an event stream follows the document when the app's process is killed. Checks: every create answered 201 is
# in the database; every annotation stored has its history row ('create') and its journal row (annotation_event),
# i.e. nothing half written; the app starts again on the data it left, and creates succeed; the event stream,
# reconnecting with Last-Event-ID, gets every event it missed (those journaled after the last one it had).
# Usage: scripts/faults/kill-app.sh   (NO_BUILD=1 uses the packaged app as it is; CLIENTS)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
CLIENTS="${CLIENTS:-16}"
BEFORE_SECONDS="${BEFORE_SECONDS:-10}"
DEADLINE_SECONDS="${DEADLINE_SECONDS:-20}"
PG_PORT="${PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])')}"

[ "${NO_BUILD:-0}" = 1 ] || (cd "$ROOT" && ./mvnw -o -q -DskipTests package)
export BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-} -Dannotator.local.postgres-port=$PG_PORT"
launch_app fresh
prepare_seeding
TOKEN=$(token reviewer1)
BODY="{\"paragraphId\":\"$PARA\",\"start\":0,\"end\":30,\"quote\":\"$QUOTE\",\"tags\":[\"neutrality\"]}"
RUN="$BENCH_DATA/kill-app"; mkdir -p "$RUN"; rm -f "$RUN"/*
stop_all() { stop_app; local pm; pm=$(postmaster_pid); [ -n "$pm" ] && kill "$pm" 2>/dev/null || true; }
trap stop_all EXIT

echo "== $CLIENTS clients create annotations; the app (pid $APP_PID) is killed after ${BEFORE_SECONDS} s"
java "$FAULTS/CreateLoad.java" "$APP/api/documents/$DOC/annotations" "$TOKEN" "$BODY" "$CLIENTS" "$DEADLINE_SECONDS" "$RUN/stop" "$RUN/requests.tsv" &
LOAD_PID=$!
# a live reader (another reviewer of the group) follows the document until the app dies
curl -s -N -H "Authorization: Bearer $(token reviewer2)" -H 'Accept: text/event-stream' "$APP/api/documents/$DOC/events" \
  >"$RUN/events-before.txt" 2>/dev/null &
STREAM_PID=$!
sleep "$BEFORE_SECONDS"
kill -9 "$APP_PID"
wait "$APP_PID" 2>/dev/null || true
APP_PID=
echo "   killed the app"
sleep 2
touch "$RUN/stop"
wait "$LOAD_PID"
wait "$STREAM_PID" 2>/dev/null || true
LAST_ID=$(grep -o '^id: *[0-9]*' "$RUN/events-before.txt" | tail -1 | grep -o '[0-9]*$' || true)
echo "   the stream had $(grep -c '^id:' "$RUN/events-before.txt" || true) events before the kill, the last id ${LAST_ID:-none}"

# started again on the same data folder (its start stops the PostgreSQL the killed app left running)
launch_app keep
echo "   the app started again"
AFTER_STATUS=$(curl -s -o /dev/null -w '%{http_code}' -m "$DEADLINE_SECONDS" -H "Authorization: Bearer $(token reviewer1)" \
  -H 'Content-Type: application/json' -d "$BODY" "$APP/api/documents/$DOC/annotations" || true)

PGPORT_NOW=$(grep -o 'Local PostgreSQL 17 running on port [0-9]*' "$BENCH_DATA/app.log" | tail -1 | grep -o '[0-9]*$')
PSQL="psql -q -h localhost -p $PGPORT_NOW -U postgres -d postgres -v ON_ERROR_STOP=1"
awk -F'\t' '$3 == 201 {print $4}' "$RUN/requests.tsv" | sort -u >"$RUN/acknowledged.txt"
$PSQL -At -c "select id from annotation" | sort -u >"$RUN/stored.txt"
ACKED=$(wc -l <"$RUN/acknowledged.txt")
STORED=$(wc -l <"$RUN/stored.txt")
LOST=$(comm -23 "$RUN/acknowledged.txt" "$RUN/stored.txt" | wc -l)
NO_HISTORY=$($PSQL -At -c "select count(*) from annotation a where not exists
  (select 1 from annotation_history h where h.annotation_id = a.id and h.action = 'create')")
NO_JOURNAL=$($PSQL -At -c "select count(*) from annotation a where not exists
  (select 1 from annotation_event e where e.annotation_id = a.id) and a.id not like 'bench%' and a.id not like 'span%'")
# the reader reconnects with the last id it had and must get every event journaled after it
MISSED=$($PSQL -At -c "select count(*) from annotation_event where document_id = '$DOC' and id > ${LAST_ID:-0}")
$PSQL -At -c "select id from annotation_event where document_id = '$DOC' and id > ${LAST_ID:-0}" | sort -n >"$RUN/missed.txt"
curl -s -N -m 10 -H "Authorization: Bearer $(token reviewer2)" -H 'Accept: text/event-stream' -H "Last-Event-ID: ${LAST_ID:-0}" \
  "$APP/api/documents/$DOC/events" >"$RUN/events-after.txt" 2>/dev/null || true
grep -o '^id: *[0-9]*' "$RUN/events-after.txt" | grep -o '[0-9]*$' | sort -n >"$RUN/replayed.txt" || true
NOT_REPLAYED=$(comm -23 <(sort "$RUN/missed.txt") <(sort "$RUN/replayed.txt") | wc -l)
S500=$(awk -F'\t' '$3 ~ /^5/ && $3 != 503' "$RUN/requests.tsv" | wc -l)
echo "== $(wc -l <"$RUN/requests.tsv") requests, $ACKED answered 201; $STORED annotations stored (some may be stored without an answer)"
check "acknowledged writes lost: 0" "$([ "$LOST" -eq 0 ] && [ "$ACKED" -gt 0 ]; echo $?)" "$LOST of $ACKED missing"
check "every annotation has its history" "$([ "$NO_HISTORY" -eq 0 ]; echo $?)" "$NO_HISTORY without"
check "every annotation has its journal row" "$([ "$NO_JOURNAL" -eq 0 ]; echo $?)" "$NO_JOURNAL without"
check "no 500 before the kill" "$([ "$S500" -eq 0 ]; echo $?)" "$S500"
check "the stream catches up through Last-Event-ID" "$([ -n "$LAST_ID" ] && [ "$MISSED" -gt 0 ] && [ "$NOT_REPLAYED" -eq 0 ]; echo $?)" \
  "$MISSED events journaled after id ${LAST_ID:-none}, $NOT_REPLAYED of them not replayed"
check "the app starts again and creates" "$([ "$AFTER_STATUS" = 201 ]; echo $?)" "$AFTER_STATUS"
summary kill-app
