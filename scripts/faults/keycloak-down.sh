#!/usr/bin/env bash
# Keycloak killed (kill -9) under a running app, then started again: a signed-in session and a token
# the app has already verified keep working, a new sign-in gets the page that says why it cannot,
# and once Keycloak is back sign-in and new tokens work again without restarting the app.
# Usage: scripts/faults/keycloak-down.sh
source "$(dirname "$0")/lib.sh"
KC_HOME="$ROOT/target/keycloak/keycloak-26.5.6"
KC_DATA="$BENCH_DATA/keycloak"
KC_MARKER="jdbc:h2:file:$KC_DATA/h2/keycloakdb"

status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@"; }

launch_app
jar="$BENCH_DATA/cookies.txt"
browser_login reviewer1 "$jar"
tok=$(token reviewer2)
check "signed in before the outage" "$([ "$(status_of -b "$jar" "$APP/api/me")" = 200 ]; echo $?)"
check "token answered before the outage" "$([ "$(status_of -H "Authorization: Bearer $tok" "$APP/api/me")" = 200 ]; echo $?)"

kc_pids=$(pgrep -f -- "$KC_MARKER" || true)
echo "killing Keycloak (pids $kc_pids)"
kill -9 $kc_pids
for _ in $(seq 1 40); do curl -s -o /dev/null --max-time 1 "http://localhost:$KC_PORT/" || break; sleep 0.5; done
t0=$(date +%s)
# the app learns of the outage from its reachability check; the sign-in page says so within its period
outage=1
for _ in $(seq 1 60); do
  page=$(curl -s --max-time 10 "$APP/home")
  if echo "$page" | grep -q "Sign-in is unavailable right now"; then outage=0; break; fi
  sleep 1
done
check "the sign-in page says why it cannot sign in" "$outage" "after $(( $(date +%s) - t0 )) s"
session=$(status_of -b "$jar" "$APP/api/me"); page=$(status_of -b "$jar" "$APP/documents")
check "the session keeps working" "$([ "$session" = 200 ] && [ "$page" = 200 ]; echo $?)" "/api/me $session, /documents $page"
known=$(status_of -H "Authorization: Bearer $tok" "$APP/api/me")
check "the known token keeps working" "$([ "$known" = 200 ]; echo $?)" "/api/me $known"
write=$(status_of -b "$jar" -H "Authorization: Bearer $tok" -o /dev/null "$APP/api/documents")
check "reading the documents with the token" "$([ "$write" = 200 ]; echo $?)" "$write"

echo "starting Keycloak again"
(cd "$KC_HOME" && env -u KC_DB -u QUARKUS_HTTP_PORT setsid bin/kc.sh start-dev --http-port="$KC_PORT" --http-host=127.0.0.1 \
    --hostname="http://localhost:$KC_PORT" --db=dev-file --db-url="$KC_MARKER;NON_KEYWORDS=VALUE" --import-realm \
    --log=file --log-file="$KC_DATA/keycloak.log" </dev/null >>"$KC_DATA/keycloak-console.log" 2>&1 &)
t0=$(date +%s)
for _ in $(seq 1 240); do
  curl -sf -o /dev/null --max-time 2 "$KC/.well-known/openid-configuration" && break
  sleep 0.5
done
echo "Keycloak answers again after $(( $(date +%s) - t0 )) s"
back=1
for _ in $(seq 1 60); do
  if ! curl -s --max-time 10 "$APP/home" | grep -q "Sign-in is unavailable right now"; then back=0; break; fi
  sleep 1
done
check "the sign-in page is back by itself" "$back" "$(( $(date +%s) - t0 )) s after the restart"
browser_login reviewer3 "$BENCH_DATA/cookies-after.txt"
after=$(status_of -b "$BENCH_DATA/cookies-after.txt" "$APP/api/me")
check "a new sign-in works" "$([ "$after" = 200 ]; echo $?)" "/api/me $after"
fresh=$(token reviewer4)
newtok=$(status_of -H "Authorization: Bearer $fresh" "$APP/api/me")
check "a new token works" "$([ "$newtok" = 200 ]; echo $?)" "/api/me $newtok"
old=$(status_of -b "$jar" "$APP/api/me")
check "the session from before the outage still works" "$([ "$old" = 200 ]; echo $?)" "/api/me $old"

stop_app
# the restarted Keycloak is ours, not the app's: stop it too
kill $(pgrep -f -- "$KC_MARKER") 2>/dev/null || true
summary keycloak-down
