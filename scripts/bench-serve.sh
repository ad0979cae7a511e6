#!/usr/bin/env bash
# The daemon under a team: `switchboard serve` polling N HTTP checks (every 10 s, on loopback
# targets in a process of their own) with C remote consoles attached; prints the engine's RSS and
# CPU. Needs the release build: swift build -c release --product switchboard --product switchboard-bench
# Usage: scripts/bench-serve.sh [checks=10000] [consoles=20] [warmup-seconds=120] [hold-seconds=60] [build-dir=.build/release]
set -euo pipefail
checks=${1:-10000}
consoles=${2:-20}
warmup=${3:-120}
hold=${4:-60}
bin=${5:-.build/release}
work=$(mktemp -d /tmp/sb-bench-serve.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

"$bin/switchboard-bench" targets > "$work/port" &
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(head -1 "$work/port")
{
  echo "landscape: bench-$checks"
  echo "systems:"
  for s in $(seq 0 49); do echo "  - {id: sys-$s, name: System $s}"; done
  echo "interfaces:"
  for i in $(seq 0 $((checks - 1))); do
    echo "  - {id: if-$i, from: sys-$((i % 50)), to: sys-$(((i + 1) % 50)), protocol: rest, checks: [{id: c-$i, http: {url: \"http://127.0.0.1:$port/health/$i\"}, interval: 10s, timeout: 5s}]}"
  done
} > "$work/switchboard.yaml"
"$bin/switchboard" serve --config "$work/switchboard.yaml" --state-dir "$work/state" 2> "$work/serve.log" &
for _ in $(seq 600); do [ -S "$work/state/switchboard.sock" ] && break; sleep 0.1; done
echo "serving $checks checks; warming up for ${warmup}s" >&2
sleep "$warmup"
"$bin/switchboard-bench" api --engine-socket "$work/state/switchboard.sock" --clients "$consoles" --hold-seconds "$hold"
