"""Finding codebook entries again among the themes of a run, and how far curation moved the key phrases.

A theme's number changes between runs; its evidence does not (much). An entry is matched to
the theme of its core area with the same stable key (``themes.theme_key``: nothing changed), or
else to the theme that shares most of its evidence: the Dice overlap of their key phrases
(lemmas), or of their statements, whichever is higher, must be at least :data:`MIN_OVERLAP`.
Each theme takes at most one entry and each entry at most one theme, best overlap first.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pipeline.curation.codebook import Entry

__all__ = ["MIN_OVERLAP", "Match", "ThemeEvidence", "agreement", "match_entries", "theme_evidence"]

#: An entry matches a theme that shares at least half of their evidence (Dice): a majority, not a tuned value.
MIN_OVERLAP = 0.5


@dataclass(frozen=True)
class ThemeEvidence:
    """What identifies an automatic theme: its area, number, key, label, key phrases and statements."""

    area: str
    topic: int
    key: str
    label: str
    phrases: frozenset[str]
    statements: frozenset[str]


@dataclass(frozen=True)
class Match:
    """An entry and the theme it was found at (``topic`` -1.

    None), with the overlap, or the best candidate.
    """

    entry: Entry
    topic: int
    score: float
    best_label: str = ""
    taken_by: str = ""


def theme_evidence(themes: pd.DataFrame, units: pd.DataFrame) -> list[ThemeEvidence]:
    """The evidence of every automatic theme (one per topic, over all years)."""
    out = []
    in_theme = units[units["theme"] >= 0]
    by_topic = {int(t): part for t, part in in_theme.groupby("theme")}
    for row in themes.drop_duplicates("topic").itertuples():
        part = by_topic.get(int(row.topic), units.iloc[0:0])
        out.append(
            ThemeEvidence(
                row.core_area,
                int(row.topic),
                row.theme_key,
                row.label,
                frozenset(part["lemmas"]),
                frozenset(part["statement_id"]),
            )
        )
    return out


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def overlap(entry: Entry, theme: ThemeEvidence) -> float:
    """1 for the same stable key; else the higher Dice overlap of key phrases or of statements."""
    if entry.area != theme.area:
        return 0.0
    if entry.key and entry.key == theme.key:
        return 1.0
    return max(
        _dice(frozenset(entry.phrases), theme.phrases), _dice(frozenset(entry.statements), theme.statements)
    )


def match_entries(entries: tuple[Entry, ...], themes: list[ThemeEvidence]) -> dict[str, Match]:
    """Each matching entry's theme, one to one, best overlap first (then file order, then theme number).

    Returns:
        Entry id → :class:`Match` for every entry that has evidence (new themes are not matched);
        ``topic`` is -1 when no theme shares enough, with the best candidate's label and overlap.
    """
    candidates = []
    for i, entry in enumerate(entries):
        if entry.is_new:
            continue
        for theme in themes:
            score = overlap(entry, theme)
            if score > 0:
                candidates.append((-round(score, 9), i, theme.topic, entry, theme))
    candidates.sort(key=lambda c: c[:3])
    out: dict[str, Match] = {}
    taken: dict[int, str] = {}
    for neg, _, topic, entry, theme in candidates:
        if entry.id in out or topic in taken or -neg < MIN_OVERLAP:
            continue
        out[entry.id] = Match(entry, topic, -neg, theme.label)
        taken[topic] = entry.id
    for neg, _, topic, entry, theme in candidates:  # the best candidate of an entry left without a theme
        if entry.id not in out:
            out[entry.id] = Match(
                entry, -1, -neg, theme.label, taken.get(topic, "") if -neg >= MIN_OVERLAP else ""
            )
    for entry in entries:
        if not entry.is_new and entry.id not in out:
            out[entry.id] = Match(entry, -1, 0.0, "")
    return out


def agreement(auto: pd.Series, curated: pd.Series) -> dict:
    """Agreement of the automatic and the curated theme of the same key phrases (-1.

    No theme counts as a category).

    Returns:
        ``units``, ``moved`` (key phrases whose theme changed), ``share_moved`` and Cohen's
        ``kappa`` (1 when nothing moved).
    """
    from sklearn.metrics import cohen_kappa_score

    auto, curated = auto.astype(int).to_numpy(), curated.astype(int).to_numpy()
    n = len(auto)
    moved = int((auto != curated).sum())
    if moved == 0:
        kappa = 1.0
    else:
        kappa = float(cohen_kappa_score(auto, curated))
        kappa = 0.0 if kappa != kappa else kappa  # NaN: one category only
    return {
        "units": n,
        "moved": moved,
        "share_moved": round(moved / n, 4) if n else 0.0,
        "kappa": round(kappa, 4),
    }
