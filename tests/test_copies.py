"""A sentence a group wrote word for word under two core areas: flagged, and counted where it belongs."""

from __future__ import annotations

import io
import logging

import pandas as pd

from pipeline.report import render_area_markdown
from pipeline.report.words_apart import COPIES, copies_blocks, copies_of
from pipeline.themes.copies import counted_statements, find_copies

AREAS = {"Trafik": frozenset({"trafik", "vej"}), "Skoler": frozenset({"skole", "elev"})}


def _statements(rows: list[tuple[str, int, str, str, str]]) -> pd.DataFrame:
    """``(statement_id, group, area, text, content lemmas)`` rows; tokens are the text's words."""
    return pd.DataFrame(
        [
            {
                "statement_id": sid,
                "year": 2025,
                "group": g,
                "core_area": area,
                "text": text,
                "tokens": text.replace(",", " ,").replace(".", " ."),
                "content_lemmas": lemmas,
            }
            for sid, g, area, text, lemmas in rows
        ]
    )


def test_a_whole_sentence_of_one_group_under_two_areas_is_a_copy_on_both_sides():
    st = _statements(
        [
            ("t1", 2, "Trafik", "Vi vil have flere cykelstier i hele byen.", "cykelsti by"),
            # the same words, then the other area's own word: typed under the wrong heading
            (
                "s1",
                2,
                "Skoler",
                "Vi vil have flere cykelstier i hele byen, og trafikken skal ned.",
                "cykelsti by trafik",
            ),
            ("s2", 3, "Skoler", "Vi vil have flere cykelstier i hele byen.", "cykelsti by"),  # another group
            ("t2", 2, "Trafik", "Det er vigtigt.", ""),  # too short to be a copy
            ("s3", 2, "Skoler", "Det er vigtigt.", ""),
        ]
    )
    copies = find_copies(st, AREAS)
    assert [(c.area, c.statement_id, c.other_statement_id, c.counts, c.other_counts) for c in copies] == [
        ("Trafik", "t1", "s1", True, False),
        ("Skoler", "s1", "t1", False, True),
    ]
    assert {c.words for c in copies} == {"Vi vil have flere cykelstier i hele byen."}  # the shorter one
    # the theme stage and the recurring words read the same statements: all but the stray side
    record = {"Trafik": [copies[0].as_dict()], "Skoler": [copies[1].as_dict()]}
    assert list(counted_statements(st, record)["statement_id"]) == ["t1", "s2", "t2", "s3"]


def test_a_copy_naming_neither_or_both_areas_words_counts_in_both():
    st = _statements(
        [
            ("t1", 1, "Trafik", "Kommunen skal lytte mere til borgerne i byen.", "kommune borger by"),
            ("s1", 1, "Skoler", "Kommunen skal lytte mere til borgerne i byen.", "kommune borger by"),
            (
                "t2",
                4,
                "Trafik",
                "Elever på cykel har brug for sikre veje til skolen.",
                "elev cykel vej skole",
            ),
            (
                "s2",
                4,
                "Skoler",
                "Elever på cykel har brug for sikre veje til skolen.",
                "elev cykel vej skole",
            ),
        ]
    )
    assert all(c.counts and c.other_counts for c in find_copies(st, AREAS))
    assert len(find_copies(st, AREAS)) == 4


def test_the_copy_counts_toward_no_theme_where_it_strays_warned_recorded_and_on_both_pages(
    danish_nlp, tiny_cfg, caplog
):
    from tests.helpers import analyse_rows

    rows = [
        "kerneområde;gruppe;tekst",
        'Social omsorg;1;"Frivillige kan hjælpe de ældre med indkøb hver uge. Besøgsvenner gør en forskel."',
        'Social omsorg;2;"Besøgsvenner gør en forskel for de ensomme."',
        'Læring;1;"Frivillige kan hjælpe de ældre med indkøb hver uge, og frivillige får glæde af det."',
        'Læring;2;"Trivsel i klassen kræver fællesskab. Indkøb til klassen giver glæde."',
    ]
    with caplog.at_level(logging.WARNING):
        _, analysis, _ = analyse_rows(rows, tiny_cfg, nlp=danish_nlp)
    copies = analysis.quality["copies"]
    stray = copies["Læring"][0]
    assert (stray["group"], stray["other_area"], stray["counts"]) == (1, "Social omsorg", False)
    assert copies["Social omsorg"][0]["counts"] and not copies["Social omsorg"][0]["other_counts"]
    # nothing dropped: the statement stays, it only counts toward no theme of Læring
    assert stray["statement_id"] in set(analysis.statements["statement_id"])
    assert stray["statement_id"] not in set(analysis.units["statement_id"])
    assert copies["Social omsorg"][0]["statement_id"] in set(analysis.units["statement_id"])
    # nor is it a word the area's groups used: "indkøb" is group 2's alone in Læring
    terms = analysis.terms[analysis.terms["core_area"] == "Læring"]
    assert "indkøb" not in set(terms["term"])
    warned = [r.getMessage() for r in caplog.records if "same sentence" in r.getMessage()]
    assert len(warned) == 1 and "not counted toward the themes of 'Læring'" in warned[0]

    from pipeline.report import build_area_context

    ctx = build_area_context(analysis, tiny_cfg, "Læring", recurring_from=2)
    section = render_area_markdown(ctx).split(f"## {COPIES}", 1)[1].split("\n## ", 1)[0]
    assert "Gruppe 1 skrev den samme sætning under Social omsorg: »" in section
    assert "Frivillige kan hjælpe de ældre med indkøb hver uge." in section
    assert "ikke talt med i temaerne" in section
    # the same section in the HTML page and the Word document
    from docx import Document

    from pipeline.report import build_area_docx, render_area_html

    assert f"<h3>{COPIES}</h3>" in render_area_html(ctx)  # under the analyst's part
    docx = "\n".join(p.text for p in Document(io.BytesIO(build_area_docx(ctx, {}))).paragraphs)
    assert COPIES in docx and "Gruppe 1 skrev den samme sætning under Social omsorg" in docx


def test_the_page_says_for_each_side_where_the_copy_counts():
    quality = {
        "copies": {
            "A": [
                {
                    "year": 2025,
                    "group": 3,
                    "statement_id": "a1",
                    "other_area": "B",
                    "words": "Ord for ord.",
                    "counts": True,
                    "other_counts": False,
                },
                {
                    "year": 2024,
                    "group": 3,
                    "statement_id": "a0",
                    "other_area": "B",
                    "words": "Sidste år.",
                    "counts": True,
                    "other_counts": True,
                },
            ]
        }
    }
    assert [c["statement_id"] for c in copies_of(quality, "A", 2025)] == ["a1"]
    assert copies_of(quality, "B", 2025) == []
    text = str(copies_blocks(copies_of(quality, "A", 2025), {3: "Bord C"}))
    assert "Bord C" in text and "Den er talt med her, ikke under B" in text
    assert copies_blocks([], {}) == []
