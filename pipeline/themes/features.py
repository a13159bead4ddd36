"""Unit vectors for sub-themes: what a phrase means (E5) and which words it uses (lemmas and compound parts).

Two units are about the same point when they mean the same ("unge frivillige", "kommende
generationer") or use the same word ("kommunikation", "tydelig kommunikation",
"IT-kompetencer", "medarbejdernes kompetencer"). Each unit is therefore the concatenation of
two L2-normalised parts, its semantic vector and its lexical vector, so that the cosine of two
units is the mean of their semantic and lexical cosines.

* semantic: the E5 embedding of the unit's lemmas, centred on the mean of the units it is
  clustered with. Centring per core area removes what all the area's units share — the words
  of the area's own question — so they do not pull every unit into one theme.
* lexical: TF-IDF over the unit's lemmas, the parts of its compounds and the words it is
  derived from (a part or stem only when it is a word of its own among the units: the
  splitter over-splits ``digitalisering``), with the
  IDF of all units of the analysis, so that a word used everywhere (``løsning``, ``indsats``)
  weighs little.
"""

from __future__ import annotations

from bisect import bisect_left

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from pipeline.themes.units import unit_parts

__all__ = ["fit_lexical", "lexical_documents", "unit_vectors"]


def _stems(vocabulary: set[str]) -> dict[str, list[str]]:
    """Per word, the shorter words of the vocabulary it is derived from.

    ``frivillighed`` → ``frivillig``, ``koordinering`` → ``koordinere``: one begins with the other
    less a final ``e``, at least five letters.
    """
    stems: dict[str, list[str]] = {}
    by_prefix = sorted(vocabulary)
    for v in by_prefix:
        base = v.rstrip("e")
        if len(base) < 5 or not base.isalpha():
            continue
        for w in by_prefix[bisect_left(by_prefix, base) :]:
            if not w.startswith(base):
                break
            if w != v:
                stems.setdefault(w, []).append(v)
    return stems


def lexical_documents(lemma_docs: list[str], vocabulary: set[str] | None = None) -> list[str]:
    """Each unit's lemmas, then the parts of its compounds and the words it derives from.

    Parts and stems only when they occur among the units (or in ``vocabulary``).
    """
    vocabulary = vocabulary if vocabulary is not None else {w for doc in lemma_docs for w in doc.split()}
    stems = _stems(vocabulary)
    out = []
    for doc in lemma_docs:
        words = doc.split()
        extra = [p for w in words for p in unit_parts(w) if p in vocabulary] + [
            v for w in words for v in stems.get(w, [])
        ]
        # a part that is also a stem ("kompetence" of "kompetenceudvikling") counts once
        out.append(" ".join(words + [e for e in dict.fromkeys(extra) if e not in words]))
    return out


def fit_lexical(lemma_docs: list[str]) -> TfidfVectorizer | None:
    """The lexical space, fitted on all units of the analysis.

    So a general word (``løsning``, used in every area) weighs little.
    """
    docs = lexical_documents(lemma_docs)
    if not any(d.strip() for d in docs):
        return None
    return TfidfVectorizer(token_pattern=r"\S+", sublinear_tf=True, lowercase=False).fit(docs)


def unit_vectors(
    lemma_docs: list[str],
    raw_embeddings: np.ndarray,
    *,
    lexical: TfidfVectorizer | None = None,
    semantic_weight: float = 0.5,
) -> np.ndarray:
    """Vectors of units that are clustered together (one core area, or all areas for cross-cutting themes).

    Args:
        lemma_docs: Each unit's content lemmas, space-separated.
        raw_embeddings: Their (uncentred) semantic embeddings, one row per unit.
        lexical: The lexical space (:func:`fit_lexical`); fitted on these units when None.
        semantic_weight: Share of the semantic part in the cosine (the lexical part gets the rest).

    Returns:
        L2-normalised rows: ``[sqrt(w)·semantic, sqrt(1-w)·lexical]``.
    """
    n = len(lemma_docs)
    if n == 0:
        return np.zeros((0, raw_embeddings.shape[1] if raw_embeddings.ndim == 2 else 0))
    semantic = raw_embeddings - raw_embeddings.mean(axis=0) if n > 1 else raw_embeddings
    semantic = normalize(semantic)
    lexical = lexical or fit_lexical(lemma_docs)
    if lexical is None:
        words = np.zeros((n, 1))
    else:
        words = normalize(
            lexical.transform(lexical_documents(lemma_docs, set(lexical.vocabulary_))).toarray()
        )
    return normalize(np.hstack([np.sqrt(semantic_weight) * semantic, np.sqrt(1 - semantic_weight) * words]))
