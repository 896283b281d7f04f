#!/usr/bin/env bash
# What each GC setting costs, side by side in one run: the same site started under each setting in
# turn (runtime settings as DOTNET_ environment variables, which override the published
# runtimeconfig.json), each put under a cache-miss load and a member load; per setting the site's
# CPU ms per request, req/s, peak RSS, RSS at start and after the loads, and start-up to the first
# answer. Each load is a fixed number of requests (wrk/counted.lua), not a fixed time, so every
# setting does the same work however busy the shared machine is; the settings are run round-robin
# ROUNDS times, so a change in the machine's load falls on all of them alike. Not part of run.sh.
# See bench/README.md ("Memory and the GC").
#
#   bash bench/gc.sh
#   CONFIGS="chosen server" ROUNDS=3 bash bench/gc.sh
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(dirname "$BENCH_DIR")"
RESULTS_DIR="$BENCH_DIR/results"
. "$BENCH_DIR/lib/common.sh"
. "$BENCH_DIR/lib/wrk.sh"
. "$BENCH_DIR/lib/sites.sh"

POSTS="${POSTS:-100}"
COMMENTS="${COMMENTS:-20}"
REQUESTS="${REQUESTS:-3000}"
WARMUP_REQUESTS="${WARMUP_REQUESTS:-500}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
ROUNDS="${ROUNDS:-2}"
SETTLE="${SETTLE:-5}"
PORT="${PORT:-5497}"
POST_PATH="${POST_PATH:-/2020/09/11/sochi-meeting}"
IMPORT_TIMEOUT="${IMPORT_TIMEOUT:-600}"
# Each setting: name=VAR=value,VAR=value ("chosen": what the published runtimeconfig.json says).
declare -A GC=(
  [chosen]=""
  [server]="DOTNET_gcServer=1,DOTNET_GCDynamicAdaptationMode=1"
  [server-nodatas]="DOTNET_gcServer=1,DOTNET_GCDynamicAdaptationMode=0"
  [server-limit]="DOTNET_gcServer=1,DOTNET_GCHeapHardLimit=0x6400000"
  [workstation]="DOTNET_gcServer=0,DOTNET_gcConcurrent=1"
  [ws-nonconcurrent]="DOTNET_gcServer=0,DOTNET_gcConcurrent=0"
  [ws-conserve]="DOTNET_gcServer=0,DOTNET_GCConserveMemory=5"
  [ws-nopgo]="DOTNET_gcServer=0,DOTNET_TieredPGO=0"
  [no-idle-trim]="Cms__Memory__IdleTrim=false"
  [gen0-2m]="DOTNET_GCgen0size=0x200000"
  [gen0max-4m]="DOTNET_GCGen0MaxBudget=0x400000"
  [gen0max-6m]="DOTNET_GCGen0MaxBudget=0x600000"
  [gen0max-8m]="DOTNET_GCGen0MaxBudget=0x800000"
  [gen0max-12m]="DOTNET_GCGen0MaxBudget=0xC00000"
  [gen0max-25m]="DOTNET_GCGen0MaxBudget=0x1900000"
  [cache-16m]="Cms__PublicCache__SizeLimitMiB=16"
  [cache-32m]="Cms__PublicCache__SizeLimitMiB=32"
  [cache-4m]="Cms__PublicCache__SizeLimitMiB=4"
  [cache-1m]="Cms__PublicCache__SizeLimitMiB=1"
  [gen0max-6m-cache-4m]="DOTNET_GCGen0MaxBudget=0x600000,Cms__PublicCache__SizeLimitMiB=4"
  [pgo]="DOTNET_TieredPGO=1"
  [sqlite-2000k]="Cms__Sqlite__CacheSizeKiB=2000"
)
CONFIGS="${CONFIGS:-server server-nodatas server-limit workstation ws-nonconcurrent ws-conserve ws-nopgo chosen}"
# LOADS: page:variant pairs (pages as in run.sh; variants miss, member, cached), each load's peak measured alone.
declare -A PAGE_PATHS=([post]="$POST_PATH" [home]=/ [archive]=/archive [month]=/archive/2021/03 [tags]=/tags/bench
  [search]="/search?q=kremlin+integration" [forecasts]=/forecasts)
LOADS=()
for l in ${LOADS_LIST:-post:miss home:member}; do
  [ -n "${PAGE_PATHS[${l%%:*}]+x}" ] || { echo "unknown page in LOADS_LIST: $l" >&2; exit 1; }
  LOADS+=("${l%%:*} ${l##*:} ${PAGE_PATHS[${l%%:*}]}")
done

command -v wrk >/dev/null 2>&1 || apt_install wrk
[ -x /usr/bin/time ] || apt_install time
port_busy "$PORT" && die "port $PORT is already in use (PORT)"
for c in $CONFIGS; do [ -n "${GC[$c]+x}" ] || die "unknown setting $c (${!GC[*]})"; done

WORK="$(mktemp -d -t bench-gc.XXXXXX)"
OUT="${PUBLISHED:-$WORK/publish}"
# SITE=folder keeps the site made (data folder and the reader's cookies) for the next run to reuse.
DATA="${SITE:-$WORK/site}"
SITE_PID=""
cleanup() { local rc=$?; set +e; stop_pid "$SITE_PID"; rm -rf "$WORK"; exit "$rc"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# PUBLISHED=folder reuses a Release publish already made (the comparison does not change the build).
[ -n "${PUBLISHED:-}" ] || publish_site "$REPO_ROOT" "$OUT" "$WORK/publish.log"
export_site_environment
URL="http://127.0.0.1:$PORT"
JAR="$DATA.reader.jar"
if [ ! -f "$JAR" ]; then
  log "site: setup, $POSTS posts, $COMMENTS comments on $POST_PATH"
  prepare_site "$DATA" "$WORK/cli.log"
  generate_posts 1 "$POSTS" "$WORK/posts.recipe.json"
  read -r -a result < <(timed_import "$DATA" "$WORK/posts.recipe.json" "$WORK/cli.log")
  [ "${result[2]}" = "ok" ] || die "importing $POSTS posts: ${result[2]}"
  SITE_PID="$(start_site "$DATA" "$PORT" "$WORK/site.log")"
  wait_for_200 "$URL/" 120 "$SITE_PID" "site" "$WORK/site.log"
  seed_comments_and_reader "$URL" "$WORK/site"
  stop_pid "$SITE_PID"; SITE_PID=""
  cp "$WORK/site-reader.jar" "$JAR"
fi

ROWS="$WORK/rows.tsv" # config round load rps cpu_ms peak_kb startup_ms start_kb after_kb
: >"$ROWS"
run_config() { # name round
  local name="$1" round="$2" env=() start startup start_kb entry page variant path url cpu0 cpu1 out rps requests peak after_kb
  IFS=',' read -r -a env <<<"${GC[$name]}"
  start=$(now_ms)
  SITE_PID="$( (cd "$OUT" && exec env "${env[@]}" Cms__AppData="$DATA" dotnet "$OUT/Site.dll" --urls "$URL") >>"$WORK/site.log" 2>&1 & echo $!)"
  wait_first_answer "$PORT" "$SITE_PID" "$start" 60 || { tail -n 30 "$WORK/site.log" >&2; die "the site did not answer under $name"; }
  startup=$FIRST_ANSWER_MS
  owns_port "$SITE_PID" "$PORT" || die "port $PORT answers from another process"
  sleep 1
  start_kb="$(status_kb "$SITE_PID" VmRSS)"
  for entry in "${LOADS[@]}"; do
    read -r page variant path <<<"$entry"
    url="$URL$path"
    local args=()
    case "$variant" in
      miss) args=(miss "gc-$$-$name-$round-$page") ;;
      member)
        refresh_cookies "$URL" "$JAR"
        args=(member "$(cookie_header "$JAR")") ;;
    esac
    [ "$WARMUP_REQUESTS" = "0" ] || counted_wrk "$url" $((WARMUP_REQUESTS / THREADS)) "$WORK/warm.txt" "${args[@]}"
    [ "$variant" != "miss" ] || args=(miss "gc-$$-$name-$round-$page-m")
    reset_peak "$SITE_PID" # the peak of this load alone, as run.sh measures it
    cpu0="$(cpu_ticks "$SITE_PID")"
    out="$WORK/wrk.txt"
    counted_wrk "$url" $((REQUESTS / THREADS)) "$out" "${args[@]}"
    cpu1="$(cpu_ticks "$SITE_PID")"
    read -r rps _ _ _ requests < <(parse_wrk "$out")
    peak="$(status_kb "$SITE_PID" VmHWM)"
    printf '%s\t%s\t%s %s\t%s\t%s\t%s\t%s\t%s\t\n' "$name" "$round" "$page" "$variant" "$rps" \
      "$(awk -v d=$((cpu1 - cpu0)) -v t="$CLK_TCK" -v r="$requests" 'BEGIN { printf "%.2f", (r > 0 ? d * 1000 / t / r : 0) }')" \
      "$peak" "$startup" "$start_kb" >>"$ROWS"
    log "$name round $round, $page $variant: $rps req/s, peak $(mib "$peak") MiB"
  done
  sleep "$SETTLE"
  after_kb="$(status_kb "$SITE_PID" VmRSS)"
  sed -i "\$s/\t\$/\t$after_kb/" "$ROWS"
  stop_pid "$SITE_PID"; SITE_PID=""
}

MEDIAN='function med(list,   n, a, i, j, t) { n = split(list, a, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
  return n == 0 ? 0 : (n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2) }'
LOADAVG_START="$(cut -d ' ' -f 1-3 /proc/loadavg)"
for ((round = 1; round <= ROUNDS; round++)); do
  for c in $CONFIGS; do run_config "$c" "$round"; done
done
LOADAVG_END="$(cut -d ' ' -f 1-3 /proc/loadavg)"

mkdir -p "$RESULTS_DIR"
[ -f "$RESULTS_DIR/.gitignore" ] || printf '*\n!.gitignore\n' >"$RESULTS_DIR/.gitignore"
{
  echo "GC settings side by side  $(date -u '+%Y-%m-%d %H:%M:%SZ')  commit $(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo none)"
  echo "machine: $(nproc) cpus, load average $LOADAVG_START at the start, $LOADAVG_END at the end"
  echo "site: $POSTS posts + the seed post with $COMMENTS comments; wrk -t$THREADS -c$CONNECTIONS, $REQUESTS requests a load after $WARMUP_REQUESTS of warm-up; $ROUNDS rounds, round-robin"
  echo "per setting, the median over rounds: per load its req/s, CPU ms a request and peak RSS (VmHWM reset before it);"
  echo "RSS 1 s after the first answer and ${SETTLE}s after the loads, start-up to the first answer"
  printf '%-17s |' setting; for entry in "${LOADS[@]}"; do read -r page variant _ <<<"$entry"; printf ' %-24s |' "$page $variant"; done
  printf ' %8s %8s %8s | %s\n' "start" "after" "start-up" "settings"
  for c in $CONFIGS; do
    printf '%-17s |' "$c"
    for entry in "${LOADS[@]}"; do
      read -r page variant _ <<<"$entry"
      awk -F '\t' -v c="$c" -v l="$page $variant" "$MEDIAN"'
        $1 == c && $3 == l { r = r " " $4; m = m " " $5; k = k " " $6 }
        END { printf " %7.0f %7.2f %8.0f |", med(r), med(m), med(k) / 1024 }' "$ROWS"
    done
    awk -F '\t' -v c="$c" -v env="${GC[$c]:-(runtimeconfig.json)}" "$MEDIAN"'
      $1 == c { su = su " " $7; st = st " " $8; if ($9 != "") af = af " " $9 }
      END { printf " %8.0f %8.0f %8.0f | %s\n", med(st) / 1024, med(af) / 1024, med(su), env }' "$ROWS"
  done
} | tee "$RESULTS_DIR/gc-latest.txt"
cp "$ROWS" "$RESULTS_DIR/gc-latest-rows.tsv"
log "written $RESULTS_DIR/gc-latest.txt (every load: gc-latest-rows.tsv)"
