"""The theme stage as an estimator: ``ThemeFinder(params).fit(statements, notes, ...)`` → ``themes_``.

In the manner of scikit-learn: the parameters (:class:`~pipeline.themes.records.ThemeParams`)
are given once and frozen; :meth:`ThemeFinder.fit` reads the data and sets the fitted
attributes ``themes_``, ``units_``, ``cross_`` and ``quality_``. Per core area the units
(:mod:`pipeline.themes.units`) are embedded, clustered (:func:`~pipeline.themes.subthemes.cluster_units`)
and read for the points their groups say (:func:`~pipeline.themes.subthemes.area_points`); a key
phrase of a theme that only restates the question but says more is released to make its own point
(:mod:`pipeline.themes.released`); each theme is described once
(:func:`~pipeline.themes.describe.describe_theme`), which decides whether it recurs (stored in the
``recurring`` column). Cross-cutting themes come from :mod:`pipeline.themes.cross`.
:func:`find_themes` is the same as a function of the configuration.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from pipeline.config import SeminarConfig
from pipeline.schemas import CrossThemes, Themes, validate
from pipeline.themes.copies import counted_statements, find_copies
from pipeline.themes.cross import cross_cutting
from pipeline.themes.describe import (
    asks,
    describe_theme,
    link_cross,
    order_themes,
    restates,
    restating_share,
)
from pipeline.themes.summaries import distinct_summaries
from pipeline.themes.features import fit_lexical
from pipeline.themes.options import option_counts, option_of
from pipeline.themes.points import label_lemmas, no_point_anywhere, setting_words, word_lemmas
from pipeline.themes.records import AreaFacts, FoundTheme, ThemeParams
from pipeline.themes.released import only_restates, question_action, release_restated
from pipeline.themes.singles import merge_one_phrase, one_group_points
from pipeline.themes.kinds import area_kinds
from pipeline.themes.whole_phrase import one_phrase_one_theme, sentences
from pipeline.themes.stances import stance_counts, stance_units
from pipeline.themes.subthemes import (
    ThemeResult,
    area_points,
    cluster_units,
    embed_units,
    focus_lemmas,
    same_evidence_one_point,
)
from pipeline.themes.units import make_units
from pipeline.topics import surface_forms

__all__ = ["ThemeFinder", "find_themes"]

log = logging.getLogger(__name__)


@dataclass
class _Run:
    """What one fit shares between its areas: the units, vectors and facts of all areas."""

    units: pd.DataFrame
    raw: np.ndarray
    statements: pd.DataFrame
    forms: dict
    lexical: object
    groups_total: dict
    statements_per_area: dict
    area_words: dict[str, frozenset[str]]
    topic_words: dict[str, frozenset[str]]
    options: dict[str, list[tuple[str, str]]]
    lemma_of: dict[str, str]
    rows: list[dict] = field(default_factory=list)
    quality: dict = field(default_factory=dict)
    next_id: int = 0
    singles: set[int] = field(default_factory=set)
    #: Each area's kind tests, made once by :meth:`ThemeFinder._area` and read again across areas.
    kinds: dict = field(default_factory=dict)


class ThemeFinder:
    """The sub-themes of every core area and the cross-cutting themes, found from the statements.

    Args:
        params: The stage's parameters (:meth:`ThemeParams.from_config`).
        embedder: An embedder with ``encode(texts)`` (E5, see :func:`pipeline.topics.build_embedder`).
        stop_words: Lemmas never part of a unit.

    Attributes:
        themes_: One row per year, core area and theme (:class:`~pipeline.schemas.Themes`).
        units_: Every unit with ``theme`` and ``cross_theme`` (``-1``: none).
        cross_: One row per cross-cutting theme (:class:`~pipeline.schemas.CrossThemes`).
        quality_: How the themes were found (units, cut chosen, silhouettes, options, stances,
            ``one_group_points``: per area the ids of the themes of one phrase-once group,
            :mod:`pipeline.themes.singles`) and what with (``recurring_from``, :meth:`ThemeParams.decided`).
    """

    def __init__(self, params: ThemeParams, *, embedder, stop_words: frozenset[str] = frozenset()):
        """Keep the parameters; nothing is read until :meth:`fit`."""
        self.params = params
        self.embedder = embedder
        self.stop_words = stop_words

    def fit(
        self,
        statements: pd.DataFrame,
        notes: pd.DataFrame,
        *,
        area_words: dict[str, frozenset[str]] | None = None,
        topic_words: dict[str, frozenset[str]] | None = None,
        options: dict[str, list[tuple[str, str]]] | None = None,
    ) -> ThemeFinder:
        """Find the themes of the statements.

        Args:
            statements: The ``statements`` table (with ``pos`` when the pipeline tags).
            notes: The ``notes`` table (groups per area and year).
            area_words: Per core area, the lemmas of its own name, theme and question: a theme
                most of whose phrases (or whose label) only repeat them restates the question.
            topic_words: Per core area, the lemmas of its name and theme only; units are
                clustered on what they say beyond these (:func:`focus_lemmas`).
            options: Per core area, the options its question gave (``(option, content lemmas)``,
                :mod:`pipeline.themes.options`): which groups took up each goes to
                ``quality_["options"]``; a theme whose label only names an option is never a
                recurring point.

        Returns:
            The finder, fitted.
        """
        run = self._start(statements, notes, area_words or {}, topic_words or {}, options or {})
        area_order = self.params.area_order(notes["core_area"])
        theme_of = np.full(len(run.units), -1, dtype=int)
        pointless = no_point_anywhere(run.units, statements)
        settings = setting_words(run.units, statements)
        for area in [a for a in area_order if a in set(run.units["core_area"])]:
            mask = (run.units["core_area"] == area).to_numpy()
            empty = pointless | settings.get(area, frozenset())
            for theme_id, members in self._area(run, area, mask, empty):
                theme_of[np.flatnonzero(mask)[members]] = theme_id
        units = run.units.assign(theme=theme_of)
        themes = pd.DataFrame(run.rows, columns=list(Themes.to_schema().columns))
        # a theme that only repeats its area's question or the area is no point there, so across
        # areas its key phrases count for no group either (the area page sets them aside)
        asked = frozenset(
            int(t) for t in themes.loc[themes["restates_question"] | themes["restates_area"], "topic"]
        )
        # a phrase one group said once is a theme of its area, not evidence of a point across areas:
        # the cross-cutting points are found as if it were in no theme
        theme = units["theme"]
        across: list[dict] = []  # one word, different things in each area: no point, listed apart
        cross, units = cross_cutting(
            units.assign(theme=theme.where(~theme.isin(list(run.singles)), -1)),
            run.raw,
            self.params,
            self.stop_words,
            run.forms,
            run.lexical,
            pointless,
            asked,
            run.kinds,
            across,
        )
        run.quality["cross_words_apart"] = across
        units = units.assign(theme=theme.to_numpy())
        units = units.drop(
            columns=["focus", "words", "content_at", "verbs", "stance", "about", "complement", "attitude"],
            errors="ignore",
        )
        themes = distinct_summaries(order_themes(link_cross(themes, units), area_order), statements)
        run.quality["n_themes"] = int(themes["topic"].nunique()) if len(themes) else 0
        run.quality["n_cross_themes"] = len(cross)
        self.themes_ = validate(themes, Themes)
        self.units_ = units
        self.cross_ = validate(cross, CrossThemes)
        self.quality_ = run.quality
        return self

    @property
    def result_(self) -> ThemeResult:
        """The fitted tables as one :class:`ThemeResult`."""
        return ThemeResult(self.themes_, self.units_, self.cross_, self.quality_)

    def _start(self, statements, notes, area_words, topic_words, options) -> _Run:
        """The units of every area (stance units included), their vectors and the shared facts."""
        # a sentence typed under two areas counts where it belongs, and never silently (themes.copies)
        record = _copies_record(find_copies(statements, area_words))
        units = make_units(counted_statements(statements, record.get("copies", {})), self.stop_words)
        units = units[units["lemmas"].str.len() > 0].assign(stance=False)
        units = (
            pd.concat([units, stance_units(statements, self.params)], ignore_index=True)
            if len(statements)
            else units.reset_index(drop=True)
        )
        units["about"] = units["about"].fillna("") if "about" in units.columns else ""
        units["complement"] = units["complement"].fillna("") if "complement" in units.columns else ""
        units["attitude"] = units["attitude"].fillna(0).astype(int) if "attitude" in units.columns else 0
        # clustering reads what each unit says beyond its area's topic; labels read the whole phrase
        units["focus"] = [
            focus_lemmas(d, topic_words.get(a, frozenset()))
            for d, a in zip(units["lemmas"], units["core_area"], strict=True)
        ]
        raw = embed_units(units, self.embedder, "focus") if len(units) else np.zeros((0, 1))
        return _Run(
            units=units,
            raw=raw,
            statements=statements,
            forms=surface_forms(statements),
            lexical=fit_lexical(units["focus"].tolist()),
            groups_total=notes.groupby(["year", "core_area"])["group"].nunique().to_dict(),
            statements_per_area=statements.groupby(["year", "core_area"]).size().to_dict(),
            area_words=area_words,
            topic_words=topic_words,
            options=options,
            lemma_of=word_lemmas(statements) if options else {},
            quality={"n_units": len(units), "areas": {}, **self.params.decided(), **record},
        )

    def _area(
        self, run: _Run, area: str, mask: np.ndarray, empty: frozenset[str]
    ) -> list[tuple[int, np.ndarray]]:
        """The themes of one area: rows added to ``run``; ``(theme id, member positions)`` per theme."""
        part, part_raw = run.units[mask].reset_index(drop=True), run.raw[mask]
        labels, silhouette, X = cluster_units(part, part_raw, self.params, self.stop_words, run.lexical)
        stance = part["stance"].to_numpy(dtype=bool)
        labels[stance] = -1  # an opening "Ja." is a point of its own, not a phrase to cluster
        words, given = run.area_words.get(area, frozenset()), run.options.get(area, [])
        said = sentences(run.statements[run.statements["core_area"] == area])  # once: kinds, whole phrases
        apart: list = []
        points = same_evidence_one_point(
            part,
            area_points(
                part,
                labels,
                empty,
                lambda w, words=words: restates(w, words),
                apart,
                asked=lambda w, words=words: asks(w, words),
                given=(lambda key: option_of(key, given) is not None) if given else None,
                kinds=run.kinds.setdefault(area, area_kinds(said, words)),
            ),
            keep_apart=lambda label: bool(given) and self._option(run, label, given) is not None,
        )
        facts = self._facts(run, area, words)

        # the question's words, and the nouns of the verbs it asks with ("skærpes?": "skærpelse")
        def asked_word(w: str, words: frozenset[str] = words) -> bool:
            return restates(w, words) or question_action(w, words)

        # a phrase inside a theme that only restates the question may say more: it makes its point
        restating = [
            only_restates(p, facts) and not (given and self._option(run, p.label, given)) for p in points
        ]
        points, joined = release_restated(part, points, restating, empty, asked_word)
        points += joined
        # what one group said once, beyond the question's words, is a theme of that group
        others = frozenset(
            " ".join(a.casefold().replace(",", " ").split()) for a in set(run.units["core_area"]) if a != area
        )
        singles = one_group_points(part, points, empty, asked_word, apart, others=others)
        # a one-group theme says what about what; one phrase is one theme
        part, points, singles = self._whole_phrases(run, area, mask, part, points + singles, singles, said)
        if apart:
            # words several groups used about different things: each group's own words, no point
            run.quality.setdefault("words_apart", {})[area] = [a.as_dict() for a in apart]
        if stance.any():
            # a yes or no answers the question: one line under it, not a theme named "Ja"
            run.quality.setdefault("stances", {})[area] = stance_counts(part[stance])
        run.quality["areas"][area] = {
            "units": len(part),
            "silhouette": round(float(silhouette), 4),
            "themes": len(points),
            # the area's own words: the report tells what the groups said beyond them
            "own_words": sorted(words),
        }
        # Most groups first; a theme that only repeats the question's words after the others;
        # then most units, then the label: the order every report shows.
        points.sort(
            key=lambda p: (
                -p.units["group"].nunique(),
                restating_share(p.units, words) > 0.5,
                -len(p.counted),
                p.label,
            )
        )
        if given:
            said = part[~stance]
            run.quality.setdefault("options", {})[area] = {
                str(int(year)): [c.as_dict() for c in option_counts(yearly, given)]
                for year, yearly in said.groupby("year", sort=True)
            }
        out = [(self._describe(run, area, p, X, facts, given), p.members) for p in points]
        single_at = {id(p) for p in singles}
        ids = [t for (t, _), p in zip(out, points, strict=True) if id(p) in single_at]
        run.singles.update(ids)
        if ids:
            run.quality.setdefault("one_group_points", {})[area] = sorted(ids)
        return out

    def _facts(self, run: _Run, area: str, words: frozenset[str]) -> AreaFacts:
        """What describing a theme of ``area`` needs besides its units."""
        return AreaFacts(
            statements=run.statements,
            forms=run.forms,
            groups_total=run.groups_total,
            statements_per_area=run.statements_per_area,
            area_words=words,
            topic_words=run.topic_words.get(area, frozenset()),
            params=self.params,
        )

    @staticmethod
    def _whole_phrases(run: _Run, area: str, mask: np.ndarray, part, points, singles, said) -> tuple:
        """One phrase, one theme (:func:`one_phrase_one_theme`); the widened units written into ``run``.

        ``said``: the area's sentences (:func:`sentences`).
        """
        words = run.area_words.get(area, frozenset())
        part, points, singles = one_phrase_one_theme(
            part, points, singles, said, lambda w, words=words: restates(w, words)
        )
        # widened phrases of one group may now share words: one phrase is one theme
        points, singles = merge_one_phrase(part, points, singles)
        at = np.flatnonzero(mask)
        for col in ("start", "end", "text", "words", "content_at", "lemmas", "complement"):
            run.units.iloc[at, run.units.columns.get_loc(col)] = part[col].to_numpy()
        return part, points, singles

    @staticmethod
    def _option(run: _Run, label: str, given: list[tuple[str, str]]) -> str | None:
        """The given option a label only names, or None."""
        return option_of(label_lemmas(label, run.lemma_of), given)

    def _describe(self, run: _Run, area: str, p: FoundTheme, X: np.ndarray, facts: AreaFacts, given) -> int:
        """Add one theme's rows to ``run``; its id."""
        theme_id = run.next_id
        run.next_id += 1
        new = describe_theme(
            area, theme_id, p.units, X[p.counted], facts, label=p.label, names_no_point=p.no_point
        )
        option = self._option(run, p.label, given) if given else None
        if option is not None:
            # the groups chose a given option: shown with the options, not as a point they found
            for row in new:
                row.update(recurring=False, restates_question=True)
            run.quality.setdefault("option_themes", {}).setdefault(area, {})[str(theme_id)] = option
        run.rows += new
        return theme_id


def _copies_record(copies: list) -> dict:
    """The quality record's ``copies`` (per area, :meth:`Copy.as_dict`); one warning per pair."""
    out: dict[str, list[dict]] = {}
    pairs: dict[frozenset, list] = {}
    for c in copies:
        out.setdefault(c.area, []).append(c.as_dict())
        pairs.setdefault(frozenset((c.statement_id, c.other_statement_id)), []).append(c)
    for sides in pairs.values():
        c = min(sides, key=lambda c: (c.counts, c.area))  # the side that does not count, if one
        where = (
            f"not counted toward the themes of '{c.area}' (it names only the other area's words)"
            if not c.counts
            else "counted in both areas: check the notes"
        )
        log.warning(
            "group %s wrote the same sentence under '%s' (%s) and '%s' (%s): '%s'; %s",
            *(c.group, c.area, c.statement_id, c.other_area, c.other_statement_id, c.words, where),
        )
    return {"copies": out} if out else {}


def find_themes(
    statements: pd.DataFrame,
    notes: pd.DataFrame,
    cfg: SeminarConfig,
    *,
    embedder,
    stop_words: frozenset[str] = frozenset(),
    area_words: dict[str, frozenset[str]] | None = None,
    topic_words: dict[str, frozenset[str]] | None = None,
    options: dict[str, list[tuple[str, str]]] | None = None,
) -> ThemeResult:
    """Find the sub-themes of every core area and the cross-cutting themes (:class:`ThemeFinder`).

    The parameters are read from ``cfg`` once (:meth:`ThemeParams.from_config`); the other
    arguments are those of :class:`ThemeFinder` and :meth:`ThemeFinder.fit`.
    """
    finder = ThemeFinder(ThemeParams.from_config(cfg), embedder=embedder, stop_words=stop_words)
    finder.fit(statements, notes, area_words=area_words, topic_words=topic_words, options=options)
    return finder.result_
