"""Stances: the yes or no with which the groups answer a yes/no question, counted apart from the themes.

"Skal afgiften på cigaretter sættes op?" is answered "Ja." or "Nej, …" before any argument (or
"Klart.", "… skal ikke sættes op", "Det skal være begge dele"); a theme named "Ja" would tell the
reader nothing about what was said. The stance is one unit per
answer (:func:`stance_units`), kept out of the clustering and the points, and counted per year
(:func:`stance_counts`) for one line under the question ("Ja: 5 af 10 · Nej: 3 af 10").
"""

from __future__ import annotations

import pandas as pd

from pipeline.config import SeminarConfig
from pipeline.danish import STANCES, answer_stance, is_yes_no_question
from pipeline.themes.units import UNIT_COLUMNS, unit_row

__all__ = ["stance_counts", "stance_units"]


def stance_units(statements: pd.DataFrame, cfg: SeminarConfig) -> pd.DataFrame:
    """One unit per answer to a yes/no question that gives a stance.

    Where its area's question asks for a yes or no (:func:`pipeline.danish.is_yes_no_question`),
    the stance :func:`pipeline.danish.answer_stance` reads from the answer's statements in order
    (an opening "Ja.", "Klart." or "Måske"; the question's own words repeated with or without a
    negation; "begge dele" when the question sets two things against each other). The unit is
    the span that says it, in the statement that says it.
    """
    questions = {a.name: a.question for a in cfg.core_areas}
    asked = statements[
        statements["core_area"].map(lambda a: is_yes_no_question(questions.get(a, ""))).astype(bool)
    ]
    if "position" in asked.columns:
        asked = asked.sort_values(["note_id", "position"], kind="stable")
    rows = []
    for _, note in asked.groupby("note_id", sort=True):
        said = list(note.itertuples(index=False))
        sentences = []
        for s in said:
            tokens = s.tokens.split()
            upos = s.pos.split() if isinstance(getattr(s, "pos", None), str) else []
            sentences.append((tokens, upos if len(upos) == len(tokens) else []))
        found = answer_stance(questions[said[0].core_area], sentences)
        if found is None:
            continue
        s = said[found.sentence]
        text = " ".join(sentences[found.sentence][0][found.start : found.end])
        rows.append(
            {
                **unit_row(s, f"{s.statement_id}-s0", found.start, found.end),
                "text": text,
                "lemmas": found.stance,
                "head": found.label,
                "words": text,
                "content_at": "0",
                "verbs": "",
                "stance": True,
            }
        )
    return pd.DataFrame(rows, columns=[*UNIT_COLUMNS, "words", "content_at", "verbs", "stance"])


def stance_counts(stances: pd.DataFrame) -> dict[str, list[dict]]:
    """Per year (a string key), each stance the groups gave and which groups gave it, most groups first.

    Args:
        stances: Stance units of one core area (:func:`stance_units`).

    Returns:
        ``{year: [{"stance": "Ja", "groups": [...], "statements": [...]}, ...]}``; among as many
        groups, an either/or question's options first, then the order of
        :data:`pipeline.danish.STANCES`.
    """
    # an either/or question's options first, then the order of STANCES
    order = ["option-1", "option-2", *STANCES]
    out = {}
    for year, yearly in stances.groupby("year", sort=True):
        rows = []
        for word in sorted(set(yearly["lemmas"]), key=order.index):
            own = yearly[yearly["lemmas"] == word]
            rows.append(
                {
                    "stance": str(own["head"].iloc[0]),
                    "groups": sorted({int(g) for g in own["group"]}),
                    "statements": list(dict.fromkeys(own["statement_id"])),
                }
            )
        out[str(int(year))] = sorted(rows, key=lambda r: -len(r["groups"]))
    return out
