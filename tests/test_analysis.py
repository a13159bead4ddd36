"""Statements → topics → themes → pages on a tiny seminar: evidence, escaping, determinism."""

from __future__ import annotations

import re

import pytest

from pipeline.config import parse_config
from pipeline.ingest import SourceFile, ingest
from pipeline.run import analyse_notes
from tests.conftest import TINY_TOML


@pytest.fixture(scope="module")
def tiny_analysis():
    cfg = parse_config(TINY_TOML)
    rows = [
        "kerneområde;gruppe;tekst",
        'Social omsorg;1;"Gruppe 1 talte om frivillige i ældreplejen. Koordinering af frivillige er svær."',
        'Social omsorg;2;"Koordinering af frivillige kræver en fast kontaktperson. Pårørende vil gerne hjælpe."',
        'Social omsorg;3;"Pårørende og frivillige kan hjælpe på plejehjem. Velfærdsteknologi <script>alert(1)</script> frigør tid."',
        'Læring;1;"Trivsel i klassen kræver fællesskab. Mobning skal forebygges tidligt."',
        'Læring;2;"Mobning skal forebygges med fællesskab i klassen. Praktisk undervisning motiverer."',
        'Læring;3;"Praktisk undervisning og trivsel hænger sammen."',
        "Læring;4;",
    ]
    result = ingest([SourceFile("noter.csv", ("\n".join(rows) + "\n").encode())], cfg)
    return cfg, result, analyse_notes(result.notes, result.rejects, cfg)


def test_every_statement_gets_one_topic(tiny_analysis):
    _, result, analysis = tiny_analysis
    st = analysis.topics.statement_topics
    assert len(st) == len(analysis.statements) == 11
    assert (st.topic >= 0).all()  # no outlier topic on a small corpus
    assert set(st.note_id) == set(result.notes.note_id)


def test_themes_count_groups_and_cite_their_statements(tiny_analysis):
    _, _, analysis = tiny_analysis
    st = analysis.topics.statement_topics.set_index("statement_id")
    for theme in analysis.themes.itertuples():
        evidence = theme.evidence.split()
        assert set(st.loc[evidence, "topic"]) == {theme.topic}
        assert set(st.loc[evidence, "core_area"]) == {theme.core_area}
        assert theme.n_groups == len(set(st.loc[evidence, "group"]))
        assert theme.recurring == (theme.n_groups >= 2)
    # Themes and statements partition each other: every statement is evidence exactly once.
    all_evidence = " ".join(analysis.themes.evidence).split()
    assert sorted(all_evidence) == sorted(st.index)


def test_every_quote_in_a_page_links_to_a_statement_in_that_page(tiny_analysis):
    _, _, analysis = tiny_analysis
    for name, html in analysis.pages.items():
        if name == "index.html":
            continue
        anchors = set(re.findall(r'id="s-([0-9a-f]{12}-\d\d)"', html))
        links = set(re.findall(r'href="#s-([0-9a-f]{12}-\d\d)"', html))
        assert links and links <= anchors, name


def test_note_text_is_escaped(tiny_analysis):
    _, _, analysis = tiny_analysis
    page = analysis.pages["social-omsorg.html"]
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_rejected_note_is_listed_in_the_reports(tiny_analysis):
    _, _, analysis = tiny_analysis
    assert "noter.csv (line 8): empty text" in analysis.pages["index.html"]
    assert "noter.csv (line 8): empty text" in analysis.pages["laering.html"]


def test_pages_are_byte_identical_across_runs(tiny_analysis):
    cfg, result, analysis = tiny_analysis
    again = analyse_notes(result.notes, result.rejects, cfg)
    assert again.pages == analysis.pages
    assert again.themes.equals(analysis.themes)


def test_plotly_is_embedded_once_per_page_and_offline(tiny_analysis):
    _, _, analysis = tiny_analysis
    page = analysis.pages["laering.html"]
    assert page.count("Plotly.newPlot") == 2
    assert not re.search(r"<script[^>]*\ssrc=", page)  # nothing fetched: the library is inlined
    assert page.count("plotly.js v") == 1  # the library's banner: inlined once, not per figure
