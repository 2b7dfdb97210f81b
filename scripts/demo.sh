#!/usr/bin/env bash
# `make demo`: Vigil's main job on the Aurelis example — render both environments, lint the
# result, diff them — after showing what Vigil finds in the guide's configs as written.
set -uo pipefail
vigil=${1:-.build/release/vigil}
cd "$(dirname "$0")/.."
out=${VIGIL_DEMO_OUT:-.build/demo}

section() { printf '\n\033[1m== %s ==\033[0m\n' "$1"; }
fail() { echo "demo: $*" >&2; exit 1; }

section "vigil lint examples/guide-as-written   (the guide's configs as written: real defects)"
"$vigil" lint examples/guide-as-written
status=$?
[ "$status" -ge 2 ] && fail "vigil lint could not run (exit $status)"

section "vigil render examples/aurelis/vigil.yaml --all-envs --out $out"
"$vigil" render examples/aurelis/vigil.yaml --all-envs --out "$out" || fail "render failed"

section "vigil lint --strict $out   (the rendered manifests: no errors, no warnings)"
"$vigil" lint --strict "$out" || fail "the rendered output is not clean"

section "vigil render --check against the committed golden output"
"$vigil" render examples/aurelis/vigil.yaml --all-envs --out examples/aurelis/rendered --check || fail "examples/aurelis/rendered is stale (make golden)"

section "vigil diff --env staging --env production examples/aurelis/vigil.yaml   (brief; drop --format for every change)"
"$vigil" diff --format brief --env staging --env production examples/aurelis/vigil.yaml
[ $? -ge 2 ] && fail "vigil diff failed"

section "vigil diff $out/staging $out/production   (the rendered trees: the same changes, from files)"
"$vigil" diff --format brief "$out/staging" "$out/production" | tail -1
[ "${PIPESTATUS[0]}" -ge 2 ] && fail "vigil diff failed"
echo
echo "demo: done."
