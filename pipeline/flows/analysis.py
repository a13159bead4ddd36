"""One seminar's automatic analysis: notes → statements → key phrases → themes, recurring words.

Tables in, tables out, no paths. :func:`analyse_seminar` runs the stages once (sub-themes per core
area, cross-cutting themes, recurring words); the analyst's codebook is applied after it
(:mod:`pipeline.flows.curate`), re-runs reuse it (:mod:`pipeline.flows.reuse`), and
:func:`pipeline.flows.seminar.run_seminar` wires all of it for the CLI, the bench, the notebooks and
the tests.
"""

from __future__ import annotations

import logging
import time
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from pipeline.config import SeminarConfig
from pipeline.danish.extenders import strip_extender
from pipeline.errors import InputError
from pipeline.nlp import build_nlp, content_lemmas, make_statements, resolve_pipeline_name, stop_words

if TYPE_CHECKING:  # the theme and curation modules bring spaCy and scikit-learn: imported where used
    from pipeline.curation import CurationResult
    from pipeline.themes import ThemeParams, ThemeResult

log = logging.getLogger(__name__)

__all__ = [
    "Analysis",
    "analyse_seminar",
    "area_and_topic_words",
    "area_words",
    "option_lemmas",
    "statements_of",
    "themes_of",
]


@dataclass(frozen=True)
class Analysis:
    """The tables of one seminar's analysis.

    Attributes:
        notes: Accepted notes.
        rejects: Rejected notes with the reason.
        statements: Statements with their lemmas and word classes.
        themes: One row per core area and sub-theme (:class:`~pipeline.schemas.Themes`).
        units: The key phrases themes are made of, with their theme and cross-cutting theme.
        cross: Cross-cutting themes (:class:`~pipeline.schemas.CrossThemes`).
        terms: Words several groups used, per core area.
        quality: How the themes were found (units, cuts, silhouettes, embedding).
        nlp_name: The NLP pipeline used and its components, for the method appendix.
        curation: What the analyst's codebook changed (None: no codebook).
        suggestions: Pairs that may be one point, for the analyst (:mod:`pipeline.curation.suggest`);
            None: not computed.
        timings: Seconds per stage (for benchmarks and progress; never written to an output).
        params: The theme stage's parameters the analysis was made with
            (:meth:`~pipeline.themes.ThemeParams.from_config`, built once in :func:`analyse_seminar`);
            curation describes a changed theme with the same ones. What they decided is stored in
            ``quality`` (``recurring_from``), which the reports read.
    """

    notes: pd.DataFrame
    rejects: pd.DataFrame
    statements: pd.DataFrame
    themes: pd.DataFrame
    units: pd.DataFrame
    cross: pd.DataFrame
    terms: pd.DataFrame
    quality: dict = field(default_factory=dict)
    nlp_name: str = ""
    curation: CurationResult | None = None
    timings: dict[str, float] = field(default_factory=dict, compare=False)
    suggestions: pd.DataFrame | None = field(default=None, compare=False)
    params: ThemeParams | None = field(default=None, compare=False)


def statements_of(notes: pd.DataFrame, cfg: SeminarConfig, *, nlp=None) -> pd.DataFrame:
    """The statements of the notes (sentences and bullets, with word classes, lemmas and compounds)."""
    return make_statements(notes, nlp or build_nlp(cfg.nlp), cfg.nlp)


def area_words(
    cfg: SeminarConfig, notes: pd.DataFrame, nlp, stops: frozenset[str], *, question: bool = True
) -> dict[str, frozenset[str]]:
    """Per core area, the content lemmas of its name, theme and (unless ``question=False``) question.

    The name and theme say what the whole area is about (``frivillighed``); the question also
    names the aspects the groups were asked to weigh (``pårørende``, ``forebyggende tiltag``),
    which can be points of their own.
    """
    out = {}
    for area in dict.fromkeys(notes["core_area"]):
        rows = notes[notes["core_area"] == area]
        text = ". ".join(
            [area, *dict.fromkeys(rows["theme"]), *(dict.fromkeys(rows["question"]) if question else [])]
        )
        out[area] = frozenset(content_lemmas(text, nlp, stops))
    return out


def option_lemmas(cfg: SeminarConfig, nlp, stops: frozenset[str]) -> dict[str, list[tuple[str, str]]]:
    """Per core area with given options (``options`` in its configuration), each option and its lemmas.

    The content lemmas, in the given order: "rekreative faciliteter" → "rekreativ facilitet". A
    general extender is no content ("lokalsamfundsprojekter og lignende" → "lokalsamfundsprojekt",
    not "... lignende": no group writes "og lignende" about its point); the option keeps it as written,
    which :func:`pipeline.themes.options.named_by` reads.
    """
    return {
        a.name: [(o, " ".join(content_lemmas(strip_extender(o)[0], nlp, stops))) for o in a.options]
        for a in cfg.core_areas
        if a.options
    }


def area_and_topic_words(
    cfg: SeminarConfig, notes: pd.DataFrame, nlp, stops: frozenset[str]
) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Per core area, its own words and its topic words (:func:`area_words` with and without the question).

    What the theme stage and curation read to tell a theme that restates them.
    """
    return area_words(cfg, notes, nlp, stops), area_words(cfg, notes, nlp, stops, question=False)


def themes_of(
    statements: pd.DataFrame,
    notes: pd.DataFrame,
    cfg: SeminarConfig,
    stops: frozenset[str],
    nlp,
    *,
    params: ThemeParams,
    embedding_cache: MutableMapping | None = None,
) -> ThemeResult:
    """Sub-themes and cross-cutting themes of the statements (of one seminar, or of several years together).

    ``params`` are the theme stage's parameters (:meth:`~pipeline.themes.ThemeParams.from_config`
    of ``cfg``, built once by the caller).

    ``embedding_cache`` (see :func:`pipeline.io.load_embedding_cache`) keeps the vectors of
    phrases embedded before, so a re-run after a codebook edit does not embed them again.

    Raises:
        InputError: No statement has a content word (nothing to find themes in).
    """
    if not statements["content_lemmas"].astype(str).str.strip().any():
        raise InputError(
            "the notes",
            "all notes",
            "no note has a content word (only stop words, numbers or placeholders)",
            "write out what the groups said; themes need words such as 'frivillige' or 'trivsel'.",
        )
    from pipeline.themes import ThemeFinder
    from pipeline.topics import ChosenEmbedder, EmbeddingParams

    # "auto" is decided on the key phrases themselves, when the theme stage embeds them; the choice
    # is stored with the themes' quality figures, where the suggestions read it
    embedder = ChosenEmbedder(EmbeddingParams.of(cfg.topics), embedding_cache, label="themes")
    own, topics = area_and_topic_words(cfg, notes, nlp, stops)
    finder = ThemeFinder(params, embedder=embedder, stop_words=stops)
    finder.fit(statements, notes, area_words=own, topic_words=topics, options=option_lemmas(cfg, nlp, stops))
    result = finder.result_
    result.quality.update((embedder.choice or embedder.decide([])).as_dict())
    return result


def analyse_seminar(
    notes: pd.DataFrame,
    rejects: pd.DataFrame,
    cfg: SeminarConfig,
    *,
    nlp=None,
    embedding_cache: MutableMapping | None = None,
) -> Analysis:
    """Statements → units → sub-themes per core area and across areas → recurring words, for one seminar.

    The automatic analysis: the analyst's codebook is applied to it afterwards
    (:func:`pipeline.flows.curate.curate_analysis`; :func:`pipeline.flows.seminar.run_seminar` does both).

    Args:
        notes: Accepted notes.
        rejects: Rejected notes (carried along for the reports).
        cfg: Seminar configuration.
        nlp: A spaCy pipeline to reuse; built from ``cfg.nlp`` when None.
        embedding_cache: Vectors of phrases embedded before (:func:`themes_of`); the
            tables are the same with or without it.

    Returns:
        The :class:`Analysis`.

    Raises:
        InputError: No note has a content word.
    """
    timings: dict[str, float] = {}
    start = time.perf_counter()
    nlp = nlp or build_nlp(cfg.nlp)
    timings["nlp (load)"] = time.perf_counter() - start
    start = time.perf_counter()
    stops = stop_words(cfg.nlp)
    statements = make_statements(notes, nlp, cfg.nlp)
    timings["statements"] = time.perf_counter() - start
    start = time.perf_counter()
    from pipeline.themes import ThemeParams, recurring_terms
    from pipeline.themes.copies import counted_statements

    # the theme stage's parameters, built once: the themes, the recurring words and (after the
    # analysis) the curation's rebuilt themes are all decided with these
    params = ThemeParams.from_config(cfg)
    result = themes_of(statements, notes, cfg, stops, nlp, params=params, embedding_cache=embedding_cache)
    timings["themes"] = time.perf_counter() - start
    start = time.perf_counter()
    # a sentence typed under the wrong area (themes.copies) is no word the groups used there either
    counted = counted_statements(statements, result.quality.get("copies", {}))
    terms = recurring_terms(counted, params, stop_words=stops)
    timings["terms"] = time.perf_counter() - start
    nlp_name = (
        f"{resolve_pipeline_name(cfg.nlp.pipeline)} ({', '.join(nlp.pipe_names)}; "
        f"lemmaer: {cfg.nlp.lemma_conventions})"
    )
    return Analysis(
        notes,
        rejects,
        statements,
        result.themes,
        result.units,
        result.cross,
        terms,
        result.quality,
        nlp_name,
        timings=timings,
        params=params,
    )
