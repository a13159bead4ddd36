"""Stances: the yes or no with which the groups answer a yes/no question, counted apart from the themes.

"Skal afgiften på cigaretter sættes op?" is answered "Ja." or "Nej, …" before any argument; a
theme named "Ja" would tell the reader nothing about what was said. The stance is one unit per
answer (:func:`stance_units`), kept out of the clustering and the points, and counted per year
(:func:`stance_counts`) for one line under the question ("Ja: 5 af 10 · Nej: 3 af 10").
"""

from __future__ import annotations

import pandas as pd

from pipeline.config import SeminarConfig
from pipeline.danish import STANCES, echoed_stance, is_yes_no_question, opening_stance
from pipeline.themes.units import UNIT_COLUMNS, unit_row

__all__ = ["stance_counts", "stance_units"]


def stance_units(statements: pd.DataFrame, cfg: SeminarConfig) -> pd.DataFrame:
    """One unit per answer to a yes/no question that gives a stance in its first statement.

    Where its area's question asks for a yes or no (:func:`pipeline.danish.is_yes_no_question`):
    the stance it opens with ("Ja.", "Nej, …": :func:`pipeline.danish.opening_stance`), or
    else the question's modal and verb repeated with or without a negation ("… skal ikke
    sænkes": :func:`pipeline.danish.echoed_stance`).
    """
    questions = {a.name: a.question for a in cfg.core_areas}
    first = (
        statements[statements["position"] == 0]
        if "position" in statements.columns
        else statements.drop_duplicates("note_id")
    )
    rows = []
    for s in first.itertuples(index=False):
        if not is_yes_no_question(questions.get(s.core_area, "")):
            continue
        tokens = s.tokens.split()
        word, start = opening_stance(tokens), 0
        if word is not None:
            end = 1 if tokens[0].lower() == word else 3
        else:
            upos = s.pos.split() if isinstance(getattr(s, "pos", None), str) else []
            echo = echoed_stance(questions[s.core_area], tokens, upos) if len(upos) == len(tokens) else None
            if echo is None:
                continue
            word, start, end = echo
        text = " ".join(tokens[start:end])
        rows.append(
            {
                **unit_row(s, f"{s.statement_id}-s0", start, end),
                "text": text,
                "lemmas": word,
                "head": word,
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
        groups, in the order of :data:`pipeline.danish.STANCES`.
    """
    order = list(STANCES)
    out = {}
    for year, yearly in stances.groupby("year", sort=True):
        rows = []
        for word in sorted(set(yearly["lemmas"]), key=order.index):
            own = yearly[yearly["lemmas"] == word]
            rows.append(
                {
                    "stance": STANCES[word],
                    "groups": sorted({int(g) for g in own["group"]}),
                    "statements": list(dict.fromkeys(own["statement_id"])),
                }
            )
        out[str(int(year))] = sorted(rows, key=lambda r: -len(r["groups"]))
    return out
