"""Each theme's "kort sagt" sentence, not the one a higher-ranked theme of its area already quotes.

A long sentence can make several points ("De talte også om samarbejde med virksomheder,
fleksibilitet i regelsættene …"), and each theme's shortest evidence sentence
(:func:`pipeline.themes.describe.in_short`) may then be the same one for three themes of an area:
the overview would quote it three times. Walking an area's themes in the order the reports show
them, a theme whose sentence a theme ranked higher already quotes takes its next sentence instead
(another of its own evidence statements, so a counted group's words that say its point); a theme
with no other sentence keeps its own.
"""

from __future__ import annotations

import json

import pandas as pd

__all__ = ["distinct_summaries"]


def _writes(sid: str, words: set[str], st: pd.DataFrame) -> bool:
    """Whether a statement writes every word of a label (as written or as a lemma)."""
    row = st.loc[sid]
    said = set(str(row.get("text", "")).casefold().split()) | set(
        str(row.get("lemmas", "")).casefold().split()
    )
    said |= {w.strip(".,;:!?()»«\"'") for w in said}
    return words <= said


def _next_sentence(evidence: list[str], used: set[str], st: pd.DataFrame, label: str = "") -> str | None:
    """The evidence statement no theme above quotes: one writing the label's words first, then the shortest.

    A statement that says the point only through a synonym or a derivation ("smidigere
    processer" for "Fleksibilitet") is true evidence but a poor quote beside the label: a reader
    looks for the label's word in it. Ties go to the first in evidence order.
    """
    free = [sid for sid in evidence if sid not in used and sid in st.index]
    if not free:
        return None
    words = set(label.casefold().split())
    return min(
        free,
        key=lambda sid: (
            not _writes(sid, words, st),
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
    out = []
    for row in themes.itertuples(index=False):
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
        out.append(json.dumps(summary, ensure_ascii=False) if summary else row.summary)
    return themes.assign(summary=out)
