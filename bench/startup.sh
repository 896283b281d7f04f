#!/usr/bin/env bash
# Two builds' start-up side by side (issue 12 point 5: a set-up site answers its first request within 1 s of the
# process starting): one 100-post site set up with build A, a copy of its data folder for each build (the schema stamp
# is per build, so each build's copy is started once, unmeasured, to check and stamp it), then starts of A and B in
# turn (A B, then B A, ... so a drift in the machine's load falls on both), each measured as run.sh measures a start:
# wall ms from launching `dotnet Site.dll` to the first 200 from `/`, and the CPU ms the process used until then.
# Prints per build the median and every start, and B ÷ A. Not part of run.sh. See bench/README.md.
#
#   A=/tmp/before-publish B=/tmp/after-publish bash bench/startup.sh
#   (each a `dotnet publish src/Site/Site.csproj -c Release -o FOLDER`; B may equal A, to see the noise)
#   A=/tmp/publish B=/tmp/publish B_ENV="DOTNET_TieredCompilation=0" bash bench/startup.sh
#   (A_ENV and B_ENV: space-separated NAME=VALUE settings one build's starts get, a runtime knob tried without a rebuild)
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RESULTS_DIR="$BENCH_DIR/results"
. "$BENCH_DIR/lib/common.sh"
. "$BENCH_DIR/lib/sites.sh"

A="${A:?A=published folder of the first build}"
B="${B:?B=published folder of the second build}"
POSTS="${POSTS:-100}"
ROUNDS="${ROUNDS:-6}"
PORT="${PORT:-5489}"
IMPORT_TIMEOUT="${IMPORT_TIMEOUT:-600}"
STARTUP_TIMEOUT="${STARTUP_TIMEOUT:-60}"
# TIMING=1 logs Cms.Hosting.StartupTiming's steps (CPU, wall, methods jitted) into each start's log, kept in
# bench/results/startup-logs/; it costs a little CPU itself, so compare figures of runs made alike.
TIMING="${TIMING:-0}"

[ -x /usr/bin/time ] || apt_install time
port_busy "$PORT" && die "port $PORT is already in use (PORT)"

WORK="$(mktemp -d -t bench-startup.XXXXXX)"
APP_PID=""
cleanup() { local rc=$?; set +e; stop_pid "$APP_PID"; rm -rf "$WORK"; exit "$rc"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export_site_environment
# A name with a dot cannot be exported by bash; env passes it.
SITE_ENV=()
[ "$TIMING" = "1" ] && SITE_ENV=("Logging__LogLevel__Cms.Hosting.StartupTiming=Debug")
URL="http://127.0.0.1:$PORT"
for b in A B; do
  src="${!b}"
  [ -f "$src/Site.dll" ] || die "$b=$src holds no Site.dll"
  cp -a "$src" "$WORK/build-$b"
done
OUT="$WORK/build-A"
log "site (made with A): setup, $POSTS posts"
prepare_site "$WORK/data-A" "$WORK/cli.log"
generate_posts 1 "$POSTS" "$WORK/posts.recipe.json"
read -r -a result < <(timed_import "$WORK/data-A" "$WORK/posts.recipe.json" "$WORK/cli.log")
[ "${result[2]}" = "ok" ] || die "importing $POSTS posts: ${result[2]}"
cp -a "$WORK/data-A" "$WORK/data-B"
# The copy's site.json still names data-A's database: without this B would open A's, and each build's start would
# find the other's schema stamp and check the schema in full (about 300 ms more a start, on both sides).
sed -i "s|$WORK/data-A/|$WORK/data-B/|" "$WORK/data-B/site.json"
grep -q "$WORK/data-B/site.db" "$WORK/data-B/site.json" || die "the copy's site.json does not name its own database"

ROWS="$WORK/rows.tsv" # build wall_ms cpu_ms
: >"$ROWS"
one_start() { # build, measured (1) or not (0)
  local b="$1" extra="${1}_ENV" build_env=()
  read -r -a build_env <<<"${!extra:-}"
  # The same probe as run.sh's start-up section, so the figures compare with its report.
  timed_start "$b" "$2" "$WORK/site-$b.log" env -C "$WORK/build-$b" "${SITE_ENV[@]}" "${build_env[@]}" \
    Cms__AppData="$WORK/data-$b" dotnet "$WORK/build-$b/Site.dll" --urls "$URL"
}

log "one unmeasured start of each build (stamps its copy's schema)"
one_start A 0
one_start B 0
: >"$WORK/site-A.log"; : >"$WORK/site-B.log"
LOADAVG_START="$(cut -d ' ' -f 1-3 /proc/loadavg)"
STARTED="$(date -u '+%Y-%m-%d %H:%M')"
for ((round = 1; round <= ROUNDS; round++)); do
  if ((round % 2)); then one_start A 1; one_start B 1; else one_start B 1; one_start A 1; fi
done
LOADAVG_END="$(cut -d ' ' -f 1-3 /proc/loadavg)"

results_dir_ready
if [ "$TIMING" = "1" ]; then
  mkdir -p "$RESULTS_DIR/startup-logs"
  cp "$WORK/site-A.log" "$RESULTS_DIR/startup-logs/A.log"; cp "$WORK/site-B.log" "$RESULTS_DIR/startup-logs/B.log"
fi
{
  echo "two builds' start-up side by side  $STARTED to $(date -u '+%H:%M')Z  A=$A  B=$B"
  machine_line "$LOADAVG_START" "$LOADAVG_END"
  echo "site: $POSTS posts; $ROUNDS starts a build, A and B in turn; process start to the first 200 from /"
  awk -F '\t' '
    function med(list,   n, a, i, j, t) { n = split(list, a, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
      return n == 0 ? 0 : (n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2) }
    { w[$1] = w[$1] " " $2; c[$1] = c[$1] " " $3 }
    END {
      printf "%-5s | %9s %9s | %s\n", "build", "wall ms", "CPU ms", "every start (wall/CPU)"
      for (b = 1; b <= 2; b++) { n = (b == 1 ? "A" : "B"); split(w[n], ws, " "); split(c[n], cs, " "); s = ""
        for (i = 1; i in ws; i++) s = s (s ? " " : "") ws[i] "/" cs[i]
        printf "%-5s | %9.0f %9.0f | %s\n", n, med(w[n]), med(c[n]), s }
      printf "B ÷ A | %9.2f %9.2f |\n", med(w["B"]) / med(w["A"]), med(c["B"]) / med(c["A"]) }' "$ROWS"
} | tee "$RESULTS_DIR/startup-latest.txt"
log "written $RESULTS_DIR/startup-latest.txt"
