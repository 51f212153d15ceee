#!/usr/bin/env bash
# Install the Debian packages the app or the tests need, when they are missing.
# Usage: scripts/install-system.sh app|deploy|test
set -euo pipefail
want=(chromium fonts-dejavu-core)
case "${1:-app}" in
  deploy) want+=(nginx) ;;
  test) want+=(postgresql poppler-utils libreoffice-calc-nogui libreoffice-impress-nogui nginx) ;;
esac
missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO=sudo; else
    echo "Paquets Debian manquants : ${missing[*]} (lancez ce script en root)" >&2; exit 1; fi
else SUDO=""; fi
echo "Installation des paquets Debian : ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
