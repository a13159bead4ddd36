"""All file-system access of the pipeline: reading inputs and configs, writing outputs.

Stage functions elsewhere take and return DataFrames and dataclasses; this module and
:mod:`pipeline.cli` are the only places that touch paths.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pandera.pandas as pa
import tomli_w

from pipeline.config import SeminarConfig, parse_config
from pipeline.curation import Codebook, CodebookError, parse_codebook
from pipeline.errors import ConfigError, InputError
from pipeline.ingest import SUPPORTED_SUFFIXES, IngestResult, SourceFile
from pipeline.outputs import atomic_file, atomic_folders, neutralise_frame, restore_frame
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
    from pipeline.flows import StoredAnalysis

__all__ = [
    "ANALYSIS_TABLES",
    "CODEBOOK",
    "COMPARISON_TABLES",
    "EMBEDDING_CACHE",
    "EmbeddingCache",
    "atomic_folders",
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
    "write_table",
    "write_text",
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
    from pipeline.privacy import redact_codebook

    return redact_codebook(parse_codebook(text, str(path)), cfg_or_path.privacy if isinstance(cfg_or_path, SeminarConfig) else None)


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
    from pipeline.privacy import redact_config

    return redact_config(parse_config(text, file=str(path), base_dir=path.parent))


def read_text_file(path: str | Path) -> str:
    """Read a UTF-8 text file given on the command line.

    Raises:
        InputError: The file does not exist or is not UTF-8.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "path", "the file does not exist", "check the path (relative to the folder you run seminar from).")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"byte {exc.start}", "the file is not UTF-8 text", "convert it to UTF-8.") from None


def read_any_table(path: str | Path) -> pd.DataFrame:
    """Read a user's table of texts: CSV (separator and encoding detected), XLSX (first sheet) or Parquet.

    Raises:
        InputError: The file is missing, empty or not a table.
    """
    import io as _io

    from pipeline.ingest import decode_bytes, sniff_delimiter

    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "path", "the file does not exist", "check the path.")
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            return pd.read_parquet(path)
        if suffix in (".xlsx", ".xlsm"):
            return pd.read_excel(path, dtype=str).fillna("")
        data = path.read_bytes()
        if not data.strip():
            raise InputError(str(path), "whole file", "the file is empty", "give a table with a header row and one text per row.")
        text, _ = decode_bytes(data)
        return restore_frame(pd.read_csv(_io.StringIO(text), sep=sniff_delimiter(text), dtype=str, keep_default_na=False))
    except InputError:
        raise
    except Exception as exc:  # pandas/pyarrow/openpyxl raise many types for broken files
        raise InputError(str(path), "whole file", f"cannot be read as a table ({type(exc).__name__}: {exc})", "save it as CSV (UTF-8) or XLSX.") from None


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


def _source(path: Path, root: Path | None) -> SourceFile:
    """The file's bytes; a file inside ``root`` that is a link to a place outside it is refused unread.

    A path written outside ``root`` (``../x.csv``, an absolute path) is the user's explicit choice.
    """
    import os

    inside = root is not None and Path(os.path.abspath(path)).is_relative_to(os.path.abspath(root))
    if inside and not path.resolve().is_relative_to(Path(root).resolve()):
        return SourceFile(str(path), b"", refused=f"the file is a link to a file outside the folder {root}; it was not read")
    return SourceFile(str(path), path.read_bytes())


def collect_sources(paths: list[str | Path], root: str | Path | None = None) -> list[SourceFile]:
    """Read the bytes of the given files; folders contribute their supported files, sorted by name.

    Files are read only from inside ``root`` (the seminar's folder) when given, and a folder's
    files only from inside that folder: a link leading elsewhere is refused (reported, not read).

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
            sources.extend(_source(p, Path(root) if root is not None else path) for p in files)
        elif path.is_file():
            sources.append(_source(path, Path(root) if root is not None else None))
        else:
            raise InputError(str(path), "path", "the file does not exist", "check the path (relative to the folder you run seminar from).")
    return sources


def config_sources(cfg: SeminarConfig) -> list[SourceFile]:
    """Read the input files listed under ``[input] files`` of the configuration."""
    if not cfg.input.files:
        raise ConfigError("seminar TOML", "[input] files is empty", 'list the notes files, e.g. files = ["noter.csv"]')
    return collect_sources([cfg.base_dir / f for f in cfg.input.files], root=cfg.base_dir)


def write_table(df: pd.DataFrame, path: str | Path) -> Path:
    """Write a table as CSV (UTF-8, formula cells neutralised) or Parquet, by the file ending."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_file(path) as temp:
        if path.suffix.lower() == ".parquet":
            df.to_parquet(temp, index=False)
        else:
            safe = neutralise_frame(df)
            # The csv module leaves a lone CR unquoted when rows end in LF; quote all texts then.
            has_cr = any(safe[c].astype(str).str.contains("\r", regex=False).any() for c in safe.columns if not pd.api.types.is_numeric_dtype(safe[c]))
            safe.to_csv(temp, index=False, encoding="utf-8", lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC if has_cr else csv.QUOTE_MINIMAL)
    return path


def read_table(path: str | Path, schema: type[pa.DataFrameModel] | None = None) -> pd.DataFrame:
    """Read a table written by :func:`write_table`, with the column types of ``schema`` when given.

    CSV cells are read as text and then converted by the schema (so ``"0123…"`` ids keep their
    leading zeros and ``"False"`` is false).

    Raises:
        InputError: The file is missing or does not match the schema.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "path", "the stored table does not exist", "run `seminar run` for that seminar first.")
    if path.suffix.lower() == ".parquet":
        df = pd.read_parquet(path)
    else:
        with open(path, encoding="utf-8", newline="") as fh:  # newline="": a CR inside a quoted cell stays a CR
            df = restore_frame(pd.read_csv(fh, dtype=str, keep_default_na=False))
    if schema is None:
        return df
    for name, column in schema.to_schema().columns.items():
        if name in df and str(column.dtype) == "bool" and df[name].dtype == object:
            df[name] = df[name].map({"True": True, "False": False, "true": True, "false": False})
    try:
        return validate(df, schema)
    except (pa.errors.SchemaError, pa.errors.SchemaErrors) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(str(path), "table", f"does not match the {schema.__name__} table ({first[:300]})", "re-run `seminar run` to write it again.") from None


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
    from pipeline.flows import StoredAnalysis

    folder = cfg.processed_dir
    return StoredAnalysis(cfg.year, themes=read_table(folder / "themes.csv", Themes))


def write_json(obj: Any, path: str | Path) -> Path:
    """Write JSON with sorted keys and UTF-8 characters kept readable."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_file(path) as temp:
        temp.write_text(json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8")
    return path


def write_text(text: str, path: str | Path) -> Path:
    """Write UTF-8 text with Unix line ends."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_file(path) as temp:
        temp.write_text(text, encoding="utf-8", newline="\n")
    return path


def write_bytes(data: bytes, path: str | Path) -> Path:
    """Write bytes, creating the folder."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_file(path) as temp:
        temp.write_bytes(data)
    return path


def write_config_snapshot(cfg: SeminarConfig, folder: str | Path) -> Path:
    """Save the configuration that produced the outputs in ``folder``."""
    from pipeline.privacy import public_config_dict

    return write_text(tomli_w.dumps(public_config_dict(cfg)), Path(folder) / CONFIG_SNAPSHOT)


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


#: The embedding cache, one file per processed-data root: vectors by content hash.
EMBEDDING_CACHE = Path(".cache") / "embeddings.npz"
#: Entries beyond this are dropped oldest-first when the cache is saved (about 150 MB of float32).
EMBEDDING_CACHE_MAX = 100_000


class EmbeddingCache(dict):
    """Raw embedding vectors by content hash (:func:`pipeline.topics.embedders.cache_key`).

    A plain dict that remembers whether anything was added, so that an unchanged cache is
    not written again.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.loaded = len(self)

    @property
    def changed(self) -> bool:
        """Whether entries were added since loading."""
        return len(self) != self.loaded


def embedding_cache_path(cfg: SeminarConfig) -> Path:
    """Where the embedding cache of a seminar lives: beside its processed folder, so a run's atomic replacement keeps it."""
    return Path(cfg.processed_dir).parent / EMBEDDING_CACHE


def load_embedding_cache(path: str | Path) -> EmbeddingCache:
    """The embedding cache at ``path``; an empty one when the file is missing or unreadable (it is only a cache)."""
    path = Path(path)
    try:
        with np.load(path, allow_pickle=False) as data:
            return EmbeddingCache(zip(data["keys"].tolist(), data["vectors"], strict=True))
    except (OSError, KeyError, ValueError, EOFError):
        return EmbeddingCache()


def save_embedding_cache(cache: EmbeddingCache, path: str | Path) -> Path | None:
    """Write the cache when entries were added (the newest :data:`EMBEDDING_CACHE_MAX` kept); None when unchanged."""
    if not cache.changed or not cache:
        return None
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    keys = list(cache)[-EMBEDDING_CACHE_MAX:]
    with atomic_file(path) as temp, open(temp, "wb") as handle:
        np.savez(handle, keys=np.array(keys), vectors=np.vstack([cache[k] for k in keys]).astype(np.float32))
    cache.loaded = len(cache)
    return path


def reusable_analysis_path(cfg: SeminarConfig) -> Path:
    """Where the automatic part of a seminar's last analysis is kept (beside the embedding cache)."""
    return Path(cfg.processed_dir).parent / ".cache" / f"analysis-{cfg.year}.pkl"


def load_reusable_analysis(path: str | Path):
    """The :class:`~pipeline.flows.ReusableAnalysis` kept at ``path``, or None (missing, unreadable or from another version).

    The file is a pickle this tool wrote itself into the processed-data folder; like any cache it
    is only trusted as far as that folder is.
    """
    import pickle

    from pipeline.flows import ReusableAnalysis

    try:
        with open(path, "rb") as handle:
            found = pickle.load(handle)
    except Exception:  # a missing, truncated or foreign file is only a miss
        return None
    return found if isinstance(found, ReusableAnalysis) else None


def save_reusable_analysis(reusable, path: str | Path) -> Path:
    """Keep the automatic part of an analysis for the next run."""
    import pickle

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_file(path) as temp:
        temp.write_bytes(pickle.dumps(reusable, protocol=pickle.HIGHEST_PROTOCOL))
    return path
