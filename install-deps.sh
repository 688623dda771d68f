#!/usr/bin/env bash
# Installs the Debian 12 packages Gatehouse needs to build, run and test. Idempotent: installs only
# what is missing. Runs apt-get as root, or through sudo for a normal user.
#   install-deps.sh          build + run + test packages
# Then the AWS SDK for JavaScript v3 clients the sample project uses, into Gatehouse's Node.js
# runtime-modules folder (what Lambda's Node.js runtimes provide; see README.md): once, with npm, and
# never failing the setup when npm or the network is missing.
set -euo pipefail

PACKAGES=(
  # toolchain
  cmake ninja-build g++ make ccache clang-format
  # Qt 6.4 (Debian 12): base, network, HTTP server + WebSockets (its CMake config needs both),
  # QJSEngine (declarative), Charts, SVG, Linguist tools, Qt's own translations
  qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qt6-declarative-dev qt6-charts-dev
  qt6-svg-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n libqscintilla2-qt6-dev
  # libraries
  nlohmann-json3-dev libyaml-cpp-dev libhttp-parser-dev libssl-dev libjemalloc-dev
  # runtimes for process-backed functions
  python3
  # GUI under a virtual display, fonts (Korean included), screenshots, load generator
  xvfb xauth fonts-dejavu-core fonts-nanum wrk
)

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
# Node.js and npm by command rather than by package: a Node.js from elsewhere (e.g. NodeSource's nodejs,
# which bundles npm) is kept; Debian's own splits them into nodejs and npm.
if ! command -v node >/dev/null 2>&1; then
  missing+=(nodejs)
fi
if ! command -v npm >/dev/null 2>&1; then
  missing+=(npm)
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
else
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    SUDO=sudo
  fi
  echo "install-deps: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "install-deps: done"
fi

# Lambda's Node.js runtimes include the AWS SDK for JavaScript v3 ("Lambda runtimes", AWS Lambda
# Developer Guide); Gatehouse's nodejs* runtimes resolve packages a function does not bundle from this
# folder (same rule as app/engine/invoker/RuntimeLaunch.cpp, nodeRuntimeModulesDir). Only the clients the
# bundled sample imports, at a pinned version. As the current user, not root: it is a per-user folder.
NODE_MODULES_DIR="${GATEHOUSE_NODE_RUNTIME_MODULES:-}"
if [ -z "$NODE_MODULES_DIR" ]; then
  data_home="${XDG_DATA_HOME:-}"
  case "$data_home" in /*) ;; *) data_home="$HOME/.local/share" ;; esac
  NODE_MODULES_DIR="$data_home/gatehouse/node-runtime-modules"
fi
# Exact version (tested with Node.js 20 and 22): SDK releases from January 2027 on require Node.js >= 22.
NODE_RUNTIME_PACKAGES=("@aws-sdk/client-apigatewaymanagementapi@3.1169.0")
node_runtime_missing=()
for spec in "${NODE_RUNTIME_PACKAGES[@]}"; do
  name="${spec%@*}"
  [ -f "$NODE_MODULES_DIR/node_modules/$name/package.json" ] || node_runtime_missing+=("$spec")
done
if [ ${#node_runtime_missing[@]} -eq 0 ]; then
  echo "install-deps: Node.js runtime modules present in $NODE_MODULES_DIR"
elif ! command -v npm >/dev/null 2>&1; then
  echo "install-deps: npm not found; skipping the Node.js runtime modules (${node_runtime_missing[*]})." \
    "Functions that import them without bundling them will fail to load."
else
  npm_log="$(mktemp)"
  if mkdir -p "$NODE_MODULES_DIR" &&
    timeout 600 npm install --no-audit --no-fund --no-update-notifier --loglevel=error \
      --fetch-retries=1 --prefix "$NODE_MODULES_DIR" "${node_runtime_missing[@]}" >"$npm_log" 2>&1; then
    echo "install-deps: installed ${node_runtime_missing[*]} into $NODE_MODULES_DIR"
  else
    echo "install-deps: could not install ${node_runtime_missing[*]} with npm (offline?); skipped:" \
      "$(grep -m1 -E '^npm (error|ERR!)' "$npm_log" || tail -n1 "$npm_log")." \
      "Run ./install-deps.sh again once the npm registry is reachable."
  fi
  rm -f "$npm_log"
fi
