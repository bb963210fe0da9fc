#!/usr/bin/env bash
# A soak of the packaged app in local mode: SOAK_USERS (200) simulated people for SOAK_SECONDS (600):
# 70 % reading, 20 % writing, 10 % on event streams. Passes with 0 errors and a resident memory at the
# end within 25 % of the middle's (flat, not growing). Figures: docs/benchmarks/faults.md.
# Usage: scripts/faults/soak.sh
source "$(dirname "$0")/lib.sh"
USERS="${SOAK_USERS:-200}"
SECONDS_="${SOAK_SECONDS:-600}"

launch_app
prepare_seeding
echo "soak: $USERS users for $SECONDS_ s against $APP (pid $APP_PID)"
out="$BENCH_DATA/soak.txt"
set +e
java "$FAULTS/Soak.java" "$APP" "$KC" "$DOC" "$PARA" "$QUOTE" "$USERS" "$SECONDS_" "$APP_PID" | tee "$out"
status=${PIPESTATUS[0]}
set -e
check "no errors" "$status" "$(grep '^errors=' "$out")"
middle=$(sed -n 's/^rss start=[0-9-]* MB middle=\([0-9-]*\) MB.*/\1/p' "$out")
end=$(sed -n 's/^rss .* end=\([0-9-]*\) MB.*/\1/p' "$out")
flat=1
if [ -n "$middle" ] && [ -n "$end" ] && [ "$middle" -gt 0 ] && [ $((end * 100)) -le $((middle * 125)) ]; then flat=0; fi
check "memory flat (end within 25 % of the middle)" "$flat" "middle $middle MB, end $end MB"
summary soak
