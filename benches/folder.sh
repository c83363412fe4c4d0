#!/usr/bin/env bash
# Usage: benches/folder.sh [RUNS]
#
# Speed and memory of `onrecord annotate FOLDER` on a large folder. Builds the release
# binary, generates 10,000 articles (~50 MB) from sample_articles/*.txt with the names
# varied, and one twice as large, then reports for --format json, jsonl and csv:
#   - the median wall time with RAYON_NUM_THREADS=1 and with the default thread count,
#     and their ratio (the target is 1.8x or more on 2 cores);
#   - the median peak RSS on the folder (target: 200 MB or less) and on the 2x folder
#     (target: the same: memory must not grow with the corpus).
# RUNS (default 3) is how many runs each median is taken over.
#
# Environment:
#   ONRECORD=/path/to/onrecord  measure this binary instead of building one (a baseline)
#   ARTICLES=10000              articles in the folder (the 2x folder has twice as many)
#   WORK=/some/dir              where the folders go (default: a temporary folder, removed)
#   FORMATS="json jsonl csv"    the formats to measure
#
# Uses only bash, awk, sort, nproc and GNU time (/usr/bin/time).
set -euo pipefail

runs=${1:-3}
articles=${ARTICLES:-10000}
root=$(cd "$(dirname "$0")/.." && pwd)

if [[ -z ${ONRECORD:-} ]]; then
    cargo build --release --quiet --manifest-path "$root/Cargo.toml"
    ONRECORD=$root/target/release/onrecord
fi
if [[ -z ${WORK:-} ]]; then
    WORK=$(mktemp -d)
    trap 'rm -rf "$WORK"' EXIT
fi

# Writes $2 articles into folder $1: the samples in turn, each copy with other names,
# so that the annotator meets new people as it would in a real corpus.
generate() {
    local dir=$1 count=$2
    mkdir -p "$dir"
    awk -v dir="$dir" -v count="$count" '
        BEGIN { RS = "\001" }
        { sample[n++] = $0 }
        END {
            split("Alvarez Bennett Carter Dawson Ellison Fischer Garcia Hughes Ingram Jensen " \
                  "Keller Lopez Morgan Novak Owens Patel Quinn Reyes Sutton Turner", last, " ")
            split("Anna Brian Carla David Elena Frank Grace Henry Irene James", first, " ")
            for (i = 0; i < count; i++) {
                text = sample[i % n]
                gsub(/Sessions/, last[i % 20 + 1], text)
                gsub(/Trump/, last[int(i / 20) % 20 + 1], text)
                gsub(/Spicer/, last[int(i / 400) % 20 + 1], text)
                gsub(/Jeff/, first[i % 10 + 1], text)
                gsub(/Sean/, first[int(i / 10) % 10 + 1], text)
                file = sprintf("%s/article-%05d.txt", dir, i)
                printf "%s", text > file
                close(file)
            }
        }' "$root"/sample_articles/*.txt
}

# Prints "SECONDS KILOBYTES" (wall time, peak RSS) of $runs exports of folder $2 as
# $1, one line per run; $3, when given, is the number of threads.
measure() {
    local format=$1 dir=$2 threads=${3:-}
    for _ in $(seq "$runs"); do
        env ${threads:+RAYON_NUM_THREADS=$threads} /usr/bin/time -f "%e %M" -o "$WORK/time" \
            "$ONRECORD" annotate "$dir" --format "$format" >/dev/null
        cat "$WORK/time"
    done
}

# The median of column $1 of the lines on stdin.
median() {
    awk -v c="$1" '{ print $c }' | sort -n |
        awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

generate "$WORK/1x" "$articles"
generate "$WORK/2x" $((articles * 2))
echo "binary: $ONRECORD"
echo "cores: $(nproc); runs per median: $runs"
echo "folder: $articles articles, $(du -sm --apparent-size "$WORK/1x" | cut -f1) MB; 2x folder: $((articles * 2)) articles"
printf '%-6s %10s %10s %7s %12s %12s\n' format "1 thread" default ratio "RSS MB" "RSS MB (2x)"
for format in ${FORMATS:-json jsonl csv}; do
    single=$(measure "$format" "$WORK/1x" 1)
    default=$(measure "$format" "$WORK/1x")
    double=$(measure "$format" "$WORK/2x")
    one=$(median 1 <<<"$single")
    all=$(median 1 <<<"$default")
    rss=$(median 2 <<<"$default")
    rss2=$(median 2 <<<"$double")
    awk -v f="$format" -v one="$one" -v all="$all" -v rss="$rss" -v rss2="$rss2" 'BEGIN {
        printf "%-6s %9.2fs %9.2fs %6.2fx %12.1f %12.1f\n", f, one, all, one / all, rss / 1024, rss2 / 1024
    }'
done
