#!/usr/bin/env bash
# Runs every test in the solution in Release, then prints one closing line with the totals.
# Starts throwaway PostgreSQL and Redis servers first (tests/servers.sh installs them when missing),
# so the store and bus tests run against real servers; they are stopped on exit.
# Usage: bash tests/run.sh [dotnet test args]
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log=$(mktemp)
exports=$(bash tests/servers.sh start)
eval "$exports"
trap 'bash tests/servers.sh stop; rm -f "$log"' EXIT

status=0
dotnet test Sdk.sln -c Release "$@" 2>&1 | tee "$log" || status=$?

# Each test assembly prints "Passed!  - Failed: F, Passed: P, Skipped: S, Total: T ..."; sum them up.
awk -F'[:,]' '/(Passed|Failed)! +- Failed:/ {
    for (i = 1; i < NF; i++) {
        key = $i; gsub(/.*- /, "", key); gsub(/ /, "", key)
        val = $(i + 1); gsub(/ /, "", val)
        if (key == "Failed") f += val; else if (key == "Passed") p += val; else if (key == "Skipped") s += val
    }
} END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
