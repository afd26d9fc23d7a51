#!/usr/bin/env bash
# Load test of the standalone server on loopback (issue 13 items 1 and 7). Starts the built server on 127.0.0.1 on a
# free port with the in-memory store (set LOAD_TABLES to a Table Storage connection string, e.g. Azurite's, to measure
# Table Storage instead), runs wrk against it for a bounded time and prints:
#   - what-if compute for the 33 London boroughs (8 connections, eight weight sets in turn): req/s, p50, p99, bytes
#     per answer (lean and full);
#   - /api/health latency while 64 heavy uncertainty computes are kept in flight;
#   - runs/latest req/s at 8 and 64 connections;
#   - publishes per second over HTTP (the store's rows per publish are areas x (indicators + 1) + 1);
#   - the server's CPU time per request (from /proc; wall-clock figures are inflated when the machine is busy) and
#     the load average.
# wrk shares the machine's cores with the server. Needs wrk (apt-get install wrk) and a Release build of the server
# (built here when missing). Usage: tests/load/run.sh [seconds per phase, default 10]
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-10}
command -v wrk >/dev/null || { echo "tests/load/run.sh: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
command -v curl >/dev/null || { echo "tests/load/run.sh: curl is not installed" >&2; exit 2; }
[[ "$seconds" =~ ^[0-9]+$ ]] && (( seconds >= 1 && seconds <= 120 )) || { echo "usage: tests/load/run.sh [seconds per phase, 1-120]" >&2; exit 2; }

dll=src/WellbeingIndex.Server/bin/Release/net10.0/WellbeingIndex.Server.dll
[ -f "$dll" ] || dotnet build src/WellbeingIndex.Server -c Release -nologo -v q >/dev/null
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
key="load-test-$$"

WELLBEING_DATA_DIR=${WELLBEING_DATA_DIR:-$(cd .. && pwd)/shared/data} WELLBEING_TIMER=false WELLBEING_PUBLISH_KEY="$key" \
  WELLBEING_TABLES="${LOAD_TABLES:-}" Logging__LogLevel__Default=Warning \
  dotnet "$dll" --urls "$base" >"$work/server.log" 2>&1 &
server=$!
cleanup() { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

for _ in $(seq 1 120); do curl -sf -o /dev/null "$base/api/health" && break; sleep 0.5; done
curl -sf -o /dev/null "$base/api/health" || { echo "the server did not start:"; cat "$work/server.log"; exit 1; }
curl -sf -o /dev/null -X POST -H "x-functions-key: $key" "$base/api/frameworks/london/publish" || { echo "publish failed"; exit 1; }

post() { # post.lua for a body
  printf 'wrk.method = "POST"\nwrk.body = [[%s]]\nwrk.headers["Content-Type"] = "application/json"\n' "$1" >"$work/$2.lua"
}
# What-if bodies rotated by every connection (the list of tests/WellbeingIndex.Benchmarks/Api/ComputeLoopBenchmark.cs):
# eight different answers, so no cache of one answer could make the figure.
weights=(2 3 0.5 1.5 2.5 4 0.25 5)
{
  printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nlocal bodies = {\n'
  for w in "${weights[@]}"; do printf '  [[{"weights": {"decent-home": %s}}]],\n' "$w"; done
  printf '}\nlocal i = 0\nrequest = function()\n  i = i %% #bodies + 1\n  return wrk.format(nil, nil, nil, bodies[i])\nend\n'
} >"$work/whatif.lua"
post '{"uncertainty": {"runs": 2000, "weightNoise": 0.5}}' heavy
ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
hz=$(getconf CLK_TCK)

# wrk [args...] -> "req/s p50 p99 requests non2xx cpu-us-per-request"
measure() {
  local before after
  before=$(ticks)
  wrk --latency "$@" >"$work/wrk.txt" 2>&1
  after=$(ticks)
  awk -v cpu=$((after - before)) -v hz="$hz" '
    /Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} /requests in/ {n=$1} /Non-2xx/ {bad=$NF}
    END {printf "%8.0f req/s  p50 %-9s p99 %-9s (%d requests, %d non-2xx, server CPU %.0f us/request)\n", rps, p50, p99, n, bad, (n ? cpu / hz * 1e6 / n : 0)}' "$work/wrk.txt"
}

echo "standalone server on $base, store: $([ -n "${LOAD_TABLES:-}" ] && echo "Table Storage" || echo in-memory); $(nproc) cores; $seconds s per phase"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
lean=$(curl -s -o /dev/null -w '%{size_download}' -X POST -H 'Content-Type: application/json' -d '{"weights": {"decent-home": 2}}' "$base/api/frameworks/london/compute")
full=$(curl -s -o /dev/null -w '%{size_download}' -X POST -H 'Content-Type: application/json' -d '{"weights": {"decent-home": 2}}' "$base/api/frameworks/london/compute?detail=full")
echo "what-if answer: $lean bytes lean (default), $full bytes with ?detail=full"
wrk -t1 -c8 -d5s -s "$work/whatif.lua" "$base/api/frameworks/london/compute" >/dev/null 2>&1 # warm-up (JIT tiers)
printf 'compute what-if (8 bodies), 8 conn: '; measure -t2 -c8 -d"${seconds}s" -s "$work/whatif.lua" "$base/api/frameworks/london/compute"
printf 'health, idle, 8 connections:        '; measure -t2 -c8 -d"${seconds}s" "$base/api/health"
printf 'runs/latest, 8 connections:         '; measure -t2 -c8 -d"${seconds}s" "$base/api/frameworks/london/runs/latest"
printf 'runs/latest, 64 connections:        '; measure -t2 -c64 -d"${seconds}s" "$base/api/frameworks/london/runs/latest"

# 64 heavy computes kept in flight (each answered one is sent again) while one client times /api/health.
wrk -t1 -c64 -d"$((seconds + 3))s" --timeout 30s -s "$work/heavy.lua" "$base/api/frameworks/london/compute" >"$work/heavy.txt" 2>&1 &
attack=$!
sleep 2
# One client, one request at a time, for the phase's seconds: how long a liveness probe waits.
deadline=$(( $(date +%s) + seconds )); : >"$work/health.txt"
while (( $(date +%s) < deadline )); do
  curl -s -o /dev/null -m 30 -w '%{http_code} %{time_total}\n' "$base/api/health" >>"$work/health.txt" || echo "000 30" >>"$work/health.txt"
done
sort -k2 -g "$work/health.txt" | awk '{t[NR]=$2; if ($1 != 200) bad++} END {
  printf "health under 64 heavy computes:     %d probes, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d not 200\n", NR, t[int((NR+1)/2)]*1000, t[int(NR*0.99+0.999)]*1000, t[NR]*1000, bad}'
wait "$attack" || true
awk '/requests in/ {n=$1} /Non-2xx/ {bad=$NF} END {printf "  the heavy computes: %d answered, %d of them not 2xx (refused by a limit)\n", n, bad}' "$work/heavy.txt"

start=$(date +%s%N); count=0
while (( $(date +%s%N) - start < seconds * 1000000000 )); do
  curl -sf -o "$work/publish.json" -X POST -H "x-functions-key: $key" "$base/api/frameworks/london/publish"; count=$((count + 1))
done
python3 - "$work/publish.json" "$count" "$start" <<'PY'
import json, sys, time
summary = json.load(open(sys.argv[1])); count = int(sys.argv[2]); elapsed = (time.time_ns() - int(sys.argv[3])) / 1e9
rows = summary["areaCount"] * (summary["indicatorCount"] + 1) + 1
print(f"publish (run and series) over HTTP: {count / elapsed:8.1f} publishes/s, about {rows} run rows each: {rows * count / elapsed:,.0f} run rows/s")
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
