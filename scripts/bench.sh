#!/usr/bin/env bash
# make bench: builds the synthetic corpora with briefing and with Hugo, alternating (which goes
# first rotates from run to run), several runs,
# and prints median wall time, pages per second, peak RSS and the briefing/Hugo ratio, with the
# cmark-gfm CLI over the same article bodies as a floor. Sizes and runs: BENCH_SIZES, BENCH_RUNS.
# BENCH_BASELINE=<commit> also builds that commit's briefing and times its clean builds in the same
# rounds, alternating with the others: the machine varies between runs, a commit in the same run
# does not.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${BENCH_SIZES:-"1000 10000"}
RUNS=${BENCH_RUNS:-3}
WORK=${BENCH_DIR:-.build-bench}
BASELINE=${BENCH_BASELINE:-}
BASE_FLAGS=()
# What `briefing bench-corpus` writes, as a version: raise it when that changes, so that a corpus an
# earlier version wrote is made again, not timed (2: article ids of a real length, 30–45 bytes).
CORPUS=2
# The incremental steps, in the order the sequence below makes them (its `step N` calls).
STEPS="no change|touched|1 edited|1 added|1 removed|actor.md|article.md|article.md tag|layout.html|gazetteer|block partial"
NSTEPS=$(awk -F'|' '{ print NF }' <<< "$STEPS")
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)

need() { command -v "$1" >/dev/null 2>&1 || { echo "Installing $2"; $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "$2" >/dev/null; }; }
need hugo hugo
need cmark-gfm cmark-gfm
[ -x /usr/bin/time ] || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq time >/dev/null; }

swift build -c release --product briefing >/dev/null
BRIEFING=$PWD/.build/release/briefing
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
for old in "$WORK"/corpus-*; do
  case "$old" in "$WORK/corpus-v$CORPUS-"*) ;; *) rm -rf "$old" ;; esac
done

# The baseline: the commit's tree (its sources and templates) in a folder of its own, built there.
if [ -n "$BASELINE" ]; then
  rev=$(git rev-parse --short "$BASELINE^{commit}")
  base="$WORK/baseline-$rev"
  if [ ! -x "$base/.build/release/briefing" ]; then
    rm -rf "$base"; mkdir -p "$base"
    git archive "$rev" | tar -x -C "$base"
    echo "Building the baseline $rev" >&2
    (cd "$base" && swift build -c release --product briefing >/dev/null)
  fi
  BASE_BRIEFING="$base/.build/release/briefing"
  # The flags this build's clean runs have, when the baseline knows them (`--template-metrics`
  # reads the clock a few times a page): the ratio of the two then compares their code alone.
  if "$BASE_BRIEFING" build --help 2>/dev/null | grep -q -- --template-metrics; then BASE_FLAGS=(--template-metrics); fi
fi

# Runs a command; prints "seconds peak_kib system_seconds". Its own output goes to $MEASURE_OUT, else nowhere.
measure() {
  local log; log=$(mktemp)
  /usr/bin/time -v "$@" >"${MEASURE_OUT:-/dev/null}" 2>"$log" || { cat "$log" >&2; rm -f "$log"; return 1; }
  local wall rss sys
  wall=$(grep "Elapsed (wall clock)" "$log" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep "Maximum resident set size" "$log" | awk '{print $NF}')
  sys=$(grep "System time (seconds)" "$log" | awk '{print $NF}')
  rm -f "$log"
  echo "$wall $rss $sys"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

printf "%-8s %-14s %10s %10s %10s %12s\n" articles tool "median s" "pages/s" "peak MiB" "vs Hugo"
for n in $SIZES; do
  dir="$WORK/corpus-v$CORPUS-$n"
  [ -d "$dir/Content" ] || "$BRIEFING" bench-corpus "$n" "$dir" >/dev/null
  b_times=(); h_times=(); a_times=(); b_rss=0; h_rss=0; a_rss=0
  # Each tool's clean build. Which goes first rotates from run to run: a build that follows the
  # deletion of a whole site (every one of them replaces its output) finds this file system slow
  # to hand out new inodes, and with a fixed order one tool would always take that place (a run
  # with briefing always first put it at 1.09 of its baseline; alternating outside the bench, 0.88).
  # Each build goes into an empty folder, the last run's output deleted before the clock starts:
  # a clean build with `--no-cache` deletes the site it replaces before it returns (2.5 to 4 s at
  # 10,000 articles), which Hugo, whose output is removed outside the timing, was spared.
  run_briefing() {
    rm -rf "$dir/Public"
    # The last run's template metrics are printed after the table.
    read -r t r _ < <(MEASURE_OUT="$WORK/metrics-$n.txt" measure "$BRIEFING" build --content "$dir/Content" --templates Templates \
      --output "$dir/Public" --no-cache --quiet --template-metrics)
    b_times+=("$t"); if [ "$r" -gt "$b_rss" ]; then b_rss=$r; fi
  }
  run_baseline() {
    [ -n "$BASELINE" ] || return 0
    rm -rf "$dir/Public-baseline"
    read -r t r _ < <(measure "$BASE_BRIEFING" build --content "$dir/Content" --templates "$base/Templates" --output "$dir/Public-baseline" --no-cache --quiet "${BASE_FLAGS[@]}")
    a_times+=("$t"); if [ "$r" -gt "$a_rss" ]; then a_rss=$r; fi
  }
  run_hugo() {
    rm -rf "$dir/hugo/public"
    read -r t r _ < <(measure hugo --quiet --source "$dir/hugo" --destination "$dir/hugo/public")
    h_times+=("$t"); if [ "$r" -gt "$h_rss" ]; then h_rss=$r; fi
  }
  tools=(run_briefing run_baseline run_hugo)
  for run in $(seq "$RUNS"); do
    for k in 0 1 2; do "${tools[$(( (run - 1 + k) % 3 ))]}"; done
  done
  b_pages=$(find "$dir/Public" -name '*.html' | wc -l)
  h_pages=$(find "$dir/hugo/public" -name '*.html' | wc -l)
  b_med=$(printf "%s\n" "${b_times[@]}" | median)
  h_med=$(printf "%s\n" "${h_times[@]}" | median)
  a_med=$([ -n "$BASELINE" ] && printf "%s\n" "${a_times[@]}" | median || echo 0)
  rm -rf "$dir/Public-baseline"
  read -r c_med _ < <(measure sh -c "cat '$dir'/hugo/content/articles/*.md | cmark-gfm > /dev/null")
  # Incremental: a warm cache, then one change at a time, each built on the last: nothing (the
  # files older than a build records, 2 s, and recorded by the build before: it ends at once); an
  # article written again with the same bytes (its stamps new: the build reads it, finds the bytes
  # the last build read and ends at once); one article edited (the floor of every incremental
  # build that does its work: a few pages to render); a copy of it added; that copy removed; actor.md edited; article.md edited (a
  # sentence at the end, then a link's label in a tagged part); layout.html edited (a paragraph in
  # its footer); a gazetteer entry added; a class added in partials/block-actors.md, which every
  # paragraph of every article renders. The corpus is put back after each run (the templates are a copy); the
  # sequence runs RUNS times and each change's median is printed, with its highest peak RSS.
  cache="$dir/cache"; rm -rf "$cache"
  templates="$WORK/templates-$n"
  inc() { measure "$BRIEFING" build --content "$dir/Content" --templates "$templates" --output "$dir/Public" --cache "$cache" --quiet; }
  articles="$dir/Content/articles"
  edited=$(ls "$articles" | sed -n 8p); cp "$articles/$edited" "$WORK/edited.bak"; cp "$dir/Content/actors.yml" "$WORK/actors.bak"
  inc_t=(); inc_s=(); inc_r=(); for i in $(seq 0 $((NSTEPS - 1))); do inc_r[$i]=0; done
  step() { # step INDEX: one incremental build, its wall and system times appended to inc_t[INDEX] and inc_s[INDEX]
    local t r y; read -r t r y < <(inc)
    inc_t[$1]="${inc_t[$1]:-} $t"; inc_s[$1]="${inc_s[$1]:-} $y"; [ "$r" -gt "${inc_r[$1]}" ] && inc_r[$1]=$r; return 0
  }
  for run in $(seq "$RUNS"); do
    rm -rf "$templates"; cp -R Templates "$templates"
    sleep 2.2; inc >/dev/null
    step 0
    cp "$articles/$edited" "$WORK/touched"; cat "$WORK/touched" > "$articles/$edited"; step 1
    sed -i '0,/ said/s// stated/' "$articles/$edited"; step 2
    cp "$WORK/edited.bak" "$articles/zz-added-$edited"; step 3
    rm "$articles/zz-added-$edited"; step 4
    printf '\nEdited by make bench.\n' >> "$templates/actor.md"; step 5
    printf '\nEdited by make bench.\n' >> "$templates/article.md"; step 6
    sed -i 's/\[Newer: /[Later: /' "$templates/article.md"; step 7
    sed -i 's|</footer>|<p>Edited by make bench.</p></footer>|' "$templates/layout.html"; step 8
    printf -- '- name: Benchmark Person\n  aliases: [Bench Person]\n  kind: person\n' >> "$dir/Content/actors.yml"; step 9
    sed -i 's/^{.block-actors}$/{.block-actors .bench}/' "$templates/partials/block-actors.md"
    grep -q '^{.block-actors .bench}$' "$templates/partials/block-actors.md" || { echo "bench: partials/block-actors.md has no {.block-actors} line to edit" >&2; exit 1; }
    step 10
    cp "$WORK/edited.bak" "$articles/$edited"; cp "$WORK/actors.bak" "$dir/Content/actors.yml"
  done
  rm -rf "$templates"
  inc_med=""; inc_sys=""
  for i in $(seq 0 $((NSTEPS - 1))); do
    inc_med="$inc_med $(printf "%s\n" ${inc_t[$i]} | median)"; inc_sys="$inc_sys $(printf "%s\n" ${inc_s[$i]} | median)"
  done
  inc_peak="${inc_r[*]}"
  awk -v n="$n" -v bm="$b_med" -v hm="$h_med" -v bp="$b_pages" -v hp="$h_pages" -v br="$b_rss" -v hr="$h_rss" -v cm="$c_med" \
      -v im="$inc_med" -v is="$inc_sys" -v ir="$inc_peak" -v steps="$STEPS" -v am="$a_med" -v ar="$a_rss" -v rev="${rev:-}" 'BEGIN {
    printf "%-8s %-14s %10.2f %10.0f %10.0f %11.2fx\n", n, "briefing", bm, bp / (bm > 0 ? bm : 0.01), br / 1024, bm / (hm > 0 ? hm : 0.01)
    printf "%-8s %-14s %10.2f %10.0f %10.0f %12s\n", n, "hugo", hm, hp / (hm > 0 ? hm : 0.01), hr / 1024, "1.00x"
    if (rev != "") printf "%-8s %-14s %10.2f %10.0f %10.0f %11.2fx  (briefing/baseline %.2f)\n", n, "base " rev, am, bp / (am > 0 ? am : 0.01), ar / 1024, am / (hm > 0 ? hm : 0.01), bm / (am > 0 ? am : 0.01)
    printf "%-8s %-14s %10.2f %10s %10s %12s\n", n, "cmark-gfm", cm, "-", "-", "(floor)"
    count = split(steps, label, "|")
    split(im, secs, " "); split(is, sy, " "); split(ir, peaks, " ")
    for (i = 1; i <= count; i++)
      printf "%-8s %-14s %10.2f %10s %10.0f %11.0f%%  (system %.2f s)\n", n, label[i], secs[i], "-", peaks[i] / 1024, 100 * secs[i] / bm, sy[i]
  }'
done
[ -z "$BASELINE" ] || echo "base $rev: the clean build of commit $rev (BENCH_BASELINE), with its own templates, alternating with the two above; pages/s counts this build's pages."
echo "no change … block partial: incremental builds with a warm cache, one change after another (nothing: the build ends at once; an article written again with the same bytes: touched; an article edited, a copy added, then removed, actor.md, article.md: a sentence added, then a link's label in a tagged part, layout.html, a gazetteer entry, a class in the partial of every paragraph: block partial), $RUNS runs: median time, highest peak; then the share of the clean briefing build, and the median system time (the kernel's part: on ext4 without a journal, creating files soon after many were freed walks past them, BENCHMARKS.md)."
for n in $SIZES; do
  echo "Template metrics of the last clean briefing build of $n articles (briefing build --template-metrics):"
  grep -v '^Built ' "$WORK/metrics-$n.txt"
done
