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
  (cd "$ROOT" && exec java -Xmx1g ${BENCH_JAVA_OPTS:-} -Dquarkus.http.port="$APP_PORT" -Dannotator.local.data-dir="$BENCH_DATA" \
      -Dannotator.local.enabled=true -Dannotator.local.keycloak-port="$KC_PORT" -jar target/quarkus-app/quarkus-run.jar >"$BENCH_DATA/app.log" 2>&1) &
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

prepare_seeding() { # sets PSQL, DOC, PARA, QUOTE; one API annotation records seminar-a's Keycloak id
  PGPORT=$(grep -o 'Local PostgreSQL 17 running on port [0-9]*' "$BENCH_DATA/app.log" | tail -1 | grep -o '[0-9]*$')
  PSQL="psql -q -h localhost -p $PGPORT -U postgres -d postgres -v ON_ERROR_STOP=1"
  local t; t=$(token reviewer1)
  DOC=$(curl -sf -H "Authorization: Bearer $t" "$APP/api/documents" | sed 's/.*"id":"\([^"]*\)".*/\1/')
  read -r PARA QUOTE < <($PSQL -At -F ' ' -c "select id, substr(text, 1, 30) from paragraph where document_id = '$DOC' and number = 1")
  curl -sf -o /dev/null -H "Authorization: Bearer $t" -H 'Content-Type: application/json' \
    -d "{\"paragraphId\":\"$PARA\",\"start\":0,\"end\":30,\"quote\":\"$QUOTE\",\"tags\":[\"neutrality\"]}" "$APP/api/documents/$DOC/annotations"
}

seed_annotations() { # count [first=1] : annotations bench<first>.. by 30 reviewers of seminar-a spread over the article, one to two tags each
  local first=${2:-1}
  $PSQL <<SQL
with g as (select id from seminar_group where name = 'seminar-a'),
     paras as (select id, text, row_number() over (order by number) - 1 as i, count(*) over () as n
               from paragraph where document_id = '$DOC'),
     rows as (select s, p.id as paragraph_id, p.text, (s * 7919) % greatest(length(p.text) - 60, 1) as st, 10 + (s * 31) % 50 as len
              from generate_series($first, $first + $1 - 1) s join paras p on p.i = s % p.n)
insert into annotation (id, document_id, paragraph_id, start_offset, end_offset, quote, prefix, suffix, comment,
                        author, author_name, group_id, created, updated, version)
select 'bench' || lpad(s::text, 8, '0'), '$DOC', paragraph_id, st, st + len, substr(text, st + 1, len),
       substr(text, greatest(st - 31, 1), least(st, 32)), substr(text, st + len + 1, 32),
       'Seeded comment ' || s, 'bench' || lpad((s % 30)::text, 2, '0'), 'Bench Reviewer ' || (s % 30),
       (select id from g), now() - (s || ' seconds')::interval, now(), 1
from rows;
insert into annotation_tag (annotation_id, tag_slug)
select 'bench' || lpad(s::text, 8, '0'), (array['neutrality','non-alignment','strategic-autonomy'])[1 + (s % 3)]
from generate_series($first, $first + $1 - 1) s
union all
select 'bench' || lpad(s::text, 8, '0'), 'strategic-autonomy'
from generate_series($first, $first + $1 - 1) s where s % 5 = 0 and s % 3 <> 2;
analyze;
SQL
}

seed_on_one_span() { # count : annotations all on the first eight characters of the article's first long paragraph
  $PSQL <<SQL
with g as (select id from seminar_group where name = 'seminar-a'),
     p as (select id, text from paragraph where document_id = '$DOC' and length(text) > 100 order by number limit 1)
insert into annotation (id, document_id, paragraph_id, start_offset, end_offset, quote, prefix, suffix, comment,
                        author, author_name, group_id, created, updated, version)
select 'span' || lpad(s::text, 8, '0'), '$DOC', p.id, 0, 8, substr(p.text, 1, 8), '', substr(p.text, 9, 32), null,
       'bench' || lpad((s % 30)::text, 2, '0'), 'Bench Reviewer ' || (s % 30), (select id from g), now(), now(), 1
from generate_series(1, $1) s cross join p;
insert into annotation_tag (annotation_id, tag_slug)
select id, (array['neutrality','non-alignment','strategic-autonomy'])[1 + (substr(id, 5)::int % 3)] from annotation where id like 'span%';
analyze;
SQL
}
