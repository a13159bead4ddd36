"""Train the bundled Danish dependency parser from the CDT treebank (``make train-nlp``).

Usage:
    python training/train_parser.py [--cdt ../shared/data/cdt-danish] \
        [--dev-conllu ../shared/data/ud-danish-ddt/da_ddt-ud-dev.conllu] \
        [--out pipeline/danish/data/parser] [--fold K]

Steps:

1. Read the CDT documents that ``ud_split.tsv`` labels ``train``, without every sentence that
   also occurs in the UD Danish DDT dev file (``bench/train_lemmatizer.read_cdt_rows``: the
   same held-out filter as the tagger's and the lemmatizer's).
2. Convert each sentence with :func:`pipeline.danish.treebank.cdt_tree` (multiword tokens
   split, the first word heads the rest as ``fixed``; words CDT left unattached hang on the
   main root as ``mod``). Relations keep CDT's names.
3. Train ``training/parser.cfg``: the shipped tagger runs frozen before the parser and tags
   every training sentence (the parser reads predicted tags, as at run time), fixed seed, one
   thread. One train document in ten (``--fold K``, by sorted document id, as the tagger's
   folds) is held out and picks the checkpoint (``model-best``); that model is shipped. The UD
   dev texts are never seen (``bench/bench_nlp.py`` scores them).
4. Save the parser alone (the run-time pipeline has its own tagger) to
   ``pipeline/danish/data/parser`` and print the held-out fold's UAS/LAS (punctuation
   excluded), the training time and the model size.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import pipeline.danish  # noqa: E402,F401  (registers danish_tagger)
from pipeline.danish.parser import PARSER_PATH  # noqa: E402
from pipeline.danish.treebank import CdtTree, cdt_tree  # noqa: E402
from train_lemmatizer import HeldOut, add_treebank_arguments, read_cdt_rows, read_conllu_sentences  # noqa: E402
from train_tagger import dir_size  # noqa: E402  (the same size as the tagger's model reports)

CONFIG = Path(__file__).with_name("parser.cfg")
N_FOLDS = 10
FOLD = 0


def load_trees(cdt_dir: Path, dev_conllu: Path) -> dict[str, list[CdtTree]]:
    """CDT train documents, UD-dev sentences excluded: doc_id -> converted trees."""
    held_out = HeldOut(read_conllu_sentences(dev_conllu))
    stats: Counter = Counter()
    rows = read_cdt_rows(cdt_dir, held_out, stats)
    n_ex = sum(v for k, v in stats.items() if k.startswith("sents_") and k != "sents_kept")
    print(
        f"held out: {stats['docs_not_train']} CDT docs not labelled train; {n_ex} sentences / "
        f"{stats['tokens_excluded']} words of train docs matching {dev_conllu.name}",
        file=sys.stderr,
    )
    return {d: [cdt_tree(s) for s in sents] for d, sents in rows.items()}


def write_docbin(trees: list[CdtTree], path: Path) -> None:
    """One spaCy Doc per sentence with gold heads and relations."""
    import spacy
    from spacy.tokens import Doc, DocBin

    vocab = spacy.blank("da").vocab
    db = DocBin(attrs=["ORTH", "HEAD", "DEP", "SENT_START"])
    for t in trees:
        db.add(Doc(vocab, words=list(t.words), heads=list(t.heads), deps=list(t.deps)))
    db.to_disk(path)


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_treebank_arguments(ap)
    ap.add_argument("--out", type=Path, default=PARSER_PATH)
    ap.add_argument("--config", type=Path, default=CONFIG)
    ap.add_argument(
        "--fold", type=int, default=FOLD, help=f"train doc fold (of {N_FOLDS}) held out, picks the checkpoint"
    )
    ap.add_argument("--work", type=Path, default=None, help="keep the DocBins and checkpoints here")
    ap.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="config override, e.g. training.max_steps=3000 (experiments)",
    )
    args = ap.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    t0 = time.time()
    docs = load_trees(args.cdt, args.dev_conllu)
    ids = sorted(docs)
    train = [t for j, d in enumerate(ids) if j % N_FOLDS != args.fold for t in docs[d]]
    held = [t for j, d in enumerate(ids) if j % N_FOLDS == args.fold for t in docs[d]]
    print(
        f"{len(train)} train sentences / {sum(len(t.words) for t in train)} words; fold {args.fold} held "
        "out: "
        f"{len(held)} sentences / {sum(len(t.words) for t in held)} words",
        file=sys.stderr,
    )

    from spacy.cli.train import train as spacy_train

    work = args.work or Path(tempfile.mkdtemp(prefix="parser-"))
    work.mkdir(parents=True, exist_ok=True)
    write_docbin(train, work / "train.spacy")
    write_docbin(held, work / "held.spacy")
    overrides = {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "held.spacy")}
    for kv in args.set:
        k, v = kv.split("=", 1)
        overrides[k] = json.loads(v) if v[:1] in '0123456789-[{"' else v
    t1, c1 = time.time(), time.process_time()
    spacy_train(args.config, work / "model", overrides=overrides, use_gpu=-1)
    train_s, train_cpu = time.time() - t1, time.process_time() - c1

    import spacy

    nlp = spacy.load(work / "model" / "model-best")
    nlp.remove_pipe("danish_tagger")
    if args.out.exists():
        shutil.rmtree(args.out)
    nlp.to_disk(args.out)
    cfg_path = args.out / "config.cfg"
    cfg_path.write_text(
        re.sub(r"(?m)^(train|dev) = .*$", r"\1 = null", cfg_path.read_text(encoding="utf-8")),
        encoding="utf-8",
    )
    from pipeline.danish.parser import score_trees

    scores = score_trees(held, path=args.out)
    meta_path = args.out / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.pop("performance", None)
    meta.update(
        {
            "name": "danish_parser",
            "spacy_version": ">=3.8.0,<3.9.0",
            "description": (
                "Dependency parser (CDT relations) trained on CDT train documents (UD Danish DDT dev "
                f"sentences excluded; train fold {args.fold} held out to pick the checkpoint) on the "
                "shipped tagger's predicted UPOS, by training/train_parser.py"
            ),
            "held_out_fold": {"fold": args.fold, **scores},
            "training_seconds": round(train_s),
            "training_cpu_seconds": round(train_cpu),  # the machine is shared: CPU time is the cost
        }
    )
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    print(f"held-out fold {args.fold}: {json.dumps(scores)}", file=sys.stderr)
    print(
        f"wrote {args.out} ({dir_size(args.out) / 1e6:.2f} MB); training {train_s:.0f}s ({train_cpu:.0f}s "
        "CPU), "
        f"total {time.time() - t0:.0f}s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
