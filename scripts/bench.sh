#!/usr/bin/env bash
# `make bench`: release-build measurements, each compared in the same run with a floor or a
# peer tool on the same input. Reports ratios; timing is never asserted in tests.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${TMPDIR:-/tmp}/vigil-bench
mkdir -p "$work"
cc -O2 -o "$work/yaml_floor" bench/yaml_floor.c $(pkg-config --cflags --libs yaml-0.1)
swift build ${RELEASE_FLAGS:--c release --static-swift-stdlib} --product vigil-bench >/dev/null
.build/release/vigil-bench --floor "$work/yaml_floor" --work "$work" "$@"
