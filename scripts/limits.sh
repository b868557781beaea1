#!/usr/bin/env bash
# make limits: builds the inputs of Tests/limits/generate.py with the release binary and checks
# that each one builds, in the time it takes, with what a reader should find. Prints time and peak
# memory. LIMITS_SCALE=1 (default) is the issue's size; CI runs 0.1. LIMITS_CASES picks cases.
set -uo pipefail
cd "$(dirname "$0")/.."
SCALE=${LIMITS_SCALE:-1}
CASES=${LIMITS_CASES:-"big-article big-gazetteer deep-markdown long-line many-actors"}
BIN=.build/release/briefing
WORK=${LIMITS_DIR:-.build-limits}
rm -rf "$WORK" && mkdir -p "$WORK"
python3 Tests/limits/generate.py "$WORK" "$SCALE" || exit 1

failed=()
fail() { echo "   FAILED: $1"; failed+=("$case"); }
printf "%-15s %9s %10s  %s\n" case seconds "peak RSS" result
for case in $CASES; do
  out="$WORK/$case/Public"
  /usr/bin/time -f "%e %M" -o "$WORK/$case.time" "$BIN" build --content "$WORK/$case/Content" --output "$out" \
    --no-cache --quiet >"$WORK/$case.log" 2>&1
  status=$?
  read -r seconds kilobytes <"$WORK/$case.time" 2>/dev/null || { seconds=?; kilobytes=0; }
  summary=$(grep -E "^Built " "$WORK/$case.log" | sed 's/^Built //')
  printf "%-15s %9s %7s MiB  %s\n" "$case" "$seconds" "$((kilobytes / 1024))" "${summary:-exit $status}"
  [ $status -eq 0 ] || { tail -3 "$WORK/$case.log" | sed 's/^/   /'; fail "exit status $status"; continue; }
  # What a reader must find on the built site.
  case $case in
    big-article)
      last=$(python3 -c "import sys; sys.argv=['', '/dev/null']; exec(open('Tests/limits/generate.py').read().split('def site')[0]); print(surname(499))")
      grep -q "$last</a> agreed" "$out/articles/big.html" || fail "the article's later paragraphs are missing"
      [ -f "$out/actors/ivan-${last,,}.html" ] || fail "no page for Ivan $last, met in the article" ;;
    big-gazetteer)
      grep -q "Person Number12 Surname12" "$out/articles/a.html" || fail "the article does not name its actor" ;;
    deep-markdown)
      for page in articles/deep.html index.html notes.html; do grep -q "deep quote" "$out/$page" || fail "$page lost the nested text"; done ;;
    long-line)
      grep -q "…" "$out/index.html" || fail "the paragraph-long title is not shortened on the front page"
      # 400 characters of the lead: longer than any snippet, so only a repeated title holds them.
      window=$(head -c 700 "$WORK/$case/Content/articles/line.txt" | tail -c 400)
      grep -qF "$window" "$out/articles/line.html" || fail "the article page lost its lead"
      ! grep -qF "$window" "$out/actors/vladimir-putin.html" || fail "an actor page repeats the whole lead as a title" ;;
    many-actors)
      pages=$(ls "$out/actors" | wc -l)
      expected=$(python3 -c "print(int(50000 * $SCALE) + 1)")  # every actor, plus actors/index.html
      [ "$pages" -ge "$expected" ] || fail "$pages actor pages, expected $expected" ;;
  esac
done
if [ ${#failed[@]} -ne 0 ]; then echo; echo "limits: failed: ${failed[*]}"; exit 1; fi
echo "limits: every case built (scale $SCALE)"
