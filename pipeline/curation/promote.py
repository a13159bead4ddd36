"""Suggestions of the kind ``point``: a theme of only the question's words the groups made a point of.

A theme such as "Kompetencer" under a question about "medarbejdernes kompetencer" is listed with
the question's own words and never counted: the machine cannot tell whether the groups made a
point of the word or only echoed the question. Where a group wrote something of its own about
the word ("kompetenceudvikling blandt medarbejdere", "investering i medarbejdernes
kompetencer", "sikre tilstrækkelige IT-kompetencer"), the analyst can tell; the machine
proposes and the analyst decides (:func:`point_candidates`). The point is proposed with exactly
the groups whose own words say more than the question, when there are two or more; a group that
wrote only the word ("risiciene") is named in the reason ("nævnte kun ordet") and not counted:
counting it would count that group for a point it did not make. Never proposed: a theme where
fewer than two groups said more, a theme that restates the area, or one that names a given
option (the page shows it with the options).

An accepted point is an ordinary codebook entry that confirms the theme and keeps it as a point
of the groups that said more (:func:`point_entries`, ``Entry.point_groups``), read again in each
run from that run's notes, never copied from the decision: the next run lists it among the
recurring themes, "Kurateret", with its own label, counting exactly those groups ("k af n": each
counted group's own words say the label); the key phrases of the groups that wrote only the word
leave it for a theme of their own that only repeats the question (listed with the question's
words, never counted). In another year the same rule picks that year's groups.

Score: the share of the area's groups that made the point in their own words, on the same 0-1
scale as the merges' similarity, with the merges' weights for more groups, a word two groups
share beyond the question's and a derivation or synonym link between two groups' words.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

import pandas as pd

from pipeline.curation.codebook import Entry
from pipeline.curation.ranking import W_GROUPS, W_LINK, W_SHARED, Candidate, Side, suggestion_id
from pipeline.report.wording import groups_text

__all__ = ["POINT", "PointEvidence", "point_candidates", "point_entries", "point_evidence", "point_id"]

#: The ``kind`` of a point suggestion (``suggestions.csv``, a decision).
POINT = "point"
#: The second side of a point's id: no side's words are this (a theme's words are lemmas).
_MARK = "=punkt"


@dataclass(frozen=True)
class PointEvidence:
    """What each counted group of a question-word theme wrote about the word beyond it.

    Attributes:
        words: Per counted group, its own content words beyond the question's and the label's
            (none: the group wrote only the word).
        specifics: Each group's own words as written (``{"text", "groups"}``, the page's).
        shared: What two or more groups said alike beyond the question's words.
    """

    words: dict[int, tuple[str, ...]]
    specifics: list[dict]
    shared: list[dict]

    @property
    def groups(self) -> tuple[int, ...]:
        """The groups whose own words say more than the question: the point's groups."""
        return tuple(g for g, w in sorted(self.words.items()) if w)

    @property
    def bare(self) -> tuple[int, ...]:
        """The counted groups that wrote only the word: named, not counted."""
        return tuple(g for g, w in sorted(self.words.items()) if not w)

    @property
    def holds(self) -> bool:
        """At least two groups wrote something of their own about the word."""
        return len(self.groups) >= 2

    def own_specifics(self) -> list[dict]:
        """Each point group's own words (``specifics`` without the groups that wrote only the word)."""
        keep = set(self.groups)
        out = []
        for s in self.specifics:
            groups = [g for g in s["groups"] if g in keep]
            if groups:
                out.append({**s, "groups": groups})
        return out


def point_id(area: str, words: str) -> str:
    """The stable id of the point suggestion of the theme with these words."""
    return suggestion_id(area, words, _MARK)


def point_evidence(
    label: str, units: pd.DataFrame, statements: pd.DataFrame, own_words: frozenset[str], counted
) -> PointEvidence:
    """Each counted group's own words about a question-word theme (``units``: the key phrases it lists).

    Args:
        label: The theme's label (its words are the word itself, never a group's own).
        units: The theme's key phrases, those it released to points of their own included.
        statements: The statements (tokens, tags, lemmas).
        own_words: The area's own words (name, theme, question).
        counted: The groups the theme counts.
    """
    from pipeline.report.asked import question_answers
    from pipeline.themes.describe import restates

    if not {"start", "end"} <= set(units.columns):
        return PointEvidence({int(g): () for g in sorted(counted)}, [], [])  # no spans: no group's own words
    # the page's answers, read once: each group's own words and what two or more said alike
    answers = question_answers(label, units, statements, lambda w: restates(w, own_words))
    words = {int(g): answers.words.get(int(g), ()) for g in sorted(counted)}
    return PointEvidence(words, answers.specifics, answers.shared)


def question_word_themes(themes: pd.DataFrame, options: dict | None) -> pd.DataFrame:
    """The themes of two or more groups that only repeat the question's words (not the area, no option)."""
    if themes.empty or "restates_question" not in themes.columns:
        return themes.iloc[:0]
    given = {(a, int(t)) for a, ids in (options or {}).items() for t in ids}
    area = themes["restates_area"] if "restates_area" in themes.columns else [False] * len(themes)
    keep = [
        bool(q) and not bool(r) and len(str(g).split()) >= 2 and (a, int(t)) not in given
        for q, r, g, a, t in zip(
            themes["restates_question"],
            area,
            themes["groups"],
            themes["core_area"],
            themes["topic"],
            strict=True,
        )
    ]
    return themes[keep]


def _listed(units: pd.DataFrame, row) -> pd.DataFrame:
    ids = set(str(row.units).split())
    return units[units["unit_id"].isin(ids)]


def _reason(label: str, ev: PointEvidence) -> str:
    """Which group said what about the word; the groups that wrote only the word, named and not counted."""
    from pipeline.report.asked import specifics_text

    said = specifics_text(ev.own_specifics(), {})
    if not ev.bare:
        reason = f"hver gruppe skrev sit eget om »{label.lower()}«: {said}"
    else:
        reason = f"{groups_text(ev.groups)} skrev sit eget om »{label.lower()}«: {said}"
        reason += f"; {groups_text(ev.bare)} nævnte kun ordet (ikke talt)"
    if ev.shared:
        reason += f"; det samme sagde flere: {specifics_text(ev.shared, {})}"
    return reason


def _linked(words: dict[int, tuple[str, ...]]) -> bool:
    """Whether a word of one group derives from, or is a DanNet synonym of, a word of another."""
    from pipeline.danish import related, synonyms

    groups = sorted(words)
    return any(
        x != y and (related(x, y) or y in synonyms(x) or x in synonyms(y))
        for i, g in enumerate(groups)
        for h in groups[i + 1 :]
        for x in words[g]
        for y in words[h]
    )


def _quotes(units: pd.DataFrame, statements: pd.DataFrame, specifics: list[dict], short) -> list[str]:
    """One statement of each counted group, the one with its own words where found, first group first."""
    text_of = dict(zip(statements["statement_id"], statements["text"], strict=True))
    out = []
    for g, part in units.groupby(units["group"].astype(int), sort=True):
        said = [str(text_of.get(s, "")) for s in dict.fromkeys(part["statement_id"])]
        own = next((s["text"].lower() for s in specifics if g in s["groups"]), "")
        out.append(short(next((t for t in said if own and own in t.lower()), said[0])))
    return out


def point_candidates(
    themes: pd.DataFrame,
    units: pd.DataFrame,
    statements: pd.DataFrame,
    sides: dict[tuple[str, str], Side],
    area_words: dict[str, frozenset[str]],
    options: dict | None,
    short,
) -> list[Candidate]:
    """A candidate of kind ``point`` for each question-word theme two or more of whose groups said more.

    The candidate counts exactly those groups (``theme_groups``, one quote each); the reason
    names the groups that wrote only the word.

    Args:
        themes: The run's themes.
        units: The key phrases.
        statements: The statements.
        sides: The run's sides by ``(area, key)`` (:func:`pipeline.curation.suggest.sides_of`).
        area_words: Per area, its own words.
        options: Per area, the theme ids that name a given option.
        short: Shortens a quote as the merges' quotes are.
    """
    if not ({"start", "end"} <= set(units.columns) and "pos" in statements.columns):
        return []  # no spans or tags: each group's own words cannot be read
    out = []
    for row in question_word_themes(themes, options).itertuples(index=False):
        side = sides.get((row.core_area, str(row.theme_key)))
        listed = _listed(units, row)
        counted = {int(g) for g in str(row.groups).split()}
        if side is None or listed.empty:
            continue
        ev = point_evidence(
            str(row.label), listed, statements, area_words.get(row.core_area, frozenset()), counted
        )
        if not ev.holds:
            continue  # fewer than two groups said more than the word: no point to propose
        groups = ev.groups
        score = (
            len(groups) / max(int(getattr(row, "n_groups_total", 0)), len(groups))
            + W_GROUPS * (len(groups) - 2)
            + W_SHARED * bool(ev.shared)
            + W_LINK * _linked({g: ev.words[g] for g in groups})
        )
        reason = _reason(side.label, ev)
        own = listed[listed["group"].astype(int).isin(groups)]
        quotes = _quotes(own, statements, ev.specifics, short)
        detail = {
            "kind": POINT,
            "other": "; ".join(s["text"] for s in ev.shared),
            "reason": reason,
            "theme_quote": quotes[0],
            "other_quote": " / ".join(quotes[1:]),
            "theme_groups": " ".join(map(str, groups)),
            "theme_units": " ".join(own["unit_id"]),
            "other_words": "",
            "other_key": "",
            "other_groups": "",
            "other_units": "",
        }
        out.append(Candidate(-score, point_id(row.core_area, side.words), side, side, reason, detail))
    return out


def _point_theme(d, joins) -> int | None:
    """The theme a point decision names in this run: by its key, else by its words (-1: none)."""
    sides = joins.theme_sides
    if (d.area, d.theme_key) in joins.key_topic:
        return joins.key_topic[(d.area, d.theme_key)]
    same = [t for t, s in sorted(sides.items()) if s.area == d.area and s.words == d.theme_words]
    return same[0] if same else None


def point_entries(
    decisions, joins, themes, statements, area_words, out: list[Entry], by_key: dict
) -> list[dict]:
    """Add an entry that keeps the theme as a point for each accepted point decision whose evidence holds.

    The decision's theme is found by its key or its words; its evidence is read again in this run
    (another year, other groups): the entry keeps the theme as a point of the groups whose own
    words say more than the question (``Entry.point_groups``), when there are two or more; the
    decision holds no groups. Returns one log row per accepted point decision.
    """
    log = []
    for d in decisions:
        if not d.accept or d.kind != POINT:
            continue
        topic = _point_theme(d, joins)
        row = themes[themes["topic"] == topic].iloc[0] if topic is not None else None
        ev = (
            point_evidence(
                str(row["label"]),
                _listed(joins.units, row),
                statements,
                (area_words or {}).get(d.area, frozenset()),
                {int(g) for g in str(row["groups"]).split()},
            )
            if row is not None
            else None
        )
        holds = ev is not None and ev.holds
        log.append(
            {
                "id": d.id,
                "area": d.area,
                "source": d.source,
                "applied": holds,
                "theme": d.theme,
                "other": "",
                "kind": POINT,
            }
        )
        if not holds:
            continue
        key = str(row["theme_key"])
        i = by_key.get((d.area, key))
        if i is None:
            ident = hashlib.sha1(f"{d.area}\x1f{key}".encode()).hexdigest()[:8]
            out.append(
                Entry(
                    id=f"punkt-{ident}",
                    area=d.area,
                    key=key,
                    confirm=True,
                    point=True,
                    point_groups=ev.groups,
                )
            )
            by_key[(d.area, key)] = len(out) - 1
        elif not (out[i].exclude or out[i].merge_into or out[i].split):
            out[i] = replace(out[i], confirm=True, point=True, point_groups=ev.groups)
    return log
