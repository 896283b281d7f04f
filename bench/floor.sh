#!/usr/bin/env bash
# The site's start-up beside the framework's floor (issue 12 point 5: a set-up site answers its first request within 1 s
# of the process starting). bench/floor/ is the least an app made as the site is does before its first answer; it starts
# in three modes: `hello` (a minimal API endpoint: ASP.NET Core alone), `mvc` (MVC and a Razor view in a layout, 11 posts
# built in memory) and `mvc-ef` (the same posts read by EF Core from a SQLite database of 100, after EnsureCreated).
# Each is published as the site is (ReadyToRun, framework-dependent, the site's GC, PGO and reflection settings), then
# the site (a 100-post site, as startup.sh makes it) and the three modes start in turn, ROUNDS times, the order turning
# each round so a drift in the machine's load falls on all; each start is measured as run.sh measures the site's: wall
# ms from launching `dotnet X.dll` to the whole first 200 from `/`, and the CPU the process used by then.
# Prints each one's median and every start, and the site ÷ each mode. Not part of run.sh. See bench/README.md.
#
#   bash bench/floor.sh                      publishes the site from this tree first
#   A=/tmp/publish ROUNDS=8 bash bench/floor.sh
#   (A: a `dotnet publish src/Site/Site.csproj -c Release -o FOLDER` to start instead)
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(dirname "$BENCH_DIR")"
RESULTS_DIR="$BENCH_DIR/results"
. "$BENCH_DIR/lib/common.sh"
. "$BENCH_DIR/lib/sites.sh"

POSTS="${POSTS:-100}"
ROUNDS="${ROUNDS:-6}"
PORT="${PORT:-5487}"
IMPORT_TIMEOUT="${IMPORT_TIMEOUT:-600}"
STARTUP_TIMEOUT="${STARTUP_TIMEOUT:-60}"
BENCH_PASSWORD="${BENCH_PASSWORD:-Bench-Passw0rd!}"
MODES=(hello mvc mvc-ef)

port_busy "$PORT" && die "port $PORT is already in use (PORT)"

WORK="$(mktemp -d -t bench-floor.XXXXXX)"
APP_PID=""
cleanup() { local rc=$?; set +e; stop_pid "$APP_PID"; rm -rf "$WORK"; exit "$rc"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export_site_environment
if [ -n "${A:-}" ]; then
  [ -f "$A/Site.dll" ] || die "A=$A holds no Site.dll"
  cp -a "$A" "$WORK/site"
else
  publish_site "$REPO_ROOT" "$WORK/site" "$WORK/publish.log"
fi
log "publishing bench/floor (Release) to $WORK/floor"
(cd "$BENCH_DIR/floor" && dotnet publish Floor.csproj -c Release -o "$WORK/floor" --nologo -v quiet) >"$WORK/floor-publish.log" 2>&1 ||
  { cat "$WORK/floor-publish.log" >&2; die "publishing bench/floor failed"; }
dotnet build-server shutdown >/dev/null 2>&1 || true

OUT="$WORK/site"
log "site: setup, $POSTS posts"
prepare_site "$WORK/data" "$WORK/cli.log"
generate_posts 1 "$POSTS" "$WORK/posts.recipe.json"
read -r -a result < <(timed_import "$WORK/data" "$WORK/posts.recipe.json" "$WORK/cli.log")
[ "${result[2]}" = "ok" ] || die "importing $POSTS posts: ${result[2]}"
mkdir -p "$WORK/floor-data"

URL="http://127.0.0.1:$PORT"
ROWS="$WORK/rows.tsv" # name wall_ms cpu_ms
: >"$ROWS"
one_start() { # name (site or a floor mode), measured (1) or not (0)
  if [ "$1" = site ]; then
    timed_start site "$2" "$WORK/site.log" env -C "$WORK/site" Cms__AppData="$WORK/data" dotnet "$WORK/site/Site.dll" --urls "$URL"
  else
    timed_start "$1" "$2" "$WORK/$1.log" env -C "$WORK/floor" FLOOR_MODE="$1" FLOOR_DATA="$WORK/floor-data" \
      dotnet "$WORK/floor/Floor.dll" --urls "$URL"
  fi
}

# Unmeasured: the site stamps its schema, mvc-ef creates its database, and each file is read once from the disk.
log "one unmeasured start of each"
for name in site "${MODES[@]}"; do one_start "$name" 0; done
LOADAVG_START="$(cut -d ' ' -f 1-3 /proc/loadavg)"
STARTED="$(date -u '+%Y-%m-%d %H:%M')"
ORDER=(site "${MODES[@]}")
for ((round = 0; round < ROUNDS; round++)); do
  for ((i = 0; i < ${#ORDER[@]}; i++)); do one_start "${ORDER[(i + round) % ${#ORDER[@]}]}" 1; done
done
LOADAVG_END="$(cut -d ' ' -f 1-3 /proc/loadavg)"

results_dir_ready
{
  echo "the site's start-up beside the framework's floor  $STARTED to $(date -u '+%H:%M')Z"
  machine_line "$LOADAVG_START" "$LOADAVG_END"
  echo "site: $POSTS posts; floor: bench/floor; $ROUNDS starts each, in turn; process start to the first 200 from /"
  awk -F '\t' '
    function med(list,   n, a, i, j, t) { n = split(list, a, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
      return n == 0 ? 0 : (n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2) }
    { w[$1] = w[$1] " " $2; c[$1] = c[$1] " " $3 }
    END {
      split("site mvc-ef mvc hello", names, " ")
      printf "%-7s | %8s %8s | %12s | %s\n", "app", "wall ms", "CPU ms", "site ÷ this", "every start (wall/CPU)"
      for (k = 1; k <= 4; k++) { n = names[k]; split(w[n], ws, " "); split(c[n], cs, " "); s = ""
        for (i = 1; i in ws; i++) s = s (s ? " " : "") ws[i] "/" cs[i]
        printf "%-7s | %8.0f %8.0f | %5.2f / %4.2f | %s\n", n, med(w[n]), med(c[n]), med(w["site"]) / med(w[n]), med(c["site"]) / med(c[n]), s }
    }' "$ROWS"
} | tee "$RESULTS_DIR/floor-latest.txt"
log "written $RESULTS_DIR/floor-latest.txt"
