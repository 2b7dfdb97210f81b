#!/usr/bin/env bash
# Regenerates the rule table in README.md from the registry (`vigil rules --markdown`).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product vigil >/dev/null
table=$(.build/debug/vigil rules --markdown)
python3 - "$table" <<'PY'
import sys, re
table = sys.argv[1]
text = open("README.md").read()
begin = text.index("<!-- rules:begin")
begin = text.index("\n", begin) + 1
end = text.index("<!-- rules:end -->")
open("README.md", "w").write(text[:begin] + table.rstrip("\n") + "\n" + text[end:])
PY
echo "README.md rule table updated."
