#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ (release, -sanitize=fuzzer,address) and runs each one for
# FUZZ_SECONDS seconds (default 180) on its seed corpus and dictionary. FUZZ_TARGETS limits the
# run to some targets ("fuzz-promql fuzz-yaml"). Crashes, hangs and memory blow-ups are saved as
# Fuzz/artifacts/<target>/{crash,timeout,oom,leak}-<sha1>; reproduce one with
#   Fuzz/.build/release/<target> Fuzz/artifacts/<target>/crash-…
# Exits 1 when any target found something.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-180}
all_targets=$(sed -n '/^let targets = \[/,/^\]/p' Fuzz/Package.swift | grep -o '"fuzz-[a-z-]*"' | tr -d '"')
targets=${FUZZ_TARGETS:-$all_targets}

if ! command -v ld.lld >/dev/null 2>&1 && ! command -v lld >/dev/null 2>&1; then
    echo "fuzz: lld is needed to link the fuzzers (apt-get install -y lld)" >&2
    exit 2
fi

echo "fuzz: building ${targets//$'\n'/ }"
swift build -c release --package-path Fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
    -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld
python3 scripts/fuzz-corpus.py >/dev/null

mkdir -p Fuzz/logs
failed=()
printf '%-26s %8s %10s %8s  %s\n' target seconds executions corpus result
for t in $targets; do
    mkdir -p "Fuzz/corpus/$t" "Fuzz/artifacts/$t"
    log="Fuzz/logs/$t.log"
    status=ok
    # No leak checks: Foundation's NSRegularExpression leaks ICU memory when a pattern fails to
    # compile, which every matcher target hits. SWIFT_BACKTRACE: the runtime's backtracer trips
    # AddressSanitizer; libFuzzer prints the stack.
    if ! SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "Fuzz/.build/release/$t" "Fuzz/corpus/$t" -dict="Fuzz/dict/$t.dict" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -detect_leaks=0 -print_final_stats=1 -artifact_prefix="Fuzz/artifacts/$t/" >"$log" 2>&1; then
        status="FOUND: $(ls -t "Fuzz/artifacts/$t" | head -1) (see $log)"
        failed+=("$t")
    fi
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    size=$(ls "Fuzz/corpus/$t" | wc -l)
    printf '%-26s %8s %10s %8s  %s\n' "$t" "$seconds" "${runs:-?}" "$size" "$status"
done

if ((${#failed[@]})); then
    echo "fuzz: ${#failed[@]} target(s) found a problem: ${failed[*]}" >&2
    exit 1
fi
