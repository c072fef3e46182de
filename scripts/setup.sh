#!/usr/bin/env bash
# Installs what the build and the tests need, only what is missing (Debian 12; run as root or
# with sudo). Safe to run again: a machine that is already set up is left untouched.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ clang clang-format clang-tidy libgtest-dev libbenchmark-dev nlohmann-json3-dev
          emscripten nodejs npm chromium fonts-wqy-microhei libclang-rt-14-dev brotli)

installed() {
  case "$1" in
    # NodeSource's nodejs also provides npm and conflicts with Debian's npm package.
    nodejs) command -v node >/dev/null 2>&1 && return 0 ;;
    npm) command -v npm >/dev/null 2>&1 && return 0 ;;
  esac
  [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

missing=()
for p in "${packages[@]}"; do installed "$p" || missing+=("$p"); done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "setup: need root (or sudo) to install ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt_opts=(-o DPkg::Lock::Timeout=600 -o Dpkg::Use-Pty=0)
  "${sudo[@]}" apt-get "${apt_opts[@]}" update -q
  "${sudo[@]}" apt-get "${apt_opts[@]}" install -y -q "${missing[@]}"
else
  echo "setup: Debian packages present"
fi

# npm packages of the browser tests (playwright-core drives the Debian chromium; no browser download).
if [ -f package.json ]; then
  stamp=node_modules/.package-lock.json   # written by npm on every install
  if [ ! -f "$stamp" ] || [ package.json -nt "$stamp" ] ||
     { [ -f package-lock.json ] && [ package-lock.json -nt "$stamp" ]; }; then
    echo "setup: npm install"
    # --omit=optional: pdfjs-dist's optional native canvas (33 MB) is not needed for text (web/pdf/pdfjs-node.mjs)
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --omit=optional
    touch "$stamp"   # npm leaves it alone when nothing changed
  else
    echo "setup: node_modules up to date"
  fi
fi
