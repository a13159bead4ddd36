"""Danish theme reports: per core area as HTML, Markdown and DOCX, plus an index page.

``build_area_context`` assembles everything a report shows from the stage tables;
``render_*`` turn contexts into strings (HTML, Markdown) and ``build_area_docx`` into the
bytes of a Word document. Nothing here writes files. Every sentence a report shows is the
groups' own text or a template filled with counts and keywords from the notes.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from importlib import metadata

import pandas as pd
import plotly.graph_objects as go
from jinja2 import Environment, PackageLoader, select_autoescape

from pipeline.config import SeminarConfig, slugify
from pipeline.plots import plot_group_theme_heatmap, plot_statement_map, plot_theme_sizes

__all__ = [
    "AreaContext",
    "area_synthesis",
    "build_area_context",
    "build_area_docx",
    "build_index_context",
    "escape_markdown",
    "render_area_html",
    "render_area_markdown",
    "render_index_html",
]


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
    synthesis: str
    terms: list[dict]
    notes: list[dict]
    figures: list[tuple[str, str, go.Figure]]  # (name, caption, figure)
    rejects: list[dict] = field(default_factory=list)
    method: dict = field(default_factory=dict)


def _da_list(items) -> str:
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " og " + items[-1]


def _summary_statement(quotes: list[dict], keywords: list[str]) -> dict | None:
    """The statement that mentions most of the theme's keywords (ties: the most central one)."""
    if not quotes:
        return None
    words = [k.lower() for k in keywords[:8]]
    return max(quotes, key=lambda q: sum(w in q["text"].lower() for w in words))


def _theme_dicts(themes: pd.DataFrame, statement_text: dict[str, dict]) -> list[dict]:
    out = []
    for row in themes.itertuples():
        keywords = [k for k in row.keywords.split("; ") if k]
        candidates = [statement_text[s] for s in row.evidence.split()]
        central = json.loads(row.quotes)
        summary = _summary_statement(central + [c for c in candidates if c["statement_id"] not in {q["statement_id"] for q in central}], keywords)
        quotes = [q for q in central if summary is None or q["statement_id"] != summary["statement_id"]]
        out.append(
            {
                "topic": row.topic,
                "label": row.label,
                "keywords": keywords,
                "n_groups": row.n_groups,
                "n_groups_total": row.n_groups_total,
                "n_statements": row.n_statements,
                "groups": [int(g) for g in row.groups.split()],
                "other_areas": [{"name": a, "slug": slugify(a)} for a in row.other_areas.split("; ") if a],
                "evidence": row.evidence.split(),
                "summary": summary,
                "quotes": quotes[:2] if summary else quotes,
            }
        )
    return out


def area_synthesis(recurring: list[dict], single: list[dict], terms: list[dict] | None = None) -> str:
    """A templated synthesis of an area: the recurring themes with their counts, the single ones, and shared words."""
    shown = {w for t in recurring for w in t["label"].lower().replace(",", " ").split()}
    words = [t["surface"] for t in (terms or []) if t["surface"].lower() not in shown][:6]
    tail = f" Ord, som flere grupper brugte, var blandt andet {_da_list(words)}." if words else ""
    if not recurring:
        return ("Ingen temaer blev rejst af mere end én gruppe." if single else "Ingen temaer fundet.") + tail
    parts = [f"{t['label'].lower()} ({t['n_groups']} af {t['n_groups_total']} grupper)" for t in recurring]
    text = f"Samlet set adresserede grupperne {len(recurring)} tilbagevendende {'tema' if len(recurring) == 1 else 'temaer'}: {_da_list(parts)}."
    if single:
        text += f" Derudover rejste enkelte grupper {_da_list([t['label'].lower() for t in single[:4]])}."
    return text + tail


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
    statement_coords: pd.DataFrame | None = None,
    terms: pd.DataFrame | None = None,
) -> AreaContext:
    """Collect the data of one core area's report from the stage tables."""
    area_cfg = cfg.area(area)
    area_notes = notes[notes["core_area"] == area]
    area_st = statement_topics[statement_topics["core_area"] == area]
    area_themes = themes[themes["core_area"] == area]
    theme_of = dict(zip(area_st["statement_id"], area_st["topic_label"], strict=True))
    statement_text = {
        s.statement_id: {"statement_id": s.statement_id, "note_id": s.note_id, "group": int(s.group), "text": s.text}
        for s in area_st.itertuples()
    }
    note_rows = []
    for note in area_notes.itertuples():
        sentences = area_st[area_st["note_id"] == note.note_id]
        note_rows.append(
            {
                "note_id": note.note_id,
                "group": int(note.group),
                "source": f"{note.source_file.replace(chr(92), '/').rsplit('/', 1)[-1]}, {note.source_ref}",
                "statements": [{"id": s.statement_id, "text": s.text, "theme": theme_of[s.statement_id]} for s in sentences.itertuples()],
            }
        )
    term_rows = [
        {"surface": t.surface, "n_groups": t.n_groups, "groups": [int(g) for g in t.groups.split()], "statements": t.statement_ids.split()}
        for t in (terms[terms["core_area"] == area].itertuples() if terms is not None else [])
    ]
    recurring = _theme_dicts(area_themes[area_themes["recurring"]], statement_text)
    single = _theme_dicts(area_themes[~area_themes["recurring"]], statement_text)
    figures: list[tuple[str, str, go.Figure]] = []
    if len(area_themes):
        figures.append(("temaer", "Hvor mange grupper rejste hvert tema (mørk: tilbagevendende).", plot_theme_sizes(area_themes)))
        figures.append(("grupper-temaer", "Antal udsagn pr. gruppe og tema.", plot_group_theme_heatmap(area_st, area_themes)))
        if statement_coords is not None and len(area_st) >= 3:
            data = area_st.merge(statement_coords[["statement_id", "x", "y"]], on="statement_id")
            figures.append(("kort", "Hvert punkt er et udsagn; farven er temaet.", plot_statement_map(data)))
    return AreaContext(
        cfg=cfg,
        area=area,
        slug=slugify(area),
        theme=str(area_notes["theme"].iloc[0]) if len(area_notes) else area_cfg.theme,
        question=str(area_notes["question"].iloc[0]) if len(area_notes) else area_cfg.question,
        n_groups=int(area_notes["group"].nunique()),
        n_statements=len(area_st),
        recurring=recurring,
        single=single,
        synthesis=area_synthesis(recurring, single, term_rows),
        terms=term_rows,
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
    for _, part in themes.groupby("topic", sort=True):
        if part["core_area"].nunique() >= 2:
            cross.append(
                {
                    "label": part["label"].iloc[0],
                    "topic": int(part["topic"].iloc[0]),
                    "areas": [{"name": a, "slug": slugify(a), "n_groups": int(n)} for a, n in zip(part["core_area"], part["n_groups"], strict=True)],
                    "n_groups": int(part["n_groups"].sum()),
                }
            )
    cross.sort(key=lambda c: (-len(c["areas"]), -c["n_groups"], c["label"]))
    return {"cfg": cfg, "areas": areas, "cross": cross, "n_notes": len(notes), "n_rejects": len(rejects), "rejects": rejects.to_dict("records"), "method": method}


_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")
_MD_LINE_START = re.compile(r"^(\s*)([-+>]|\d+[.)])", re.M)


def escape_markdown(text: str) -> str:
    """Escape note text for Markdown: no markup, no raw HTML (``<script>`` shows as text)."""
    text = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    def _line_start(m: re.Match) -> str:
        mark = m.group(2)
        return m.group(1) + (mark[:-1] + "\\" + mark[-1] if mark[0].isdigit() else "\\" + mark)

    return _MD_LINE_START.sub(_line_start, text)


def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("pipeline", "templates"),
        autoescape=select_autoescape(["html.j2"], default_for_string=False, default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["da_list"] = _da_list
    env.filters["md"] = escape_markdown
    return env


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
        {"caption": caption, "html": _figure_html(fig, f"fig-{ctx.slug}-{name}", include_js=(i == 0))}
        for i, (name, caption, fig) in enumerate(ctx.figures)
    ]
    return _env().get_template("area.html.j2").render(ctx=ctx, figures=figures)


def render_area_markdown(ctx: AreaContext) -> str:
    """Render one core area's report as Markdown (note text escaped; charts left to the HTML and DOCX)."""
    return _env().get_template("area.md.j2").render(ctx=ctx)


def render_index_html(index: dict) -> str:
    """Render the index page linking all core-area reports."""
    return _env().get_template("index.html.j2").render(**index)


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a DOCX package with fixed timestamps so that the same report gives the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def build_area_docx(ctx: AreaContext, images: dict[str, bytes | None]) -> bytes:
    """A Word document of one core area's report, with real headings, a theme table and the charts.

    Args:
        ctx: The area's report context.
        images: PNG bytes per figure name (``None`` when the chart could not be rendered).

    Returns:
        The bytes of the ``.docx`` file.
    """
    import datetime as dt

    from docx import Document
    from docx.shared import Cm, Pt

    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    stamp = dt.datetime.combine(ctx.cfg.date or dt.date(ctx.cfg.year, 1, 1), dt.time())
    props = doc.core_properties
    props.title = f"{ctx.area} – {ctx.cfg.name} {ctx.cfg.year}"
    props.author = props.last_modified_by = "seminar-themes"
    props.created = props.modified = stamp
    props.revision = 1

    doc.add_heading(ctx.area, level=0)
    doc.add_paragraph(f"{ctx.cfg.municipality} · {ctx.cfg.name} {ctx.cfg.year} · Gruppedrøftelse om {ctx.theme}")
    if ctx.question:  # a core area may have no question
        doc.add_paragraph().add_run(ctx.question).italic = True
    doc.add_paragraph(f"{ctx.n_groups} grupper · {ctx.n_statements} udsagn · {len(ctx.recurring)} tilbagevendende temaer")

    doc.add_heading("Sammenfatning", level=1)
    doc.add_paragraph(ctx.synthesis)

    doc.add_heading("Tilbagevendende temaer", level=1)
    themes = ctx.recurring + ctx.single
    if themes:
        table = doc.add_table(rows=1, cols=4)
        table.style = "Light Grid Accent 1"
        for cell, title in zip(table.rows[0].cells, ("Tema", "Grupper", "Nøgleord", "Også i"), strict=True):
            cell.text = title
        for t in themes:
            cells = table.add_row().cells
            cells[0].text = t["label"]
            cells[1].text = f"{t['n_groups']} af {t['n_groups_total']} (gr. {_da_list(t['groups'])})"
            cells[2].text = ", ".join(t["keywords"][:6])
            cells[3].text = _da_list([a["name"] for a in t["other_areas"]])
    for t in ctx.recurring:
        doc.add_heading(t["label"], level=2)
        doc.add_paragraph(f"Rejst af {t['n_groups']} af {t['n_groups_total']} grupper (gruppe {_da_list(t['groups'])}); {t['n_statements']} udsagn.")
        if t["summary"]:
            p = doc.add_paragraph(style="Intense Quote")
            p.add_run(f"{t['summary']['text']} (Gruppe {t['summary']['group']})")
        for quote in t["quotes"]:
            doc.add_paragraph(f"{quote['text']} (Gruppe {quote['group']})", style="Quote")

    if ctx.terms:
        doc.add_heading("Ord, som flere grupper brugte", level=1)
        terms = doc.add_table(rows=1, cols=2)
        terms.style = "Light Grid Accent 1"
        terms.rows[0].cells[0].text, terms.rows[0].cells[1].text = "Ord", "Grupper"
        for term in ctx.terms:
            cells = terms.add_row().cells
            cells[0].text, cells[1].text = term["surface"], f"{term['n_groups']} (gr. {_da_list(term['groups'])})"

    if ctx.figures:
        doc.add_heading("Figurer", level=1)
        for name, caption, _ in ctx.figures:
            png = images.get(name)
            if png:
                doc.add_picture(io.BytesIO(png), width=Cm(16))
                doc.add_paragraph(caption, style="Caption")
            else:
                doc.add_paragraph(f"(Figuren '{caption}' kunne ikke tegnes her; se HTML-rapporten.)")

    doc.add_heading("Gruppernes noter", level=1)
    for n in ctx.notes:
        doc.add_heading(f"Gruppe {n['group']}", level=2)
        doc.add_paragraph(" ".join(s["text"] for s in n["statements"]))
        src = doc.add_paragraph(f"Kilde: {n['source']} · note-id {n['note_id']}")
        src.runs[0].font.size = Pt(8)

    doc.add_heading("Metode", level=1)
    method = doc.add_table(rows=0, cols=2)
    method.style = "Light List Accent 1"
    for key, value in ctx.method.items():
        cells = method.add_row().cells
        cells[0].text, cells[1].text = str(key), str(value)
    if ctx.rejects:
        doc.add_heading("Afviste noter", level=2)
        for r in ctx.rejects:
            doc.add_paragraph(f"{r['source_file']} ({r['source_ref']}): {r['reason']}", style="List Bullet")
    buf = io.BytesIO()
    doc.save(buf)
    return _normalise_zip(buf.getvalue())


STATUS_TITLES = {
    "ny": "Nye temaer",
    "voksende": "Voksende temaer",
    "vedvarende": "Vedvarende temaer",
    "aftagende": "Aftagende temaer",
    "forsvundet": "Forsvundne temaer",
}


def _comparison_sections(comparison, scopes: list[str], include_figures: bool) -> list[dict]:
    from pipeline.compare import OVERALL
    from pipeline.plots import plot_theme_change

    sections = []
    for scope in scopes:
        rows = comparison.status[(comparison.status["core_area"] == scope) & (comparison.status["status"] != "enkeltstående")]
        groups = []
        for status in STATUS_TITLES:
            items = []
            for r in rows[rows["status"] == status].itertuples():
                quotes = comparison.quotes[(comparison.quotes["topic"] == r.topic) & ((comparison.quotes["core_area"] == scope) | (scope == OVERALL))]
                quotes = pd.concat([quotes[quotes["year"] == r.base_year].head(1), quotes[quotes["year"] == r.target_year].head(1)])
                prev = comparison.prevalence
                total = prev[(prev["core_area"] == scope) & (prev["topic"] == r.topic)].set_index("year")["n_groups_total"].to_dict()
                items.append(
                    {
                        "label": r.label,
                        "base_groups": r.base_groups,
                        "target_groups": r.target_groups,
                        "base_total": total.get(r.base_year, 0),
                        "target_total": total.get(r.target_year, 0),
                        "quotes": quotes.to_dict("records"),
                    }
                )
            if items:
                groups.append((status, items))
        counts = {s: len(items) for s, items in groups}
        summary = "; ".join(f"{n} {STATUS_TITLES[s].split()[0].lower()}" for s, n in counts.items()) if counts else "Ingen ændringer i temaer, som mindst to grupper rejste."
        figure = None
        if include_figures and len(rows):
            div = f"fig-compare-{slugify(scope)}"
            figure = _figure_html(plot_theme_change(rows), div, include_js=not sections)
        sections.append({"title": scope, "slug": slugify(scope), "summary": summary[:1].upper() + summary[1:] + ".", "groups": groups, "figure": figure})
    return sections


def render_comparison_html(comparison, cfg, municipality: str = "") -> str:
    """Render the "Hvad er nyt i år" page: overall, then per core area, with charts and quotes from both years."""
    from pipeline.compare import OVERALL
    from pipeline.plots import plot_prevalence_heatmap

    areas = [a for a in dict.fromkeys(comparison.prevalence["core_area"]) if a != OVERALL]
    sections = _comparison_sections(comparison, [OVERALL, *areas], include_figures=True)
    years = sorted(set(int(y) for y in comparison.prevalence["year"]))
    overall = comparison.prevalence[comparison.prevalence["core_area"] == OVERALL]
    keep = set(comparison.status.loc[(comparison.status["core_area"] == OVERALL) & (comparison.status["status"] != "enkeltstående"), "topic"])
    heat = overall[overall["topic"].isin(keep)]
    heatmap = _figure_html(plot_prevalence_heatmap(heat), "fig-compare-years", include_js=not any(s["figure"] for s in sections)) if len(heat) else None
    alignment = comparison.alignment.to_dict("records") if comparison.alignment is not None else None
    return _env().get_template("compare.html.j2").render(
        base=comparison.base,
        target=comparison.target,
        years=years,
        cfg=cfg,
        municipality=municipality,
        sections=sections,
        heatmap=heatmap,
        alignment=alignment,
        status_titles=STATUS_TITLES,
    )


def render_comparison_markdown(comparison, cfg) -> str:
    """The "Hvad er nyt i år" section as Markdown (no charts)."""
    from pipeline.compare import OVERALL

    areas = [a for a in dict.fromkeys(comparison.prevalence["core_area"]) if a != OVERALL]
    lines = [f"# Hvad er nyt i år: {comparison.base} → {comparison.target}", ""]
    for s in _comparison_sections(comparison, [OVERALL, *areas], include_figures=False):
        lines += [f"## {escape_markdown(s['title'])}", "", escape_markdown(s["summary"]), ""]
        for status, items in s["groups"]:
            lines += [f"### {STATUS_TITLES[status]}", ""]
            for t in items:
                lines.append(
                    f"- **{escape_markdown(t['label'])}**: {t['base_groups']} af {t['base_total']} grupper i {comparison.base} → "
                    f"{t['target_groups']} af {t['target_total']} i {comparison.target}"
                )
                for q in t["quotes"]:
                    lines.append(f"  > {escape_markdown(q['text'])} ({q['year']}, {escape_markdown(q['core_area'])}, gruppe {q['group']})")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
