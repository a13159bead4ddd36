"""Seminar configuration: frozen dataclasses read from one TOML file per seminar.

The TOML file (for example ``data/raw/2024/seminar.toml``) names the seminar, its core
areas with their discussion theme and question, the input files, column mappings for
tabular input and where outputs go. The configuration that was used is written next to
every output (see :func:`pipeline.io.write_config_snapshot`).
"""

from __future__ import annotations

import tomllib
import warnings
from dataclasses import asdict, fields, replace
from pathlib import Path
from typing import Any

from pipeline.config.checks import check_config, check_tables, check_values
from pipeline.errors import ConfigError
from pipeline.names import normalize_name, slugify
from pipeline.config.model import (
    CompareConfig,
    CoreArea,
    InputConfig,
    NlpConfig,
    OutputConfig,
    PrivacyConfig,
    SeminarConfig,
    ThemesConfig,
    TopicConfig,
)

__all__ = [
    "CompareConfig",
    "CoreArea",
    "InputConfig",
    "NlpConfig",
    "OutputConfig",
    "PrivacyConfig",
    "SeminarConfig",
    "ThemesConfig",
    "TopicConfig",
    "config_to_dict",
    "normalize_name",
    "parse_config",
    "slugify",
]


#: Keys that moved to another section, with where they live now.
MOVED_KEYS = {
    ("topics", "min_groups"): "[themes] min_groups",
    ("topics", "n_quotes"): "[themes] n_quotes",
    ("compare", "min_groups"): "[themes] min_groups",
}
#: Keys no longer used: a configuration that has one still loads, with one warning naming it.
IGNORED_KEYS = {
    ("compare", "min_similarity"): "themes of different years are matched by what they say",
    ("compare", "one_to_one"): "matching is one to one, or merged with the reason stated",
}


def _did_you_mean(unknown: list[str], known: set[str]) -> str:
    """``"; did you mean 'files'?"`` for the unknown names close to a known one (a typo), else ``""``."""
    import difflib

    close = {
        name: found[0]
        for name in unknown
        if (found := difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6))
    }
    if not close:
        return ""
    if len(unknown) == 1:
        return f"; did you mean '{close[unknown[0]]}'?"
    return "; did you mean " + ", ".join(f"'{v}' for '{k}'" for k, v in close.items()) + "?"


def _build(cls: type, data: dict[str, Any], file: str, section: str) -> Any:
    known = {f.name for f in fields(cls)}
    moved = [(key, MOVED_KEYS[(section, key)]) for key in sorted(data) if (section, key) in MOVED_KEYS]
    if moved:
        key, where = moved[0]
        raise ConfigError(
            file,
            f"[{section}] {key} has moved to {where}",
            f"move the line to a [themes] section: {where.split()[1]} = {data[key]!r}",
        )
    for key in sorted(k for k in data if (section, k) in IGNORED_KEYS):
        warnings.warn(
            f"{file}: [{section}] {key} is ignored ({IGNORED_KEYS[(section, key)]}); remove the line",
            UserWarning,
            stacklevel=3,
        )
        del data[key]
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(
            file,
            f"unknown key(s) {', '.join(unknown)} in [{section}]"
            + _did_you_mean(unknown, known - {"base_dir"}),
            f"use only: {', '.join(sorted(known - {'base_dir'}))}",
        )
    values = {}
    for key, value in data.items():
        values[key] = tuple(value) if isinstance(value, list) else value
    values = check_values(cls, values, file, section)
    try:
        return cls(**values)
    except TypeError as exc:  # a required key is missing
        raise ConfigError(
            file, f"[{section}] is incomplete: {exc}", "see data/raw/2024/seminar.toml"
        ) from None


def parse_config(text: str, *, file: str = "seminar.toml", base_dir: Path = Path(".")) -> SeminarConfig:
    """Parse the TOML text of a seminar configuration.

    Args:
        text: Contents of the TOML file.
        file: Name of the file, for error messages.
        base_dir: Folder that relative input paths are resolved against.

    Returns:
        The frozen configuration.

    Raises:
        ConfigError: The TOML is malformed or has unknown or missing keys.
    """
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(file, f"not valid TOML: {exc}", "check quotes and brackets on that line") from None
    check_tables(raw, file)
    seminar = dict(raw.pop("seminar", {}))
    if "name" not in seminar or "year" not in seminar:
        raise ConfigError(
            file, "[seminar] needs at least 'name' and 'year'", 'add e.g. name = "Forårsseminar", year = 2024'
        )
    areas = []
    for i, area in enumerate(raw.pop("core_areas", []), start=1):
        if "name" not in area:
            raise ConfigError(file, f"core area number {i} has no 'name'", "give every [[core_areas]] a name")
        areas.append(_build(CoreArea, area, file, "core_areas"))
    sections = {
        "input": InputConfig,
        "nlp": NlpConfig,
        "topics": TopicConfig,
        "themes": ThemesConfig,
        "compare": CompareConfig,
        "output": OutputConfig,
        "privacy": PrivacyConfig,
    }
    built = {key: _build(cls, dict(raw.pop(key, {})), file, key) for key, cls in sections.items()}
    if raw:
        known = {"seminar", "core_areas", *sections}
        raise ConfigError(
            file,
            f"unknown section(s) {', '.join(sorted(raw))}" + _did_you_mean(sorted(raw), known),
            "use [seminar], [[core_areas]], " + ", ".join(f"[{name}]" for name in sections),
        )
    seminar_cfg = _build(SeminarConfig, {**seminar, "core_areas": areas, **built}, file, "seminar")
    if seminar_cfg.nlp.lemma_conventions not in {"themes", "ud"}:
        raise ConfigError(
            file, f"[nlp] lemma_conventions = {seminar_cfg.nlp.lemma_conventions!r}", 'use "themes" or "ud"'
        )
    if seminar_cfg.topics.unit not in {"statement", "note"}:
        raise ConfigError(file, f"[topics] unit = {seminar_cfg.topics.unit!r}", 'use "statement" or "note"')
    check_config(seminar_cfg, file)
    return replace(seminar_cfg, base_dir=base_dir)


def with_options(cfg: SeminarConfig, found: dict[str, tuple[str, ...]]) -> SeminarConfig:
    """The configuration with the options an input document listed given to the areas that list none.

    ``found``: area name → options. A configured list always wins.
    """
    areas = tuple(
        replace(a, options=tuple(found[a.name])) if not a.options and found.get(a.name) else a
        for a in cfg.core_areas
    )
    return cfg if areas == cfg.core_areas else replace(cfg, core_areas=areas)


def config_to_dict(cfg: SeminarConfig) -> dict[str, Any]:
    """Return the configuration as plain data (TOML-serialisable), without ``base_dir``."""
    data = asdict(cfg)
    data.pop("base_dir", None)
    seminar = {k: data.pop(k) for k in ("name", "year", "date", "municipality")}
    if seminar["date"] is None:
        seminar.pop("date")
    out: dict[str, Any] = {"seminar": seminar}
    out["core_areas"] = [
        {k: (list(v) if isinstance(v, tuple) else v) for k, v in area.items()}
        for area in data.pop("core_areas")
    ]
    for key, section in data.items():
        out[key] = {k: (list(v) if isinstance(v, tuple) else v) for k, v in section.items() if v is not None}
    return out
