"""Benchmark the Danish spaCy pipeline on UD Danish DDT dev.

Usage: python bench/bench_nlp.py [--conllu PATH] [--sentences danish_sentences|sentencizer]

Pipeline: spacy.blank("da") + pipeline.danish tokenizer exceptions, a sentence splitter,
danish_lemmatizer. Prints a table and one JSON line. ``words_per_second`` is the first
(cold) pass of a freshly built pipeline; ``warm`` is a second pass over the same texts
(tokenizer and lemmatizer caches filled). ``blank_tokenizer_wps`` is bare
``spacy.blank("da").tokenizer`` on the same texts in the same run (cold).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

from pipeline.danish import make_nlp  # noqa: E402
from pipeline.evaluate import build_gold_doc, evaluate_nlp, group_documents, read_conllu  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "ud-danish-ddt" / "da_ddt-ud-dev.conllu"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--conllu", type=Path, default=DEFAULT)
    ap.add_argument("--sentences", default="danish_sentences")
    args = ap.parse_args(argv)
    text = args.conllu.read_text(encoding="utf-8")
    texts = [build_gold_doc(g).text for g in group_documents(read_conllu(text))]
    n_words = sum(len(s.tokens) for s in read_conllu(text))

    blank = spacy.blank("da")
    t0 = time.perf_counter()
    for t in texts:
        blank.tokenizer(t)
    blank_wps = n_words / (time.perf_counter() - t0)

    t0 = time.perf_counter()
    nlp = make_nlp(sentences=args.sentences)
    load_s = time.perf_counter() - t0
    res = evaluate_nlp(nlp, text)
    warm = evaluate_nlp(nlp, text)["words_per_second"]
    out = {
        "pipeline": nlp.pipe_names,
        "token_f": round(res["token_f"], 4),
        "sents_f": round(res["sents_f"], 4),
        "sent_starts_f": round(res["sent_starts_f"], 4),
        "lemma_acc": round(res["lemma_acc"], 4),
        "lemma_acc_content": round(res["lemma_acc_content"], 4),
        "pos_acc": res["pos_acc"],
        "words_per_second": round(res["words_per_second"]),
        "words_per_second_warm": round(warm),
        "blank_tokenizer_wps": round(blank_wps),
        "load_seconds": round(load_s, 2),
        "n_sentences": res["n_sentences"],
        "n_tokens": res["n_tokens"],
    }
    w = max(len(k) for k in out)
    print(f"{'metric':<{w}}  value")
    for k, v in out.items():
        print(f"{k:<{w}}  {v}")
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
