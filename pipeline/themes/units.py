"""Units below the sentence: the key phrases a sub-theme is made of.

One sentence of a note often makes two or three points ("… behovet for klarhed omkring
opgaverne i ældreplejen, samt mulighederne for at udnytte teknologi og inddrage unge
frivillige"), so themes are found over *units*: the noun phrases of each statement
(:func:`pipeline.nlp.noun_phrases` over the tagger's word classes), without the frame nouns
that only say that something matters (``behovet for …``, see
:mod:`pipeline.danish.frame_words`). Without word classes (a pipeline with no tagger) a unit
is a run of content words. A statement can hold several units, so it can belong to several
themes.
"""

from __future__ import annotations

import pandas as pd

from pipeline.danish import FRAME_NOUNS, split_compound

__all__ = ["UNIT_COLUMNS", "make_units", "unit_parts"]

UNIT_COLUMNS = ["unit_id", "statement_id", "note_id", "year", "core_area", "group", "start", "end", "text", "lemmas", "head"]

_NOUN_TAGS = frozenset({"NOUN", "PROPN"})


def unit_parts(lemma: str) -> list[str]:
    """The parts of a compound lemma (``it-kompetence`` → ``it``, ``kompetence``; ``kompetenceudvikling`` → ``kompetence``, ``udvikling``)."""
    if "-" in lemma:
        return [p for p in lemma.split("-") if len(p) > 1]
    parts = split_compound(lemma)
    return parts if len(parts) > 1 else []


def _content(lemma: str, word: str, stops: frozenset[str]) -> bool:
    return len(lemma) > 1 and any(ch.isalpha() for ch in word) and lemma not in stops and lemma not in FRAME_NOUNS


def _spans(words: list[str], lemmas: list[str], upos: list[str], stops: frozenset[str]) -> list[tuple[int, int]]:
    """Noun-phrase spans without leading frame nouns, or runs of content words when there are no tags."""
    if any(tag != "X" for tag in upos):
        from pipeline.nlp import noun_phrases

        spans = []
        for start, end in noun_phrases(words, upos):
            # "behovet" alone, or "tydelig kommunikation": keep from the first content word on
            while start < end and not _content(lemmas[start], words[start], stops):
                start += 1
            if start < end and upos[end - 1] in _NOUN_TAGS and _content(lemmas[end - 1], words[end - 1], stops):
                spans.append((start, end))
        return spans
    spans, start = [], None
    for i, (word, lemma) in enumerate(zip(words, lemmas, strict=True)):
        if _content(lemma, word, stops) and word.isalpha():
            start = i if start is None else start
        elif start is not None:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(words)))
    return spans


def make_units(statements: pd.DataFrame, stop_words: frozenset[str] = frozenset()) -> pd.DataFrame:
    """The units of every statement.

    Args:
        statements: The ``statements`` table (``tokens``, ``lemmas`` and, when tagged, ``pos``).
        stop_words: Lemmas that never start or end a unit.

    Returns:
        One row per unit: ``unit_id`` (``<statement_id>-u<n>``), the statement's ids, area and
        group, the token span ``start``/``end``, ``text`` (the words as the group wrote them),
        ``lemmas`` (content lemmas of the span, space-separated) and ``head`` (the lemma of the
        last word: what the phrase is about).
    """
    rows = []
    has_pos = "pos" in statements.columns
    for s in statements.itertuples(index=False):
        words, lemmas = s.tokens.split(), s.lemmas.split()
        upos = s.pos.split() if has_pos else ["X"] * len(words)
        if not (len(words) == len(lemmas) == len(upos)):
            continue  # a statement whose analysis does not align has no units (never seen; defensive)
        for n, (start, end) in enumerate(_spans(words, lemmas, upos, stop_words)):
            content = [lem for lem, w in zip(lemmas[start:end], words[start:end], strict=True) if _content(lem, w, stop_words)]
            rows.append(
                {
                    "unit_id": f"{s.statement_id}-u{n}",
                    "statement_id": s.statement_id,
                    "note_id": s.note_id,
                    "year": int(s.year),
                    "core_area": s.core_area,
                    "group": int(s.group),
                    "start": start,
                    "end": end,
                    "text": " ".join(words[start:end]).replace("_", " "),
                    "lemmas": " ".join(content),
                    "head": lemmas[end - 1],
                }
            )
    return pd.DataFrame(rows, columns=UNIT_COLUMNS)
