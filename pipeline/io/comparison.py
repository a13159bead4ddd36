"""The comparison's file side: which seminars (years) there are, how each is read, where it is written.

Part of :mod:`pipeline.io`: the flow :func:`pipeline.flows.compare.compare_seminars` takes what it
reads and returns tables and pages.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pandera.pandas as pa

from pipeline.config import SeminarConfig
from pipeline.curation import Codebook
from pipeline.errors import ConfigError
from pipeline.io.caches import RunCache
from pipeline.io.catalog import read_year_pages, write_config_snapshot
from pipeline.io.inputs import codebook_path, config_sources, read_codebook, read_config
from pipeline.io.files import write_bytes, write_table, write_text
from pipeline.io.outputs import atomic_folders
from pipeline.schemas import ComparisonQuotes, Matches, Prevalence, Status, validate

__all__ = [
    "COMPARISON_TABLES",
    "YearFiles",
    "comparison_configs",
    "comparison_name",
    "find_year_configs",
    "read_year_codebook",
    "read_years",
    "write_comparison",
    "year_links",
]

COMPARISON_TABLES: dict[str, type[pa.DataFrameModel]] = {
    "prevalence": Prevalence,
    "status": Status,
    "quotes": ComparisonQuotes,
    "matches": Matches,
}


def find_year_configs(
    raw_dir: str | Path, first: int | None = None, last: int | None = None, years: list[int] | None = None
) -> dict[int, SeminarConfig]:
    """Seminar configurations under ``raw_dir/*/seminar.toml``, in year order.

    Every year found, those from ``first`` to ``last``, or exactly ``years``.

    Raises:
        ConfigError: No configuration for ``first``, ``last`` or one of ``years``, or two for one year.
    """
    found: dict[int, SeminarConfig] = {}
    where: dict[int, Path] = {}
    for path in sorted(Path(raw_dir).glob("*/seminar.toml")):
        cfg = read_config(path)
        if (
            (first is None or cfg.year >= first)
            and (last is None or cfg.year <= last)
            and (years is None or cfg.year in years)
        ):
            if cfg.year in found:
                raise ConfigError(
                    str(path),
                    f"a second seminar for {cfg.year} (the first is {where[cfg.year]})",
                    "give the configs to compare with --config",
                )
            found[cfg.year], where[cfg.year] = cfg, path
    for year in [y for y in (first, last, *(years or [])) if y is not None]:
        if year not in found:
            raise ConfigError(
                str(raw_dir),
                f"no seminar.toml with year = {year} in its sub-folders",
                "add the seminar's folder, or give its config with --config",
            )
    return dict(sorted(found.items()))


def comparison_configs(
    raw_dir: str | Path, paths: list[Path] | None, years: list[int] | None
) -> dict[int, SeminarConfig]:
    """The configurations of the years to compare (None: every year found), in year order.

    From ``paths``, or else ``raw_dir/*/seminar.toml``.

    Raises:
        ConfigError: A year has no configuration, two have the same year, or fewer than two years are found.
    """
    if paths:
        found = {c.year: c for c in (read_config(p) for p in paths)}
        missing = [y for y in years or [] if y not in found]
        if missing:
            raise ConfigError(
                ", ".join(map(str, paths)),
                f"no seminar.toml with year = {', '.join(map(str, missing))} among them",
                "give its config with another --config",
            )
        cfgs = {y: c for y, c in sorted(found.items()) if years is None or y in years}
    else:
        cfgs = find_year_configs(raw_dir, years=years)
    if len(cfgs) < 2:
        raise ConfigError(
            str(raw_dir),
            f"{len(cfgs)} seminar found",
            "a comparison needs two years or more: add their folders, or give their configs with --config",
        )
    return cfgs


def comparison_name(years: list[int]) -> str:
    """The folder name of a comparison: ``compare_2024_2025``, ``compare_2022_2023_2024``."""
    return "compare_" + "_".join(str(y) for y in sorted(years))


def year_links(cfgs: dict[int, SeminarConfig], name: str) -> dict[int, str]:
    """Per year, the folder of its pages as seen from the comparison page (``../2024``)."""
    here = Path(cfgs[max(cfgs)].output.reports_dir) / name
    return {y: Path(os.path.relpath(c.reports_dir, here)).as_posix() for y, c in cfgs.items()}


def write_comparison(
    comparison, pages: dict[str, str | bytes], cfg: SeminarConfig, name: str
) -> tuple[Path, Path]:
    """Write a comparison: its tables and configuration, and its pages.

    The tables (each checked against its schema, :data:`COMPARISON_TABLES`) and the configuration go
    to ``data/processed/<name>/``, the pages to ``reports/<name>/``; the previous ones are replaced
    only when all is written.

    Returns:
        The tables' folder and the HTML page.
    """
    tables, reports = Path(cfg.output.processed_dir) / name, Path(cfg.output.reports_dir) / name
    with atomic_folders(tables, reports) as (t, r):
        for table, schema in COMPARISON_TABLES.items():
            write_table(validate(getattr(comparison, table), schema), t / f"{table}.csv")
        write_config_snapshot(cfg, t)
        for file, page in sorted(pages.items()):
            (write_bytes if isinstance(page, bytes) else write_text)(page, r / file)
    return tables, reports / next(f for f in sorted(pages) if f.endswith(".html"))


@dataclass
class YearFiles:
    """What was read of one year for a comparison: notes (ingested), codebook, stored pages, run cache."""

    cfg: SeminarConfig
    result: object  # pipeline.ingest.IngestResult
    codebook: object
    stored: object
    cache: RunCache


def read_years(cfgs: dict[int, SeminarConfig]) -> dict[int, YearFiles]:
    """Read every year to compare: the codebook, the notes, the stored pages and the run cache.

    The codebook first: a bad one stops before the long steps.
    """
    from pipeline.ingest import ingest

    out = {}
    for year, cfg in cfgs.items():
        codebook = read_codebook(cfg)
        result = ingest(config_sources(cfg), cfg)
        cfg = result.configured(cfg)  # a question's options the summary listed
        out[year] = YearFiles(cfg, result, codebook, read_year_pages(cfg), RunCache.load(cfg))
    return out


def read_year_codebook(raw_dir: str | Path, year: int) -> tuple[Codebook, str]:
    """The codebook of an earlier year's seminar (``raw_dir/*/seminar.toml`` with that year) and its path.

    Raises:
        ConfigError: No seminar of that year, or it has no codebook.
    """
    cfg = find_year_configs(raw_dir, year, year)[year]
    codebook = read_codebook(cfg)
    if codebook is None:
        raise ConfigError(
            str(codebook_path(cfg)),
            f"no codebook for {year}",
            f"write one with `seminar curate init --config {cfg.base_dir / 'seminar.toml'}`, "
            "or leave out --from",
        )
    return codebook, str(codebook_path(cfg))
