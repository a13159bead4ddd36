"""Each theme's "kort sagt" sentence, not the one a higher-ranked theme of its area already quotes.

A long sentence can make several points ("De talte også om samarbejde med virksomheder,
fleksibilitet i regelsættene …"), and each theme's own sentence
(:func:`in_short`) may then be the same one for three themes of an area:
the overview would quote it three times. Walking an area's themes in the order the reports show
them (the points first, then the themes that only restate the area or its question), a theme whose
sentence a theme walked earlier already quotes takes its next sentence instead (another of its own
evidence statements, so a counted group's words that say its point); a theme with no other
sentence keeps its own.

Among a theme's sentences the one it quotes is the one most about its point: the largest share
of its content words saying the label's words (:func:`label_share`). A sentence listing four
points ("… samarbejder og behovet for klarhed omkring opgaverne …, samt … teknologi og inddrage
unge frivillige") says each of them less than one making two.
"""

from __future__ import annotations

import json

import pandas as pd

from pipeline.danish import STOP_WORDS
from pipeline.danish.connectives import leans_back
from pipeline.danish.inflection import related

__all__ = ["distinct_summaries", "in_short", "label_share", "label_words_said"]


def _says(lemma: str, word: str) -> bool:
    """Whether a statement's lemma says a label's word: the same word, or a derivation either way.

    "inddrage" says "inddragelse", "teknologi" says "teknologisk"; a label word as written
    ("unge") says its lemma ("ung").
    """
    # a derivation either way; the label's word is no verb of the statement's
    return lemma == word.rstrip("e") or related(lemma, word, frozenset({lemma}))


def label_share(content_lemmas: str, label_words: list[str]) -> float:
    """The share of a statement's content words that say one of the label's words (0 to 1).

    A sentence whose content is mostly the label's words is about the label's point; one
    listing four points gives it a quarter at most. Each content word counts once.

    Args:
        content_lemmas: The statement's content lemmas, space-separated (``content_lemmas``), or
            its words as written when there are none (punctuation is left out).
        label_words: The label's own words (stop words left out), as lemmas or as written.
    """
    lemmas = [w.strip(".,;:!?()»«\"'") for w in str(content_lemmas or "").casefold().split()]
    lemmas = [w for w in lemmas if w]
    words = [w.casefold() for w in label_words if w]
    if not lemmas or not words:
        return 0.0
    return round(sum(any(_says(lem, w) for w in words) for lem in lemmas) / len(lemmas), 6)


def label_words_said(content_lemmas: str, label_words: list[str]) -> int:
    """How many of the label's words a statement says (as a content word or a derivation of one).

    Unlike :func:`label_share` it does not fall with the sentence's length: a long sentence
    saying "inddragelse" and "unge" says the label as fully as a short one.

    Args:
        content_lemmas: The statement's content lemmas (or its words), space-separated.
        label_words: The label's own words (stop words left out), as lemmas or as written.
    """
    lemmas = {w.strip(".,;:!?()»«\"'") for w in str(content_lemmas or "").casefold().split()} - {""}
    return sum(any(_says(lem, w.casefold()) for lem in lemmas) for w in dict.fromkeys(label_words) if w)


def in_short(
    units: pd.DataFrame, ranked: list[int], st: pd.DataFrame, label_words: tuple[str, ...] = ()
) -> dict:
    """The theme "in short": one whole sentence of a counted group's notes that makes its point.

    A clause cut out of a sentence can change what it says ("frivillighedsarbejde blandt
    pårørende" was a group's wish for a better word than "opgaveløsning" for it), so the summary
    is a whole statement (a sentence or a bullet as the notes give it) that stands on its own (not
    "Men …", "De talte også om …": :func:`~pipeline.danish.connectives.leans_back`) where one
    saying as many of the label's words as the best does (:func:`label_words_said`; a group's
    sentence leaning on its note's first one is kept, as written, where it alone says them), the one
    most about the label's point, whose content words are most the label's own
    (:func:`label_share`; ``label_words``, lemmas), and among those
    alike the one nearest the theme's centre (``ranked``: unit positions, most central first). A
    sentence listing four points says each of them less than one making two; a short sentence is
    no better for being short when its share of the label is no larger.
    """
    seen: dict[str, int] = {}
    for rank, pos in enumerate(ranked):
        seen.setdefault(units.iloc[int(pos)].statement_id, rank)
    # the content lemmas where the statements carry them, else the words as written
    column = "content_lemmas" if "content_lemmas" in st.columns else "text"
    said = {sid: label_share(st.loc[sid, column], label_words) for sid in seen}
    # a sentence leaning on the one before gives way only to one saying as many of the label's words
    # (its share may be lower: a longer sentence says the same words among more)
    words = {sid: label_words_said(st.loc[sid, column], list(label_words)) for sid in seen}
    near = [sid for sid in seen if words[sid] >= max(words.values())]
    best = min(near, key=lambda sid: (_leans(sid, st), -said[sid], seen[sid]))
    first = units[units["statement_id"] == best].iloc[0]
    text = " ".join(str(st.loc[best, "text"]).split())
    return {"statement_id": best, "group": int(first.group), "text": text[:1].upper() + text[1:]}


def _leans(sid: str, st: pd.DataFrame) -> bool:
    """Whether a statement leans on the sentence before it (:func:`~pipeline.danish.connectives.leans_back`).

    Its tokens and tags where the table carries them (a pronoun is told from an article), else
    its text.
    """
    row = st.loc[sid]
    if "tokens" in st.columns and "pos" in st.columns and isinstance(row["pos"], str):
        return leans_back(str(row["tokens"]), row["pos"])
    return leans_back(str(row["text"]))


def _writes(sid: str, words: set[str], st: pd.DataFrame) -> bool:
    """Whether a statement writes every word of a label (as written or as a lemma)."""
    row = st.loc[sid]
    said = set(str(row.get("text", "")).casefold().split()) | set(
        str(row.get("lemmas", "")).casefold().split()
    )
    said |= {w.strip(".,;:!?()»«\"'") for w in said}
    return words <= said


def _next_sentence(evidence: list[str], used: set[str], st: pd.DataFrame, label: str = "") -> str | None:
    """The evidence statement no theme above quotes: one writing the label's words first.

    A statement that says the point only through a synonym or a derivation ("smidigere
    processer" for "Fleksibilitet") is true evidence but a poor quote beside the label: a reader
    looks for the label's word in it. Among those alike, one that stands on its own (not "Men …"),
    then the one most about the label's point
    (:func:`label_share`), then the shortest; ties go to the first in evidence order.
    """
    free = [sid for sid in evidence if sid not in used and sid in st.index]
    if not free:
        return None
    words = set(label.casefold().split())
    content = [w for w in label.casefold().split() if w not in STOP_WORDS]
    return min(
        free,
        key=lambda sid: (
            not _writes(sid, words, st),
            _leans(sid, st),
            -label_share(st.loc[sid].get("content_lemmas", st.loc[sid, "text"]), content),
            len(str(st.loc[sid, "text"]).split()),
            evidence.index(sid),
        ),
    )


def _summary(sid: str, st: pd.DataFrame, fallback: int) -> dict:
    """The summary record of one statement: its id, its group and its text (first letter upper case)."""
    text = " ".join(str(st.loc[sid, "text"]).split())
    group = int(st.loc[sid, "group"]) if "group" in st.columns else fallback
    return {"statement_id": sid, "group": group, "text": text[:1].upper() + text[1:]}


def distinct_summaries(themes: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """The themes with no "kort sagt" sentence quoted twice within an area and year.

    A "kort sagt" that does not write the label's own wording gives way to an evidence
    sentence that does ("Fleksibilitet (smidigere processer)" is quoted from the group that
    wrote "fleksibilitet"): a reader looks for the label's word in the sentence beside it.

    Args:
        themes: The themes table in report order (:func:`pipeline.themes.describe.order_themes`).
        statements: The ``statements`` table (``statement_id``, ``text``, ``group``).

    Returns:
        The themes, each ``summary`` a sentence no theme ranked above it in its area quotes where
        its own evidence has one; the rest unchanged. Deterministic: it depends only on the order.
    """
    if themes.empty or "summary" not in themes.columns:
        return themes
    st = statements.drop_duplicates("statement_id").set_index("statement_id")
    used: dict[tuple, set[str]] = {}
    out: dict[int, str] = {}
    # a theme that only restates the area or its question chooses after the points: its sentence
    # ("… samarbejde mellem frivillige organisationer …" for "Frivillige") is a point's best one
    rows = list(themes.itertuples(index=False))
    restating = [
        bool(getattr(r, "restates_area", False) or getattr(r, "restates_question", False)) for r in rows
    ]
    for i in sorted(range(len(rows)), key=lambda i: restating[i]):
        row = rows[i]
        summary = json.loads(row.summary) if row.summary else {}
        seen = used.setdefault((row.year, row.core_area), set())
        sid = summary.get("statement_id")
        # the label's own wording: "Fleksibilitet" of "Fleksibilitet (smidigere processer)"
        main = str(getattr(row, "label", "")).split(" (", 1)[0]
        words = set(main.casefold().split())
        silent = bool(sid) and sid in st.index and not _writes(sid, words, st)
        if sid in seen or silent:
            other = _next_sentence(str(row.evidence).split(), seen, st, main)
            # a sentence not quoted above is kept unless another one writes the label's word
            if other is not None and (sid in seen or _writes(other, words, st)):
                summary = _summary(other, st, int(summary.get("group", 0)))
                sid = other
        if sid:
            seen.add(sid)
        out[i] = json.dumps(summary, ensure_ascii=False) if summary else row.summary
    return themes.assign(summary=[out[i] for i in range(len(themes))])
