#!/usr/bin/env python3
"""Fails when a dependency's licence is not on the allowed list.

Reads `cargo metadata` (every package the lock file resolves, for every target and
platform, build and dev dependencies included) and checks each package's SPDX
expression: an `OR` is allowed when one side is, an `AND` when both are. A package that
names only a licence file, or an expression this cannot read, fails too.

    python3 .ci/licenses.py          # prints the count per licence, or what is refused
"""
import json
import re
import subprocess
import sys
from collections import Counter

# Permissive licences, plus MPL-2.0 (file-level copyleft: the HTML selector crates,
# used unmodified) and the licence exceptions that only widen Apache-2.0.
ALLOWED = {
    "0BSD", "Apache-2.0", "Apache-2.0 WITH LLVM-exception", "BSD-2-Clause",
    "BSD-3-Clause", "BSL-1.0", "CC0-1.0", "ISC", "MIT", "MIT-0", "MPL-2.0",
    "Unicode-3.0", "Unicode-DFS-2016", "Unlicense", "WTFPL", "Zlib",
}


def tokens(expression):
    # Old crates write "MIT/Apache-2.0" for "MIT OR Apache-2.0".
    expression = expression.replace("/", " OR ")
    return re.findall(r"\(|\)|[A-Za-z0-9.+-]+", expression)


def allowed(expression):
    """Whether the SPDX expression leaves a way to use the package under ALLOWED."""
    toks = tokens(expression)
    pos = 0

    def peek():
        return toks[pos] if pos < len(toks) else None

    def take():
        nonlocal pos
        pos += 1
        return toks[pos - 1]

    def term():
        if peek() == "(":
            take()
            value = either()
            if take() != ")":
                raise ValueError("unbalanced parentheses")
            return value
        name = take()
        if peek() == "WITH":
            take()
            name = f"{name} WITH {take()}"
        return name in ALLOWED

    def both():
        value = term()
        while peek() == "AND":
            take()
            value = term() and value
        return value

    def either():
        value = both()
        while peek() == "OR":
            take()
            value = both() or value
        return value

    value = either()
    if pos != len(toks):
        raise ValueError("trailing words")
    return value


def main():
    out = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--locked"],
        check=True, capture_output=True, text=True,
    ).stdout
    packages = json.loads(out)["packages"]
    refused, counts = [], Counter()
    for p in packages:
        licence = p.get("license")
        counts[licence or "(a licence file)"] += 1
        try:
            ok = bool(licence) and allowed(licence)
        except (ValueError, IndexError) as e:
            ok = False
            licence = f"{licence} (unreadable: {e})"
        if not ok:
            refused.append(f"{p['name']} {p['version']}: {licence or 'no SPDX licence'}")
    if refused:
        print("licences not on the allowed list (.ci/licenses.py):", file=sys.stderr)
        for line in refused:
            print(f"  {line}", file=sys.stderr)
        sys.exit(1)
    print(f"licences: {len(packages)} packages, all allowed")


if __name__ == "__main__":
    main()
