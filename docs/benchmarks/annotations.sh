#!/usr/bin/env bash
# Issue 4 speed targets on the packaged app with its embedded PostgreSQL and local Keycloak:
#  1. the reading page of the bundled article carrying 5,000 annotations by 30 reviewers
#     (HTML page, and the annotation list the page loads), median server time over loopback;
#  2. creating an annotation with 16 concurrent clients, median latency.
# Needs: a JDK, curl, psql (Debian package postgresql-client), wrk (Debian package wrk). Usage: docs/benchmarks/annotations.sh
source "$(dirname "$0")/lib.sh"
start_app
PGPORT=$(grep -o 'Local PostgreSQL 17 running on port [0-9]*' "$BENCH_DATA/app.log" | grep -o '[0-9]*$')
PSQL="psql -q -h localhost -p $PGPORT -U postgres -d postgres -v ON_ERROR_STOP=1"
T1=$(token reviewer1)
DOC=$(curl -sf -H "Authorization: Bearer $T1" "$APP/api/documents" | sed 's/.*"id":"\([^"]*\)".*/\1/')
# One real annotation through the API records seminar-a's Keycloak id; 5,000 more are seeded in SQL.
read -r PARA QUOTE < <($PSQL -At -F ' ' -c "select id, substr(text, 1, 30) from paragraph where document_id = '$DOC' and number = 1")
curl -sf -o /dev/null -H "Authorization: Bearer $T1" -H 'Content-Type: application/json' \
  -d "{\"paragraphId\":\"$PARA\",\"start\":0,\"end\":30,\"quote\":\"$QUOTE\",\"tags\":[\"neutrality\"]}" "$APP/api/documents/$DOC/annotations"
$PSQL <<SQL
with g as (select id from seminar_group limit 1),
     paras as (select id, text, row_number() over (order by number) - 1 as i, count(*) over () as n
               from paragraph where document_id = '$DOC'),
     rows as (
       select s, p.id as paragraph_id, p.text,
              (s * 7919) % greatest(length(p.text) - 60, 1) as st,
              10 + (s * 31) % 50 as len
       from generate_series(1, 5000) s join paras p on p.i = s % p.n)
insert into annotation (id, document_id, paragraph_id, start_offset, end_offset, quote, prefix, suffix, comment,
                        author, author_name, group_id, created, updated, version)
select 'bench' || lpad(s::text, 8, '0'), '$DOC', paragraph_id, st, st + len, substr(text, st + 1, len),
       substr(text, greatest(st - 31, 1), least(st, 32)), substr(text, st + len + 1, 32),
       'Seeded comment ' || s, 'bench' || lpad((s % 30)::text, 2, '0'), 'Bench Reviewer ' || (s % 30),
       (select id from g), now() - (s || ' seconds')::interval, now(), 1
from rows;
insert into annotation_tag (annotation_id, tag_slug)
select id, (array['neutrality','non-alignment','strategic-autonomy'])[1 + (substr(id, 6)::int % 3)] from annotation where id like 'bench%'
union all
select id, 'strategic-autonomy' from annotation where id like 'bench%' and substr(id, 6)::int % 5 = 0 and substr(id, 6)::int % 3 <> 2;
analyze;
SQL
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
