"""Report contexts and their three renderings (HTML, Markdown, DOCX), tested without a subprocess."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pandas as pd

from pipeline.report import (
    build_area_context,
    build_area_docx,
    render_area_html,
    render_area_markdown,
    render_seminar_pages,
)
from pipeline.report.wording import da_list, number_word, single_heading


def _docx_text(data: bytes) -> tuple[list[str], list[list[str]]]:
    from docx import Document

    doc = Document(io.BytesIO(data))
    return [p.text for p in doc.paragraphs], [
        [c.text for c in row.cells] for t in doc.tables for row in t.rows
    ]


def test_wording_helpers():
    assert da_list(["a", "b", "c"]) == "a, b og c"
    assert da_list(["a"]) == "a" and da_list([]) == ""
    assert number_word(3) == "tre" and number_word(25) == "25"
    assert single_heading(2) == "Temaer rejst af én gruppe"
    assert single_heading(4) == "Temaer rejst af færre end fire grupper"


def test_three_formats_list_the_same_themes_in_the_same_order(analysis_2024, cfg_2024):
    for area in dict.fromkeys(analysis_2024.notes["core_area"]):
        ctx = build_area_context(analysis_2024, cfg_2024, area, recurring_from=cfg_2024.themes.min_groups)
        labels = [t["label"] for t in ctx.recurring]
        html = render_area_html(ctx)
        md = render_area_markdown(ctx)
        _, cells = _docx_text(build_area_docx(ctx, {}))
        html_order = re.findall(r'<section class="theme" id="emne-\d+">\s*<h3>(.*?)</h3>', html)
        md_order = [
            line[4:]
            for line in md.splitlines()
            if line.startswith("### ") and not line.startswith("### Gruppe")
        ]
        docx_order = [row[0] for row in cells if row[0] not in {"Tema", "Ord"} and row[0] in labels]
        assert html_order == md_order[: len(labels)] == docx_order == labels, area


def test_a_stored_threshold_of_three_puts_every_theme_under_the_heading_of_its_group_count(
    analysis_2024, cfg_2024
):
    # the theme stage decided with three groups and stored it; the configuration still says two:
    # the pages state the stored threshold, the one the ``recurring`` column was decided with
    assert cfg_2024.themes.min_groups == analysis_2024.quality["recurring_from"] == 2
    cfg = cfg_2024
    themes = analysis_2024.themes.assign(recurring=analysis_2024.themes["n_groups"] >= 3)
    analysis = replace(analysis_2024, themes=themes, quality={**analysis_2024.quality, "recurring_from": 3})
    pages = render_seminar_pages(analysis, cfg)
    assert (themes["n_groups"] < 3).any(), "the fixture must have themes below the threshold"
    for area, part in themes.groupby("core_area"):
        ctx = build_area_context(analysis, cfg, area, recurring_from=analysis.quality["recurring_from"])
        assert all(t["n_groups"] >= 3 for t in ctx.recurring)
        assert all(t["n_groups"] < 3 for t in ctx.single)
        if ctx.single:
            md = pages[f"{ctx.slug}.md"]
            assert "## Temaer rejst af færre end tre grupper" in md
            assert "Temaer rejst af én gruppe" not in md
            paragraphs, _ = _docx_text(pages[f"{ctx.slug}.docx"])
            assert "Temaer rejst af færre end tre grupper" in paragraphs
        html = pages[f"{ctx.slug}.html"]
        assert "Temaer, som mindst 3 grupper rejste" in html or not ctx.recurring


def test_docx_theme_table_lists_only_recurring_themes(analysis_2024, cfg_2024):
    for area in dict.fromkeys(analysis_2024.notes["core_area"]):
        ctx = build_area_context(analysis_2024, cfg_2024, area, recurring_from=cfg_2024.themes.min_groups)
        _, cells = _docx_text(build_area_docx(ctx, {}))
        theme_rows = [row for row in cells if len(row) == 4 and row[0] != "Tema"]
        assert [row[0] for row in theme_rows] == [t["label"] for t in ctx.recurring], area


def test_method_facts_and_index_come_from_the_analysis(analysis_2024, cfg_2024):
    pages = render_seminar_pages(analysis_2024, cfg_2024)
    assert "Tilbagevendende fra" in pages["index.html"] or "Kerneområder" in pages["index.html"]
    assert f"{len(analysis_2024.notes)} gruppenoter" in pages["index.html"]
    assert sorted(pages) == sorted(
        ["index.html", "plotly.min.js", "temaer.xlsx", "overblik.html", "overblik.md", "overblik.docx"]
        + [
            f"{s}.{ext}"
            for s in (
                "social-omsorg",
                "beskaeftigelse",
                "laering",
                "vaekst-teknik-og-faellesskab",
                "oekonomi-personale-og-it",
            )
            for ext in ("html", "md", "docx")
        ]
    )


def test_themes_in_the_question_own_words_are_listed_apart_in_all_three_formats(analysis_2024, cfg_2024):
    themes = analysis_2024.themes
    # a theme that only names one of the question's given options is shown with the options instead
    options = {(a, int(t)) for a, by in analysis_2024.quality.get("option_themes", {}).items() for t in by}
    given = [(a, int(t)) in options for a, t in zip(themes["core_area"], themes["topic"], strict=True)]
    asked = themes[
        themes["restates_question"]
        & ~themes["restates_area"]
        & (themes["n_groups"] >= 2)
        & ~pd.Series(given, index=themes.index)
    ]
    assert len(asked), "the 2024 seminar has themes that only repeat the question (e.g. anbringelser)"
    assert not asked["recurring"].any()
    for area, part in asked.groupby("core_area"):
        ctx = build_area_context(analysis_2024, cfg_2024, area, recurring_from=cfg_2024.themes.min_groups)
        assert [t["label"] for t in ctx.question_themes] == list(part["label"])
        assert not {t["label"] for t in ctx.question_themes} & {
            t["label"] for t in ctx.recurring + ctx.single
        }
        md = render_area_markdown(ctx)
        section = md.split("## Spørgsmålets egne ord", 1)[1].split("\n## ", 1)[0]
        html = render_area_html(ctx).split("<h2>Spørgsmålets egne ord</h2>", 1)[1].split("<h2>", 1)[0]
        paragraphs, _ = _docx_text(build_area_docx(ctx, {}))
        docx = "\n".join(paragraphs).split("Spørgsmålets egne ord", 1)[1]
        for t in ctx.question_themes:
            line = f"{t['label']}** ({t['n_groups']} af {t['n_groups_total']} grupper"
            assert line in section and f"<b>{t['label']}</b>" in html and t["label"] in docx, (
                area,
                t["label"],
            )
        # the synthesis names them after the sub-themes (or, where no sub-theme recurs, alone: 2024
        # Læring) as words from where the list's intro says they come: the question and the topic
        source = f"spørgsmålet og fra emnet ({ctx.theme})" if ctx.theme else "spørgsmålet"
        assert f"ord fra {source}: " in ctx.synthesis and f"Ord fra {source}, som flere" in section


def test_the_themes_one_group_raised_are_one_line_per_group_each_label_a_link(analysis_2024, cfg_2024):
    for area in dict.fromkeys(analysis_2024.notes["core_area"]):
        ctx = build_area_context(analysis_2024, cfg_2024, area, recurring_from=cfg_2024.themes.min_groups)
        if not ctx.single:
            continue
        md = render_area_markdown(ctx)
        section = md.split(f"## {ctx.single_heading}", 1)[1].split("\n## ", 1)[0]
        lines = [line for line in section.splitlines() if line.startswith("- ")]
        assert len(lines) == len({tuple(t["groups"]) for t in ctx.single}), area  # not one per theme
        assert section.count("Maskinforslag") <= 1, area  # the status once, in the intro
        for t in ctx.single:
            # the theme's anchor (the notes' tags point at it), its label a link to its statement
            assert f'<a id="emne-{t["topic"]}"></a>[{t["label"]}](#s-' in section, (area, t["label"])
            # the sentence stands once, in the notes the label links to
            assert not t["summary"] or t["summary"]["text"] not in section, (area, t["label"])
