#!/bin/sh
# Render an exported workbook to a PDF and one PNG per printed page, to check the print layout
# by eye. Needs LibreOffice (Debian: libreoffice-calc) and pdftoppm (Debian: poppler-utils);
# CJK glyphs need a CJK font (Debian: fonts-noto-cjk).
#
# Usage: scripts/render_xlsx.sh WORKBOOK.xlsx [OUTDIR]   (OUTDIR defaults to WORKBOOK's folder/render)
set -eu

if [ $# -lt 1 ] || [ ! -f "$1" ]; then
    echo "用法：scripts/render_xlsx.sh 附表.xlsx [输出目录]" >&2
    exit 2
fi
workbook=$1
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

stem=$(basename "$workbook" .xlsx)
pdf="$outdir/$stem.pdf"
if [ ! -f "$pdf" ]; then
    echo "LibreOffice 没有生成 PDF：$pdf" >&2
    exit 1
fi
pdftoppm -png -r "${RENDER_DPI:-90}" "$pdf" "$outdir/$stem"
echo "$pdf"
ls "$outdir/$stem"*.png
