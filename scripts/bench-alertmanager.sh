#!/usr/bin/env bash
# Alertmanager's `GET /api/v2/alerts` with N alerts in the queue: requests/s and p99 latency under
# wrk from loopback, `switchboard serve` beside a real Alertmanager (Debian's prometheus-alertmanager)
# holding the same alerts, posted to both the same way, in the same run (rounds alternate, so that
# the machine's other load falls on both alike).
# Needs wrk, prometheus-alertmanager, curl, python3 and the release build:
#   swift build -c release --product switchboard
# Usage: scripts/bench-alertmanager.sh [alerts=5000] [seconds=20] [connections=16] [rounds=2] [build-dir=.build/release]
set -euo pipefail
alerts=${1:-5000}
seconds=${2:-20}
connections=${3:-16}
rounds=${4:-2}
bin=${5:-.build/release}
for tool in wrk prometheus-alertmanager curl python3; do
  command -v "$tool" > /dev/null || { echo "$tool is not installed" >&2; exit 1; }
done
work=$(mktemp -d /tmp/sb-bench-am.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
sb_port=$(free_port)
am_port=$(free_port)

# Switchboard: no checks, one rule that never fires (an alert queue needs a rule file).
cat > "$work/switchboard.yaml" <<YAML
landscape: bench-alertmanager
systems:
  - {id: erp, name: ERP}
rule_files: ["rules.yml"]
YAML
cat > "$work/rules.yml" <<YAML
groups:
  - name: idle
    rules:
      - {alert: Never, expr: vector(0) > 1}
YAML
cat > "$work/alertmanager.yml" <<YAML
route: {receiver: "null", group_by: ["alertname"]}
receivers: [{name: "null"}]
YAML
"$bin/switchboard" serve --config "$work/switchboard.yaml" --state-dir "$work/state" \
  --listen "127.0.0.1:$sb_port" 2> "$work/serve.log" &
prometheus-alertmanager --config.file="$work/alertmanager.yml" --storage.path="$work/am" \
  --web.listen-address="127.0.0.1:$am_port" --cluster.listen-address= \
  --web.get-concurrency=$((connections * 2)) 2> "$work/alertmanager.log" &
for url in "http://127.0.0.1:$sb_port/-/ready" "http://127.0.0.1:$am_port/-/ready"; do
  for _ in $(seq 300); do curl -fs "$url" > /dev/null && break; sleep 0.1; done
  curl -fs "$url" > /dev/null || { echo "not ready: $url" >&2; cat "$work/serve.log" "$work/alertmanager.log" >&2; exit 1; }
done

# The same alerts to both, in batches of 500, active for an hour.
python3 - "$alerts" "$work" <<'PY'
import datetime, json, sys
count, work = int(sys.argv[1]), sys.argv[2]
now = datetime.datetime.now(datetime.timezone.utc)
ends = (now + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
alerts = [{
    "labels": {"alertname": f"Bench{i % 50}", "instance": f"host-{i}.example:9100", "job": "node",
               "severity": "critical" if i % 10 == 0 else "warning", "team": f"team-{i % 7}"},
    "annotations": {"summary": f"host-{i} is in trouble", "runbook": f"https://runbooks.example/bench/{i % 50}"},
    "endsAt": ends, "generatorURL": f"http://prometheus.example:9090/graph?g0.expr=up%7Binstance%3D%22host-{i}%22%7D",
} for i in range(count)]
for batch in range(0, count, 500):
    with open(f"{work}/batch-{batch // 500:04d}.json", "w") as f:
        json.dump(alerts[batch:batch + 500], f)
PY
for port in "$sb_port" "$am_port"; do
  for file in "$work"/batch-*.json; do
    curl -fs -H 'Content-Type: application/json' --data-binary "@$file" "http://127.0.0.1:$port/api/v2/alerts" > /dev/null
  done
done
count() { curl -fs "http://127.0.0.1:$1/api/v2/alerts" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))'; }
for port in "$sb_port" "$am_port"; do
  for _ in $(seq 100); do [ "$(count "$port")" = "$alerts" ] && break; sleep 0.2; done
  [ "$(count "$port")" = "$alerts" ] || { echo "port $port holds $(count "$port") alerts, not $alerts" >&2; exit 1; }
done
sb_bytes=$(curl -fs "http://127.0.0.1:$sb_port/api/v2/alerts" | wc -c)
am_bytes=$(curl -fs "http://127.0.0.1:$am_port/api/v2/alerts" | wc -c)
echo "both hold $alerts alerts (answers: Switchboard $sb_bytes bytes, Alertmanager $am_bytes bytes);" \
  "wrk -t2 -c$connections -d${seconds}s, $rounds rounds" >&2

# Alertmanager answers 503 beyond --web.get-concurrency concurrent GETs (default 8), raised above
# wrk's connections; only 2xx answers count in requests/s.
# requests/s (2xx only), p99 in ms and the number of other answers of one wrk run
measure() {
  wrk -t2 -c"$connections" -d"${seconds}s" --timeout 60s --latency "http://127.0.0.1:$1/api/v2/alerts" | python3 -c '
import re, sys
text = sys.stdin.read()
total, elapsed = re.search(r"(\d+) requests in ([\d.]+)(\w+)", text).groups()[:2]
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
failed = int(errors.group(1)) if errors else 0
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)) * (1 - failed / max(1, int(total)))
value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", text).groups()
p99 = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
print(f"{rps:.1f} {p99:.2f} {failed}")'
}
# Switchboard encodes an answer once per state of its queue; after a post (a new state) the next
# request builds it anew. Its time, and a request to each with nothing changed, one client alone:
for port in "$sb_port" "$am_port"; do
  curl -fs -H 'Content-Type: application/json' --data-binary "@$work/batch-0000.json" "http://127.0.0.1:$port/api/v2/alerts" > /dev/null
done
sleep 1.5 # the engine takes posted alerts in at its next rule tick (every second)
for name in switchboard alertmanager; do
  port=$([ "$name" = switchboard ] && echo "$sb_port" || echo "$am_port")
  first=$(curl -fs -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/api/v2/alerts")
  again=$(curl -fs -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/api/v2/alerts")
  echo "$name: first request after a post $(python3 -c "print(f'{$first * 1000:.0f}')") ms, the next $(python3 -c "print(f'{$again * 1000:.0f}')") ms" >&2
done
wrk -t2 -c"$connections" -d3s --timeout 60s "http://127.0.0.1:$sb_port/api/v2/alerts" > /dev/null
wrk -t2 -c"$connections" -d3s --timeout 60s "http://127.0.0.1:$am_port/api/v2/alerts" > /dev/null
printf '%-6s %-13s %12s %10s %8s\n' round server requests/s p99_ms non2xx
for round in $(seq "$rounds"); do
  read -r am_rps am_p99 am_err <<< "$(measure "$am_port")"
  printf '%-6s %-13s %12s %10s %8s\n' "$round" alertmanager "$am_rps" "$am_p99" "$am_err"
  read -r sb_rps sb_p99 sb_err <<< "$(measure "$sb_port")"
  printf '%-6s %-13s %12s %10s %8s\n' "$round" switchboard "$sb_rps" "$sb_p99" "$sb_err"
  python3 -c "print(f'       ratio: requests/s {$sb_rps / max($am_rps, 0.001):.2f}x, p99 {$sb_p99 / max($am_p99, 0.001):.2f}x of Alertmanager')"
done
