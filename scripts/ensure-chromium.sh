#!/usr/bin/env bash
# Installs Debian's Chromium (and a CJK font, so screenshots show Chinese) when missing.
set -euo pipefail
need=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
fc-list 2>/dev/null | grep -i 'cjk\|wenquanyi\|noto sans sc' >/dev/null || need+=(fonts-noto-cjk)  # no -q: with pipefail it would SIGPIPE fc-list
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then as_root=(); elif sudo -n true 2>/dev/null; then as_root=(sudo -n); else
  echo "Missing Debian packages: ${need[*]}. Install them as root (apt-get install -y ${need[*]}) or set CHROMIUM_PATH." >&2
  [[ " ${need[*]} " == *" chromium "* ]] && exit 1 || exit 0
fi
echo "installing ${need[*]} from Debian's packages…" >&2
"${as_root[@]}" apt-get update -qq >&2 && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
