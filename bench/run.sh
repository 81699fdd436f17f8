#!/usr/bin/env bash
# bench/run.sh: `make bench`, playbook against Hugo on the same synthetic corpus.
# bench/README.md explains what is measured and keeps the history of the figures.
#
# Usage: bench/run.sh                      (from anywhere; paths are relative to the repository)
#        SIZES=100000 bench/run.sh         (the opt-in 100,000-page size, playbook only)
#
# For each size it generates a corpus with bench/corpus (deterministic from SEED), wraps it in
# two Hugo peer sites (bench/hugo/mksite.sh; Hugo reads the same Markdown files), does one
# untimed warm-up build per tool, then RUNS timed builds alternating the tools (A B C A B C ...),
# each into a fresh --dest, under /usr/bin/time. The tools:
#   playbook    its whole page set (pages, sections, home, tags, stages, twins, feed, sitemap,
#               llms.txt, 404, plus the link check)
#   hugo        Hugo with its defaults: pages, sections, home, tag and stage pages, RSS,
#               sitemap, robots.txt, 404 (bench/hugo/hugo.toml.in)
#   hugo-bare   Hugo with pages, section lists and home only, the page set of
#               shared/bench/peer-sites.sh (bench/hugo/bare/hugo.toml.in)
# Outputs are deleted only when the whole run ends, never between builds: on ext4 without a
# journal (the reference VM) each file created within ~40 s of a mass deletion scans the
# recently freed inodes (find_inode_bit -> recently_deleted in perf), so a build right after
# `rm -rf` of the previous output paid up to 9 s of kernel time for the other tool's deletion.
# This needs about 5 GB free at 10k pages, and deleting it all at the end takes minutes at 100k.
# The one exception is a disk without room for the next build (about 4.3 GB each at 100k
# pages): then the outputs measured so far are deleted and the next build starts QUIET seconds
# later, past the window in which it would pay for that.
#
# Sizes above LARGE (10,000 pages) are opt-in and run playbook only: Hugo would need ~30 GB of
# RAM and many minutes at 100,000 pages (HUGO_LARGE=1 runs it anyway). They get RUNS_LARGE
# timed runs, and their wall time is compared with the largest size <= LARGE; when SIZES holds
# none (SIZES=100000), a LARGE-page size is added for that, playbook only.
#
# It prints per size the median wall time, peak RSS and CPU time (user+sys, steadier than wall
# time on a busy machine) of each tool, the output size, and the playbook/Hugo ratios; then the
# wall-time ratio between consecutive sizes (linear cost = the page ratio) and the targets; then
# the Go benchmarks of generator/ (parse and render stages, with allocations) and the serve
# reload latency, when they exist.
#
# Environment:
#   RUNS=5               timed runs per tool per size up to LARGE pages (the reference VM varies
#                        by ±20% from one minute to the next; five give a steadier median)
#   RUNS_LARGE=2         timed runs per tool at sizes above LARGE (a 100k build takes minutes)
#   SIZES="1000 10000"   corpus sizes in pages (any order), e.g. SIZES="1000 10000 100000"
#   LARGE=10000          sizes above it are large: playbook only, RUNS_LARGE, the 1.5 GB target
#   HUGO_LARGE=0         1: run Hugo at large sizes too (about 30 GB of RAM at 100k pages)
#   QUIET=45             seconds to wait after deleting outputs when the disk is short
#   SEED=42              corpus seed
#   TOOLS="playbook hugo hugo-bare"  which builders to time (TOOLS="hugo hugo-bare" works
#                        without cmd/playbook)
#   HUGO=/usr/bin/hugo   Hugo binary (Debian: apt-get install hugo; measured with 0.111.3)
#   PLAYBOOK=path        a prebuilt playbook binary instead of `go build ./cmd/playbook`
#   BENCHTIME=1s         go test -benchtime
#   GOBENCH=0            skip the Go benchmarks
#   KEEP=1               keep the work directory (corpora, sites, logs) instead of deleting it
# Exit status: 0 when every build and benchmark ran, 1 otherwise. Targets are reported, not
# enforced: a missed target is printed as MISS and does not fail the run.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${RUNS:-5}
RUNS_LARGE=${RUNS_LARGE:-2}
SIZES=${SIZES:-"1000 10000"}
LARGE=${LARGE:-10000}
HUGO_LARGE=${HUGO_LARGE:-0}
QUIET=${QUIET:-45}
SEED=${SEED:-42}
TOOLS=${TOOLS:-"playbook hugo hugo-bare"}
HUGO=${HUGO:-/usr/bin/hugo}
PLAYBOOK=${PLAYBOOK:-}
BENCHTIME=${BENCHTIME:-1s}
GOBENCH=${GOBENCH:-1}
KEEP=${KEEP:-0}
TIMECMD=/usr/bin/time
# Targets (issue #8), at the largest size <= LARGE: playbook/Hugo wall time and peak RSS,
# against each Hugo configuration.
TARGET_WALL=0.30
TARGET_RSS=0.20
# Targets at sizes above LARGE (set for 100,000 pages): playbook's peak RSS in MB (MiB, as
# /usr/bin/time reports KiB; 1536 MB = 1.5 GB), and its wall time at most SLACK times linear
# against the largest size <= LARGE (100k/10k pages: 1.1 x 10 = 11x).
TARGET_LARGE_RSS_MB=1536
TARGET_LARGE_SLACK=1.1
# Free space kept beyond a build's expected output before the disk counts as short.
RESERVE_KB=$((1024 * 1024))
STATUS=0
SIZE_LIST=()  # sizes to run, ascending
BASE=         # the largest size <= LARGE: Hugo targets, base of the large-size wall ratio
AUTO_BASE=0   # 1 when BASE was added for the large sizes (playbook only)
declare -A RAN WALL SPREAD CPU RSS PAGES OUTKB

die() { echo "bench: $*" >&2; exit 1; }
has() { [[ " $TOOLS " == *" $1 "* ]]; }
ran() { [[ " ${RAN[$2]:-} " == *" $1 "* ]]; } # ran TOOL N: TOOL builds at N pages
ran_any() { local n; for n in "${SIZE_LIST[@]}"; do ran "$1" "$n" && return 0; done; return 1; }
hugos() { local t; for t in $TOOLS; do [[ $t == hugo* ]] && echo "$t"; done; return 0; }
large() { [ "$1" -gt "$LARGE" ]; }
runs_at() { if large "$1"; then echo "$RUNS_LARGE"; else echo "$RUNS"; fi; }
avail_kb() { df -Pk "$WORK" | awk 'NR == 2 { print $4 }'; }

check_env() {
  local n t
  [[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer, got '$RUNS'"
  [[ $RUNS_LARGE =~ ^[1-9][0-9]*$ ]] || die "RUNS_LARGE must be a positive integer, got '$RUNS_LARGE'"
  [[ $LARGE =~ ^[1-9][0-9]*$ ]] || die "LARGE must be a positive integer (pages), got '$LARGE'"
  [[ $HUGO_LARGE =~ ^[01]$ ]] || die "HUGO_LARGE must be 0 or 1, got '$HUGO_LARGE'"
  [[ $QUIET =~ ^[0-9]+$ ]] || die "QUIET must be a number of seconds, got '$QUIET'"
  [[ $SEED =~ ^[0-9]+$ ]] || die "SEED must be a non-negative integer, got '$SEED'"
  [ -n "${SIZES// /}" ] || die "SIZES is empty; e.g. SIZES=\"1000 10000\""
  for n in $SIZES; do [[ $n =~ ^[1-9][0-9]*$ ]] || die "SIZES holds '$n'; use page counts like \"1000 10000\""; done
  [ -n "${TOOLS// /}" ] || die "TOOLS is empty; use TOOLS=\"playbook hugo hugo-bare\""
  for t in $TOOLS; do
    case $t in playbook | hugo | hugo-bare) ;; *) die "TOOLS holds '$t'; use playbook, hugo and/or hugo-bare" ;; esac
  done
  command -v go >/dev/null || die "go is not on PATH"
  [ -x "$TIMECMD" ] || die "$TIMECMD is missing: sudo apt-get install time"
  if has playbook && [ -n "$PLAYBOOK" ] && [ ! -x "$PLAYBOOK" ]; then
    die "PLAYBOOK=$PLAYBOOK is not an executable file"
  fi
  if has playbook && [ -z "$PLAYBOOK" ] && [ ! -d "$ROOT/cmd/playbook" ]; then
    die "$ROOT/cmd/playbook does not exist yet; measure Hugo alone with: TOOLS=\"hugo hugo-bare\" $0"
  fi
}

# plan_sizes: SIZE_LIST, BASE and which tools build at each size (RAN).
plan_sizes() {
  local n t
  # shellcheck disable=SC2086 # SIZES is a list of numbers, checked by check_env
  read -r -a SIZE_LIST <<<"$(printf '%s\n' $SIZES | sort -n -u | tr '\n' ' ')"
  for n in "${SIZE_LIST[@]}"; do
    if ! large "$n"; then BASE=$n; fi
  done
  if [ -z "$BASE" ] && has playbook; then
    BASE=$LARGE
    AUTO_BASE=1
    SIZE_LIST=("$BASE" "${SIZE_LIST[@]}")
  fi
  for n in "${SIZE_LIST[@]}"; do
    RAN[$n]=
    for t in $TOOLS; do
      if [ "$n" = "$BASE" ] && [ "$AUTO_BASE" = 1 ] && [ "$t" != playbook ]; then continue; fi
      if large "$n" && [ "$t" != playbook ] && [ "$HUGO_LARGE" = 0 ]; then continue; fi
      RAN[$n]+="${RAN[$n]:+ }$t"
    done
    [ -n "${RAN[$n]}" ] || die "nothing to run at $n pages: Hugo runs above LARGE=$LARGE pages only with HUGO_LARGE=1"
  done
  if { ran_any hugo || ran_any hugo-bare; } && [ ! -x "$HUGO" ]; then
    die "$HUGO is missing: sudo apt-get install hugo, or set HUGO=/path/to/hugo"
  fi
}

make_workdir() {
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/playbook-bench.XXXXXX")
  trap cleanup EXIT
  trap 'exit 130' INT TERM
}

# shellcheck disable=SC2317 # run by the EXIT trap
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
  if ran_any hugo || ran_any hugo-bare; then "$HUGO" version || die "'$HUGO version' failed; is HUGO a Hugo binary?"; fi
  if has playbook; then "$WORK/bin/playbook" version || echo "playbook: 'playbook version' failed"; fi
  echo "host: $(nproc) CPUs, $(uname -sr), $(awk '/^MemTotal/ { printf "%.1f GB RAM", $2 / 1048576 }' /proc/meminfo)," \
    "$(avail_kb | awk '{ printf "%.1f GB", $1 / 1048576 }') free under $WORK"
  echo "runs: $RUNS timed per tool per size (above $LARGE pages: $RUNS_LARGE) after 1 warm-up, alternating ($TOOLS); seed $SEED"
  if ran_any hugo; then echo "hugo: Hugo's defaults: pages, sections, home, tag and stage pages, RSS, sitemap, robots.txt, 404"; fi
  if ran_any hugo-bare; then echo "hugo-bare: pages, section lists and home only (the page set of shared/bench/peer-sites.sh)"; fi
  return 0
}

# prepare N: the corpus of N pages and the Hugo sites of the Hugo tools that build at N.
prepare() {
  local n=$1
  "$WORK/bin/corpus" --pages "$n" --seed "$SEED" --out "$WORK/corpus-$n"
  if ran hugo "$n"; then bash "$ROOT/bench/hugo/mksite.sh" "$WORK/corpus-$n" "$WORK/hugo-$n"; fi
  if ran hugo-bare "$n"; then bash "$ROOT/bench/hugo/mksite.sh" --bare "$WORK/corpus-$n" "$WORK/hugo-bare-$n"; fi
  return 0
}

# build_cmd TOOL N DEST: sets CMD to the build command line.
build_cmd() {
  case $1 in
    playbook) CMD=("$WORK/bin/playbook" build --source "$WORK/corpus-$2" --dest "$3") ;;
    hugo | hugo-bare) CMD=("$HUGO" --source "$WORK/$1-$2" --destination "$3" --minify --quiet
      --cacheDir "$WORK/cache-$1") ;;
  esac
}

# ensure_room TOOL N: when the disk lacks room for TOOL's next output at N pages (known from its
# warm-up, or scaled from the base size) plus RESERVE_KB, delete every output measured so far
# and wait QUIET seconds, so the next build does not pay for the deletion (see the header).
ensure_room() {
  local tool=$1 n=$2 need avail
  need=${OUTKB[$tool-$n]:-}
  if [ -z "$need" ] && [ -n "$BASE" ] && [ -n "${OUTKB[$tool-$BASE]:-}" ]; then
    need=${OUTKB[$tool-$BASE]}
    need=$((need * n / BASE))
  fi
  [ -n "$need" ] || return 0
  avail=$(avail_kb)
  [ $((need + RESERVE_KB)) -gt "$avail" ] || return 0
  if compgen -G "$WORK/out-*" >/dev/null; then
    echo "bench: $((avail / 1024)) MB free, $tool at $n pages writes about $((need / 1024)) MB:" \
      "deleting the outputs measured so far, then waiting ${QUIET}s" >&2
    rm -rf "$WORK"/out-*
    sleep "$QUIET"
    avail=$(avail_kb)
  fi
  if [ $((need + RESERVE_KB)) -gt "$avail" ]; then
    echo "bench: warning: $((avail / 1024)) MB free, $tool at $n pages writes about $((need / 1024)) MB" >&2
  fi
  return 0
}

# run_once TOOL N KIND: one build into a fresh dest under /usr/bin/time. KIND "warmup" counts
# the pages and the output's size; KIND "timed" appends "wall_s peak_rss_kb user_s sys_s" to
# $WORK/times-TOOL-N. The output stays until cleanup (see the header for why and when not).
run_once() {
  local tool=$1 n=$2 kind=$3 tf="$WORK/time.txt" log="$WORK/build.log"
  local out
  ensure_room "$tool" "$n"
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
    OUTKB[$tool-$n]=$(du -sk "$out" | cut -f1)
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

# verdict VALUE TARGET: ok or MISS for a value like 0.21x or 812.4 against a maximum.
verdict() { awk -v r="${1%x}" -v t="${2%x}" 'BEGIN { if (r == "n/a" || r == "") print "n/a"; else print (r + 0 <= t + 0) ? "ok" : "MISS" }'; }

bench_size() {
  local n=$1 t i r
  r=$(runs_at "$n")
  echo
  if [ "$n" = "$BASE" ] && [ "$AUTO_BASE" = 1 ]; then
    echo "== $n pages (added as the base of the larger sizes' wall-time ratio; playbook only) =="
  else
    echo "== $n pages =="
  fi
  if large "$n" && [ "$HUGO_LARGE" = 0 ] && [ -n "$(hugos)" ]; then
    echo "($(hugos | tr '\n' ' ')not run above $LARGE pages: Hugo needs ~30 GB of RAM and many minutes at 100,000; HUGO_LARGE=1 runs it)"
  fi
  prepare "$n"
  for t in ${RAN[$n]}; do run_once "$t" "$n" warmup; done
  for ((i = 1; i <= r; i++)); do
    for t in ${RAN[$n]}; do run_once "$t" "$n" timed; done
  done
  for t in ${RAN[$n]}; do
    WALL[$t-$n]=$(cut -d' ' -f1 "$WORK/times-$t-$n" | median | awk '{ printf "%.2f", $1 }')
    SPREAD[$t-$n]=$(sort -n "$WORK/times-$t-$n" | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.2f-%.2f", lo, hi }')
    CPU[$t-$n]=$(awk '{ print $3 + $4 }' "$WORK/times-$t-$n" | median | awk '{ printf "%.2f", $1 }')
    RSS[$t-$n]=$(cut -d' ' -f2 "$WORK/times-$t-$n" | median | awk '{ printf "%.1f", $1 / 1024 }')
  done
  report_size "$n" "$r"
}

report_size() {
  local n=$1 r=$2 t h
  local f='%-19s %9s %12s %13s %9s %11s %8s\n' fr='%-19s %9s %12s %13s %9s\n'
  # shellcheck disable=SC2059 # $f is this function's own format
  printf "$f" "(median of $r)" "wall s" "peak RSS MB" "wall min-max" "cpu s" "index.html" "out MB"
  for t in ${RAN[$n]}; do
    # shellcheck disable=SC2059
    printf "$f" "$t" "${WALL[$t-$n]}" "${RSS[$t-$n]}" "${SPREAD[$t-$n]}" "${CPU[$t-$n]}" "${PAGES[$t-$n]}" \
      "$(awk -v k="${OUTKB[$t-$n]}" 'BEGIN { printf "%.0f", k / 1024 }')"
  done
  ran playbook "$n" || return 0
  for h in $(hugos); do
    ran "$h" "$n" || continue
    # shellcheck disable=SC2059
    printf "$fr" "playbook/$h" "$(ratio "${WALL[playbook-$n]}" "${WALL[$h-$n]}")" \
      "$(ratio "${RSS[playbook-$n]}" "${RSS[$h-$n]}")" "" "$(ratio "${CPU[playbook-$n]}" "${CPU[$h-$n]}")"
  done
}

report_summary() {
  local t h n prev w r limit printed=0
  echo
  echo "== summary =="
  # Scaling: wall time between consecutive sizes of each tool (linear: the page ratio).
  for t in $TOOLS; do
    prev=
    for n in "${SIZE_LIST[@]}"; do
      ran "$t" "$n" || continue
      if [ -n "$prev" ]; then
        echo "$t wall time $n/$prev pages: $(ratio "${WALL[$t-$n]}" "${WALL[$t-$prev]}") (linear: $(ratio "$n" "$prev"))"
        printed=1
      fi
      prev=$n
    done
  done
  # Against Hugo, at BASE: the largest size <= LARGE.
  if [ -n "$BASE" ] && ran playbook "$BASE"; then
    for h in $(hugos); do
      ran "$h" "$BASE" || continue
      w=$(ratio "${WALL[playbook-$BASE]}" "${WALL[$h-$BASE]}")
      r=$(ratio "${RSS[playbook-$BASE]}" "${RSS[$h-$BASE]}")
      echo "target at $BASE pages: wall playbook/$h $w <= ${TARGET_WALL}x: $(verdict "$w" "$TARGET_WALL")"
      echo "target at $BASE pages: peak RSS playbook/$h $r <= ${TARGET_RSS}x: $(verdict "$r" "$TARGET_RSS")"
      printed=1
    done
  fi
  # Large sizes: playbook's memory, and its wall time against BASE's.
  for n in "${SIZE_LIST[@]}"; do
    if ! large "$n" || ! ran playbook "$n"; then continue; fi
    r=${RSS[playbook-$n]}
    echo "target at $n pages: playbook peak RSS $r MB <= $TARGET_LARGE_RSS_MB MB: $(verdict "$r" "$TARGET_LARGE_RSS_MB")"
    limit=$(awk -v s="$TARGET_LARGE_SLACK" -v n="$n" -v b="$BASE" 'BEGIN { printf "%.2fx", s * n / b }')
    w=$(ratio "${WALL[playbook-$n]}" "${WALL[playbook-$BASE]}")
    echo "target at $n pages: playbook wall $n/$BASE pages $w <= $limit ($TARGET_LARGE_SLACK x linear): $(verdict "$w" "$limit")"
    printed=1
  done
  if [ "$printed" = 0 ]; then echo "(one size and no playbook/Hugo pair: nothing to compare)"; fi
  return 0
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
  echo
  echo "== serve reload latency =="
  if [ -f "$ROOT/bench/reload.sh" ]; then
    if ! has playbook; then
      echo "(skipped: TOOLS does not include playbook)"
      return 0
    fi
    cp -R "$WORK/corpus-${SIZE_LIST[0]}" "$WORK/reload-site"
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

# search_figures: the site search on the largest corpus of at most LARGE pages: what building
# the index costs (one more build, CPU-profiled: the CPU seconds in search.Parts, Builder.Add
# and Builder.Finish over the build's; wall time means little on a busy machine), what a
# first query downloads (bench/corpus TestSearchFirstQuerySize over that build's output), and
# how long a query takes in Chromium once its data arrived (generator/search
# TestBrowserQueryTime; logged, never asserted).
search_figures() {
  echo
  echo "== site search =="
  local n="" m out tf="$WORK/search-time.txt" prof="$WORK/search-cpu.prof"
  for m in "${SIZE_LIST[@]}"; do if [ "$m" -le "$LARGE" ] && ran playbook "$m"; then n=$m; fi; done
  if [ -z "$n" ]; then echo "(no playbook build at most $LARGE pages)"; return 0; fi
  out=$(mktemp -d "$WORK/out-search-$n.XXXXXX")
  if ! PLAYBOOK_CPUPROFILE="$prof" /usr/bin/time -f "%e %U %S" -o "$tf" "$WORK/bin/playbook" build \
    --source "$WORK/corpus-$n" --dest "$out" --timings 2>"$WORK/search-build.log" >/dev/null; then
    cat "$WORK/search-build.log"; STATUS=1; return 0
  fi
  echo "$n pages: build $(awk '{ printf "%.1f s wall, %.2f s CPU", $1, $2 + $3 }' "$tf"); $(grep -o 'search index [^·]*' "$WORK/search-build.log" | sed 's/ *$//') after the pages"
  (cd "$ROOT" && go tool pprof -top -cum -nodefraction=0 -nodecount=1000000 "$WORK/bin/playbook" "$prof") 2>/dev/null | awk '
    function secs(v) { if (v ~ /ms$/) return substr(v, 1, length(v) - 2) / 1000; if (v ~ /mins$/) return substr(v, 1, length(v) - 4) * 60; if (v ~ /s$/) return substr(v, 1, length(v) - 1); return v }
    /Total samples =/ { for (i = 1; i <= NF; i++) if ($i == "=") total = secs($(i + 1)) }
    $NF ~ /^playbook\/generator\/search\.(Parts|\(\*Builder\)\.(Add|Finish))$/ { s += secs($4) }
    END { if (total > 0) printf "index building: %.2f s CPU of %.2f s profiled (search.Parts, Builder.Add, Builder.Finish), %.1f%% of the build (target <= 10%%)\n", s, total, 100 * s / total }'
  if (cd "$ROOT" && go test -count=1 -run TestSearchFirstQuerySize -v ./bench/corpus -args -search-out "$out") \
    >"$WORK/search-size.txt" 2>&1; then
    grep -E 'requests|first word|whole question' "$WORK/search-size.txt" | sed 's/^ *search_size_test.go:[0-9]*: /  /'
  else
    cat "$WORK/search-size.txt"; echo "bench: search first-query target missed" >&2; STATUS=1
  fi
  if (cd "$ROOT" && go test -count=1 -run TestBrowserQueryTime -v ./generator/search -args -query-site "$out") \
    >"$WORK/search-query.txt" 2>&1; then
    grep -E 'query time in Chromium' "$WORK/search-query.txt" | sed 's/^ *browser_test.go:[0-9]*: /  /'
  else
    cat "$WORK/search-query.txt"; echo "bench: search query-time test failed" >&2; STATUS=1
  fi
}

main() {
  local n
  check_env
  plan_sizes
  make_workdir
  build_bins
  print_versions
  for n in "${SIZE_LIST[@]}"; do bench_size "$n"; done
  report_summary
  go_benchmarks
  search_figures
  reload_latency
  exit "$STATUS"
}

main "$@"
