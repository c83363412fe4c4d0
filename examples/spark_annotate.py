#!/usr/bin/env python3
"""Annotate a JSONL corpus with Apache Spark, one partition at a time.

Each partition's lines are piped through `onrecord annotate - --input-format jsonl
--format jsonl` (rdd.pipe), which writes one annotated line per record, in order. The
record's own short fields (an "id") come back under article.extra, to join on.

    python3 examples/spark_annotate.py corpus.jsonl out.jsonl [--onrecord PATH] [--master local[2]]

On a cluster, ship the binary with --files (or install it on every node) and point
--onrecord at it; the input can be any path Spark reads (HDFS, S3).
"""

import argparse
import os
import shlex
import shutil
import sys


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", help="a JSONL corpus, one article per line")
    ap.add_argument("out", help="where the annotated JSONL goes (one file)")
    ap.add_argument("--onrecord", default=shutil.which("onrecord") or "target/release/onrecord")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", type=int, default=4)
    args = ap.parse_args()

    from pyspark.sql import SparkSession  # imported late: --help works without Spark

    spark = (
        SparkSession.builder.master(args.master)
        .appName("onrecord-annotate")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    command = [os.path.abspath(args.onrecord), "annotate", "-", "--input-format", "jsonl",
               "--format", "jsonl"]
    lines = spark.sparkContext.textFile(os.path.abspath(args.corpus), args.partitions)
    annotated = lines.filter(lambda line: line.strip()).pipe(shlex.join(command))
    with open(args.out, "w", encoding="utf-8") as out:
        for line in annotated.toLocalIterator():
            out.write(line + "\n")
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
