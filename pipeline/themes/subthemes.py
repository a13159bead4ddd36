"""Sub-themes: which points several groups made within each core area, and which recur across areas.

Per core area the units (:mod:`pipeline.themes.units`) are embedded
(:mod:`pipeline.themes.features`, centred on the area) and clustered by BERTopic with the
:class:`~pipeline.themes.cluster.PhraseCluster` clusterer injected through
:func:`pipeline.topics.build_topic_model` (no representation model is injected: BERTopic's
own topic words are not used). A cluster only proposes units that may make one point: each
theme is then the point its groups' own words say (:mod:`pipeline.themes.points`), labelled
by it and counting only the units that say it, so every "k af n grupper" is true.

The stage as a whole is :class:`pipeline.themes.finder.ThemeFinder`; cross-cutting themes are in
:mod:`pipeline.themes.cross`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from pipeline.danish import GENERAL_NOUNS
from pipeline.themes.cluster import PhraseCluster
from pipeline.themes.describe import restates
from pipeline.themes.features import unit_vectors
from pipeline.themes.naming import point_label
from pipeline.themes.points import choose_point, cover_points, says
from pipeline.themes.records import FoundTheme, ThemeParams
from pipeline.themes.stances import stance_counts, stance_units
from pipeline.themes.words import split_bare_words

__all__ = [
    "ThemeResult",
    "area_points",
    "cluster_units",
    "embed_units",
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


def cluster_units(
    units: pd.DataFrame, raw: np.ndarray, params: ThemeParams, stop_words: frozenset[str], lexical
) -> tuple[np.ndarray, float, np.ndarray]:
    """Theme labels (``-1`` for none) of one set of units, through BERTopic with injected parts."""
    from pipeline.topics import build_topic_model

    n = len(units)
    X = unit_vectors(units["focus"].tolist(), raw, lexical=lexical)
    if n < 3:
        return np.full(n, -1, dtype=int), 0.0, X
    clusterer = PhraseCluster(n_clusters=params.n_themes)
    model = build_topic_model(
        params.topics,
        stop_words=stop_words,
        cluster_model=clusterer,
    )
    topics, _ = model.fit_transform(units["focus"].tolist(), embeddings=X)
    return np.asarray(topics, dtype=int), clusterer.silhouette_, X


def same_evidence_one_point(
    part: pd.DataFrame, points: list[FoundTheme], keep_apart=None
) -> list[FoundTheme]:
    """Themes built from the very same statements are one theme: the same groups said them in the same words.

    "Cyberangreb" and "It-sikkerhed" resting on the same four statements are one point, not two
    rows of a page; two themes of one statement are not (a sentence makes several points). The
    label kept is the one of the theme with more key phrases (then the longer,
    more specific label, then the alphabetically first); every counted group still says it, since
    the theme that gave it counts the same groups. A theme whose label names no point of its own
    gives way to one that does.

    Args:
        part: The area's units (``points`` hold positions in it).
        points: The area's themes (:func:`area_points`).
        keep_apart: ``keep_apart(label)``: whether a theme is never joined (it names one of the
            question's given options, shown apart).

    Returns:
        The themes, each set of statements once, in the order of their first theme.
    """
    out: list[FoundTheme] = []
    at: dict[frozenset, int] = {}
    for p in points:
        key = frozenset(p.units["statement_id"])
        # one sentence often makes two or three points ("en større synlighed af plejehjemmene …
        # og … uddanne kommende generationer"): themes of one statement are the same evidence
        # only when they say the same, which their labels decide, not their statement
        apart = (keep_apart is not None and keep_apart(p.label)) or len(key) < 2
        if apart or key not in at:
            if not apart:
                at[key] = len(out)
            out.append(p)
            continue
        i = at[key]
        o = out[i]
        best = min(
            (o.no_point, -len(o.members), -len(o.label.split()), o.label),
            (p.no_point, -len(p.members), -len(p.label.split()), p.label),
        )
        joined = np.union1d(o.members, p.members).astype(int)
        out[i] = FoundTheme(joined, part.iloc[joined], best[3], o.no_point and p.no_point)
    return out


def area_points(
    part: pd.DataFrame,
    labels: np.ndarray,
    empty: frozenset[str],
    restates_question,
    apart: list | None = None,
    asked=None,
    given=None,
    kinds=None,
) -> list[FoundTheme]:
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
    marked, so it is listed with the themes that restate the area. ``apart``: when given, the
    general nouns taken apart are added to it (:class:`~pipeline.themes.words.WordApart`).
    ``asked(lemma)``: whether a word is the question's own; such a general noun every counted
    group wrote is kept whole (the question's own words, not a word used about different things).
    ``given``: ``given(lemmas)``, whether a label names one of the question's given options
    (such a theme is shown with the options, whole). ``kinds``: the parse's kind tests
    (:class:`~pipeline.themes.kinds.AreaKinds`): a one-word theme whose every counted group named
    its own kind of the thing is taken apart, and a group outside the others' shared words leaves it.

    Returns:
        The themes, in the order they were found.
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

    # what only repeats the question or names a given option is shown apart whole, never as a point
    def whole(key: str) -> bool:
        return all(restates_question(w) for w in key.split()) or bool(given and given(key))

    found = split_bare_words(part, found, empty, apart, asked=asked, whole=whole, kinds=kinds)
    out = []
    for key, (members, no_point) in found.items():
        members = np.asarray(sorted(members), dtype=int)
        theme_units = part.iloc[members]
        out.append(FoundTheme(members, theme_units, point_label(key, theme_units), no_point))
    return out
