#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian machine, idempotently:
# Debian packages (when missing) and a virtual environment in .venv.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(
    git
    chromium
    poppler-utils
    libpango-1.0-0
    libpangoft2-1.0-0
    libharfbuzz-subset0
    fonts-dejavu-core
    faketime
)

missing=()
for pkg in "${DEBIAN_PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installation des paquets Debian : ${missing[*]}"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Node.js tools from package-lock.json: decap-server, the local back end of the web
# editor (actes editeur) and of its browser test. Debian's nodejs and npm only when
# no npm is there (a machine may carry another build of Node.js).
if ! command -v npm >/dev/null 2>&1; then
    echo "Installation de Node.js (paquets Debian nodejs, npm)"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "Installation des outils Node.js (npm ci : decap-server)"
    npm ci --no-audit --no-fund --loglevel=error
fi

stamp=.venv/.installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "Installation de l'environnement Python dans .venv"
    [ -x .venv/bin/python ] || python3 -m venv .venv
    .venv/bin/pip install -q --upgrade pip >/dev/null
    .venv/bin/pip install -q -e ".[test]"
    touch "$stamp"
fi
