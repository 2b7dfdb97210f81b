#!/bin/sh
# Downloads Alertmanager's own configuration test data (Debian's
# golang-github-prometheus-alertmanager-dev ships config/testdata/conf.*.yml) and unpacks it
# into .corpus/alertmanager/ at the package root (git-ignored). Idempotent.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
dest="$root/.corpus/alertmanager"
pkg=golang-github-prometheus-alertmanager-dev
if [ -d "$dest/testdata" ] && ls "$dest"/testdata/conf.*.yml >/dev/null 2>&1; then
    echo "corpus already present: $dest/testdata"
    exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download "$pkg" >/dev/null)
deb=$(ls "$work"/*.deb)
dpkg-deb -x "$deb" "$work/x"
src=$(find "$work/x" -type d -path '*/alertmanager/config/testdata' | head -n 1)
if [ -z "$src" ]; then
    echo "no config/testdata in $deb" >&2
    exit 1
fi
mkdir -p "$dest"
rm -rf "$dest/testdata"
cp -R "$src" "$dest/testdata"
basename "$deb" > "$dest/VERSION"
echo "unpacked $(ls "$dest"/testdata/conf.*.yml | wc -l) configs into $dest/testdata"
