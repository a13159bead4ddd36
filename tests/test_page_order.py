"""An area page's order: the committee's points first, the analyst's material apart, the notes last.

And a question word's count that the word table seems to contradict says where the other groups' uses
of the word are. Tiny page models (themes as the context holds them), no pipeline run.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

from pipeline.report import blocks as pm
from pipeline.report import render_html, render_markdown
from pipeline.report.context import AreaContext
from pipeline.report.pages import _question_themes, area_page
from pipeline.report.synthesis import area_synthesis
from pipeline.report.word_reach import word_reach
from tests.helpers import page_ctx

G1 = "Gruppe 1 talte om sårbare unge."
G2 = "Gruppe 2 ville integrere unge i uddannelse."
NOTES = [
    {
        "group": g,
        "note_id": n,
        "source": f"noter.csv, række {g}",
        "statements": [{"id": f"{n}-00", "text": text, "themes": []}],
    }
    for g, n, text in ((1, "a", G1), (2, "b", G2))
]


def _theme(topic: int, label: str, groups: list[int], **extra) -> dict:
    ids = [f"{'abcde'[g - 1]}-00" for g in groups]
    return {
        "topic": topic,
        "label": label,
        "n_groups": len(groups),
        "n_groups_total": 2,
        "groups": groups,
        "n_statements": len(ids),
        "status": "Maskinforslag",
        "curated": False,
        "memo": "",
        "other_areas": [],
        "evidence": ids,
        "summary": {},
        "keywords": [label.lower()],
        "quotes": [],
    } | extra


def _context() -> AreaContext:
    cfg = SimpleNamespace(municipality="Kommune", name="Seminar", year=2024, date=None)
    term = {"surface": "unge", "n_groups": 2, "groups": [1, 2], "statements": ["a-00", "b-00"]}
    suggestion = {"id": "abc", "kind": "merge", "theme": "Unge", "other": "Sårbare unge", "reason": "x"}
    return AreaContext(
        cfg=cfg,
        area="Beskæftigelse",
        slug="beskaeftigelse",
        theme="",
        question="Hvordan?",
        n_groups=2,
        n_statements=2,
        recurring_from=2,
        recurring=[_theme(3, "Sårbare unge", [1, 2])],
        single=[],
        single_heading="Temaer rejst af én gruppe",
        synthesis="Samlet set.",
        terms=[term],
        notes=NOTES,
        figures=[],
        method={"Grupper": 2},
        question_themes=[_theme(4, "Unge", [2], specifics=[])],
        suggestions=[suggestion | {"theme_quote": G1, "other_quote": G2}],
    )


def _page() -> pm.Page:
    return area_page(_context())


def test_the_page_numbers_its_statements_and_decides_whether_statuses_vary_once_from_its_own_lists():
    from dataclasses import replace

    ctx = _context()
    assert ctx.numbers == {"a-00": (1, 1), "b-00": (2, 1)}  # each group's statements from 1
    assert not ctx.statuses_vary  # every theme a machine suggestion: said once, at the top
    curated = _theme(5, "Uddannelse", [2], status="Kurateret", curated=True)
    # a page made again (replace builds it anew) derives both again from its own lists
    assert replace(ctx, single=[curated]).statuses_vary
    assert replace(ctx, notes=NOTES[1:]).numbers == {"b-00": (2, 1)}


HEADS = ["Sammenfatning", "Tilbagevendende temaer", "Spørgsmålets egne ord", "Til analytikeren"]
ANALYST = ["Ord, som flere grupper brugte", "Forslag til sammenlægning", "Metode"]


def test_the_committee_s_points_come_first_then_the_analyst_s_material_then_the_notes():
    headings = [
        (b.level, pm.inline_text(b.text)) for b in pm.walk(_page().blocks) if isinstance(b, pm.Heading)
    ]
    titles = [t for _, t in headings]
    order = [titles.index(t) for t in [*HEADS, *ANALYST, "Gruppernes noter"]]
    assert order == sorted(order), titles
    # the analyst's sections sit under their part's heading, one level below it
    assert {lvl for lvl, t in headings if t in ANALYST} == {3}
    assert dict((t, lvl) for lvl, t in headings)["Til analytikeren"] == 2


def test_the_three_formats_follow_the_one_order_and_every_link_on_the_page_opens_something():
    page = _page()
    md = render_markdown(page)
    md_titles = re.findall(r"^#+ (.+)$", md, flags=re.M)
    assert [t for t in md_titles if t in [*HEADS, *ANALYST]] == [*HEADS, *ANALYST]
    html = render_html(page)
    assert html.index(">Til analytikeren<") < html.index(">Ord, som flere grupper brugte<")
    ids = pm.page_anchors(page.blocks)
    hrefs = re.findall(r'href="#([^"]+)"', html)
    assert hrefs and all(h in ids for h in hrefs)


def test_a_question_word_s_count_says_where_the_other_groups_uses_of_the_word_sit():
    unge = _theme(4, "Unge", [2, 5], n_groups_total=5)
    terms = [{"term": "ung", "surface": "unge", "groups": [1, 2, 4, 5], "statements": ["a", "b", "d", "e"]}]
    group_of = {"a": 1, "b": 2, "d": 4, "e": 5}
    sarbare = {"topic": 3, "label": "Sårbare unge"}
    themes_of = {"a": [sarbare], "b": [{"topic": 4, "label": "Unge"}], "d": [sarbare], "e": []}
    reach = word_reach(unge, terms, group_of, themes_of)
    assert reach == {
        "groups": [1, 2, 4, 5],
        "elsewhere": [{"topic": 3, "label": "Sårbare unge", "groups": [1, 4]}],
        "unplaced": [],
    }
    ctx = page_ctx(theme="", question_themes=[unge | {"reach": reach}])
    (item,) = _question_themes(ctx)[-1].items
    assert pm.inline_text(item).startswith(
        "Unge (2 af 5 grupper: gruppe 2 og 5; ordet brugte også gruppe 1 og 4, i temaet Sårbare unge)."
    )
    assert pm.Link("Sårbare unge", "#emne-3") in item
    # the summary says the groups used the word: as many as the word table counts
    summary = area_synthesis([_theme(3, "Sårbare unge", [1, 4])], [], 5, question=[unge | {"reach": reach}])
    assert "ord fra spørgsmålet: unge (4 af 5 grupper)" in summary
    # a word the table counts no further than the theme: nothing added
    assert word_reach(_theme(4, "Unge", [1, 2, 4, 5]), terms, group_of, themes_of) is None
