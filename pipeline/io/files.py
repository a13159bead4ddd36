"""Single files in the formats the pipeline reads and writes: tables (CSV, Parquet, XLSX), text, JSON, bytes.

Part of the I/O side (with :mod:`pipeline.io` and :mod:`pipeline.io.caches`): every write is
atomic (a file is replaced only when complete), tables are checked against their schema.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.pandas as pa

from pipeline.errors import InputError
from pipeline.io.outputs import atomic_file, neutralise_frame, restore_frame
from pipeline.schemas import numbered_groups, validate

__all__ = [
    "read_any_table",
    "read_table",
    "read_text_file",
    "write_bytes",
    "write_json",
    "write_table",
    "write_text",
]


def read_text_file(path: str | Path) -> str:
    """Read a UTF-8 text file given on the command line.

    Raises:
        InputError: The file does not exist or is not UTF-8.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(
            str(path),
            "path",
            "the file does not exist",
            "check the path (relative to the folder you run seminar from).",
        )
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            str(path), f"byte {exc.start}", "the file is not UTF-8 text", "convert it to UTF-8."
        ) from None


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
            raise InputError(
                str(path),
                "whole file",
                "the file is empty",
                "give a table with a header row and one text per row.",
            )
        text, _ = decode_bytes(data)
        return restore_frame(
            pd.read_csv(_io.StringIO(text), sep=sniff_delimiter(text), dtype=str, keep_default_na=False)
        )
    except InputError:
        raise
    except Exception as exc:  # pandas/pyarrow/openpyxl raise many types for broken files
        raise InputError(
            str(path),
            "whole file",
            f"cannot be read as a table ({type(exc).__name__}: {exc})",
            "save it as CSV (UTF-8) or XLSX.",
        ) from None


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
            has_cr = any(
                safe[c].astype(str).str.contains("\r", regex=False).any()
                for c in safe.columns
                if not pd.api.types.is_numeric_dtype(safe[c])
            )
            safe.to_csv(
                temp,
                index=False,
                encoding="utf-8",
                lineterminator="\n",
                quoting=csv.QUOTE_NONNUMERIC if has_cr else csv.QUOTE_MINIMAL,
            )
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
        raise InputError(
            str(path), "path", "the stored table does not exist", "run `seminar run` for that seminar first."
        )
    if path.suffix.lower() == ".parquet":
        df = pd.read_parquet(path)
    else:
        with open(
            path, encoding="utf-8", newline=""
        ) as fh:  # newline="": a CR inside a quoted cell stays a CR
            df = restore_frame(pd.read_csv(fh, dtype=str, keep_default_na=False))
    if schema is None:
        return df
    columns = schema.to_schema().columns
    if "group_name" in columns:
        df = numbered_groups(df)
    for name, column in columns.items():
        # text cells (object or pandas' string dtype) "True"/"False": coercing them would make every
        # non-empty text true
        if name in df and str(column.dtype) == "bool" and not pd.api.types.is_bool_dtype(df[name]):
            df[name] = df[name].map({"True": True, "False": False, "true": True, "false": False})
    try:
        return validate(df, schema)
    except (pa.errors.SchemaError, pa.errors.SchemaErrors) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(
            str(path),
            "table",
            f"does not match the {schema.__name__} table ({first[:300]})",
            "re-run `seminar run` to write it again.",
        ) from None


def write_json(obj: Any, path: str | Path) -> Path:
    """Write JSON with sorted keys and UTF-8 characters kept readable."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_file(path) as temp:
        temp.write_text(
            json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True, default=str) + "\n",
            encoding="utf-8",
        )
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
