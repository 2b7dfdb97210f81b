#!/bin/sh
# Downloads real-world Prometheus rule sets from Debian into the git-ignored .corpus/ folder at
# the package root, for Tests/VigilPrometheusTests/CorpusTests (which are skipped without them).
#   Tests/VigilPrometheusTests/fetch-corpus.sh
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
corpus="$root/.corpus"
mkdir -p "$corpus"
cd "$corpus"
for pkg in ceph-prometheus-alerts; do
    if [ -d "$corpus/${pkg%%-prometheus-alerts}" ]; then
        echo "$pkg: already unpacked"
        continue
    fi
    apt-get download "$pkg"
    deb=$(ls -t "${pkg}"_*.deb | head -n 1)
    dpkg-deb -x "$deb" "$corpus/${pkg%%-prometheus-alerts}"
    echo "$pkg: unpacked into .corpus/${pkg%%-prometheus-alerts}"
done
find "$corpus" -name '*.yml' -o -name '*.yaml' | grep -v '/usr/share/doc/' || true
