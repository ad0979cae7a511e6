#!/usr/bin/env bash
# Runs the parsers' fuzz tests longer and with other seeds, each test in its own process, and keeps
# every input that crashed the process (a trap kills it, so the test itself cannot report it).
#
#   scripts/fuzz.sh [ITERATIONS] [ROUNDS] [FILTER]
#   scripts/fuzz.sh 200000             # 200,000 mutated inputs per parser, one round
#   scripts/fuzz.sh 20000 10 promql    # ten rounds (seeds 1…10) of the PromQL fuzz test
#
# SWITCHBOARD_FUZZ_SEED sets the first round's seed (default 1). A crashing input is copied to
# .build/fuzz-crashes/<parser>-<hash>.txt; fix the parser, then move it to the parser's regression
# folder, Tests/<Target>/Fixtures/fuzz/<parser>/, where every run of the suite replays it.
set -u
cd "$(dirname "$0")/.."
iterations=${1:-200000}
rounds=${2:-1}
filter=${3:-}
record=$(mktemp -d)
crashes=.build/fuzz-crashes
mkdir -p "$crashes"
trap 'rm -rf "$record"' EXIT

swift build --build-tests || exit 1
tests=$(swift test list --skip-build 2>/dev/null | grep 'FuzzTests' | grep -i -- "$filter")
status=0
for round in $(seq 1 "$rounds"); do
    seed=$((${SWITCHBOARD_FUZZ_SEED:-1} + round - 1))
    for test in $tests; do
        log="$record/log"
        SWITCHBOARD_FUZZ_RECORD=$record SWITCHBOARD_FUZZ_ITERATIONS=$iterations SWITCHBOARD_FUZZ_SEED=$seed \
            swift test --skip-build --filter "$test\$" >"$log" 2>&1
        code=$?
        grep -E '^fuzz |✘|recorded an issue' "$log"
        for current in "$record"/*.current; do
            [ -e "$current" ] || continue
            name=$(basename "$current" .current)
            kept="$crashes/$name-$(sha256sum "$current" | cut -c1-12).txt"
            mv "$current" "$kept"
            echo "CRASH in $test (seed $seed, exit $code): input kept as $kept"
            tail -n 20 "$log"
            status=1
        done
        [ "$code" -eq 0 ] || status=1
    done
done
exit $status
