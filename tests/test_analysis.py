"""Statements → topics → themes → pages on a tiny seminar: evidence, escaping, determinism."""

from __future__ import annotations

import re

import pytest

from pipeline.flows import analyse_seminar
from pipeline.report import render_seminar_pages


def test_units_are_phrases_of_their_statements(tiny_analysis):
    _, result, analysis, _ = tiny_analysis
    st = analysis.statements.set_index("statement_id")
    assert len(analysis.units) > len(st) / 2
    for u in analysis.units.itertuples():
        tokens = st.loc[u.statement_id, "tokens"].split()
        assert " ".join(tokens[u.start : u.end]) == u.text  # the group's own words, in order
        assert u.lemmas.strip()
    assert set(analysis.units["note_id"]) <= set(result.notes["note_id"])


def test_themes_count_groups_and_cite_their_statements(tiny_analysis):
    _, _, analysis, _ = tiny_analysis
    units = analysis.units.set_index("unit_id")
    assert len(analysis.themes)
    for theme in analysis.themes.itertuples():
        own = units.loc[theme.units.split()]
        assert set(own["theme"]) == {theme.topic}
        assert set(own["core_area"]) == {theme.core_area}
        assert theme.evidence.split() == list(dict.fromkeys(own["statement_id"]))
        assert theme.n_groups == own["group"].nunique() == len(theme.groups.split())
        assert theme.recurring == (
            theme.n_groups >= 2 and not theme.restates_area and not theme.restates_question
        )
        # A label comes only from the theme's own units, as the groups wrote them (a single
        # definite noun as the word itself: "klassen" names the theme "Klasse").
        # (a point said with a verb is named by its noun: "frigør tid" → "frigørelse af tid")
        from pipeline.themes.labels import label_forms, verb_noun_forms

        assert theme.label.lower() in label_forms(own) | verb_noun_forms(own)
    # Every "k af n grupper" is true: each counted group's own words say the label.
    from pipeline.themes.points import unfit_groups

    assert unfit_groups(analysis.themes, analysis.units, analysis.statements) == []
    # Every unit in a theme is listed by exactly that theme.
    listed = " ".join(analysis.themes["units"]).split()
    assert sorted(listed) == sorted(analysis.units.loc[analysis.units["theme"] >= 0, "unit_id"])


def test_every_quote_in_a_page_links_to_a_statement_in_that_page(tiny_analysis):
    _, _, _, pages = tiny_analysis
    for name, html in pages.items():
        if name in ("index.html", "overblik.html") or not name.endswith(
            ".html"
        ):  # the overview links the area pages' statements
            continue
        anchors = set(re.findall(r'id="s-([0-9a-f]{12}-\d\d)"', html))
        links = set(re.findall(r'href="#s-([0-9a-f]{12}-\d\d)"', html))
        assert links and links <= anchors, name


def test_markdown_quotes_point_at_listed_statements(tiny_analysis):
    _, _, _, pages = tiny_analysis
    for name, md in pages.items():
        if name.endswith(".md") and name != "overblik.md":  # the overview cites the area pages' statements
            cited = set(re.findall(r"\]\(#s-([0-9a-f]{12}-\d\d)\)", md))
            # each statement in the notes: its number on the page, its id, its anchor
            listed = set(
                re.findall(r"^- \*\*\d+\\\.\*\* `([0-9a-f]{12}-\d\d)` <a id=\"s-\1\"></a>", md, re.M)
            )
            assert cited and cited <= listed, name


@pytest.mark.parametrize("name", ["social-omsorg.html", "social-omsorg.md"])
def test_note_text_is_escaped(tiny_analysis, name):
    _, _, _, pages = tiny_analysis
    page = pages[name]
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_docx_has_headings_theme_table_and_charts(tiny_analysis):
    import io

    from docx import Document

    from tests.helpers import tiny_png

    cfg, _, analysis, _ = tiny_analysis
    png = tiny_png()
    pages = render_seminar_pages(analysis, cfg, render_png=lambda fig: png)
    doc = Document(io.BytesIO(pages["laering.docx"]))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == "Læring"
    assert {"Sammenfatning", "Tilbagevendende temaer", "Figurer", "Gruppernes noter", "Metode"} <= set(
        headings
    )
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Tema", "Grupper", "Nøgleord", "Også i"]
    themes = analysis.themes[(analysis.themes.core_area == "Læring") & analysis.themes.recurring]
    assert len(table.rows) == 1 + len(themes)  # recurring themes only, as in the HTML
    assert len(doc.inline_shapes) == 2  # themes by groups, theme × group matrix
    # Same input, same bytes (timestamps inside the package are fixed).
    again = render_seminar_pages(analysis, cfg, render_png=lambda fig: png)
    assert again["laering.docx"] == pages["laering.docx"]


def test_rejected_note_is_listed_in_the_reports(tiny_analysis):
    _, _, _, pages = tiny_analysis
    assert "noter.csv (linje 8): empty text" in pages["index.html"]  # the place in Danish
    assert "noter.csv (linje 8): empty text" in pages["laering.html"]


def test_pages_are_byte_identical_across_runs(tiny_analysis):
    cfg, result, analysis, pages = tiny_analysis
    again = analyse_seminar(result.notes, result.rejects, cfg)
    assert render_seminar_pages(again, cfg, extra_method=result.method_lines(cfg)) == pages
    assert again.themes.equals(analysis.themes)


def test_pages_load_one_local_plotly_and_stay_light(tiny_analysis):
    _, _, _, pages = tiny_analysis
    page = pages["laering.html"]
    assert page.count("Plotly.newPlot") == 2  # themes by groups, theme × group matrix
    assert re.findall(r"<script[^>]*\ssrc=\"([^\"]+)\"", page) == [
        "plotly.min.js"
    ]  # one local file, nothing fetched
    assert "plotly.js v" in pages["plotly.min.js"] and "plotly.js v" not in page
    assert all(len(p.encode()) < 1_000_000 for name, p in pages.items() if name.endswith(".html"))
