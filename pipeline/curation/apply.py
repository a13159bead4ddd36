"""Apply a codebook to the themes of a run: checked completely first, then applied in a fixed order.

Order (a later step wins over an earlier one for the same key phrase): merges, splits, new
themes from seed words, pinned statements, exclusions. A theme the codebook confirms, names,
gives a memo, merges, splits or pins to is curated (``Kurateret`` in the reports); the rest
stay machine suggestions (``Maskinforslag``). Then every theme whose key phrases
changed is described again from its own key phrases (groups, statements, recurring, keywords,
quotes); a theme keeps its automatic label unless the analyst named it or the label's phrase
left it. Names, memos and the codebook entry of every theme are new columns of the themes table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from pipeline.config import SeminarConfig
from pipeline.curation.codebook import Codebook, CodebookError, Entry
from pipeline.curation.match import agreement, match_entries, theme_evidence
from pipeline.curation.rows import rebuild_themes
from pipeline.report.wording import count, da_list
from pipeline.schemas import Curation, CrossThemes, Themes, validate

__all__ = ["CurationResult", "apply_codebook", "check_codebook"]

_STATEMENT_ID = re.compile(r"^([0-9a-f]{12})-\d+$")
_UNIT_ID = re.compile(r"^(([0-9a-f]{12})-\d+)-u\d+$")


@dataclass(frozen=True)
class CurationResult:
    """The curated tables, what was applied and what not (``log``, :class:`~pipeline.schemas.Curation`).

    And the agreement figures.
    """

    themes: pd.DataFrame
    units: pd.DataFrame
    cross: pd.DataFrame
    log: pd.DataFrame
    agreement: dict = field(default_factory=dict)
    file: str = ""


def check_codebook(
    codebook: Codebook, notes: pd.DataFrame, statements: pd.DataFrame, units: pd.DataFrame
) -> dict[str, str]:
    """Check the codebook against the analysis before anything is applied.

    Returns:
        Pinned id → why it cannot be placed although it is well formed (its note is no longer
        among the notes: the note was changed or removed), for the log.

    Raises:
        CodebookError: An entry names an unknown core area, or pins an id that is malformed,
            of a note that exists but has no such statement or key phrase, or of another area.
    """
    file = codebook.file
    areas = list(dict.fromkeys(notes["core_area"]))
    area_of_statement = dict(zip(statements["statement_id"], statements["core_area"], strict=True))
    unit_ids = set(units["unit_id"])
    note_ids = set(notes["note_id"])
    gone: dict[str, str] = {}
    for entry in codebook.entries:
        if entry.area not in areas:
            raise CodebookError(
                file,
                f"the core area {entry.area!r} of {entry.id!r} is not in the notes",
                f"write one of: {', '.join(areas)}",
                entry.where,
            )
        for pin, place in [(p, entry.where) for p in entry.pin] + [
            (p, f"line {part.line}") for part in entry.split for p in part.pin
        ]:
            unit = _UNIT_ID.match(pin)
            statement = unit.group(1) if unit else pin
            shape = _STATEMENT_ID.match(statement)
            if not shape:
                raise CodebookError(
                    file,
                    f"{pin!r} under pin: of {entry.id!r} is not a statement id",
                    "copy a statement id (such as 1a2b3c4d5e6f-02) from the report's notes or statements.csv",
                    place,
                )
            if shape.group(1) not in note_ids:
                gone[pin] = "noten med udsagnet findes ikke længere (ændret eller fjernet)"
                continue
            if statement not in area_of_statement:
                raise CodebookError(
                    file,
                    f"unknown statement id {statement!r} under pin: of {entry.id!r}",
                    "copy the statement id from the report's notes or statements.csv",
                    place,
                )
            if unit and pin not in unit_ids:
                raise CodebookError(
                    file,
                    f"unknown key-phrase id {pin!r} under pin: of {entry.id!r}",
                    f"pin the whole statement ({statement}) or a key phrase from units.csv",
                    place,
                )
            if area_of_statement[statement] != entry.area:
                raise CodebookError(
                    file,
                    f"{pin!r} is a statement of {area_of_statement[statement]!r}, but {entry.id!r} is a "
                    f"theme of {entry.area!r}",
                    "pin it to a theme of its own core area",
                    place,
                )
    return gone


def _phrases(hit: np.ndarray) -> str:
    return count(int(hit.sum()), "nøglefrase", "nøglefraser")


def _seeded(units: pd.DataFrame, seeds: tuple[str, ...]) -> np.ndarray:
    """Key phrases that contain a seed word.

    As a lemma, a compound part or a written word (a seed of several words: as written).
    """
    from pipeline.themes.units import unit_parts

    seeds_lower = [s.lower() for s in seeds]
    hits = []
    for lemmas, text in zip(units["lemmas"], units["text"], strict=True):
        words = (
            set(lemmas.split())
            | {p for w in lemmas.split() for p in unit_parts(w)}
            | set(re.findall(r"\w[\w-]*", text.lower()))
        )
        phrase = f" {' '.join(text.lower().split())} "
        hits.append(
            any(
                (s in words) if " " not in s else (f" {s} " in phrase or f" {s} " in f" {lemmas} ")
                for s in seeds_lower
            )
        )
    return np.asarray(hits, dtype=bool)


def _pinned(units: pd.DataFrame, pins: tuple[str, ...]) -> np.ndarray:
    """Key phrases pinned by their own id or by their statement's id."""
    pins = set(pins)
    return (units["unit_id"].isin(pins) | units["statement_id"].isin(pins)).to_numpy()


@dataclass
class _Steps:
    """The codebook applied step by step to the key phrases' theme numbers (``assign``), with a log.

    ``topic_of`` maps an entry id to its theme after matching (or a new number); ``meta`` maps a
    theme number to its name, memo, codebook key, curated flag and order rank.
    """

    codebook: Codebook
    units: pd.DataFrame
    labels: dict[int, str]
    assign: np.ndarray
    next_id: int
    gone: dict[str, str]
    topic_of: dict[str, int] = field(default_factory=dict)
    meta: dict[int, dict] = field(default_factory=dict)
    log: list[dict] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.area_mask = {
            a: (self.units["core_area"] == a).to_numpy() for a in dict.fromkeys(self.units["core_area"])
        }

    def note(
        self, entry: Entry, action: str, applied: bool, topic: int, reason: str, line: int | None = None
    ) -> None:
        """Log one action of an entry: applied or not, on which theme, and why (in Danish)."""
        self.log.append(
            {
                "entry": entry.id,
                "line": line or entry.line,
                "core_area": entry.area,
                "action": action,
                "applied": applied,
                "topic": topic,
                "reason": reason,
            }
        )

    def _shown(self, topic: int) -> str:
        """A theme as the log names it: the analyst's name, else its automatic label."""
        return self.meta[topic]["name"] or self.labels.get(topic, "")

    def match(self, matches: dict) -> None:
        """Each entry about an automatic theme finds its theme; confirmations, names and memos are logged."""
        for rank, entry in enumerate(self.codebook.entries):
            if entry.is_new:
                continue
            m = matches[entry.id]
            if m.topic < 0:
                if m.taken_by:
                    why = (
                        f"temaet »{m.best_label}« passer bedre til posten {m.taken_by}; ret den ene af de to "
                        "poster"
                    )
                    self.note(entry, "match", False, -1, why)
                    continue
                best = (
                    f" (nærmest: »{m.best_label}«, {round(100 * m.score)} % fælles)" if m.best_label else ""
                )
                why = f"intet tema deler mindst halvdelen af nøglefraserne eller udsagnene{best}"
                self.note(entry, "match", False, -1, why)
                continue
            self.topic_of[entry.id] = m.topic
            curated = bool(entry.name or entry.memo or entry.confirm)
            self.meta[m.topic] = {
                "key": entry.id,
                "name": entry.name,
                "memo": entry.memo,
                "curated": curated,
                "rank": (rank, 0),
            }
            label = self.labels.get(m.topic, "")
            if entry.confirm and not (entry.name or entry.exclude or entry.merge_into):
                self.note(entry, "confirm", True, m.topic, f"»{label}« bekræftet")
            if entry.name:
                self.note(entry, "rename", True, m.topic, f"»{label}« hedder »{entry.name}«")
            if entry.memo:
                memo = " ".join(entry.memo.split())
                self.note(entry, "memo", True, m.topic, f"memo til »{entry.name or label}«: {memo}")

    def merge(self) -> None:
        """1. Merges: an entry's theme joins the theme of the entry it names."""
        for entry in self.codebook.entries:
            if not entry.merge_into or entry.id not in self.topic_of:
                continue
            target = self.topic_of.get(entry.merge_into)
            source = self.topic_of[entry.id]
            if target is None:
                why = f"temaet det skulle lægges sammen med ({entry.merge_into}) blev ikke fundet"
                self.note(entry, "merge", False, source, why)
                continue
            self.assign[self.assign == source] = target
            self.meta[target]["curated"] = True
            self.meta.pop(source, None)
            self.topic_of[entry.id] = target
            why = f"»{self.labels.get(source, '')}« lagt sammen med »{self._shown(target)}«"
            self.note(entry, "merge", True, target, why)

    def split(self) -> None:
        """2. Splits: a theme's key phrases with a part's seed words or pins become a theme of their own."""
        for entry in self.codebook.entries:
            if not entry.split or entry.id not in self.topic_of:
                continue
            parent = self.topic_of[entry.id]
            rank = self.meta[parent]["rank"][0]
            for j, part in enumerate(entry.split, start=1):
                inside = self.assign == parent
                seeded = _seeded(self.units, part.seeds) if part.seeds else False
                hit = inside & seeded | inside & _pinned(self.units, part.pin)
                if not hit.any():
                    words = da_list(part.seeds) or "de fastgjorte udsagn"
                    why = f"delen »{part.name}«: ingen nøglefrase i temaet indeholder {words}"
                    self.note(entry, "split", False, parent, why, part.line)
                    continue
                self.assign[hit] = self.next_id
                self.meta[self.next_id] = {
                    "key": f"{entry.id}/{j}",
                    "name": part.name,
                    "memo": part.memo,
                    "curated": True,
                    "rank": (rank, j),
                }
                self.meta[parent]["curated"] = True
                why = f"»{part.name}« delt ud ({_phrases(hit)})"
                self.note(entry, "split", True, self.next_id, why, part.line)
                self.next_id += 1

    def new(self) -> None:
        """3. New themes: every key phrase of the area with one of the entry's seed words."""
        for rank, entry in enumerate(self.codebook.entries):
            if not entry.is_new:
                continue
            topic = self.topic_of[entry.id] = self.next_id
            self.meta[topic] = {
                "key": entry.id,
                "name": entry.name,
                "memo": entry.memo,
                "curated": True,
                "rank": (rank, 0),
            }
            self.next_id += 1
            if not entry.seeds:
                continue
            hit = self.area_mask[entry.area] & _seeded(self.units, entry.seeds)
            self.assign[hit] = topic
            words = da_list(entry.seeds)
            if hit.any():
                why = f"nyt tema »{entry.name}« ud fra ordene {words} ({_phrases(hit)})"
                self.note(entry, "new", True, topic, why)
            else:
                self.note(entry, "new", False, -1, f"ingen nøglefrase i {entry.area} indeholder {words}")

    def pin(self) -> None:
        """4. Pins: the named statements' (or key phrases') key phrases go to the entry's theme."""
        for entry in self.codebook.entries:
            if not entry.pin or entry.id not in self.topic_of:
                continue
            topic = self.topic_of[entry.id]
            known = tuple(p for p in entry.pin if p not in self.gone)
            for p in entry.pin:
                if p in self.gone:
                    self.note(entry, "pin", False, topic, f"{p}: {self.gone[p]}")
            hit = self.area_mask[entry.area] & _pinned(self.units, known)
            if known and not hit.any():
                self.note(entry, "pin", False, topic, f"{da_list(known)} har ingen nøglefraser")
            elif known:
                self.assign[hit] = topic
                self.meta[topic]["curated"] = True
                why = f"{da_list(known)} fastgjort til »{self._shown(topic)}« ({_phrases(hit)})"
                self.note(entry, "pin", True, topic, why)

    def exclude(self) -> None:
        """5. Exclusions: the entry's theme is noise; its key phrases belong to no theme."""
        for entry in self.codebook.entries:
            if entry.exclude and entry.id in self.topic_of:
                topic = self.topic_of[entry.id]
                self.assign[self.assign == topic] = -1
                self.meta.pop(topic, None)
                self.note(entry, "exclude", True, topic, f"»{self.labels.get(topic, '')}« udeladt som støj")

    def mark_lost(self, present: set[int]) -> None:
        """A new theme or part can lose every key phrase to a later step: then it was not applied."""
        for row in self.log:
            if row["applied"] and row["action"] in {"new", "split", "pin"} and row["topic"] not in present:
                row["applied"], row["reason"] = (
                    False,
                    row["reason"] + "; alle nøglefraserne blev senere flyttet",
                )

    def agreement(self, auto: np.ndarray) -> dict:
        """How far the curated themes agree with the automatic ones, per area and in all; entries applied."""
        agree: dict = {"areas": {}}
        for area, mask in self.area_mask.items():
            agree["areas"][area] = agreement(pd.Series(auto[mask]), pd.Series(self.assign[mask]))
        agree["total"] = agreement(pd.Series(auto), pd.Series(self.assign))
        agree["applied"] = sum(1 for r in self.log if r["applied"])
        agree["not_applied"] = sum(1 for r in self.log if not r["applied"])
        return agree


def _area_order(cfg: SeminarConfig, notes: pd.DataFrame) -> list[str]:
    """The reports' order of core areas: the configured areas first, then any other the notes name."""
    return [a.name for a in cfg.core_areas] + [
        a for a in dict.fromkeys(notes["core_area"]) if cfg.find_area(a) is None
    ]


def apply_codebook(
    codebook: Codebook,
    *,
    themes: pd.DataFrame,
    units: pd.DataFrame,
    cross: pd.DataFrame,
    notes: pd.DataFrame,
    statements: pd.DataFrame,
    cfg: SeminarConfig,
    area_words: dict[str, frozenset[str]] | None = None,
    topic_words: dict[str, frozenset[str]] | None = None,
) -> CurationResult:
    """Apply the codebook to the automatic themes (checked with :func:`check_codebook` first).

    Args:
        codebook: The analyst's codebook.
        themes: The automatic themes.
        units: The key phrases with their automatic theme.
        cross: The cross-cutting themes.
        notes: The analysis' notes.
        statements: The analysis' statements.
        cfg: The seminar's configuration (its core areas' order; quotes, keywords and the
            groups that make a theme recurring).
        area_words: Per area, the lemmas of its own name, theme and question.
        topic_words: Per area, the lemmas of its name and theme (a changed theme made of
            them restates the area, as an automatic one does).

    Returns:
        The :class:`CurationResult`.

    Raises:
        CodebookError: The codebook does not fit the analysis (nothing is applied then).
    """
    gone = check_codebook(codebook, notes, statements, units)
    auto = units["theme"].to_numpy().copy()
    steps = _Steps(
        codebook,
        units,
        labels=dict(zip(themes["topic"], themes["label"], strict=False)),
        assign=auto.copy(),
        next_id=int(max([-1, *themes["topic"].tolist()])) + 1,
        gone=gone,
    )
    steps.match(match_entries(codebook.entries, theme_evidence(themes, units)))
    # a later step wins over an earlier one for the same key phrase; new themes come before pins,
    # as a pin to a new theme needs its number
    steps.merge()
    steps.split()
    steps.new()
    steps.pin()
    steps.exclude()
    curated_units = units.assign(theme=steps.assign)
    new_themes, new_cross = rebuild_themes(
        themes,
        units,
        curated_units,
        cross,
        notes,
        statements,
        steps.meta,
        cfg,
        order=codebook.order,
        area_order=_area_order(cfg, notes),
        area_words=area_words or {},
        topic_words=topic_words or {},
    )
    steps.mark_lost(set(new_themes["topic"]))
    agree = steps.agreement(auto)
    table = pd.DataFrame(steps.log, columns=list(Curation.to_schema().columns))
    return CurationResult(
        validate(new_themes, Themes),
        curated_units,
        validate(new_cross, CrossThemes),
        validate(table, Curation),
        agree,
        codebook.file,
    )
