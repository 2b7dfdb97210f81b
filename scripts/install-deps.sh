#!/usr/bin/env bash
# Installs the system packages Vigil needs to build and test, when they are missing:
# libyaml (the YAML parser), pkg-config, and the real peer tools the tests run against
# (promtool from Debian's `prometheus`, amtool from `prometheus-alertmanager`).
# The servers in those packages are never started.
set -euo pipefail

missing=()
pkg-config --exists yaml-0.1 2>/dev/null || missing+=(libyaml-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if [ "${VIGIL_BUILD_ONLY:-0}" != 1 ]; then
  command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
  command -v amtool >/dev/null 2>&1 || missing+=(prometheus-alertmanager)
fi
# `make fuzz` links the libFuzzer targets with lld (Swift's toolchain usually ships it).
if [ "${VIGIL_FUZZ:-0}" = 1 ]; then
  command -v ld.lld >/dev/null 2>&1 || missing+=(lld)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "vigil: installing missing system packages: ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "vigil: please install as root: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# --no-install-recommends keeps the Prometheus packages from pulling in exporters; policy-rc.d
# stops Debian from starting the servers we install only for their command-line clients.
if [ -z "$SUDO" ] && [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
