"""Train the Danish lemmatizer data file from the CDT treebank (UD-dev documents excluded).

Usage:
    python bench/train_lemmatizer.py [--cdt ../shared/data/cdt-danish] \
        [--out pipeline/danish/data/lemmatizer_da.json.gz]

Deterministic: the same treebank gives the same bytes.

Conventions mapped from CDT to UD Danish while reading the treebank:
* multiword tokens (``i_går``) are split into their words, lemmas split alike;
* adjectives used adverbially (CDT ``transcat=adverbial``) get their form as lemma, as UD
  tags them ADV with lemma = form (``helt``, ``godt``);
* HTML entities in the CDT files (``&quot;``) are unescaped.
"""

from __future__ import annotations

import argparse
import glob
import html
import os
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.danish.lemmatizer import (  # noqa: E402
    DATA_PATH,
    Model,
    edit_script,
    get_sources,
    has_alpha,
)

N_FOLDS = 5
EPOCHS = 6
MIN_WEIGHT = 1e-3


def read_cdt(cdt_dir: Path) -> dict[str, list[list[tuple[str, str, str]]]]:
    """Train documents only: doc_id -> sentences of (form, lemma, cpos)."""
    split = {}
    for line in (cdt_dir / "ud_split.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            doc, sp = line.split("\t")[:2]
            split[doc.strip()] = sp.strip()
    docs: dict[str, list] = {}
    for f in sorted(glob.glob(str(cdt_dir / "*.conll"))):
        doc_id = os.path.basename(f).split("-")[0]
        if split.get(doc_id) != "train":
            continue
        sents, cur = [], []
        for line in open(f, encoding="utf-8"):
            line = line.rstrip("\n")
            if not line.strip():
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            c = line.split("\t")
            form, lemma, cpos, feats = html.unescape(c[1]), html.unescape(c[2]), c[3], c[5]
            if cpos == "AN" and "transcat=adverbial" in feats:
                lemma = form.lower()
            fparts, lparts = form.split("_"), lemma.split("_")
            if "_" in form and len(form) > 1 and len(fparts) == len(lparts):
                for fp, lp in zip(fparts, lparts):
                    if fp:
                        cur.append((fp, lp if lp[:1].isupper() and fp[:1].isupper() and cpos == "NP" else lp.lower(), cpos))
            else:
                cur.append((form, lemma, cpos))
        if cur:
            sents.append(cur)
        docs[doc_id] = sents
    return docs


def build_lex(docs: list[list[list[tuple[str, str, str]]]]) -> tuple[dict, dict]:
    lex: dict[str, Counter] = defaultdict(Counter)
    edits: dict[str, Counter] = defaultdict(Counter)
    for sents in docs:
        for s in sents:
            for form, lemma, cpos in s:
                lex[form][lemma] += 1
                if cpos != "NP" and has_alpha(form) and not lemma[:1].isupper():
                    low = form.lower()
                    sc = edit_script(low, lemma.lower())
                    for k in range(1, 6):
                        if len(low) > k:
                            edits[low[-k:]][sc] += 1
    lex_out = {f: sorted(c.items(), key=lambda x: (-x[1], x[0])) for f, c in lex.items()}
    edits_out = {}
    for suf, c in edits.items():
        tot = sum(c.values())
        if tot >= 2:
            edits_out[suf] = [list(x) for x in sorted(c.items(), key=lambda x: (-x[1], x[0]))[:3]]
    return {k: [list(x) for x in v] for k, v in lex_out.items()}, edits_out


def instances(model: Model, sents, src):
    """(feature lists per candidate, gold index) for tokens that need ranking."""
    out = []
    for s in sents:
        words = [w for w, _, _ in s]
        for i, (form, gold, _) in enumerate(s):
            if model.fast_lemma(form, i == 0) is not None:
                continue
            cands = model.candidates(form, i == 0, src)
            if gold not in cands:
                continue
            ctx = model.context(words, i)
            known = form in model.lex or form.lower() in model.low_lex
            names = sorted(cands)
            feats = [model.features(form, c, cands[c], ctx, known) for c in names]
            out.append((feats, names.index(gold)))
    return out


def train_perceptron(data, epochs: int, seed: int = 13) -> dict[str, float]:
    w: dict[str, float] = defaultdict(float)
    totals: dict[str, float] = defaultdict(float)
    stamps: dict[str, int] = defaultdict(int)
    t = 0
    rng = random.Random(seed)
    order = list(range(len(data)))
    for ep in range(epochs):
        rng.shuffle(order)
        errors = 0
        for idx in order:
            feats, gold = data[idx]
            t += 1
            best, best_s = 0, None
            for k, fl in enumerate(feats):
                s = 0.0
                for f in fl:
                    s += w.get(f, 0.0)
                if best_s is None or s > best_s:
                    best, best_s = k, s
            if best != gold:
                errors += 1
                for f, d in [(f, 1.0) for f in feats[gold]] + [(f, -1.0) for f in feats[best]]:
                    totals[f] += (t - stamps[f]) * w[f]
                    stamps[f] = t
                    w[f] += d
        print(f"  epoch {ep + 1}: {errors}/{len(data)} errors", file=sys.stderr)
    avg = {}
    for f, v in w.items():
        tot = totals[f] + (t - stamps[f]) * v
        a = tot / t
        if abs(a) >= MIN_WEIGHT:
            avg[f] = round(a, 4)
    return avg


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cdt", type=Path, default=ROOT.parent / "shared" / "data" / "cdt-danish")
    ap.add_argument("--out", type=Path, default=DATA_PATH)
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    args = ap.parse_args(argv)
    t0 = time.time()
    docs = read_cdt(args.cdt)
    doc_ids = sorted(docs)
    print(f"{len(doc_ids)} train docs, {sum(len(s) for d in docs.values() for s in d)} tokens", file=sys.stderr)
    src = get_sources()
    data = []
    for k in range(N_FOLDS):
        held = [d for j, d in enumerate(doc_ids) if j % N_FOLDS == k]
        rest = [docs[d] for j, d in enumerate(doc_ids) if j % N_FOLDS != k]
        lex, edits = build_lex(rest)
        fold_model = Model(lex, edits, {})
        for d in held:
            data.extend(instances(fold_model, docs[d], src))
    print(f"{len(data)} ranking instances", file=sys.stderr)
    weights = train_perceptron(data, args.epochs)
    lex, edits = build_lex([docs[d] for d in doc_ids])
    model = Model(lex, edits, weights, meta={
        "source": "CDT (Copenhagen Dependency Treebanks), UD-dev documents excluded",
        "n_docs": len(doc_ids), "n_folds": N_FOLDS, "epochs": args.epochs,
    })
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, {len(weights)} weights) "
          f"in {time.time() - t0:.0f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
