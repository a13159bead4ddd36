"""What a run writes where: the catalog of a seminar's tables and pages, and the writers of a run's outputs.

Part of :mod:`pipeline.io`. Every table is checked against its schema before it is written; a run's
folders replace the previous outputs only when complete (:func:`pipeline.io.outputs.atomic_folders`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pandera.pandas as pa
import tomli_w

from pipeline.config import SeminarConfig
from pipeline.errors import InputError
from pipeline.ingest import IngestResult
from pipeline.io.files import read_table, write_bytes, write_json, write_table, write_text
from pipeline.io.outputs import atomic_folders
from pipeline.schemas import (
    CrossThemes,
    Curation,
    Notes,
    Rejects,
    Statements,
    Suggestions,
    Terms,
    Themes,
    Units,
    validate,
)

if TYPE_CHECKING:
    from pipeline.flows.topics import TableTopics

__all__ = [
    "ANALYSIS_TABLES",
    "CONFIG_SNAPSHOT",
    "read_year_pages",
    "seminar_title",
    "write_analysis",
    "write_config_snapshot",
    "write_ingest_outputs",
    "write_run",
    "write_topics",
]

CONFIG_SNAPSHOT = "seminar.config.toml"
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
def read_year_pages(cfg: SeminarConfig):
    """The stored tables of a seminar's pages that a comparison reads (:class:`~pipeline.compare.YearTables`).

    Returns:
        The tables, typed by their schemas; None when the seminar has no complete stored analysis
        (a table, its overview page or the theme stage's ``recurring_from`` in
        ``theme_quality.json`` is missing, or a table does not match its schema).
    """
    from pipeline.compare import YearTables

    folder = cfg.processed_dir
    names = {
        "notes": Notes,
        "statements": Statements,
        "themes": Themes,
        "units": Units,
        "cross_themes": CrossThemes,
    }
    if not (cfg.reports_dir / "index.html").is_file() or not all(
        (folder / f"{n}.csv").is_file() for n in names
    ):
        return None
    try:
        t = {n: read_table(folder / f"{n}.csv", schema) for n, schema in names.items()}
        recurring_from = int(
            json.loads((folder / "theme_quality.json").read_text(encoding="utf-8"))["recurring_from"]
        )
    except (InputError, OSError, ValueError, KeyError, TypeError):
        return None  # written by another version: analysed again
    return YearTables(
        cfg.year,
        seminar_title(cfg),
        t["notes"],
        t["statements"],
        t["themes"],
        t["units"],
        t["cross_themes"],
        recurring_from,
    )


def seminar_title(cfg: SeminarConfig) -> str:
    """How the pages name a seminar: municipality, seminar name and date (with any invented-data marker)."""
    return " · ".join(x for x in (cfg.municipality, cfg.seminar_label) if x)


def write_config_snapshot(cfg: SeminarConfig, folder: str | Path) -> Path:
    """Save the configuration that produced the outputs in ``folder``."""
    from pipeline.privacy import public_config_dict

    return write_text(tomli_w.dumps(public_config_dict(cfg)), Path(folder) / CONFIG_SNAPSHOT)


def write_analysis(
    analysis,
    pages: dict[str, str | bytes],
    cfg: SeminarConfig,
    processed: Path | None = None,
    reports: Path | None = None,
) -> dict[str, Path]:
    """Write the tables to ``data/processed/<year>/``, the pages to ``reports/<year>/`` (or where given).

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
    written = {
        name: write_table(validate(df, ANALYSIS_TABLES[name]), processed / f"{name}.csv")
        for name, df in tables.items()
    }
    if getattr(analysis, "curation", None) is not None:
        written["curation"] = write_table(
            validate(analysis.curation.log, Curation), processed / "curation.csv"
        )
    if getattr(analysis, "suggestions", None) is not None:
        written["suggestions"] = write_table(
            validate(analysis.suggestions, Suggestions), processed / "suggestions.csv"
        )
    written["quality"] = write_json(analysis.quality, processed / "theme_quality.json")
    written["config"] = write_config_snapshot(cfg, processed)
    for name, page in sorted(pages.items()):
        written[name] = (
            write_bytes(page, reports / name) if isinstance(page, bytes) else write_text(page, reports / name)
        )
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


def write_run(
    result: IngestResult, analysis, pages: dict[str, str | bytes], cfg: SeminarConfig
) -> dict[str, Path]:
    """Write a whole run: the manifest, the tables and the pages.

    They go into folders that replace the previous outputs only when complete.

    Returns:
        Name → path of every table and page written.
    """
    with atomic_folders(cfg.processed_dir, cfg.reports_dir) as (processed, reports):
        write_json(result.manifest(), processed / "notes.manifest.json")
        return write_analysis(analysis, pages, cfg, processed, reports)


def write_topics(topics: TableTopics, out: str | Path) -> Path:
    """Write a table's rows with their topics to ``out`` (CSV or Parquet), and the topics beside it.

    The topics go to ``<stem>.topic_info.csv``, their quality figures with the embedding chosen to
    ``<stem>.topic_quality.json``.
    """
    written = write_table(topics.table, out)
    stem = written.with_suffix("")
    write_table(topics.result.topic_info, stem.with_name(stem.name + ".topic_info.csv"))
    write_json(
        topics.result.quality, stem.with_name(stem.name + ".topic_quality.json")
    )  # with the embedding chosen and why
    return written
