# A throwaway PostgreSQL cluster for the import bench, made the way the integration tests make theirs
# (tests/Site.Tests/Infrastructure/PostgresCluster.cs): Debian's postgresql package, initdb into a
# temporary folder, trust authentication on 127.0.0.1 only, fsync off (a test cluster, thrown away).
# Sourced by bench/run.sh. Sets PG_PID and PG_FOLDER; pg_stop removes both.

PG_PID=""
PG_FOLDER=""

pg_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  return 1
}

# PostgreSQL refuses to run as root: as root, the package's own user runs the cluster.
pg_as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_start() { # port
  local port="$1" bin i
  bin="$(pg_bin)" || apt_install postgresql
  bin="$(pg_bin)" || die "PostgreSQL is not installed (Debian package postgresql)"
  PG_FOLDER="$(mktemp -d -t bench-pg.XXXXXX)"
  [ "$(id -u)" -ne 0 ] || chown postgres "$PG_FOLDER"
  pg_as_owner "$bin/initdb" -D "$PG_FOLDER/data" -U postgres --auth=trust --no-sync -E UTF8 >"$PG_FOLDER/initdb.log" 2>&1 ||
    { cat "$PG_FOLDER/initdb.log" >&2; die "initdb failed"; }
  pg_as_owner "$bin/postgres" -D "$PG_FOLDER/data" -p "$port" -k "$PG_FOLDER" -c listen_addresses=127.0.0.1 \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off >"$PG_FOLDER/server.log" 2>&1 &
  PG_PID=$!
  for i in $(seq 1 150); do
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres && return 0
    kill -0 "$PG_PID" 2>/dev/null || { cat "$PG_FOLDER/server.log" >&2; die "PostgreSQL exited at start"; }
    sleep 0.2
  done
  die "PostgreSQL did not accept connections on port $port within 30 s"
}

pg_create_database() { # port, name
  "$(pg_bin)/psql" -q -h 127.0.0.1 -p "$1" -U postgres -d postgres -c "CREATE DATABASE $2" >/dev/null ||
    die "could not create database $2"
}

pg_stop() {
  # runuser forwards TERM to the server, which then shuts down (fast mode on SIGINT would also do).
  stop_pid "$PG_PID"
  PG_PID=""
  [ -z "$PG_FOLDER" ] || rm -rf "$PG_FOLDER"
  PG_FOLDER=""
}
