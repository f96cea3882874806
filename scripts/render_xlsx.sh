#!/bin/sh
# Render an exported workbook (or a .docx report) to a PDF and one PNG per printed page, to check
# the print layout by eye. Needs LibreOffice (Debian: libreoffice-calc libreoffice-writer) and
# pdftoppm (Debian: poppler-utils). 宋体, 黑体, 楷体 and 仿宋 are mapped to free fonts of the same
# metrics by scripts/fonts.conf (Debian: fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei).
#
# Usage: scripts/render_xlsx.sh FILE.xlsx|FILE.docx [OUTDIR]   (OUTDIR defaults to FILE's folder/render)
set -eu

if [ $# -lt 1 ] || [ ! -f "$1" ]; then
    echo "用法：scripts/render_xlsx.sh 附表.xlsx|报告.docx [输出目录]" >&2
    exit 2
fi
workbook=$1
FONTCONFIG_FILE="$(cd "$(dirname "$0")" && pwd)/fonts.conf"
export FONTCONFIG_FILE
outdir=${2:-"$(dirname "$workbook")/render"}

office=$(command -v soffice || command -v libreoffice || true)
if [ -z "$office" ]; then
    echo "未安装 LibreOffice：请先 apt-get install libreoffice-calc" >&2
    exit 3
fi
if ! command -v pdftoppm >/dev/null 2>&1; then
    echo "未安装 pdftoppm：请先 apt-get install poppler-utils" >&2
    exit 3
fi

mkdir -p "$outdir"
# A private LibreOffice profile, so a running LibreOffice or a parallel run does not block this one.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$office" -env:UserInstallation="file://$profile" --headless --convert-to pdf \
    --outdir "$outdir" "$workbook" >/dev/null

stem=$(basename "$workbook")
stem=${stem%.*}
pdf="$outdir/$stem.pdf"
if [ ! -f "$pdf" ]; then
    echo "LibreOffice 没有生成 PDF：$pdf" >&2
    exit 1
fi
pdftoppm -png -r "${RENDER_DPI:-90}" "$pdf" "$outdir/$stem"
echo "$pdf"
ls "$outdir/$stem"*.png
