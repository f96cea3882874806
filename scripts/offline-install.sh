#!/bin/sh
# Install perfeval-tui from this bundle, without internet access (copied into the bundle as
# install.sh by scripts/offline-bundle).
#
# Usage: sh install.sh [VENV_DIR]     (default: ./perfeval-venv; PYTHON=python3.11 picks the Python)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
venv=${1:-perfeval-venv}
python=${PYTHON:-python3}

if ! command -v "$python" >/dev/null 2>&1; then
    echo "找不到 $python。perfeval-tui 需要 Python 3.10 或更高版本；可用 PYTHON=python3.11 sh install.sh 指定。" >&2
    exit 2
fi
if ! "$python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)'; then
    found=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])' || echo "?")
    echo "$python 的版本是 $found，perfeval-tui 需要 Python 3.10 或更高版本。" >&2
    echo "请先安装 Python 3.10–3.13（本安装包不含 Python），再用 PYTHON=python3.x sh install.sh 安装。" >&2
    exit 2
fi
if ! "$python" -m venv "$venv"; then
    echo "无法创建虚拟环境 $venv。Debian/Ubuntu 上需要先安装 python3-venv 软件包。" >&2
    exit 2
fi
"$venv/bin/python" -m pip install --quiet --no-index --find-links "$here/wheels" perfeval-tui
echo "已安装：$venv/bin/perfeval"
