#!/usr/bin/env bash
# Issue 4 speed targets on the packaged app with its embedded PostgreSQL and local Keycloak:
#  1. the reading page of the bundled article carrying 5,000 annotations by 30 reviewers
#     (HTML page, and the annotation list the page loads), median server time over loopback;
#  2. creating an annotation with 16 concurrent clients, median latency.
# Needs: a JDK, curl, psql (Debian package postgresql-client), wrk (Debian package wrk). Usage: docs/benchmarks/annotations.sh
source "$(dirname "$0")/lib.sh"
start_app
prepare_seeding
seed_annotations 5000
echo "seeded: $($PSQL -At -c "select count(*) || ' annotations by ' || count(distinct author) || ' reviewers' from annotation where document_id = '$DOC'")"

JAR="$BENCH_DATA/cookies"
browser_login admin "$JAR"
measure() { # label url
  for _ in $(seq 1 30); do curl -s -o /dev/null -b "$JAR" "$2"; done
  : > "$BENCH_DATA/times"
  for _ in $(seq 1 200); do curl -s -o /dev/null -b "$JAR" -w '%{time_total}\n' "$2" >> "$BENCH_DATA/times"; done
  echo "$1: $(summarise "$BENCH_DATA/times")"
}
measure "reading page (HTML)" "$APP/documents/$DOC"
measure "annotation list the page loads ($(curl -s -b "$JAR" "$APP/api/documents/$DOC/annotations" | grep -o '"id":"[a-z0-9]*","documentId"' | wc -l) annotations, admin)" "$APP/api/documents/$DOC/annotations"
browser_login reviewer1 "$JAR"
measure "annotation list as reviewer1 (seminar-a)" "$APP/api/documents/$DOC/annotations"

# 16 concurrent clients creating annotations for 20 s with wrk (Debian package wrk)
export TOKEN="$(token reviewer1)"
export BODY="{\"paragraphId\":\"$PARA\",\"start\":0,\"end\":30,\"quote\":\"$QUOTE\",\"tags\":[\"neutrality\"],\"comment\":\"load test\"}"
wrk -t2 -c16 -d5s -s "$(dirname "$0")/create.lua" "$APP/api/documents/$DOC/annotations" > /dev/null  # warm-up
wrk -t2 -c16 -d20s --latency -s "$(dirname "$0")/create.lua" "$APP/api/documents/$DOC/annotations" > "$BENCH_DATA/wrk.txt"
grep -q "Non-2xx" "$BENCH_DATA/wrk.txt" && { echo "some creates failed:"; cat "$BENCH_DATA/wrk.txt"; exit 1; }
echo "create annotation, 16 concurrent clients (wrk, 20 s): median $(awk '$1=="50%"{print $2}' "$BENCH_DATA/wrk.txt")," \
     "p90 $(awk '$1=="90%"{print $2}' "$BENCH_DATA/wrk.txt"), p99 $(awk '$1=="99%"{print $2}' "$BENCH_DATA/wrk.txt")," \
     "$(awk '/Requests\/sec/{print $2}' "$BENCH_DATA/wrk.txt") creates/s"
