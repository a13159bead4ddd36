"""Statement-level topics for any Danish texts: one topic per statement or per text, with BERTopic.

A flow: tables in, tables out, no paths. :func:`topics_for_table` is what ``seminar topics``
runs (settings from the command line over the config's, personal data removed first);
:func:`statements_and_topics` fits topics over a seminar's statements (notebooks).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from pipeline.config import NlpConfig, SeminarConfig, TopicConfig
from pipeline.errors import InputError
from pipeline.ingest import note_id
from pipeline.nlp import build_nlp, content_lemmas, make_statements, stop_words
from pipeline.privacy import redact_frame, redactor_for
from pipeline.topics import TopicResult, fit_topics

__all__ = [
    "TableTopics",
    "seed_topics",
    "statements_and_topics",
    "topic_settings",
    "topics_for_table",
    "topics_for_texts",
]

log = logging.getLogger(__name__)


def seed_topics(cfg: SeminarConfig, nlp, stops: frozenset[str]) -> list[list[str]]:
    """Seed topics from the configuration: each core area's theme, question and seed words, as lemmas."""
    seeds = []
    for area in cfg.core_areas:
        words = content_lemmas(f"{area.theme}. {area.question}", nlp, stops) + list(
            cfg.topics.seed_words.get(area.name, [])
        )
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
        statements,
        cfg.topics,
        stop_words=stops,
        seed_topic_list=seed_topics(cfg, nlp, stops),
        stability_runs=stability_runs,
    )
    timings["topics"] = time.perf_counter() - start
    return stops, statements, topics


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
    start = time.perf_counter()
    # topics read lemmas only: the tagger is left out, whatever the size (the same answer at any size)
    statements = make_statements(
        notes, nlp, NlpConfig(extra_stop_words=tuple(sorted(stop_words))), tags=False
    )
    log.info(
        "statements (%d from %d texts): %.2f s", len(statements), len(texts), time.perf_counter() - start
    )
    out = pd.DataFrame({"topic": -1, "topic_label": "(ingen tekst)"}, index=range(len(texts)))
    # a statement of numbers or symbols only ("123", "50 %.") is kept for the record but has no word a
    # topic can be read from: a text of only such statements gets -1, as an empty one
    statements = statements[statements["content_lemmas"].str.strip() != ""]
    if statements.empty:
        return out, None
    result = fit_topics(statements, cfg, stop_words=stop_words, stability_runs=stability_runs)
    # Per text: the topic most of its statements got, on a tie the one its earliest statement got
    # (in whole columns: a loop over 50,000 texts took minutes).
    st = result.statement_topics[["note_id", "topic", "topic_label"]].reset_index(drop=True)
    st["order"] = np.arange(len(st))
    per_topic = (
        st.groupby(["note_id", "topic"], sort=False)
        .agg(count=("order", "size"), first=("order", "min"), label=("topic_label", "first"))
        .reset_index()
    )
    best = per_topic.sort_values(["count", "first"], ascending=[False, True], kind="stable").drop_duplicates(
        "note_id"
    )
    rows = pd.Series(range(len(ids)), index=ids)[best["note_id"]].to_numpy()
    out.loc[rows, "topic"] = best["topic"].to_numpy()
    out.loc[rows, "topic_label"] = best["label"].to_numpy()
    out["topic"] = out["topic"].astype(int)
    return out, result


def topic_settings(
    cfg: SeminarConfig | None,
    *,
    unit: str = "statement",
    n_topics: int | None = None,
    seed: int | None = None,
    embedding: str | None = None,
) -> tuple[NlpConfig, TopicConfig]:
    """The NLP and topic settings of a ``seminar topics`` run: the command line's over the config's.

    Args:
        cfg: The seminar configuration given with ``--config`` (None: the defaults).
        unit: ``statement`` (texts split into statements) or ``note`` (one topic per text).
        n_topics: Exactly this many topics (None: chosen automatically, or the config's).
        seed: The random seed (None: the config's).
        embedding: The embedding (None: the config's).

    Returns:
        ``(nlp_settings, topic_settings)``; topics are never guided by seed words here.
    """
    overrides = {
        k: v for k, v in {"n_topics": n_topics, "seed": seed, "embedding": embedding}.items() if v is not None
    }
    topic_cfg = replace(cfg.topics if cfg else TopicConfig(), unit=unit, guided=False, **overrides)
    return (cfg.nlp if cfg else NlpConfig()), topic_cfg


@dataclass(frozen=True)
class TableTopics:
    """A table of texts with the topic of every row.

    Attributes:
        table: The input rows (personal data removed) with ``topic`` and ``topic_label``.
        result: The fitted topics (their ``topic_info`` and ``quality``).
    """

    table: pd.DataFrame
    result: TopicResult

    def summary(self) -> str:
        """Two lines on the topics found: how many and how chosen, their quality, the embedding."""
        q = self.result.quality
        return (
            f"{q['n_topics']} topics ({q['k_chosen_by']}) over {q['n_documents']} documents; "
            f"diversity {q['diversity']}, NPMI {q['npmi']}\n"
            f"embedding {q['embedding_reason']}"
        )


def topics_for_table(
    df: pd.DataFrame,
    text_col: str,
    cfg: SeminarConfig | None,
    nlp_cfg: NlpConfig,
    topic_cfg: TopicConfig,
    *,
    source: str,
    nlp=None,
) -> TableTopics:
    """Topics for a table of Danish texts, one per row; personal data is removed from every cell first.

    Args:
        df: The table as read.
        text_col: The column holding the texts.
        cfg: The seminar configuration (its ``[privacy]`` settings), or None for the defaults.
        nlp_cfg: NLP settings (:func:`topic_settings`).
        topic_cfg: Topic settings (:func:`topic_settings`).
        source: The table's name, for messages.
        nlp: A spaCy pipeline to reuse; built from ``nlp_cfg`` when None.

    Returns:
        The :class:`TableTopics`, rows in input order.

    Raises:
        InputError: No such column, no rows below the header, or no text with a word to find
            topics in; the message names the table and the fix.
    """
    df = redact_frame(df, cfg.privacy if cfg else None)  # personal data never reaches the output
    redactor = redactor_for(cfg.privacy if cfg else None)
    if redactor is not None:  # the headers are redacted too: the text column's name with them
        text_col = redactor.redact(text_col)[0]
    if text_col not in df.columns:
        raise InputError(
            source,
            "header row",
            f"no column {text_col!r}; columns found: {', '.join(map(repr, df.columns))}",
            "name the text column with --text-col.",
        )
    if df.empty:
        raise InputError(
            source,
            "whole file",
            "the table has a header but no rows",
            "add the texts, one per row, below the header.",
        )
    texts = df[text_col].fillna("").astype(str).tolist()
    nlp = nlp or build_nlp(nlp_cfg)
    try:
        assigned, result = topics_for_texts(
            texts, topic_cfg, nlp, stop_words=stop_words(nlp_cfg), stability_runs=0
        )
    except ValueError as exc:  # scikit-learn: every word was a stop word
        if "vocabulary" not in str(exc):
            raise
        result = None
    if result is None:
        raise InputError(
            source,
            f"column {text_col!r}",
            "no text has a word to find topics in (all are empty, numbers or stop words)",
            "fill the column with the texts, or name the text column with --text-col.",
        )
    return TableTopics(
        df.assign(topic=assigned["topic"].to_numpy(), topic_label=assigned["topic_label"].to_numpy()), result
    )
