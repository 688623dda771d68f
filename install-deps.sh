#!/usr/bin/env bash
# Installs the Debian 12 packages Gatehouse needs to build, run and test. Idempotent: installs only
# what is missing. Runs apt-get as root, or through sudo for a normal user.
#   install-deps.sh          build + run + test packages
set -euo pipefail

PACKAGES=(
  # toolchain
  cmake ninja-build g++ make ccache clang-format
  # Qt 6.4 (Debian 12): base, network, HTTP server + WebSockets (its CMake config needs both),
  # QJSEngine (declarative), Charts, SVG, Linguist tools, Qt's own translations
  qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qt6-declarative-dev qt6-charts-dev
  qt6-svg-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n libqscintilla2-qt6-dev
  # libraries
  nlohmann-json3-dev libyaml-cpp-dev libhttp-parser-dev libssl-dev
  # runtimes for process-backed functions
  python3
  # GUI under a virtual display, fonts (Korean included), screenshots, load generator
  xvfb xauth fonts-dejavu-core fonts-nanum wrk
)

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if ! command -v node >/dev/null 2>&1; then
  missing+=(nodejs)
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  SUDO=sudo
fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
