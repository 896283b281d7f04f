#!/usr/bin/env bash
# Two builds side by side in one run: the same site (one data folder) started under build A, then B, then A
# again..., each put through the same loads (the cache-miss and member post and home pages) of a fixed number of
# requests (wrk/counted.lua, as bench/gc.sh), so a busy machine changes the time but not the work; per build and
# load the median over rounds of CPU ms per request (the site process's user + system time ÷ answers), req/s and the
# load's peak resident memory (VmHWM reset before the measured requests, as run.sh measures each load's peak).
# For "before and after" of a change. Not part of run.sh. See bench/README.md.
#
#   A=/tmp/before-publish B=/tmp/after-publish bash bench/ab.sh
#   (each a `dotnet publish src/Site/Site.csproj -c Release -o FOLDER` of the build to compare)
#   NGINX=1 LOADS="post cached /2020/09/11/sochi-meeting;home cached /" A=... B=... bash bench/ab.sh
#   (issue 12 point 6: also nginx, one worker, serving the cached loads' bytes, measured in each round between A and
#   B with the same loads: A ÷ nginx and B ÷ nginx in req/s, as run.sh's "cached vs nginx" but for both builds)
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RESULTS_DIR="$BENCH_DIR/results"
. "$BENCH_DIR/lib/common.sh"
. "$BENCH_DIR/lib/wrk.sh"
. "$BENCH_DIR/lib/nginx.sh"
. "$BENCH_DIR/lib/sites.sh"

A="${A:?A=published folder of the first build}"
B="${B:?B=published folder of the second build}"
POSTS="${POSTS:-100}"
COMMENTS="${COMMENTS:-20}"
REQUESTS="${REQUESTS:-2000}"
WARMUP_REQUESTS="${WARMUP_REQUESTS:-1000}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
ROUNDS="${ROUNDS:-2}"
PORT="${PORT:-5498}"
POST_PATH="${POST_PATH:-/2020/09/11/sochi-meeting}"
IMPORT_TIMEOUT="${IMPORT_TIMEOUT:-600}"
# LOADS: "page variant path" entries separated by ";", variant miss, member or cached (e.g. point 6's cached pages:
# LOADS="post cached /2020/09/11/sochi-meeting;home cached /").
NGINX="${NGINX:-0}"
NGINX_BIN="${NGINX_BIN:-/usr/sbin/nginx}"
NGINX_PORT="${NGINX_PORT:-$((PORT + 1))}"
IFS=';' read -r -a LOADS <<<"${LOADS:-post miss $POST_PATH;post member $POST_PATH;home miss /;home member /}"

command -v wrk >/dev/null 2>&1 || apt_install wrk
[ -x /usr/bin/time ] || apt_install time
port_busy "$PORT" && die "port $PORT is already in use (PORT)"
if [ "$NGINX" = 1 ]; then
  [ -x "$NGINX_BIN" ] || apt_install nginx-light
  [ -x "$NGINX_BIN" ] || die "nginx not found at $NGINX_BIN"
  port_busy "$NGINX_PORT" && die "port $NGINX_PORT is already in use (NGINX_PORT)"
fi

WORK="$(mktemp -d -t bench-ab.XXXXXX)"
DATA="$WORK/site"
SITE_PID=""
NGINX_PID=""
WEB=""
cleanup() { local rc=$?; set +e; stop_pid "$SITE_PID"; stop_pid "$NGINX_PID"; rm -rf "$WORK" ${WEB:+"$WEB"}; exit "$rc"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export_site_environment
URL="http://127.0.0.1:$PORT"
JAR="$WORK/site-reader.jar"
rm -rf "$WORK/build" && cp -a "$A" "$WORK/build"
OUT="$WORK/build"
log "site (made with A): setup, $POSTS posts, $COMMENTS comments on $POST_PATH"
prepare_site "$DATA" "$WORK/cli.log"
generate_posts 1 "$POSTS" "$WORK/posts.recipe.json"
read -r -a result < <(timed_import "$DATA" "$WORK/posts.recipe.json" "$WORK/cli.log")
[ "${result[2]}" = "ok" ] || die "importing $POSTS posts: ${result[2]}"
SITE_PID="$(start_site "$DATA" "$PORT" "$WORK/site.log")"
wait_for_200 "$URL/" 120 "$SITE_PID" "site" "$WORK/site.log"
seed_comments_and_reader "$URL" "$WORK/site"
if [ "$NGINX" = 1 ]; then
  # The cached loads' pages as A serves them, for nginx to serve the same bytes (a world-readable folder: nginx's
  # workers may drop privileges); the same configuration as run.sh's step 7 (bench/lib/nginx.sh).
  WEB="$(mktemp -d -t bench-ab-web.XXXXXX)"
  chmod 755 "$WEB"
  mkdir -p "$WEB/static" "$WEB/nginx"
  for entry in "${LOADS[@]}"; do
    read -r page variant path <<<"$entry"
    [ "$variant" = "cached" ] || continue
    mkdir -p "$WEB/static${path%/}"
    curl -sS --max-time 30 -o "$WEB/static${path%/}/index.html" "$URL$path"
  done
  chmod -R a+rX "$WEB/static"
  write_nginx_conf "$WEB/nginx" "$WEB/static" "$NGINX_PORT"
fi
stop_pid "$SITE_PID"; SITE_PID=""

ROWS="$WORK/rows.tsv" # build round load rps cpu_ms peak_kb
: >"$ROWS"
run_build() { # name folder round
  local name="$1" round="$3" entry page variant path url cpu0 cpu1 out rps requests args peak
  # A build may still be publishing while the site is made (give a folder it is moved to when done).
  until [ -f "$2/Site.dll" ]; do sleep 5; done
  # Each build runs from the same folder: Data Protection's default application name is the content root, so a
  # member's cookie from a site started elsewhere would not be read (the member load would be anonymous).
  rm -rf "$WORK/build" && cp -a "$2" "$WORK/build"
  OUT="$WORK/build"
  SITE_PID="$(start_site "$DATA" "$PORT" "$WORK/site.log")"
  wait_for_200 "$URL/" 120 "$SITE_PID" "site" "$WORK/site.log"
  owns_port "$SITE_PID" "$PORT" || die "port $PORT answers from another process"
  for entry in "${LOADS[@]}"; do
    read -r page variant path <<<"$entry"
    url="$URL$path"
    case "$variant" in
      miss) args=(miss "ab-$$-$name-$round-$page") ;;
      member) refresh_cookies "$URL" "$JAR"; args=(member "$(cookie_header "$JAR")") ;;
      cached) args=(cached none) ;;
    esac
    counted_wrk "$url" $((WARMUP_REQUESTS / THREADS)) "$WORK/warm.txt" "${args[@]}"
    [ "$variant" != "miss" ] || args=(miss "ab-$$-$name-$round-$page-m")
    reset_peak "$SITE_PID" || true
    cpu0="$(cpu_ticks "$SITE_PID")"
    out="$WORK/wrk.txt"
    counted_wrk "$url" $((REQUESTS / THREADS)) "$out" "${args[@]}"
    cpu1="$(cpu_ticks "$SITE_PID")"
    peak="$(status_kb "$SITE_PID" VmHWM)"
    read -r rps _ _ _ requests < <(parse_wrk "$out")
    printf '%s\t%s\t%s %s\t%s\t%s\t%s\n' "$name" "$round" "$page" "$variant" "$rps" \
      "$(awk -v d=$((cpu1 - cpu0)) -v t="$CLK_TCK" -v r="$requests" 'BEGIN { printf "%.2f", (r > 0 ? d * 1000 / t / r : 0) }')" "${peak:-0}" >>"$ROWS"
    log "$name round $round, $page $variant: $rps req/s, $(tail -n 1 "$ROWS" | cut -f 5) CPU ms, peak $(mib "$peak") MiB"
  done
  stop_pid "$SITE_PID"; SITE_PID=""
}

# nginx (NGINX=1): started for its turn and stopped after it, as the site is; its worker's CPU is what is counted.
run_nginx() { # round
  local round="$1" entry page variant path url worker cpu0 cpu1 out rps requests
  "$NGINX_BIN" -p "$WEB/nginx" -e "$WEB/nginx/error.log" -c "$WEB/nginx/nginx.conf" >"$WEB/nginx/stdout.log" 2>&1 &
  NGINX_PID=$!
  wait_for_200 "http://127.0.0.1:$NGINX_PORT/" 15 "$NGINX_PID" "nginx" "$WEB/nginx/error.log"
  worker="$(pgrep -P "$NGINX_PID" | head -n 1)"
  for entry in "${LOADS[@]}"; do
    read -r page variant path <<<"$entry"
    [ "$variant" = "cached" ] || continue
    url="http://127.0.0.1:$NGINX_PORT$path"
    counted_wrk "$url" $((WARMUP_REQUESTS / THREADS)) "$WORK/warm.txt" cached none
    cpu0="$(cpu_ticks "$worker")"
    out="$WORK/wrk.txt"
    counted_wrk "$url" $((REQUESTS / THREADS)) "$out" cached none
    cpu1="$(cpu_ticks "$worker")"
    read -r rps _ _ _ requests < <(parse_wrk "$out")
    printf '%s\t%s\t%s %s\t%s\t%s\n' N "$round" "$page" "$variant" "$rps" \
      "$(awk -v d=$((cpu1 - cpu0)) -v t="$CLK_TCK" -v r="$requests" 'BEGIN { printf "%.2f", (r > 0 ? d * 1000 / t / r : 0) }')" >>"$ROWS"
    log "nginx round $round, $page $variant: $rps req/s, $(tail -n 1 "$ROWS" | cut -f 5) CPU ms"
  done
  stop_pid "$NGINX_PID"; NGINX_PID=""
}

LOADAVG_START="$(cut -d ' ' -f 1-3 /proc/loadavg)"
STARTED="$(date -u '+%Y-%m-%d %H:%M')"
for ((round = 1; round <= ROUNDS; round++)); do
  run_build A "$A" "$round"
  [ "$NGINX" != 1 ] || run_nginx "$round"
  run_build B "$B" "$round"
done
LOADAVG_END="$(cut -d ' ' -f 1-3 /proc/loadavg)"

results_dir_ready
{
  echo "two builds side by side  $STARTED to $(date -u '+%H:%M')Z  A=$A  B=$B"
  machine_line "$LOADAVG_START" "$LOADAVG_END"
  echo "site: $POSTS posts + the seed post with $COMMENTS comments; wrk -t$THREADS -c$CONNECTIONS, $REQUESTS requests a load after $WARMUP_REQUESTS of warm-up; $ROUNDS rounds, A then B"
  printf '%-12s | %8s %8s %8s %8s | %8s %8s %8s %8s | %7s %7s\n' load "A CPU ms" "(rounds)" "A r/s" "A peak" "B CPU ms" "(rounds)" "B r/s" "B peak" "B ÷ A" "B-A MiB"
  for entry in "${LOADS[@]}"; do
    read -r page variant _ <<<"$entry"
    awk -F '\t' -v l="$page $variant" '
      function med(list,   n, a, i, j, t) { n = split(list, a, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
        return n == 0 ? 0 : (n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2) }
      $3 == l && $1 == "A" { ac = ac " " $5; ar = ar " " $4; al = al (al ? "/" : "") $5; ap = ap " " $6 / 1024; apl = apl (apl ? "/" : "") sprintf("%.0f", $6 / 1024) }
      $3 == l && $1 == "B" { bc = bc " " $5; br = br " " $4; bl = bl (bl ? "/" : "") $5; bp = bp " " $6 / 1024; bpl = bpl (bpl ? "/" : "") sprintf("%.0f", $6 / 1024) }
      END { printf "%-12s | %8.2f %8s %8.0f %8.0f | %8.2f %8s %8.0f %8.0f | %7.2f %+7.0f\n", l, med(ac), al, med(ar), med(ap), med(bc), bl, med(br), med(bp), (med(ac) > 0 ? med(bc) / med(ac) : 0), med(bp) - med(ap)
        printf "%-12s   peak MiB by round: A %s, B %s\n", "", apl, bpl }' "$ROWS"
  done
  if [ "$NGINX" = 1 ]; then
    echo "nginx (one worker) serving the same bytes, measured between A and B in each round; req/s of each round, and the medians' ratios:"
    for entry in "${LOADS[@]}"; do
      read -r page variant _ <<<"$entry"
      [ "$variant" = "cached" ] || continue
      awk -F '\t' -v l="$page $variant" '
        function med(list,   n, a, i, j, t) { n = split(list, a, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
          return n == 0 ? 0 : (n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2) }
        $3 == l { r[$1] = r[$1] " " $4; rl[$1] = rl[$1] (rl[$1] ? "/" : "") $4; if ($1 == "N") nc = nc " " $5 }
        END { n = med(r["N"]); printf "%-12s | nginx %.0f r/s (%s), %.3f CPU ms | A r/s %s | B r/s %s | A ÷ nginx %.2f, B ÷ nginx %.2f\n", l, n, rl["N"], med(nc), rl["A"], rl["B"], (n > 0 ? med(r["A"]) / n : 0), (n > 0 ? med(r["B"]) / n : 0) }' "$ROWS"
    done
  fi
} | tee "$RESULTS_DIR/ab-latest.txt"
cp "$ROWS" "$RESULTS_DIR/ab-latest-rows.tsv"
log "written $RESULTS_DIR/ab-latest.txt (every load: ab-latest-rows.tsv)"
