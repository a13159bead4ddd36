"""The area page lists the words several groups used about different things, in all three formats."""

from __future__ import annotations

import io
from dataclasses import replace

import pandas as pd

from pipeline.report import build_area_context, build_area_docx, render_area_html, render_area_markdown
from pipeline.report.words_apart import WORDS_APART, words_apart_of


def _record(area: str, bare: str = "s9") -> dict:
    groups = [
        {"year": 2024, "group": 1, "words": ["plads til offentlig vækst"], "statements": ["s1"]},
        {"year": 2024, "group": 2, "words": ["plads til skattelettelser"], "statements": ["s2"]},
        {"year": 2024, "group": 3, "words": ["plads til skattelettelser"], "statements": ["s3"]},
        {"year": 2024, "group": 5, "words": ["pladsen"], "statements": [bare]},  # the word alone
        {"year": 2023, "group": 4, "words": ["plads til alle"], "statements": ["s4"]},  # not this year's
    ]
    return {"words_apart": {area: [{"word": "plads", "groups": groups}]}}


def test_each_groups_own_words_for_the_year_groups_with_the_same_words_together():
    statements = pd.DataFrame({"statement_id": ["s9"], "text": ["Der skal være plads til alle i byen."]})
    assert words_apart_of(_record("A"), "A", 2024, statements) == [
        {
            "word": "plads",
            "groups": [
                {"groups": [1], "words": ["plads til offentlig vækst"], "statements": []},
                {"groups": [2, 3], "words": ["plads til skattelettelser"], "statements": []},
                # a group that wrote only the word: the sentence it wrote it in
                {"groups": [5], "words": [], "statements": [("s9", "Der skal være plads til alle i byen.")]},
            ],
        }
    ]
    # one group of the year is not "several groups"; another area has none
    assert words_apart_of(_record("A"), "A", 2023) == []
    assert words_apart_of(_record("A"), "B", 2024) == []


def test_the_area_page_shows_the_words_under_their_own_heading(analysis_2024, cfg_2024):
    from docx import Document

    area = str(analysis_2024.notes["core_area"].iloc[0])
    st = analysis_2024.statements[analysis_2024.statements["core_area"] == area].iloc[0]
    analysis = replace(analysis_2024, quality={**analysis_2024.quality, **_record(area, st.statement_id)})
    ctx = build_area_context(analysis, cfg_2024, area, recurring_from=cfg_2024.themes.min_groups)
    line = "plads til offentlig vækst (gruppe 1); plads til skattelettelser (gruppe 2 og 3); »"
    md = render_area_markdown(ctx)
    section = md.split(f"## {WORDS_APART}", 1)[1].split("\n## ", 1)[0]
    assert line in section and f"(#s-{st.statement_id})« (gruppe 5)" in section
    html = render_area_html(ctx)
    h = f"<h3>{WORDS_APART}</h3>"  # under the analyst's part
    assert h in html and line in html.split(h, 1)[1]
    docx = "\n".join(p.text for p in Document(io.BytesIO(build_area_docx(ctx, {}))).paragraphs)
    assert WORDS_APART in docx and line in docx.split(WORDS_APART, 1)[1]
