"""Suggestions for the analyst: pairs of themes, or a theme and a one-group key phrase, that may be one point.

The points rule (:mod:`pipeline.themes.points`) joins what the groups' own words prove. What
they do not prove ("koordinere frivillige" / "retningslinjer for frivillige", "unge" /
"kommende generationer") no reachable Danish resource decides safely, so the machine only
proposes and the analyst decides (``seminar curate accept`` / ``reject``).

A *side* is a theme of a core area or a key phrase of one group that is in no theme. Two sides
of different groups are a candidate when joining them would count a group more; each is
scored from:

* semantic similarity of the sides' key phrases (E5 vectors, centred per area);
* a word of the one derived from, or a DanNet synonym of, a word of the other (thesaurus and
  derivation links, :func:`pipeline.danish.related`, :func:`pipeline.danish.synonyms`);
* a shared word (the same lemma or compound part), not of the area's own family (its words, their
  compounds' parts, derived or inflected: :func:`.grounds.own_family`): a shared frame or predicate;
* the two in one statement; less where the two sides' groups answered the yes/no question the
  opposite way (:func:`.grounds.opposite_answers`).

Two sides that are each only a word the theme stage took apart on the parse's evidence (two
groups' "dagpengereform", one for and one against it) are no candidate unless a link joins them
(:mod:`pipeline.curation.apart`).

A theme of only the question's words that two or more of its groups said more about is proposed
to be kept as a point of those groups (kind ``point``, :mod:`pipeline.curation.promote`). At most
``limit`` suggestions per seminar, best first, at most two per side, each area its fair share
(:mod:`.ranking`). Ids are stable across runs and years: a hash of the core area and the two
sides' words (sorted).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from pipeline.curation.apart import only_by_a_word_apart
from pipeline.curation.promote import point_candidates
from pipeline.curation.grounds import Ground, area_name_lemmas, family, ground, hollow_of, names_an_area
from pipeline.curation.grounds import answers, opposite_answers, own_family, word_links
from pipeline.curation.ranking import (
    W_GROUPS,
    W_LINK,
    W_MUTUAL,
    W_NEW,
    W_SHARED,
    W_TOGETHER,
    Candidate,
    Side,
    pick,
    suggestion_id,
)

__all__ = ["MAX_SUGGESTIONS", "Side", "suggest", "suggestion_id"]

#: At most this many suggestions per seminar (per whole ten core areas: 25 for up to 19 areas).
MAX_SUGGESTIONS = 25
#: What a pair that shares only the area's own word family or an empty word loses (:mod:`.grounds`).
_W_HOLLOW = 0.3
#: What a pair of groups that answered the area's yes/no question the opposite way loses.
_W_OPPOSITE = 0.15
_QUOTE = 220


def _no_point_words() -> frozenset[str]:
    from pipeline.danish import EMPTY_NOUNS, EVALUATIVE_WORDS, FRAME_NOUNS, GENERAL_NOUNS, STANCES

    return frozenset(STANCES) | EMPTY_NOUNS | GENERAL_NOUNS | FRAME_NOUNS | EVALUATIVE_WORDS


#: Words that name no point on their own anywhere: stances (the stance line gives them), empty,
#: general and frame nouns, and judgements of how hard or important ("svært spørgsmål").
_NO_POINT = _no_point_words()


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= _QUOTE else text[: _QUOTE - 1].rsplit(" ", 1)[0] + " …"


def sides_of(themes: pd.DataFrame, units: pd.DataFrame, statements: pd.DataFrame) -> list[Side]:
    """The sides of a run: every theme, and every key phrase that is in no theme (a one-group claim)."""
    from pipeline.themes.points import label_lemmas, word_lemmas

    lemma_of = word_lemmas(statements)
    text_of = dict(zip(statements["statement_id"], statements["text"], strict=True))
    by_id = units.set_index("unit_id")
    out = []
    for t in themes.itertuples(index=False):
        ids = tuple(str(t.units).split())
        first = next((by_id.loc[u, "statement_id"] for u in ids if u in by_id.index), "")
        words = label_lemmas(str(t.label), lemma_of) or str(t.label).lower()
        out.append(
            Side(
                t.core_area,
                str(t.label),
                words,
                int(t.topic),
                str(t.theme_key),
                ids,
                frozenset(int(g) for g in str(t.groups).split()),
                _short(text_of.get(first, "")),
            )
        )
    for u in units[units["theme"].astype(int) < 0].itertuples(index=False):
        if not str(u.lemmas).strip():
            continue
        out.append(
            Side(
                u.core_area,
                str(u.text),
                str(u.lemmas),
                -1,
                str(u.unit_id),
                (str(u.unit_id),),
                frozenset([int(u.group)]),
                _short(text_of.get(u.statement_id, "")),
            )
        )
    return out


def _parts(words: set[str]) -> set[str]:
    from pipeline.themes.units import unit_parts

    return words | {p for w in words for p in unit_parts(w) if len(p) > 3}


def _split(word: str) -> list[str]:
    """A compound lemma's parts of more than three letters (empty for a simple word)."""
    from pipeline.themes.units import unit_parts

    return [p for p in unit_parts(word) if len(p) > 3]


@dataclass
class _Area:
    """One core area's sides and what pairs of them are scored from."""

    area: str
    own: frozenset[str]
    kin: frozenset[str]
    sides: list[Side]
    words: list[set[str]]
    parts: list[set[str]]
    said: list[set]
    sim: np.ndarray
    near: list[set[int]]
    skip: list[bool]
    apart: frozenset[str]
    grounds: list[Ground]
    answer: dict[int, str]


def _similarity(mine: list[Side], unit_text: dict, embed) -> tuple[np.ndarray, list[set[int]]]:
    """E5 similarity of the sides (centred per area) and each side's three nearest sides."""
    sim = np.zeros((len(mine), len(mine)))
    if embed is not None and len(mine) > 1:
        texts = sorted({unit_text[u] for s in mine for u in s.unit_ids})
        vec = dict(zip(texts, np.asarray(embed(texts), dtype=float), strict=True))
        V = np.array([np.mean([vec[unit_text[u]] for u in s.unit_ids], axis=0) for s in mine])
        V = V - V.mean(axis=0)  # E5 shares a large common component: centre it per area
        V = V / np.maximum(np.linalg.norm(V, axis=1, keepdims=True), 1e-12)
        sim = V @ V.T
    # each other's nearest: a pair where each side is among the other's three nearest
    # sides is likelier one point than one side near everything (a common word)
    order = (
        np.argsort(-(sim - 2 * np.eye(len(mine))), axis=1, kind="stable")[:, :3]
        if embed is not None
        else np.zeros((len(mine), 0), dtype=int)
    )
    return sim, [set(row.tolist()) for row in order]


def _area_sides(area: str, sides: list[Side], ctx: dict, embed) -> _Area:
    """The sides of ``area`` with their words, parts, statements, similarity and which to skip."""
    from pipeline.danish import related

    mine = [s for s in sides if s.area == area]
    own = ctx["area_words"].get(area, frozenset())
    unit_lemmas, unit_statement = ctx["unit_lemmas"], ctx["unit_statement"]
    words = [
        {w for u in s.unit_ids for w in str(unit_lemmas.get(u, "")).split()} | set(s.words.split())
        for s in mine
    ]
    sim, near = _similarity(mine, ctx["unit_context"], embed)
    no_point = ctx["no_point"].get(area, frozenset())
    # a key phrase of only the area's own words restates the question; a theme every group
    # raised that holds most of the area restates the area: neither is a point to join
    # a side of only a stance ("Nej": the stance line gives it), empty or general nouns
    # ("folk", "løsning"), frame nouns or judgements ("svært spørgsmål") names no point of its
    # own either, a theme whose label is only such words neither; nor one without words
    skip = [
        (s.topic < 0 and not (w - own - _NO_POINT - no_point))
        or not set(s.words.split()) - _NO_POINT
        or s.key in ctx["restating"]
        or not s.label.strip()
        # a side that only names another core area ("social omsorg" in Læring) refers to it
        or names_an_area(w, area, ctx["area_names"], _NO_POINT)
        for s, w in zip(mine, words, strict=True)
    ]
    # the area's own words and their compounds' parts ("kultur", "støtte" of "kulturstøtte")
    kin = own_family(own, _split)
    return _Area(
        area,
        own,
        kin,
        mine,
        words,
        [_parts(w) - own for w in words],
        [{unit_statement.get(u) for u in s.unit_ids} for s in mine],
        sim,
        near,
        skip,
        ctx["apart"].get(area, frozenset()),
        [ground(w, kin, _NO_POINT | no_point, related=related, parts=_split) for w in words],
        ctx["answers"].get(area, {}),
    )


def _pair(x: _Area, i: int, j: int, with_similarity: bool) -> Candidate | None:
    """Sides ``i`` and ``j`` of an area as a scored candidate, or None when joining counts no group more."""
    from pipeline.danish import related

    a, b = x.sides[i], x.sides[j]
    if x.skip[j] or a.groups <= b.groups or b.groups <= a.groups:
        return None  # joining would count no group more
    links = word_links(x.words[i] - x.own, x.words[j] - x.own)
    common = x.parts[i] & x.parts[j]
    if only_by_a_word_apart(x.words[i], x.words[j], common, x.apart, bool(links), _parts):
        return None  # the theme stage read these groups' claims of that word and found them different
    # a word of the area's own family, inflected or derived or a part of its compound, is the
    # question's: no shared word of the pair's own ("kultur" under "kulturstøtte")
    shared = sorted(w for w in common if not family(w, x.kin, related, _split))
    together = bool(x.said[i] & x.said[j])
    # near only through the area's own word or a frame noun both hold: that word's nearness
    empty_only = not links and hollow_of(x.grounds[i], x.grounds[j], related)
    # a join that counts more groups is worth reading first
    mutual = j in x.near[i] and i in x.near[j]
    opposite = opposite_answers(a.groups, b.groups, x.answer)
    score = (
        float(x.sim[i, j])
        + W_MUTUAL * mutual
        + W_LINK * bool(links)
        + W_SHARED * bool(shared)
        + W_TOGETHER * together
        + W_GROUPS * (len(a.groups | b.groups) - 2)
        - _W_HOLLOW * empty_only
        - _W_OPPOSITE * opposite
    )
    if a.kind == b.kind == "phrase":
        score -= W_NEW  # a new theme of two phrases: after a theme that gains a group
    reasons = []
    if with_similarity:
        reasons.append(f"beslægtede ord (E5-lighed {x.sim[i, j]:.2f})".replace(".", ","))
    reasons += links[:2]
    if shared:
        reasons.append("fælles ord: " + ", ".join(f"'{w}'" for w in shared[:3]))
    if together:
        reasons.append("i samme udsagn")
    if opposite:
        reasons.append("grupperne svarede modsat ja/nej")
    first, second = (a, b) if (a.topic < 0, -len(a.groups)) <= (b.topic < 0, -len(b.groups)) else (b, a)
    return Candidate(
        -score, suggestion_id(x.area, first.words, second.words), first, second, "; ".join(reasons)
    )


def _row(rank: int, c: Candidate) -> dict:
    """One suggestion as a row of :class:`~pipeline.schemas.Suggestions`."""
    a, b = c.first, c.second
    return {
        "id": c.id,
        "rank": rank,
        "core_area": a.area,
        "kind": "merge" if b.topic >= 0 or a.topic < 0 else "move",
        "theme": a.label,
        "other": b.label,
        "reason": c.reason or "beslægtede ord",
        "theme_quote": a.quote,
        "other_quote": b.quote,
        "score": round(-c.neg_score, 4),
        "theme_words": a.words,
        "other_words": b.words,
        "theme_key": a.key,
        "other_key": b.key,
        "theme_groups": " ".join(str(g) for g in sorted(a.groups)),
        "other_groups": " ".join(str(g) for g in sorted(b.groups)),
        "theme_units": " ".join(a.unit_ids),
        "other_units": " ".join(b.unit_ids),
    } | dict(c.detail or {})


def _lookups(
    themes: pd.DataFrame,
    units: pd.DataFrame,
    statements: pd.DataFrame,
    area_words,
    apart,
    options=None,
    stances=None,
) -> dict:
    """What every area's sides are read with: key phrases' lemmas, texts and statements, skipped words."""
    from pipeline.curation.apart import contexts
    from pipeline.danish.stop_words import STOP_WORDS
    from pipeline.themes.points import empty_words, word_lemmas

    restating = (
        set(themes.loc[themes["restates_area"].astype(bool), "theme_key"])
        if "restates_area" in themes.columns
        else set()
    )
    if "restates_question" in themes.columns:
        # a theme of only the question's words is no point either ("Ordet alene er intet punkt"):
        # a claim joined into it would be counted for the groups that only wrote the word. A
        # given option the groups named is a side: a group's own words may name it too.
        given = {(a, int(t)) for a, ids in (options or {}).items() for t in ids}
        asked = [
            bool(q) and (a, int(t)) not in given
            for q, a, t in zip(themes["restates_question"], themes["core_area"], themes["topic"], strict=True)
        ]
        restating |= set(themes.loc[asked, "theme_key"])
    # as the theme stage: a word spread over all areas, an area's setting, an empty noun
    no_point = empty_words(units, statements) if len(units) and {"start", "end"} <= set(units.columns) else {}
    return {
        "area_words": area_words or {},
        "apart": apart or {},
        "answers": answers(stances),
        "unit_context": contexts(units, statements),
        "restating": restating,
        "area_names": area_name_lemmas(
            dict.fromkeys(themes["core_area"]), word_lemmas(statements), frozenset(STOP_WORDS)
        ),
        "no_point": no_point,
        "unit_lemmas": dict(zip(units["unit_id"], units["lemmas"], strict=True)),
        "unit_text": dict(zip(units["unit_id"], units["text"], strict=True)),
        "unit_statement": dict(zip(units["unit_id"], units["statement_id"], strict=True)),
    }


def suggest(
    themes: pd.DataFrame,
    units: pd.DataFrame,
    statements: pd.DataFrame,
    *,
    embed: Callable[[list[str]], np.ndarray] | None = None,
    area_words: dict[str, frozenset[str]] | None = None,
    decided: Sequence[str] = (),
    limit: int | None = None,
    apart: dict[str, frozenset[str]] | None = None,
    options: dict[str, frozenset[int]] | None = None,
    stances: dict | None = None,
) -> pd.DataFrame:
    """Ranked suggestions of a run (:class:`~pipeline.schemas.Suggestions`): pure, deterministic.

    Args:
        themes: The run's themes (curated or not).
        units: The key phrases with their theme (-1: none).
        statements: The statements (tokens and lemmas for the labels' words; the quotes).
        embed: Texts → vectors (E5); None: no similarity signal (the word signals only).
        area_words: Per area, its own words (a shared one of them says nothing).
        decided: Ids the analyst accepted or rejected already: not proposed again.
        limit: At most this many (default :data:`MAX_SUGGESTIONS` per ten core areas).
        apart: Per area, the words the theme stage took apart on the parse's evidence
            (:func:`pipeline.curation.apart.words_apart`): two sides that are only one are not proposed.
        options: Per area, the theme ids that name a given option of its question: the other themes
            of only the question's words are no side.
        stances: The groups' yes/no answers (``quality["stances"]``): a pair of groups that
            answered the opposite way is read after the others.

    Returns:
        One row per suggestion, best first.
    """
    from pipeline.schemas import Suggestions, validate

    columns = list(Suggestions.to_schema().columns)
    if themes.empty or units.empty or statements.empty:
        return validate(pd.DataFrame(columns=columns), Suggestions)  # nothing said: nothing to join
    sides = sides_of(themes, units, statements)
    n_areas = themes["core_area"].nunique() if len(themes) else 1
    limit = limit if limit is not None else MAX_SUGGESTIONS * max(1, n_areas // 10)
    decided = set(decided)
    ctx = _lookups(themes, units, statements, area_words, apart, options, stances)
    candidates = []
    for area in dict.fromkeys(s.area for s in sides):
        x = _area_sides(area, sides, ctx, embed)
        for i in range(len(x.sides)):
            if x.skip[i]:
                continue
            for j in range(i + 1, len(x.sides)):
                cand = _pair(x, i, j, embed is not None)
                if cand is not None and cand.id not in decided:
                    candidates.append(cand)
    by_key = {(s.area, s.key): s for s in sides if s.topic >= 0}
    points = point_candidates(themes, units, statements, by_key, area_words or {}, options, _short)
    candidates += [c for c in points if c.id not in decided]
    rows = [_row(rank, c) for rank, c in enumerate(pick(candidates, limit), start=1)]
    return validate(pd.DataFrame(rows, columns=columns), Suggestions)
