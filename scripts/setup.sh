#!/usr/bin/env bash
# Sets up a fresh machine for kommunrapport: the Debian packages the tests use
# (Chromium, poppler, qpdf, espeak-ng), pnpm at the pinned version, and dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
PNPM_VERSION=10.34.9

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || need+=(qpdf)
command -v espeak-ng >/dev/null 2>&1 || need+=(espeak-ng)
if ((${#need[@]})); then
  echo "setup: installing Debian packages: ${need[*]}"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  elif command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "setup: cannot install ${need[*]} here; install them with your package manager (Debian: apt-get install -y ${need[*]})." >&2
    echo "setup: building works without them; the tests that need them will fail and name the package." >&2
  fi
fi

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "setup: installing pnpm $PNPM_VERSION with npm"
  npm install --global --silent "pnpm@$PNPM_VERSION"
fi
pnpm install --frozen-lockfile
echo "setup: done. Next: pnpm start (build the example) or pnpm test (run all tests)."
