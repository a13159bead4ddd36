"""The analyst's codebook applied to an automatic analysis, and the suggestions made for the analyst.

Tables in, tables out, no paths: :func:`curate_analysis` curates an analysis made without a codebook
(:func:`pipeline.flows.analysis.analyse_seminar`) without finding the themes again; :func:`suggestions_of`
proposes the pairs that may be one point.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import replace
from typing import TYPE_CHECKING

import pandas as pd

from pipeline.config import SeminarConfig
from pipeline.flows.analysis import Analysis, area_and_topic_words
from pipeline.nlp import build_nlp, stop_words

if TYPE_CHECKING:  # the theme and curation modules bring spaCy and scikit-learn: imported where used
    from pipeline.curation import Codebook, CurationResult
    from pipeline.themes import ThemeParams, ThemeResult

__all__ = ["curate_analysis", "curate_themes", "starting_codebook", "suggestions_of"]


def curate_themes(
    result: ThemeResult,
    notes: pd.DataFrame,
    statements: pd.DataFrame,
    codebook: Codebook,
    words: dict[str, frozenset[str]],
    topic_words: dict[str, frozenset[str]] | None = None,
    known: tuple = (),
    *,
    params: ThemeParams,
) -> tuple[ThemeResult, CurationResult]:
    """The themes after the analyst's codebook (checked completely first; see :mod:`pipeline.curation`).

    ``params`` are the theme stage's parameters ``result`` was found with
    (:attr:`pipeline.flows.Analysis.params`): a changed theme is described with the same ones.

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
            decisions, result.themes, result.units, statements, codebook.entries, area_words=words
        )
        codebook = replace(codebook, entries=entries)

    curation = apply_codebook(
        codebook,
        themes=result.themes,
        units=result.units,
        cross=result.cross,
        notes=notes,
        statements=statements,
        params=params,
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
    computed with ``nlp`` when ``words`` is None. A changed theme is described with the theme
    stage's parameters the analysis was made with (:attr:`Analysis.params`).

    Raises:
        ValueError: The analysis is already curated (curation applies to the automatic themes), or
            carries no theme parameters (it was not made by :func:`analyse_seminar`).
        CodebookError: The codebook does not fit the analysis.
    """
    if analysis.curation is not None:
        raise ValueError("the analysis is already curated; curate the analysis made without a codebook")
    params = analysis.params
    if params is None:
        raise ValueError("the analysis carries no theme parameters; curate one made by analyse_seminar")
    if words is None:
        words, topic_words = area_and_topic_words(
            cfg, analysis.notes, nlp or build_nlp(cfg.nlp), stop_words(cfg.nlp)
        )
    from pipeline.themes import ThemeResult

    auto = ThemeResult(analysis.themes, analysis.units, analysis.cross, analysis.quality)
    result, curation = curate_themes(
        auto, analysis.notes, analysis.statements, codebook, words, topic_words, known, params=params
    )
    return replace(
        analysis,
        themes=result.themes,
        units=result.units,
        cross=result.cross,
        quality=result.quality,
        curation=curation,
    )


def suggestions_of(
    analysis: Analysis,
    cfg: SeminarConfig,
    *,
    words: dict[str, frozenset[str]] | None = None,
    decided: tuple[str, ...] = (),
    embedding_cache: MutableMapping | None = None,
) -> pd.DataFrame:
    """The analyst's suggestions (:func:`pipeline.curation.suggest.suggest`), by the theme stage's embedder.

    The embedding is the one the theme stage chose for these phrases and stored with its quality
    figures (``quality["embedding"]``); it is not decided again.

    ``decided``: ids accepted or rejected already (this codebook's and other years'): not proposed again.
    The words the theme stage took apart (``quality["words_apart"]``) join no suggestion on their own.
    """
    from pipeline.curation.apart import words_apart
    from pipeline.curation.suggest import suggest
    from pipeline.topics import EmbeddingParams
    from pipeline.topics.embedding import named_embedder

    params = EmbeddingParams.of(cfg.topics)
    embedder = named_embedder(
        analysis.quality.get("embedding", params.requested), seed=params.seed, cache=embedding_cache
    )
    embed = embedder.encode if hasattr(embedder, "encode") else embedder.fit_transform
    return suggest(
        analysis.themes,
        analysis.units,
        analysis.statements,
        embed=embed,
        area_words=words,
        decided=decided,
        apart=words_apart(analysis.quality),
        options={
            area: frozenset(int(t) for t in ids)
            for area, ids in analysis.quality.get("option_themes", {}).items()
        },
        stances=analysis.quality.get("stances"),
    )


def starting_codebook(
    analysis: Analysis,
    cfg: SeminarConfig,
    *,
    xlsx: bool = False,
    previous: Codebook | None = None,
    previous_name: str = "",
) -> tuple[str | bytes, int]:
    """A codebook to start curating from: one entry per automatic theme of ``analysis`` (no codebook).

    Args:
        analysis: The automatic analysis (with its suggestions for the workbook's sheet of them).
        cfg: Seminar configuration.
        xlsx: An Excel workbook (bytes) instead of commented YAML (text).
        previous: An earlier year's codebook whose names, memos, merges and new themes are carried over.
        previous_name: How the earlier codebook is named in the YAML's comments.

    Returns:
        The codebook, and the number of themes it has an entry for.
    """
    from pipeline.curation import codebook_text
    from pipeline.curation.excel import codebook_workbook

    if xlsx:
        book = codebook_workbook(
            analysis.themes,
            analysis.units,
            cfg.seminar_label,
            previous,
            analysis.statements,
            analysis.suggestions,
        )
    else:
        book = codebook_text(analysis.themes, analysis.units, cfg.seminar_label, previous, previous_name)
    return book, int(analysis.themes["topic"].nunique())
