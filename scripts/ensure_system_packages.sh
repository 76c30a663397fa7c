#!/usr/bin/env bash
# Debian packages the test suite needs: chromium for the browser tests, a
# CJK font so Chinese renders in screenshots, and postgresql-client (pg_dump,
# pg_restore) for the backup round trip. Installed when missing and we are
# root (as on CI); otherwise says exactly what to install.
# With arguments, ensures only those (`make backup` asks for postgresql-client).
set -euo pipefail
packages=(chromium fonts-noto-cjk libreoffice-writer-nogui postgresql-client)
[ $# -gt 0 ] && packages=("$@")
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "缺少系统软件包：${missing[*]}。请以 root 运行：apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "安装系统软件包：${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
