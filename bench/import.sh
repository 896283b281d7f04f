#!/usr/bin/env bash
# The command line's import alone (issue 12 point 3), on SQLite and PostgreSQL, for one or more builds side by
# side: a recipe of POSTS generated posts (lib/posts.awk) onto a freshly set-up site, then POSTS more onto
# those, each `dotnet Site.dll recipes apply` timed by /usr/bin/time; per import the wall time, items/s, the
# CPU it used (user + system: what a busy machine disturbs less) and its peak resident memory (VmHWM).
# Builds run in turn within each round (A, B, A, B...), so a figure's neighbours ran under the same load.
# Not part of run.sh (whose import step measures the same on one build). See bench/README.md.
#
#   A=/tmp/before-publish B=/tmp/after-publish bash bench/import.sh
#   A=/tmp/after-publish DATABASES=sqlite ROUNDS=1 bash bench/import.sh
#   (each a `dotnet publish src/Site/Site.csproj -c Release -o FOLDER` of the build to measure)
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RESULTS_DIR="$BENCH_DIR/results"
. "$BENCH_DIR/lib/common.sh"
. "$BENCH_DIR/lib/postgres.sh"
. "$BENCH_DIR/lib/sites.sh"

A="${A:?A=published folder of the build to measure}"
B="${B:-}"
POSTS="${POSTS:-10000}"
ROUNDS="${ROUNDS:-2}"
DATABASES="${DATABASES:-sqlite postgres}"
PG_PORT="${PG_PORT:-5497}"
IMPORT_TIMEOUT="${IMPORT_TIMEOUT:-600}"
BUILDS=(A)
[ -z "$B" ] || BUILDS+=(B)

[ -x /usr/bin/time ] || apt_install time
for build in "${BUILDS[@]}"; do
  [ -f "${!build}/Site.dll" ] || die "$build=${!build} holds no Site.dll"
done

WORK="$(mktemp -d -t bench-import.XXXXXX)"
# A fast shutdown first: PostgreSQL's answer to TERM (pg_stop) waits for its sessions to end.
cleanup() {
  local rc=$?
  set +e
  [ -z "$PG_FOLDER" ] || pg_as_owner "$(pg_bin)/pg_ctl" -D "$PG_FOLDER/data" -m fast -w stop >/dev/null 2>&1
  pg_stop
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
export_site_environment

# /usr/bin/time's format: wall seconds, user and system CPU seconds, peak RSS in KiB.
timed_apply() { # data folder, recipe, log; prints "seconds cpu peak_kb status"
  local stats="$WORK/time.txt" rc=0 wall user sys peak
  (cd "$OUT" && Cms__AppData="$1" /usr/bin/time -f '%e %U %S %M' -o "$stats" \
    timeout -k 10 "$IMPORT_TIMEOUT" dotnet "$OUT/Site.dll" recipes apply "$2") >>"$3" 2>&1 || rc=$?
  read -r wall user sys peak < <(tail -n 1 "$stats")
  printf '%s %s %s %s\n' "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')" "$peak" \
    "$([ "$rc" = 0 ] && echo ok || echo "failed($rc)")"
}

generate_posts 1 "$POSTS" "$WORK/first.recipe.json"
generate_posts $((POSTS + 1)) "$POSTS" "$WORK/more.recipe.json"

# One set-up site per database, made once with build A and copied for every import run (as run.sh's large site).
OUT="$WORK/build"
cp -a "$A" "$OUT"
if [[ " $DATABASES " == *" sqlite "* ]]; then
  log "SQLite: setting up the site every run starts from"
  mkdir -p "$WORK/sqlite-site"
  cli "$WORK/sqlite-site" "$WORK/setup.log" setup
fi
if [[ " $DATABASES " == *" postgres "* ]]; then
  log "PostgreSQL: a throwaway cluster on port $PG_PORT, and the site every run starts from (a template database)"
  pg_start "$PG_PORT"
  pg_create_database "$PG_PORT" benchtemplate
  mkdir -p "$WORK/pg-site"
  (
    export Setup__DatabaseProvider=Postgres
    export Setup__ConnectionString="Host=127.0.0.1;Port=$PG_PORT;Database=benchtemplate;Username=postgres"
    cli "$WORK/pg-site" "$WORK/setup.log" setup
  )
fi

ROWS="$WORK/rows.tsv" # build round database onto seconds cpu peak_kb status
: >"$ROWS"
run_one() { # build round database
  local build="$1" round="$2" db="$3" data="$WORK/run" onto result
  rm -rf "$OUT" "$data" && cp -a "${!build}" "$OUT"
  if [ "$db" = "sqlite" ]; then
    cp -a "$WORK/sqlite-site" "$data"
    sed -i "s|Data Source=$WORK/sqlite-site/|Data Source=$data/|" "$data/site.json"
    grep -q "Data Source=$data/" "$data/site.json" || die "the copy of the site does not name its own database"
  else
    local name="run_${build,,}_$round"
    "$(pg_bin)/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "CREATE DATABASE $name TEMPLATE benchtemplate" >/dev/null
    cp -a "$WORK/pg-site" "$data"
    sed -i "s|Database=benchtemplate|Database=$name|" "$data/site.json"
    grep -q "Database=$name" "$data/site.json" || die "the copy of the site does not name its own database"
  fi
  for onto in 0 "$POSTS"; do
    local recipe="$WORK/first.recipe.json"
    [ "$onto" = 0 ] || recipe="$WORK/more.recipe.json"
    read -r -a result < <(timed_apply "$data" "$recipe" "$WORK/import-$build.log")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$build" "$round" "$db" "$onto" "${result[@]}" "$(cut -d ' ' -f 1 /proc/loadavg)" >>"$ROWS"
    log "$build round $round, $db, $POSTS onto $onto: ${result[0]} s, ${result[1]} s CPU, $(mib "${result[2]}") MiB peak, ${result[3]} (load $(cut -d ' ' -f 1 /proc/loadavg))"
    [ "${result[3]}" = ok ] || { grep -v "^  content item" "$WORK/import-$build.log" | tail -n 30 >&2; die "the import failed"; }
  done
  [ "$db" = "sqlite" ] || "$(pg_bin)/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "DROP DATABASE run_${build,,}_$round" >/dev/null
}

LOADAVG_START="$(cut -d ' ' -f 1-3 /proc/loadavg)"
STARTED="$(date -u '+%Y-%m-%d %H:%M')"
for ((round = 1; round <= ROUNDS; round++)); do
  for db in $DATABASES; do
    for build in "${BUILDS[@]}"; do
      run_one "$build" "$round" "$db"
    done
  done
done
LOADAVG_END="$(cut -d ' ' -f 1-3 /proc/loadavg)"

results_dir_ready
{
  echo "import side by side  $STARTED to $(date -u '+%H:%M')Z  A=$A${B:+  B=$B}"
  machine_line "$LOADAVG_START" "$LOADAVG_END"
  echo "$POSTS posts (lib/posts.awk) onto a set-up site, then $POSTS more onto those; $ROUNDS rounds; each row one import, start of the CLI included"
  printf '%-5s %-5s %-8s %6s | %8s %8s %8s %9s | %8s %6s\n' build round database onto seconds items/s "CPU s" "items/CPUs" "peak MiB" load
  awk -F '\t' -v n="$POSTS" '{ printf "%-5s %-5s %-8s %6s | %8.1f %8.0f %8.1f %9.0f | %8.0f %6s%s\n", $1, $2, $3, $4, $5, ($5 > 0 ? n / $5 : 0), $6, ($6 > 0 ? n / $6 : 0), $7 / 1024, $9, ($8 == "ok" ? "" : "  " $8) }' "$ROWS"
} | tee "$RESULTS_DIR/import-latest.txt"
log "written $RESULTS_DIR/import-latest.txt"
