"""Year-over-year comparison: which themes are new, which persist, which grew, shrank or faded.

Two ways, both explicit and stored:

* :func:`compare_years` (the default): one topic model is fitted over the statements of all
  years together, so a theme is the same topic in every year; its prevalence (share of
  groups and of statements) is then compared year by year.
* :func:`align_topics`: compares analyses stored in ``data/processed/<year>/`` without
  refitting, through a topic-alignment table (cosine similarity of the topics' keyword
  representations, one-to-one or many-to-one, with the scores kept).

Status of a theme between a base and a target year (thresholds in ``[compare]``):

* ``ny``: raised by at least ``min_groups`` groups in the target year and by none in the base year;
* ``forsvundet``: raised by at least ``min_groups`` groups in the base year and by none in the target year;
* ``voksende`` / ``aftagende``: raised in both years, and the share of groups changed by at
  least ``change`` (e.g. 0.3 = from 1 of 5 to 3 of 5 groups);
* ``vedvarende``: raised by at least ``min_groups`` groups in both years, with a smaller change;
* ``enkeltstående``: never raised by ``min_groups`` groups in either year (not a change to report).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
import pandas as pd

from pipeline.config import CompareConfig

__all__ = [
    "OVERALL",
    "STATUSES",
    "STATUS_ORDER",
    "Comparison",
    "align_topics",
    "compare_prevalence",
    "compare_stored",
    "reported",
    "theme_prevalence",
    "theme_status",
]

#: The status vocabulary, in report order: status -> (heading in the reports, chart colour).
STATUSES: dict[str, tuple[str, str]] = {
    "ny": ("Nye temaer", "#2a9d3f"),
    "voksende": ("Voksende temaer", "#1f6f8b"),
    "vedvarende": ("Vedvarende temaer", "#7a8a94"),
    "aftagende": ("Aftagende temaer", "#d08a2e"),
    "forsvundet": ("Forsvundne temaer", "#c0392b"),
    "enkeltstående": ("Enkeltstående temaer", "#c5ccd1"),
}
STATUS_ORDER = list(STATUSES)
#: The status of a theme that no year had enough groups for: not a change to report.
NOT_A_CHANGE = "enkeltstående"
OVERALL = "Alle kerneområder"


def reported(status: pd.DataFrame, scope: str | None = None) -> pd.DataFrame:
    """The rows of a status table that are changes to report, optionally within one scope (a core area or ``OVERALL``)."""
    keep = status["status"] != NOT_A_CHANGE
    if scope is not None:
        keep &= status["core_area"] == scope
    return status[keep]


def theme_prevalence(statement_topics: pd.DataFrame, notes: pd.DataFrame, topic_info: pd.DataFrame) -> pd.DataFrame:
    """How present each theme is, per year, per core area and over all areas.

    Args:
        statement_topics: Statements of all years with ``year`` and ``topic``.
        notes: Notes of all years (for the number of groups per year and area).
        topic_info: ``topic, label`` of the joint model.

    Returns:
        One row per (topic, core_area, year) — ``core_area`` is ``"Alle kerneområder"`` for
        the overall rows — with ``n_groups``, ``n_groups_total``, ``share_groups``,
        ``n_statements``, ``share_statements``, ``groups``. Years without the theme have zeros.
    """
    years = sorted(set(int(y) for y in notes["year"]))
    labels = dict(zip(topic_info["topic"], topic_info["label"], strict=True))
    st = statement_topics.assign(table=statement_topics["core_area"] + "#" + statement_topics["group"].astype(str))
    nt = notes.assign(table=notes["core_area"] + "#" + notes["group"].astype(str))
    rows = []
    areas = list(dict.fromkeys(notes["core_area"]))
    for topic in sorted(set(st["topic"])):
        for area in [OVERALL, *areas]:
            for year in years:
                in_scope_notes = nt[(nt["year"] == year) & ((nt["core_area"] == area) | (area == OVERALL))]
                in_scope = st[(st["year"] == year) & ((st["core_area"] == area) | (area == OVERALL))]
                hits = in_scope[in_scope["topic"] == topic]
                tables = sorted(set(hits["table"]))
                total = in_scope_notes["table"].nunique()
                rows.append(
                    {
                        "topic": int(topic),
                        "label": labels.get(topic, str(topic)),
                        "core_area": area,
                        "year": year,
                        "n_groups": len(tables),
                        "n_groups_total": int(total),
                        "share_groups": round(len(tables) / total, 4) if total else 0.0,
                        "n_statements": len(hits),
                        "share_statements": round(len(hits) / len(in_scope), 4) if len(in_scope) else 0.0,
                        "groups": " ".join(t.split("#")[1] if area != OVERALL else t for t in tables),
                    }
                )
    return pd.DataFrame(rows)


def theme_status(prevalence: pd.DataFrame, base: int, target: int, cfg: CompareConfig, *, min_groups: int = 2) -> pd.DataFrame:
    """Status of every theme between ``base`` and ``target``, per core area and overall.

    ``min_groups`` is ``[themes] min_groups``: from how many groups a theme counts as raised.

    Returns:
        One row per (topic, core_area) that the theme touches in either year, with the counts
        and shares of both years, ``delta_share_groups`` and ``status`` (see the module docs).
    """
    b = prevalence[prevalence["year"] == base].set_index(["topic", "core_area"])
    t = prevalence[prevalence["year"] == target].set_index(["topic", "core_area"])
    rows = []
    for key in b.index.union(t.index):
        nb = int(b.at[key, "n_groups"]) if key in b.index else 0
        ntg = int(t.at[key, "n_groups"]) if key in t.index else 0
        if nb == 0 and ntg == 0:
            continue
        sb = float(b.at[key, "share_groups"]) if key in b.index else 0.0
        stg = float(t.at[key, "share_groups"]) if key in t.index else 0.0
        delta = round(stg - sb, 4)
        if nb == 0 and ntg >= min_groups:
            status = "ny"
        elif ntg == 0 and nb >= min_groups:
            status = "forsvundet"
        elif max(nb, ntg) < min_groups or nb == 0 or ntg == 0:
            status = NOT_A_CHANGE
        elif delta >= cfg.change - 1e-9:
            status = "voksende"
        elif delta <= -cfg.change + 1e-9:
            status = "aftagende"
        else:
            status = "vedvarende"
        label = (t if key in t.index else b).at[key, "label"]
        rows.append(
            {
                "topic": int(key[0]),
                "label": label,
                "core_area": key[1],
                "base_year": base,
                "target_year": target,
                "base_groups": nb,
                "target_groups": ntg,
                "base_share_groups": sb,
                "target_share_groups": stg,
                "delta_share_groups": delta,
                "status": status,
            }
        )
    out = pd.DataFrame(rows)
    if out.empty:
        return out
    out["_s"] = out["status"].map({s: i for i, s in enumerate(STATUS_ORDER)})
    out["_a"] = (out["core_area"] != OVERALL).astype(int)
    return out.sort_values(["_a", "core_area", "_s", "delta_share_groups", "topic"], ascending=[True, True, True, False, True], kind="stable").drop(columns=["_s", "_a"]).reset_index(drop=True)


def _quotes(statement_topics: pd.DataFrame, topics: set[int], years: list[int], n: int) -> pd.DataFrame:
    rows = []
    for (topic, year), part in statement_topics[statement_topics["topic"].isin(topics)].groupby(["topic", "year"], sort=True):
        if int(year) not in years:
            continue
        first = part.drop_duplicates(["core_area", "group"]).head(n)
        for q in first.itertuples():
            rows.append(
                {"topic": int(topic), "year": int(year), "core_area": q.core_area, "group": int(q.group), "statement_id": q.statement_id, "text": q.text}
            )
    return pd.DataFrame(rows, columns=["topic", "year", "core_area", "group", "statement_id", "text"])


@dataclass(frozen=True)
class Comparison:
    """Tables of a year-over-year comparison."""

    base: int
    target: int
    prevalence: pd.DataFrame
    status: pd.DataFrame
    quotes: pd.DataFrame
    alignment: pd.DataFrame | None = None


def compare_prevalence(
    statement_topics: pd.DataFrame,
    notes: pd.DataFrame,
    topic_info: pd.DataFrame,
    base: int,
    target: int,
    cfg: CompareConfig,
    *,
    min_groups: int = 2,
) -> Comparison:
    """Compare themes of a topic model fitted over all years (the default comparison).

    Args:
        statement_topics: Statements of every year with their topic from the joint model.
        notes: Notes of every year.
        topic_info: ``topic, label`` of the joint model.
        base: Earlier year.
        target: Later year.
        cfg: Thresholds.
        min_groups: From how many groups a theme counts as raised (``[themes] min_groups``).

    Returns:
        The :class:`Comparison`; ``quotes`` holds up to ``cfg.n_quotes`` statements per theme
        and year, from different groups.
    """
    prevalence = theme_prevalence(statement_topics, notes, topic_info)
    status = theme_status(prevalence, base, target, cfg, min_groups=min_groups)
    years = sorted(set(int(y) for y in notes["year"]))
    quotes = _quotes(statement_topics, set(status["topic"]) if len(status) else set(), years, cfg.n_quotes)
    return Comparison(base, target, prevalence, status, quotes)


def _keyword_vector(keywords: str, vocabulary: dict[str, int]) -> np.ndarray:
    vec = np.zeros(len(vocabulary))
    for rank, phrase in enumerate(k for k in keywords.split("; ") if k):
        for word in phrase.split():
            vec[vocabulary[word]] += 1.0 / (rank + 1)
    norm = np.linalg.norm(vec)
    return vec / norm if norm else vec


def align_topics(base_topics: pd.DataFrame, target_topics: pd.DataFrame, *, min_similarity: float = 0.2, one_to_one: bool = False) -> pd.DataFrame:
    """Align the topics of two separately fitted analyses by their keyword representations.

    Each topic is a vector of its keyword lemmas weighted by 1/rank; similarity is cosine.

    Args:
        base_topics: ``topic, label, keywords`` of the earlier analysis (``topics.csv``).
        target_topics: The same for the later analysis.
        min_similarity: Pairs below this score are not aligned.
        one_to_one: Match each base topic to at most one target topic (Hungarian algorithm);
            otherwise many target topics may align to one base topic.

    Returns:
        ``target_topic, target_label, base_topic, base_label, similarity, method``; a target
        topic without a partner has ``base_topic = -1`` (a candidate new theme).
    """
    from scipy.optimize import linear_sum_assignment

    words = sorted({w for kw in pd.concat([base_topics["keywords"], target_topics["keywords"]]) for p in kw.split("; ") for w in p.split()})
    vocab = {w: i for i, w in enumerate(words)}
    B = np.array([_keyword_vector(k, vocab) for k in base_topics["keywords"]]) if len(base_topics) else np.zeros((0, len(vocab)))
    T = np.array([_keyword_vector(k, vocab) for k in target_topics["keywords"]]) if len(target_topics) else np.zeros((0, len(vocab)))
    sim = T @ B.T if len(B) and len(T) else np.zeros((len(T), len(B)))
    partner = {}
    if one_to_one and sim.size:
        ti, bi = linear_sum_assignment(-sim)
        partner = {t: b for t, b in zip(ti, bi, strict=True) if sim[t, b] >= min_similarity}
    elif sim.size:
        partner = {t: int(np.argmax(sim[t])) for t in range(len(T)) if sim[t].max() >= min_similarity}
    rows = []
    for t in range(len(target_topics)):
        b = partner.get(t)
        rows.append(
            {
                "target_topic": int(target_topics["topic"].iloc[t]),
                "target_label": target_topics["label"].iloc[t],
                "base_topic": int(base_topics["topic"].iloc[b]) if b is not None else -1,
                "base_label": base_topics["label"].iloc[b] if b is not None else "",
                "similarity": round(float(sim[t, b]), 4) if b is not None else (round(float(sim[t].max()), 4) if sim.size else 0.0),
                "method": "one-to-one" if one_to_one else "many-to-one",
            }
        )
    return pd.DataFrame(rows)


def compare_stored(
    base_themes: pd.DataFrame,
    target_themes: pd.DataFrame,
    alignment: pd.DataFrame,
    base: int,
    target: int,
    cfg: CompareConfig,
    *,
    min_groups: int = 2,
) -> Comparison:
    """Compare two stored analyses through an alignment table (no refitting).

    Target topics aligned to the same base topic are counted together; base topics that no
    target topic aligns to are absent in the target year.
    """
    mapping = dict(zip(alignment["target_topic"], alignment["base_topic"], strict=True))
    labels = {}
    next_id = int(max([*base_themes["topic"], *target_themes["topic"], 0])) + 1000
    shifted = {}
    for t, b in mapping.items():
        if b == -1:
            shifted[t] = next_id + t  # an unaligned target topic is a theme of its own
    tt = target_themes.assign(topic=[shifted.get(t, mapping.get(t, t)) for t in target_themes["topic"]])
    for df in (base_themes, tt):
        for topic, label in zip(df["topic"], df["label"], strict=True):
            labels.setdefault(int(topic), label)
    rows = []
    for year, df in ((base, base_themes), (target, tt)):
        totals = df.groupby("core_area")["n_groups_total"].max().to_dict()
        overall_total = sum(totals.values())
        for topic, part in df.groupby("topic"):
            merged = {}
            for r in part.itertuples():
                merged.setdefault(r.core_area, set()).update(r.groups.split())
            for area, groups in merged.items():
                rows.append({"topic": int(topic), "label": labels[int(topic)], "core_area": area, "year": year, "n_groups": len(groups), "n_groups_total": totals[area], "share_groups": round(len(groups) / totals[area], 4), "n_statements": 0, "share_statements": 0.0, "groups": " ".join(sorted(groups, key=int))})
            n_all = sum(len(g) for g in merged.values())
            rows.append({"topic": int(topic), "label": labels[int(topic)], "core_area": OVERALL, "year": year, "n_groups": n_all, "n_groups_total": overall_total, "share_groups": round(n_all / overall_total, 4) if overall_total else 0.0, "n_statements": 0, "share_statements": 0.0, "groups": ""})
    prevalence = pd.DataFrame(rows)
    status = theme_status(prevalence, base, target, cfg, min_groups=min_groups)
    quotes = []
    for year, df in ((base, base_themes), (target, tt)):
        for r in df.itertuples():
            for q in json.loads(r.quotes)[: cfg.n_quotes]:
                quotes.append({"topic": int(r.topic), "year": year, "core_area": r.core_area, "group": q["group"], "statement_id": q["statement_id"], "text": q["text"]})
    return Comparison(base, target, prevalence, status, pd.DataFrame(quotes), alignment)
