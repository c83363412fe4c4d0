#!/usr/bin/env bash
# Seeds the fuzz corpora (fuzz/corpus/<target>/, not committed) from the sample
# articles and the test fixtures. Run again at will: it only adds files.
#   load:     each file behind each of the ten leading bytes that pick how it is read
#   annotate: each file as text
#   reader:   each file alone, with scripts of keys after a NUL, and two as one input
# and the inputs kept as regression tests (tests/fixtures/fuzz/<target>/) as they are.
set -euo pipefail
cd "$(dirname "$0")"
files=()
while IFS= read -r -d '' f; do files+=("$f"); done < <(
  find ../sample_articles ../tests/fixtures -type f ! -path '*/fuzz/*' -print0 | sort -z
)
mkdir -p corpus/load corpus/annotate corpus/reader
# Keys for the reader target (see `event` in src/lib.rs): NUL is Enter, 0x01 Esc,
# 0x02 Tab; 0xC0 w h resizes; 0xE2 x y clicks.
scripts=(
  'jjjjGgk\x02jj\x02kkN'
  '/said\x00nnN\x01pf1234567\x01'
  'vllL\x00\x02jK\x00xuUC\x01'
  '\x02jrNew\x00Mb\x00XDPR\x01'
  'ejd/tmp\x00a\x01?j\x01s\x01o\x00][tt'
  '\xc0\x10\x10jj\xc0\xff\xffG\xc0\x40\x08\xe2\x20\x10\xe0\x20\x10S'
)
i=0
for f in "${files[@]}"; do
  i=$((i + 1))
  base="$(basename "$f")"
  for n in 0 1 2 3 4 5 6 7 8 9; do
    { printf '%s' "$n"; cat "$f"; } > "corpus/load/$n-$base"
  done
  cp "$f" "corpus/annotate/$base"
  cp "$f" "corpus/reader/$base"
  s=0
  for keys in "${scripts[@]}"; do
    s=$((s + 1))
    { cat "$f"; printf '\0'; printf "$keys"; } > "corpus/reader/$s-$base"
  done
done
# Two articles in one reader input, parted by a record separator.
prev=""
for f in "${files[@]}"; do
  if [ -n "$prev" ]; then
    { cat "$prev"; printf '\x1e'; cat "$f"; printf '\0]j[\x02j]G'; } > "corpus/reader/pair-$(basename "$prev")-$(basename "$f")"
  fi
  prev="$f"
done
for t in load annotate reader; do
  if [ -d "../tests/fixtures/fuzz/$t" ]; then
    find "../tests/fixtures/fuzz/$t" -type f -exec cp {} "corpus/$t/" \;
  fi
done
echo "seeded: $(ls corpus/load | wc -l) load, $(ls corpus/annotate | wc -l) annotate, $(ls corpus/reader | wc -l) reader inputs"
