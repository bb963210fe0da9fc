#!/usr/bin/env bash
# A soak: USERS simulated users (default 200: 70 % reading, 20 % writing, 10 % on event streams) against the bundled
# article for SOAK_SECONDS (default 600). Prints errors (must be 0), p50/p99 per kind and the app's resident memory
# at start, middle and end; the full output is kept in target/fault-data/soak/soak.txt.
# Usage: scripts/faults/soak.sh   (SOAK_SECONDS=120 for a short run; USERS; NO_BUILD=1 uses the packaged app as it is)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
USERS="${USERS:-200}"
SOAK_SECONDS="${SOAK_SECONDS:-600}"

[ "${NO_BUILD:-0}" = 1 ] || (cd "$ROOT" && ./mvnw -o -q -DskipTests package)
launch_app fresh
prepare_seeding
RUN="$BENCH_DATA/soak"; mkdir -p "$RUN"
# paragraphs to annotate: their first 24 characters as the quote (none with characters JSON would need escaped)
$PSQL -At -F $'\t' -c "select id, substr(text, 1, 24) from paragraph where document_id = '$DOC' and length(text) > 60
  and substr(text, 1, 24) !~ '[\"\\\\[:cntrl:]]' order by number" >"$RUN/paragraphs.tsv"
echo "== $USERS users for $SOAK_SECONDS s on document $DOC ($(wc -l <"$RUN/paragraphs.tsv") paragraphs to annotate)"
set +e
java "$FAULTS/SoakLoad.java" "$APP" "$KC" "$DOC" "$RUN/paragraphs.tsv" "$USERS" "$SOAK_SECONDS" "$APP_PID" | tee "$RUN/soak.txt"
LOAD_STATUS=${PIPESTATUS[0]}
set -e
ERRORS=$(grep -o '^errors: [0-9]*' "$RUN/soak.txt" | grep -o '[0-9]*$' || echo missing)
check "errors: 0" "$([ "$LOAD_STATUS" -eq 0 ] && [ "$ERRORS" = 0 ]; echo $?)" "$ERRORS"
check "the app is still running" "$(kill -0 "$APP_PID" 2>/dev/null; echo $?)"
summary "soak ($USERS users, $SOAK_SECONDS s)"
