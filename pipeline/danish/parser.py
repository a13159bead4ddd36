"""The bundled Danish dependency parser (spaCy ``parser``, CDT relations).

Trained on the CDT treebank by ``training/train_parser.py`` (``make train-nlp``) on the
shipped tagger's predicted UPOS (its tok2vec reads ``POS``), so it runs after ``danish_tagger``.
It lives in ``data/parser`` inside the package and is sourced into the pipeline by
:func:`add_parser`. It respects the sentence boundaries set before it (``danish_sentences``):
one tree per sentence. Relations are CDT's (``subj``, ``dobj``, ``pobj``, ``nobj``, ``mod``,
``possd``, ``conj``, ``coord``, ``pnct``, ...; see :mod:`pipeline.danish.treebank` for the
conversion) and are read by :mod:`pipeline.danish.syntax`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from .treebank import CdtTree

PARSER_PATH = Path(__file__).parent / "data" / "parser"


def parser_available(path: str | Path = PARSER_PATH) -> bool:
    """True when ``path`` holds a saved parser pipeline (config and weights)."""
    p = Path(path)
    return (p / "config.cfg").is_file() and (p / "parser" / "model").is_file()


@lru_cache(maxsize=2)
def _load(path: str):
    import spacy

    return spacy.load(path)


def add_parser(nlp, path: str | Path = PARSER_PATH, name: str = "parser") -> None:
    """Add the saved parser to ``nlp`` (after its tagger: the parser reads ``token.pos``)."""
    nlp.add_pipe("parser", name=name, source=_load(str(Path(path).resolve())))


def score_trees(
    trees: Iterable[CdtTree], nlp=None, punct: bool = False, path: str | Path = PARSER_PATH
) -> dict:
    """Unlabelled and labelled attachment scores of the parser on gold-tokenised trees.

    Each tree is one document of its gold words, one sentence; the tags are predicted (the
    bundled tagger), the heads and relations compared with the gold ones.

    Args:
        trees: Gold trees (:func:`pipeline.danish.treebank.cdt_tree`).
        nlp: A pipeline with the tagger and the parser; None builds the bundled one.
        path: The saved parser to use when ``nlp`` is None.
        punct: Score punctuation too (the CoNLL-X 2006 anchors exclude it: default False).

    Returns:
        ``{"uas": float, "las": float, "words": int}`` over the scored words (words CDT left
        unattached are never scored).
    """
    from spacy.tokens import Doc

    if nlp is None:
        nlp = parsing_nlp(path)
    trees = list(trees)
    docs = []
    for t in trees:
        doc = Doc(nlp.vocab, words=list(t.words), sent_starts=[True] + [False] * (len(t.words) - 1))
        docs.append(doc)
    n = uas = las = 0
    for t, doc in zip(trees, nlp.pipe(docs, batch_size=256), strict=True):
        for i, tok in enumerate(doc):
            if not t.scored[i] or (not punct and t.is_punct(i)):
                continue
            n += 1
            if tok.head.i == t.heads[i]:
                uas += 1
                las += tok.dep_ == t.deps[i]
    return {"uas": round(uas / max(n, 1), 4), "las": round(las / max(n, 1), 4), "words": n}


def parsing_nlp(path: str | Path = PARSER_PATH):
    """A blank Danish pipeline with the bundled tagger and the parser at ``path`` only (for scoring)."""
    import spacy

    from . import tagger  # noqa: F401  (registers danish_tagger)

    nlp = spacy.blank("da")
    nlp.add_pipe("danish_tagger")
    add_parser(nlp, path)
    return nlp
