"""Sub-themes: which points several groups made within each core area, and which recur across areas.

Per core area the units (:mod:`pipeline.themes.units`) are embedded
(:mod:`pipeline.themes.features`, centred on the area) and clustered by BERTopic with the
:class:`~pipeline.themes.cluster.PhraseCluster` clusterer injected through
:func:`pipeline.topics.build_topic_model` (no representation model is injected: BERTopic's
own topic words are not used). A cluster only proposes units that may make one point: each
theme is then the point its groups' own words say (:mod:`pipeline.themes.points`), labelled
by it and counting only the units that say it, so every "k af n grupper" is true. A theme is
recurring when at least ``[themes] min_groups`` groups of the area raised it. Cross-cutting
themes are points said in two or more areas, found the same way over the units of all areas.

With notes from several years the units of all years are clustered together, so a theme is
the same in every year, and the themes table has a row per year in which the theme occurs.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from pipeline.config import SeminarConfig
from pipeline.danish import GENERAL_NOUNS
from pipeline.schemas import CrossThemes, Themes, validate
from pipeline.themes.cluster import PhraseCluster
from pipeline.themes.describe import link_cross, order_themes, restates, restating_share, theme_rows
from pipeline.themes.features import fit_lexical, unit_vectors
from pipeline.themes.labels import keyword_ranking
from pipeline.themes.options import option_counts, option_of
from pipeline.themes.points import (
    choose_point,
    cover_points,
    label_lemmas,
    label_text,
    no_point_anywhere,
    says,
    setting_words,
)
from pipeline.themes.stances import stance_counts, stance_units
from pipeline.themes.units import make_units
from pipeline.themes.words import is_bare_general, split_bare_words
from pipeline.topics import surface_forms

__all__ = [
    "ThemeResult",
    "embed_units",
    "find_themes",
    "focus_lemmas",
    "restates",
    "same_evidence_one_point",
    "stance_counts",
    "stance_units",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ThemeResult:
    """Sub-themes of every core area, the units they are made of, and the cross-cutting themes.

    Attributes:
        themes: One row per year, core area and theme (:class:`~pipeline.schemas.Themes`).
        units: Every unit with ``theme`` (``-1``: in no theme) and ``cross_theme`` (``-1``: none).
        cross: One row per cross-cutting theme (:class:`~pipeline.schemas.CrossThemes`).
        quality: How the themes were found (units, cut chosen, silhouettes, embedding).
    """

    themes: pd.DataFrame
    units: pd.DataFrame
    cross: pd.DataFrame
    quality: dict = field(default_factory=dict)


def embed_units(units: pd.DataFrame, embedder, column: str = "lemmas") -> np.ndarray:
    """Raw semantic vectors of the units' lemmas (or another column of lemma strings).

    Each distinct string is embedded once.
    """
    docs = [d or "_" for d in units[column]]
    distinct = list(dict.fromkeys(docs))
    if not distinct:
        return np.zeros((0, 1))
    # E5 gives raw vectors (centred later, per area); other embedders give their own transform.
    encode = embedder.encode if hasattr(embedder, "encode") else embedder.fit_transform
    vectors = np.asarray(encode(distinct), dtype=np.float64)
    row = {d: i for i, d in enumerate(distinct)}
    return vectors[[row[d] for d in docs]]


def focus_lemmas(lemmas: str, topic_words: frozenset[str]) -> str:
    """What a unit says beyond the area's topic: its lemmas without those that repeat the topic.

    Within a core area every group discusses the same topic, so its words (``frivillig`` in a
    discussion of frivillighed) are in most units and tell no point from another: "unge
    frivillige" is about the young, "frivillige organisationer" about organisations. Units are
    clustered on what is left; a unit made only of the topic's words, or of them and general
    nouns (``initiativ``, ``løsning``), keeps them all.
    """
    words = lemmas.split()
    kept = [w for w in words if not restates(w, topic_words)]
    # what is left must be a point of its own: "frivillige initiativer" is not about "initiativer"
    return " ".join(kept) if kept and not all(w in GENERAL_NOUNS for w in kept) else lemmas


def _cluster(
    units: pd.DataFrame, raw: np.ndarray, cfg: SeminarConfig, stop_words: frozenset[str], forms, lexical
) -> tuple[np.ndarray, float, np.ndarray]:
    """Theme labels (``-1`` for none) of one set of units, through BERTopic with injected parts."""
    from pipeline.topics import build_topic_model

    n = len(units)
    X = unit_vectors(units["focus"].tolist(), raw, lexical=lexical)
    if n < 3:
        return np.full(n, -1, dtype=int), 0.0, X
    clusterer = PhraseCluster(n_clusters=cfg.themes.n_themes)
    model = build_topic_model(
        cfg.topics,
        stop_words=stop_words,
        cluster_model=clusterer,
    )
    topics, _ = model.fit_transform(units["focus"].tolist(), embeddings=X)
    return np.asarray(topics, dtype=int), clusterer.silhouette_, X


def same_evidence_one_point(part: pd.DataFrame, points: list[tuple], keep_apart=None) -> list[tuple]:
    """Themes built from the very same statements are one theme: the same groups said them in the same words.

    "Cyberangreb" and "It-sikkerhed" resting on the same four statements are one point, not two
    rows of a page. The label kept is the one of the theme with more key phrases (then the longer,
    more specific label, then the alphabetically first); every counted group still says it, since
    the theme that gave it counts the same groups. A theme whose label names no point of its own
    gives way to one that does.

    Args:
        part: The area's units (``points`` hold positions in it).
        points: ``(positions, units, label, names_no_point)`` per theme (:func:`_points`).
        keep_apart: ``keep_apart(label)``: whether a theme is never joined (it names one of the
            question's given options, shown apart).

    Returns:
        The themes, each set of statements once, in the order of their first theme.
    """
    out: list[tuple] = []
    at: dict[frozenset, int] = {}
    for p in points:
        members, units, label, no_point = p
        key = frozenset(units["statement_id"])
        apart = keep_apart is not None and keep_apart(label)
        if apart or key not in at:
            if not apart:
                at[key] = len(out)
            out.append(p)
            continue
        i = at[key]
        o_members, _, o_label, o_no_point = out[i]
        best = min(
            (o_no_point, -len(o_members), -len(o_label.split()), o_label),
            (no_point, -len(members), -len(label.split()), label),
        )
        joined = np.union1d(o_members, members).astype(int)
        out[i] = (joined, part.iloc[joined], best[3], o_no_point and no_point)
    return out


def _points(part: pd.DataFrame, labels: np.ndarray, empty: frozenset[str], restates_question) -> list[tuple]:
    """The themes of one area's units: the points they say, the units that say them, and their labels.

    First the points two or more groups say (:func:`cover_points`, most groups first). Then the
    clusters of the rest: a cluster of similar units may hold more than one point, and units that
    only share a word with the rest, so its point is the phrase most of its groups say
    (:func:`choose_point`); only the units that say it stay, and the rest of the cluster is
    searched again for a point of two or more units. A unit in no theme that says a theme's
    label joins it (the theme with most groups first), and themes with the same label are one.
    A theme labelled by a general noun alone is taken apart into its groups' own claims
    (:func:`~pipeline.themes.words.split_bare_words`). A theme whose label names no
    point of its own (``empty``: a setting, a word spread evenly over the areas) is kept and
    marked, so it is listed with the themes that restate the area.

    Returns:
        ``(positions in part, units, label, names_no_point)`` per theme.
    """
    found: dict[str, list] = {}
    stance = part["stance"].to_numpy(dtype=bool)
    said = np.flatnonzero(~stance)
    for lemmas, members in cover_points(part.iloc[said], empty=empty, restates=restates_question):
        found[lemmas] = [{int(i) for i in said[members]}, False]
    taken = set().union(*(m for m, _ in found.values())) if found else set()
    for label in sorted(set(labels) - {-1}):
        idx = np.array([i for i in np.flatnonzero(labels == label) if i not in taken], dtype=int)
        while len(idx) >= 2:
            point = choose_point(part.iloc[idx], empty=empty, restates=restates_question)
            if point is None or point.fits.sum() < 2:
                break
            entry = found.setdefault(point.lemmas, [set(), point.excluded])
            entry[0].update(int(i) for i in idx[point.fits])
            idx = idx[~point.fits]
    taken = set().union(*(m for m, _ in found.values())) if found else set()
    # a unit the clusters left out joins the most widely raised theme whose label it says
    order = sorted(found, key=lambda k: (found[k][1], -part.iloc[sorted(found[k][0])]["group"].nunique(), k))
    for i, (doc, verbs, stance) in enumerate(zip(part["lemmas"], part["verbs"], part["stance"], strict=True)):
        if i in taken or stance:
            continue
        for key in order:
            if not found[key][1] and says(key, doc, frozenset(verbs.split())):
                found[key][0].add(i)
                break
    # a general noun alone ("plads", "samarbejde") is no point: its groups' own claims are
    found = split_bare_words(part, found, empty)
    out = []
    for key, (members, no_point) in found.items():
        members = np.asarray(sorted(members), dtype=int)
        theme_units = part.iloc[members]
        out.append((members, theme_units, label_text(key, theme_units), no_point))
    return out


def find_themes(
    statements: pd.DataFrame,
    notes: pd.DataFrame,
    cfg: SeminarConfig,
    *,
    embedder,
    stop_words: frozenset[str] = frozenset(),
    area_words: dict[str, frozenset[str]] | None = None,
    topic_words: dict[str, frozenset[str]] | None = None,
    options: dict[str, list[tuple[str, str]]] | None = None,
) -> ThemeResult:
    """Find the sub-themes of every core area and the cross-cutting themes.

    Args:
        statements: The ``statements`` table (with ``pos`` when the pipeline tags).
        notes: The ``notes`` table (groups per area and year).
        cfg: Configuration (``[themes]``: ``min_groups``, ``n_quotes``, ``n_themes``).
        embedder: An embedder with ``encode(texts)`` (E5, see :func:`pipeline.topics.build_embedder`).
        stop_words: Lemmas never part of a unit.
        area_words: Per core area, the lemmas of its own name, theme and question. A theme
            most of whose phrases only repeat them (``restates_question``) comes after the
            themes raised by as many groups; a label says more than the question when the
            theme has such a phrase.
        topic_words: Per core area, the lemmas of its name and theme only (what the whole
            area is about). Units are clustered on what they say beyond these
            (:func:`focus_lemmas`).
        options: Per core area, the options its question gave (``(option, content lemmas)``,
            see :mod:`pipeline.themes.options`): which groups took up each goes to
            ``quality["options"]`` (per area and year), and a theme whose label only names an
            option is marked as repeating the question (never a recurring point).

    Returns:
        The :class:`ThemeResult`.
    """
    units = make_units(statements, stop_words)
    units = units[units["lemmas"].str.len() > 0].assign(stance=False)
    units = (
        pd.concat([units, stance_units(statements, cfg)], ignore_index=True)
        if len(statements)
        else units.reset_index(drop=True)
    )
    units["about"] = units["about"].fillna("") if "about" in units.columns else ""
    area_words, topic_words = area_words or {}, topic_words or {}
    # clustering reads what each unit says beyond its area's topic; labels read the whole phrase
    units["focus"] = [
        focus_lemmas(d, topic_words.get(a, frozenset()))
        for d, a in zip(units["lemmas"], units["core_area"], strict=True)
    ]
    raw = embed_units(units, embedder, "focus") if len(units) else np.zeros((0, 1))
    forms = surface_forms(statements)
    lexical = fit_lexical(units["focus"].tolist())
    statements_per_area = statements.groupby(["year", "core_area"]).size().to_dict()
    groups_total = notes.groupby(["year", "core_area"])["group"].nunique().to_dict()
    area_order = [a.name for a in cfg.core_areas] + [
        a for a in dict.fromkeys(notes["core_area"]) if cfg.find_area(a) is None
    ]
    theme_of = np.full(len(units), -1, dtype=int)
    rows, quality = [], {"n_units": len(units), "areas": {}}
    next_id = 0
    # words that name no point on their own: spread evenly over all areas, or an area's setting
    # (a noun that names no point alone, "problem", "mennesker", "måneder", is one everywhere)
    pointless = no_point_anywhere(units, statements)
    settings = setting_words(units, statements)
    options = options or {}
    lemma_of = _lemma_of(statements) if options else {}
    for area in [a for a in area_order if a in set(units["core_area"])]:
        mask = (units["core_area"] == area).to_numpy()
        part, part_raw = units[mask].reset_index(drop=True), raw[mask]
        labels, silhouette, X = _cluster(part, part_raw, cfg, stop_words, forms, lexical)
        stance = part["stance"].to_numpy(dtype=bool)
        labels[stance] = -1  # an opening "Ja." is a point of its own, not a phrase to cluster
        words = area_words.get(area, frozenset())
        empty = pointless | settings.get(area, frozenset())
        points = _points(part, labels, empty, lambda w, words=words: restates(w, words))
        given = options.get(area, [])
        points = same_evidence_one_point(
            part,
            points,
            keep_apart=lambda label, given=given: (
                bool(given) and option_of(label_lemmas(label, lemma_of), given) is not None
            ),
        )
        if stance.any():
            # a yes or no answers the question: one line under it, not a theme named "Ja"
            quality.setdefault("stances", {})[area] = stance_counts(part[stance])
        quality["areas"][area] = {
            "units": len(part),
            "silhouette": round(float(silhouette), 4),
            "themes": len(points),
        }
        # Most groups first; a theme that only repeats the question's words after the others;
        # then most units, then the label: the order every report shows.
        points.sort(
            key=lambda p: (-p[1]["group"].nunique(), restating_share(p[1], words) > 0.5, -len(p[0]), p[2])
        )
        if given:
            said = part[~part["stance"].to_numpy(dtype=bool)]
            quality.setdefault("options", {})[area] = {
                str(int(year)): [c.as_dict() for c in option_counts(yearly, given)]
                for year, yearly in said.groupby("year", sort=True)
            }
        for members, theme_units, label, no_point in points:
            theme_id = next_id
            next_id += 1
            theme_of[np.flatnonzero(mask)[members]] = theme_id
            new = theme_rows(
                area,
                theme_id,
                theme_units,
                X[members],
                statements,
                forms=forms,
                groups_total=groups_total,
                statements_per_area=statements_per_area,
                area_words=words,
                topic_words=topic_words.get(area, frozenset()),
                min_groups=cfg.themes.min_groups,
                n_quotes=cfg.themes.n_quotes,
                top_n=cfg.topics.top_n_words,
                label=label,
                names_no_point=no_point,
            )
            option = option_of(label_lemmas(label, lemma_of), given) if given else None
            if option is not None:
                # the groups chose a given option: shown with the options, not as a point they found
                for row in new:
                    row.update(recurring=False, restates_question=True)
                quality.setdefault("option_themes", {}).setdefault(area, {})[str(theme_id)] = option
            rows += new
    units = units.assign(theme=theme_of)
    themes = pd.DataFrame(rows, columns=list(Themes.to_schema().columns))
    cross, units = _cross_cutting(units, raw, cfg, stop_words, forms, lexical, pointless)
    units = units.drop(columns=["focus", "words", "content_at", "verbs", "stance", "about"], errors="ignore")
    themes = order_themes(link_cross(themes, units), area_order)
    quality["n_themes"] = int(themes["topic"].nunique()) if len(themes) else 0
    quality["n_cross_themes"] = len(cross)
    return ThemeResult(validate(themes, Themes), units, validate(cross, CrossThemes), quality)


def _lemma_of(statements: pd.DataFrame) -> dict[str, str]:
    """Lowercase word form → lemma over the statements (the first seen), to read a label's lemmas."""
    out: dict[str, str] = {}
    for toks, lems in zip(statements["tokens"], statements["lemmas"], strict=True):
        for t, lem in zip(toks.lower().split(), lems.split(), strict=False):
            out.setdefault(t, lem)
    return out


def _cross_cutting(
    units: pd.DataFrame,
    raw: np.ndarray,
    cfg: SeminarConfig,
    stop_words: frozenset[str],
    forms,
    lexical,
    pointless=frozenset(),
):
    """The same point in two or more areas.

    Clusters over the units of all areas, each narrowed to the units that say its point
    (:func:`choose_point`), kept when those are in a theme of each of two or more areas; a point
    that names nothing on its own (a general noun alone, a word spread evenly over the areas) is
    no cross-cutting theme.
    """
    labels = (
        _cluster(units, raw, cfg, stop_words, forms, lexical)[0]
        if units["core_area"].nunique() > 1
        else np.full(len(units), -1)
    )
    labels[units["stance"].to_numpy(dtype=bool)] = -1  # "Ja" in two areas answers two questions
    cross_of = np.full(len(units), -1, dtype=int)
    rows = []
    clusters = []
    for label in sorted(set(labels) - {-1}):
        idx = np.flatnonzero(labels == label)
        point = choose_point(units.iloc[idx], empty=pointless)
        if point is None or point.excluded or is_bare_general(point.lemmas):
            continue  # a general noun alone ("samarbejde") is no point in one area or across them
        members = idx[point.fits]
        part = units.iloc[members]
        # The same point in two or more areas: a theme (not a word used in passing) in at least two.
        if part.loc[part["theme"] >= 0, "core_area"].nunique() >= 2:
            clusters.append((members, part, label_text(point.lemmas, part), point.lemmas))
    clusters.sort(
        key=lambda c: (
            -c[1]["core_area"].nunique(),
            -len(set(zip(c[1]["core_area"], c[1]["group"], strict=True))),
            c[2],
        )
    )
    # every key phrase of the area themes a point joins that says the point counts, as on the area
    # pages: the groups listed per area are those the area's own theme counts for it
    claimed: set[int] = set()
    joined = []
    for members, _, label, lemmas in clusters:
        members = _with_area_themes(units, members, lemmas, claimed)
        part = units.iloc[members]
        if part.loc[part["theme"] >= 0, "core_area"].nunique() >= 2:
            claimed.update(int(i) for i in members)
            joined.append((members, part, label))
    for cross_id, (members, part, label) in enumerate(joined):
        cross_of[members] = cross_id
        areas = []
        for area, a_part in part.groupby("core_area", sort=False):
            areas.append(
                {
                    "core_area": area,
                    "groups": sorted({int(g) for g in a_part["group"]}),
                    "statement_ids": list(dict.fromkeys(a_part["statement_id"])),
                    "themes": sorted({int(t) for t in a_part["theme"] if t >= 0}),
                    "units": a_part["text"].tolist(),
                }
            )
        rows.append(
            {
                "cross_theme": cross_id,
                "label": label,
                "keywords": "; ".join(w for w, _ in keyword_ranking(part, forms, cfg.topics.top_n_words)),
                "n_areas": part["core_area"].nunique(),
                "n_groups": len(set(zip(part["core_area"], part["group"], strict=True))),
                "areas": json.dumps(areas, ensure_ascii=False),
            }
        )
    cross = pd.DataFrame(rows, columns=list(CrossThemes.to_schema().columns))
    return cross, units.assign(cross_theme=cross_of)


def _with_area_themes(units: pd.DataFrame, members: np.ndarray, lemmas: str, claimed: set[int]) -> np.ndarray:
    """A cross-cutting point's units and the units of the area themes it joins that say it too.

    A cluster over all areas can leave out a phrase its area's theme holds ("bedre tværfagligt
    samarbejde" beside "samarbejde"), so the cross-area section would list fewer groups than the
    area's page counts. Each added unit says the point (:func:`~pipeline.themes.points.says`);
    one an earlier (larger) cross-cutting point took stays there.
    """
    themes = {int(t) for t in units["theme"].iloc[members] if t >= 0}
    taken = set(int(i) for i in members)
    extra = [
        int(i)
        for i in np.flatnonzero(units["theme"].isin(themes).to_numpy())
        if int(i) not in taken
        and int(i) not in claimed
        and says(lemmas, units["lemmas"].iat[i], frozenset(str(units["verbs"].iat[i]).split()))
    ]
    kept = [i for i in members if int(i) not in claimed]
    return np.asarray(sorted(set(kept) | set(extra)), dtype=int)
