"""Year-over-year comparison: which sub-themes are new, which persist, which grew, shrank or faded.

Two ways, both explicit and stored:

* :func:`compare_prevalence` (the default, :func:`pipeline.flows.compare_years`): the units of
  all years are clustered together per core area, so a sub-theme is the same theme in every
  year, and its groups are counted year by year. The overall scope is the cross-cutting themes,
  counted in group discussions (a group at a core area's table) across the areas.
* :func:`align_topics` and :func:`compare_stored`: analyses stored in ``data/processed/<year>/``
  compared without refitting, through an alignment of each area's themes by their keywords
  (cosine similarity, one-to-one or many-to-one, with the scores kept).

The status of a theme between a base and a target year, from the number of groups ``b`` and
``t`` that raised it and their shares ``sb`` and ``st`` of the groups of that year and scope
(``min_groups`` is ``[themes] min_groups``; ``change`` and ``ratio`` are in ``[compare]``):

* ``ny``: ``b = 0`` and ``t >= min_groups``;
* ``forsvundet``: ``t = 0`` and ``b >= min_groups``;
* ``enkeltstående``: fewer than ``min_groups`` groups in both years (not a change to report);
* ``voksende``: ``st - sb >= change``, or ``st >= ratio · sb`` with ``t >= min_groups``;
* ``aftagende``: ``sb - st >= change``, or ``sb >= ratio · st`` with ``b >= min_groups``;
* ``vedvarende``: otherwise.

The absolute rule decides on a seminar of five groups a year (1 → 3 of 5 groups grows); the
relative rule decides on large inputs, where shares are small (10 of 47 texts → 1 of 35
shrinks, 1 → 8 grows).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
import pandas as pd

from pipeline.config import CompareConfig

__all__ = [
    "NOT_A_CHANGE",
    "OVERALL",
    "STATUSES",
    "STATUS_ORDER",
    "Comparison",
    "StatusWords",
    "align_topics",
    "compare_prevalence",
    "compare_stored",
    "reported",
    "status_of",
    "theme_prevalence",
    "theme_status",
]

@dataclass(frozen=True)
class StatusWords:
    """How the reports name a status: a heading, a count in the singular and plural, a chart colour."""

    title: str
    singular: str
    plural: str
    colour: str


#: The status vocabulary, in report order.
STATUSES: dict[str, StatusWords] = {
    "ny": StatusWords("Nye temaer", "nyt tema", "nye temaer", "#2a9d3f"),
    "voksende": StatusWords("Voksende temaer", "voksende tema", "voksende temaer", "#1f6f8b"),
    "vedvarende": StatusWords("Vedvarende temaer", "vedvarende tema", "vedvarende temaer", "#7a8a94"),
    "aftagende": StatusWords("Aftagende temaer", "aftagende tema", "aftagende temaer", "#d08a2e"),
    "forsvundet": StatusWords("Forsvundne temaer", "forsvundet tema", "forsvundne temaer", "#c0392b"),
    "enkeltstående": StatusWords("Enkeltstående temaer", "enkeltstående tema", "enkeltstående temaer", "#c5ccd1"),
}
STATUS_ORDER = list(STATUSES)
#: The status of a theme that no year had enough groups for: not a change to report.
NOT_A_CHANGE = "enkeltstående"
#: The scope name of the cross-cutting themes.
OVERALL = "Alle kerneområder"


def reported(status: pd.DataFrame, scope: str | None = None) -> pd.DataFrame:
    """The rows of a status table that are changes to report, optionally within one scope (a core area or ``OVERALL``)."""
    keep = status["status"] != NOT_A_CHANGE
    if scope is not None:
        keep &= status["core_area"] == scope
    return status[keep]


def status_of(b: int, t: int, sb: float, st: float, cfg: CompareConfig, min_groups: int) -> str:
    """The status of one theme in one scope (the rule in the module docs)."""
    eps = 1e-9
    if b == 0 and t >= min_groups:
        return "ny"
    if t == 0 and b >= min_groups:
        return "forsvundet"
    if max(b, t) < min_groups or b == 0 or t == 0:
        return NOT_A_CHANGE
    if st - sb >= cfg.change - eps or (t >= min_groups and st >= cfg.ratio * sb - eps):
        return "voksende"
    if sb - st >= cfg.change - eps or (b >= min_groups and sb >= cfg.ratio * st - eps):
        return "aftagende"
    return "vedvarende"


def _prevalence_rows(units: pd.DataFrame, key: str, labels: dict[int, str], totals: dict, scope_of, years: list[int]) -> list[dict]:
    rows = []
    for theme, part in units[units[key] >= 0].groupby(key, sort=True):
        for scope in sorted(set(part["_scope"]), key=str):
            in_scope = part[part["_scope"] == scope]
            for year in years:
                hits = in_scope[in_scope["year"] == year]
                tables = sorted(set(zip(hits["core_area"], hits["group"], strict=True)))
                total = int(totals.get((year, scope), 0))
                rows.append(
                    {
                        "topic": int(theme),
                        "label": labels.get(int(theme), str(theme)),
                        "core_area": scope_of(scope),
                        "year": int(year),
                        "n_groups": len(tables),
                        "n_groups_total": total,
                        "share_groups": round(len(tables) / total, 4) if total else 0.0,
                        "n_statements": int(hits["statement_id"].nunique()),
                        "share_statements": 0.0,
                        "groups": " ".join(str(g) if scope != OVERALL else f"{a}#{g}" for a, g in tables),
                    }
                )
    return rows


def theme_prevalence(units: pd.DataFrame, themes: pd.DataFrame, cross: pd.DataFrame, statements: pd.DataFrame, notes: pd.DataFrame) -> pd.DataFrame:
    """How present each theme is per year: sub-themes per core area, cross-cutting themes overall.

    Args:
        units: Units of all years with ``theme`` and ``cross_theme``.
        themes: The themes table (labels).
        cross: The cross-cutting themes (labels).
        statements: Statements of all years (statements per scope and year).
        notes: Notes of all years (groups per scope and year).

    Returns:
        One row per (topic, core_area, year) — ``core_area`` is ``"Alle kerneområder"`` for the
        cross-cutting themes, whose ``topic`` is the cross-cutting theme's number and whose
        groups are group discussions (``area#group``) — with ``n_groups``, ``n_groups_total``,
        ``share_groups``, ``n_statements``, ``share_statements``, ``groups``. Years without the
        theme have zeros.
    """
    years = sorted({int(y) for y in notes["year"]})
    totals = notes.groupby(["year", "core_area"])["group"].nunique().to_dict()
    totals.update({(y, OVERALL): int(n) for y, n in notes.groupby("year").apply(lambda p: p[["core_area", "group"]].drop_duplicates().shape[0]).items()})
    st_totals = statements.groupby(["year", "core_area"]).size().to_dict()
    st_totals.update({(y, OVERALL): int(n) for y, n in statements.groupby("year").size().items()})
    area_labels = dict(zip(themes["topic"], themes["label"], strict=True)) if len(themes) else {}
    cross_labels = dict(zip(cross["cross_theme"], cross["label"], strict=True)) if len(cross) else {}
    rows = _prevalence_rows(units.assign(_scope=units["core_area"]), "theme", area_labels, totals, lambda s: s, years)
    rows += _prevalence_rows(units.assign(_scope=OVERALL), "cross_theme", cross_labels, totals, lambda s: s, years)
    out = pd.DataFrame(rows, columns=["topic", "label", "core_area", "year", "n_groups", "n_groups_total", "share_groups", "n_statements", "share_statements", "groups"])
    if len(out):
        denominators = [st_totals.get((y, a), 0) for y, a in zip(out["year"], out["core_area"], strict=True)]
        out["share_statements"] = [round(n / d, 4) if d else 0.0 for n, d in zip(out["n_statements"], denominators, strict=True)]
    return out


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
                "delta_share_groups": round(stg - sb, 4),
                "status": status_of(nb, ntg, sb, stg, cfg, min_groups),
            }
        )
    out = pd.DataFrame(rows, columns=["topic", "label", "core_area", "base_year", "target_year", "base_groups", "target_groups", "base_share_groups", "target_share_groups", "delta_share_groups", "status"])
    if out.empty:
        return out
    out["_s"] = out["status"].map({s: i for i, s in enumerate(STATUS_ORDER)})
    out["_a"] = (out["core_area"] != OVERALL).astype(int)
    return out.sort_values(["_a", "core_area", "_s", "delta_share_groups", "topic"], ascending=[True, True, True, False, True], kind="stable").drop(columns=["_s", "_a"]).reset_index(drop=True)


def _quotes(units: pd.DataFrame, statements: pd.DataFrame, key: str, scope_of, years: list[int], n: int) -> list[dict]:
    text = dict(zip(statements["statement_id"], statements["text"], strict=True))
    rows = []
    for (theme, year), part in units[units[key] >= 0].groupby([key, "year"], sort=True):
        if int(year) not in years:
            continue
        for scope, in_scope in part.groupby(part["core_area"].map(scope_of), sort=True):
            first = in_scope.drop_duplicates(["core_area", "group"]).drop_duplicates("statement_id").head(n)
            for q in first.itertuples():
                rows.append(
                    {"topic": int(theme), "scope": scope, "year": int(year), "core_area": q.core_area, "group": int(q.group), "statement_id": q.statement_id, "text": text[q.statement_id]}
                )
    return rows


@dataclass(frozen=True)
class Comparison:
    """Tables of a year-over-year comparison."""

    base: int
    target: int
    prevalence: pd.DataFrame
    status: pd.DataFrame
    quotes: pd.DataFrame
    alignment: pd.DataFrame | None = None


QUOTE_COLUMNS = ["topic", "scope", "year", "core_area", "group", "statement_id", "text"]


def compare_prevalence(result, statements: pd.DataFrame, notes: pd.DataFrame, base: int, target: int, cfg: CompareConfig, *, min_groups: int = 2) -> Comparison:
    """Compare the themes found over all years together (the default comparison).

    Args:
        result: The :class:`~pipeline.themes.ThemeResult` of all years' statements.
        statements: Statements of every year.
        notes: Notes of every year.
        base: Earlier year.
        target: Later year.
        cfg: Thresholds.
        min_groups: From how many groups a theme counts as raised (``[themes] min_groups``).

    Returns:
        The :class:`Comparison`; ``quotes`` holds up to ``cfg.n_quotes`` statements per theme,
        scope and year, from different groups.
    """
    prevalence = theme_prevalence(result.units, result.themes, result.cross, statements, notes)
    status = theme_status(prevalence, base, target, cfg, min_groups=min_groups)
    years = sorted({int(y) for y in notes["year"]})
    quotes = _quotes(result.units, statements, "theme", lambda a: a, years, cfg.n_quotes)
    quotes += _quotes(result.units, statements, "cross_theme", lambda a: OVERALL, years, cfg.n_quotes)
    return Comparison(base, target, prevalence, status, pd.DataFrame(quotes, columns=QUOTE_COLUMNS))


def _keyword_vector(keywords: str, vocabulary: dict[str, int]) -> np.ndarray:
    vec = np.zeros(len(vocabulary))
    for rank, phrase in enumerate(k for k in keywords.split("; ") if k):
        for word in phrase.split():
            vec[vocabulary[word]] += 1.0 / (rank + 1)
    norm = np.linalg.norm(vec)
    return vec / norm if norm else vec


def _align(base_topics: pd.DataFrame, target_topics: pd.DataFrame, min_similarity: float, one_to_one: bool) -> list[dict]:
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
    return rows


def align_topics(base_topics: pd.DataFrame, target_topics: pd.DataFrame, *, min_similarity: float = 0.2, one_to_one: bool = False) -> pd.DataFrame:
    """Align the themes of two separately fitted analyses by their keywords, within each core area.

    Each theme is a vector of its keyword words weighted by 1/rank; similarity is cosine.

    Args:
        base_topics: ``topic, label, keywords`` (and ``core_area``) of the earlier analysis.
        target_topics: The same for the later analysis.
        min_similarity: Pairs below this score are not aligned.
        one_to_one: Match each base theme to at most one target theme (Hungarian algorithm);
            otherwise many target themes may align to one base theme.

    Returns:
        ``core_area, target_topic, target_label, base_topic, base_label, similarity, method``;
        a target theme without a partner has ``base_topic = -1`` (a candidate new theme).
    """
    if "core_area" not in base_topics or "core_area" not in target_topics:
        base_topics, target_topics = base_topics.assign(core_area=""), target_topics.assign(core_area="")
    rows = []
    for area in dict.fromkeys(target_topics["core_area"]):
        for row in _align(base_topics[base_topics["core_area"] == area], target_topics[target_topics["core_area"] == area], min_similarity, one_to_one):
            rows.append({"core_area": area, **row})
    return pd.DataFrame(rows, columns=["core_area", "target_topic", "target_label", "base_topic", "base_label", "similarity", "method"])


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
    """Compare two stored analyses through an alignment of their themes (no refitting).

    Target themes aligned to the same base theme are counted together; base themes that no
    target theme aligns to are absent in the target year. Only the core-area scope is compared
    (cross-cutting themes are not aligned).
    """
    mapping = dict(zip(alignment["target_topic"], alignment["base_topic"], strict=True))
    next_id = int(max([*base_themes["topic"], *target_themes["topic"], 0])) + 1000
    shifted = {t: next_id + t for t, b in mapping.items() if b == -1}  # an unaligned target theme is a theme of its own
    tt = target_themes.assign(topic=[shifted.get(t, mapping.get(t, t)) for t in target_themes["topic"]])
    labels: dict[int, str] = {}
    for df in (base_themes, tt):
        for topic, label in zip(df["topic"], df["label"], strict=True):
            labels.setdefault(int(topic), label)
    rows = []
    for year, df in ((base, base_themes), (target, tt)):
        totals = df.groupby("core_area")["n_groups_total"].max().to_dict()
        for (topic, area), part in df.groupby(["topic", "core_area"]):
            groups = {g for r in part.itertuples() for g in r.groups.split()}
            rows.append(
                {
                    "topic": int(topic),
                    "label": labels[int(topic)],
                    "core_area": area,
                    "year": year,
                    "n_groups": len(groups),
                    "n_groups_total": int(totals[area]),
                    "share_groups": round(len(groups) / totals[area], 4),
                    "n_statements": int(part["n_statements"].sum()) if "n_statements" in part else 0,
                    "share_statements": 0.0,
                    "groups": " ".join(sorted(groups, key=int)),
                }
            )
    prevalence = pd.DataFrame(rows)
    status = theme_status(prevalence, base, target, cfg, min_groups=min_groups)
    quotes = []
    for year, df in ((base, base_themes), (target, tt)):
        for r in df.itertuples():
            for q in json.loads(r.quotes)[: cfg.n_quotes]:
                quotes.append({"topic": int(r.topic), "scope": r.core_area, "year": year, "core_area": r.core_area, "group": q["group"], "statement_id": q["statement_id"], "text": q["text"]})
    return Comparison(base, target, prevalence, status, pd.DataFrame(quotes, columns=QUOTE_COLUMNS), alignment)
