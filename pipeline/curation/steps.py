"""The codebook's steps on the key phrases' theme numbers.

:func:`~pipeline.curation.apply.apply_codebook` runs them in this order: merges, splits, new
themes from seed words, pinned statements, exclusions; a later step wins over an earlier one for
the same key phrase. Every action is logged (in Danish), applied or not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from pipeline.curation.codebook import Codebook, Entry
from pipeline.curation.match import agreement
from pipeline.report.wording import count, da_list, groups_text

__all__ = ["Steps"]


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
class Steps:
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
        """Each core area's key phrases, as a mask."""
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
                "point": entry.point,
            }
            label = self.labels.get(m.topic, "")
            if entry.point:
                self.keep_point(entry, m.topic, label)
            if entry.confirm and not (entry.name or entry.exclude or entry.merge_into or entry.point):
                self.note(entry, "confirm", True, m.topic, f"»{label}« bekræftet")
            if entry.name:
                self.note(entry, "rename", True, m.topic, f"»{label}« hedder »{entry.name}«")
            if entry.memo:
                memo = " ".join(entry.memo.split())
                self.note(entry, "memo", True, m.topic, f"memo til »{entry.name or label}«: {memo}")

    def keep_point(self, entry: Entry, topic: int, label: str) -> None:
        """A theme kept as a point counts its point groups only: the others' key phrases leave it.

        A group that wrote only the question's word made no point of it; its key phrases become a
        theme of their own, which only repeats the question (listed with the question's words, not
        counted, no side of a suggestion: no key phrase of the word alone is proposed back into
        the point), and the log names the group.
        """
        inside = self.assign == topic
        groups = self.units["group"].astype(int).to_numpy()
        bare = inside & ~np.isin(groups, entry.point_groups) if entry.point_groups else np.zeros_like(inside)
        if not bare.any():
            self.note(entry, "point", True, topic, f"»{label}« holdt som punkt: hver gruppe skrev sit eget")
            return
        self.assign[bare] = self.next_id
        self.meta[self.next_id] = {
            "key": f"{entry.id}/ordet",
            "name": "",
            "memo": "",
            "curated": False,
            "rank": (self.meta[topic]["rank"][0], 1),
        }
        self.next_id += 1
        self.meta[topic]["point_groups"] = entry.point_groups
        why = (
            f"»{label}« holdt som punkt af {groups_text(entry.point_groups)}, der skrev deres eget; "
            f"{groups_text(sorted(set(groups[bare].tolist())))} nævnte kun ordet (ikke talt)"
        )
        self.note(entry, "point", True, topic, why)

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
