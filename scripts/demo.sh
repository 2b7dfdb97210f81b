#!/usr/bin/env bash
# `make demo`: Vigil's main job on the Aurelis example.
set -uo pipefail
vigil=${1:-.build/release/vigil}
cd "$(dirname "$0")/.."

section() { printf '\n\033[1m== %s ==\033[0m\n' "$1"; }

section "vigil lint examples/guide-as-written  (the guide's configs as written: real defects)"
"$vigil" lint examples/guide-as-written
status=$?
if [ "$status" -ge 2 ]; then echo "demo: vigil lint failed to run (exit $status)" >&2; exit "$status"; fi

if [ -d examples/aurelis ]; then
  section "vigil lint examples/aurelis  (the same stack with its defects fixed: must be clean)"
  "$vigil" lint --strict examples/aurelis || { echo "demo: examples/aurelis is not clean" >&2; exit 1; }
fi
echo
echo "demo: done."
