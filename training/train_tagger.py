"""Train the bundled Danish UPOS tagger from the CDT treebank (``make train-nlp``).

Usage:
    python training/train_tagger.py [--cdt ../shared/data/cdt-danish] \
        [--dev-conllu ../shared/data/ud-danish-ddt/da_ddt-ud-dev.conllu] \
        [--out pipeline/danish/data/tagger] [--check-mapping] [--fold K | --all]

Steps:

1. Read the CDT documents that ``ud_split.tsv`` labels ``train``, without every sentence that
   also occurs in the UD Danish DDT dev file (``bench/train_lemmatizer.read_cdt_rows``: the
   same held-out filter as the lemmatizer's; UD dev is not document-aligned with the split).
2. Map the DDT (PAROLE) tags to Universal POS with :func:`ddt_upos`. The rules were read off
   the CDT sentences that UD dev carries with UD tags (``--check-mapping`` prints the
   agreement); where UD's choice depends on use (``de`` article or pronoun, ``være``
   auxiliary or main verb, ``som`` pronoun or adposition) the CDT dependency tree decides.
3. Write spaCy ``DocBin`` files and train ``training/tagger.cfg`` (one ``tagger`` with its
   own tok2vec and extra lexical features, fixed seed, one thread). The lexical features of
   a training sentence are jackknifed (``--jackknife``, :func:`build_jackknife`): they come
   from a tag dictionary built without the tenth of the train documents it belongs to. For experiments one
   train
   document in ten (``--fold K``, by sorted document id) is held out and scores each
   checkpoint; the settings in ``tagger.cfg`` were chosen that way, never on UD dev. The
   shipped model (``--all``, ``make train-nlp``) trains on every train document for the
   configured number of steps and keeps the last checkpoint.
4. Copy the pipeline (its weights carry the tag dictionary) and the table of lemmas decided
   by the tag (``pos_lemmas.json``) into ``pipeline/danish/data/tagger`` (the package data) and print
   the elapsed time and the model size.
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
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pipeline.danish.components import POS_LEMMAS_FILE  # noqa: E402
from pipeline.danish.tagger import TAGDICT_FILE  # noqa: E402  (registers danish.TaggerEmbed.v1)
from train_lemmatizer import (  # noqa: E402
    HeldOut,
    add_treebank_arguments,
    read_cdt,
    read_cdt_rows,
    read_conllu_sentences,
    sentence_key,
    split_multiword,
)

CONFIG = Path(__file__).with_name("tagger.cfg")
OUT = ROOT / "pipeline" / "danish" / "data" / "tagger"
N_FOLDS = 10
MIN_TAGDICT_COUNT = 2
JACKKNIFE_FOLDS = 10

# DDT coarse tags whose UPOS does not depend on the word or the tree.
_SIMPLE = {
    "NC": "NOUN",
    "NP": "PROPN",
    "XP": "PUNCT",
    "XS": "PUNCT",
    "SP": "ADP",
    "RG": "ADV",
    "PP": "PRON",
    "PC": "PRON",
    "PT": "PRON",
    "CC": "CCONJ",
    "AC": "NUM",
    "AO": "ADJ",
    "I": "INTJ",
    "VE": "VERB",
    "PO": "DET",
    "XF": "X",
    "XA": "X",
    "XX": "X",
}
# Verbs UD Danish tags AUX when they govern a verb (CDT: a ``vobj`` dependent).
_AUX_LEMMAS = frozenset("være have blive kunne skulle ville måtte burde turde gide".split())
# ``være`` with a predicative of these classes is a main verb in UD ("er i gang", "er at ...").
_BE_VERB_PRED = frozenset({"SP", "VA", "CS", "U", "XA"})
_PREPOSITIONS = frozenset(
    "i på til af ad for med om fra efter under over ved mod hos uden inden bag blandt gennem "
    "mellem omkring siden trods via bl. pga.".split()
)
# Words inside CDT multiword tokens (``i_hvert_fald``, ``til_sidst``) that are not nouns in UD.
_MW_WORDS = {
    "hvert": "DET",
    "hver": "DET",
    "a.": "PRON",
    "sidst": "ADV",
    "øvrigt": "ADV",
    "ikke": "ADV",
    "desto": "ADV",
    "mindre": "ADJ",
    "ny": "ADJ",
    "som": "ADV",
    "selv": "ADV",
    "så": "ADV",
    "længe": "ADV",
    "mens": "ADV",
    "nu": "ADV",
    "da": "ADV",
    "end": "ADP",
    "at": "PART",
}


def ddt_upos(rows: Sequence[Sequence[str]], fine: bool = False) -> list[tuple[str, str]]:
    """Map one CDT sentence (raw CoNLL rows) to (word, UPOS) pairs, multiword tokens split.

    Args:
        rows: Column lists of one sentence (id, form, lemma, cpos, tag, feats, head, rel, ...).
        fine: Append the DDT fine tag to the UPOS (``NOUN|NCCSU==I``), for training on the
            finer labels (the tagger adds up their probabilities per UPOS).

    Returns:
        One (form, UPOS) pair per word, in order.
    """
    deps: dict[str, list[tuple[str, str]]] = defaultdict(list)  # head id -> [(rel, cpos)]
    for c in rows:
        deps[c[6]].append((c[7], c[3]))
    out: list[tuple[str, str]] = []
    for c in rows:
        form, lemma, cpos, feats = c[1], c[2], c[3], c[5]
        low = form.lower()
        rels = {r for r, _ in deps[c[0]]}
        parts = split_multiword(form, lemma)
        if parts is not None:
            for j, (fp, _) in enumerate(parts):
                pl = fp.lower()
                if pl in _MW_WORDS and not (j == 0 and pl in _PREPOSITIONS):
                    tag = _MW_WORDS[pl]
                elif pl in _PREPOSITIONS:
                    tag = "ADP"
                elif cpos == "CS" and j == 0:
                    tag = "ADV"
                else:
                    tag = "NOUN"
                out.append((fp, tag + "|MW" if fine else tag))
            continue
        if cpos in _SIMPLE:
            tag = _SIMPLE[cpos]
        elif cpos == "AN":
            tag = "ADV" if "transcat=adverbial" in feats else "ADJ"
        elif cpos == "VA":
            tag = "VERB"
            if lemma in _AUX_LEMMAS and "vobj" in rels:
                tag = "AUX"
            elif lemma == "være":
                preds = {p for r, p in deps[c[0]] if r == "pred"}
                tag = "AUX" if preds and not preds & _BE_VERB_PRED else "VERB"
        elif cpos == "PD":
            tag = "PRON" if low == "selv" else "DET"
        elif cpos == "PI":
            if low in {"man", "hver", "hvert", "alting"}:
                tag = "PRON"
            else:
                tag = "DET" if "nobj" in rels else "PRON"
        elif cpos == "CS":
            tag = "ADP" if low in {"end", "som"} else "SCONJ"
        elif cpos == "U":
            if low == "at":
                tag = "PART"
            elif low == "som":
                tag = "PRON" if c[7] in {"subj", "dobj"} and "nobj" not in rels else "ADP"
            else:
                tag = "PRON"  # der
        else:
            tag = "X"
        out.append((form, f"{tag}|{c[4]}" if fine else tag))
    return out


def check_mapping(cdt_dir: Path, dev_conllu: Path) -> float:
    """Agreement of :func:`ddt_upos` with the UD tags of the CDT sentences found in UD dev.

    Reads every CDT document (whatever its split) only to find those sentences; prints the
    agreement and the most frequent disagreements, and returns the agreement.
    """
    import glob
    import html

    gold: dict[str, list[tuple[str, str]]] = {}
    cur: list[tuple[str, str]] = []
    for line in [*dev_conllu.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if cur:
                gold[sentence_key(w for w, _ in cur)] = cur
            cur = []
        elif not line.startswith("#"):
            c = line.split("\t")
            if "-" not in c[0] and "." not in c[0]:
                cur.append((c[1], c[3]))
    agree = total = n_sents = 0
    errors: Counter = Counter()
    for f in sorted(glob.glob(str(cdt_dir / "*.conll"))):
        sent: list[list[str]] = []
        for line in [*Path(f).read_text(encoding="utf-8").splitlines(), ""]:
            if line.strip():
                c = line.split("\t")
                c[1], c[2] = html.unescape(c[1]), html.unescape(c[2])
                sent.append(c)
                continue
            if sent:
                g = gold.get(sentence_key(c[1] for c in sent))
                pred = ddt_upos(sent)
                if g is not None and len(g) == len(pred):
                    n_sents += 1
                    for (w, p), (_, t) in zip(pred, g):
                        total += 1
                        agree += p == t
                        if p != t:
                            errors[(w.lower(), p, t)] += 1
            sent = []
    acc = agree / max(total, 1)
    print(
        f"mapping check: {n_sents} CDT sentences aligned with {dev_conllu.name}, "
        f"{total} words, UPOS agreement {acc:.4f}",
        file=sys.stderr,
    )
    for (w, p, t), n in errors.most_common(15):
        print(f"  {n:4d}  {w!r}: mapped {p}, UD {t}", file=sys.stderr)
    return acc


def load_train(
    cdt_dir: Path, dev_conllu: Path, fine: bool = False
) -> dict[str, list[list[tuple[str, str, str]]]]:
    """CDT train documents, UD-dev sentences excluded: doc_id -> sentences of (word, UPOS, lemma).

    The lemmas are the lemmatizer's training lemmas (``read_cdt``: UD conventions).
    """
    held_out = HeldOut(read_conllu_sentences(dev_conllu))
    stats: Counter = Counter()
    rows = read_cdt_rows(cdt_dir, held_out, stats)
    lemmas = read_cdt(cdt_dir, held_out)
    n_ex = sum(v for k, v in stats.items() if k.startswith("sents_") and k != "sents_kept")
    print(
        f"held out: {stats['docs_not_train']} CDT docs not labelled train; {n_ex} sentences / "
        f"{stats['tokens_excluded']} words of train docs matching {dev_conllu.name}",
        file=sys.stderr,
    )
    print(
        f"{len(rows)} train docs, {stats['sents_kept']} sentences, {stats['tokens_kept']} words",
        file=sys.stderr,
    )
    out = {}
    for d, sents in rows.items():
        out[d] = []
        for s, lem in zip(sents, lemmas[d], strict=True):
            tagged = ddt_upos(s, fine=fine)
            out[d].append([(w, t, lm[1]) for (w, t), lm in zip(tagged, lem, strict=True)])
    return out


def build_pos_lemmas(sents: list[list[tuple[str, str, str]]]) -> dict[str, dict[str, str]]:
    """UPOS -> {lowercase form: lemma} for forms whose lemma the word class decides.

    Kept: (form, UPOS) pairs seen ``MIN_TAGDICT_COUNT``+ times with one lemma in 90 %+ of
    them, where the form alone is ambiguous (its most frequent lemma has under 90 %) or
    points elsewhere. Proper nouns are left out (their lemma keeps the case).
    """
    by_pos: dict[tuple[str, str], Counter] = defaultdict(Counter)
    by_form: dict[str, Counter] = defaultdict(Counter)
    for s in sents:
        for w, t, lem in s:
            t = t.split("|")[0]
            if t == "PROPN" or not any(ch.isalpha() for ch in w):
                continue
            by_pos[(t, w.lower())][lem] += 1
            by_form[w.lower()][lem] += 1
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for (t, low), c in sorted(by_pos.items()):
        n = sum(c.values())
        lem, k = c.most_common(1)[0]
        if n < MIN_TAGDICT_COUNT or k / n < 0.9:
            continue
        f = by_form[low]
        flem, fk = f.most_common(1)[0]
        if flem != lem or fk / sum(f.values()) < 0.9:
            out[t][low] = lem
    return {t: dict(sorted(v.items())) for t, v in sorted(out.items())}


def build_tagdict(
    sents: list[list[tuple[str, str]]], min_count: int = MIN_TAGDICT_COUNT
) -> dict[str, list[str]]:
    """Lowercase word -> the tags training gave it (sorted), for words seen ``min_count``+ times.

    A tag seen for under 1 % of a word's occurrences is left out (annotation noise).
    """
    counts: dict[str, Counter] = defaultdict(Counter)
    for s in sents:
        for w, t in s:
            counts[w.lower()][t.split("|")[0]] += 1
    out = {}
    for w, c in counts.items():
        n = sum(c.values())
        if n >= min_count:
            out[w] = sorted(t for t, k in c.items() if k / n >= 0.01)
    return out


def build_jackknife(docs: dict[str, list[list[tuple[str, str]]]], k: int, min_count: int) -> dict:
    """Per-fold tag dictionaries for jackknifed training features.

    The training documents (sorted ids) are dealt into ``k`` folds; fold j's dictionary is
    built from the other folds, and every sentence of fold j is keyed to it
    (``pipeline.danish.tagger.jackknife_key``). Training then shows the network the
    dictionary as it is for unseen text: rare words missing, classes without the gold tag.
    """
    from pipeline.danish.tagger import jackknife_key

    ids = sorted(docs)
    fold_of = {d: j % k for j, d in enumerate(ids)}
    sentences = {}
    for d in ids:
        for s in docs[d]:
            sentences.setdefault(jackknife_key([w for w, _ in s]), fold_of[d])
    tagdicts = [
        build_tagdict([s for d in ids if fold_of[d] != j for s in docs[d]], min_count) for j in range(k)
    ]
    return {"sentences": sentences, "tagdicts": tagdicts}


def write_docbin(sents: list[list[tuple[str, str]]], path: Path) -> None:
    """One spaCy Doc per sentence, UPOS as the tag."""
    import spacy
    from spacy.tokens import Doc, DocBin

    vocab = spacy.blank("da").vocab
    db = DocBin(attrs=["ORTH", "TAG"])
    for s in sents:
        db.add(Doc(vocab, words=[w for w, _ in s], tags=[t for _, t in s]))
    db.to_disk(path)


def dir_size(path: Path) -> int:
    """Total bytes of the files under ``path``."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_treebank_arguments(ap)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--config", type=Path, default=CONFIG)
    ap.add_argument(
        "--fold", type=int, default=0, help=f"train doc fold (of {N_FOLDS}) held out and scored (experiments)"
    )
    ap.add_argument(
        "--all",
        action="store_true",
        help="train on every train document for training.max_steps and ship the last "
        "checkpoint (the shipped model; the fold is then only logged, not held out)",
    )
    ap.add_argument("--work", type=Path, default=None, help="keep the DocBins and checkpoints here")
    ap.add_argument("--fine", action="store_true", help="train on UPOS|DDT-tag labels (experiment)")
    ap.add_argument(
        "--jackknife",
        type=int,
        default=JACKKNIFE_FOLDS,
        metavar="K",
        help="jackknifed lexical features: K folds of the train documents (0: off)",
    )
    ap.add_argument(
        "--min-count",
        type=int,
        default=MIN_TAGDICT_COUNT,
        help="a word enters the tag dictionary after this many training occurrences",
    )
    ap.add_argument("--check-mapping", action="store_true", help="only check the DDT->UPOS mapping")
    ap.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="config override, e.g. training.max_steps=3000 (for experiments on train folds)",
    )
    args = ap.parse_args(argv)
    if args.check_mapping:
        check_mapping(args.cdt, args.dev_conllu)
        return 0
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    t0 = time.time()
    docs = load_train(args.cdt, args.dev_conllu, fine=args.fine)
    ids = sorted(docs)
    train_l = [s for j, d in enumerate(ids) if args.all or j % N_FOLDS != args.fold for s in docs[d]]
    train = [[(w, t) for w, t, _ in s] for s in train_l]
    held = [[(w, t) for w, t, _ in s] for j, d in enumerate(ids) if j % N_FOLDS == args.fold for s in docs[d]]
    print(
        f"{sum(map(len, train))} train words; fold {args.fold}: {sum(map(len, held))} words "
        f"({'also trained on, logged only' if args.all else 'held out, picks the checkpoint'})",
        file=sys.stderr,
    )
    tags = Counter(t for s in train for _, t in s)
    print("UPOS in train: " + ", ".join(f"{t} {n}" for t, n in tags.most_common()), file=sys.stderr)

    from spacy.cli.train import train as spacy_train
    from thinc.api import set_gpu_allocator  # noqa: F401  (spaCy imports it; keeps CPU)

    work = args.work or Path(tempfile.mkdtemp(prefix="tagger-"))
    work.mkdir(parents=True, exist_ok=True)
    write_docbin(train, work / "train.spacy")
    write_docbin(held, work / "held.spacy")
    tagdict = build_tagdict(train, args.min_count)
    (work / TAGDICT_FILE).write_text(
        json.dumps(tagdict, ensure_ascii=False, sort_keys=True), encoding="utf-8"
    )
    print(f"tag dictionary: {len(tagdict)} words seen at least {args.min_count} times", file=sys.stderr)
    overrides = {
        "paths.train": str(work / "train.spacy"),
        "paths.dev": str(work / "held.spacy"),
        "paths.tagdict": str(work / TAGDICT_FILE),
    }
    if args.jackknife:
        train_docs = {
            d: [[(w, t) for w, t, _ in s] for s in docs[d]]
            for j, d in enumerate(ids)
            if args.all or j % N_FOLDS != args.fold
        }
        jk = build_jackknife(train_docs, args.jackknife, args.min_count)
        (work / "jackknife.json").write_text(
            json.dumps(jk, ensure_ascii=False, sort_keys=True), encoding="utf-8"
        )
        overrides["paths.jackknife"] = str(work / "jackknife.json")
        print(
            f"jackknifed features: {args.jackknife} folds of {len(train_docs)} train documents",
            file=sys.stderr,
        )
    for kv in args.set:
        k, v = kv.split("=", 1)
        overrides[k] = json.loads(v) if v[:1] in '0123456789-[{"tf' and v not in {"t", "f"} else v
    t1 = time.time()
    spacy_train(args.config, work / "model", overrides=overrides, use_gpu=-1)
    train_s = time.time() - t1
    best = work / "model" / ("model-last" if args.all else "model-best")
    if args.out.exists():
        shutil.rmtree(args.out)
    shutil.copytree(best, args.out)
    pos_lemmas = build_pos_lemmas(train_l)
    (args.out / POS_LEMMAS_FILE).write_text(
        json.dumps(pos_lemmas, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8"
    )
    print(
        f"lemmas decided by the tag: {sum(map(len, pos_lemmas.values()))} (form, UPOS) pairs", file=sys.stderr
    )
    # the dictionary travels inside the weights; the saved config must not point at a temp file
    cfg_path = args.out / "config.cfg"
    cfg_path.write_text(
        re.sub(
            r"(?m)^(train|dev|tagdict|jackknife) = .*$", r"\1 = null", cfg_path.read_text(encoding="utf-8")
        ),
        encoding="utf-8",
    )
    meta_path = args.out / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    if args.all:  # scores on a fold it also trained on would mislead
        meta.pop("performance", None)
    meta.update(
        {
            "name": "danish_upos_tagger",
            # the package pins spacy>=3.8,<3.9; the saved weights load with any 3.8
            "spacy_version": ">=3.8.0,<3.9.0",
            "description": "UPOS tagger trained on CDT train documents (UD Danish DDT dev sentences "
            "excluded), DDT tags mapped to UPOS by training/train_tagger.py",
            "training_seconds": round(train_s),
        }
    )
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"wrote {args.out} ({dir_size(args.out) / 1e6:.2f} MB); training {train_s:.0f}s, "
        f"total {time.time() - t0:.0f}s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
