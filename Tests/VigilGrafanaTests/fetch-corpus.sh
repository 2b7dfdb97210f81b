#!/bin/sh
# Downloads real Grafana dashboards into the git-ignored .corpus/ folder at the package root.
# Debian's ceph-grafana-dashboards package is fetched with apt-get download (no root needed)
# and unpacked with dpkg-deb; the dashboard test lints and round-trips every JSON file found.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
dest="$root/.corpus/grafana"
mkdir -p "$dest/deb"
cd "$dest/deb"
if ! ls ceph-grafana-dashboards_*.deb >/dev/null 2>&1; then
    apt-get download ceph-grafana-dashboards
fi
rm -rf "$dest/ceph"
mkdir -p "$dest/ceph"
dpkg-deb -x ceph-grafana-dashboards_*.deb "$dest/ceph"
count=$(find "$dest/ceph" -name '*.json' | wc -l)
echo "unpacked $count dashboards into $dest/ceph"
