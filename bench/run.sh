#!/usr/bin/env bash
# bench/run.sh: `make bench`, playbook against Hugo on the same synthetic corpus.
#
# Usage: bench/run.sh            (from anywhere; paths are relative to the repository)
#
# For each size it generates a corpus with bench/corpus (deterministic from SEED), wraps it in
# a Hugo peer site (bench/hugo/mksite.sh; Hugo reads the same Markdown files), does one
# untimed warm-up build per tool, then RUNS timed builds alternating the tools (A B A B ...),
# each into a fresh --dest, under /usr/bin/time. Outputs are deleted only when the whole run
# ends, never between builds: on ext4 without a journal (the reference VM) each file created
# within ~40 s of a mass deletion scans the recently freed inodes (find_inode_bit ->
# recently_deleted in perf), so a build right after `rm -rf` of the previous output paid up
# to 9 s of kernel time for the other tool's deletion. This needs about 3 GB free at 10k pages. It prints per size the median wall time,
# peak RSS and CPU time (user+sys, steadier than wall time on a busy machine) of each tool and
# the playbook/Hugo ratios; then the wall-time ratio between the largest and smallest size
# (linear cost = the page ratio) and the targets; then the Go benchmarks of generator/ (parse
# and render stages, with allocations) and the serve reload latency, when they exist.
#
# Environment:
#   RUNS=5               timed runs per tool per size (the reference VM varies by ±20% from
#                        one minute to the next; five pairs give a steadier median than three)
#   SIZES="1000 10000"   corpus sizes in pages, smallest first
#   SEED=42              corpus seed
#   TOOLS="playbook hugo"  which builders to time (TOOLS=hugo works before cmd/playbook exists)
#   HUGO=/usr/bin/hugo   Hugo binary (Debian: apt-get install hugo)
#   PLAYBOOK=path        a prebuilt playbook binary instead of `go build ./cmd/playbook`
#   BENCHTIME=1s         go test -benchtime
#   GOBENCH=0            skip the Go benchmarks
#   KEEP=1               keep the work directory (corpora, sites, logs) instead of deleting it
# Exit status: 0 when every build and benchmark ran, 1 otherwise. Targets are reported, not
# enforced: a missed target is printed as MISS and does not fail the run.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${RUNS:-5}
SIZES=${SIZES:-"1000 10000"}
SEED=${SEED:-42}
TOOLS=${TOOLS:-"playbook hugo"}
HUGO=${HUGO:-/usr/bin/hugo}
PLAYBOOK=${PLAYBOOK:-}
BENCHTIME=${BENCHTIME:-1s}
GOBENCH=${GOBENCH:-1}
KEEP=${KEEP:-0}
TIMECMD=/usr/bin/time
# Targets from issue #8, at the largest size: playbook/Hugo wall time and peak RSS.
TARGET_WALL=0.30
TARGET_RSS=0.25
STATUS=0
declare -A WALL SPREAD CPU RSS PAGES

die() { echo "bench: $*" >&2; exit 1; }
has() { [[ " $TOOLS " == *" $1 "* ]]; }

check_env() {
  [[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer, got '$RUNS'"
  [[ $SEED =~ ^[0-9]+$ ]] || die "SEED must be a non-negative integer, got '$SEED'"
  [ -n "${SIZES// /}" ] || die "SIZES is empty; e.g. SIZES=\"1000 10000\""
  local n t
  for n in $SIZES; do [[ $n =~ ^[1-9][0-9]*$ ]] || die "SIZES holds '$n'; use page counts like \"1000 10000\""; done
  [ -n "${TOOLS// /}" ] || die "TOOLS is empty; use TOOLS=\"playbook hugo\""
  for t in $TOOLS; do
    case $t in playbook | hugo) ;; *) die "TOOLS holds '$t'; use playbook and/or hugo" ;; esac
  done
  command -v go >/dev/null || die "go is not on PATH"
  [ -x "$TIMECMD" ] || die "$TIMECMD is missing: sudo apt-get install time"
  if has hugo && [ ! -x "$HUGO" ]; then
    die "$HUGO is missing: sudo apt-get install hugo, or set HUGO=/path/to/hugo"
  fi
  if has playbook && [ -n "$PLAYBOOK" ] && [ ! -x "$PLAYBOOK" ]; then
    die "PLAYBOOK=$PLAYBOOK is not an executable file"
  fi
  if has playbook && [ -z "$PLAYBOOK" ] && [ ! -d "$ROOT/cmd/playbook" ]; then
    die "$ROOT/cmd/playbook does not exist yet; measure Hugo alone with: TOOLS=hugo $0"
  fi
}

make_workdir() {
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/playbook-bench.XXXXXX")
  trap cleanup EXIT
  trap 'exit 130' INT TERM
}

cleanup() {
  if [ "$KEEP" = 1 ]; then echo "bench: kept $WORK" >&2; else rm -rf "$WORK"; fi
}

build_bins() {
  mkdir -p "$WORK/bin"
  (cd "$ROOT" && go build -o "$WORK/bin/corpus" ./bench/corpus)
  if ! has playbook; then return 0; fi
  if [ -n "$PLAYBOOK" ]; then
    cp "$PLAYBOOK" "$WORK/bin/playbook"
  else
    (cd "$ROOT" && go build -o "$WORK/bin/playbook" ./cmd/playbook)
  fi
}

print_versions() {
  echo "== versions =="
  go version
  if has hugo; then "$HUGO" version || die "'$HUGO version' failed; is HUGO a Hugo binary?"; fi
  if has playbook; then "$WORK/bin/playbook" version || echo "playbook: 'playbook version' failed"; fi
  echo "host: $(nproc) CPUs, $(uname -sr)"
  echo "runs: $RUNS timed per tool per size after 1 warm-up, alternating ($TOOLS); seed $SEED"
}

# prepare N: the corpus of N pages and, when Hugo is measured, its Hugo site.
prepare() {
  local n=$1
  "$WORK/bin/corpus" --pages "$n" --seed "$SEED" --out "$WORK/corpus-$n"
  if has hugo; then bash "$ROOT/bench/hugo/mksite.sh" "$WORK/corpus-$n" "$WORK/hugo-$n"; fi
}

# build_cmd TOOL N DEST: sets CMD to the build command line.
build_cmd() {
  case $1 in
    playbook) CMD=("$WORK/bin/playbook" build --source "$WORK/corpus-$2" --dest "$3") ;;
    hugo) CMD=("$HUGO" --source "$WORK/hugo-$2" --destination "$3" --minify --quiet
      --cacheDir "$WORK/hugo-cache") ;;
  esac
}

# run_once TOOL N KIND: one build into a fresh dest under /usr/bin/time. KIND "warmup" counts
# the pages written; KIND "timed" appends "wall_s peak_rss_kb user_s sys_s" to $WORK/times-TOOL-N.
# The output stays until cleanup (see the header for why).
run_once() {
  local tool=$1 n=$2 kind=$3 tf="$WORK/time.txt" log="$WORK/build.log"
  local out
  out=$(mktemp -d "$WORK/out-$1-$2.XXXXXX")
  rmdir "$out"
  build_cmd "$tool" "$n" "$out"
  if ! "$TIMECMD" -f '%e %M %U %S' -o "$tf" "${CMD[@]}" >"$log" 2>&1; then
    echo "bench: $tool failed on $n pages: ${CMD[*]}" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  if [ "$kind" = warmup ]; then
    PAGES[$tool-$n]=$(find "$out" -name index.html | wc -l)
  else
    tail -n 1 "$tf" >>"$WORK/times-$tool-$n"
  fi
}

# median: the median of the numbers on stdin, one a line.
median() {
  sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) exit 1; print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# ratio A B: A/B with two decimals and an x, or n/a.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.2fx\n", a / b }'; }

# verdict VALUE_X TARGET: ok or MISS for a ratio like 0.21x against a maximum.
verdict() { awk -v r="${1%x}" -v t="$2" 'BEGIN { if (r == "n/a") print "n/a"; else print (r + 0 <= t + 0) ? "ok" : "MISS" }'; }

bench_size() {
  local n=$1 t i
  echo
  echo "== $n pages =="
  prepare "$n"
  for t in $TOOLS; do run_once "$t" "$n" warmup; done
  for ((i = 1; i <= RUNS; i++)); do
    for t in $TOOLS; do run_once "$t" "$n" timed; done
  done
  for t in $TOOLS; do
    WALL[$t-$n]=$(cut -d' ' -f1 "$WORK/times-$t-$n" | median | awk '{ printf "%.2f", $1 }')
    SPREAD[$t-$n]=$(sort -n "$WORK/times-$t-$n" | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.2f-%.2f", lo, hi }')
    CPU[$t-$n]=$(awk '{ print $3 + $4 }' "$WORK/times-$t-$n" | median | awk '{ printf "%.2f", $1 }')
    RSS[$t-$n]=$(cut -d' ' -f2 "$WORK/times-$t-$n" | median | awk '{ printf "%.1f", $1 / 1024 }')
  done
  report_size "$n"
}

report_size() {
  local n=$1 t
  local f='%-15s %10s %14s %14s %10s %12s\n'
  # shellcheck disable=SC2059 # $f is this function's own format
  printf "$f" "(median of $RUNS)" "wall s" "peak RSS MB" "wall min-max" "cpu s" "index.html"
  for t in $TOOLS; do
    # shellcheck disable=SC2059
    printf "$f" "$t" "${WALL[$t-$n]}" "${RSS[$t-$n]}" "${SPREAD[$t-$n]}" "${CPU[$t-$n]}" "${PAGES[$t-$n]}"
  done
  if has playbook && has hugo; then
    # shellcheck disable=SC2059
    printf "$f" "playbook/hugo" "$(ratio "${WALL[playbook-$n]}" "${WALL[hugo-$n]}")" \
      "$(ratio "${RSS[playbook-$n]}" "${RSS[hugo-$n]}")" "" "$(ratio "${CPU[playbook-$n]}" "${CPU[hugo-$n]}")" ""
  fi
}

report_summary() {
  local sizes=($SIZES) t w r
  local small=${sizes[0]} large=${sizes[${#sizes[@]} - 1]}
  echo
  echo "== summary =="
  if [ "$small" = "$large" ] && ! { has playbook && has hugo; }; then
    echo "(one size and one tool: nothing to compare)"
  fi
  if [ "$small" != "$large" ]; then
    for t in $TOOLS; do
      echo "$t wall time $large/$small pages: $(ratio "${WALL[$t-$large]}" "${WALL[$t-$small]}") (linear: $(ratio "$large" "$small"))"
    done
  fi
  if has playbook && has hugo; then
    w=$(ratio "${WALL[playbook-$large]}" "${WALL[hugo-$large]}")
    r=$(ratio "${RSS[playbook-$large]}" "${RSS[hugo-$large]}")
    echo "target at $large pages: wall playbook/hugo $w <= ${TARGET_WALL}x: $(verdict "$w" "$TARGET_WALL")"
    echo "target at $large pages: peak RSS playbook/hugo $r <= ${TARGET_RSS}x: $(verdict "$r" "$TARGET_RSS")"
  fi
}

go_benchmarks() {
  echo
  echo "== Go benchmarks: parse and render stages (go test -bench . -benchmem ./generator/...) =="
  if [ "$GOBENCH" = 0 ]; then
    echo "(skipped: GOBENCH=0)"
    return 0
  fi
  if ! grep -rqs --include='*_test.go' '^func Benchmark' "$ROOT/generator"; then
    echo "(none yet: no func Benchmark* under generator/)"
    return 0
  fi
  if (cd "$ROOT" && go test -run '^$' -bench . -benchmem -benchtime "$BENCHTIME" ./generator/...) \
    >"$WORK/gobench.txt" 2>&1; then
    grep -E '^(cpu:|pkg:|Benchmark)' "$WORK/gobench.txt" | awk '!/^cpu:/ || !seen++'
  else
    cat "$WORK/gobench.txt"
    echo "bench: go benchmarks failed" >&2
    STATUS=1
  fi
}

# ---- HOOK: serve reload latency (owned by the serve engineer) ---------------------------
# Either add bench/reload.sh, run as
#     PLAYBOOK=<playbook binary> SITE=<scratch copy of the smallest corpus> bash bench/reload.sh
# (it may edit files under SITE; it prints its figures, e.g. "reload p50 40 ms, p95 65 ms
# (20 edits, 1000 pages)", and exits non-zero on failure), or add a Go benchmark named
# BenchmarkReload* under generator/: its lines are picked out of the Go benchmarks above.
reload_latency() {
  local sizes=($SIZES)
  echo
  echo "== serve reload latency =="
  if [ -f "$ROOT/bench/reload.sh" ]; then
    if ! has playbook; then
      echo "(skipped: TOOLS does not include playbook)"
      return 0
    fi
    cp -R "$WORK/corpus-${sizes[0]}" "$WORK/reload-site"
    if ! PLAYBOOK="$WORK/bin/playbook" SITE="$WORK/reload-site" bash "$ROOT/bench/reload.sh"; then
      echo "bench: bench/reload.sh failed" >&2
      STATUS=1
    fi
  elif grep -qs '^BenchmarkReload' "$WORK/gobench.txt"; then
    grep '^BenchmarkReload' "$WORK/gobench.txt"
  else
    echo "(not measured yet: add bench/reload.sh or a BenchmarkReload* under generator/)"
  fi
}
# ---- end HOOK -----------------------------------------------------------------------------

main() {
  local n
  check_env
  make_workdir
  build_bins
  print_versions
  for n in $SIZES; do bench_size "$n"; done
  report_summary
  go_benchmarks
  reload_latency
  exit "$STATUS"
}

main "$@"
