#!/usr/bin/env bash
# `make conformance`: builds vigil and compares its verdicts with promtool's and amtool's on every
# corpus file they can judge (see scripts/conformance.py). VIGIL=path uses another binary.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${VIGIL:-}" ]; then
    swift build --product vigil >/dev/null
    export VIGIL=.build/debug/vigil
fi
exec python3 scripts/conformance.py "$@"
