#!/usr/bin/env bash
# The one test command. Installs what is missing, starts a throwaway PostgreSQL cluster, builds, runs every test
# project (the integration suite on SQLite and on PostgreSQL, the browser journeys on Debian's Chromium), stops
# the cluster even on failure, and ends with one line: "N passed, N failed, N skipped", counted from the TRX files.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

as_root() { [ "$(id -u)" = 0 ]; }

apt_install() {
    if as_root; then
        if [ -z "${apt_updated:-}" ]; then apt-get update -qq >/dev/null; apt_updated=1; fi
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
    else
        echo "test.sh: $* missing and not running as root; install it first" >&2
        return 1
    fi
}

# --- Chromium for the browser journeys -----------------------------------------------------------------------
if [ ! -x /usr/bin/chromium ]; then
    echo "Installing Chromium from Debian's packages..."
    apt_install chromium || exit 1
fi
# A Devanagari font, so that the Hindi and Marathi pages in the screenshots are legible (optional for the tests).
if [ ! -d /usr/share/fonts/truetype/lohit-devanagari ] && as_root; then
    apt_install fonts-lohit-deva || echo "test.sh: no Devanagari font; Hindi/Marathi screenshots will show boxes" >&2
fi

# --- A throwaway PostgreSQL cluster ---------------------------------------------------------------------------
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$pgbin" ]; then
    echo "Installing PostgreSQL from Debian's packages..."
    apt_install postgresql || exit 1
    pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

pgdir=$(mktemp -d)
pgport=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])' 2>/dev/null \
    || shuf -i 20000-60000 -n 1)
run_pg() {
    if as_root; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}
stop_pg() {
    run_pg "$pgbin/pg_ctl -D $pgdir/data -m fast stop" >/dev/null 2>&1 || true
    rm -rf "$pgdir"
}
trap stop_pg EXIT
if as_root; then chown postgres "$pgdir"; fi
run_pg "$pgbin/initdb -D $pgdir/data -A trust -U postgres --no-sync -E UTF8" >/dev/null || { echo "initdb failed" >&2; exit 1; }
# fsync=off: a test cluster only, for speed. The app refuses such settings unless told it is a test.
run_pg "$pgbin/pg_ctl -D $pgdir/data -l $pgdir/log -w start -o '-p $pgport -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300'" >/dev/null \
    || { echo "PostgreSQL did not start:" >&2; cat "$pgdir/log" >&2; exit 1; }
export SPASMCARE_TEST_PG="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20"

# --- Build --------------------------------------------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null || exit 1
if ! dotnet build SpasmCare.slnx -c Release -nologo -v q; then
    echo "0 passed, 1 failed, 0 skipped"
    exit 1
fi

# --- Test ---------------------------------------------------------------------------------------------------
status=0
for project in tests/*/*.csproj; do
    name=$(basename "$project" .csproj)
    echo "Running $name..."
    dotnet test "$project" -c Release --no-build --logger "trx;LogFileName=$name.trx" \
        --logger "console;verbosity=minimal" --results-directory "$results" || status=1
done

# --- Count --------------------------------------------------------------------------------------------------
passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    files=$((files + 1))
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
    get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
    total=$(get total); executed=$(get executed); p=$(get passed)
    f=$(( $(get failed) + $(get error) + $(get timeout) + $(get aborted) ))
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + total - executed))
done
if [ "$files" -eq 0 ]; then failed=$((failed + 1)); status=1; fi
if [ "$failed" -gt 0 ]; then status=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
