"""Validation of a seminar configuration on load: types, ranges, output paths, file names.

Called by :func:`pipeline.config.parse_config` before any work starts, so that a wrong value
gives one message naming ``[section] key``, what was given and the fix, instead of a failure
after the analysis.
"""

from __future__ import annotations

import datetime as dt
import os
import types
import typing
from dataclasses import fields, is_dataclass
from pathlib import Path, PurePath
from typing import Any

from pipeline.errors import ConfigError
from pipeline.names import normalize_name, slugify

__all__ = ["check_config", "check_output_dir", "check_tables", "check_values"]

CANONICAL_FIELDS = ("text", "group", "core_area", "theme", "question", "year", "seminar")
CLUSTERINGS = ("auto", "agglomerative", "spectral", "kmeans", "minibatch-kmeans", "leiden")
PRIVACY_KINDS = ("cpr", "email", "phone", "name", "address", "account")
#: Pages of a seminar's report that a core area's page must not overwrite (file slug → what it is).
RESERVED_PAGES = {"index": "index page", "overblik": "overview page"}


def _check_options(area, file: str) -> None:
    """A core area's ``options``: each a text on one line, none twice (case-insensitive)."""
    seen: set[str] = set()
    for option in area.options:
        if not option.strip() or "\n" in option or "\r" in option:
            raise ConfigError(
                file,
                f"[[core_areas]] {area.name!r}: options has {option!r}, which is not an option",
                'write each option on one line, e.g. options = ["kapacitet", "infrastruktur"]',
            )
        key = " ".join(option.lower().split())
        if key in seen:
            raise ConfigError(
                file,
                f"[[core_areas]] {area.name!r}: the option {option!r} is given twice",
                "give each option once",
            )
        seen.add(key)


def _describe(hint: Any) -> str:
    if hint is str:
        return "a text in quotes"
    if hint is bool:
        return "true or false"
    if hint is int:
        return "a whole number"
    if hint is float:
        return "a number"
    if hint is dt.date:
        return "a date such as 2024-02-26"
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return " or ".join(_describe(a) for a in args)
    if origin is tuple:
        return 'a list of texts, e.g. ["a", "b"]'
    if origin is dict:
        if typing.get_origin(typing.get_args(hint)[1]) is list:
            return 'a table of lists, e.g. { "Social omsorg" = ["frivillig"] }'
        return 'a table of texts, e.g. { text = "Min kolonne" }'
    return getattr(hint, "__name__", str(hint))


def _convert(value: Any, hint: Any) -> tuple[bool, Any]:
    """``(ok, value)``: whether ``value`` fits the type ``hint``, and the value to keep."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in typing.get_args(hint):
            return True, None
        for arg in typing.get_args(hint):
            if arg is type(None):
                continue
            ok, converted = _convert(value, arg)
            if ok:
                return True, converted
        return False, value
    if hint is bool:
        return isinstance(value, bool), value
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool), value
    if hint is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value == value  # not NaN
        return ok, float(value) if ok else value
    if hint is str:
        return isinstance(value, str), value
    if hint is dt.date:
        if isinstance(value, dt.datetime):
            return True, value.date()
        if isinstance(value, dt.date):
            return True, value
        if isinstance(value, str):
            try:
                return True, dt.date.fromisoformat(value.strip())
            except ValueError:
                return False, value
        return False, value
    if origin is tuple:
        (item, *_rest) = typing.get_args(hint)
        if not isinstance(value, (tuple, list)):
            return False, value
        if is_dataclass(item):
            return all(isinstance(v, item) for v in value), tuple(value)
        return all(_convert(v, item)[0] for v in value), tuple(value)
    if origin is dict:
        _, val_t = typing.get_args(hint)
        if not isinstance(value, dict):
            return False, value
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                return False, value
            if typing.get_origin(val_t) is list:
                (item,) = typing.get_args(val_t)
                if not isinstance(v, (list, tuple)) or not all(_convert(x, item)[0] for x in v):
                    return False, value
                out[k] = list(v)
            else:
                ok, v2 = _convert(v, val_t)
                if not ok:
                    return False, value
                out[k] = v2
        return True, out
    if is_dataclass(hint):
        return isinstance(value, hint), value
    if hint is Path:
        return isinstance(value, (str, PurePath)), Path(value)
    return True, value


def check_values(cls: type, values: dict[str, Any], file: str, section: str) -> dict[str, Any]:
    """Check each value against the type of its dataclass field and the known ranges.

    Returns:
        The values, with integers given for decimal fields turned into floats.

    Raises:
        ConfigError: Naming ``[section] key``, the value given and what to write instead.
    """
    hints = typing.get_type_hints(cls)  # resolved in the module that defines the dataclass
    known = {f.name for f in fields(cls)}
    # ranges are declared with each field (pipeline.config.model.bounds)
    ranges = {f.name: f.metadata.get("range") for f in fields(cls)}
    out = dict(values)
    for key, value in values.items():
        if key not in known:
            continue
        ok, converted = _convert(value, hints[key])
        if not ok:
            raise ConfigError(
                file,
                f"[{section}] {key} = {value!r} is not {_describe(hints[key])}",
                f"write {key} as {_describe(hints[key])} in the seminar TOML "
                "(see data/raw/2024/seminar.toml)",
            )
        low, high = ranges.get(key) or (None, None)
        if converted is not None and isinstance(converted, (int, float)) and not isinstance(converted, bool):
            if (low is not None and converted < low) or (high is not None and converted > high):
                bounds = f"at least {low}" if high is None else f"between {low} and {high}"
                raise ConfigError(
                    file, f"[{section}] {key} = {value!r} is out of range", f"use a value {bounds}"
                )
        out[key] = converted
    return out


def check_tables(raw: dict[str, Any], file: str) -> None:
    """Every section must be a table, and ``core_areas`` a list of tables (``[[core_areas]]``).

    Raises:
        ConfigError: A section was given as a plain value.
    """
    for key, value in raw.items():
        if key == "core_areas":
            if not isinstance(value, list) or not all(isinstance(a, dict) for a in value):
                raise ConfigError(
                    file,
                    "core_areas is not a list of [[core_areas]] tables",
                    'write each area as [[core_areas]] with name = "..."',
                )
        elif not isinstance(value, dict):
            raise ConfigError(
                file,
                f"{key} = {value!r} is not a section",
                f"write it as a section: [{key}] followed by its keys",
            )


def check_output_dir(value: str, key: str, file: str) -> None:
    """A relative output folder must stay inside the working directory.

    Raises:
        ConfigError: The folder is empty or climbs out with ``..``.
    """
    if not value.strip():
        raise ConfigError(file, f"[output] {key} is empty", f'name a folder, e.g. {key} = "reports"')
    if "\x00" in value:
        raise ConfigError(file, f"[output] {key} contains a NUL character", "name an ordinary folder")
    if os.path.isabs(value) or PurePath(value).is_absolute():
        return  # the user asked for this place explicitly
    norm = os.path.normpath(value)
    if norm == ".." or norm.startswith(".." + os.sep) or norm.startswith("../"):
        raise ConfigError(
            file,
            f"[output] {key} = {value!r} points outside the working directory",
            "use a folder below the working directory, or an absolute path if you really mean another place",
        )


def check_config(cfg, file: str) -> None:
    """Checks that span several keys: ranges between keys, names, area file names, output folders.

    Raises:
        ConfigError: The first problem found.
    """
    if not cfg.name.strip():
        raise ConfigError(
            file, "[seminar] name is empty", 'give the seminar a name, e.g. name = "Forårsseminar"'
        )
    t = cfg.topics
    if t.max_topics < t.min_topics:
        raise ConfigError(
            file,
            f"[topics] max_topics = {t.max_topics} is below min_topics = {t.min_topics}",
            "make max_topics at least min_topics",
        )
    if t.clustering not in CLUSTERINGS:
        raise ConfigError(
            file, f"[topics] clustering = {t.clustering!r}", f"use one of: {', '.join(CLUSTERINGS)}"
        )
    if not 0 < cfg.compare.change <= 1:
        raise ConfigError(
            file,
            f"[compare] change = {cfg.compare.change!r} is out of range",
            "use a share above 0 and at most 1, e.g. 0.3",
        )
    unknown_fields = sorted(set(cfg.input.columns) - set(CANONICAL_FIELDS))
    if unknown_fields:
        raise ConfigError(
            file,
            f"[input.columns] unknown field(s) {', '.join(unknown_fields)}",
            f"map only: {', '.join(CANONICAL_FIELDS)}",
        )
    bad_kinds = sorted(set(cfg.privacy.kinds) - set(PRIVACY_KINDS))
    if bad_kinds:
        raise ConfigError(
            file,
            f"[privacy] kinds has unknown kind(s) {', '.join(bad_kinds)}",
            f"use some of: {', '.join(PRIVACY_KINDS)}",
        )
    check_output_dir(cfg.output.processed_dir, "processed_dir", file)
    check_output_dir(cfg.output.reports_dir, "reports_dir", file)
    processed = Path(os.path.normpath(cfg.output.processed_dir)) / str(cfg.year)
    reports = Path(os.path.normpath(cfg.output.reports_dir)) / str(cfg.year)
    if processed != reports and (processed in reports.parents or reports in processed.parents):
        raise ConfigError(
            file,
            f"[output] the folders {processed} and {reports} lie inside each other",
            "give processed_dir and reports_dir separate folders (or the same one)",
        )
    _check_areas(cfg, file)


def _check_areas(cfg, file: str) -> None:
    """Every core area has a name, a file name no other page has, and a committee on one line."""
    seen: dict[str, str] = {}
    for area in cfg.core_areas:
        if not area.name.strip():
            raise ConfigError(file, "a [[core_areas]] name is empty", "give every core area a name")
        slug = slugify(area.name)
        if not slug:
            raise ConfigError(
                file, f"core area {area.name!r} gives an empty file name", "use letters or digits in the name"
            )
        if slug in RESERVED_PAGES:
            raise ConfigError(
                file,
                f"core area {area.name!r} would overwrite the {RESERVED_PAGES[slug]} ({slug}.html)",
                "rename the core area",
            )
        if (
            (area.committee and not area.committee.strip())
            or "\n" in area.committee
            or "\r" in area.committee
        ):
            raise ConfigError(
                file,
                f"[[core_areas]] {area.name!r}: committee = {area.committee!r} is not a committee's name",
                'write it on one line, e.g. committee = "Udvalg for Læring", or leave the key out',
            )
        _check_options(area, file)
        if slug in seen and normalize_name(seen[slug]) == normalize_name(area.name):
            raise ConfigError(
                file,
                f"the core area {area.name!r} is given twice ([[core_areas]] with this name)",
                "keep one [[core_areas]] entry per core area; put its other names under aliases",
            )
        if slug in seen:
            raise ConfigError(
                file,
                f"core areas {seen[slug]!r} and {area.name!r} give the same report file name ({slug}.html)",
                "rename one of them so that the names differ in letters or digits",
            )
        seen[slug] = area.name
