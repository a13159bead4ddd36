"""Flows: the stages wired once, tables in and tables out, no paths.

The CLI, the notebooks and the benchmarks call these; nothing else wires the stages.

* :func:`analyse_seminar`: one seminar's notes → statements, topics, themes, recurring words;
* :func:`compare_years`: one topic model over the notes of several years → comparison tables;
* :func:`compare_stored_analyses`: two stored analyses aligned by their topics, no refit;
* :func:`topics_for_texts`: topics for any list of Danish texts.

Rendering the tables as pages is :func:`pipeline.report.render_seminar_pages`' job.
"""

from __future__ import annotations

import logging
from collections import Counter
import time
from dataclasses import dataclass, field

import pandas as pd

from pipeline.compare import Comparison, align_topics, compare_prevalence, compare_stored
from pipeline.config import NlpConfig, SeminarConfig, TopicConfig
from pipeline.ingest import note_id
from pipeline.nlp import build_nlp, content_lemmas, make_statements, resolve_pipeline_name, stop_words
from pipeline.themes import find_themes, recurring_terms
from pipeline.topics import TopicResult, fit_topics

__all__ = [
    "Analysis",
    "StoredAnalysis",
    "analyse_seminar",
    "compare_stored_analyses",
    "compare_years",
    "seed_topics",
    "statements_and_topics",
    "topics_for_texts",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Analysis:
    """The tables of one seminar's analysis.

    Attributes:
        notes: Accepted notes.
        rejects: Rejected notes with the reason.
        statements: Statements with their lemmas.
        topics: The fitted topics (statements with their topic, topic info, quality).
        themes: One row per core area and theme.
        terms: Words several groups used, per core area.
        nlp_name: The NLP pipeline used and its components, for the method appendix.
        timings: Seconds per stage (for benchmarks and progress; never written to an output).
    """

    notes: pd.DataFrame
    rejects: pd.DataFrame
    statements: pd.DataFrame
    topics: TopicResult
    themes: pd.DataFrame
    terms: pd.DataFrame
    nlp_name: str = ""
    timings: dict[str, float] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class StoredAnalysis:
    """The tables of a stored analysis that a comparison needs (``topics.csv``, ``themes.csv``)."""

    year: int
    topics: pd.DataFrame
    themes: pd.DataFrame


def seed_topics(cfg: SeminarConfig, nlp, stops: frozenset[str]) -> list[list[str]]:
    """Seed topics from the configuration: each core area's theme, question and seed words, as lemmas."""
    seeds = []
    for area in cfg.core_areas:
        words = content_lemmas(f"{area.theme}. {area.question}", nlp, stops) + list(cfg.topics.seed_words.get(area.name, []))
        if words:
            seeds.append(list(dict.fromkeys(words)))
    return seeds


def statements_and_topics(
    notes: pd.DataFrame, cfg: SeminarConfig, nlp=None, *, stability_runs: int = 0, timings: dict | None = None
) -> tuple[frozenset[str], pd.DataFrame, TopicResult]:
    """Statements of the notes and the topics fitted over them (the first half of :func:`analyse_seminar`).

    Args:
        notes: Notes (of one seminar, or of several years).
        cfg: Configuration (NLP and topic settings, core areas for guidance).
        nlp: A spaCy pipeline to reuse; built from ``cfg.nlp`` when None.
        stability_runs: Refits with other seeds to measure stability.
        timings: A dict to add seconds per stage to.

    Returns:
        ``(stop_words, statements, topics)``.
    """
    timings = {} if timings is None else timings
    nlp = nlp or build_nlp(cfg.nlp)
    start = time.perf_counter()
    stops = stop_words(cfg.nlp)
    statements = make_statements(notes, nlp, cfg.nlp)
    log.info("%d statements from %d notes", len(statements), len(notes))
    timings["statements"] = time.perf_counter() - start
    start = time.perf_counter()
    topics = fit_topics(
        statements, cfg.topics, stop_words=stops, seed_topic_list=seed_topics(cfg, nlp, stops), stability_runs=stability_runs
    )
    timings["topics"] = time.perf_counter() - start
    return stops, statements, topics


def analyse_seminar(notes: pd.DataFrame, rejects: pd.DataFrame, cfg: SeminarConfig, *, nlp=None) -> Analysis:
    """Statements → topics → themes → recurring words for the accepted notes of one seminar.

    Args:
        notes: Accepted notes.
        rejects: Rejected notes (carried along for the reports).
        cfg: Seminar configuration.
        nlp: A spaCy pipeline to reuse; built from ``cfg.nlp`` when None.

    Returns:
        The :class:`Analysis`.
    """
    timings: dict[str, float] = {}
    start = time.perf_counter()
    nlp = nlp or build_nlp(cfg.nlp)
    timings["nlp (load)"] = time.perf_counter() - start
    stops, statements, topics = statements_and_topics(notes, cfg, nlp, stability_runs=2, timings=timings)
    start = time.perf_counter()
    keywords = dict(zip(topics.topic_info["topic"], topics.topic_info["keywords_surface"], strict=True))
    themes = find_themes(topics.statement_topics, notes, cfg, embeddings=topics.embeddings, topic_keywords=keywords)
    terms = recurring_terms(statements, min_groups=cfg.themes.min_groups, stop_words=stops)
    timings["themes"] = time.perf_counter() - start
    nlp_name = f"{resolve_pipeline_name(cfg.nlp.pipeline)} ({', '.join(nlp.pipe_names)}; lemmaer: {cfg.nlp.lemma_conventions})"
    return Analysis(notes, rejects, statements, topics, themes, terms, nlp_name, timings)


def compare_years(notes: pd.DataFrame, cfg: SeminarConfig, base: int, target: int, *, nlp=None) -> tuple[Comparison, TopicResult]:
    """Fit one topic model over the notes of all years and compare ``base`` with ``target``.

    Args:
        notes: Notes of every year to compare (the ``year`` column tells them apart).
        cfg: Configuration whose NLP, topic, theme and comparison settings are used (the target year's).
        base: Earlier year.
        target: Later year.
        nlp: A spaCy pipeline to reuse.

    Returns:
        ``(comparison, topic_result)``.
    """
    _, _, topics = statements_and_topics(notes, cfg, nlp)
    comparison = compare_prevalence(
        topics.statement_topics, notes, topics.topic_info, base, target, cfg.compare, min_groups=cfg.themes.min_groups
    )
    return comparison, topics


def compare_stored_analyses(base: StoredAnalysis, target: StoredAnalysis, cfg: SeminarConfig) -> Comparison:
    """Compare two stored analyses through a topic alignment, without refitting.

    Args:
        base: The earlier year's stored tables.
        target: The later year's stored tables.
        cfg: Configuration whose comparison and theme settings are used.

    Returns:
        The :class:`~pipeline.compare.Comparison`, with its ``alignment`` table.
    """
    alignment = align_topics(base.topics, target.topics, min_similarity=cfg.compare.min_similarity, one_to_one=cfg.compare.one_to_one)
    return compare_stored(base.themes, target.themes, alignment, base.year, target.year, cfg.compare, min_groups=cfg.themes.min_groups)


def topics_for_texts(
    texts: list[str],
    cfg: TopicConfig,
    nlp,
    *,
    stop_words: frozenset[str] = frozenset(),
    stability_runs: int = 0,
) -> tuple[pd.DataFrame, TopicResult | None]:
    """Topics for any list of Danish texts (survey answers, consultation responses …).

    With ``cfg.unit == "note"`` each text is one document. With ``"statement"`` texts are split
    into statements, and a text gets the topic most of its statements got (on a tie, the one
    its earliest statement got).

    Returns:
        One row per input text, in input order, with ``topic`` and ``topic_label`` (a text
        without any word gets ``-1``, "(ingen tekst)"), and the :class:`TopicResult`.
    """
    ids = [note_id(0, "", i, str(t)) for i, t in enumerate(texts)]
    notes = pd.DataFrame(
        {
            "note_id": ids,
            "year": 1900,
            "seminar": "",
            "core_area": "tekster",
            "theme": "",
            "question": "",
            "group": range(len(texts)),
            "text": [str(t) if str(t).strip() else "-" for t in texts],
            "source_file": "",
            "source_ref": "",
        }
    )
    statements = make_statements(notes, nlp, NlpConfig(extra_stop_words=tuple(sorted(stop_words))))
    out = pd.DataFrame({"topic": -1, "topic_label": "(ingen tekst)"}, index=range(len(texts)))
    if statements.empty:
        return out, None
    result = fit_topics(statements, cfg, stop_words=stop_words, stability_runs=stability_runs)
    st = result.statement_topics
    row_of = {nid: i for i, nid in enumerate(ids)}
    for nid, part in st.groupby("note_id", sort=False):
        counts = Counter(part["topic"])
        best = max(counts.values())
        topic = next(t for t in part["topic"] if counts[t] == best)
        out.loc[row_of[nid], ["topic", "topic_label"]] = [int(topic), part.loc[part["topic"] == topic, "topic_label"].iloc[0]]
    out["topic"] = out["topic"].astype(int)
    return out, result
