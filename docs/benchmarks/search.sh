#!/usr/bin/env bash
# Issue 27: search across documents over the bundled article with 100,000 seeded annotations (30 reviewers):
# median server time of GET /api/search for a common word (tens of thousands of matches, ranked) and for a rare
# one, and EXPLAIN of the match showing the GIN index. Needs a JDK, curl and psql.
# Usage: docs/benchmarks/search.sh [count]
source "$(dirname "$0")/lib.sh"
COUNT="${1:-100000}"
start_app
prepare_seeding
seed_annotations "$COUNT"
echo "seeded: $($PSQL -At -c "select count(*) || ' annotations by ' || count(distinct author) || ' reviewers' from annotation where document_id = '$DOC'")"
TOKEN=$(token reviewer1)
for q in neutrality 4242 'strategic%20autonomy'; do
  URL="$APP/api/search?q=$q"
  for _ in $(seq 1 5); do curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$URL"; done
  : > "$BENCH_DATA/times"
  for _ in $(seq 1 30); do curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" -w '%{time_total}\n' "$URL" >> "$BENCH_DATA/times"; done
  total=$(curl -sf -H "Authorization: Bearer $TOKEN" "$URL" | grep -o '"total":[0-9]*' | head -1)
  echo "search q=$q ($total), reviewer1: $(summarise "$BENCH_DATA/times")"
done
echo "EXPLAIN of the match (a rare word):"
$PSQL -c "explain (analyze, costs off, timing off) select a.id from annotation a
          where a.search_vector @@ websearch_to_tsquery('english', '4242') and a.document_id in ('$DOC')"
echo "EXPLAIN of the match (a common word):"
$PSQL -c "explain (analyze, costs off, timing off) select count(*) from annotation a
          where a.search_vector @@ websearch_to_tsquery('english', 'neutrality') and a.document_id in ('$DOC')"
