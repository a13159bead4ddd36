"""The theme stage's parameters and records: built once, passed on, never read from the config again.

* :class:`ThemeParams`: what the stage needs from ``[themes]`` and ``[topics]``, frozen and built
  once (:meth:`ThemeParams.from_config`). Whether a theme recurs is decided here
  (:meth:`ThemeParams.recurs`) and stored: in the themes table's ``recurring`` column and, as
  ``recurring_from`` (the fewest groups a recurring point has), in the stage's quality record
  (:meth:`ThemeParams.decided`, ``theme_quality.json``). Reports and the comparison read these
  stored facts, never the configuration.
* :class:`FoundTheme`: one theme of an area as the stage finds it (its units and label).
* :class:`AreaFacts`: what describing a theme of an area needs besides its units.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from pipeline.config import CoreArea, NlpConfig, SeminarConfig, TopicConfig

__all__ = ["AreaFacts", "FoundTheme", "ThemeParams"]


@dataclass(frozen=True)
class ThemeParams:
    """The theme stage's parameters.

    Attributes:
        min_groups: A theme recurs when at least this many groups of the area raised it.
        n_quotes: Quotes per theme and year.
        n_themes: Clusters per area (None: the cut comes from the data).
        top_n_words: Keywords per theme.
        topics: The topic model's settings (the clusterer runs through BERTopic).
        core_areas: The configured core areas, in the configured order (their questions give the
            stance line of yes/no questions; their names the order of the areas).
        nlp: The NLP settings the statements were made with (their stop words make the key
            phrases; None: the defaults).
    """

    min_groups: int = 2
    n_quotes: int = 3
    n_themes: int | None = None
    top_n_words: int = 8
    topics: TopicConfig | None = None
    core_areas: tuple[CoreArea, ...] = ()
    nlp: NlpConfig | None = None

    @classmethod
    def from_config(cls, cfg: SeminarConfig) -> ThemeParams:
        """The parameters of a seminar's configuration (``[themes]``, ``[topics]``, the core areas)."""
        return cls(
            min_groups=cfg.themes.min_groups,
            n_quotes=cfg.themes.n_quotes,
            n_themes=cfg.themes.n_themes,
            top_n_words=cfg.topics.top_n_words,
            topics=cfg.topics,
            core_areas=tuple(cfg.core_areas),
            nlp=cfg.nlp,
        )

    def stop_words(self) -> frozenset[str]:
        """The stop words the key phrases were made with (:func:`pipeline.nlp.stop_words`)."""
        from pipeline.config import NlpConfig
        from pipeline.nlp import stop_words

        return stop_words(self.nlp or NlpConfig())

    def recurs(self, n_groups: int) -> bool:
        """Whether a theme raised by ``n_groups`` groups is raised by enough to recur."""
        return n_groups >= self.min_groups

    def recurs_as_point(self, n_groups: int, *, restates_area: bool, restates_question: bool) -> bool:
        """Whether a theme recurs as a point: enough groups, and it says more than its area or question.

        The one rule of the themes table's ``recurring`` column: the theme stage's rows
        (:func:`pipeline.themes.describe.describe_theme`) and the curation's
        (:func:`pipeline.curation.rows.rebuild_themes`) are decided by it.
        """
        return self.recurs(n_groups) and not restates_area and not restates_question

    def decided(self) -> dict[str, int]:
        """What the stage decided with, for its quality record (``theme_quality.json``).

        ``recurring_from``: the fewest groups a recurring point has. Stored with the themes, so a
        page or a comparison made from them states the threshold they were decided with.
        """
        return {"recurring_from": self.min_groups}

    def area_order(self, seen) -> list[str]:
        """The configured areas in their order, then the other areas ``seen`` in the order seen."""
        return [a.name for a in self.core_areas] + [
            a for a in dict.fromkeys(seen) if not any(c.matches(a) for c in self.core_areas)
        ]


@dataclass(frozen=True)
class FoundTheme:
    """One theme of a core area as the theme stage finds it.

    Attributes:
        members: Positions of its units in the area's units.
        units: Those units (rows of the units table).
        label: Its label as shown.
        no_point: The label names no point of its own (a setting, a word spread over the areas).
        released: Positions of units a theme that only restates the question still counts (they
            write its word) but that make a point of their own elsewhere
            (:mod:`pipeline.themes.released`); ``units`` holds them, ``members`` does not.
    """

    members: np.ndarray
    units: pd.DataFrame
    label: str
    no_point: bool = False
    released: tuple[int, ...] = ()

    @property
    def counted(self) -> np.ndarray:
        """The positions the theme's row counts: its members and the units it released."""
        return np.union1d(self.members, np.asarray(self.released, dtype=int)).astype(int)


@dataclass(frozen=True)
class AreaFacts:
    """What describing a theme of one core area needs besides its own units.

    Attributes:
        statements: The statements table (quotes).
        forms: Word forms per lemma (keywords as the groups wrote them).
        groups_total: ``(year, area)`` → groups at the table.
        statements_per_area: ``(year, area)`` → statements.
        area_words: The area's own words (name, theme and question).
        topic_words: The area's topic words (name and theme).
        params: The stage's parameters (quotes, keywords, whether a theme recurs).
    """

    statements: pd.DataFrame
    forms: dict
    groups_total: dict
    statements_per_area: dict
    area_words: frozenset[str]
    topic_words: frozenset[str]
    params: ThemeParams
