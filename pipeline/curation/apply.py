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
    """The curated tables, what was applied and what not (``log``, :class:`~pipeline.schemas.Curation`), and the agreement figures."""

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
                    f"{pin!r} is a statement of {area_of_statement[statement]!r}, but {entry.id!r} is a theme of {entry.area!r}",
                    "pin it to a theme of its own core area",
                    place,
                )
    return gone


def _phrases(hit: np.ndarray) -> str:
    return count(int(hit.sum()), "nøglefrase", "nøglefraser")


def _seeded(units: pd.DataFrame, seeds: tuple[str, ...]) -> np.ndarray:
    """Key phrases that contain a seed word: as a lemma, a compound part or a written word (a seed of several words: as written)."""
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
    matches = match_entries(codebook.entries, theme_evidence(themes, units))
    log: list[dict] = []
    auto = units["theme"].to_numpy().copy()
    assign = auto.copy()
    next_id = int(max([-1, *themes["topic"].tolist()])) + 1
    topic_of: dict[str, int] = {}  # entry id → its theme after matching (or a new number)
    meta: dict[int, dict] = {}  # topic → name, memo, codebook key, curated, order rank
    labels = dict(zip(themes["topic"], themes["label"], strict=False))

    def note(
        entry: Entry, action: str, applied: bool, topic: int, reason: str, line: int | None = None
    ) -> None:
        log.append(
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

    for rank, entry in enumerate(codebook.entries):
        if entry.is_new:
            continue
        m = matches[entry.id]
        if m.topic < 0:
            if m.taken_by:
                note(
                    entry,
                    "match",
                    False,
                    -1,
                    f"temaet »{m.best_label}« passer bedre til posten {m.taken_by}; ret den ene af de to poster",
                )
                continue
            best = f" (nærmest: »{m.best_label}«, {round(100 * m.score)} % fælles)" if m.best_label else ""
            note(
                entry,
                "match",
                False,
                -1,
                f"intet tema deler mindst halvdelen af nøglefraserne eller udsagnene{best}",
            )
            continue
        topic_of[entry.id] = m.topic
        meta[m.topic] = {
            "key": entry.id,
            "name": entry.name,
            "memo": entry.memo,
            "curated": bool(entry.name or entry.memo or entry.confirm),
            "rank": (rank, 0),
        }
        if entry.confirm and not (entry.name or entry.exclude or entry.merge_into):
            note(entry, "confirm", True, m.topic, f"»{labels.get(m.topic, '')}« bekræftet")
        if entry.name:
            note(entry, "rename", True, m.topic, f"»{labels.get(m.topic, '')}« hedder »{entry.name}«")
        if entry.memo:
            note(
                entry,
                "memo",
                True,
                m.topic,
                f"memo til »{entry.name or labels.get(m.topic, '')}«: {' '.join(entry.memo.split())}",
            )
    area_mask = {a: (units["core_area"] == a).to_numpy() for a in dict.fromkeys(units["core_area"])}

    # 1. merges
    for entry in codebook.entries:
        if not entry.merge_into or entry.id not in topic_of:
            continue
        target = topic_of.get(entry.merge_into)
        source = topic_of[entry.id]
        if target is None:
            note(
                entry,
                "merge",
                False,
                source,
                f"temaet det skulle lægges sammen med ({entry.merge_into}) blev ikke fundet",
            )
            continue
        assign[assign == source] = target
        meta[target]["curated"] = True
        meta.pop(source, None)
        topic_of[entry.id] = target
        note(
            entry,
            "merge",
            True,
            target,
            f"»{labels.get(source, '')}« lagt sammen med »{meta[target]['name'] or labels.get(target, '')}«",
        )
    # 2. splits
    for entry in codebook.entries:
        if not entry.split or entry.id not in topic_of:
            continue
        parent = topic_of[entry.id]
        rank = meta[parent]["rank"][0]
        for j, part in enumerate(entry.split, start=1):
            inside = assign == parent
            hit = inside & (_seeded(units, part.seeds) if part.seeds else False) | inside & _pinned(
                units, part.pin
            )
            if not hit.any():
                note(
                    entry,
                    "split",
                    False,
                    parent,
                    f"delen »{part.name}«: ingen nøglefrase i temaet indeholder {da_list(part.seeds) or 'de fastgjorte udsagn'}",
                    part.line,
                )
                continue
            assign[hit] = next_id
            meta[next_id] = {
                "key": f"{entry.id}/{j}",
                "name": part.name,
                "memo": part.memo,
                "curated": True,
                "rank": (rank, j),
            }
            meta[parent]["curated"] = True
            note(entry, "split", True, next_id, f"»{part.name}« delt ud ({_phrases(hit)})", part.line)
            next_id += 1
    # 3. new themes from seed words; 4. pins (new themes first, as their number is needed)
    for rank, entry in enumerate(codebook.entries):
        if not entry.is_new:
            continue
        topic_of[entry.id] = next_id
        meta[next_id] = {
            "key": entry.id,
            "name": entry.name,
            "memo": entry.memo,
            "curated": True,
            "rank": (rank, 0),
        }
        next_id += 1
        if entry.seeds:
            hit = area_mask[entry.area] & _seeded(units, entry.seeds)
            assign[hit] = topic_of[entry.id]
            if hit.any():
                note(
                    entry,
                    "new",
                    True,
                    topic_of[entry.id],
                    f"nyt tema »{entry.name}« ud fra ordene {da_list(entry.seeds)} ({_phrases(hit)})",
                )
            else:
                note(
                    entry,
                    "new",
                    False,
                    -1,
                    f"ingen nøglefrase i {entry.area} indeholder {da_list(entry.seeds)}",
                )
    for entry in codebook.entries:
        if not entry.pin or entry.id not in topic_of:
            continue
        known = tuple(p for p in entry.pin if p not in gone)
        for p in entry.pin:
            if p in gone:
                note(entry, "pin", False, topic_of[entry.id], f"{p}: {gone[p]}")
        hit = area_mask[entry.area] & _pinned(units, known)
        if known and not hit.any():
            note(entry, "pin", False, topic_of[entry.id], f"{da_list(known)} har ingen nøglefraser")
        elif known:
            assign[hit] = topic_of[entry.id]
            meta[topic_of[entry.id]]["curated"] = True
            note(
                entry,
                "pin",
                True,
                topic_of[entry.id],
                f"{da_list(known)} fastgjort til »{meta[topic_of[entry.id]]['name'] or labels.get(topic_of[entry.id], '')}« ({_phrases(hit)})",
            )
    # 5. exclusions
    for entry in codebook.entries:
        if entry.exclude and entry.id in topic_of:
            topic = topic_of[entry.id]
            assign[assign == topic] = -1
            meta.pop(topic, None)
            note(entry, "exclude", True, topic, f"»{labels.get(topic, '')}« udeladt som støj")
    curated_units = units.assign(theme=assign)
    # The reports' order: the configured areas first, then any other the notes name.
    area_order = [a.name for a in cfg.core_areas] + [
        a for a in dict.fromkeys(notes["core_area"]) if cfg.find_area(a) is None
    ]
    new_themes, new_cross = rebuild_themes(
        themes,
        units,
        curated_units,
        cross,
        notes,
        statements,
        meta,
        cfg,
        order=codebook.order,
        area_order=area_order,
        area_words=area_words or {},
        topic_words=topic_words or {},
    )
    present = set(new_themes["topic"])  # a new theme or part can lose every key phrase to a later step
    for row in log:
        if row["applied"] and row["action"] in {"new", "split", "pin"} and row["topic"] not in present:
            row["applied"], row["reason"] = False, row["reason"] + "; alle nøglefraserne blev senere flyttet"
    agree = {"areas": {}}
    for area, mask in area_mask.items():
        agree["areas"][area] = agreement(pd.Series(auto[mask]), pd.Series(assign[mask]))
    agree["total"] = agreement(pd.Series(auto), pd.Series(assign))
    agree["applied"] = sum(1 for r in log if r["applied"])
    agree["not_applied"] = sum(1 for r in log if not r["applied"])
    table = pd.DataFrame(log, columns=list(Curation.to_schema().columns))
    return CurationResult(
        validate(new_themes, Themes),
        curated_units,
        validate(new_cross, CrossThemes),
        validate(table, Curation),
        agree,
        codebook.file,
    )
