#!/usr/bin/env bash
# make fuzz: builds the libFuzzer targets of Fuzz/ and runs each for FUZZ_SECONDS (default 30).
# The checked-in seeds (Fuzz/Corpus/<target>/) are only read: new inputs go to a working corpus
# under .build-fuzz/corpus/<target>/, kept between runs. Fails, naming the input file, when a
# target crashes or a property fails. FUZZ_TARGETS picks targets (default: all).
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${FUZZ_SECONDS:-30}
WORK=.build-fuzz
ALL_TARGETS="article-loader dateline-reader tagged-reader markdown-reader note-reader paragraph-repair temporal-resolver actor-discovery markdown-escaping text-quote-match gazetteer build-cache article-memo naming-table unchanged-record"
TARGETS=${FUZZ_TARGETS:-$ALL_TARGETS}

echo "Building the fuzz targets (release, -sanitize=fuzzer)"
swift build --package-path Fuzz --scratch-path "$WORK/build" -c release \
  -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library -Xswiftc -enable-testing || exit 1
BIN=$(swift build --package-path Fuzz --scratch-path "$WORK/build" -c release --show-bin-path)

failed=()
for target in $TARGETS; do
  corpus="$WORK/corpus/$target"
  artifacts="$WORK/crashes/$target"
  mkdir -p "$corpus" "$artifacts"
  log="$WORK/$target.log"
  echo "== fuzz-$target: ${SECONDS_PER_TARGET}s"
  # Swift's backtracer would catch the crash first, and libFuzzer would write no crash file.
  SWIFT_BACKTRACE=enable=no "$BIN/fuzz-$target" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -max_len=8192 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" "Fuzz/Corpus/$target" >"$log" 2>&1
  status=$?
  grep -E "^#[0-9]+[[:space:]]+DONE" "$log" | tr "\t" " " | cut -c1-110 | sed 's/^/   /'
  if [ $status -ne 0 ]; then
    grep -E -A1 "property failed|Fatal error|ERROR: libFuzzer" "$log" | grep -v "^ *#" | head -6 | cut -c1-400 | sed 's/^/   /'
    echo "   FAILED (exit $status); input: $(grep -o "Test unit written to .*" "$log" | sed 's/Test unit written to //')"
    echo "   log: $log; reproduce: SWIFT_BACKTRACE=enable=no $BIN/fuzz-$target <input>"
    failed+=("$target")
  fi
done

if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzz: ${#failed[@]} target(s) failed: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz: every target ran ${SECONDS_PER_TARGET}s without a crash or a property failure"
