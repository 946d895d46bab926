#!/usr/bin/env bash
# Makes sure the browser test can run: Debian's Chromium at /usr/bin/chromium (nothing downloads a browser).
set -euo pipefail

if [ -x /usr/bin/chromium ] || [ -n "${TICKETRUSH_CHROMIUM:-}" ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "The browser test needs Chromium: install it, or point TICKETRUSH_CHROMIUM at its executable." >&2
  exit 1
fi

. "$(dirname "$0")/apt.sh"

echo "Installing Debian's chromium for the browser test..." >&2
apt_install chromium
