#!/usr/bin/env bash
# Annotate a JSONL corpus with GNU parallel: blocks of lines go to one onrecord filter
# each, on every core (or every host, with --sshlogin), and come back in input order
# (-k). The record's own short fields (an "id") come back under article.extra.
#
#   examples/parallel_annotate.sh corpus.jsonl > annotated.jsonl [ONRECORD]
set -euo pipefail
corpus=${1:?usage: parallel_annotate.sh CORPUS.jsonl [ONRECORD] > OUT.jsonl}
onrecord=${2:-$(command -v onrecord || echo target/release/onrecord)}
# --pipe splits on line ends, so every block is whole records; BLOCK sets their size.
parallel --pipe -k --block "${BLOCK:-1M}" --halt now,fail=1 \
  "$onrecord" annotate - --input-format jsonl --format jsonl < "$corpus"
