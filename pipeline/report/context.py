"""Report contexts: everything one page shows, built once from the analysis tables.

HTML, Markdown and DOCX render the same context (:mod:`pipeline.report.render`,
:mod:`pipeline.report.docx`), so the three formats list the same themes in the same order.
Every sentence a report shows is the groups' own text or a template filled with counts and
keywords from the notes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import metadata
from typing import TYPE_CHECKING

import pandas as pd
import plotly.graph_objects as go

from pipeline.config import SeminarConfig, slugify
from pipeline.plots import plot_group_theme_heatmap, plot_statement_map, plot_theme_sizes
from pipeline.report.wording import da_list, single_heading
from pipeline.topics import statement_map

if TYPE_CHECKING:
    from pipeline.flows import Analysis

__all__ = ["AreaContext", "area_synthesis", "build_area_context", "build_index_context", "method_facts", "package_versions"]


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
    single_heading: str
    synthesis: str
    terms: list[dict]
    notes: list[dict]
    figures: list[tuple[str, str, go.Figure]]  # (name, caption, figure)
    rejects: list[dict] = field(default_factory=list)
    method: dict = field(default_factory=dict)


def _summary_statement(quotes: list[dict], keywords: list[str]) -> dict | None:
    """The statement that mentions most of the theme's keywords (ties: the most central one)."""
    if not quotes:
        return None
    words = [k.lower() for k in keywords[:8]]
    return max(quotes, key=lambda q: sum(w in q["text"].lower() for w in words))


def theme_dicts(themes: pd.DataFrame, statement_text: dict[str, dict]) -> list[dict]:
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
    tail = f" Ord, som flere grupper brugte, var blandt andet {da_list(words)}." if words else ""
    if not recurring:
        return ("Ingen temaer blev rejst af mere end én gruppe." if single else "Ingen temaer fundet.") + tail
    parts = [f"{t['label'].lower()} ({t['n_groups']} af {t['n_groups_total']} grupper)" for t in recurring]
    text = f"Samlet set adresserede grupperne {len(recurring)} tilbagevendende {'tema' if len(recurring) == 1 else 'temaer'}: {da_list(parts)}."
    if single:
        text += f" Derudover rejste enkelte grupper {da_list([t['label'].lower() for t in single[:4]])}."
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


def method_facts(analysis: Analysis, cfg: SeminarConfig) -> dict[str, str]:
    """What the method appendix of every page shows: counts, settings, quality figures, versions."""
    topics = analysis.topics
    q = topics.quality
    return {
        "Seminar": f"{cfg.seminar_label} ({cfg.municipality})",
        "Noter analyseret / afvist": f"{len(analysis.notes)} / {len(analysis.rejects)}",
        "Udsagn": str(len(analysis.statements)),
        "Emner i alt (alle kerneområder)": f"{len(topics.topic_info)} (valgt ved {q['k_chosen_by']})",
        "Embeddings / klyngedannelse": f"{q['embedding']} / {q['clustering']}",
        "Analyseenhed": {"statement": "udsagn", "note": "gruppenote"}[cfg.topics.unit],
        "Styret af temaer og spørgsmål": "ja" if q["guided"] else "nej",
        "Emnekvalitet": (
            f"diversitet {q['diversity']}, NPMI {q['npmi']}, "
            f"andel uden emne {q['outlier_share']}, stabilitet (ARI mellem seeds) {q['stability_ari']}"
        ),
        "Tilbagevendende fra": f"{cfg.themes.min_groups} grupper",
        "Seed": str(cfg.topics.seed),
        "NLP": analysis.nlp_name,
        "Versioner": ", ".join(f"{k} {v}" for k, v in package_versions().items()),
    }


def build_area_context(
    analysis: Analysis, cfg: SeminarConfig, area: str, *, method: dict | None = None, coords: pd.DataFrame | None = None
) -> AreaContext:
    """Collect everything one core area's report shows from the analysis tables.

    Args:
        analysis: The seminar's analysis (:func:`pipeline.flows.analyse_seminar`).
        cfg: Its configuration.
        area: The core area's name.
        method: The method facts (:func:`method_facts`), when already built for other pages.
        coords: The statement map (:func:`pipeline.topics.statement_map`), likewise.

    Returns:
        The :class:`AreaContext`.
    """
    notes, rejects, themes, terms = analysis.notes, analysis.rejects, analysis.themes, analysis.terms
    statement_topics = analysis.topics.statement_topics
    statement_coords = coords if coords is not None else statement_map(analysis.topics)
    method = method if method is not None else method_facts(analysis, cfg)
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
        for t in terms[terms["core_area"] == area].itertuples()
    ]
    recurring = theme_dicts(area_themes[area_themes["recurring"]], statement_text)
    single = theme_dicts(area_themes[~area_themes["recurring"]], statement_text)
    figures: list[tuple[str, str, go.Figure]] = []
    if len(area_themes):
        figures.append(("temaer", "Hvor mange grupper rejste hvert tema (mørk: tilbagevendende).", plot_theme_sizes(area_themes)))
        figures.append(("grupper-temaer", "Antal udsagn pr. gruppe og tema.", plot_group_theme_heatmap(area_st, area_themes)))
        if len(area_st) >= 3:
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
        single_heading=single_heading(cfg.themes.min_groups),
        synthesis=area_synthesis(recurring, single, term_rows),
        terms=term_rows,
        notes=note_rows,
        figures=figures,
        rejects=[r for r in rejects.to_dict("records") if r["core_area"] == area],
        method=method,
    )


def build_index_context(analysis: Analysis, cfg: SeminarConfig, *, method: dict | None = None) -> dict:
    """Collect the data of the index page: areas with counts and the cross-cutting themes."""
    notes, rejects, themes = analysis.notes, analysis.rejects, analysis.themes
    statement_topics = analysis.topics.statement_topics
    method = method if method is not None else method_facts(analysis, cfg)
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
