#!/usr/bin/env bash
# Usage: benches/corpus.sh [RUNS]
#
# `onrecord stats` against `onrecord annotate` on one JSONL corpus of 10,000 articles
# generated from sample_articles/*.txt (names varied, four outlets, two years). Reports
# the median wall and CPU time of each, their ratio (target: stats costs no more than
# annotate, a ratio of 1.0 within noise), and the peak RSS of stats --by outlet and
# --by person (target: 200 MB or less).
#
# Environment: ONRECORD=/path/to/onrecord to measure that binary; ARTICLES=10000.
# Uses only bash, python3, sort and GNU time (/usr/bin/time).
set -euo pipefail

runs=${1:-3}
articles=${ARTICLES:-10000}
root=$(cd "$(dirname "$0")/.." && pwd)
if [[ -z ${ONRECORD:-} ]]; then
    cargo build --release --quiet --manifest-path "$root/Cargo.toml"
    ONRECORD=$root/target/release/onrecord
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus=$work/corpus.jsonl

python3 - "$root" "$articles" "$corpus" <<'PY'
import json, pathlib, sys
root, count, out = pathlib.Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
samples = [p.read_text() for p in sorted((root / "sample_articles").glob("*.txt"))]
lasts = "Alvarez Bennett Carter Dawson Ellison Fischer Garcia Hughes Ingram Jensen".split()
outlets = ["Harbour Post", "Inland Courier", "Valley Ledger", "Metro Daily"]
with open(out, "w") as f:
    for i in range(count):
        text = samples[i % len(samples)].replace("Sessions", lasts[i % 10])
        record = {"id": i, "outlet": outlets[i % 4], "date": f"{2016 + i % 2}-0{1 + i % 9}-15",
                  "text": text}
        f.write(json.dumps(record) + "\n")
PY

# Median of the values on stdin.
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Runs "$@" $runs times; prints the median wall seconds, CPU seconds and peak RSS (KB).
measure() {
    local wall=() cpu=() rss=()
    for _ in $(seq "$runs"); do
        local out
        out=$( { /usr/bin/time -f '%e %U %S %M' "$@" > /dev/null; } 2>&1 | tail -1)
        read -r w u s m <<< "$out"
        wall+=("$w"); cpu+=("$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')"); rss+=("$m")
    done
    printf '%s %s %s\n' "$(printf '%s\n' "${wall[@]}" | median)" \
        "$(printf '%s\n' "${cpu[@]}" | median)" "$(printf '%s\n' "${rss[@]}" | median)"
}

read -r aw ac am <<< "$(measure "$ONRECORD" annotate "$corpus" --format jsonl)"
read -r sw sc sm <<< "$(measure "$ONRECORD" stats "$corpus" --by outlet)"
read -r _ _ pm <<< "$(measure "$ONRECORD" stats "$corpus" --by person)"
echo "corpus: $articles articles, $(du -m "$corpus" | cut -f1) MB"
echo "annotate --format jsonl: wall ${aw}s cpu ${ac}s peak $((am / 1024)) MB"
echo "stats --by outlet:       wall ${sw}s cpu ${sc}s peak $((sm / 1024)) MB"
echo "stats --by person:       peak $((pm / 1024)) MB"
awk -v a="$ac" -v s="$sc" 'BEGIN { printf "stats / annotate CPU: %.2f (target 1.0 within noise)\n", s / a }'
