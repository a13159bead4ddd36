"""Describing one theme: its rows in the themes table, its label, quotes and flags, and the order of themes.

The automatic themes (:func:`pipeline.themes.subthemes.find_themes`) and the themes rebuilt
after curation (:func:`pipeline.curation.rows.rebuild_themes`) are described by the same
:func:`theme_rows`, so the two cannot drift apart. Whether a theme only repeats its area's
own words is decided here too (:func:`restates`).
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache

import numpy as np
import pandas as pd

from pipeline.danish import MEASURE_NOUNS, STOP_WORDS
from pipeline.danish.generality import is_general_noun
from pipeline.danish.grading import is_grading
from pipeline.danish.inflection import derives, nominalise, prefix_derives
from pipeline.themes.labels import keyword_ranking, label_phrase
from pipeline.themes.records import AreaFacts, ThemeParams
from pipeline.themes.summaries import in_short
from pipeline.themes.units import unit_parts

__all__ = [
    "asks",
    "describe_theme",
    "link_cross",
    "order_themes",
    "point_label",
    "restates",
    "restating_share",
    "theme_key",
    "theme_quotes",
    "theme_rows",
]


def _derives(longer: str, shorter: str) -> bool:
    """Whether ``longer`` is ``shorter`` with a derivational ending, the word itself kept whole.

    :func:`pipeline.danish.derives` read with ``shorter`` as no verb (its final ``e`` stays): an
    area's words are matched as they are.
    """
    return derives(longer, shorter, verb=False)


@lru_cache(maxsize=256)
def _with_parts(area_words: frozenset[str]) -> frozenset[str]:
    """The area's words and the parts of their compounds (at least five letters), worked out once per area."""
    return area_words | {p for w in area_words for p in unit_parts(w) if len(p) >= 5}


def restates(lemma: str, area_words: frozenset[str]) -> bool:
    """Whether a lemma only repeats the area's own words (its name, theme and question).

    A lemma repeats them when it is one of them, a part of one of their compounds
    (``anbringelse`` of ``anbringelsesområde``) or a derivation of one (``frivillig`` and
    ``frivillighed``, ``digital`` and ``digitalisering``), or when each part of the compound
    does. A compound with a part of its own says more: ``kompetenceudvikling`` is not
    ``kompetence``. A noun of a measure that does not say which (:data:`pipeline.danish.MEASURE_NOUNS`:
    "indsats", "løsning") repeats another the words hold ("tiltag"): a group that answers a question
    about "forebyggende tiltag" with "forebyggende indsats" only swapped the noun.
    """
    if not area_words:
        return False
    words = _with_parts(area_words)
    measure = bool(words & MEASURE_NOUNS)

    def repeats(word: str) -> bool:
        return (
            word in words
            or (measure and word in MEASURE_NOUNS)
            or any(_derives(word, w) or _derives(w, word) for w in words)
            # "optjening" of a question about "genoptjene": the same action said again
            or any(prefix_derives(w, word) for w in words)
        )

    parts = unit_parts(lemma)
    return repeats(lemma) or (bool(parts) and all(repeats(p) for p in parts))


def asks(lemma: str, area_words: frozenset[str]) -> bool:
    """Whether a lemma is one of the area's own words itself (or a derivation of one), not only a part.

    "risiko" of a question about "muligheder og risici"; not "opgave" of one about
    "opgaveløsningen" (a part of its compound: "klarhed omkring opgaverne" is a point of its own).
    """
    return lemma in area_words or any(_derives(lemma, w) or _derives(w, lemma) for w in area_words)


def restating_share(units: pd.DataFrame, area_words: frozenset[str]) -> float:
    """Share of the units whose every content word repeats the area's own words."""
    if units.empty or not area_words:
        return 0.0
    return float(np.mean([all(restates(w, area_words) for w in doc.split()) for doc in units["lemmas"]]))


def _as_lemmas(words: list[str], units: pd.DataFrame) -> list[str]:
    """The label's words as the lemmas the theme's own phrases give them ("løsninger" → "løsning").

    Read from the units' words and the positions of their content words (``words``,
    ``content_at``); a word the phrases do not hold (or units without those columns) stays as it is.
    """
    lemma_of: dict[str, str] = {}
    if {"words", "content_at"} <= set(units.columns):
        for span, at, doc in zip(units["words"], units["content_at"], units["lemmas"], strict=True):
            tokens, lemmas = str(span).split(), doc.split()
            positions = [int(i) for i in str(at).split()]
            if len(positions) == len(lemmas):
                for i, lem in zip(positions, lemmas, strict=True):
                    lemma_of.setdefault(tokens[i].lower(), lem)
    return [lemma_of.get(w, w) for w in words]


def theme_key(area: str, lemma_docs) -> str:
    """A stable key of a theme: its area and the set of its units' lemma phrases (not its number)."""
    text = area + "\n" + "\n".join(sorted(set(lemma_docs)))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def theme_quotes(
    units: pd.DataFrame, X: np.ndarray, statements: pd.DataFrame, n: int, label_words: tuple[str, ...] = ()
) -> tuple[list[dict], dict]:
    """Quotes nearest the theme's centre, one per group first; and its "kort sagt" (:func:`in_short`)."""
    centre = X.mean(axis=0)
    order = pd.DataFrame(
        {
            "pos": np.arange(len(units)),
            "score": -(X @ centre).round(9),
            "group": units["group"].to_numpy(),
            "unit_id": units["unit_id"].to_numpy(),
        }
    )
    order = order.sort_values(["score", "group", "unit_id"], kind="stable")
    first = order.drop_duplicates("group")
    ranked = pd.concat([first, order.drop(first.index)])
    st = statements.set_index("statement_id")
    quotes, seen = [], set()
    for pos in ranked["pos"]:
        u = units.iloc[int(pos)]
        if u.statement_id in seen:
            continue
        seen.add(u.statement_id)
        s = st.loc[u.statement_id]
        quotes.append(
            {
                "statement_id": u.statement_id,
                "note_id": u.note_id,
                "group": int(u.group),
                "text": s.text,
                "unit": u.text,
            }
        )
        if len(quotes) == n:
            break
    return quotes, in_short(units, ranked["pos"].tolist(), st, label_words)


def theme_rows(
    area: str,
    topic: int,
    theme_units: pd.DataFrame,
    X: np.ndarray,
    statements: pd.DataFrame,
    *,
    forms: dict,
    groups_total: dict,
    statements_per_area: dict,
    area_words: frozenset[str],
    topic_words: frozenset[str],
    params: ThemeParams,
    label: str | None = None,
    names_no_point: bool = False,
) -> list[dict]:
    """The ``themes`` rows of one theme from the values one by one (:func:`describe_theme` takes records).

    Kept for callers that pass the area's facts one by one (the curation's rebuild); the
    arguments are those of :class:`~pipeline.themes.records.AreaFacts`, whose ``params`` are
    the theme stage's own (:class:`~pipeline.themes.records.ThemeParams`, built once by the flow).
    """
    facts = AreaFacts(
        statements=statements,
        forms=forms,
        groups_total=groups_total,
        statements_per_area=statements_per_area,
        area_words=area_words,
        topic_words=topic_words,
        params=params,
    )
    return describe_theme(area, topic, theme_units, X, facts, label=label, names_no_point=names_no_point)


@lru_cache(maxsize=256)
def _asked_actions(area_words: frozenset[str]) -> frozenset[str]:
    """The nouns of the actions the question asks with ("skal bistanden sænkes?": "sænkning")."""
    return frozenset(n for n in map(nominalise, area_words) if n)


def _repeats_area(label: str | None, theme_units: pd.DataFrame, facts: AreaFacts) -> tuple[bool, bool]:
    """Whether a theme only names its area's topic, and whether it only repeats its question.

    A label of the topic's words alone ("Frivillige") names the area, however much its phrases
    add; a label whose every word repeats the question ("Forebyggende indsats" for
    "forebyggende tiltag") restates it, however many of the theme's phrases add a word of their own.
    """
    area_words, topic_words = facts.area_words, facts.topic_words
    label_words = [w for w in (label or "").lower().split() if w not in STOP_WORDS]
    topic_only = restating_share(theme_units, topic_words) > 0.5 or (
        bool(label_words)
        and bool(topic_words)
        and all(restates(w, topic_words) or restates(w.rstrip("e"), topic_words) for w in label_words)
    )
    lemmas = _as_lemmas(label_words, theme_units)
    asked = _asked_actions(area_words)  # "sænkning af bistanden" repeats "skal bistanden sænkes?"
    repeated = [restates(w, area_words) or restates(w.rstrip("e"), area_words) or w in asked for w in lemmas]
    # a general noun adds nothing to the asked word ("frivilligt arbejde"), nor a grading one ("grov vold")
    question_only = restating_share(theme_units, area_words) > 0.5 or (
        bool(label_words)
        and bool(area_words)
        and any(repeated)
        and all(r or is_general_noun(w) or is_grading(w) for r, w in zip(repeated, lemmas, strict=True))
    )
    return topic_only, question_only


def _says_the_area(n_groups: int, total: int, n_evidence: int, n_statements: int) -> bool:
    """Every group raised it and it holds most of the area's statements: it says what the area is about.

    A theme also restates the area when its phrases only name the area's topic, or its label
    names no point of its own (decided by the caller).
    """
    return n_groups == total > 1 and n_evidence > 0.5 * n_statements


def point_label(units: pd.DataFrame, *, empty: frozenset[str] = frozenset(), restates=None) -> str:
    """The label of a theme made of ``units``: the point most of their groups say, as they wrote it.

    The one labeller of automatic and curated themes, so that the same key phrases get the same
    label whoever grouped them ("Politisk niveau", never "Det politiske niveau" beside it): the
    first point :func:`~pipeline.themes.points.cover_points` finds (the phrase the most groups
    say), else the one :func:`~pipeline.themes.points.choose_point` chooses, written by
    :func:`~pipeline.themes.points.label_text`. The theme stage's own labels are these points.

    Args:
        units: The theme's key phrases with their written words (``words``, ``content_at``,
            ``verbs``, ``about``: :func:`pipeline.themes.units.make_units`); without them the
            label is the most shared phrase as written (:func:`label_phrase`).
        empty: Words that name no point on their own in the area (settings, words spread evenly).
        restates: ``restates(lemma)``: whether a word only repeats the area's own question.
    """
    from pipeline.themes.points import choose_point, cover_points, label_text

    if units.empty or not {"words", "content_at"} <= set(units.columns):
        return label_phrase(units, restates)
    covered = cover_points(units, empty=empty, restates=restates)
    point = None if covered else choose_point(units, empty=empty, restates=restates)
    key = covered[0][0] if covered else (point.lemmas if point is not None else "")
    return label_text(key, units) if key else label_phrase(units, restates)


def describe_theme(
    area: str,
    topic: int,
    theme_units: pd.DataFrame,
    X: np.ndarray,
    facts: AreaFacts,
    *,
    label: str | None = None,
    names_no_point: bool = False,
) -> list[dict]:
    """The ``themes`` rows (one per year) of one theme, described from its own key phrases.

    The one place a theme's groups, evidence, keywords, quotes and flags are computed: the
    automatic themes (:class:`pipeline.themes.finder.ThemeFinder`) and the curated ones
    (:func:`pipeline.curation.rows.rebuild_themes`) both come through here, and whether the
    theme recurs is decided here, once (:meth:`~pipeline.themes.records.ThemeParams.recurs`).

    Args:
        area: The core area.
        topic: The theme's number.
        theme_units: The theme's key phrases (rows of the units table).
        X: Their vectors, row for row (quotes nearest the centre come first).
        facts: The area's statements, counts and words, and the stage's parameters.
        label: The label, when already decided (a codebook name); else the theme's own phrase:
            for a theme of the area's topic its most shared one ("frivillige"), for any other
            one that says more than the question where it has one.
        names_no_point: The label names no point of its own (a setting of the area, a word
            spread evenly over all areas): the theme is listed with those restating the area.
    """
    key = theme_key(area, theme_units["lemmas"])
    topic_only, question_only = _repeats_area(label, theme_units, facts)
    label = label or label_phrase(
        theme_units, None if topic_only else lambda w, words=facts.area_words: restates(w, words)
    )
    keywords = [w for w, _ in keyword_ranking(theme_units, facts.forms, facts.params.top_n_words)]
    # the label's own words ("Fleksibilitet" of "Fleksibilitet (smidigere processer)") as lemmas
    said = [w for w in label.split(" (", 1)[0].lower().split() if w not in STOP_WORDS]
    label_words = tuple(_as_lemmas(said, theme_units))
    rows = []
    for year, yearly in theme_units.groupby("year", sort=True):
        idx = np.flatnonzero((theme_units["year"] == year).to_numpy())
        quotes, summary = theme_quotes(
            theme_units.iloc[idx], X[idx], facts.statements, facts.params.n_quotes, label_words
        )
        groups = sorted({int(g) for g in yearly["group"]})
        evidence = list(dict.fromkeys(yearly["statement_id"]))
        total = int(facts.groups_total.get((year, area), len(groups)))
        restating = _says_the_area(
            len(groups), total, len(evidence), facts.statements_per_area.get((year, area), 0)
        )
        restating = restating or topic_only or names_no_point
        rows.append(
            {
                "year": int(year),
                "core_area": area,
                "topic": int(topic),
                "theme_key": key,
                "label": label,
                "keywords": "; ".join(keywords),
                "n_statements": len(evidence),
                "n_units": len(yearly),
                "n_groups": len(groups),
                "n_groups_total": total,
                "groups": " ".join(map(str, groups)),
                # a theme that only repeats the area or its question tells the reader nothing new
                "recurring": facts.params.recurs_as_point(
                    len(groups), restates_area=restating, restates_question=question_only
                ),
                "restates_area": restating,
                "restates_question": question_only,
                "cross_theme": -1,
                "other_areas": "",
                "evidence": " ".join(evidence),
                "units": " ".join(yearly["unit_id"]),
                "summary": json.dumps(summary, ensure_ascii=False),
                "quotes": json.dumps(quotes, ensure_ascii=False),
            }
        )
    return rows


def order_themes(themes: pd.DataFrame, area_order: list[str]) -> pd.DataFrame:
    """The order every report shows within an area.

    Most groups first; a theme that restates the area or its question after the others; among as
    many groups, one that recurs in more core areas first (it matters beyond this area), then
    more key phrases, then the label.
    """
    if themes.empty:
        return themes
    rank = {a: i for i, a in enumerate(area_order)}
    keyed = themes.assign(
        _area=themes["core_area"].map(rank),
        _restates=themes["restates_area"] | themes["restates_question"],
        _others=[len([a for a in o.split("; ") if a]) for o in themes["other_areas"]],
    )
    keyed = keyed.sort_values(
        ["year", "_area", "n_groups", "_restates", "_others", "n_units", "label", "topic"],
        ascending=[True, True, False, True, False, False, True, True],
        kind="stable",
    )
    return keyed.drop(columns=["_area", "_restates", "_others"]).reset_index(drop=True)


def link_cross(themes: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """Give each theme the cross-cutting theme most of its units belong to, and that theme's other areas."""
    if themes.empty:
        return themes
    in_theme = units[units["theme"] >= 0]
    cross_areas = (
        units[units["cross_theme"] >= 0]
        .groupby("cross_theme")["core_area"]
        .agg(lambda s: list(dict.fromkeys(s)))
        .to_dict()
    )
    best = {}
    for theme, part in in_theme.groupby("theme"):
        counts = part.loc[part["cross_theme"] >= 0, "cross_theme"].value_counts()
        if len(counts) and counts.iloc[0] * 2 >= len(part):
            best[int(theme)] = int(counts.sort_index().idxmax())
    themes = themes.copy()
    themes["cross_theme"] = [best.get(int(t), -1) for t in themes["topic"]]
    themes["other_areas"] = [
        "; ".join(a for a in cross_areas.get(c, []) if a != area) if c >= 0 else ""
        for c, area in zip(themes["cross_theme"], themes["core_area"], strict=True)
    ]
    return themes
