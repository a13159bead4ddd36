"""What a core area's page shows beside its themes.

The question's given options, the stance line, each group's own words.

Built from the analysis's quality record (``options`` and ``stances`` per area and year, from
:mod:`pipeline.themes.options` and :mod:`pipeline.themes.stances`) and the theme's units; used
by the area pages and the overview.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from pipeline.config import SeminarConfig
from pipeline.report.wording import da_list, lower_first

if TYPE_CHECKING:
    from pipeline.flows.analysis import Analysis

__all__ = [
    "area_theme_options",
    "as_option",
    "group_specifics",
    "options_sentence",
    "own_span",
    "statement_words",
    "suggestions_named",
    "year_entry",
]


def statement_words(units: pd.DataFrame, statements: pd.DataFrame | None) -> dict[str, tuple[list[str], ...]]:
    """The words of the statements the units come from: ``statement_id`` → (tokens, pos, lemmas)."""
    if statements is None or not {"start", "end", "statement_id"} <= set(units.columns):
        return {}
    rows = statements[statements["statement_id"].isin(set(units["statement_id"]))]
    has_lemmas = "lemmas" in rows.columns
    return {
        str(r.statement_id): (
            str(r.tokens).split(),
            str(r.pos).split(),
            str(r.lemmas).split() if has_lemmas else [],
        )
        for r in rows.itertuples(index=False)
    }


def own_span(unit, said: dict[str, tuple[list[str], ...]]) -> tuple[int, int] | None:
    """Where a key phrase stands in its statement with what it stands with: ``[start, end)``.

    The prepositional phrase after it ("fleksibilitet i arbejdstid",
    :func:`pipeline.danish.phrases.complement_end`), the noun phrase it is the object of
    ("investering i medarbejdernes kompetencer", :func:`pipeline.danish.phrases.governor_start`)
    and the infinitive whose object that is ("integrere personer med psykiske handicap",
    :func:`pipeline.danish.phrases.predicate_start`); None when the statement's words are not at
    hand or do not line up.
    """
    from pipeline.danish.phrases import complement_end, governor_start, predicate_start

    tokens, pos, lemmas = said.get(str(unit.statement_id), ([], [], []))
    start, end = int(unit.start), int(unit.end)
    if not tokens or end > len(tokens) or len(tokens) != len(pos):
        return None
    # the infinitive of the phrase, or of the noun phrase it is the object of
    begin = predicate_start(tokens, pos, governor_start(tokens, pos, start, lemmas or None), lemmas or None)
    return begin, complement_end(tokens, pos, end)


def _own_words(unit, said: dict[str, tuple[list[str], ...]]) -> tuple[str, str]:
    """A key phrase as the group wrote it, with what it stands with (:func:`own_span`), and its lemmas.

    "fleksibilitet" → "fleksibilitet i arbejdstid"; the key phrase alone when the statement's
    words are not at hand. The lemmas are the content words' (no stop word, no article).
    """
    from pipeline.danish import ARTICLES, STOP_WORDS
    from pipeline.themes.labels import as_written

    span = own_span(unit, said)
    if span is None:
        return " ".join(str(unit.text).split()), str(unit.lemmas)
    tokens, _, lemmas = said[str(unit.statement_id)]
    lemmas = lemmas if len(lemmas) == len(tokens) else [t.lower() for t in tokens]
    content = [
        lem.lower()
        for lem in lemmas[span[0] : span[1]]
        if len(lem) > 1 and lem.lower() not in STOP_WORDS and lem.lower() not in ARTICLES
    ]
    return as_written(" ".join(tokens[span[0] : span[1]]).replace("_", " ")), " ".join(content)


def group_specifics(
    label: str, units: pd.DataFrame, statements: pd.DataFrame | None = None, *, whole: bool = False
) -> list[dict]:
    """What each counted group said about a theme named by a bare word: its own more specific words.

    "Samarbejde" alone hides that one group meant "samarbejde med virksomheder" and two others
    "tværfagligt samarbejde"; the page lists each group's own words beside the label, the groups
    that wrote the same phrase together. Every counted group is listed: its phrase that says the
    most (the most words), with the prepositional phrase after it ("fleksibilitet i
    arbejdstid") and the noun phrase it is the object of ("investering i medarbejdernes
    kompetencer", :func:`own_span`), or the bare word as written when that is all it wrote. A
    label that names alternative wordings ("Tidlig intervention (tidlig forebyggende indsats)")
    is listed too, so the reader sees which group wrote which. Empty for a label of two or more
    words (it already says what about what; ``whole``: listed all the same, as for a theme that
    only repeats the question's words, whose label says nothing of the groups' answers) or when
    every group wrote the label's words alone.

    Args:
        label: The theme's label.
        units: The theme's key phrases (``text``, ``group``, ``lemmas``; with ``statement_id``,
            ``start`` and ``end`` the statement's words are read).
        statements: The statements (``statement_id``, ``tokens``, ``pos``, ``lemmas``); None
            lists the key phrases alone.
        whole: List each group's words whatever the label's length.

    Returns:
        ``{"text": phrase as written, "groups": [...]}`` in the order of the first group.
    """
    from pipeline.themes.labels import is_alternatives
    from pipeline.themes.points import label_lemmas

    if (len(label.split()) > 1 and not is_alternatives(label) and not whole) or units.empty:
        return []

    said = statement_words(units, statements)
    by_text: dict[str, set[int]] = {}
    lemmas_of: dict[str, str] = {}
    for g, part in units.groupby("group", sort=True):
        own = [_own_words(u, said) for u in part.itertuples(index=False)]
        # the group's longest phrase says the most ("større synlighed af plejehjemmene")
        text, lemmas = min(own, key=lambda tl: (-len(tl[0].split()), tl[0]))
        key = lower_first(text)  # "FN" stays "FN"
        by_text.setdefault(key, set()).add(int(g))
        lemmas_of[key] = lemmas
    lemma_of = {t.lower(): lem for tokens, _, lems in said.values() for t, lem in zip(tokens, lems)}
    named = label_lemmas(label, lemma_of)
    # every group wrote one word, or the label's words alone ("den offentlige kulturstøtte"):
    # nothing to add
    if len(by_text) < 2 and all(len(lemmas_of[t].split()) <= 1 or lemmas_of[t] == named for t in by_text):
        return []
    return [
        {"text": t, "groups": sorted(gs)}
        for t, gs in sorted(by_text.items(), key=lambda kv: (min(kv[1]), kv[0]))
    ]


def options_sentence(options: list[dict], n_groups: int) -> str:
    """The options the most groups named, said first (``options`` ranked as the page shows them).

    >>> options_sentence(
    ...     [{"option": "infrastruktur", "groups": [1, 2, 3]}, {"option": "kapacitet", "groups": [1]}], 3
    ... )
    'Af spørgsmålets givne muligheder nævnte flest grupper infrastruktur (3 af 3). '
    """
    chosen = [o for o in options if o["groups"]]
    if not chosen:
        return "Ingen gruppe nævnte en af spørgsmålets givne muligheder. " if options else ""
    top = len(chosen[0]["groups"])
    named = [
        f"{o['option']} ({len(o['groups'])} af {n_groups})" for o in chosen if len(o["groups"]) >= top - 1
    ][:3]
    return f"Af spørgsmålets givne muligheder nævnte flest grupper {da_list(named)}. "


def year_entry(by_year: dict[str, list[dict]], year: int) -> list[dict]:
    """The entry of a seminar's year in a per-year quality record (keys are years as text)."""
    return list(by_year.get(str(year)) or (next(iter(by_year.values())) if len(by_year) == 1 else []))


def area_theme_options(
    analysis: Analysis, cfg: SeminarConfig, area: str, option_topics: dict[int, str]
) -> list[dict]:
    """The area's given options for the seminar's year (``quality["options"]``).

    Each with the theme that names only it (``topic``, or -1).
    """
    rows = year_entry(analysis.quality.get("options", {}).get(area, {}), cfg.year)
    topic_of = {o: t for t, o in option_topics.items()}
    # the options the most groups took up first (the question's order among equals)
    ranked = sorted(enumerate(rows), key=lambda ir: (-len(ir[1]["groups"]), ir[0]))
    return [{**r, "topic": int(topic_of.get(r["option"], -1))} for _, r in ranked]


def as_option(option: str) -> str:
    """A given option as a table row or a tag names it, capitalised ("Grøn omstilling")."""
    return option[:1].upper() + option[1:]


def suggestions_named(
    analysis: Analysis, area: str, area_themes: pd.DataFrame, option_topics: dict[int, str]
) -> list[dict]:
    """The area's suggestions, a theme that names a given option called by that option.

    The page shows such a theme only as the option ("Lokalsamfund" is the row "Lokalsamfundsprojekter og
    lignende"), so a suggestion that names the theme's label would name nothing else on the page.
    """
    if getattr(analysis, "suggestions", None) is None:
        return []
    shown = {
        str(label): as_option(option_topics[int(t)])
        for t, label in zip(area_themes["topic"], area_themes["label"], strict=True)
        if int(t) in option_topics
    }
    rows = analysis.suggestions[analysis.suggestions["core_area"] == area].to_dict("records")
    return [
        {**r, "theme": shown.get(r["theme"], r["theme"]), "other": shown.get(r["other"], r["other"])}
        for r in rows
    ]
