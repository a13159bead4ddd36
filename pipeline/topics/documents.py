"""The documents topics are fitted on, and the analyzer that counts their words."""

from __future__ import annotations

import pandas as pd

from pipeline.schemas import Statements, validate

__all__ = ["BOUNDARY", "LemmaNgrams", "topic_documents"]

#: Marks a removed word or a document end: no bigram spans it.
BOUNDARY = "|"


class LemmaNgrams:
    """CountVectorizer analyzer: lemma unigrams and bigrams that never span a removed stop word.

    BERTopic joins all documents of a topic before counting, and stop words are removed, so
    plain n-grams would pair words from different sentences; the documents carry ``|`` marks
    where a word was removed and at their end, and bigrams stop there.
    """

    def __init__(self, stop_words: frozenset[str] = frozenset()) -> None:
        self.stop_words = frozenset(stop_words)

    def __call__(self, doc: str) -> list[str]:
        """The document's lemma unigrams and bigrams (no bigram across a removed word or a boundary)."""
        grams: list[str] = []
        prev = None
        for word in doc.split():
            if word == BOUNDARY or word in self.stop_words or word == "_":
                prev = None
                continue
            grams.append(word)
            if prev is not None:
                grams.append(f"{prev} {word}")
            prev = word
        return grams


def topic_documents(statements: pd.DataFrame, unit: str) -> pd.DataFrame:
    """The documents topics are fitted on: statements, or whole notes (their statements joined).

    Returns:
        One row per document with ``doc_id``, ``note_id``, ``text``, ``lemma_doc`` (content
        lemmas and compound parts; ``"_"`` when empty) and ``topic_doc`` (content lemmas only,
        for topic words).
    """
    st = validate(statements, Statements)
    if unit == "statement":
        docs = pd.DataFrame(
            {
                "doc_id": st["statement_id"],
                "note_id": st["note_id"],
                "text": st["text"],
                "content": st["content_lemmas"],
                "parts": st["compound_parts"],
                "ordered": [
                    _ordered_content(lem, c)
                    for lem, c in zip(st["lemmas"], st["content_lemmas"], strict=True)
                ],
            }
        )
    elif unit == "note":
        grouped = st.groupby("note_id", sort=False)
        docs = pd.DataFrame(
            {
                "doc_id": list(grouped.groups),
                "note_id": list(grouped.groups),
                "text": grouped["text"].agg(" ".join).to_list(),
                "content": grouped["content_lemmas"].agg(" ".join).to_list(),
                "parts": grouped["compound_parts"].agg(" ".join).to_list(),
            }
        )
        ordered = pd.Series(
            [_ordered_content(lem, c) for lem, c in zip(st["lemmas"], st["content_lemmas"], strict=True)],
            index=st.index,
        )
        docs["ordered"] = ordered.groupby(st["note_id"], sort=False).agg(" ".join).to_list()
    else:
        raise ValueError(f"unit must be 'statement' or 'note', not {unit!r}")
    docs["lemma_doc"] = [
        (f"{c} {p}".strip() or "_") for c, p in zip(docs["content"], docs["parts"], strict=True)
    ]
    docs["topic_doc"] = docs["ordered"]
    return docs.drop(columns=["content", "parts", "ordered"]).reset_index(drop=True)


def _ordered_content(lemmas: str, content: str) -> str:
    """The statement's lemmas with every non-content word replaced by a boundary mark."""
    keep = set(content.split())
    return " ".join(lemma if lemma in keep else BOUNDARY for lemma in lemmas.split()) + f" {BOUNDARY}"
