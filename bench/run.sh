#!/usr/bin/env bash
# Load benchmark: the site's cached anonymous pages against nginx serving the
# same HTML as static files, side by side in one run. See bench/README.md.
#
#   bash bench/run.sh
#
# Knobs (environment): DURATION (10s), CONNECTIONS (32), THREADS (2),
# SITE_PORT (5391), NGINX_PORT (5392), POST_PATH (/2020/09/11/sochi-meeting),
# WARM_REQUESTS (20), WARMUP (5s of wrk per page before measuring), STARTUP_TIMEOUT (60), NGINX_BIN (/usr/sbin/nginx),
# POSTS (1000 generated posts imported before measuring, so search and lists have real work),
# BENCH_SITE_CMD (stand-in site command, for testing the harness).
set -euo pipefail

DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
SITE_PORT="${SITE_PORT:-5391}"
NGINX_PORT="${NGINX_PORT:-5392}"
POST_PATH="${POST_PATH:-/2020/09/11/sochi-meeting}"
WARM_REQUESTS="${WARM_REQUESTS:-20}"
WARMUP="${WARMUP:-5s}"
STARTUP_TIMEOUT="${STARTUP_TIMEOUT:-60}"
POSTS="${POSTS:-1000}"
NGINX_BIN="${NGINX_BIN:-/usr/sbin/nginx}"
BENCH_SITE_CMD="${BENCH_SITE_CMD:-}"

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(dirname "$BENCH_DIR")"
RESULTS_DIR="$BENCH_DIR/results"

log() { printf '[bench] %s\n' "$*" >&2; }
die() { printf '[bench] error: %s\n' "$*" >&2; exit 1; }

case "$POST_PATH" in /*) ;; *) POST_PATH="/$POST_PATH" ;; esac
POST_PATH="${POST_PATH%/}"
[ -n "$POST_PATH" ] || die "POST_PATH must not be empty or /"
[[ "$POST_PATH" != *..* ]] || die "POST_PATH must not contain '..'"
[ "$THREADS" -le "$CONNECTIONS" ] || die "THREADS ($THREADS) must be <= CONNECTIONS ($CONNECTIONS)"

# --- 1. tools -----------------------------------------------------------------
apt_install() {
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  log "installing $* with apt-get"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >&2 ||
    { "${sudo[@]}" apt-get update >&2 &&
      "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >&2; }
}
command -v wrk >/dev/null 2>&1 || apt_install wrk
[ -x "$NGINX_BIN" ] || apt_install nginx-light
command -v wrk >/dev/null 2>&1 || die "wrk not available"
[ -x "$NGINX_BIN" ] || die "nginx not found at $NGINX_BIN"
command -v curl >/dev/null 2>&1 || die "curl not available"
if [ -z "$BENCH_SITE_CMD" ]; then
  command -v dotnet >/dev/null 2>&1 || die "dotnet not available"
fi

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_busy "$SITE_PORT" && die "port $SITE_PORT (SITE_PORT) is already in use"
port_busy "$NGINX_PORT" && die "port $NGINX_PORT (NGINX_PORT) is already in use"

# --- temp folders and cleanup ------------------------------------------------
# WORK (private): published site, data folder, logs.
# WEB (world-readable, since nginx workers drop privileges): static copy + nginx.
WORK="$(mktemp -d -t bench-site.XXXXXX)"
WEB="$(mktemp -d -t bench-web.XXXXXX)"
chmod 755 "$WEB"
OUT="$WORK/publish"
DATA="$WORK/data"
STATIC="$WEB/static"
NGX="$WEB/nginx"
mkdir -p "$OUT" "$DATA" "$STATIC" "$NGX"

SITE_PID=""
NGINX_PID=""
SAMPLER_PID=""

stop_pid() { # pid, name
  local pid="$1" i
  [ -n "$pid" ] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for i in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  set +e
  stop_pid "$SAMPLER_PID"
  stop_pid "$NGINX_PID"
  stop_pid "$SITE_PID"
  rm -rf "$WORK" "$WEB"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- 2. publish ----------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if [ -z "$BENCH_SITE_CMD" ]; then
  log "publishing src/Site/Site.csproj (Release) to $OUT"
  if ! (cd "$REPO_ROOT" && dotnet publish src/Site/Site.csproj -c Release -o "$OUT" \
          --nologo -v quiet) >"$WORK/publish.log" 2>&1; then
    cat "$WORK/publish.log" >&2
    die "dotnet publish failed"
  fi
fi

# --- 3. start the site (fresh data folder, unattended setup) -----------------
export SITE_PORT NGINX_PORT
export Cms__AppData="$DATA"
export Setup__SiteName="Bench"
export Setup__RecipeName="NewsCommentary"
export Setup__AdminUserName="admin"
export Setup__AdminEmail="admin@example.com"
export Setup__AdminPassword="bench-password-123"
export Setup__DatabaseProvider="Sqlite"
export ASPNETCORE_ENVIRONMENT=Production
export Logging__LogLevel__Default=Warning
# The source link checker would fetch every generated post's (unresolvable) source under load.
export NewsCommentary__LinkCheck__Enabled=false

SITE_URL="http://127.0.0.1:$SITE_PORT"
NGINX_URL="http://127.0.0.1:$NGINX_PORT"
# The site answers only at its public address (other host names get 400).
export Setup__BaseUrl="$SITE_URL"

if [ -n "$BENCH_SITE_CMD" ]; then
  log "starting stand-in site: $BENCH_SITE_CMD"
  bash -c "exec $BENCH_SITE_CMD" >"$WORK/site.log" 2>&1 &
  SITE_PID=$!
  SITE_DESC="stand-in: $BENCH_SITE_CMD"
else
  log "starting site on $SITE_URL (data: $DATA)"
  # cd so the content root (wwwroot, appsettings*.json) is the publish folder.
  (cd "$OUT" && exec dotnet "$OUT/Site.dll" --urls "$SITE_URL") >"$WORK/site.log" 2>&1 &
  SITE_PID=$!
  SITE_DESC="dotnet Site.dll (Release publish)"
fi

http_code() { curl -sS -o "${2:-/dev/null}" -w '%{http_code}' --max-time 30 "$1" 2>/dev/null || true; }

wait_for_200() { # url, timeout seconds, pid to watch, name, log file
  local url="$1" timeout="$2" pid="$3" name="$4" logf="$5" start
  start=$SECONDS
  while :; do
    if [ "$(http_code "$url")" = "200" ]; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 50 "$logf" >&2 || true
      die "$name exited before answering $url"
    fi
    if [ $((SECONDS - start)) -ge "$timeout" ]; then
      tail -n 50 "$logf" >&2 || true
      die "$name did not answer 200 at $url within ${timeout}s"
    fi
    sleep 0.5
  done
}

wait_for_200 "$SITE_URL/" "$STARTUP_TIMEOUT" "$SITE_PID" "site" "$WORK/site.log"
log "site is up (pid $SITE_PID)"

# --- 3b. content: $POSTS generated posts, imported by the CLI as a recipe -----------
# Every post quotes the same paragraph (so a common query matches them all and must be ranked)
# and carries one word of its own, benchpostNNNNN (so a rare query matches one).
generate_posts() {
  local i id day
  printf '{ "name": "BenchPosts", "displayName": "Bench posts", "steps": [ { "name": "content", "Data": [\n'
  for ((i = 1; i <= POSTS; i++)); do
    id=$(printf 'benchpost%017d' "$i")
    day=$(printf '%02d' $(( (i % 28) + 1 )))
    [ "$i" -gt 1 ] && printf ',\n'
    printf '{ "ContentItemId": "%s", "ContentType": "NewsCommentary", "Published": true, "Latest": true,' "$id"
    printf ' "PublishedUtc": "2021-%02d-%sT10:00:00Z", "CreatedUtc": "2021-01-01T10:00:00Z", "ModifiedUtc": "2021-01-01T10:00:00Z",' $(( (i % 12) + 1 )) "$day"
    printf ' "TitlePart": { "Title": "Bench post %d" }, "AutoroutePart": { "Path": "bench/post-%d" },' "$i" "$i"
    printf ' "QuotePart": { "Headline": "Kremlin weighs integration talks %d", "Attribution": "Bench Wire",' "$i"
    printf ' "Text": "Russian President Vladimir Putin and Belarus strongman Alexander Lukashenko will discuss plans to further integrate their countries on Monday, the Kremlin said. benchpost%05d\\n\\nThe two leaders would meet in the Black Sea resort of Sochi to discuss further integration plans as well as key trade and energy projects." },' "$i"
    printf ' "AnalysisPart": { "Markdown": "Analysis of post %d: the *integration* question again." },' "$i"
    printf ' "SourceLinkPart": { "Url": "https://news.example.invalid/story-%d", "Title": "Story %d", "Publication": "Bench Wire" },' "$i" "$i"
    printf ' "TagsPart": { "Tags": ["Bench", "Tag %d"] } }' $(( i % 20 ))
  done
  printf '\n] } ] }\n'
}
if [ -z "$BENCH_SITE_CMD" ] && [ "$POSTS" -gt 0 ]; then
  generate_posts >"$WORK/bench-posts.recipe.json"
  log "importing $POSTS generated posts through the CLI (recipes apply)"
  start_import=$(date +%s)
  (cd "$OUT" && dotnet "$OUT/Site.dll" recipes apply "$WORK/bench-posts.recipe.json") >"$WORK/import.log" 2>&1 ||
    { tail -n 30 "$WORK/import.log" >&2; die "importing the generated posts failed"; }
  IMPORT_SECONDS=$(( $(date +%s) - start_import ))
  log "imported in ${IMPORT_SECONDS}s"
fi
SEARCH_COMMON="/search?q=kremlin+integration"
SEARCH_RARE="/search?q=benchpost00500"
if [ -z "$BENCH_SITE_CMD" ] && [ "$POSTS" -ge 500 ]; then
  curl -sS --max-time 30 "$SITE_URL$SEARCH_RARE" | grep -q "Bench post 500" ||
    die "search for benchpost00500 did not find the generated post 500"
fi

# --- 4. warm the pages and save their HTML for nginx -------------------------
warm_and_save() { # path, destination file
  local path="$1" dest="$2" i code
  for i in $(seq 1 "$WARM_REQUESTS"); do
    code="$(http_code "$SITE_URL$path")"
    [ "$code" = "200" ] || { tail -n 50 "$WORK/site.log" >&2 || true; die "GET $SITE_URL$path answered $code (want 200)"; }
  done
  mkdir -p "$(dirname "$dest")"
  code="$(http_code "$SITE_URL$path" "$dest")"
  [ "$code" = "200" ] || die "GET $SITE_URL$path answered $code (want 200)"
  [ -s "$dest" ] || die "GET $SITE_URL$path returned an empty body"
  chmod 644 "$dest"
}
log "warming / and $POST_PATH ($WARM_REQUESTS requests each) and saving their HTML"
warm_and_save "/" "$STATIC/index.html"
warm_and_save "$POST_PATH" "$STATIC$POST_PATH/index.html"
chmod -R a+rX "$STATIC"

# .NET compiles hot code again with better optimisation after the first few thousand calls
# (tiered compilation); load each page briefly first so the measured runs see steady state.
log "warming the site under load for $WARMUP per page"
WARM_PATHS=("/" "$POST_PATH")
[ -n "$BENCH_SITE_CMD" ] || WARM_PATHS+=("$SEARCH_RARE" "$SEARCH_COMMON")
for path in "${WARM_PATHS[@]}"; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$SITE_URL$path" >/dev/null 2>&1 || die "wrk warm-up of $path failed"
done
HOME_BYTES=$(wc -c <"$STATIC/index.html")
POST_BYTES=$(wc -c <"$STATIC$POST_PATH/index.html")

# --- 5. nginx -------------------------------------------------------------------
cat >"$NGX/nginx.conf" <<EOF
# Generated by bench/run.sh; one worker to match the site's share of the cores.
worker_processes 1;
daemon off;
pid $NGX/nginx.pid;
error_log $NGX/error.log warn;

events {
    worker_connections 4096;
}

http {
    access_log off;
    default_type text/html;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 65;
    keepalive_requests 1000000;

    client_body_temp_path $NGX/client_body;
    proxy_temp_path $NGX/proxy;
    fastcgi_temp_path $NGX/fastcgi;
    uwsgi_temp_path $NGX/uwsgi;
    scgi_temp_path $NGX/scgi;

    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $STATIC;
        location / {
            try_files \$uri \$uri/index.html =404;
        }
    }
}
EOF
log "starting nginx on $NGINX_URL"
"$NGINX_BIN" -p "$NGX" -e "$NGX/error.log" -c "$NGX/nginx.conf" -t >"$NGX/configtest.log" 2>&1 ||
  { cat "$NGX/configtest.log" >&2; die "nginx config test failed"; }
"$NGINX_BIN" -p "$NGX" -e "$NGX/error.log" -c "$NGX/nginx.conf" >"$NGX/stdout.log" 2>&1 &
NGINX_PID=$!
wait_for_200 "$NGINX_URL/" 15 "$NGINX_PID" "nginx" "$NGX/error.log"
for p in / "$POST_PATH"; do
  code="$(http_code "$NGINX_URL$p")"
  [ "$code" = "200" ] || { cat "$NGX/error.log" >&2 || true; die "nginx GET $p answered $code (want 200)"; }
done

# --- 6. load ------------------------------------------------------------------
# Parse one wrk --latency output: prints "rps p50_ms p99_ms errors".
parse_wrk() {
  awk '
    function ms(v,   n, u) {
      n = v; sub(/[a-z]+$/, "", n)
      u = v; sub(/^[0-9.]+/, "", u)
      if (u == "us") return n / 1000
      if (u == "ms") return n
      if (u == "s")  return n * 1000
      if (u == "m")  return n * 60000
      if (u == "h")  return n * 3600000
      return n
    }
    /^[ \t]*Requests\/sec:/ { rps = $2 }
    /^[ \t]*50(\.0+)?%[ \t]/ { p50 = ms($2) }
    /^[ \t]*99(\.0+)?%[ \t]/ { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    /Socket errors:/ {
      line = $0; sub(/.*Socket errors:/, "", line)
      n = split(line, parts, ",")
      for (i = 1; i <= n; i++) { split(parts[i], kv, " "); sock += kv[2] }
    }
    END {
      if (rps == "") { print "NA NA NA NA"; exit }
      if (p50 == "") p50 = "NA"
      if (p99 == "") p99 = "NA"
      printf "%s %s %s %d\n", rps, p50, p99, sock + non2xx
    }
  ' "$1"
}

RAW="$WORK/wrk-raw.txt"
: >"$RAW"
run_wrk() { # target, page, url
  local target="$1" page="$2" url="$3" out="$WORK/wrk-$1-$2.txt"
  log "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency $url"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$url" >"$out" 2>&1 ||
    { cat "$out" >&2; die "wrk failed against $url"; }
  { printf '===== %s %s: %s\n' "$target" "$page" "$url"; cat "$out"; echo; } >>"$RAW"
  read -r RES_RPS RES_P50 RES_P99 RES_ERR < <(parse_wrk "$out")
  [ "$RES_RPS" != "NA" ] || { cat "$out" >&2; die "could not parse wrk output for $url"; }
  ROWS+=("$target|$page|$RES_RPS|$RES_P50|$RES_P99|$RES_ERR")
  eval "RPS_${target}_${page}=\$RES_RPS"
}

# Sample the site's RSS while it is under load.
status_kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status" 2>/dev/null || true; }
RSS_SAMPLES="$WORK/rss.txt"
: >"$RSS_SAMPLES"
(
  while kill -0 "$SITE_PID" 2>/dev/null; do
    status_kb "$SITE_PID" VmRSS >>"$RSS_SAMPLES"
    sleep 0.25
  done
) &
SAMPLER_PID=$!

ROWS=()
run_wrk site post "$SITE_URL$POST_PATH"
run_wrk site home "$SITE_URL/"
if [ -z "$BENCH_SITE_CMD" ]; then
  # Search is never output-cached: every request ranks the matches in the database.
  run_wrk site search1 "$SITE_URL$SEARCH_RARE"
  run_wrk site searchN "$SITE_URL$SEARCH_COMMON"
fi
stop_pid "$SAMPLER_PID"; SAMPLER_PID=""
kill -0 "$SITE_PID" 2>/dev/null || die "site died during the load run"
SITE_HWM_KB="$(status_kb "$SITE_PID" VmHWM)"
SITE_RSS_KB="$(status_kb "$SITE_PID" VmRSS)"
RSS_MAX_KB="$(sort -n "$RSS_SAMPLES" | tail -n 1)"

run_wrk nginx post "$NGINX_URL$POST_PATH"
run_wrk nginx home "$NGINX_URL/"

# --- 7. report -------------------------------------------------------------------
mb() { [ -n "${1:-}" ] && awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }' || printf 'n/a'; }
fmt_ms() { awk -v v="$1" 'BEGIN { if (v == "NA") printf "n/a"; else printf "%.2f", v }'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0) printf "%.1f%%", 100 * a / b; else printf "n/a" }'; }

COMMIT="$(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo none)"
CPU="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"

report() {
  echo "Site load benchmark  $(date -u '+%Y-%m-%d %H:%M:%SZ')  commit $COMMIT"
  echo "machine: $(nproc) cpus${CPU:+, $CPU}"
  echo "wrk: -t$THREADS -c$CONNECTIONS -d$DURATION --latency   nginx: $("$NGINX_BIN" -v 2>&1 | sed 's/.*: //'), worker_processes 1"
  echo "site: $SITE_DESC"
  echo "pages: home = /  ($HOME_BYTES bytes), post = $POST_PATH  ($POST_BYTES bytes)"
  [ -z "${IMPORT_SECONDS:-}" ] || echo "content: $POSTS generated posts (+ the seed post), imported by the CLI in ${IMPORT_SECONDS}s; search1 = $SEARCH_RARE (1 match), searchN = $SEARCH_COMMON (all match, ranked, first page)"
  echo
  printf '%-7s %-8s %12s %10s %10s %8s\n' target page "req/s" "p50 ms" "p99 ms" errors
  printf '%-7s %-8s %12s %10s %10s %8s\n' ------- -------- ------------ ---------- ---------- --------
  local row t p r a b e
  for row in "${ROWS[@]}"; do
    IFS='|' read -r t p r a b e <<<"$row"
    printf '%-7s %-8s %12.1f %10s %10s %8s\n' "$t" "$p" "$r" "$(fmt_ms "$a")" "$(fmt_ms "$b")" "$e"
  done
  echo
  echo "site / nginx throughput:  post $(pct "$RPS_site_post" "$RPS_nginx_post")   home $(pct "$RPS_site_home" "$RPS_nginx_home")   (goal: post >= 50%)"
  echo "site peak memory (VmHWM): $(mb "$SITE_HWM_KB") MB   max sampled RSS under load: $(mb "$RSS_MAX_KB") MB   RSS at end: $(mb "$SITE_RSS_KB") MB"
}

mkdir -p "$RESULTS_DIR"
[ -f "$RESULTS_DIR/.gitignore" ] || printf '*\n!.gitignore\n' >"$RESULTS_DIR/.gitignore"
report | tee "$RESULTS_DIR/latest.txt"
cp "$RAW" "$RESULTS_DIR/latest-wrk-raw.txt"
log "written $RESULTS_DIR/latest.txt (raw wrk output: latest-wrk-raw.txt)"
