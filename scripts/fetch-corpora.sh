#!/usr/bin/env bash
# Downloads the real-world corpora the tests lint (Debian packages that ship real configs,
# dashboards and peer test data) into .corpus/, which git ignores. Each module keeps its own
# fetch script beside its tests; this runs them all. Failures are reported, not fatal: the
# tests that need a corpus say so when it is absent.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .corpus
status=0
for f in Tests/*/fetch-corpus.sh; do
  [ -e "$f" ] || continue
  bash "$f" || { echo "vigil: $f failed" >&2; status=1; }
done
exit 0
