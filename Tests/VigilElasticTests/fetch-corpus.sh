#!/bin/sh
# Fetches real Logstash pipelines into .corpus/elastic/ at the package root (git-ignored) for the
# corpus test: the pipelines embedded in the tests and READMEs of three PyPI packages that handle
# Logstash's configuration language (logstash-pipeline-parser, lscl, logstash-filter-test), and
# the RADIUS accounting pipeline FreeRADIUS ships in its Debian package
# (/usr/share/doc/freeradius/schemas/logstash/logstash-radius.conf.gz). Each pipeline found in a
# triple-quoted string or a README code block becomes one .conf file. Third-party text is kept
# out of the repository: it is fetched here, under its own licence, never committed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../../.corpus/elastic"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
python3 -m pip download --quiet --no-deps --no-binary :all: -d "$tmp" \
    logstash-pipeline-parser==0.0.3 lscl==0.5 logstash-filter-test==0.1.1
for f in "$tmp"/*.tar.gz; do tar -xzf "$f" -C "$tmp"; done
python3 - "$tmp" "$out" <<'PY'
import os, re, sys, textwrap
src, out = sys.argv[1], sys.argv[2]
start = re.compile(r'^\s*(#[^\n]*\n\s*)*(input|filter|output)\s*\{')
count = 0
for root, _, files in os.walk(src):
    for name in sorted(files):
        if not name.endswith(('.py', '.md', '.rst')):
            continue
        text = open(os.path.join(root, name), encoding='utf-8', errors='replace').read()
        if name.endswith('.py'):
            blocks = re.findall(r'r?"""(.*?)"""', text, re.S)
        elif name.endswith('.md'):
            blocks = re.findall(r'```[a-z]*\n(.*?)```', text, re.S)
        else:
            blocks = [m.group(0) for m in re.finditer(r'(?:\n    [^\n]*|\n\s*)+', text)]
        for block in blocks:
            body = textwrap.dedent(block.lstrip('\\').strip('\n'))
            # A block ends at a line closing a Python string quoted inside the document.
            body = re.split(r'^\s*(?:\"\"\"|\'\'\')\s*$', body, flags=re.M)[0]
            if not start.match(body):
                continue
            count += 1
            pkg = os.path.relpath(root, src).split(os.sep)[0]
            with open(os.path.join(out, f'{pkg}-{name}-{count}.conf'), 'w') as fh:
                fh.write(body.rstrip() + '\n')
print(f'{count} pipelines in {out}')
PY

# Debian: FreeRADIUS's example pipeline (file input with a multiline codec, grok, kv, ruby, date,
# conditionals, an elasticsearch output). Optional: skipped where apt cannot download.
if command -v apt-get >/dev/null 2>&1 && (cd "$tmp" && apt-get download -qq freeradius >/dev/null 2>&1); then
    dpkg-deb -x "$tmp"/freeradius_*.deb "$tmp/freeradius"
    src="$tmp/freeradius/usr/share/doc/freeradius/schemas/logstash/logstash-radius.conf.gz"
    [ -f "$src" ] && gzip -dc "$src" > "$out/debian-freeradius-logstash-radius.conf" && echo "1 pipeline from Debian freeradius in $out"
else
    echo "apt-get download freeradius failed; the Debian pipeline is left out" >&2
fi
