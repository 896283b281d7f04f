# Shared helpers of bench/run.sh and bench/profile.sh (sourced, not run).

log() { printf '[bench %3ds] %s\n' "$SECONDS" "$*" >&2; }
die() { printf '[bench] error: %s\n' "$*" >&2; exit 1; }

apt_install() {
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  log "installing $* with apt-get"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >&2 ||
    { "${sudo[@]}" apt-get update >&2 &&
      "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >&2; }
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

stop_pid() { # pid: TERM, up to 10 s, then KILL
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

http_code() { curl -sS -o "${2:-/dev/null}" -w '%{http_code}' --max-time 30 "$1" 2>/dev/null || true; }

# True when the process listens on the port itself: another bench (another worktree's) may hold it.
owns_port() { # pid, port
  ! command -v ss >/dev/null 2>&1 || ss -Hltnp "sport = :$2" 2>/dev/null | grep -q "pid=$1,"
}

wait_for_200() { # url, timeout seconds, pid to watch, name, log file
  local url="$1" timeout="$2" pid="$3" name="$4" logf="$5" start
  start=$SECONDS
  while :; do
    if [ "$(http_code "$url")" = "200" ]; then
      local port="${url#http://127.0.0.1:}"
      port="${port%%/*}"
      owns_port "$pid" "$port" || die "$url answers, but not from $name (pid $pid): is another bench running on port $port?"
      return 0
    fi
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

# --- one process, from /proc --------------------------------------------------------------
status_kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status" 2>/dev/null || true; }

# User + system CPU of a process (all its threads), in clock ticks (fields 14 and 15 of stat,
# counted after the command name, which may hold spaces).
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{ print $12 + $13 }'; }
CLK_TCK="$(getconf CLK_TCK 2>/dev/null || echo 100)"

# Sets the process's peak resident memory (VmHWM) back to its current RSS, so the next reading
# is the peak of what happened since. Needs Linux >= 4.0 and the right to write clear_refs.
reset_peak() { echo 5 >"/proc/$1/clear_refs" 2>/dev/null; }

mib() { [ -n "${1:-}" ] && awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }' || printf 'n/a'; }

now_ms() { epoch_ms; echo "$EPOCH_MS"; }

# --- the start-up probe ---------------------------------------------------------------------
# Waits for a starting site's first 200 from / (issue 12 point 5) and sets FIRST_ANSWER_MS to the milliseconds from
# START (a now_ms taken before the launch) to that answer read to its end. It asks every 10 ms through bash's own
# /dev/tcp and waits with bash's own read -t, so a try spawns no process: the probe used before, a curl every 20 ms,
# took about 23 ms of CPU a try here, half of one of the two cores beside the start it was measuring.
# STARTUP_PROBE=curl runs that earlier probe instead, to compare. Returns 1 when the process exited, 2 on time out.
epoch_ms() { local t="${EPOCHREALTIME//[!0-9]/}"; EPOCH_MS=$((10#$t / 1000)); }
wait_first_answer() { # port, pid, start ms, timeout seconds
  local port="$1" pid="$2" start="$3" limit=$(($4 * 1000)) fifo status rc=0
  fifo="$(mktemp -u)" && mkfifo "$fifo" && exec 9<>"$fifo" && rm -f "$fifo"
  while :; do
    status=""
    if [ "${STARTUP_PROBE:-tcp}" = curl ]; then
      status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "http://127.0.0.1:$port/" 2>/dev/null)" || true
    elif { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
      printf 'GET / HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$port" >&3
      read -r -t 30 _ status _ <&3 || true
      # The whole answer, as curl read it: the site sends the headers with the page's end (its output is buffered).
      [ "$status" != 200 ] || cat <&3 >/dev/null
      exec 3<&- 3>&-
    fi
    epoch_ms
    if [ "$status" = 200 ]; then FIRST_ANSWER_MS=$((EPOCH_MS - start)); break; fi
    kill -0 "$pid" 2>/dev/null || { rc=1; break; }
    [ $((EPOCH_MS - start)) -lt "$limit" ] || { rc=2; break; }
    if [ "${STARTUP_PROBE:-tcp}" = curl ]; then sleep 0.02; else read -r -t 0.01 -u 9 _ || true; fi
  done
  exec 9<&-
  return "$rc"
}

# One start measured with that probe (startup.sh, floor.sh): runs the command in the background as APP_PID, waits for its
# first 200 from / on PORT (STARTUP_TIMEOUT seconds at most), reads the CPU the process used by then, stops it, and, when
# measured is 1, appends "name wall_ms cpu_ms" to ROWS and logs the figures.
timed_start() { # name, measured (1) or not (0), log file, command...
  local name="$1" measured="$2" logf="$3" start wall cpu
  shift 3
  start=$(now_ms)
  "$@" >>"$logf" 2>&1 &
  APP_PID=$!
  wait_first_answer "$PORT" "$APP_PID" "$start" "$STARTUP_TIMEOUT" || case $? in
    1) tail -n 30 "$logf" >&2; die "$name exited at start" ;;
    *) die "$name did not answer within ${STARTUP_TIMEOUT}s" ;;
  esac
  wall=$FIRST_ANSWER_MS
  cpu=$(( $(cpu_ticks "$APP_PID") * 1000 / CLK_TCK ))
  owns_port "$APP_PID" "$PORT" || die "port $PORT answers from another process"
  stop_pid "$APP_PID"; APP_PID=""
  if [ "$measured" = 1 ]; then
    printf '%s\t%s\t%s\n' "$name" "$wall" "$cpu" >>"$ROWS"
    log "$name: first 200 after $wall ms, $cpu ms of CPU (load $(cut -d ' ' -f 1 /proc/loadavg))"
  fi
}

# --- the site -----------------------------------------------------------------------------
publish_site() { # repo root, output folder, log file
  log "publishing src/Site/Site.csproj (Release) to $2"
  # Analyzers are left to the test build (they change no compiled code; they were half the compiler's CPU here), and
  # the projects are compiled by one warm compiler server instead of a new compiler process each; the server is
  # stopped after, so nothing of the build runs beside the loads.
  if ! (cd "$1" && dotnet publish src/Site/Site.csproj -c Release -o "$2" --nologo -v quiet \
    -p:RunAnalyzers=false -p:UseSharedCompilation=true) >"$3" 2>&1; then
    cat "$3" >&2
    die "dotnet publish failed"
  fi
  dotnet build-server shutdown >/dev/null 2>&1 || true
}

# The environment every bench site process (web or CLI) runs with; the data folder is per site.
export_site_environment() {
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
  export ASPNETCORE_ENVIRONMENT=Production
  export Logging__LogLevel__Default=Warning
  # The source link checker would fetch every generated post's (unresolvable) source under load.
  export NewsCommentary__LinkCheck__Enabled=false
  export Setup__SiteName="Bench" Setup__RecipeName="NewsCommentary" Setup__AdminUserName="admin"
  export Setup__AdminEmail="admin@example.com" Setup__AdminPassword="$BENCH_PASSWORD"
  # The public address: a site answers only its own host name (the port is not part of the check).
  export Setup__BaseUrl="http://127.0.0.1"
  # The bench posts its comments and signs its reader in from one address, faster than the sign-in and
  # comment rate limits allow strangers; the limiter only looks at POSTs, so the measured GETs are the same.
  export RateLimits__Enabled=false
  # Cached pages vary only by the query keys pages read, so a random query string is served the cached
  # page; the miss loads (wrk/fresh-query.lua) use a key of their own that the site is told to vary by.
  export Cms__PublicCache__QueryKeys=nocache
}
BENCH_PASSWORD="bench-password-123"

# Runs a CLI verb of the published site on a data folder: cli DATA LOG verb args...
cli() {
  local data="$1" logf="$2"
  shift 2
  (cd "$OUT" && Cms__AppData="$data" exec dotnet "$OUT/Site.dll" "$@") >>"$logf" 2>&1 ||
    { tail -n 30 "$logf" >&2; die "dotnet Site.dll $* failed (data: $data)"; }
}

# Starts the published site on a data folder; prints its pid. start_site DATA PORT LOG
start_site() {
  (cd "$OUT" && Cms__AppData="$1" exec dotnet "$OUT/Site.dll" --urls "http://127.0.0.1:$2") >>"$3" 2>&1 &
  echo $!
}

# Signs in through the real form (antiforgery token, password) and leaves the cookies in a jar.
sign_in() { # base url, user, password, cookie jar
  local url="$1" user="$2" pass="$3" jar="$4" token code
  token="$(curl -sS --max-time 30 -b "$jar" -c "$jar" "$url/login" |
    sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | awk 'NR == 1')"
  [ -n "$token" ] || die "no antiforgery token in the form at $url/login"
  code="$(curl -sS --max-time 30 -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' \
    --data-urlencode "UserName=$user" --data-urlencode "Password=$pass" \
    --data-urlencode "__RequestVerificationToken=$token" "$url/login")"
  [ "$code" = "302" ] || die "signing in as $user at $url answered $code (want 302)"
  grep -q 'cms_auth' "$jar" || die "signing in as $user at $url set no authentication cookie"
}

# One request with the jar, keeping what the site sets: the sign-in cookie is renewed when its
# security stamp is checked (every minute, SecurityStampValidatorOptions), as a browser would keep it.
refresh_cookies() { # base url, cookie jar
  curl -sS --max-time 30 -o /dev/null -b "$2" -c "$2" "$1/" || die "could not refresh the cookies of $2"
}

# The jar's cookies as one Cookie header, as a browser would send them.
cookie_header() {
  awk -F '\t' '/^#HttpOnly_/ { sub(/^#HttpOnly_/, "") } /^#/ || NF < 7 { next }
               { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$1"
}

# Reads the comment form of a post page as the jar's user: sets COMMENT_ACTION and COMMENT_TOKEN
# (an antiforgery token serves any number of posts by the same signed-in user, as in a browser tab).
comment_form() { # base url, post path, cookie jar
  local page
  page="$(curl -sS --max-time 30 -b "$3" -c "$3" "$1$2")"
  COMMENT_ACTION="$(printf '%s' "$page" | sed -n 's/.*<form method="post" action="\(\/comments\/[^"]*\)" class="comment-form".*/\1/p' | awk 'NR == 1')"
  [ -n "$COMMENT_ACTION" ] || die "no comment form on $1$2 for the signed-in commenter"
  COMMENT_TOKEN="$(printf '%s' "$page" | awk '/class="comment-form"/ { f = 1 } f && !done && /__RequestVerificationToken/ { print; done = 1 }' |
    sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p')"
  [ -n "$COMMENT_TOKEN" ] || die "no antiforgery token in the comment form on $1$2"
}

# Posts a comment through that form; the answer must be the redirect back to the post.
post_comment() { # base url, cookie jar, text
  local code
  code="$(curl -sS --max-time 30 -b "$2" -c "$2" -o /dev/null -w '%{http_code}' \
    --data-urlencode "Text=$3" --data-urlencode "__RequestVerificationToken=$COMMENT_TOKEN" "$1$COMMENT_ACTION")"
  [ "$code" = "302" ] || die "posting a comment to $1$COMMENT_ACTION answered $code (want 302)"
}

# How busy the whole machine is over a few seconds, in % of all its cores (from /proc/stat). Run
# while the bench's own processes idle, it tells how much other work shares the machine.
machine_busy() { # seconds
  local a b
  a="$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat)"
  sleep "$1"
  b="$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat)"
  awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " "); t = y[2] - x[2]; printf "%.0f", (t > 0 ? 100 * (y[1] - x[1]) / t : 0) }'
}

# The results folder, kept out of git (every script writes its report there).
results_dir_ready() {
  mkdir -p "$RESULTS_DIR"
  [ -f "$RESULTS_DIR/.gitignore" ] || printf '*\n!.gitignore\n' >"$RESULTS_DIR/.gitignore"
}

# A side-by-side report's machine line: the hardware and the load average it ran under (start, end).
machine_line() {
  echo "machine: $(nproc) cpus, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average $1 at the start, $2 at the end"
}
