"""The whole analysis of one seminar as one pure function: notes in, tables and pages out."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import pandas as pd

from pipeline.config import SeminarConfig, slugify
from pipeline.nlp import build_nlp, make_statements, resolve_pipeline_name, stop_words
from pipeline.report import build_area_context, build_index_context, package_versions, render_area_html, render_index_html
from pipeline.themes import find_themes
from pipeline.topics import TopicResult, fit_topics

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
    method: dict[str, str]  # what the method appendix of the reports shows
    pages: dict[str, str]  # file name -> HTML


def analyse_notes(notes: pd.DataFrame, rejects: pd.DataFrame, cfg: SeminarConfig, *, nlp=None) -> Analysis:
    """Statements → topics → themes → report pages for the accepted notes.

    Args:
        notes: Accepted notes.
        rejects: Rejected notes (listed in the reports).
        cfg: Seminar configuration.
        nlp: A spaCy pipeline to reuse; built from ``cfg.nlp`` when None.

    Returns:
        The :class:`Analysis`.
    """
    nlp = nlp or build_nlp(cfg.nlp)
    stops = stop_words(cfg.nlp)
    statements = make_statements(notes, nlp, cfg.nlp)
    log.info("%d statements from %d notes", len(statements), len(notes))
    if cfg.topics.unit == "note":
        raise NotImplementedError("unit = 'note' arrives with the topic stage; use 'statement'")
    topics = fit_topics(statements, cfg.topics, stop_words=stops)
    keywords = dict(zip(topics.topic_info["topic"], topics.topic_info["keywords"], strict=True))
    themes = find_themes(topics.statement_topics, notes, cfg, embeddings=topics.embeddings, topic_keywords=keywords)
    method = {
        "Seminar": f"{cfg.seminar_label} ({cfg.municipality})",
        "Noter analyseret / afvist": f"{len(notes)} / {len(rejects)}",
        "Udsagn": str(len(statements)),
        "Emner i alt (alle kerneområder)": str(len(topics.topic_info)),
        "Analyseenhed": cfg.topics.unit,
        "Embeddings": cfg.topics.embedding,
        "Tilbagevendende fra": f"{cfg.topics.min_groups} grupper",
        "Seed": str(cfg.topics.seed),
        "NLP": f"{resolve_pipeline_name(cfg.nlp.pipeline)} ({', '.join(nlp.pipe_names)}; lemmaer: {cfg.nlp.lemma_conventions})",
        "Versioner": ", ".join(f"{k} {v}" for k, v in package_versions().items()),
    }
    pages = {}
    for area in dict.fromkeys(notes["core_area"]):
        ctx = build_area_context(area, cfg, notes, topics.statement_topics, themes, rejects, method)
        pages[f"{slugify(area)}.html"] = render_area_html(ctx)
    pages["index.html"] = render_index_html(build_index_context(cfg, notes, topics.statement_topics, themes, rejects, method))
    return Analysis(notes, rejects, statements, topics, themes, method, pages)
