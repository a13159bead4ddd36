"""Train the Danish lemmatizer data file from the CDT treebank, with UD Danish dev held out.

Usage:
    python bench/train_lemmatizer.py [--cdt ../shared/data/cdt-danish] \
        [--dev-conllu ../shared/data/ud-danish-ddt/da_ddt-ud-dev.conllu] \
        [--out pipeline/danish/data/lemmatizer_da.json.gz]

Deterministic: the same treebank gives the same bytes.

Held-out data. The UD dev split is not document-aligned with ``ud_split.tsv``: many UD dev
sentences occur in CDT documents labelled ``train``. So two exclusions are applied:

* CDT documents that ``ud_split.tsv`` labels ``dev`` are skipped;
* every remaining CDT sentence that matches a sentence of the UD dev file is dropped
  (see ``leaks_into``): same normalised key (``sentence_key``: lowercase word forms joined
  with all whitespace and ``_`` removed, so CDT ``i_går`` and UD multiword tokens compare
  equal), one key contained in the other (sentence boundaries that differ between the
  treebanks), or a near duplicate (half of the word trigrams shared; CDT and UD differ
  by corrected typos in a few sentences).

The dev file is read only to remove its sentences from the training data; nothing is learned
from it. The counts of dropped sentences and tokens are logged.

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
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.danish.lemma_model import (  # noqa: E402
    DATA_PATH,
    Model,
    edit_script,
    get_sources,
    has_alpha,
)

DEV_CONLLU = ROOT.parent / "shared" / "data" / "ud-danish-ddt" / "da_ddt-ud-dev.conllu"
N_FOLDS = 5
EPOCHS = 6
MIN_WEIGHT = 1e-3


_SPACE_RE = re.compile(r"[\s_]+")
MIN_CONTAINED_KEY = 8  # shorter keys ("ja.", "1.") only match exactly
NEAR_DUP_SHARE = 0.5


def sentence_key(words: Iterable[str]) -> str:
    """Normalised sentence key: lowercase forms joined, all whitespace and ``_`` removed."""
    return _SPACE_RE.sub("", "".join(words)).lower()


def word_trigrams(words: Iterable[str]) -> set[tuple[str, str, str]]:
    """Lowercase word trigrams, with CDT multiword expressions (``i_går``) split."""
    toks = [p for w in words for p in _SPACE_RE.split(w.lower()) if p]
    return {(toks[i], toks[i + 1], toks[i + 2]) for i in range(len(toks) - 2)}


def read_conllu_sentences(path: Path) -> list[list[str]]:
    """Surface word forms of each sentence of a CoNLL-U file (multiword tokens kept whole)."""
    sents: list[list[str]] = []
    cur: list[str] = []
    skip_until = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if cur:
                sents.append(cur)
            cur, skip_until = [], 0
            continue
        if line.startswith("#"):
            continue
        c = line.split("\t")
        tid = c[0]
        if "." in tid:
            continue
        if "-" in tid:
            skip_until = int(tid.split("-")[1])
            cur.append(c[1])
        elif int(tid) > skip_until:
            cur.append(c[1])
    if cur:
        sents.append(cur)
    return sents


class HeldOut:
    """Sentences that must not be trained on (the UD dev file), indexed for ``leaks_into``."""

    def __init__(self, sentences: Iterable[Sequence[str]]) -> None:
        self.keys: set[str] = set()
        self.long_keys: list[str] = []
        self.grams: list[set] = []
        self.gram_index: dict[tuple, list[int]] = defaultdict(list)
        for words in sentences:
            k = sentence_key(words)
            if not k:
                continue
            self.keys.add(k)
            if len(k) >= MIN_CONTAINED_KEY:
                self.long_keys.append(k)
            g = word_trigrams(words)
            if g:
                for t in g:
                    self.gram_index[t].append(len(self.grams))
                self.grams.append(g)
        self.joined = "\n".join(sorted(self.long_keys))

    def __len__(self) -> int:
        return len(self.keys)

    def leaks_into(self, words: Sequence[str]) -> str | None:
        """Why a training sentence matches a held-out sentence, or None when it does not.

        The reason is ``exact``, ``contained`` or ``near``.
        """
        k = sentence_key(words)
        if not k:
            return None
        if k in self.keys:
            return "exact"
        if len(k) >= MIN_CONTAINED_KEY:
            # a fragment of a held-out sentence, or a held-out sentence making up most of it
            if k in self.joined or any(h in k for h in self.long_keys if len(k) / 2 <= len(h) < len(k)):
                return "contained"
        g = word_trigrams(words)
        if g:
            shared: Counter = Counter()
            for t in g:
                for j in self.gram_index.get(t, ()):
                    shared[j] += 1
            for j, n in shared.items():
                if n >= NEAR_DUP_SHARE * len(g) and n >= NEAR_DUP_SHARE * len(self.grams[j]):
                    return "near"
        return None


def read_split(cdt_dir: Path) -> dict[str, str]:
    """``ud_split.tsv``: CDT document id -> ``train`` / ``dev``."""
    split = {}
    for line in (cdt_dir / "ud_split.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            doc, sp = line.split("\t")[:2]
            split[doc.strip()] = sp.strip()
    return split


def split_multiword(form: str, lemma: str) -> list[tuple[str, str]] | None:
    """The (form, lemma) words of a CDT multiword token (``i_går``), or None for a plain token."""
    fparts, lparts = form.split("_"), lemma.split("_")
    if "_" in form and len(form) > 1 and len(fparts) == len(lparts):
        return [(fp, lp) for fp, lp in zip(fparts, lparts) if fp]
    return None


def n_words(rows: Iterable[Sequence[str]]) -> int:
    """Words in CDT rows once multiword tokens are split (as the UD treebank counts them)."""
    return sum(len(split_multiword(c[1], c[2]) or (1,)) for c in rows)


def read_cdt_rows(
    cdt_dir: Path, held_out: HeldOut | None = None, stats: Counter | None = None
) -> dict[str, list[list[list[str]]]]:
    """Train documents only, as raw CoNLL rows: doc_id -> sentences of column lists.

    The form and lemma columns are HTML-unescaped; nothing else is changed (multiword tokens
    stay whole). Sentences matching ``held_out`` are dropped; ``stats`` counts them
    (``sents_<reason>``, ``tokens_excluded``) and the kept ones (``sents_kept``,
    ``tokens_kept``). Shared by the lemmatizer and the tagger trainers so that both hold out
    exactly the same material.
    """
    stats = stats if stats is not None else Counter()
    split = read_split(cdt_dir)
    docs: dict[str, list] = {}
    for f in sorted(glob.glob(str(cdt_dir / "*.conll"))):
        doc_id = os.path.basename(f).split("-")[0]
        if split.get(doc_id) != "train":
            stats["docs_not_train"] += 1
            continue
        sents: list[list[list[str]]] = []
        cur: list[list[str]] = []

        def flush() -> None:
            if not cur:
                return
            why = held_out.leaks_into([c[1] for c in cur]) if held_out is not None else None
            if why is None:
                sents.append(list(cur))
                stats["sents_kept"] += 1
                stats["tokens_kept"] += n_words(cur)
            else:
                stats["sents_" + why] += 1
                stats["tokens_excluded"] += n_words(cur)
            cur.clear()

        for line in open(f, encoding="utf-8"):
            line = line.rstrip("\n")
            if not line.strip():
                flush()
                continue
            c = line.split("\t")
            c[1], c[2] = html.unescape(c[1]), html.unescape(c[2])
            cur.append(c)
        flush()
        docs[doc_id] = sents
    return docs


def read_cdt(
    cdt_dir: Path, held_out: HeldOut | None = None, stats: Counter | None = None
) -> dict[str, list[list[tuple[str, str, str]]]]:
    """Train documents only: doc_id -> sentences of (form, lemma, cpos).

    Sentences matching ``held_out`` are dropped; ``stats`` counts them (``sents_<reason>``,
    ``tokens_excluded``) and the kept ones (``sents_kept``, ``tokens_kept``).
    """
    docs: dict[str, list] = {}
    for doc_id, rows in read_cdt_rows(cdt_dir, held_out, stats).items():
        sents = []
        for sent in rows:
            cur: list[tuple[str, str, str]] = []
            for c in sent:
                form, lemma, cpos, feats = c[1], c[2], c[3], c[5]
                if cpos == "AN" and "transcat=adverbial" in feats:
                    lemma = form.lower()
                parts = split_multiword(form, lemma)
                if parts is not None:
                    for fp, lp in parts:
                        cur.append(
                            (
                                fp,
                                lp if lp[:1].isupper() and fp[:1].isupper() and cpos == "NP" else lp.lower(),
                                cpos,
                            )
                        )
                else:
                    cur.append((form, lemma, cpos))
            sents.append(cur)
        docs[doc_id] = sents
    return docs


def build_lex(docs: list[list[list[tuple[str, str, str]]]]) -> tuple[dict, dict]:
    """The lexicon (form → lemmas by count) and the edit scripts per word ending (the three commonest)."""
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
    """An averaged perceptron over ``data`` (shuffled with ``seed`` each epoch): feature weights."""
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


def add_treebank_arguments(ap: argparse.ArgumentParser) -> None:
    """``--cdt`` (the treebank folder) and ``--dev-conllu`` (UD dev, kept out of training).

    Shared with the tagger's trainer.
    """
    ap.add_argument("--cdt", type=Path, default=ROOT.parent / "shared" / "data" / "cdt-danish")
    ap.add_argument(
        "--dev-conllu",
        type=Path,
        default=DEV_CONLLU,
        help="UD dev CoNLL-U whose sentences are removed from training",
    )


def main(argv: list[str] | None = None) -> int:
    """Train and measure the lemmatizer from the command line (see the module docstring); 0 on success."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_treebank_arguments(ap)
    ap.add_argument("--out", type=Path, default=DATA_PATH)
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    args = ap.parse_args(argv)
    t0 = time.time()
    held_out = HeldOut(read_conllu_sentences(args.dev_conllu))
    stats: Counter = Counter()
    docs = read_cdt(args.cdt, held_out, stats)
    doc_ids = sorted(docs)
    n_ex = sum(v for k, v in stats.items() if k.startswith("sents_") and k != "sents_kept")
    print(
        f"held out: {stats['docs_not_train']} CDT docs not labelled train; {n_ex} sentences / "
        f"{stats['tokens_excluded']} tokens of train docs matching {len(held_out)} sentences of "
        f"{args.dev_conllu.name} (exact {stats['sents_exact']}, contained {stats['sents_contained']}, "
        f"near-duplicate {stats['sents_near']})",
        file=sys.stderr,
    )
    print(
        f"{len(doc_ids)} train docs, {stats['sents_kept']} sentences, {stats['tokens_kept']} tokens",
        file=sys.stderr,
    )
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
    model = Model(
        lex,
        edits,
        weights,
        meta={
            "source": "CDT (Copenhagen Dependency Treebanks); UD-dev documents and every sentence "
            "matching a UD Danish DDT dev sentence excluded",
            "n_sents": stats["sents_kept"],
            "n_tokens": stats["tokens_kept"],
            "n_sents_excluded": n_ex,
            "n_docs": len(doc_ids),
            "n_folds": N_FOLDS,
            "epochs": args.epochs,
        },
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    print(
        f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, {len(weights)} weights) "
        f"in {time.time() - t0:.0f}s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
