#!/usr/bin/env bash
# Median server time of the reading page of the bundled article, measured over loopback with curl
# after 50 warm-up requests. Usage: docs/benchmarks/reading-page.sh [requests]
source "$(dirname "$0")/lib.sh"
N="${1:-300}"
start_app
echo "import of the bundled article: $(grep -o 'Loaded the bundled article as document [a-z0-9]* in [0-9]* ms' "$BENCH_DATA/app.log")"
TOKEN=$(token reviewer1)
DOC=$(curl -sf -H "Authorization: Bearer $TOKEN" "$APP/api/documents" | sed 's/.*"id":"\([^"]*\)".*/\1/')
JAR="$BENCH_DATA/cookies"
browser_login reviewer1 "$JAR"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" "$APP/documents/$DOC")
[ "$code" = 200 ] || { echo "reading page answered $code"; exit 1; }
for _ in $(seq 1 50); do curl -s -o /dev/null -b "$JAR" "$APP/documents/$DOC"; done
: > "$BENCH_DATA/times"
for _ in $(seq 1 "$N"); do
  curl -s -o /dev/null -b "$JAR" -w '%{time_total}\n' "$APP/documents/$DOC" >> "$BENCH_DATA/times"
done
echo "reading page /documents/$DOC ($(curl -s -b "$JAR" "$APP/documents/$DOC" | wc -c) bytes): $(summarise "$BENCH_DATA/times")"
