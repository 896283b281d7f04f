#!/usr/bin/env bash
# Runs the whole test suite. Installs first what the tests need and a fresh machine lacks
# (Debian packages, when run as root), then builds and runs every test project.
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the suites use; each is installed only when its command is missing:
# Chromium for the browser tests, PostgreSQL for the second run of the integration tests,
# Redis for the shared output cache of several nodes.
declare -A needs=([chromium]=chromium [/usr/lib/postgresql/*/bin/initdb]=postgresql [redis-server]=redis-server)
missing=()
for command in "${!needs[@]}"; do
    # shellcheck disable=SC2086 # the glob in a path must expand
    command -v $command >/dev/null 2>&1 || missing+=("${needs[$command]}")
done
if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "test.sh: these Debian packages are needed: ${missing[*]} (run as root, or install them)" >&2
        exit 2
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# The figures of the load, crash, stop and outage tests (tests/Site.Tests/Reliability), which a passing
# test's output does not show: each pass appends them to this file, printed after the pass.
figures() {
    for file in tests/Site.Tests/bin/*/net10.0/reliability-figures.txt; do
        [ -e "$file" ] || continue
        echo "== reliability figures, $1 =="
        cat "$file"
        rm -f "$file"
    done
}

log=$(mktemp)
trap 'rm -f "$log"' EXIT
rm -f tests/Site.Tests/bin/*/net10.0/reliability-figures.txt
set +e
# Every test project of the solution: tests/Cms.Tests (framework unit tests, no database), tests/Site.Tests
# and tests/Site.BrowserTests, on SQLite.
dotnet test Site.sln --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
figures SQLite

# Every integration test again, each site on its own database in a throwaway PostgreSQL cluster
# that the tests start themselves (tests/Site.Tests/Infrastructure/PostgresCluster.cs).
echo "== the integration tests again, on PostgreSQL =="
CMS_TEST_DATABASE=Postgres dotnet test tests/Site.Tests --nologo --no-build "$@" 2>&1 | tee -a "$log"
pg_status=${PIPESTATUS[0]}
figures PostgreSQL
[ "$status" -ne 0 ] || status=$pg_status
set -e

# One plain closing line for the whole run: "tests: N passed, N failed, N skipped".
awk '/(Passed|Failed)! +- +Failed: /{
        for (i = 1; i <= NF; i++) { gsub(",", "", $i); if ($i=="Failed:") f+=$(i+1); if ($i=="Passed:") p+=$(i+1); if ($i=="Skipped:") s+=$(i+1) }
     } END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
