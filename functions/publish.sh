#!/usr/bin/env bash
# Assembles a deployable function-app folder: the published handler with host.json and one folder per function
# (function.json) beside it. Usage: functions/publish.sh <out-dir> [extra dotnet publish arguments]
# Deploy the folder with `func azure functionapp publish <app>` or zip it; run it locally with `func start` inside it.
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: functions/publish.sh <out-dir> [dotnet publish arguments]" >&2
  exit 2
fi
out=$1; shift
root=$(cd "$(dirname "$0")/.." && pwd)

dotnet publish "$root/functions/WellbeingIndex.Functions/WellbeingIndex.Functions.csproj" -c Release -o "$out" -nologo "$@"

# The project already copies these into its output; copying again keeps the script the single source of the layout.
cp "$root/host.json" "$out/host.json"
for dir in "$root"/functions/*/; do
  name=$(basename "$dir")
  if [ -f "$dir/function.json" ]; then
    mkdir -p "$out/$name"
    cp "$dir/function.json" "$out/$name/function.json"
  fi
done
if [ ! -f "$out/local.settings.json" ]; then
  # For `func start` only (never deployed): tells the host this is a custom handler; the timer needs storage (Azurite).
  cat > "$out/local.settings.json" <<'JSON'
{
  "IsEncrypted": false,
  "Values": {
    "FUNCTIONS_WORKER_RUNTIME": "custom",
    "AzureWebJobsStorage": "UseDevelopmentStorage=true"
  }
}
JSON
fi
echo "Function app assembled in $out: $(ls "$out"/*/function.json | xargs -n1 dirname | xargs -n1 basename | tr '\n' ' ')"
