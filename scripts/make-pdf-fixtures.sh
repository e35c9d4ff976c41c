#!/usr/bin/env bash
# Makes the PDF fixtures in tests/fixtures/pdf/, the two ways a PDF of a report is usually made:
#   browser/  the project's own preview of each sample printed by Chromium (print style sheet: the
#             report as published, without the findings), for the three text samples and for the
#             shared PDF sample read back from its preview;
#   office/   the same previews (with ruled tables as wide as the page, as a clerk's Word file has)
#             saved by LibreOffice as Word and that Word file as PDF: rows run over page breaks
#             and the header repeats;
# and the bad ones: the shared sample encrypted with a password (qpdf), restricted from printing but
# opening without one, and cut short.
# tests/import_pdf.rs checks that each reads to the cells and findings of its twin.
#
# The output is committed, so CI and `npm test` need none of these programs; run this again only to
# remake the files. Needs cargo, Chromium, LibreOffice and qpdf (Debian: chromium,
# libreoffice-writer-nogui, qpdf).
set -euo pipefail

cd "$(dirname "$0")/.."

SAMPLES=(
  tests/fixtures/2016-liupanshui-seed.txt
  tests/fixtures/new-2019-shanghai-bangongting.txt
  tests/fixtures/new-2023-shuyang-fagaiju.txt
  tests/fixtures/pdf/2024-huaian-shizhengfu.pdf
)
OUT=tests/fixtures/pdf
for tool in soffice qpdf chromium; do
  command -v "$tool" >/dev/null || { echo "$tool not found" >&2; exit 1; }
done

work=$(mktemp -d /tmp/pdf-fixtures.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$OUT/browser" "$OUT/office" "$OUT/bad" "$work/html" "$work/office"

cargo build --quiet
# The shared sample as published, beside the others.
cp ../shared/samples/pdf/2024-huaian-shizhengfu.pdf "$OUT/" 2>/dev/null || true
cp ../shared/samples/pdf/README.md "$OUT/README" 2>/dev/null || true
for sample in "${SAMPLES[@]}"; do
  name=$(basename "${sample%.*}")
  target/debug/disclosure-report render --format html "$sample" >"$work/html/$name.html" || true
  # The office twin: the findings' marks taken out (no office document carries them), tables ruled.
  perl -0pe 's{<sup class="dr-refs">.*?</sup>}{}gs; s{<aside class="dr-findings".*?</aside>}{}gs;
             s{<mark [^>]*>(.*?)</mark>}{$1}gs;
             s{<table}{<table border="1" cellspacing="0" cellpadding="2" width="100%"}g' \
    "$work/html/$name.html" >"$work/office/$name.html"
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$OUT/browser/$name.pdf" "file://$work/html/$name.html" 2>/dev/null
done

soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to docx:"MS Word 2007 XML" \
  --outdir "$work/office" "$work"/office/*.html >/dev/null
soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf \
  --outdir "$OUT/office" "$work"/office/*.docx >/dev/null

qpdf --encrypt secret secret 256 -- "$OUT/2024-huaian-shizhengfu.pdf" "$OUT/bad/encrypted.pdf"
# Restricted (no printing, no changes) but opening without a password, as many portals publish.
qpdf --encrypt "" owner 256 --print=none --modify=none -- "$OUT/2024-huaian-shizhengfu.pdf" "$OUT/bad/restricted.pdf"
head -c 60000 "$OUT/2024-huaian-shizhengfu.pdf" >"$OUT/bad/truncated.pdf"

ls -l "$OUT" "$OUT"/*/
