#!/usr/bin/env bash
# Issue 7 speed target: 200 connected readers, 20 new annotations a second; 99% of events delivered
# within 250 ms, app memory flat. Usage: docs/benchmarks/live.sh [seconds=600] [readers=200] [rate=20]
source "$(dirname "$0")/lib.sh"
SECONDS_TO_RUN="${1:-600}"
start_app
prepare_seeding
java -Xss512k "$(dirname "$0")/LiveLoad.java" "$APP" "$KC" "$DOC" "$PARA" "$QUOTE" "${2:-200}" "${3:-20}" "$SECONDS_TO_RUN" "$APP_PID"
