"""Dependency scores for ``seminar eval-nlp`` and the bench: UAS and LAS on gold tokens.

See :mod:`pipeline.danish.evaluate` for the conventions (punctuation excluded, tags predicted, the
scheme of the relations checked). The functions take text or parsed sentences, never paths.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

#: Relations only the CDT scheme has (the bundled parser's), to tell it from a UD parser.
_CDT_RELATIONS = frozenset({"nobj", "pobj", "possd", "vobj"})
_SENTENCE_COMPONENTS = frozenset({"danish_sentences", "sentencizer", "senter"})


@dataclass(frozen=True)
class GoldTree:
    """Gold words of one sentence and their dependency tree (0-based heads, root on itself)."""

    words: tuple[str, ...]
    heads: tuple[int, ...]
    deps: tuple[str, ...]
    punct: tuple[bool, ...]
    scored: tuple[bool, ...]


def conllu_trees(sentences: list) -> list[GoldTree]:
    """Gold trees of CoNLL-U sentences.

    Sentences with multiword tokens (their surface forms are not syntactic words) or without
    heads are left out.
    """
    out = []
    for s in sentences:
        if not s.tokens or any(t.head is None or t.deprel is None for t in s.tokens):
            continue
        out.append(
            GoldTree(
                words=tuple(t.form for t in s.tokens),
                heads=tuple(t.head for t in s.tokens),  # type: ignore[misc]
                deps=tuple("ROOT" if t.deprel == "root" else t.deprel for t in s.tokens),  # type: ignore[misc]
                punct=tuple(t.upos == "PUNCT" for t in s.tokens),
                scored=(True,) * len(s.tokens),
            )
        )
    return out


def conllx_trees(text: str) -> list[GoldTree]:
    """Gold trees of a CDT CoNLL-X file (:func:`pipeline.danish.treebank.cdt_tree`)."""
    from pipeline.danish.treebank import cdt_tree, read_conllx

    out = []
    for rows in read_conllx(text):
        t = cdt_tree(rows)
        out.append(
            GoldTree(
                words=t.words,
                heads=t.heads,
                deps=t.deps,
                punct=tuple(t.is_punct(i) for i in range(len(t.words))),
                scored=t.scored,
            )
        )
    return out


def parser_scheme(nlp: Any) -> str | None:
    """``"cdt"`` or ``"ud"``: the relations of the pipeline's parser; None without one."""
    if "parser" not in nlp.pipe_names:
        return None
    labels = set(nlp.get_pipe("parser").labels)
    return "cdt" if labels & _CDT_RELATIONS else "ud"


def evaluate_dependencies(nlp: Any, trees: list[GoldTree], punct: bool = False, batch_size: int = 64) -> dict:
    """UAS and LAS of ``nlp``'s parser on gold-tokenised trees (see the module docstring).

    Each tree is one document, one sentence (the pipeline's sentence splitter is left out);
    the tags are the pipeline's own. Words marked not scored are skipped, and punctuation
    unless ``punct``.
    """
    from spacy.tokens import Doc

    docs = [
        Doc(nlp.vocab, words=list(t.words), sent_starts=[True] + [False] * (len(t.words) - 1)) for t in trees
    ]
    skip = [n for n in nlp.pipe_names if n in _SENTENCE_COMPONENTS]
    with nlp.select_pipes(disable=skip):
        parsed = list(nlp.pipe(docs, batch_size=batch_size))
    n = uas = las = 0
    for t, doc in zip(trees, parsed, strict=True):
        for i, tok in enumerate(doc):
            if not t.scored[i] or (t.punct[i] and not punct):
                continue
            n += 1
            if tok.head.i == t.heads[i]:
                uas += 1
                las += tok.dep_.lower() == t.deps[i].lower()
    return {"uas": uas / n if n else None, "las": las / n if n else None, "dep_words": n}


def dependency_scores(nlp: Any, trees: list[GoldTree], gold_scheme: str) -> dict:
    """:func:`evaluate_dependencies` when the parser's relations are the file's.

    Else (no parser, or ``gold_scheme`` is not the parser's) ``None`` scores and a ``dep_note``
    saying why.
    """
    scheme = parser_scheme(nlp)
    if scheme is None:
        return {"uas": None, "las": None, "dep_words": 0, "dep_note": "the pipeline has no parser"}
    if scheme != gold_scheme:
        return {
            "uas": None,
            "las": None,
            "dep_words": 0,
            "dep_note": f"the parser gives {scheme.upper()} relations, the file has {gold_scheme.upper()}'s: "
            "not comparable (score the parser on a CDT CoNLL-X file)",
        }
    return {
        **evaluate_dependencies(nlp, trees),
        "dep_note": "gold tokens, predicted tags, punctuation excluded",
    }


def evaluate_conllx(nlp: Any, conllx_text: str, batch_size: int = 64) -> dict:
    """Scores of ``nlp`` on a CDT CoNLL-X file: UAS/LAS and words/s of the parse (gold tokens)."""
    trees = conllx_trees(conllx_text)
    t0 = time.perf_counter()
    deps = dependency_scores(nlp, trees, "cdt")
    elapsed = time.perf_counter() - t0
    n_tokens = sum(len(t.words) for t in trees)
    return {
        "token_f": None,
        "sents_f": None,
        "sent_starts_f": None,
        "lemma_acc": None,
        "lemma_acc_content": None,
        "pos_acc": None,
        "lemma_acc_by_upos": {},
        **deps,
        "words_per_second": n_tokens / elapsed if elapsed > 0 else float("inf"),
        "tokenizer_words_per_second": None,
        "n_sentences": len(trees),
        "n_tokens": n_tokens,
        "n_docs": len(trees),
    }
