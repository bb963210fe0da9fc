#!/usr/bin/env bash
# Issue 6 speed target: the JSON report of one seminar group over 100,000 annotations (30 reviewers),
# median server time over loopback. Needs a JDK, curl and psql. Usage: docs/benchmarks/report.sh [count]
source "$(dirname "$0")/lib.sh"
COUNT="${1:-100000}"
start_app
prepare_seeding
seed_annotations "$COUNT"
echo "seeded: $($PSQL -At -c "select count(*) || ' annotations by ' || count(distinct author) || ' reviewers' from annotation where document_id = '$DOC'")"
TOKEN=$(token reviewer1)
URL="$APP/api/documents/$DOC/report?group=seminar-a"
for _ in $(seq 1 5); do curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$URL"; done
: > "$BENCH_DATA/times"
for _ in $(seq 1 30); do curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" -w '%{time_total}\n' "$URL" >> "$BENCH_DATA/times"; done
echo "JSON report, seminar-a, $COUNT annotations: $(summarise "$BENCH_DATA/times")"
