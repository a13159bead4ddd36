"""Safe outputs: spreadsheet cells that cannot run as formulas, and folders replaced all at once.

Formula injection (CSV injection): a spreadsheet program treats a cell that starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return as a formula. As OWASP recommends, every such
cell the tool writes gets a single quote in front (``'=HYPERLINK(...)``), which Excel shows as
text. The tool's own readers take that quote off again, so a round trip is exact: a value that
already starts with quotes before a formula character gets one more quote on writing and loses
one on reading (:func:`neutralise_cell` and :func:`restore_cell` are inverse to each other).

Atomic folders: :func:`atomic_folders` lets a run write every output into temporary sibling
folders and swaps them into place only when everything has been written; until then the
previous outputs stay as they were, and a killed run leaves only a hidden temporary folder
behind, which the next run removes.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

__all__ = [
    "FORMULA_CHARS",
    "atomic_file",
    "atomic_folders",
    "describe_os_error",
    "neutralise_cell",
    "neutralise_frame",
    "recover_folder",
    "restore_cell",
    "restore_frame",
]

#: First characters that make a spreadsheet cell a formula (OWASP, CSV injection).
FORMULA_CHARS = ("=", "+", "-", "@", "\t", "\r")
_NEEDS_QUOTE = re.compile(r"^'*[=+\-@\t\r]")
_QUOTED = re.compile(r"^'+[=+\-@\t\r]")


def neutralise_cell(value):
    """``value`` as a cell no spreadsheet runs as a formula (non-text values unchanged unless negative)."""
    if isinstance(value, str):
        return "'" + value if _NEEDS_QUOTE.match(value) else value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
        return "'" + str(value)
    return value


def restore_cell(value):
    """Undo :func:`neutralise_cell` on a cell read back as text."""
    if isinstance(value, str) and _QUOTED.match(value):
        return value[1:]
    return value


def neutralise_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` in which no cell (nor column name) starts with a formula character."""
    out = df.copy()
    out.columns = [neutralise_cell(str(c)) for c in out.columns]
    for i in range(out.shape[1]):
        col = out.iloc[:, i]
        if pd.api.types.is_bool_dtype(col):
            continue
        if pd.api.types.is_numeric_dtype(col):
            if (col < 0).any():
                out.isetitem(i, col.map(neutralise_cell).astype(object))
            continue
        out.isetitem(i, col.map(neutralise_cell))
    return out


def restore_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Undo :func:`neutralise_frame` on a table read back as text."""
    out = df.copy()
    out.columns = [restore_cell(c) for c in out.columns]
    for i in range(out.shape[1]):
        col = out.iloc[:, i]
        if col.dtype == object or pd.api.types.is_string_dtype(col):
            out.isetitem(i, col.map(restore_cell))
    return out


def _temp_name(target: Path, tag: str) -> Path:
    return target.parent / f".{target.name}.{tag}-{os.getpid()}"


def recover_folder(target: Path) -> None:
    """Tidy up after a run that was killed: restore a moved-away folder, remove temporary ones."""
    target = Path(target)
    if not target.parent.is_dir():
        return
    olds = sorted(target.parent.glob(f".{target.name}.old-*"))
    if olds and not target.exists():
        os.replace(olds[-1], target)  # killed between the two renames of the swap
        olds = olds[:-1]
    for leftover in [*olds, *target.parent.glob(f".{target.name}.tmp-*")]:
        shutil.rmtree(leftover, ignore_errors=True)


@contextlib.contextmanager
def atomic_folders(*targets: str | Path) -> Iterator[list[Path]]:
    """Write into temporary folders; on success replace ``targets`` with them.

    Yields:
        One empty temporary folder per target (the same one for equal targets), next to it.

    On an exception nothing is replaced and the temporary folders are removed. On success each
    target is replaced by two renames (old folder aside, new folder in) and the old folder is
    deleted afterwards; when a target cannot be replaced, the targets replaced before it are
    put back (all or none); a run killed between the two renames is repaired by
    :func:`recover_folder` at the start of the next run.
    """
    unique = list(dict.fromkeys(Path(t) for t in targets))
    temps: dict[Path, Path] = {}
    try:
        for target in unique:
            target.parent.mkdir(parents=True, exist_ok=True)
            recover_folder(target)
            temp = _temp_name(target, "tmp")
            shutil.rmtree(temp, ignore_errors=True)
            temp.mkdir()
            temps[target] = temp
        yield [temps[Path(t)] for t in targets]
    except BaseException:
        for temp in temps.values():
            shutil.rmtree(temp, ignore_errors=True)
        raise
    swapped: list[tuple[Path, Path, Path | None]] = []  # (target, its new folder's temp name, old folder)
    try:
        for target, temp in temps.items():
            old = _temp_name(target, "old") if target.exists() else None
            if old is not None:
                os.replace(target, old)
            try:
                os.replace(temp, target)
            except BaseException:
                if old is not None:
                    os.replace(old, target)
                raise
            swapped.append((target, temp, old))
    except BaseException:
        # One outcome per run: a folder that cannot be swapped in (reports/ not writable) undoes
        # the swaps already made, so the tables and the pages stay as the last run left them.
        for target, temp, old in reversed(swapped):
            os.replace(target, temp)
            if old is not None:
                os.replace(old, target)
        for temp in temps.values():
            shutil.rmtree(temp, ignore_errors=True)
        raise
    for _, _, old in swapped:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


@contextlib.contextmanager
def atomic_file(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path next to ``path``; rename it onto ``path`` when the block succeeds.

    A reader never sees a half-written file: it sees the old file or the new one.
    """
    path = Path(path)
    temp = path.parent / f".{path.name}.tmp-{os.getpid()}"
    try:
        yield temp
        os.replace(temp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def describe_os_error(exc: OSError) -> str:
    """One message for a file-system error (a folder that cannot be written, a disk that is full).

    The place, what happened and the fix. Nothing was replaced: outputs are swapped in only whole.
    """
    import errno

    place = exc.filename if exc.filename is not None else "an output or input file"
    what = exc.strerror or type(exc).__name__
    if isinstance(exc, PermissionError):
        fix = (
            "make the folder writable (or readable, for an input), or choose another folder: "
            "[output] processed_dir / reports_dir in the seminar TOML, or --out"
        )
    elif exc.errno == errno.ENOSPC:
        fix = "free disk space, or choose another folder for the outputs"
    elif isinstance(exc, (NotADirectoryError, FileExistsError)):
        fix = (
            "a file stands where a folder is needed (or the other way round); "
            "move it away or choose another output folder"
        )
    else:
        fix = "check the path and that you may read and write there"
    return f"{place}: {what} ({type(exc).__name__}); the previous outputs are unchanged.\n  Fix: {fix}."
