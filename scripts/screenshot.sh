#!/usr/bin/env bash
# Makes PNG screenshots of the console on the demo: tmux → ANSI → HTML (aha) → PNG (headless chromium).
# Needs the Debian packages aha, chromium, fonts-dejavu-core and fonts-wqy-zenhei.
# Usage: [KEYS="2 j"] scripts/screenshot.sh [name] [width] [height] [seconds-to-wait] [extra switchboard args...]
# KEYS are tmux key names sent one by one after the wait (to open a view before the shot).
set -euo pipefail
cd "$(dirname "$0")/.."

name=${1:-demo}
width=${2:-120}
height=${3:-36}
wait_seconds=${4:-12}
shift $(( $# > 4 ? 4 : $# ))

for tool in tmux aha chromium python3; do
    command -v "$tool" >/dev/null || { echo "screenshot: $tool is not installed" >&2; exit 1; }
done

swift build --product switchboard >/dev/null
binary="$(swift build --show-bin-path)/switchboard"
work=$(mktemp -d)
socket="switchboard-shot-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

tmux -L "$socket" -f /dev/null new-session -d -x "$width" -y "$height" \
    "env LANG=C.UTF-8 TERM=xterm-256color '$binary' demo --seed 1 --state-dir '$work/state' $*"
sleep "$wait_seconds"
for key in ${KEYS:-}; do
    tmux -L "$socket" send-keys "$key"
    sleep 0.3
done
sleep 1
tmux -L "$socket" capture-pane -p -e -N > "$work/screen.ansi"
tmux -L "$socket" send-keys q

aha --no-header < "$work/screen.ansi" > "$work/body.html"
# A light theme is shown as in a light terminal: cells left at the terminal's default colours are light.
colours=()
case " $* " in *" --theme light "*) colours=("#fafafa" "#1c1c1c") ;; esac
python3 scripts/screenshot_page.py "$work/body.html" "$work/page.html" "$width" "$height" "${colours[@]}"
mkdir -p screenshots
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="$((width * 9 + 24)),$((height * 18 + 24))" \
    --screenshot="$PWD/screenshots/$name.png" "file://$work/page.html" >/dev/null 2>&1
echo "screenshots/$name.png"
