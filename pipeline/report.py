"""Danish theme reports: one HTML page per core area and an index page.

``build_area_context`` assembles everything a report shows from the stage tables;
``render_*`` turn contexts into strings with the Jinja2 templates in ``pipeline/templates``.
Nothing here writes files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import metadata

import pandas as pd
import plotly.graph_objects as go
from jinja2 import Environment, PackageLoader, select_autoescape

from pipeline.config import SeminarConfig, slugify
from pipeline.plots import plot_group_theme_heatmap, plot_theme_sizes

__all__ = ["AreaContext", "build_area_context", "build_index_context", "render_area_html", "render_index_html"]


@dataclass(frozen=True)
class AreaContext:
    """Everything one core-area report shows."""

    cfg: SeminarConfig
    area: str
    slug: str
    theme: str
    question: str
    n_groups: int
    n_statements: int
    recurring: list[dict]
    single: list[dict]
    notes: list[dict]
    figures: list[tuple[str, go.Figure]]
    rejects: list[dict] = field(default_factory=list)
    method: dict = field(default_factory=dict)


def _theme_dicts(themes: pd.DataFrame) -> list[dict]:
    out = []
    for row in themes.itertuples():
        out.append(
            {
                "topic": row.topic,
                "label": row.label,
                "keywords": [k for k in row.keywords.split("; ") if k],
                "n_groups": row.n_groups,
                "n_groups_total": row.n_groups_total,
                "n_statements": row.n_statements,
                "groups": [int(g) for g in row.groups.split()],
                "other_areas": [a for a in row.other_areas.split("; ") if a],
                "evidence": row.evidence.split(),
                "quotes": json.loads(row.quotes),
            }
        )
    return out


def package_versions() -> dict[str, str]:
    """Versions of the packages that shape the results."""
    versions = {}
    for name in ("seminar-themes", "bertopic", "spacy", "scikit-learn", "pandas", "plotly"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def build_area_context(
    area: str,
    cfg: SeminarConfig,
    notes: pd.DataFrame,
    statement_topics: pd.DataFrame,
    themes: pd.DataFrame,
    rejects: pd.DataFrame,
    method: dict,
) -> AreaContext:
    """Collect the data of one core area's report from the stage tables."""
    area_cfg = cfg.area(area)
    area_notes = notes[notes["core_area"] == area]
    area_st = statement_topics[statement_topics["core_area"] == area]
    area_themes = themes[themes["core_area"] == area]
    theme_of = dict(zip(area_st["statement_id"], area_st["topic_label"], strict=True))
    note_rows = []
    for note in area_notes.itertuples():
        sentences = area_st[area_st["note_id"] == note.note_id]
        note_rows.append(
            {
                "note_id": note.note_id,
                "group": int(note.group),
                "source": f"{note.source_file.rsplit('/', 1)[-1]}, {note.source_ref}",
                "statements": [
                    {"id": s.statement_id, "text": s.text, "theme": theme_of[s.statement_id]} for s in sentences.itertuples()
                ],
            }
        )
    figures: list[tuple[str, go.Figure]] = []
    if len(area_themes):
        figures.append(("temaer", plot_theme_sizes(area_themes)))
        figures.append(("grupper-temaer", plot_group_theme_heatmap(area_st, area_themes)))
    return AreaContext(
        cfg=cfg,
        area=area,
        slug=slugify(area),
        theme=str(area_notes["theme"].iloc[0]) if len(area_notes) else area_cfg.theme,
        question=str(area_notes["question"].iloc[0]) if len(area_notes) else area_cfg.question,
        n_groups=int(area_notes["group"].nunique()),
        n_statements=len(area_st),
        recurring=_theme_dicts(area_themes[area_themes["recurring"]]),
        single=_theme_dicts(area_themes[~area_themes["recurring"]]),
        notes=note_rows,
        figures=figures,
        rejects=[r for r in rejects.to_dict("records") if r["core_area"] == area],
        method=method,
    )


def build_index_context(cfg: SeminarConfig, notes: pd.DataFrame, statement_topics: pd.DataFrame, themes: pd.DataFrame, rejects: pd.DataFrame, method: dict) -> dict:
    """Collect the data of the index page: areas with counts and the cross-cutting themes."""
    areas = []
    for area in dict.fromkeys(notes["core_area"]):
        t = themes[themes["core_area"] == area]
        areas.append(
            {
                "name": area,
                "slug": slugify(area),
                "n_groups": int(notes.loc[notes["core_area"] == area, "group"].nunique()),
                "n_statements": int((statement_topics["core_area"] == area).sum()),
                "n_recurring": int(t["recurring"].sum()),
                "top": list(t[t["recurring"]]["label"].head(3)),
            }
        )
    cross = []
    for topic, part in themes.groupby("topic", sort=True):
        if part["core_area"].nunique() >= 2:
            cross.append(
                {
                    "label": part["label"].iloc[0],
                    "areas": [{"name": a, "slug": slugify(a), "n_groups": int(n)} for a, n in zip(part["core_area"], part["n_groups"], strict=True)],
                    "n_groups": int(part["n_groups"].sum()),
                }
            )
    cross.sort(key=lambda c: (-len(c["areas"]), -c["n_groups"], c["label"]))
    return {"cfg": cfg, "areas": areas, "cross": cross, "n_notes": len(notes), "n_rejects": len(rejects), "rejects": rejects.to_dict("records"), "method": method}


def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("pipeline", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["da_list"] = _da_list
    return env


def _da_list(items) -> str:
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " og " + items[-1]


def _figure_html(fig: go.Figure, div_id: str, include_js: bool) -> str:
    # A fixed div id keeps the HTML byte-identical between runs (Plotly's default is a random UUID).
    return fig.to_html(
        full_html=False,
        include_plotlyjs="inline" if include_js else False,
        div_id=div_id,
        config={"displaylogo": False, "responsive": True},
    )


def render_area_html(ctx: AreaContext) -> str:
    """Render one core area's report as a self-contained HTML page (Plotly embedded once)."""
    figures = [
        _figure_html(fig, f"fig-{ctx.slug}-{name}", include_js=(i == 0)) for i, (name, fig) in enumerate(ctx.figures)
    ]
    return _env().get_template("area.html.j2").render(ctx=ctx, figures=figures)


def render_index_html(index: dict) -> str:
    """Render the index page linking all core-area reports."""
    return _env().get_template("index.html.j2").render(**index)
