"""The whole analysis of one seminar as one pure function: notes in, tables and pages out."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from pipeline.config import SeminarConfig, slugify
from pipeline.errors import InputError
from pipeline.nlp import build_nlp, content_lemmas, make_statements, resolve_pipeline_name, stop_words
from pipeline.report import (
    build_area_context,
    build_area_docx,
    build_index_context,
    package_versions,
    render_area_html,
    render_area_markdown,
    render_index_html,
)
from pipeline.themes import find_themes, recurring_terms
from pipeline.topics import TopicResult, fit_topics, statement_map

__all__ = ["Analysis", "analyse_notes"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Analysis:
    """Tables and rendered pages of one seminar's analysis."""

    notes: pd.DataFrame
    rejects: pd.DataFrame
    statements: pd.DataFrame
    topics: TopicResult
    themes: pd.DataFrame
    terms: pd.DataFrame
    method: dict[str, str]  # what the method appendix of the reports shows
    pages: dict[str, str | bytes]  # file name -> HTML / Markdown text or DOCX bytes


def seed_topics(cfg: SeminarConfig, nlp, stops: frozenset[str]) -> list[list[str]]:
    """Seed topics from the configuration: each core area's theme, question and seed words, as lemmas."""
    seeds = []
    for area in cfg.core_areas:
        words = content_lemmas(f"{area.theme}. {area.question}", nlp, stops) + list(cfg.topics.seed_words.get(area.name, []))
        if words:
            seeds.append(list(dict.fromkeys(words)))
    return seeds


def _statements_and_topics(notes: pd.DataFrame, cfg: SeminarConfig, nlp, *, stability_runs: int = 2):
    nlp = nlp or build_nlp(cfg.nlp)
    stops = stop_words(cfg.nlp)
    statements = make_statements(notes, nlp, cfg.nlp)
    log.info("%d statements from %d notes", len(statements), len(notes))
    if not statements["content_lemmas"].astype(str).str.strip().any():
        raise InputError("the notes", "all notes", "no note has a content word (only stop words, numbers or placeholders)", "write out what the groups said; topics need words such as 'frivillige' or 'trivsel'.")
    topics = fit_topics(
        statements, cfg.topics, stop_words=stops, seed_topic_list=seed_topics(cfg, nlp, stops), stability_runs=stability_runs
    )
    return nlp, stops, statements, topics


def analyse_notes(
    notes: pd.DataFrame,
    rejects: pd.DataFrame,
    cfg: SeminarConfig,
    *,
    nlp=None,
    render_png: Callable[[go.Figure], bytes | None] | None = None,
    extra_method: dict[str, str] | None = None,
) -> Analysis:
    """Statements → topics → themes → report pages for the accepted notes.

    Args:
        notes: Accepted notes.
        rejects: Rejected notes (listed in the reports).
        cfg: Seminar configuration.
        nlp: A spaCy pipeline to reuse; built from ``cfg.nlp`` when None.
        render_png: Renders a chart to PNG for the DOCX reports (see
            :func:`pipeline.plots.figure_png`); None leaves the charts out of the DOCX.
        extra_method: More lines for the method appendix (from :meth:`IngestResult.method_lines`).

    Returns:
        The :class:`Analysis`.
    """
    nlp, stops, statements, topics = _statements_and_topics(notes, cfg, nlp)
    keywords = dict(zip(topics.topic_info["topic"], topics.topic_info["keywords_surface"], strict=True))
    themes = find_themes(topics.statement_topics, notes, cfg, embeddings=topics.embeddings, topic_keywords=keywords)
    terms = recurring_terms(statements, min_groups=cfg.topics.min_groups, stop_words=stops)
    method = {
        "Seminar": f"{cfg.seminar_label} ({cfg.municipality})",
        "Noter analyseret / afvist": f"{len(notes)} / {len(rejects)}",
        "Udsagn": str(len(statements)),
        "Emner i alt (alle kerneområder)": f"{len(topics.topic_info)} (valgt ved {topics.quality['k_chosen_by']})",
        "Embeddings / klyngedannelse": f"{topics.quality['embedding']} / {topics.quality['clustering']}",
        "Analyseenhed": {"statement": "udsagn", "note": "gruppenote"}[cfg.topics.unit],
        "Styret af temaer og spørgsmål": "ja" if topics.quality["guided"] else "nej",
        "Emnekvalitet": (
            f"diversitet {topics.quality['diversity']}, NPMI {topics.quality['npmi']}, "
            f"andel uden emne {topics.quality['outlier_share']}, stabilitet (ARI mellem seeds) {topics.quality['stability_ari']}"
        ),
        "Tilbagevendende fra": f"{cfg.topics.min_groups} grupper",
        "Seed": str(cfg.topics.seed),
        "NLP": f"{resolve_pipeline_name(cfg.nlp.pipeline)} ({', '.join(nlp.pipe_names)}; lemmaer: {cfg.nlp.lemma_conventions})",
        "Versioner": ", ".join(f"{k} {v}" for k, v in package_versions().items()),
        **(extra_method or {}),  # e.g. personal data removed, files that could not be read
    }
    coords = statement_map(topics)
    pages: dict[str, str | bytes] = {}
    for area in dict.fromkeys(notes["core_area"]):
        ctx = build_area_context(area, cfg, notes, topics.statement_topics, themes, rejects, method, coords, terms)
        slug = slugify(area)
        pages[f"{slug}.html"] = render_area_html(ctx)
        pages[f"{slug}.md"] = render_area_markdown(ctx)
        images = {name: (render_png(fig) if render_png else None) for name, _, fig in ctx.figures}
        pages[f"{slug}.docx"] = build_area_docx(ctx, images)
    pages["index.html"] = render_index_html(build_index_context(cfg, notes, topics.statement_topics, themes, rejects, method))
    return Analysis(notes, rejects, statements, topics, themes, terms, method, pages)


def compare_notes(notes: pd.DataFrame, cfg: SeminarConfig, base: int, target: int, *, nlp=None):
    """Fit one topic model over the notes of all years and compare ``base`` with ``target``.

    Args:
        notes: Notes of every year to compare (the ``year`` column tells them apart).
        cfg: Configuration whose NLP, topic and comparison settings are used (the target year's).
        base: Earlier year.
        target: Later year.
        nlp: A spaCy pipeline to reuse.

    Returns:
        ``(comparison, topic_result)``.
    """
    from pipeline.compare import compare_prevalence

    _, _, _, topics = _statements_and_topics(notes, cfg, nlp, stability_runs=0)
    comparison = compare_prevalence(topics.statement_topics, notes, topics.topic_info, base, target, cfg.compare)
    return comparison, topics
