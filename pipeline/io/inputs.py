"""Where a seminar's inputs are and how they are read: the configuration, the notes files, the codebook.

Part of :mod:`pipeline.io`; nothing here writes except :func:`write_codebook` (the analyst's starting
codebook, beside the seminar's TOML).
"""

from __future__ import annotations

from pathlib import Path

from pipeline.config import SeminarConfig, parse_config
from pipeline.curation import Codebook, CodebookError, parse_codebook
from pipeline.errors import ConfigError, InputError, unreadable
from pipeline.ingest import SAVE_AS, SUPPORTED_SUFFIXES, SourceFile
from pipeline.io.files import write_bytes, write_text

__all__ = [
    "CODEBOOK",
    "CODEBOOK_XLSX",
    "codebook_path",
    "collect_sources",
    "config_sources",
    "read_codebook",
    "read_config",
    "read_known_decisions",
    "write_codebook",
]

#: The analyst's codebook, beside the seminar's TOML (``data/raw/<year>/codebook.yaml``), or
#: the same as a workbook (``codebook.xlsx``); one of the two.
CODEBOOK, CODEBOOK_XLSX = "codebook.yaml", "codebook.xlsx"


def codebook_path(cfg: SeminarConfig, *, xlsx: bool = False) -> Path:
    """Where a seminar's codebook is: ``codebook.yaml`` (``codebook.xlsx`` with ``xlsx``) beside its TOML."""
    return Path(cfg.base_dir) / (CODEBOOK_XLSX if xlsx else CODEBOOK)


def read_codebook(cfg_or_path: SeminarConfig | str | Path) -> Codebook | None:
    """Read a seminar's codebook (``codebook.yaml`` or ``codebook.xlsx``), or the file given; None if none.

    Raises:
        CodebookError: Both a YAML and an Excel codebook are there; the file is not UTF-8,
            not YAML or no workbook; or an entry or cell is wrong (line, or sheet, row and
            column, and the fix).
    """
    if isinstance(cfg_or_path, SeminarConfig):
        yaml_path, xlsx_path = codebook_path(cfg_or_path), codebook_path(cfg_or_path, xlsx=True)
        if yaml_path.is_file() and xlsx_path.is_file():
            raise CodebookError(
                str(yaml_path.parent),
                f"both {CODEBOOK} and {CODEBOOK_XLSX} are there, and a run applies one codebook",
                "keep the one you curate in and move the other out of the folder "
                f"(or rename it, e.g. {CODEBOOK}.old)",
            )
        path = xlsx_path if xlsx_path.is_file() else yaml_path
    else:
        path = Path(cfg_or_path)
    if not path.is_file():
        return None
    if path.suffix.lower() == ".xlsx":
        from pipeline.curation.excel import parse_codebook_xlsx

        return parse_codebook_xlsx(path.read_bytes(), str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise CodebookError(
            str(path),
            "the codebook is not UTF-8 text",
            "save it as UTF-8 in your editor",
            f"byte {exc.start}",
        ) from None
    from pipeline.privacy import redact_codebook

    return redact_codebook(
        parse_codebook(text, str(path)),
        cfg_or_path.privacy if isinstance(cfg_or_path, SeminarConfig) else None,
    )


def read_known_decisions(cfg: SeminarConfig) -> tuple:
    """The decisions on suggestions in the codebooks of the seminar's other years.

    ``[themes] codebook_years`` names them.

    Every other year's ``seminar.toml`` in the folder above this seminar's (``data/raw/*/``), or
    only the years configured; each decision is marked with its source ("kodebog 2024"). A
    year whose configuration or codebook cannot be read is left out with a warning: this
    year's run does not stop for another year's file.
    """
    import logging
    from dataclasses import replace

    years = cfg.themes.codebook_years
    if years is not None and not years:
        return ()
    out = []
    for toml in sorted(cfg.base_dir.resolve().parent.glob("*/seminar.toml")):
        if toml.parent == cfg.base_dir.resolve():
            continue
        try:
            other = read_config(toml)
            if other.year == cfg.year or (years is not None and other.year not in years):
                continue
            codebook = read_codebook(other)
        except (ConfigError, CodebookError) as exc:
            logging.getLogger(__name__).warning("the codebook of %s is left out: %s", toml.parent, exc)
            continue
        if codebook is not None:
            out += [replace(d, source=f"kodebog {other.year}") for d in codebook.decisions]
    return tuple(out)


def write_codebook(text: str | bytes, path: str | Path, *, force: bool = False) -> Path:
    """Write a starting codebook (YAML text or workbook bytes); an existing one is kept unless ``force``.

    An existing codebook is the analyst's work.

    Raises:
        CodebookError: The file exists and ``force`` is not given.
    """
    path = Path(path)
    if path.exists() and not force:
        raise CodebookError(
            str(path),
            "a codebook is already there; it holds your curation",
            "edit it, or give --force to replace it (keep a copy first)",
        )
    return write_bytes(text, path) if isinstance(text, bytes) else write_text(text, path)


def read_config(path: str | Path) -> SeminarConfig:
    """Read a seminar TOML file; input paths in it are relative to its folder."""
    path = Path(path)
    if path.is_dir():
        raise ConfigError(
            str(path),
            "this is a folder, not a configuration file",
            f"give the seminar TOML in it, e.g. --config {path / 'seminar.toml'}",
        )
    if not path.is_file():
        raise ConfigError(
            str(path),
            "the configuration file does not exist",
            "give the path to a seminar TOML, e.g. data/raw/2024/seminar.toml",
        )
    try:
        text = path.read_text(encoding="utf-8-sig")  # Notepad writes a byte-order mark first
    except UnicodeDecodeError as exc:
        line = exc.object[: exc.start].count(b"\n") + 1
        raise ConfigError(
            str(path),
            f"the configuration is not UTF-8 text (first at line {line}: a letter such as æ, ø or å saved "
            "in another encoding)",
            "save it as UTF-8 in your editor (Notepad: File > Save As, Encoding: UTF-8)",
        ) from None
    except OSError as exc:
        raise ConfigError(str(path), *unreadable(exc)) from None
    from pipeline.privacy import redact_config

    return redact_config(parse_config(text, file=str(path), base_dir=path.parent))


def _is_input(path: Path) -> bool:
    """A notes file of a folder: a supported format, or one to save again (listed with the fix)."""
    return (
        path.is_file()
        and (path.suffix.lower() in SUPPORTED_SUFFIXES or path.suffix.lower() in SAVE_AS)
        and not path.name.startswith((".", "~$"))
        and not path.name.lower().startswith("readme")
    )


def _folder_files(folder: Path) -> list[Path]:
    """The notes files of a folder and of its sub-folders (not hidden ones), sorted by their path."""
    found = []
    for path in sorted(folder.rglob("*")):
        parts = path.relative_to(folder).parts
        if any(p.startswith((".", "~$")) for p in parts[:-1]):
            continue
        if _is_input(path):
            found.append(path)
    return found


def _source(path: Path, root: Path | None) -> SourceFile:
    """The file's bytes; a file inside ``root`` that is a link to a place outside it is refused unread.

    A path written outside ``root`` (``../x.csv``, an absolute path) is the user's explicit choice.
    """
    import os

    inside = root is not None and Path(os.path.abspath(path)).is_relative_to(os.path.abspath(root))
    if inside and not path.resolve().is_relative_to(Path(root).resolve()):
        return SourceFile(
            str(path), b"", refused=f"the file is a link to a file outside the folder {root}; it was not read"
        )
    try:
        return SourceFile(str(path), path.read_bytes())
    except OSError as exc:
        raise InputError(str(path), "whole file", *unreadable(exc)) from None


def collect_sources(paths: list[str | Path], root: str | Path | None = None) -> list[SourceFile]:
    """Read the bytes of the given files; folders contribute their notes files, sub-folders included.

    A folder's files in a format that is not read (``.doc``, ``.odt``, ``.rtf``) are passed on too:
    the reader lists them as unreadable with the format to save them in.

    Files are read only from inside ``root`` (the seminar's folder) when given, and a folder's
    files only from inside that folder: a link leading elsewhere is refused (reported, not read).

    Raises:
        InputError: A path does not exist, or a folder holds no supported file.
    """
    sources: list[SourceFile] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = _folder_files(path)
            if not files:
                raise InputError(
                    str(path),
                    "folder",
                    "the folder holds no notes file",
                    f"put files ending in {', '.join(SUPPORTED_SUFFIXES)} in it.",
                )
            sources.extend(_source(p, Path(root) if root is not None else path) for p in files)
        elif path.is_file():
            sources.append(_source(path, Path(root) if root is not None else None))
        elif root is not None:  # a name under [input] files: relative to the TOML's folder, not the shell's
            raise InputError(
                str(path),
                "[input] files",
                "the file does not exist",
                "correct the name under [input] files in the seminar TOML; a name there is relative to the "
                f"TOML's folder ({_folder(root)}).",
            )
        else:
            raise InputError(
                str(path),
                "path",
                "the file does not exist",
                "check the path (relative to the folder you run seminar from).",
            )
    return sources


def _folder(path: str | Path) -> str:
    """A folder's name for a message: ``"the current folder"`` for ``.``."""
    return "the current folder" if str(path) in ("", ".") else str(path)


def config_sources(cfg: SeminarConfig) -> list[SourceFile]:
    """Read the input files listed under ``[input] files`` of the configuration."""
    if not cfg.input.files:
        raise ConfigError(
            f"the seminar TOML in {_folder(cfg.base_dir)}",
            "[input] files is empty: no notes file is named",
            'list the notes files under [input], e.g. files = ["noter.csv"]',
        )
    return collect_sources([cfg.base_dir / f for f in cfg.input.files], root=cfg.base_dir)
