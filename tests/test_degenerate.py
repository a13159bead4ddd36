"""Degenerate but plausible seminars give a sensible result or one clear message, never a crash."""

from __future__ import annotations

import pytest

from pipeline.config import parse_config
from pipeline.errors import InputError
from pipeline.flows import analyse_seminar
from pipeline.ingest import SourceFile, ingest
from pipeline.report import render_seminar_pages

ONE_AREA_NO_QUESTION = """
[seminar]
name = "Test"
year = 2025

[[core_areas]]
name = "Læring"
"""


def _analyse(rows: list[str], toml: str = ONE_AREA_NO_QUESTION):
    cfg = parse_config(toml)
    data = ("kerneområde;gruppe;tekst\n" + "\n".join(rows) + "\n").encode("utf-8")
    result = ingest([SourceFile("noter.csv", data)], cfg)
    analysis = analyse_seminar(result.notes, result.rejects, cfg)
    return analysis, render_seminar_pages(analysis, cfg)


def test_identical_notes_of_every_group_make_one_theme_that_restates_the_area():
    text = '"Trivsel i klassen kræver fællesskab og tidlig indsats mod mobning."'
    analysis, pages = _analyse([f"Læring;{g};{text}" for g in (1, 2, 3)])
    assert set(analysis.themes["n_groups"]) == {3}
    assert analysis.themes["restates_area"].all() and not analysis.themes["recurring"].any()
    assert "Læring" in pages["laering.html"]


def test_one_group_and_an_area_without_question():
    analysis, pages = _analyse(
        ['Læring;1;"Trivsel i klassen. Mobning skal forebygges tidligt. Trivsel kræver fællesskab."']
    )
    assert (analysis.themes["n_groups_total"] == 1).all()
    assert not analysis.themes["recurring"].any()  # one group cannot make a recurring theme
    assert pages["laering.docx"][:2] == b"PK"  # the DOCX is written although the area has no question


def test_notes_without_content_words_get_one_clear_message():
    with pytest.raises(InputError, match="no note has a content word"):
        _analyse(["Læring;1;og det er de", "Læring;2;men så"])
