#!/usr/bin/env bash
# The project's test command. Installs what the tests need (Azurite, pinned in tests/azurite; the dashboard's npm
# packages, pinned in dashboard/package-lock.json; Debian's chromium and chromedriver for the browser tests), builds the
# solution and runs every test project; ends with one summary line "tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

npm ci --prefix tests/azurite --no-audit --no-fund --loglevel=error || { echo "tests/run.sh: could not install Azurite (npm ci in tests/azurite)"; exit 1; }
npm ci --prefix dashboard --no-audit --no-fund --loglevel=error || { echo "tests/run.sh: could not install the dashboard's packages (npm ci in dashboard)"; exit 1; }
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  # The browser tests drive Debian's chromium through Debian's chromedriver (never a downloaded browser).
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; } \
      || { echo "tests/run.sh: could not install chromium and chromium-driver with apt-get"; exit 1; }
  else
    echo "tests/run.sh: the browser tests need /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver, as root); they will fail without them"
  fi
fi
dotnet build WellbeingIndex.sln -c Release -nologo -v q || { echo "tests/run.sh: build failed"; exit 1; }
# The CLI's Native AOT build (the one the README recommends for speed): its tests (Cli.Tests/Native) run this binary.
dotnet publish src/WellbeingIndex.Cli -c Release -r linux-x64 -p:PublishAot=true -o artifacts/native -nologo -v q \
  || { echo "tests/run.sh: the native CLI (dotnet publish -p:PublishAot=true) failed"; exit 1; }
export WELLBEING_NATIVE_CLI="$PWD/artifacts/native/wellbeing"

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
