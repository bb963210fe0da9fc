#!/usr/bin/env bash
# Every speed figure of the product in one run, on the packaged app with its embedded PostgreSQL and local
# Keycloak, each printed next to a limit measured in the same run on the same machine:
#   the annotation list the reading page loads  vs the same bytes served as a static file (StaticFile.java)
#   painting the reading page (Chromium)        vs the page's own first contentful paint
#   creating annotations, 16 clients (wrk)      vs pgbench running the same four INSERTs + NOTIFY, and a one-row INSERT
#   the JSON report over 100,000 annotations    vs its own SQL statements run bare in psql
#   importing a 20-page journal PDF             vs importing the same article's text
#   a lecture hall: 1,000 event streams while 50 annotations a second are created (delivery delay, memory)
# The table goes to docs/benchmarks/README.md (between the run-all markers) and results.tsv, beside the
# figures of the previous run. Installs what it needs from Debian if missing: wrk, postgresql-client, chromium.
# Usage: docs/benchmarks/run-all.sh        LIVE_SECONDS=600 by default (the lecture hall's length)
#        SECTIONS="create report" docs/benchmarks/run-all.sh   only those sections (page, create, report, pdf, live);
#        the table is printed but README.md and results.tsv are left as they are
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
LIVE_SECONDS="${LIVE_SECONDS:-600}"

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v pgbench >/dev/null || missing+=(postgresql-client)
command -v psql >/dev/null || missing+=(postgresql-client)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# pgbench may live under /usr/lib/postgresql/<version>/bin only
PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | tail -1)

source "$HERE/lib.sh"
(cd "$ROOT" && ./mvnw -q -DskipTests package)
start_app
prepare_seeding
OUT="$BENCH_DATA/results.tsv"
: > "$OUT"
result() { # key figure unit limit-figure limit-label target
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$6" >> "$OUT"
  printf '%-34s %12s %-6s | %-44s %10s | target %s\n' "$1" "$2" "$3" "$5" "$4" "$6"
}
want() { [ -z "${SECTIONS:-}" ] || [[ " $SECTIONS " == *" $1 "* ]]; }
median_of() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_many() { # count url [curl args...] -> median ms
  local n=$1 url=$2; shift 2
  for _ in $(seq 1 20); do curl -s -o /dev/null "$@" "$url"; done
  for _ in $(seq 1 "$n"); do curl -s -o /dev/null -w '%{time_total}\n' "$@" "$url"; done | median_of | awk '{printf "%.1f", $1 * 1000}'
}
count_visible() { $PSQL -At -c "select count(*) from annotation where document_id = '$DOC' and not hidden"; }

JAR="$BENCH_DATA/cookies"
LIST="$APP/api/documents/$DOC/annotations/compact"
PAGE_URL="$APP/documents/$DOC"

list_and_paint() { # label : list sizes and times, then paint figures, for what is seeded now
  local label=$1 raw gz full etag not_modified
  browser_login reviewer1 "$JAR"
  raw=$(curl -s -b "$JAR" -o "$BENCH_DATA/list.json" -w '%{size_download}' -H 'Accept-Encoding: identity' "$LIST")
  gz=$(curl -s -b "$JAR" -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: gzip' "$LIST")
  full=$(curl -s -b "$JAR" -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: identity' "$APP/api/documents/$DOC/annotations")
  etag=$(curl -s -b "$JAR" -D - -o /dev/null "$LIST" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
  not_modified=$(curl -s -b "$JAR" -o /dev/null -w '%{http_code} %{size_download}' -H "If-None-Match: $etag" "$LIST")
  result "list $label, bytes" "$raw" B "$full" "the full list (GET …/annotations)" "≤ 600,000 at 5,000"
  result "list $label, bytes gzip" "$gz" B "$raw" "uncompressed" "≤ 150,000 at 5,000"
  result "list $label, reload unchanged" "${not_modified#* }" B "${not_modified% *}" "status of the reload" "304, nothing sent"
  java "$HERE/StaticFile.java" 8095 "$BENCH_DATA/list.json" > /dev/null & local static_pid=$!
  sleep 2
  result "list $label, time (median of 100)" "$(time_many 100 "$LIST" -b "$JAR" -H 'Accept-Encoding: identity')" ms \
    "$(time_many 100 http://localhost:8095/)" "the same bytes as a static file (ms)" "near the static file"
  result "list $label, time gzip (median)" "$(time_many 100 "$LIST" -b "$JAR" -H 'Accept-Encoding: gzip')" ms \
    "$(time_many 100 http://localhost:8095/)" "the same bytes as a static file (ms)" "—"
  kill $static_pid
  local paint=""
  for attempt in 1 2 3; do # a Chromium that does not answer its DevTools socket is started again
    paint=$(java "$HERE/PaintBench.java" "$PAGE_URL" "$JAR" 5 2>"$BENCH_DATA/paint-$label.log" | tail -1) && [ -n "$paint" ] && break
    echo "  paint attempt $attempt failed: $(tail -3 "$BENCH_DATA/paint-$label.log" | head -1)"
  done
  echo "  paint: $paint"
  local fcp first all
  fcp=$(sed 's/.*fcp_ms=\([0-9]*\).*/\1/' <<<"$paint"); first=$(sed 's/.*first_screen_ms=\([0-9]*\).*/\1/' <<<"$paint")
  all=$(sed 's/.*all_highlights_ms=\([0-9]*\).*/\1/' <<<"$paint")
  result "paint $label, first screen" "$first" ms "$fcp" "first contentful paint (ms)" "$2"
  result "paint $label, every highlight" "$all" ms "$fcp" "first contentful paint (ms)" "$3"
}

# ---- the reading page: 5,000 and 20,000 annotations, and 10,000 on one span ------------------------------
if want page; then
seed_annotations 4999
list_and_paint "5,000" "≤ 250 ms" "≤ 400 ms"
seed_annotations 15000 5000
list_and_paint "20,000" "—" "≤ 1,000 ms"
$PSQL -c "delete from annotation_tag where annotation_id like 'bench%' and substr(annotation_id, 6)::int >= 5000;
          delete from annotation where id like 'bench%' and substr(id, 6)::int >= 5000;"
seed_on_one_span 10000
list_and_paint "10,000 on one span + 5,000" "—" "≤ 1,000 ms"
fi

# ---- creating: 16 clients through the app, and the same SQL through pgbench ------------------------------
GROUP=$($PSQL -At -c "select id from seminar_group where name = 'seminar-a'")
if want create; then
export TOKEN="$(token reviewer1)"
export BODY="{\"paragraphId\":\"$PARA\",\"start\":0,\"end\":30,\"quote\":\"$QUOTE\",\"tags\":[\"neutrality\"],\"comment\":\"load test\"}"
# warm-up: the JIT compiles the create path while the load runs, on the same two cores, and the rate keeps rising
# in steps for most of a minute (it stalled and then rose again after 20 and after 30 s in trials): 60 s of load,
# printed in 5 s windows, before the 20 s that are measured
WARM=""
for window in $(seq 1 12); do
  rate=$(wrk -t2 -c16 -d5s -s "$HERE/create.lua" "$APP/api/documents/$DOC/annotations" | awk '/Requests\/sec/{printf "%.0f", $2}')
  WARM="$WARM $rate"
  [ "$window" = 1 ] && COLD=$rate
done
echo "  create warm-up, 5 s windows (/s):$WARM"
wrk -t2 -c16 -d20s --latency -s "$HERE/create.lua" "$APP/api/documents/$DOC/annotations" > "$BENCH_DATA/wrk.txt"
grep -q "Non-2xx" "$BENCH_DATA/wrk.txt" && { echo "some creates failed:"; cat "$BENCH_DATA/wrk.txt"; exit 1; }
CREATES=$(awk '/Requests\/sec/{printf "%.0f", $2}' "$BENCH_DATA/wrk.txt")
wrk_ms() { awk -v p="$1" '$1==p { v = $2; if (v ~ /us$/) printf "%.1f", v / 1000; else if (v ~ /ms$/) printf "%.1f", v + 0; else printf "%.1f", v * 1000 }' "$BENCH_DATA/wrk.txt"; }
CREATE_MEDIAN=$(wrk_ms 50%)
Q=${QUOTE//\'/\'\'}
$PSQL -c "create sequence if not exists pgbench_ids"
cat > "$BENCH_DATA/one-row.sql" <<SQL
insert into annotation (id, document_id, paragraph_id, start_offset, end_offset, quote, prefix, suffix, comment, author, author_name, group_id, created, updated, version)
values ('pgo' || nextval('pgbench_ids'), '$DOC', '$PARA', 0, 30, '$Q', '', '', 'load test', 'reviewer1', 'Rita Reviewer', '$GROUP', now(), now(), 1);
SQL
# what the app writes for one create: the annotation, its tag, its history entry, its journal entry with NOTIFY
cat > "$BENCH_DATA/create.sql" <<SQL
begin;
insert into annotation (id, document_id, paragraph_id, start_offset, end_offset, quote, prefix, suffix, comment, author, author_name, group_id, created, updated, version)
values ('pgc' || nextval('pgbench_ids'), '$DOC', '$PARA', 0, 30, '$Q', '', '', 'load test', 'reviewer1', 'Rita Reviewer', '$GROUP', now(), now(), 1);
insert into annotation_tag (annotation_id, tag_slug) values ('pgc' || currval('pgbench_ids'), 'neutrality');
insert into annotation_history (id, annotation_id, reply_id, document_id, action, actor, at, changes)
values (nextval('annotation_history_seq'), 'pgc' || currval('pgbench_ids'), null, '$DOC', 'create', 'reviewer1', now(),
        '{"paragraphId":"$PARA","start":0,"end":30,"tags":["neutrality"],"comment":"load test","author":"reviewer1"}');
with e as (insert into annotation_event (document_id, group_id, type, annotation_id, reply_id, actor, subject_author, subject_hidden, reply_gone)
           values ('$DOC', '$GROUP', 'annotation-created', 'pgc' || currval('pgbench_ids'), null, 'reviewer1', 'reviewer1', false, false) returning id)
select pg_notify('benchmark_events', '{"type":"annotation-created","documentId":"$DOC","groupId":"$GROUP","annotationId":"pgc","actor":"reviewer1","author":"reviewer1","hidden":false,"replyGone":false,"id":' || e.id || '}') from e;
commit;
SQL
PGB="$PGBENCH -n -h localhost -p $PGPORT -U postgres -c 16 -j 2 -T 20 postgres"
PG_CREATE=$($PGB -f "$BENCH_DATA/create.sql" 2>&1 | awk '/^tps/{printf "%.0f", $3}')
PG_ONE=$($PGB -f "$BENCH_DATA/one-row.sql" 2>&1 | awk '/^tps/{printf "%.0f", $3}')
result "create, 16 clients (per s)" "$CREATES" "/s" "$PG_CREATE" "pgbench: the same 4 INSERTs + NOTIFY (/s)" "≥ pgbench"
result "create, 16 clients, one-row INSERT" "$CREATES" "/s" "$PG_ONE" "pgbench: one-row INSERT (/s)" "stretch: ≥ half"
result "create, 16 clients, median" "$CREATE_MEDIAN" ms "$(wrk_ms 99%)" "p99 of the same run (ms)" "—"
result "create, first 5 s of its load" "$COLD" "/s" "$PG_CREATE" "pgbench: the same 4 INSERTs + NOTIFY (/s)" "— (JIT not yet warm for creates)"
$PSQL -c "delete from annotation_tag where annotation_id like 'pg%'; delete from annotation where id like 'pg%';"
fi

# ---- the report over 100,000 annotations, and its own SQL run bare -------------------------------------------
if want report; then
$PSQL -c "truncate annotation_tag, reply, annotation_history, annotation_event, annotation cascade"
seed_annotations 100000
ADMIN_TOKEN=$(token admin)
REPORT=$(time_many 30 "$APP/api/documents/$DOC/report?group=seminar-a" -H "Authorization: Bearer $ADMIN_TOKEN")
{
  echo "set work_mem = '64MB';"
  echo '\timing on'
  for _ in $(seq 1 15); do cat <<SQL
select a.author, max(a.author_name) as name, count(*) as n from annotation a
where a.document_id = '$DOC' and a.group_id = '$GROUP' and not a.hidden and not a.withdrawn group by a.author;
with base as materialized (
         select a.author, a.paragraph_id, a.start_offset s, a.end_offset e, t.tag_slug
         from annotation a join annotation_tag t on t.annotation_id = a.id
         where a.document_id = '$DOC' and a.group_id = '$GROUP' and not a.hidden and not a.withdrawn),
     counts as (select author, paragraph_id, tag_slug, count(*) n, grouping(author, paragraph_id) g from base
                group by grouping sets ((author, tag_slug), (paragraph_id, tag_slug), (tag_slug), (author, paragraph_id, tag_slug))),
     merged as (select tag_slug, unnest(range_agg(int4range(s, e))) r from base group by tag_slug, paragraph_id),
     coverage as (select tag_slug, sum(upper(r) - lower(r)) total from merged group by tag_slug)
select author, paragraph_id, tag_slug, n, g as grouping from counts
union all select null, null, tag_slug, total, -1 from coverage;
SQL
  done
} > "$BENCH_DATA/report.sql"
BARE=$($PSQL -o /dev/null -f "$BENCH_DATA/report.sql" | awk '/^Time/{t[++n]=$2} END {for (i = 1; i < n; i += 2) print t[i] + t[i+1]}' | tail -10 | median_of)
result "JSON report, 100,000 annotations" "$REPORT" ms "$BARE" "its SQL run bare in psql (ms)" "no slower than before"
fi

# ---- importing a 20-page journal PDF ------------------------------------------------------------------------------
if want pdf; then
APP_PID=$APP_PID BENCH_DATA=$BENCH_DATA "$HERE/pdf-import.sh" > "$BENCH_DATA/pdf.txt"
cat "$BENCH_DATA/pdf.txt"
PDF_LINE=$(sed -n 1p "$BENCH_DATA/pdf.txt")
pdf_field() { sed -n "s/.*$1=\([0-9]*\).*/\1/p" <<<"$PDF_LINE"; }
result "PDF import, $(pdf_field pdf_pages) pages (median of 5)" "$(pdf_field pdf_ms)" ms "$(pdf_field text_ms)" \
  "the same article's text, print-extraction import (ms)" "—"
result "PDF import: app memory after 12 imports, MB" "$(pdf_field rss_after_mb)" MB "$(pdf_field rss_before_mb)" "before them (MB)" "—"
fi

# ---- a lecture hall -------------------------------------------------------------------------------------------
if want live; then
$PSQL -c "truncate annotation_tag, reply, annotation_history, annotation_event, annotation cascade"
java -Xss512k "$HERE/LiveLoad.java" "$APP" "$KC" "$DOC" "$PARA" "$QUOTE" 1000 50 "$LIVE_SECONDS" "$APP_PID" | tee "$BENCH_DATA/live.txt"
DELIVERED=$(sed -n 's/.*deliveries \([0-9]*\) of \([0-9]*\) expected.*/\1/p' "$BENCH_DATA/live.txt")
EXPECTED=$(sed -n 's/.*deliveries \([0-9]*\) of \([0-9]*\) expected.*/\2/p' "$BENCH_DATA/live.txt")
P99=$(sed -n 's/.*p99 \([0-9.]*\) ms.*/\1/p' "$BENCH_DATA/live.txt")
RSS=$(sed -n 's/app RSS samples (MB, every 10 s): \[\(.*\)\]/\1/p' "$BENCH_DATA/live.txt")
result "1,000 streams, 50/s: delivered" "$DELIVERED" events "$EXPECTED" "events expected" "all"
result "1,000 streams, 50/s: p99 delay" "$P99" ms "250" "the target (ms)" "≤ 250 ms"
result "1,000 streams: app memory, MB" "$(awk -F', ' '{print $NF}' <<<"$RSS")" MB "$(awk -F', ' '{print $2}' <<<"$RSS")" "at the first minute (MB)" "flat over ${LIVE_SECONDS} s"
fi

# ---- the table, beside the previous run ---------------------------------------------------------------------------
PREVIOUS="$HERE/results.tsv"
{
  echo "<!-- run-all:begin -->"
  echo "Run of $(date -u +%Y-%m-%d) on $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1);"
  echo "load generators on the same machine. Ratio = our figure ÷ the limit measured in the same run."
  echo
  echo "| figure | ours | limit in the same run | ratio | target | previous run |"
  echo "|---|---|---|---|---|---|"
  while IFS=$'\t' read -r key figure unit limit label target; do
    ratio=$(awk -v a="$figure" -v b="$limit" 'BEGIN { if (b + 0 > 0 && a ~ /^[0-9.]+$/) printf "%.2f", a / b; else print "—" }')
    before=$( [ -f "$PREVIOUS" ] && awk -F'\t' -v k="$key" '$1==k{print $2 " " $3}' "$PREVIOUS" || true)
    echo "| $key | $figure $unit | $limit ($label) | $ratio | $target | ${before:-—} |"
  done < "$OUT"
  echo "<!-- run-all:end -->"
} > "$BENCH_DATA/table.md"
if [ -n "${SECTIONS:-}" ]; then cat "$BENCH_DATA/table.md"; exit 0; fi
cp "$OUT" "$PREVIOUS"
README="$HERE/README.md"
if grep -q "<!-- run-all:begin -->" "$README"; then
  awk -v table="$BENCH_DATA/table.md" '
    /<!-- run-all:begin -->/ { while ((getline line < table) > 0) print line; skip = 1; next }
    /<!-- run-all:end -->/ { skip = 0; next }
    !skip { print }' "$README" > "$BENCH_DATA/README.new" && mv "$BENCH_DATA/README.new" "$README"
else
  { echo; echo "## All figures (run-all.sh)"; echo; cat "$BENCH_DATA/table.md"; } >> "$README"
fi
cat "$BENCH_DATA/table.md"
