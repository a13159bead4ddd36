"""All file-system access of the pipeline: reading inputs and configs, writing outputs.

Stage functions elsewhere take and return DataFrames and dataclasses; the I/O side and
:mod:`pipeline.cli` are the only places that touch paths. The I/O side is this module (where a
seminar's files are and what is written where), :mod:`pipeline.files` (single files: tables,
text, JSON) and :mod:`pipeline.caches` (what a run keeps for the next); every public name of
the three can be used from here (``io.write_table``, ``io.RunCache``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import pandera.pandas as pa
import tomli_w

from pipeline.config import SeminarConfig, config_to_dict, parse_config
from pipeline.curation import Codebook, CodebookError, parse_codebook
from pipeline.errors import ConfigError, InputError
from pipeline.ingest import SUPPORTED_SUFFIXES, IngestResult, SourceFile
from pipeline.caches import (
    EMBEDDING_CACHE,
    EmbeddingCache,
    RunCache,
    chart_renderer,
    embedding_cache_path,
    load_embedding_cache,
    load_reusable_analysis,
    reusable_analysis_path,
    save_embedding_cache,
    save_reusable_analysis,
)
from pipeline.files import read_any_table, read_table, read_text_file, write_bytes, write_json, write_table, write_text
from pipeline.outputs import atomic_folders
from pipeline.schemas import (
    Alignment,
    ComparisonQuotes,
    CrossThemes,
    Curation,
    Notes,
    Prevalence,
    Rejects,
    Statements,
    Status,
    Terms,
    Themes,
    Units,
    validate,
)

if TYPE_CHECKING:
    from pipeline.analysis import StoredAnalysis
    from pipeline.text_topics import TableTopics

__all__ = [
    "ANALYSIS_TABLES",
    "CODEBOOK",
    "COMPARISON_TABLES",
    "EMBEDDING_CACHE",
    "EmbeddingCache",
    "RunCache",
    "atomic_folders",
    "chart_renderer",
    "codebook_path",
    "collect_sources",
    "config_sources",
    "embedding_cache_path",
    "load_embedding_cache",
    "load_reusable_analysis",
    "find_year_configs",
    "read_any_table",
    "read_codebook",
    "read_config",
    "read_stored_analysis",
    "read_table",
    "read_text_file",
    "read_year_codebook",
    "reusable_analysis_path",
    "save_embedding_cache",
    "save_reusable_analysis",
    "write_analysis",
    "write_bytes",
    "write_codebook",
    "write_comparison",
    "write_config_snapshot",
    "write_ingest_outputs",
    "write_json",
    "write_run",
    "write_table",
    "write_text",
    "write_topics",
]

CONFIG_SNAPSHOT = "seminar.config.toml"
#: The analyst's codebook, beside the seminar's TOML (``data/raw/<year>/codebook.yaml``).
CODEBOOK = "codebook.yaml"


def codebook_path(cfg: SeminarConfig) -> Path:
    """Where the seminar's codebook is: ``codebook.yaml`` in the folder of its TOML."""
    return Path(cfg.base_dir) / CODEBOOK


def read_codebook(cfg_or_path: SeminarConfig | str | Path) -> Codebook | None:
    """Read the analyst's codebook of a seminar (or the file given); None when there is none.

    Raises:
        CodebookError: The file is not UTF-8, not YAML, or an entry is wrong (line and fix).
    """
    path = codebook_path(cfg_or_path) if isinstance(cfg_or_path, SeminarConfig) else Path(cfg_or_path)
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise CodebookError(str(path), "the codebook is not UTF-8 text", "save it as UTF-8 in your editor", f"byte {exc.start}") from None
    return parse_codebook(text, str(path))


def read_year_codebook(raw_dir: str | Path, year: int) -> tuple[Codebook, str]:
    """The codebook of an earlier year's seminar (``raw_dir/*/seminar.toml`` with that year) and its path.

    Raises:
        ConfigError: No seminar of that year, or it has no codebook.
    """
    cfg = find_year_configs(raw_dir, year, year)[year]
    codebook = read_codebook(cfg)
    if codebook is None:
        raise ConfigError(
            str(codebook_path(cfg)), f"no codebook for {year}", f"write one with `seminar curate init --config {cfg.base_dir / 'seminar.toml'}`, or leave out --from"
        )
    return codebook, str(codebook_path(cfg))


def write_codebook(text: str, path: str | Path, *, force: bool = False) -> Path:
    """Write a starting codebook; an existing one (the analyst's work) is kept unless ``force``.

    Raises:
        CodebookError: The file exists and ``force`` is not given.
    """
    path = Path(path)
    if path.exists() and not force:
        raise CodebookError(str(path), "a codebook is already there; it holds your curation", "edit it, or give --force to replace it (keep a copy first)")
    return write_text(text, path)


def read_config(path: str | Path) -> SeminarConfig:
    """Read a seminar TOML file; input paths in it are relative to its folder."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(str(path), "the configuration file does not exist", "give the path to a seminar TOML, e.g. data/raw/2024/seminar.toml")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ConfigError(str(path), "the configuration is not UTF-8 text", "save it as UTF-8 in your editor") from None
    return parse_config(text, file=str(path), base_dir=path.parent)


def find_year_configs(raw_dir: str | Path, first: int, last: int) -> dict[int, SeminarConfig]:
    """Seminar configurations under ``raw_dir/*/seminar.toml`` for the years from ``first`` to ``last``.

    Raises:
        ConfigError: No configuration was found for ``first`` or ``last``, or two for one year.
    """
    found: dict[int, SeminarConfig] = {}
    where: dict[int, Path] = {}
    for path in sorted(Path(raw_dir).glob("*/seminar.toml")):
        cfg = read_config(path)
        if first <= cfg.year <= last:
            if cfg.year in found:
                raise ConfigError(str(path), f"a second seminar for {cfg.year} (the first is {where[cfg.year]})", "give the configs to compare with --config")
            found[cfg.year], where[cfg.year] = cfg, path
    for year in (first, last):
        if year not in found:
            raise ConfigError(str(raw_dir), f"no seminar.toml with year = {year} in its sub-folders", "add the seminar's folder, or give its config with --config")
    return dict(sorted(found.items()))


def write_comparison(comparison, folder: str | Path, extra: dict[str, pd.DataFrame] | None = None) -> dict[str, Path]:
    """Write the comparison tables to ``folder``."""
    folder = Path(folder)
    tables = {"prevalence": comparison.prevalence, "status": comparison.status, "quotes": comparison.quotes, "alignment": comparison.alignment}
    written = {
        name: write_table(validate(df, COMPARISON_TABLES[name]), folder / f"{name}.csv") for name, df in tables.items() if df is not None
    }
    for name, df in (extra or {}).items():
        written[name] = write_table(df, folder / f"{name}.csv")
    return written


def _is_input(path: Path) -> bool:
    return (
        path.is_file()
        and path.suffix.lower() in SUPPORTED_SUFFIXES
        and not path.name.startswith((".", "~$"))
        and not path.name.lower().startswith("readme")
    )


def collect_sources(paths: list[str | Path]) -> list[SourceFile]:
    """Read the bytes of the given files; folders contribute their supported files, sorted by name.

    Raises:
        InputError: A path does not exist, or a folder holds no supported file.
    """
    sources: list[SourceFile] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if _is_input(p))
            if not files:
                raise InputError(str(path), "folder", "the folder holds no notes file", f"put files ending in {', '.join(SUPPORTED_SUFFIXES)} in it.")
            sources.extend(SourceFile(str(p), p.read_bytes()) for p in files)
        elif path.is_file():
            sources.append(SourceFile(str(path), path.read_bytes()))
        else:
            raise InputError(str(path), "path", "the file does not exist", "check the path (relative to the folder you run seminar from).")
    return sources


def config_sources(cfg: SeminarConfig) -> list[SourceFile]:
    """Read the input files listed under ``[input] files`` of the configuration."""
    if not cfg.input.files:
        raise ConfigError("seminar TOML", "[input] files is empty", 'list the notes files, e.g. files = ["noter.csv"]')
    return collect_sources([cfg.base_dir / f for f in cfg.input.files])


#: Stored tables of one seminar's analysis and their schemas (``data/processed/<year>/<name>.csv``).
ANALYSIS_TABLES: dict[str, type[pa.DataFrameModel]] = {
    "notes": Notes,
    "rejects": Rejects,
    "statements": Statements,
    "themes": Themes,
    "units": Units,
    "cross_themes": CrossThemes,
    "terms": Terms,
}
#: Stored tables of a comparison and their schemas (``data/processed/compare_<base>_<target>/``).
COMPARISON_TABLES: dict[str, type[pa.DataFrameModel]] = {
    "prevalence": Prevalence,
    "status": Status,
    "quotes": ComparisonQuotes,
    "alignment": Alignment,
}


def read_stored_analysis(cfg: SeminarConfig) -> StoredAnalysis:
    """The stored table of a seminar's analysis that a comparison needs (``themes``), typed by its schema."""
    from pipeline.analysis import StoredAnalysis

    folder = cfg.processed_dir
    return StoredAnalysis(cfg.year, themes=read_table(folder / "themes.csv", Themes))


def write_config_snapshot(cfg: SeminarConfig, folder: str | Path) -> Path:
    """Save the configuration that produced the outputs in ``folder``."""
    return write_text(tomli_w.dumps(config_to_dict(cfg)), Path(folder) / CONFIG_SNAPSHOT)


def write_analysis(
    analysis, pages: dict[str, str | bytes], cfg: SeminarConfig, processed: Path | None = None, reports: Path | None = None
) -> dict[str, Path]:
    """Write the processed tables to ``data/processed/<year>/`` and the pages to ``reports/<year>/`` (or the folders given).

    Every table is checked against its schema (:data:`ANALYSIS_TABLES`) before it is written.
    """
    processed, reports = processed or cfg.processed_dir, reports or cfg.reports_dir
    tables = {
        "notes": analysis.notes,
        "rejects": analysis.rejects,
        "statements": analysis.statements,
        "themes": analysis.themes,
        "units": analysis.units,
        "cross_themes": analysis.cross,
        "terms": analysis.terms,
    }
    written = {name: write_table(validate(df, ANALYSIS_TABLES[name]), processed / f"{name}.csv") for name, df in tables.items()}
    if getattr(analysis, "curation", None) is not None:
        written["curation"] = write_table(validate(analysis.curation.log, Curation), processed / "curation.csv")
    written["quality"] = write_json(analysis.quality, processed / "theme_quality.json")
    written["config"] = write_config_snapshot(cfg, processed)
    for name, page in sorted(pages.items()):
        written[name] = write_bytes(page, reports / name) if isinstance(page, bytes) else write_text(page, reports / name)
    write_config_snapshot(cfg, reports)
    return written


def write_ingest_outputs(result: IngestResult, out: str | Path, cfg: SeminarConfig) -> dict[str, Path]:
    """Write the notes table, its rejects table, the manifest and the config snapshot.

    ``out`` is the notes file (``.csv`` or ``.parquet``); the others go next to it as
    ``<stem>.rejects.csv``, ``<stem>.manifest.json`` and ``seminar.config.toml``.
    """
    out = Path(out)
    stem = out.with_suffix("")
    written = {
        "notes": write_table(result.notes, out),
        "rejects": write_table(result.rejects, stem.with_name(stem.name + ".rejects.csv")),
        "manifest": write_json(result.manifest(), stem.with_name(stem.name + ".manifest.json")),
        "config": write_config_snapshot(cfg, out.parent),
    }
    return written


def write_run(result: IngestResult, analysis, pages: dict[str, str | bytes], cfg: SeminarConfig) -> dict[str, Path]:
    """Write a whole run: the manifest, the tables and the pages, into folders that replace the previous outputs only when complete.

    Returns:
        Name → path of every table and page written.
    """
    with atomic_folders(cfg.processed_dir, cfg.reports_dir) as (processed, reports):
        write_json(result.manifest(), processed / "notes.manifest.json")
        return write_analysis(analysis, pages, cfg, processed, reports)


def write_topics(topics: TableTopics, out: str | Path) -> Path:
    """Write a table's rows with their topics to ``out`` (CSV or Parquet), and the topics beside it (``<stem>.topic_info.csv``) and their quality figures with the embedding chosen (``<stem>.topic_quality.json``)."""
    written = write_table(topics.table, out)
    stem = written.with_suffix("")
    write_table(topics.result.topic_info, stem.with_name(stem.name + ".topic_info.csv"))
    write_json(topics.result.quality, stem.with_name(stem.name + ".topic_quality.json"))  # with the embedding chosen and why
    return written
