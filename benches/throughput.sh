#!/usr/bin/env bash
# Annotation throughput on one large plain-text article, compared with `wc -w` on the
# same file in the same run, so the ratio holds on a busy or slow machine.
#
#   benches/throughput.sh [MB] [RUNS]      (defaults: 20 MB, 5 runs)
#   ONRECORD=/path/to/onrecord benches/throughput.sh   measures that binary (a baseline)
#
# Builds the release binary, writes a news-like article by repeating the bundled samples'
# paragraphs with the surnames varied, then reports the median wall time of
#   wc -w FILE
#   onrecord annotate FILE --format jsonl            (every core)
#   RAYON_NUM_THREADS=1 onrecord annotate ...         (one core)
# and, for the worst case of the sentence rules, one 640 KB sentence with no sentence end
# against the same amount of ordinary text, and 1 MB of each of a few phrases repeated
# (`said said said …`). Targets: >= 50 MB/s per core, <= 10x wc -w, the long sentence
# <= 2x the ordinary text, each repeated phrase <= 4x.
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-20}
RUNS=${2:-5}
if [ -n "${ONRECORD:-}" ]; then
    BIN=$ONRECORD
else
    BIN=target/release/onrecord
    cargo build --release --quiet
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Paragraphs of both samples (the title line dropped), surnames varied each round so the
# number of people grows with the text as in a real corpus.
generate() { # BYTES OUT
    awk -v want="$1" '
        FNR == 1 { next }
        { body = body $0 "\n" }
        END {
            n = split(body, paras, /\n\n+/)
            print "A generated article\n"
            total = 0; round = 0
            while (total < want) {
                tag = ""; r = round
                do { tag = tag sprintf("%c", 97 + r % 26); r = int(r / 26) } while (r > 0)
                for (i = 1; i <= n; i++) {
                    p = paras[i]
                    if (p == "") continue
                    gsub(/Sessions/, "Sessions" tag, p); gsub(/Comey/, "Comey" tag, p)
                    print p "\n"; total += length(p) + 2
                }
                round++
            }
        }' sample_articles/*.txt > "$2"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Median wall seconds of a command over $RUNS runs.
timed() {
    for _ in $(seq "$RUNS"); do
        local start end
        start=$(date +%s.%N)
        "$@" > /dev/null
        end=$(date +%s.%N)
        awk -v a="$start" -v b="$end" 'BEGIN { print b - a }'
    done | median
}

generate $((MB * 1000000)) "$WORK/article.txt"
BYTES=$(stat -c %s "$WORK/article.txt")
calc() { awk "BEGIN { printf \"%.1f\", $1 }"; }
SIZE=$(calc "$BYTES / 1000000")
WC=$(timed wc -w "$WORK/article.txt")
ALL=$(timed "$BIN" annotate "$WORK/article.txt" --format jsonl)
ONE=$(RAYON_NUM_THREADS=1 timed "$BIN" annotate "$WORK/article.txt" --format jsonl)
CORES=$(nproc)
rate() { calc "$BYTES / 1000000 / $1"; }
printf 'article: %s MB, %s runs, medians\n' "$SIZE" "$RUNS"
printf '  wc -w                 %6.3f s\n' "$WC"
printf '  annotate, 1 core      %6.3f s  %6s MB/s  %5.1fx wc -w\n' "$ONE" "$(rate "$ONE")" "$(calc "$ONE / $WC")"
printf '  annotate, %s cores     %6.3f s  %6s MB/s  %5.1fx wc -w  (%s MB/s per core)\n' \
    "$CORES" "$ALL" "$(rate "$ALL")" "$(calc "$ALL / $WC")" "$(calc "$(rate "$ALL") / $CORES")"

# The worst case for the sentence rules: 640 KB without a sentence end.
head -c 640000 "$WORK/article.txt" > "$WORK/normal.txt"
{ echo "A long sentence"; echo; tail -n +3 "$WORK/normal.txt" | tr '.?!\n' ',,, '; } > "$WORK/run-on.txt"
NORMAL=$(RAYON_NUM_THREADS=1 timed "$BIN" annotate "$WORK/normal.txt" --format jsonl)
RUNON=$(RAYON_NUM_THREADS=1 timed "$BIN" annotate "$WORK/run-on.txt" --format jsonl)
printf '640 KB: ordinary text %.3f s, one sentence %.3f s: %.1fx\n' "$NORMAL" "$RUNON" "$(calc "$RUNON / $NORMAL")"

# Degenerate inputs, 1 MB each: one phrase repeated on one line, the kind of text that
# made rules read a sentence once per cue in it. The annotator alone (--summary), against
# the same amount of ordinary text; each should take at most a few times as long.
DEGENERATE=(
    'said ' 'according to ' '“' '‘' 'Mr. ' ', ' 'Smith ' 'Smith said ' 'said Smith, '
    'who said ' 'told Smith ' 'with people saying ' 'Ann and Bo said ' 'Smith, who said, '
    'officials speaking on condition of anonymity said ' '“a,” Smith said, '
)
head -c 1000000 "$WORK/article.txt" > "$WORK/ordinary.txt"
ORDINARY=$(RAYON_NUM_THREADS=1 timed "$BIN" --summary "$WORK/ordinary.txt")
printf '1 MB, one core: ordinary text %.3f s\n' "$ORDINARY"
for unit in "${DEGENERATE[@]}"; do
    LC_ALL=C awk -v u="$unit" 'BEGIN { n = int(1000000 / length(u)); s = ""; for (i = 0; i < n; i++) s = s u; print s }' \
        > "$WORK/degenerate.txt"
    T=$(RAYON_NUM_THREADS=1 timed "$BIN" --summary "$WORK/degenerate.txt")
    printf '  %-52s %6.3f s  %5.1fx\n' "'$unit'" "$T" "$(calc "$T / $ORDINARY")"
done
