#!/usr/bin/env bash
# Makes the "office-made" fixtures in tests/fixtures/office/: for each of the three text samples, the
# project's own HTML preview (merged header cells) saved by LibreOffice as Word (.docx), and that .docx
# saved back as HTML by LibreOffice (paragraphs inside cells, font markup: the HTML a page pasted from
# a word processor has). tests/import_office.rs checks that they read to the same cells and findings as
# their text twins.
#
# The output is committed, so CI and `npm test` need no LibreOffice; run this again (it is idempotent)
# only to remake the files. Needs cargo and LibreOffice (Debian: libreoffice-writer-nogui).
set -euo pipefail

cd "$(dirname "$0")/.."

SAMPLES=(
  tests/fixtures/2016-liupanshui-seed.txt
  tests/fixtures/new-2019-shanghai-bangongting.txt
  tests/fixtures/new-2023-shuyang-fagaiju.txt
)
OUT=tests/fixtures/office

command -v soffice >/dev/null || { echo "soffice not found: apt-get install libreoffice-writer-nogui" >&2; exit 1; }

work=$(mktemp -d /tmp/office-fixtures.XXXXXX)
trap 'rm -rf "$work"' EXIT
# A private profile: works as root, and beside another LibreOffice running.
profile="-env:UserInstallation=file://$work/profile"

# Whether two zips hold the same entries, in the same order, with the same bytes.
same_zip() {
  cmp -s <(unzip -Z1 "$1") <(unzip -Z1 "$2") && cmp -s <(unzip -p "$1") <(unzip -p "$2")
}

cargo build --quiet
mkdir -p "$OUT" "$work/html" "$work/docx" "$work/back"

for sample in "${SAMPLES[@]}"; do
  name=$(basename "$sample" .txt)
  # The preview marks the checker's findings: a superscript number in each flagged cell and sentence,
  # the sentences quoted highlighted, the list of findings at the end. LibreOffice keeps the numbers
  # as plain text (a blank cell would read as "1"), and no office document a reporter wrote carries
  # them, so they are taken out: what is left is the report as filled in.
  target/debug/disclosure-report render --format html "$sample" |
    perl -0pe 's{<sup class="dr-refs">.*?</sup>}{}gs;
               s{<aside class="dr-findings".*?</aside>}{}gs;
               s{<mark [^>]*>(.*?)</mark>}{$1}gs' >"$work/html/$name.html"
done

soffice "$profile" --headless --convert-to docx:"MS Word 2007 XML" --outdir "$work/docx" "$work"/html/*.html >/dev/null
soffice "$profile" --headless --convert-to html --outdir "$work/back" "$work"/docx/*.docx >/dev/null

for sample in "${SAMPLES[@]}"; do
  name=$(basename "$sample" .txt)
  # A .docx is a zip that carries the time it was written; keep the committed one when what it holds
  # is unchanged, so that running this again changes no file.
  if ! { [ -f "$OUT/$name.docx" ] && same_zip "$work/docx/$name.docx" "$OUT/$name.docx"; }; then
    cp "$work/docx/$name.docx" "$OUT/$name.docx"
  fi
  # LibreOffice may write creation and change dates and the path it read from; keep the markup only.
  sed -e '/<meta name="\(created\|changed\)"/d' \
      -e "s#$work[^\"<>]*##g" \
      "$work/back/$name.html" >"$OUT/$name.html"
done

ls -l "$OUT"
