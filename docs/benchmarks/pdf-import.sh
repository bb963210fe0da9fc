#!/usr/bin/env bash
# Importing a 20-page, two-column journal PDF (typeset by the test suite's JournalPdf with running headers,
# footnotes and page numbers) through POST /api/documents, against importing the same article's text.
# Prints the median of 5 imports, what the app logged (reading vs storing, memory allocated) and the app's
# resident memory before and after. Used by run-all.sh (section "pdf"); runs alone too.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/lib.sh"
if [ -z "${APP_PID:-}" ]; then
  (cd "$ROOT" && ./mvnw -q -DskipTests package)
  start_app
fi
(cd "$ROOT" && ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile="$BENCH_DATA/cp.txt" >/dev/null)
PAGES=$(java -cp "$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$BENCH_DATA/cp.txt")" \
  org.seminar.annotator.support.JournalPdf "$BENCH_DATA/long.pdf" 32 2>/dev/null | tail -1)
java -cp "$(cat "$BENCH_DATA/cp.txt")" "$HERE/PdfText.java" "$BENCH_DATA/long.pdf" > "$BENCH_DATA/long.txt" 2>/dev/null
ADMIN=$(token admin)
rss() { awk '/VmRSS/{printf "%.0f", $2 / 1024}' "/proc/$APP_PID/status"; }
RSS_BEFORE=$(rss)
import_ms() { # content-type file [query]
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $ADMIN" -H "Content-Type: $1" \
    --data-binary @"$2" "$APP/api/documents${3:-}" | awk '$1 != 201 { print "import failed: " $0 > "/dev/stderr"; exit 1 } { printf "%.0f\n", $2 * 1000 }'
}
for _ in 1 2; do import_ms application/pdf "$BENCH_DATA/long.pdf" >/dev/null; done # warm-up
PDF_MS=$(for _ in 1 2 3 4 5; do import_ms application/pdf "$BENCH_DATA/long.pdf"; done | sort -n | sed -n 3p)
TEXT_MS=$(for _ in 1 2 3 4 5; do import_ms text/plain "$BENCH_DATA/long.txt" "?source=print-extraction"; done | sort -n | sed -n 3p)
RSS_AFTER=$(rss)
LAST=$(grep "Imported PDF" "$BENCH_DATA/app.log" | tail -1 | sed 's/.*Imported PDF [^ ]* //')
echo "pdf_pages=$PAGES pdf_bytes=$(stat -c %s "$BENCH_DATA/long.pdf") pdf_ms=$PDF_MS text_ms=$TEXT_MS rss_before_mb=$RSS_BEFORE rss_after_mb=$RSS_AFTER"
echo "last import as the app logged it: $LAST"
