#!/usr/bin/env bash
# The project's test command. Installs what the tests need (Azurite, pinned in tests/azurite), builds the solution and
# runs every test project; ends with one summary line "tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

npm ci --prefix tests/azurite --no-audit --no-fund --loglevel=error || { echo "tests/run.sh: could not install Azurite (npm ci in tests/azurite)"; exit 1; }
dotnet build WellbeingIndex.sln -c Release -nologo -v q || { echo "tests/run.sh: build failed"; exit 1; }

log=$(mktemp)
# A lost .snap fails instead of being re-created silently.
export SNAPSHOOTER_STRICT_MODE=true
dotnet test WellbeingIndex.sln -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Sum the per-project "Failed: a, Passed: b, Skipped: c" lines into one closing line.
awk '/(Passed|Failed)! +- +Failed:/ {
        gsub(/,/, ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
