#!/usr/bin/env bash
# Regenerates every screenshot in screenshots/ from the demo (seed 1), dark and light.
set -euo pipefail
cd "$(dirname "$0")/.."
KEYS="1" scripts/screenshot.sh overview 120 36 25
KEYS="2 j j" scripts/screenshot.sh topology 120 36 25
KEYS="3" scripts/screenshot.sh interfaces 120 36 25
KEYS="3 Enter" scripts/screenshot.sh interface-detail 120 36 40
KEYS="3 j Enter" scripts/screenshot.sh interface-slo 120 36 86
KEYS="2 f" scripts/screenshot.sh topology-flow 120 36 225
KEYS="4" scripts/screenshot.sh alerts 120 36 110
KEYS="5" scripts/screenshot.sh jobs 120 36 40
KEYS="5 G Enter" scripts/screenshot.sh job-runs 120 36 60
KEYS="5 G 6 t" scripts/screenshot.sh logs 120 36 40
KEYS="4 Enter" scripts/screenshot.sh alert-detail 120 36 110
KEYS="2 ?" scripts/screenshot.sh help 120 36 12
KEYS="1" scripts/screenshot.sh overview-light 120 36 25 --theme light
KEYS="2 l" scripts/screenshot.sh topology-light 120 36 25 --theme light
KEYS="4" scripts/screenshot.sh alerts-light 120 36 110 --theme light
KEYS="5 G 6" scripts/screenshot.sh logs-light 120 36 40 --theme light
