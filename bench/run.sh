#!/usr/bin/env bash
# Load benchmark of the published (Release) site, in one run: every reader page from the output
# cache, on a cache miss and for a signed-in member, on a site of 100 posts and one of 10,000 side
# by side (ratios printed); CPU per page, memory under each load, start-up, and the CLI's import
# rate on SQLite and PostgreSQL; cached pages against nginx serving the same bytes.
# See bench/README.md.
#
#   bash bench/run.sh            the whole set (under 10 minutes)
#   QUICK=1 bash bench/run.sh    the same steps, small and short (under 2 minutes; numbers not judged)
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(dirname "$BENCH_DIR")"
RESULTS_DIR="$BENCH_DIR/results"
# shellcheck source=lib/common.sh
. "$BENCH_DIR/lib/common.sh"
# shellcheck source=lib/wrk.sh
. "$BENCH_DIR/lib/wrk.sh"
. "$BENCH_DIR/lib/nginx.sh"
# shellcheck source=lib/postgres.sh
. "$BENCH_DIR/lib/postgres.sh"
# shellcheck source=lib/sites.sh
. "$BENCH_DIR/lib/sites.sh"
# shellcheck source=lib/api.sh
. "$BENCH_DIR/lib/api.sh"

QUICK="${QUICK:-0}"
if [ "$QUICK" = "1" ]; then
  # 60 posts: ten a month, so the month page (10 a page) and /forecasts (50 a page) show a full first
  # page on both sites, as at 100 and 10,000; with fewer the small site's pages show less and the ratio lies.
  : "${DURATION:=1s}" "${WARMUP:=0}" "${CONNECTIONS:=16}" "${SMALL_POSTS:=60}" "${LARGE_POSTS:=300}"
  # 2 comments: posting each through the form took half a second a site (20 were 14 s of a 2-minute run, 5 were 12 s).
  # No "more onto" imports: with the PostgreSQL one they were 9 s of a QUICK run in .ci/run, which took 125-127 s.
  : "${IMPORT_TIMEOUT:=30}" "${STARTUP_RUNS:=0}" "${SETTLE:=1}" "${COMMENTS:=2}" "${COMPARE_WARMUP:=1s}" "${COMPARE_ROUNDS:=1}"
  : "${MORE_ONTO:=0}"
  # The large site's cached pages come from the output cache alike at any size (the full run loads them): 6 s here.
  : "${LARGE_CACHED:=0}" "${BUSY_SECONDS:=1}"
else
  : "${DURATION:=5s}" "${WARMUP:=1s}" "${SMALL_POSTS:=100}" "${LARGE_POSTS:=10000}" "${IMPORT_TIMEOUT:=45}"
  : "${STARTUP_RUNS:=3}" "${SETTLE:=5}" "${COMMENTS:=20}"
fi
LARGE_CACHED="${LARGE_CACHED:-1}"
# How long the machine's other work is sampled just before the loads (the report's "noise" line).
BUSY_SECONDS="${BUSY_SECONDS:-3}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
# wrk gives up on a request after 2 s by default and counts it as an error; a slow page on a busy
# machine is slow, not failed, so it gets longer (its latency shows in p99).
WRK_TIMEOUT="${WRK_TIMEOUT:-10s}"
SITE_PORT="${SITE_PORT:-5491}"
LARGE_PORT="${LARGE_PORT:-$((SITE_PORT + 2))}"
NGINX_PORT="${NGINX_PORT:-5492}"
PG_PORT="${PG_PORT:-5494}"
POST_PATH="${POST_PATH:-/2020/09/11/sochi-meeting}"
IMPORT_CHUNK="${IMPORT_CHUNK:-1000}"
STARTUP_TIMEOUT="${STARTUP_TIMEOUT:-60}"
NGINX_BIN="${NGINX_BIN:-/usr/sbin/nginx}"
COMPARE_WARMUP="${COMPARE_WARMUP:-2s}"
COMPARE_ROUNDS="${COMPARE_ROUNDS:-2}"

case "$POST_PATH" in /*) ;; *) POST_PATH="/$POST_PATH" ;; esac
POST_PATH="${POST_PATH%/}"
[ -n "$POST_PATH" ] && [[ "$POST_PATH" != *..* ]] || die "POST_PATH must be a page's path, without '..'"
[ "$THREADS" -le "$CONNECTIONS" ] || die "THREADS ($THREADS) must be <= CONNECTIONS ($CONNECTIONS)"
[ "$SMALL_POSTS" -ge 1 ] && [ "$LARGE_POSTS" -ge "$SMALL_POSTS" ] || die "need 1 <= SMALL_POSTS <= LARGE_POSTS"
BENCH_START=$SECONDS

# The pages, as "name path"; every one is measured in each variant on both sites.
PAGES=(
  "post $POST_PATH"
  "home /"
  "archive /archive"
  "month /archive/2021/03"
  "tag /tags/bench"
  "search /search?q=kremlin+integration"
  "forecasts /forecasts"
)
# cached: anonymous, the same address each time (answered by the output cache);
# miss: anonymous, a query string never asked before each time (bench/wrk/fresh-query.lua);
# member: a signed-in member's cookies (bench/wrk/cookie.lua); never cached.
VARIANTS=(cached miss member)

# ONLY_PAGES / ONLY_VARIANTS (names, space-separated) load a subset, e.g. the list pages at 10,000 posts:
#   ONLY_PAGES="home archive month tag search forecasts" ONLY_VARIANTS="miss member" PG_IMPORT=0 bash bench/run.sh
# The checks before the loads still ask every page.
ONLY_PAGES="${ONLY_PAGES:-}"
ONLY_VARIANTS="${ONLY_VARIANTS:-}"
# PG_IMPORT=0 skips the PostgreSQL import and the SQLite "more onto" import (the import figures are another run's).
PG_IMPORT="${PG_IMPORT:-1}"
# MORE_ONTO=0 skips the "more onto" imports (the rate as the site grows, point 3) on both databases.
MORE_ONTO="${MORE_ONTO:-1}"
chosen() { # name list: is the name in the space-separated list (an empty list chooses everything)?
  [ -z "$2" ] || [[ " $2 " == *" $1 "* ]]
}
for name in $ONLY_PAGES; do
  printf '%s\n' "${PAGES[@]}" | grep -q "^$name " || die "ONLY_PAGES: no page named $name (pages: post home archive month tag search forecasts)"
done
for name in $ONLY_VARIANTS; do
  chosen "$name" "${VARIANTS[*]}" || die "ONLY_VARIANTS: no variant named $name (variants: ${VARIANTS[*]})"
done

# --- 1. tools ---------------------------------------------------------------------------------
command -v wrk >/dev/null 2>&1 || apt_install wrk
[ -x "$NGINX_BIN" ] || apt_install nginx-light
[ -x /usr/bin/time ] || apt_install time
command -v wrk >/dev/null 2>&1 || die "wrk not available"
[ -x "$NGINX_BIN" ] || die "nginx not found at $NGINX_BIN"
command -v curl >/dev/null 2>&1 || die "curl not available"
command -v dotnet >/dev/null 2>&1 || die "dotnet not available"
for port in "$SITE_PORT" "$LARGE_PORT" "$NGINX_PORT" "$PG_PORT"; do
  port_busy "$port" && die "port $port is already in use (see SITE_PORT, LARGE_PORT, NGINX_PORT, PG_PORT)"
done

# --- temp folders and cleanup -------------------------------------------------------------------
# WORK (private): published site, data folders, logs. WEB (world-readable: nginx workers drop
# privileges): the static copy and nginx's files.
WORK="$(mktemp -d -t bench-site.XXXXXX)"
WEB="$(mktemp -d -t bench-web.XXXXXX)"
chmod 755 "$WEB"
OUT="$WORK/publish"
STATIC="$WEB/static"
NGX="$WEB/nginx"
mkdir -p "$OUT" "$STATIC" "$NGX"
RUN_ID="$(date +%s)-$$"

declare -A PID=() PORT=([small]="$SITE_PORT" [large]="$LARGE_PORT") DATA=([small]="$WORK/small" [large]="$WORK/large")
declare -A POSTS=([small]="$SMALL_POSTS" [large]="$LARGE_POSTS") COOKIE=()
NGINX_PID=""
SITES=(small large)

cleanup() {
  local rc=$? s
  set +e
  stop_pid "$NGINX_PID"
  for s in "${SITES[@]}"; do stop_pid "${PID[$s]:-}"; done
  pg_stop
  rm -rf "$WORK" "$WEB"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

url_of() { echo "http://127.0.0.1:${PORT[$1]}"; }
fmt_n() { awk -v n="$1" 'BEGIN { s = sprintf("%d", n); while (s ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]([,]|$)/, ",&", s); print s }'; }

# --- 2. publish ---------------------------------------------------------------------------------
# PUBLISHED=folder: a Release publish of this build to reuse (copied), instead of publishing again.
if [ -n "${PUBLISHED:-}" ]; then
  [ -f "$PUBLISHED/Site.dll" ] || die "PUBLISHED=$PUBLISHED holds no Site.dll"
  log "using the publish in $PUBLISHED (PUBLISHED)"
  cp -a "$PUBLISHED/." "$OUT/"
else
  publish_site "$REPO_ROOT" "$OUT" "$WORK/publish.log"
fi
PUBLISH_SECONDS=$((SECONDS - BENCH_START))
export_site_environment

# --- 3. the two sites: setup, member-only comments, a commenter and a reader, posts ------------
IMPORT_ROWS=() # "database|items|onto|seconds|peak_kb|status"
build_site() { # small | large
  local s="$1" data="${DATA[$1]}" n="${POSTS[$1]}" logf="$WORK/$1-cli.log" result first
  if [ "$s" = "large" ] && [ -d "$WORK/prepared" ]; then
    # The same setup, settings and members as the small site's: a copy of its data folder from before
    # its posts (four CLI starts fewer).
    log "$s site: a copy of the small site as it was set up (before its posts)"
    cp -a "$WORK/prepared" "$data"
    # The copy's shell settings still name the small site's database file: point them at its own.
    sed -i "s|Data Source=${DATA[small]}/|Data Source=$data/|" "$data/site.json"
    grep -q "Data Source=$data/" "$data/site.json" || die "the copy of the small site does not name its own database ($data/site.json)"
  else
    log "$s site: setup, member-only comments, users commenter and reader"
    prepare_site "$data" "$logf"
    cp -a "$data" "$WORK/prepared"
  fi
  generate_posts 1 "$n" "$WORK/posts-$s.recipe.json"
  log "$s site: importing $n posts in one recipe through the CLI (at most ${IMPORT_TIMEOUT}s)"
  read -r -a result < <(timed_import "$data" "$WORK/posts-$s.recipe.json" "$logf")
  [ "${result[2]}" != "failed" ] || { tail -n 30 "$logf" >&2; die "importing $n posts into the $s site failed"; }
  [ "$s" = "small" ] || IMPORT_ROWS+=("SQLite|$n|0|${result[0]}|${result[1]}|${result[2]}")
  if [ "${result[2]}" = "timeout" ]; then
    # The one recipe did not finish in time; the page bench still needs the site, so it is
    # built from smaller recipes (each its own transaction), and each chunk's rate is kept.
    log "$s site: building it from recipes of $IMPORT_CHUNK posts instead"
    for ((first = 1; first <= n; first += IMPORT_CHUNK)); do
      local count=$((n - first + 1 < IMPORT_CHUNK ? n - first + 1 : IMPORT_CHUNK)) start
      generate_posts "$first" "$count" "$WORK/chunk.recipe.json"
      start=$(now_ms)
      cli "$data" "$logf" recipes apply "$WORK/chunk.recipe.json"
      CHUNK_ROWS+=("$count|$((first - 1))|$(( $(now_ms) - start ))")
    done
  fi
  SITE_IMPORTED[$s]="${result[2]}"
}
CHUNK_ROWS=() # "items|onto|ms"
declare -A SITE_IMPORTED=()
SECTION_START=$SECONDS
build_site small
build_site large

# 10,000 more onto 10,000: on a copy of the large site, when its one recipe finished in time.
if [ "$PG_IMPORT" = "0" ] || [ "$MORE_ONTO" = "0" ]; then
  IMPORT_ROWS+=("SQLite|$LARGE_POSTS|$LARGE_POSTS|NA|NA|off")
elif [ "${SITE_IMPORTED[large]}" = "ok" ]; then
  cp -a "${DATA[large]}" "$WORK/more"
  generate_posts $((LARGE_POSTS + 1)) "$LARGE_POSTS" "$WORK/more.recipe.json"
  log "SQLite: importing $LARGE_POSTS more posts onto $LARGE_POSTS (at most ${IMPORT_TIMEOUT}s)"
  read -r -a result < <(timed_import "$WORK/more" "$WORK/more.recipe.json" "$WORK/more-cli.log")
  [ "${result[2]}" != "failed" ] || { tail -n 30 "$WORK/more-cli.log" >&2; die "importing more on SQLite failed"; }
  IMPORT_ROWS+=("SQLite|$LARGE_POSTS|$LARGE_POSTS|${result[0]}|${result[1]}|${result[2]}")
  rm -rf "$WORK/more"
else
  IMPORT_ROWS+=("SQLite|$LARGE_POSTS|$LARGE_POSTS|NA|NA|skipped")
fi

# --- 4. import on PostgreSQL ---------------------------------------------------------------------
if [ "$PG_IMPORT" = "0" ]; then
  log "PostgreSQL: import not run (PG_IMPORT=0)"
  IMPORT_ROWS+=("PostgreSQL|$LARGE_POSTS|0|NA|NA|off" "PostgreSQL|$LARGE_POSTS|$LARGE_POSTS|NA|NA|off")
else
  log "PostgreSQL: a throwaway cluster on port $PG_PORT"
  pg_start "$PG_PORT"
  pg_create_database "$PG_PORT" bench
  PG_DATA="$WORK/pg-site"
  mkdir -p "$PG_DATA"
  (
    export Setup__DatabaseProvider=Postgres
    export Setup__ConnectionString="Host=127.0.0.1;Port=$PG_PORT;Database=bench;Username=postgres"
    cli "$PG_DATA" "$WORK/pg-cli.log" setup
  )
  log "PostgreSQL: importing $LARGE_POSTS posts in one recipe (at most ${IMPORT_TIMEOUT}s)"
  read -r -a result < <(timed_import "$PG_DATA" "$WORK/posts-large.recipe.json" "$WORK/pg-cli.log")
  [ "${result[2]}" != "failed" ] || { tail -n 30 "$WORK/pg-cli.log" >&2; die "importing on PostgreSQL failed"; }
  IMPORT_ROWS+=("PostgreSQL|$LARGE_POSTS|0|${result[0]}|${result[1]}|${result[2]}")
  if [ "$MORE_ONTO" = "0" ]; then
    IMPORT_ROWS+=("PostgreSQL|$LARGE_POSTS|$LARGE_POSTS|NA|NA|off")
  elif [ "${result[2]}" = "ok" ]; then
    [ -f "$WORK/more.recipe.json" ] || generate_posts $((LARGE_POSTS + 1)) "$LARGE_POSTS" "$WORK/more.recipe.json"
    log "PostgreSQL: importing $LARGE_POSTS more posts onto $LARGE_POSTS (at most ${IMPORT_TIMEOUT}s)"
    read -r -a result < <(timed_import "$PG_DATA" "$WORK/more.recipe.json" "$WORK/pg-cli.log")
    [ "${result[2]}" != "failed" ] || { tail -n 30 "$WORK/pg-cli.log" >&2; die "importing more on PostgreSQL failed"; }
    IMPORT_ROWS+=("PostgreSQL|$LARGE_POSTS|$LARGE_POSTS|${result[0]}|${result[1]}|${result[2]}")
  else
    IMPORT_ROWS+=("PostgreSQL|$LARGE_POSTS|$LARGE_POSTS|NA|NA|skipped")
  fi
  pg_stop
fi
BUILD_SECONDS=$((SECONDS - SECTION_START))

# --- 5. start-up: process start to the first answered request of a set-up site ---------------------
declare -A STARTUP_MS=() STARTUP_RSS=() STARTUP_CPU=()
# Starts a site and measures its start (process start to the first 200 from /, the CPU used by then, the RSS then);
# leaves it running.
measured_start() { # site
  local s="$1" start
  start=$(now_ms)
  PID[$s]="$(start_site "${DATA[$s]}" "${PORT[$s]}" "$WORK/$s-site.log")"
  wait_first_answer "${PORT[$s]}" "${PID[$s]}" "$start" "$STARTUP_TIMEOUT" || case $? in
    1) tail -n 30 "$WORK/$s-site.log" >&2; die "$s site exited at start" ;;
    *) die "$s site did not answer within ${STARTUP_TIMEOUT}s" ;;
  esac
  STARTUP_MS[$s]+="$FIRST_ANSWER_MS "
  # The CPU the process used to get there: on a shared machine the wall time is mostly waiting for a core.
  STARTUP_CPU[$s]+="$(( $(cpu_ticks "${PID[$s]}") * 1000 / CLK_TCK )) "
  owns_port "${PID[$s]}" "${PORT[$s]}" || die "port ${PORT[$s]} answers from another process: is another bench running?"
  STARTUP_RSS[$s]+="$(status_kb "${PID[$s]}" VmRSS) "
}
log_startup() {
  log "start-up (ms): small ${STARTUP_MS[small]}; large ${STARTUP_MS[large]}; CPU ms: small ${STARTUP_CPU[small]}; large ${STARTUP_CPU[large]}"
}
SECTION_START=$SECONDS
for ((run = 1; run <= STARTUP_RUNS; run++)); do
  for s in "${SITES[@]}"; do
    measured_start "$s"
    stop_pid "${PID[$s]}"
    PID[$s]=""
  done
done
[ "$STARTUP_RUNS" = 0 ] || log_startup
STARTUP_SECONDS=$((SECONDS - SECTION_START))

# --- 6. comments: 20 on the seed post, posted through the form by a signed-in member; then load -----
# (on the sites started for the loads: a start of each fewer than a start of their own). With STARTUP_RUNS=0 (QUICK)
# these starts are the start-up figures: two starts fewer again.
for s in "${SITES[@]}"; do
  if [ "$STARTUP_RUNS" = 0 ]; then
    measured_start "$s"
  else
    PID[$s]="$(start_site "${DATA[$s]}" "${PORT[$s]}" "$WORK/$s-site.log")"
    wait_for_200 "$(url_of "$s")/" "$STARTUP_TIMEOUT" "${PID[$s]}" "$s site" "$WORK/$s-site.log"
  fi
  log "$s site: $COMMENTS comments on $POST_PATH by the commenter; the reader signs in"
  seed_comments_and_reader "$(url_of "$s")" "$WORK/$s"
  COOKIE[$s]="$READER_COOKIE"
done
[ "$STARTUP_RUNS" != 0 ] || log_startup

# Every page answers 200 in every variant before anything is measured; the member's page is the
# member's (it offers to sign out); the large site holds all its posts.
for s in "${SITES[@]}"; do
  base="$(url_of "$s")"
  for entry in "${PAGES[@]}"; do
    read -r page path <<<"$entry"
    [ "$(http_code "$base$path")" = "200" ] || die "$s site: GET $path did not answer 200"
    sep="?"; [[ "$path" != *\?* ]] || sep="&"
    [ "$(http_code "$base$path${sep}nocache=check")" = "200" ] || die "$s site: GET $path${sep}nocache=check did not answer 200"
    body="$(curl -sS --max-time 30 -H "Cookie: ${COOKIE[$s]}" "$base$path")"
    [[ "$body" == *'action="/logout"'* ]] ||
      die "$s site: $path with the reader's cookie is not a signed-in page"
  done
  last="$(printf 'benchpost%05d' "${POSTS[$s]}")"
  body="$(curl -sS --max-time 30 "$base/search?q=$last")"
  [[ "$body" == *"Bench post ${POSTS[$s]}"* ]] ||
    die "$s site: search does not find its last post (${POSTS[$s]})"
done

# The cached post and home of the small site, for nginx to serve the same bytes.
curl -sS --max-time 30 -o "$STATIC/index.html" "$(url_of small)/"
mkdir -p "$STATIC$POST_PATH"
curl -sS --max-time 30 -o "$STATIC$POST_PATH/index.html" "$(url_of small)$POST_PATH"
chmod -R a+rX "$STATIC"
HOME_BYTES=$(wc -c <"$STATIC/index.html")
POST_BYTES=$(wc -c <"$STATIC$POST_PATH/index.html")

declare -A RSS_START=() RSS_AFTER=() RSS_REPEAT=()
for s in "${SITES[@]}"; do RSS_START[$s]="$(status_kb "${PID[$s]}" VmRSS)"; done
LOADAVG_START="$(cut -d ' ' -f 1-3 /proc/loadavg)"
BUSY_BEFORE="$(machine_busy "$BUSY_SECONDS")"

ROWS_FILE="$WORK/rows.tsv"
printf 'site\tpage\tvariant\tround\treq_s\tp50_ms\tp99_ms\terrors\trequests\tcpu_ms_per_req\tpeak_rss_kb\n' >"$ROWS_FILE"
RAW="$WORK/wrk-raw.txt"
: >"$RAW"
PEAK_NOTE=""

# One load: site, page, variant, path, round. Records req/s, latency, CPU per request and peak RSS.
load() {
  local s="$1" page="$2" variant="$3" path="$4" round="$5" url out script=() extra=() pid="${PID[$1]}"
  local cpu0 cpu1 rps p50 p99 err requests cpu peak
  url="$(url_of "$s")$path"
  case "$variant" in
    miss) script=(-s "$BENCH_DIR/wrk/fresh-query.lua"); extra=(-- "$RUN_ID-$s-$page-$round") ;;
    member)
      # A browser keeps the renewed sign-in cookie; a fixed one would have its stamp checked on every request.
      refresh_cookies "$(url_of "$s")" "$WORK/$s-reader.jar"
      COOKIE[$s]="$(cookie_header "$WORK/$s-reader.jar")"
      script=(-s "$BENCH_DIR/wrk/cookie.lua"); extra=(-- "${COOKIE[$s]}") ;;
  esac
  if [ "$WARMUP" != "0" ]; then
    [ "$variant" != "miss" ] || extra=(-- "$RUN_ID-$s-$page-$round-warm")
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout "$WRK_TIMEOUT" "${script[@]}" "$url" "${extra[@]}" >/dev/null 2>&1 ||
      die "wrk warm-up of $url failed"
    [ "$variant" != "miss" ] || extra=(-- "$RUN_ID-$s-$page-$round")
  fi
  out="$WORK/wrk-$s-$page-$variant-$round.txt"
  reset_peak "$pid" || PEAK_NOTE="(the peak could not be reset per load: it is the process's peak so far)"
  cpu0="$(cpu_ticks "$pid")"
  log "$s $page $variant: wrk -t$THREADS -c$CONNECTIONS -d$DURATION $url"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$WRK_TIMEOUT" --latency "${script[@]}" "$url" "${extra[@]}" >"$out" 2>&1 ||
    { cat "$out" >&2; die "wrk failed against $url"; }
  cpu1="$(cpu_ticks "$pid")"
  peak="$(status_kb "$pid" VmHWM)"
  kill -0 "$pid" 2>/dev/null || die "$s site died during the load on $path"
  { printf '===== %s %s %s (round %s): %s\n' "$s" "$page" "$variant" "$round" "$url"; cat "$out"; echo; } >>"$RAW"
  read -r rps p50 p99 err requests < <(parse_wrk "$out")
  [ "$rps" != "NA" ] && [ "$requests" != "NA" ] || { cat "$out" >&2; die "could not parse wrk output for $url"; }
  cpu="$(awk -v d=$((cpu1 - cpu0)) -v t="$CLK_TCK" -v r="$requests" 'BEGIN { printf "%.3f", (r > 0 ? d * 1000 / t / r : 0) }')"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$s" "$page" "$variant" "$round" "$rps" "$p50" "$p99" "$err" "$requests" "$cpu" "$peak" >>"$ROWS_FILE"
}

SECTION_START=$SECONDS
for entry in "${PAGES[@]}"; do
  read -r page path <<<"$entry"
  for variant in "${VARIANTS[@]}"; do
    # Search is never output-cached: its "cached" variant would be a cache miss again.
    [ "$page" != "search" ] || [ "$variant" != "cached" ] || continue
    chosen "$page" "$ONLY_PAGES" && chosen "$variant" "$ONLY_VARIANTS" || continue
    for s in "${SITES[@]}"; do
      [ "$s$variant" != "largecached" ] || [ "$LARGE_CACHED" = "1" ] || continue
      load "$s" "$page" "$variant" "$path" 1
    done
  done
done
api_loads
sleep "$SETTLE"
for s in "${SITES[@]}"; do RSS_AFTER[$s]="$(status_kb "${PID[$s]}" VmRSS)"; done

# The same loads again, to see the noise (req/s of one load twice) and whether memory grows run to run.
for s in "${SITES[@]}"; do
  load "$s" post miss "$POST_PATH" 2
  load "$s" home member / 2
done
BUSY_AFTER="$(machine_busy "$SETTLE")"
LOADAVG_END="$(cut -d ' ' -f 1-3 /proc/loadavg)"
for s in "${SITES[@]}"; do RSS_REPEAT[$s]="$(status_kb "${PID[$s]}" VmRSS)"; done
LOAD_SECONDS=$((SECONDS - SECTION_START))

# --- 7. nginx serving the small site's cached post and home ----------------------------------------
write_nginx_conf "$NGX" "$STATIC" "$NGINX_PORT"
"$NGINX_BIN" -p "$NGX" -e "$NGX/error.log" -c "$NGX/nginx.conf" -t >"$NGX/configtest.log" 2>&1 ||
  { cat "$NGX/configtest.log" >&2; die "nginx config test failed"; }
"$NGINX_BIN" -p "$NGX" -e "$NGX/error.log" -c "$NGX/nginx.conf" >"$NGX/stdout.log" 2>&1 &
NGINX_PID=$!
wait_for_200 "http://127.0.0.1:$NGINX_PORT/" 15 "$NGINX_PID" "nginx" "$NGX/error.log"
# Point 6 compares like with like: the site's cached page and nginx's copy, each warmed up (COMPARE_WARMUP, 1 s even in
# QUICK: a cold site runs tier-0 code for its first second), then measured in turn, site, nginx, site, nginx...
# (COMPARE_ROUNDS), with the same wrk settings, so a change in the machine's load falls on both alike; each side's
# figure is the mean of its rounds.
declare -A NGINX_RPS=() SITE_CACHED_RPS=()
compare_run() { # label url out: one wrk run, req/s printed
  local out="$3" rps err
  log "$1: wrk -t$THREADS -c$CONNECTIONS -d$DURATION $2"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$WRK_TIMEOUT" --latency "$2" >"$out" 2>&1 ||
    { cat "$out" >&2; die "wrk failed against $2"; }
  { printf '===== %s: %s\n' "$1" "$2"; cat "$out"; echo; } >>"$RAW"
  read -r rps _ _ err _ < <(parse_wrk "$out")
  [ "$err" = "0" ] || die "$1 answered $err errors on $2"
  echo "$rps"
}
for entry in "post $POST_PATH" "home /"; do
  read -r page path <<<"$entry"
  for url in "$(url_of small)$path" "http://127.0.0.1:$NGINX_PORT$path"; do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$COMPARE_WARMUP" --timeout "$WRK_TIMEOUT" "$url" >/dev/null 2>&1 || die "wrk warm-up of $url failed"
  done
  site_sum=0 nginx_sum=0
  for ((round = 1; round <= COMPARE_ROUNDS; round++)); do
    site_sum=$(( site_sum + $(compare_run "site $page cached (vs nginx, round $round)" "$(url_of small)$path" "$WORK/wrk-vs-site-$page-$round.txt" | awk '{ printf "%d", $1 }') ))
    nginx_sum=$(( nginx_sum + $(compare_run "nginx $page (round $round)" "http://127.0.0.1:$NGINX_PORT$path" "$WORK/wrk-nginx-$page-$round.txt" | awk '{ printf "%d", $1 }') ))
  done
  SITE_CACHED_RPS[$page]=$(( site_sum / COMPARE_ROUNDS ))
  NGINX_RPS[$page]=$(( nginx_sum / COMPARE_ROUNDS ))
done
stop_pid "$NGINX_PID"; NGINX_PID=""

# --- 8. report -------------------------------------------------------------------------------------
# shellcheck source=lib/report.sh
. "$BENCH_DIR/lib/report.sh"
mkdir -p "$RESULTS_DIR"
[ -f "$RESULTS_DIR/.gitignore" ] || printf '*\n!.gitignore\n' >"$RESULTS_DIR/.gitignore"
STAMP="$(date -u '+%Y%m%d-%H%M%S')"
{ report; api_report; } | tee "$RESULTS_DIR/latest.txt"
cp "$RESULTS_DIR/latest.txt" "$RESULTS_DIR/$STAMP.txt"
cp "$ROWS_FILE" "$RESULTS_DIR/latest-loads.tsv"
cp "$RAW" "$RESULTS_DIR/latest-wrk-raw.txt"
log "written $RESULTS_DIR/latest.txt (also $STAMP.txt; every load: latest-loads.tsv; raw wrk output: latest-wrk-raw.txt)"
