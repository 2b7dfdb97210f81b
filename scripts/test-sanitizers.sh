#!/usr/bin/env bash
# Runs the tests of the core modules under AddressSanitizer and the concurrent lint driver's
# tests under ThreadSanitizer, each in its own build directory so the normal build stays as it is.
# SANITIZE=address or SANITIZE=thread runs one of the two.
set -euo pipefail
cd "$(dirname "$0")/.."

asan_filter=${ASAN_FILTER:-'VigilCoreTests|VigilPromQLTests|VigilPrometheusTests|VigilAlertmanagerTests|VigilElasticTests|VigilKubernetesTests'}
tsan_filter=${TSAN_FILTER:-'ConcurrentLintTests'}
which=${SANITIZE:-address thread}

for s in $which; do
    case $s in
        address) filter=$asan_filter ;;
        thread) filter=$tsan_filter ;;
        *) echo "test-sanitizers: unknown sanitizer $s (address or thread)" >&2; exit 2 ;;
    esac
    echo "== swift test --sanitize=$s --filter '$filter'"
    # Instrumented debug frames are several times larger: the PromQL parser at its depth limit
    # (500) needs more than the default 8 MiB on the worker threads, which inherit this limit.
    ulimit -s 65536 2>/dev/null || ulimit -s unlimited 2>/dev/null || true
    # halt_on_error: the first report fails the run instead of scrolling past.
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:halt_on_error=1} TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1} \
        swift test --sanitize="$s" --scratch-path ".build-$s" --filter "$filter"
done
