#!/usr/bin/env bash
# Publishes the function app (dotnet publish) and checks the folder is a deployable isolated-worker app: host.json,
# functions.metadata, worker.config.json and extensions.json beside WellbeingIndex.Functions.dll. Deploy the folder with
# a zip deploy, or run `func azure functionapp publish <app> --dotnet-isolated` in functions/WellbeingIndex.Functions.
# Usage: bash functions/publish.sh [out-dir] [dotnet publish arguments]   (default out-dir: publish/functions)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/publish/functions}
[ $# -gt 0 ] && shift
dotnet publish "$root/functions/WellbeingIndex.Functions/WellbeingIndex.Functions.csproj" -c Release -o "$out" -nologo "$@"
for file in host.json functions.metadata worker.config.json extensions.json WellbeingIndex.Functions.dll; do
  [ -f "$out/$file" ] || { echo "functions/publish.sh: $file is missing from $out" >&2; exit 1; }
done
if grep -q customHandler "$out/host.json"; then echo "functions/publish.sh: host.json still names a custom handler" >&2; exit 1; fi
functions=$(grep -o '"name": *"[A-Za-z]*"' "$out/functions.metadata" | grep -v '"name": *"\(request\|timer\|\$return\)"' | sed 's/.*"\([A-Za-z]*\)"$/\1/' | sort -u | tr '\n' ' ')
echo "function app published to $out: $functions"
