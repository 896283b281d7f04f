#!/usr/bin/env bash
# Where a page's time goes: the published (Release) site under wrk load, watched by dotnet-counters
# (CPU, allocations, GCs, EF Core queries and lock contention per request) and traced by dotnet-trace
# (thread-time samples; allocation ticks), each trace summarised by bench/profile (TraceSummary).
# Not part of run.sh: a profiler slows the site, so its runs are never the measured ones.
# See bench/README.md.
#
#   bash bench/profile.sh                         the cache-miss post and the member's home
#   TARGETS="tag:miss search:member" bash bench/profile.sh
#   PUBLISHED=/tmp/publish bash bench/profile.sh  a Release publish to profile instead of publishing this tree
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(dirname "$BENCH_DIR")"
RESULTS_DIR="$BENCH_DIR/results"
. "$BENCH_DIR/lib/common.sh"
. "$BENCH_DIR/lib/wrk.sh"
. "$BENCH_DIR/lib/sites.sh"

TARGETS="${TARGETS:-post:miss home:member}"
POSTS="${POSTS:-100}"
COMMENTS="${COMMENTS:-20}"
SECONDS_EACH="${SECONDS_EACH:-10}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
PORT="${PORT:-5495}"
POST_PATH="${POST_PATH:-/2020/09/11/sochi-meeting}"
IMPORT_TIMEOUT="${IMPORT_TIMEOUT:-600}"
declare -A PATHS=([post]="$POST_PATH" [home]="/" [archive]="/archive" [month]="/archive/2021/03" [tag]="/tags/bench"
  [search]="/search?q=kremlin+integration")

command -v wrk >/dev/null 2>&1 || apt_install wrk
[ -x /usr/bin/time ] || apt_install time
port_busy "$PORT" && die "port $PORT is already in use (PORT)"

WORK="$(mktemp -d -t bench-profile.XXXXXX)"
OUT="$WORK/publish"
DATA="$WORK/site"
SITE_PID=""
cleanup() { local rc=$?; set +e; stop_pid "$SITE_PID"; rm -rf "$WORK"; exit "$rc"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "restoring dotnet-trace and dotnet-counters (bench/dotnet-tools.json) and building bench/profile"
(cd "$BENCH_DIR" && dotnet tool restore >/dev/null) || die "dotnet tool restore failed"
dotnet build "$BENCH_DIR/profile/TraceSummary.csproj" -c Release --nologo -v quiet -o "$WORK/summary" >"$WORK/summary-build.log" 2>&1 ||
  { cat "$WORK/summary-build.log" >&2; die "building bench/profile failed"; }
tool() { (cd "$BENCH_DIR" && dotnet tool run "$@"); }

if [ -n "${PUBLISHED:-}" ]; then OUT="$PUBLISHED"; else publish_site "$REPO_ROOT" "$OUT" "$WORK/publish.log"; fi
export_site_environment
log "site: setup, $POSTS posts, $COMMENTS comments on $POST_PATH"
prepare_site "$DATA" "$WORK/cli.log"
generate_posts 1 "$POSTS" "$WORK/posts.recipe.json"
read -r -a result < <(timed_import "$DATA" "$WORK/posts.recipe.json" "$WORK/cli.log")
[ "${result[2]}" = "ok" ] || die "importing $POSTS posts: ${result[2]}"
SITE_PID="$(start_site "$DATA" "$PORT" "$WORK/site.log")"
URL="http://127.0.0.1:$PORT"
wait_for_200 "$URL/" 60 "$SITE_PID" "site" "$WORK/site.log"
seed_comments_and_reader "$URL" "$WORK/site"

wrk_load() { # page, variant, seconds, tag → runs wrk in the foreground
  local url="$URL${PATHS[$1]}"
  if [ "$2" = "member" ]; then
    # A browser keeps the renewed sign-in cookie; a fixed one would have its stamp checked on every request.
    refresh_cookies "$URL" "$WORK/site-reader.jar"
    READER_COOKIE="$(cookie_header "$WORK/site-reader.jar")"
  fi
  case "$2" in
    miss) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3s" --timeout 10s --latency -s "$BENCH_DIR/wrk/fresh-query.lua" "$url" -- "profile-$4-$$" ;;
    member) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3s" --timeout 10s --latency -s "$BENCH_DIR/wrk/cookie.lua" "$url" -- "$READER_COOKIE" ;;
    cached) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3s" --timeout 10s --latency "$url" ;;
    *) die "unknown variant $2 (cached, miss or member)" ;;
  esac
}

# Counter rates per request over a load: sums each counter's per-second increments, divides by
# the requests the site itself counted over the same seconds.
per_request() { # counters csv
  awk -F ',' '
    $2 == "Microsoft.AspNetCore.Hosting" && $3 ~ /^Request Rate/ { req += $5 }
    $3 ~ /^dotnet.process.cpu.time/ { cpu += $5 }
    $3 ~ /^dotnet.gc.heap.total_allocated/ { alloc += $5 }
    $3 ~ /^dotnet.gc.collections/ && $3 ~ /gen0/ { g0 += $5 }
    $3 ~ /^dotnet.gc.collections/ && $3 ~ /gen1/ { g1 += $5 }
    $3 ~ /^dotnet.gc.collections/ && $3 ~ /gen2/ { g2 += $5 }
    $3 ~ /^dotnet.monitor.lock_contentions/ { locks += $5 }
    $3 ~ /^dotnet.exceptions/ { exc += $5 }
    $3 ~ /entityframeworkcore.queries/ { q += $5 }
    $3 ~ /entityframeworkcore.savechanges/ { sc += $5 }
    $3 ~ /compiled_query_cache_misses/ { qmiss += $5 }
    END {
      if (req == 0) { print "no requests counted"; exit }
      printf "requests counted %d; per request: CPU %.2f ms, allocated %.0f KB, EF Core queries %.2f, SaveChanges %.2f, compiled-query cache misses %.3f, lock contentions %.2f, exceptions %.3f; per 1,000 requests: GCs gen0 %.1f, gen1 %.1f, gen2 %.1f\n",
        req, 1000 * cpu / req, alloc / req / 1024, q / req, sc / req, qmiss / req, locks / req, exc / req, 1000 * g0 / req, 1000 * g1 / req, 1000 * g2 / req
    }' "$1"
}

COUNTERS='System.Runtime[dotnet.gc.heap.total_allocated,dotnet.gc.collections,dotnet.process.cpu.time,dotnet.monitor.lock_contentions,dotnet.exceptions],'
COUNTERS+='Microsoft.EntityFrameworkCore[microsoft.entityframeworkcore.queries,microsoft.entityframeworkcore.savechanges,microsoft.entityframeworkcore.compiled_query_cache_misses],'
COUNTERS+='EventCounters\Microsoft.AspNetCore.Hosting[requests-per-second]'
mkdir -p "$RESULTS_DIR"
[ -f "$RESULTS_DIR/.gitignore" ] || printf '*\n!.gitignore\n' >"$RESULTS_DIR/.gitignore"
SUMMARY="$RESULTS_DIR/profile-latest.txt"
{
  echo "Site profile  $(date -u '+%Y-%m-%d %H:%M:%SZ')  commit $(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo none)"
  echo "site: $POSTS posts + the seed post with $COMMENTS comments, Release, SQLite; wrk -t$THREADS -c$CONNECTIONS; ${SECONDS_EACH}s per view"
  echo "machine: $(nproc) cpus; other work used $(machine_busy 2)% of its CPU just before"
} >"$SUMMARY"

for target in $TARGETS; do
  page="${target%%:*}"
  variant="${target#*:}"
  [ -n "${PATHS[$page]:-}" ] || die "unknown page $page (post, home, archive, month, tag, search)"
  name="$page-$variant"
  log "$name: warming (3 s)"
  wrk_load "$page" "$variant" 3 "$name-warm" >/dev/null

  log "$name: dotnet-counters for ${SECONDS_EACH}s under load"
  wrk_load "$page" "$variant" $((SECONDS_EACH + 3)) "$name-counters" >"$WORK/$name-wrk-counters.txt" &
  wrk_pid=$!
  sleep 1
  tool dotnet-counters collect -p "$SITE_PID" --counters "$COUNTERS" --refresh-interval 1 --format csv \
    -o "$WORK/$name-counters.csv" --duration "00:00:00:$(printf '%02d' "$SECONDS_EACH")" >/dev/null 2>&1 || die "dotnet-counters failed"
  wait "$wrk_pid" || true

  log "$name: dotnet-trace, thread-time samples, ${SECONDS_EACH}s under load"
  wrk_load "$page" "$variant" $((SECONDS_EACH + 3)) "$name-time" >"$WORK/$name-wrk-time.txt" &
  wrk_pid=$!
  sleep 1
  tool dotnet-trace collect -p "$SITE_PID" --profile dotnet-sampled-thread-time -o "$WORK/$name-time.nettrace" \
    --duration "00:00:00:$(printf '%02d' "$SECONDS_EACH")" >/dev/null 2>&1 || die "dotnet-trace failed"
  wait "$wrk_pid" || true

  log "$name: dotnet-trace, allocation ticks, ${SECONDS_EACH}s under load"
  wrk_load "$page" "$variant" $((SECONDS_EACH + 3)) "$name-alloc" >"$WORK/$name-wrk-alloc.txt" &
  wrk_pid=$!
  sleep 1
  # The runtime's GC keyword at verbose level: one AllocationTick (with its stack) about every 100 KB.
  tool dotnet-trace collect -p "$SITE_PID" --providers 'Microsoft-Windows-DotNETRuntime:0x1:5' -o "$WORK/$name-alloc.nettrace" \
    --duration "00:00:00:$(printf '%02d' "$SECONDS_EACH")" >/dev/null 2>&1 || die "dotnet-trace failed"
  wait "$wrk_pid" || true

  {
    echo
    echo "===== $name: ${PATHS[$page]} ($variant)"
    echo "wrk without a profiler attached (counters run): $(parse_wrk "$WORK/$name-wrk-counters.txt" | awk '{ printf "%s req/s, p99 %s ms", $1, $3 }')"
    echo "counters: $(per_request "$WORK/$name-counters.csv")"
    echo
    dotnet "$WORK/summary/TraceSummary.dll" "$WORK/$name-time.nettrace" --top 25
    dotnet "$WORK/summary/TraceSummary.dll" "$WORK/$name-alloc.nettrace" --top 20 | sed -n '/^allocations sampled/,$p'
  } >>"$SUMMARY"
  cp "$WORK/$name-time.nettrace" "$RESULTS_DIR/profile-$name-time.nettrace"
  cp "$WORK/$name-counters.csv" "$RESULTS_DIR/profile-$name-counters.csv"
done

cp "$SUMMARY" "$RESULTS_DIR/profile-$(date -u '+%Y%m%d-%H%M%S').txt"
cat "$SUMMARY"
log "written $SUMMARY (traces: bench/results/profile-*-time.nettrace, for PerfView or speedscope after dotnet-trace convert)"
