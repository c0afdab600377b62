#!/usr/bin/env python3
"""Make a benchmark corpus of a given size from any folder of readouts.

Usage: bench/make_corpus.py SOURCE_DIR OUT_DIR MEGABYTES [--seed N] [--per-folder N]

SOURCE_DIR is searched recursively for *.txt files (UTF-8 readouts). Every generated
document keeps the opening (first non-empty line) of one source readout, so meeting
metadata is found as in real texts, followed by a random number of body paragraphs drawn
from all the readouts: realistic text that does not repeat whole documents verbatim.
Documents are written as OUT_DIR/NNNN/docNNNNNNN.txt, --per-folder documents per
sub-folder (default 1000), until MEGABYTES * 10^6 bytes are written. The same source,
size and seed always give the same corpus. Prints one line: documents and bytes.
"""
import argparse
import os
import random
import sys


def readouts(source):
    found = []
    for folder, dirs, files in os.walk(source):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(".txt") and not name.startswith("."):
                with open(os.path.join(folder, name), encoding="utf-8", newline="") as f:
                    found.append(f.read())
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source")
    parser.add_argument("out")
    parser.add_argument("megabytes", type=float)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-folder", type=int, default=1000)
    args = parser.parse_args()

    texts = readouts(args.source)
    openings, bodies = [], []
    for text in texts:
        lines = [l for l in text.replace("\r\n", "\n").split("\n") if l.strip()]
        if not lines:
            continue
        openings.append(lines[0])
        bodies.extend(lines[1:])
    if not openings or not bodies:
        sys.exit(f"make_corpus: no readouts with at least two non-empty lines under {args.source}")

    rng = random.Random(args.seed)
    target = int(args.megabytes * 1_000_000)
    written = count = 0
    os.makedirs(args.out, exist_ok=True)
    while written < target:
        paragraphs = [rng.choice(openings)] + [rng.choice(bodies) for _ in range(rng.randint(5, 20))]
        data = ("\n\n".join(paragraphs) + "\n").encode("utf-8")
        folder = os.path.join(args.out, f"{count // args.per_folder:04d}")
        if count % args.per_folder == 0:
            os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"doc{count:07d}.txt"), "wb") as f:
            f.write(data)
        written += len(data)
        count += 1
    print(f"{count} documents, {written} bytes")


if __name__ == "__main__":
    main()
