"""The overview for the committees (overblik).

Every sentence is the notes' own, every count true, three formats alike.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import replace

import pytest

from pipeline.report.blocks import BulletList, Note, block_text, inline_text, walk
from pipeline.report.docx import render_docx
from pipeline.report.html import render_html
from pipeline.report.markdown import render_markdown
from pipeline.report.overview import overview_page, top_points
from pipeline.report.wording import lower_first

POINT = re.compile(
    r"^(\d+) af (\d+) grupper pegede på (.+?) \(gruppe ([\d, og]+)\), fx »(.+)« \(gruppe (\d+)\)\.(?: "
    r"\((Maskinforslag|Kurateret)\))?$"
)


@pytest.fixture(scope="module")
def page(analysis_2024, cfg_2024):
    return overview_page(analysis_2024, cfg_2024, recurring_from=cfg_2024.themes.min_groups)


def _points(page) -> list[str]:
    return [
        inline_text(item)
        for b in walk(page.blocks)
        if isinstance(b, BulletList)
        for item in b.items
        if "grupper pegede på" in inline_text(item)
    ]


def _groups(text: str) -> list[int]:
    return [int(g) for g in re.findall(r"\d+", text)]


def test_every_point_is_a_theme_with_its_true_count_groups_and_a_groups_own_words(page, analysis_2024):
    themes = analysis_2024.themes
    notes = analysis_2024.notes
    points = _points(page)
    assert len(points) >= 9  # the 2024 recurring themes (a shared word is no longer one)
    for text in points:
        m = POINT.match(text)
        assert m, text
        k, n, label, groups, quote, group, status = m.groups()
        rows = themes[themes["label"].map(lower_first) == label]
        assert len(rows) >= 1, label
        row = next(
            r
            for r in rows.itertuples()
            if int(r.n_groups) == int(k) and _groups(groups) == [int(g) for g in r.groups.split()]
        )
        assert int(n) == row.n_groups_total and len(_groups(groups)) == int(k)
        assert row.recurring and not row.restates_area and not row.restates_question  # a point of its own
        # the quote: word for word in the note of the group it names, in that core area
        note = notes[(notes["core_area"] == row.core_area) & (notes["group"] == int(group))]["text"].iloc[0]
        assert " ".join(quote.split()).rstrip(".").lower() in " ".join(note.split()).lower(), (quote, note)
        assert status is None  # nothing is curated: said once at the top, not after every point


def test_points_per_area_are_the_top_two_to_four(page, analysis_2024, cfg_2024):
    for area, themes in analysis_2024.themes.groupby("core_area", sort=False):
        top = top_points(themes)
        rest = themes[themes["recurring"] & ~themes["restates_area"] & ~themes["restates_question"]]
        # an area whose question gave options (Vækst) has fewer points beyond them
        assert min(2, len(rest)) <= len(top) <= 4
        assert list(top["n_groups"]) == sorted(top["n_groups"], reverse=True)
        left = rest["n_groups"].drop(top.index)
        assert not len(left) or top["n_groups"].min() >= left.max()


def test_committee_link_and_curation_line(page, analysis_2024):
    text = "\n".join(block_text(b) for b in walk(page.blocks))
    assert (
        "Udvalg: Udvalg for Læring" in text and text.count("Udvalg:") == 1
    )  # only Læring has one in seminar.toml
    assert text.count("Hele rapporten for") == analysis_2024.notes["core_area"].nunique()
    note = next(b for b in walk(page.blocks) if isinstance(b, Note))
    assert block_text(note).startswith("Maskinforslag:") and text.count("Maskinforslag") == 1
    # the committee's page: no instructions for the analyst
    for words in ("Til analytikeren", "seminar run", "seminar curate", "kodebog", "kør "):
        assert words not in text, words
    assert "Punkter på tværs af kerneområderne" in text


def test_cross_area_points_name_true_groups(analysis_2024, cfg_2024):
    import pandas as pd

    # an invented cross-cutting point (2024's one shared word, "samarbejde", is no point across areas)
    areas = [
        {"core_area": "Social omsorg", "groups": [1, 4], "statement_ids": [], "themes": [], "units": []},
        {"core_area": "Beskæftigelse", "groups": [2], "statement_ids": [], "themes": [], "units": []},
    ]
    row = {"cross_theme": 0, "label": "Velfærdsteknologi", "keywords": "velfærdsteknologi"}
    invented = pd.DataFrame([{**row, "n_areas": 2, "n_groups": 3, "areas": json.dumps(areas)}])
    page = overview_page(
        replace(analysis_2024, cross=invented), cfg_2024, recurring_from=cfg_2024.themes.min_groups
    )
    cross = invented.set_index("label")
    items = [
        inline_text(i)
        for b in walk(page.blocks)
        if isinstance(b, BulletList)
        for i in b.items
        if "gruppenoter i" in inline_text(i)
    ]
    assert items
    for text in items:
        label, n_groups, n_areas = re.match(r"^(.+?): (\d+) gruppenoter i (\d+) kerneområder", text).groups()
        row = cross.loc[label]
        assert int(n_groups) == row["n_groups"] and int(n_areas) == row["n_areas"]
        for a in json.loads(row["areas"]):
            assert f"{a['core_area']} (gruppe " in text


def test_three_formats_show_the_same_points(page):
    html, md = render_html(page), render_markdown(page)
    with zipfile.ZipFile(io.BytesIO(render_docx(page, {}))) as z:
        xml = z.read("word/document.xml").decode("utf-8")
        styles = z.read("word/styles.xml").decode("utf-8")
    docx = re.sub(r"<[^>]+>", "", xml)
    for text in _points(page):
        quote = POINT.match(text).group(5)
        for out in (html, md, docx):
            assert quote[:40] in out.replace("&quot;", '"').replace("\\", "")
    assert 'w:w="11906"' in xml and 'w:h="16838"' in xml  # A4
    assert 'w:val="Heading1"' in xml and "Heading1" in styles  # Word heading styles a secretary can paste


def test_overview_without_recurring_points_says_so(analysis_2024, cfg_2024):
    themes = analysis_2024.themes.assign(recurring=False)
    page = overview_page(
        replace(analysis_2024, themes=themes), cfg_2024, recurring_from=cfg_2024.themes.min_groups
    )
    text = "\n".join(block_text(b) for b in walk(page.blocks))
    assert (
        not _points(page)
        and text.count("Intet punkt blev rejst af mindst to grupper.")
        == analysis_2024.notes["core_area"].nunique()
    )


def test_every_quote_links_to_its_statement_on_the_area_page(analysis_2024, cfg_2024):
    from pipeline.report import render_seminar_pages

    pages = render_seminar_pages(analysis_2024, cfg_2024)
    links = re.findall(r'href="([a-z-]+\.html)#s-([0-9a-f]{12}-\d+)"', pages["overblik.html"])
    assert len(links) >= 9
    for page, statement in links:
        assert f'id="s-{statement}"' in pages[page], (page, statement)


def test_the_status_is_per_point_only_when_some_are_curated(analysis_2024, cfg_2024):
    themes = analysis_2024.themes
    first = themes["topic"].iloc[0]
    some = overview_page(
        replace(analysis_2024, themes=themes.assign(curated=themes["topic"] == first)),
        cfg_2024,
        recurring_from=cfg_2024.themes.min_groups,
    )
    statuses = [POINT.match(t).group(7) for t in _points(some)]
    assert statuses and None not in statuses and "Maskinforslag" in statuses
    note = next(b for b in walk(some.blocks) if isinstance(b, Note))
    assert "1 af" in block_text(note) and "er kurateret" in block_text(note)
    every = overview_page(
        replace(analysis_2024, themes=themes.assign(curated=True)),
        cfg_2024,
        recurring_from=cfg_2024.themes.min_groups,
    )
    assert [POINT.match(t).group(7) for t in _points(every)] == [None] * len(_points(every))
    assert "Maskinforslag" not in "\n".join(block_text(b) for b in walk(every.blocks))


def test_an_area_without_points_says_what_all_groups_took_up_not_enkelte_grupper(analysis_2024, cfg_2024):
    """A theme several groups raised that only repeats the question is its subject, with its count."""
    area = "Økonomi, Personale og IT"
    own = analysis_2024.themes["core_area"] == area
    themes = analysis_2024.themes.assign(recurring=analysis_2024.themes["recurring"] & ~own)
    page = overview_page(
        replace(analysis_2024, themes=themes), cfg_2024, recurring_from=cfg_2024.themes.min_groups
    )
    text = "\n".join(block_text(b) for b in walk(page.blocks))
    section = text.split(area, 1)[1].split("Hele rapporten", 1)[0]
    assert "Grupperne talte om spørgsmålets eget emne: kompetencer (3 af 5)" in section
    # and what each group said about it: the word alone tells the committee nothing
    assert "investering i medarbejdernes kompetencer (gruppe 3)" in section
    asked = set(themes.loc[own & themes["restates_question"] & (themes["n_groups"] >= 2), "label"])
    singles = (
        section.split("Enkelte grupper pegede på", 1)[-1].split(".", 1)[0] if "Enkelte" in section else ""
    )
    # a one-group point may hold the question's word ("tilstrækkelige it-kompetencer"); the word's
    # theme itself is never listed as one
    listed = {item.strip() for part in singles.split(", ") for item in part.split(" og ")}
    assert not any(label.lower() in listed for label in asked)
