"""All file-system access of the pipeline: reading inputs and configs, writing outputs, keeping caches.

Stage functions elsewhere take and return DataFrames and dataclasses; this package and
:mod:`pipeline.cli` are the only places that touch paths. A newcomer's map:

* :mod:`~pipeline.io.inputs`: where a seminar's inputs are (the TOML, the notes files, the codebook);
* :mod:`~pipeline.io.catalog`: the tables and pages of a run and where they are written;
* :mod:`~pipeline.io.files`: single files (tables, text, JSON, bytes), every write atomic;
* :mod:`~pipeline.io.outputs`: safe outputs (cells that cannot run as formulas, folders replaced at once);
* :mod:`~pipeline.io.caches`: what a run keeps for the next under ``.cache/``;
* :mod:`~pipeline.io.comparison`: which years a comparison reads and where it is written;
* :mod:`~pipeline.report.xlsx`: Excel sheets with fixed bytes (the workbook and the Excel codebook).

The names used most are importable from here (``io.read_config``, ``io.write_run``, ``io.RunCache``).
"""

from __future__ import annotations

from pipeline.io.caches import (
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
from pipeline.io.catalog import (
    ANALYSIS_TABLES,
    CONFIG_SNAPSHOT,
    read_year_pages,
    seminar_title,
    write_analysis,
    write_config_snapshot,
    write_ingest_outputs,
    write_run,
    write_topics,
)
from pipeline.io.files import (
    read_any_table,
    read_table,
    read_text_file,
    write_bytes,
    write_json,
    write_table,
    write_text,
)
from pipeline.io.inputs import (
    CODEBOOK,
    CODEBOOK_XLSX,
    codebook_path,
    collect_sources,
    config_sources,
    read_codebook,
    read_config,
    read_known_decisions,
    write_codebook,
)
from pipeline.io.outputs import atomic_folders

__all__ = [
    "ANALYSIS_TABLES",
    "CODEBOOK",
    "CODEBOOK_XLSX",
    "CONFIG_SNAPSHOT",
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
    "read_any_table",
    "read_codebook",
    "read_config",
    "read_known_decisions",
    "read_table",
    "read_text_file",
    "read_year_pages",
    "reusable_analysis_path",
    "save_embedding_cache",
    "save_reusable_analysis",
    "seminar_title",
    "write_analysis",
    "write_bytes",
    "write_codebook",
    "write_config_snapshot",
    "write_ingest_outputs",
    "write_json",
    "write_run",
    "write_table",
    "write_text",
    "write_topics",
]
