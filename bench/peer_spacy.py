#!/usr/bin/env python3
"""spaCy peer: the rule pipeline a spaCy user would build for the same job.

Usage: bench/peer_spacy.py CORPUS_DIR PATTERNS.jsonl

Pipeline: spacy.blank("en") + "sentencizer" + "entity_ruler" (phrase patterns, exact
case), loaded with readout's own lexicon entries as exported by
`readout lexicon export --format spacy-patterns -o PATTERNS.jsonl`. Texts are read first
(not timed); building the pipeline and adding the patterns is timed as `load_s`; the
annotation loop (nlp.pipe over every text, walking each document's sentences and entities)
is timed as `annotate_s`. Every *.txt under CORPUS_DIR (recursively) is used.
Prints one line: files=N bytes=N entities=N sentences=N load_s=S annotate_s=S mb_per_s=R spacy=VERSION
"""
import json
import os
import sys
import time

import spacy


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    corpus, patterns_file = sys.argv[1], sys.argv[2]
    paths = []
    for folder, dirs, files in os.walk(corpus):
        dirs.sort()
        paths += [os.path.join(folder, f) for f in sorted(files) if f.endswith(".txt")]
    texts = []
    for path in paths:
        with open(path, encoding="utf-8", newline="") as f:
            texts.append(f.read())
    size = sum(len(t.encode("utf-8")) for t in texts)

    started = time.perf_counter()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": None})
    with open(patterns_file, encoding="utf-8") as f:
        patterns = [json.loads(line) for line in f if line.strip()]
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns)
    load = time.perf_counter() - started

    started = time.perf_counter()
    entities = sentences = 0
    for doc in nlp.pipe(texts, batch_size=64):
        entities += len(doc.ents)
        sentences += sum(1 for _ in doc.sents)
    annotate = time.perf_counter() - started
    print(f"files={len(texts)} bytes={size} entities={entities} sentences={sentences} "
          f"load_s={load:.3f} annotate_s={annotate:.3f} mb_per_s={size / annotate / 1e6:.2f} spacy={spacy.__version__}")


if __name__ == "__main__":
    main()
