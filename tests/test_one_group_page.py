"""The area page's themes one group raised: one line per group, each label a link to its evidence.

And a theme's status reads as a tag of its own in every format, and the DOCX follows the page's
``#`` links (a reader of the Word document reaches the evidence in one click, as in the HTML).
"""

from __future__ import annotations

import io
from types import SimpleNamespace

from pipeline.report import blocks as pm
from pipeline.report import render_docx, render_html, render_markdown
from pipeline.report.one_group import one_group_blocks
from pipeline.report.pages import _theme_section
from tests.helpers import page_ctx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SENTENCE = "Gruppe 1 talte om frivillige, ekstra rengøring og støtte til pårørende under Covid-19."


def _theme(topic: int, label: str, statement: str, *, group: int = 1, **extra) -> dict:
    return {
        "topic": topic,
        "label": label,
        "n_groups": 1,
        "n_groups_total": 5,
        "groups": [group],
        "n_statements": 1,
        "status": "Maskinforslag",
        "curated": False,
        "memo": "",
        "other_areas": [],
        "evidence": [statement],
        "summary": {"statement_id": statement, "group": group, "text": SENTENCE},
        "keywords": [label.lower()],
        "quotes": [],
    } | extra


def _ctx(single: list[dict]) -> SimpleNamespace:
    heading = "Temaer rejst af én gruppe"
    return page_ctx(single=single, single_heading=heading)


def _section_text(blocks: list[pm.Block]) -> str:
    return "\n".join(pm.block_text(b) for b in blocks)


def _links(runs: pm.Inlines) -> list[tuple[str, str]]:
    return [(r.text, r.href) for r in runs if isinstance(r, pm.Link)]


THREE = [
    _theme(9, "Covid-19", "g1-00"),
    _theme(11, "Ekstra rengøring", "g1-00"),
    _theme(29, "Støtte", "g1-01"),
]


def test_three_themes_of_one_group_are_one_line_with_each_label_a_link_to_its_statement():
    blocks = one_group_blocks(_ctx(THREE))
    lists = [b for b in blocks if isinstance(b, pm.BulletList)]
    assert len(lists) == 1 and len(lists[0].items) == 1
    line = lists[0].items[0]
    assert pm.inline_text(line) == "Gruppe 1: Covid-19 · Ekstra rengøring · Støtte"
    assert _links(line) == [
        ("Covid-19", "#s-g1-00"),
        ("Ekstra rengøring", "#s-g1-00"),
        ("Støtte", "#s-g1-01"),
    ]
    # each theme keeps the anchor the notes' theme tags and the other areas' pages link to
    assert pm.page_anchors(tuple(blocks)) == {"emne-9", "emne-11", "emne-29"}
    text = _section_text(blocks)
    assert SENTENCE not in text  # the sentence stands once, in the notes the labels link to
    assert "Maskinforslag" not in text  # one status for all: the page says it once, at its top


def test_a_curated_theme_keeps_its_tag_and_the_rest_share_one_status():
    themes = [*THREE[:2], {**THREE[2], "curated": True, "status": "Kurateret"}]
    blocks = one_group_blocks(_ctx(themes))
    text = _section_text(blocks)
    assert "Status: Maskinforslag, undtagen de temaer, der er mærket Kurateret." in text
    assert "Støtte Kurateret" in text and text.count("Maskinforslag") == 1
    line = blocks[-1].items[0]
    assert [r.text for r in line if isinstance(r, pm.Tag)] == ["Kurateret"]


def test_every_statement_other_area_and_memo_of_a_theme_share_one_parenthesis():
    theme = _theme(
        4,
        "Anbringelser",
        "g4-00",
        group=4,
        evidence=["g4-00", "g4-02"],
        other_areas=[{"name": "Læring", "href": "laering.html#emne-2"}],
        memo="Se også budgetnotatet.",
    )
    line = one_group_blocks(_ctx([theme]))[-1].items[0]
    assert pm.inline_text(line) == (
        "Gruppe 4: Anbringelser (flere udsagn: g4-02; også i Læring; "
        "Analytikerens memo: Se også budgetnotatet.)"
    )
    assert _links(line) == [
        ("Anbringelser", "#s-g4-00"),
        ("g4-02", "#s-g4-02"),
        ("Læring", "laering.html#emne-2"),
    ]


def test_a_theme_of_two_groups_below_the_threshold_has_its_own_line_after_the_first_groups():
    themes = [_theme(3, "Kultur", "g1-00"), _theme(5, "Dagcentre", "g1-01", groups=[1, 4]), THREE[0]]
    lines = one_group_blocks(_ctx(themes))[-1].items
    assert [pm.inline_text(line) for line in lines] == [
        "Gruppe 1: Kultur · Covid-19",
        "Gruppe 1 og 4: Dagcentre",
    ]


def test_no_section_without_such_themes():
    assert one_group_blocks(_ctx([])) == []


def test_a_recurring_themes_status_is_a_sentence_of_its_own_in_every_format():
    theme = _theme(2, "Samarbejde", "g3-00", n_groups=2, groups=[3, 4], n_statements=2)
    curated = _theme(5, "Dagcentre", "g1-01", curated=True, status="Kurateret")
    # the page's themes differ in status, so each carries its own
    ctx = page_ctx(recurring=[theme], single=[curated])
    section = _theme_section(ctx, theme)
    page = pm.Page("x", "da", (section,))
    want = "Rejst af 2 af 5 grupper (gruppe 3 og 4); 2 udsagn. Status: Maskinforslag."
    assert want in render_markdown(page)  # not "2 udsagn. Maskinforslag"
    assert want in pm.block_text(section)
    html = render_html(page)
    assert '2 udsagn. Status: <span class="badge quiet">Maskinforslag</span>.' in html


def _docx_links(page: pm.Page) -> tuple[list[str], set[str], list[str]]:
    from docx import Document

    doc = Document(io.BytesIO(render_docx(page, {})))
    body = doc.element.body
    hyperlinks = [h.get(f"{W}anchor") for h in body.iter(f"{W}hyperlink")]
    bookmarks = {b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")}
    return hyperlinks, bookmarks, [p.text for p in doc.paragraphs]


def test_the_docx_follows_the_pages_links_to_its_statements_and_themes():
    blocks = one_group_blocks(_ctx(THREE))
    notes = pm.Section(
        (
            pm.Heading(3, ("Gruppe 1",)),
            pm.BulletList(
                (
                    (pm.Anchor(SENTENCE, "s-g1-00"), " [", pm.Link("Covid-19", "#emne-9"), "]"),
                    (pm.Anchor("Og støtte.", "s-g1-01"),),
                )
            ),
        ),
        kind="note",
        anchor="n-g1",
    )
    page = pm.Page("x", "da", (*blocks, notes, pm.Paragraph((pm.Link("Gruppe 1", "#n-g1"),))))
    hyperlinks, bookmarks, paragraphs = _docx_links(page)
    assert hyperlinks == ["s_g1_00", "s_g1_00", "s_g1_01", "emne_9", "n_g1"]
    assert set(hyperlinks) <= bookmarks
    assert {"emne_9", "emne_11", "emne_29", "s_g1_00", "s_g1_01", "n_g1"} <= bookmarks
    # a linked label still reads as its words
    assert "Gruppe 1: Covid-19 · Ekstra rengøring · Støtte" in paragraphs


def test_a_bookmark_name_is_one_word_word_accepts():
    from pipeline.report.docx_links import Bookmarks

    marks = Bookmarks()
    long = "s-" + "a" * 60
    names = [marks.name(a) for a in ("s-ab-01", "s_ab_01", "9x", long, "s-ab-01")]
    assert names[0] == "s_ab_01" == names[-1] and names[1] != names[0]
    assert names[2] == "a9x" and len(names[3]) <= 40
    assert all(n[0].isalpha() and n.replace("_", "").isalnum() for n in names)


def test_a_one_group_theme_named_as_a_recurring_theme_says_it_was_kept_outside_it():
    # DR: party B's "frikadeller" was said about something else than A's and V's: kept apart, same name
    recurring = _theme(81, "Frikadeller", "a-01", groups=[1, 10], n_groups=2)
    apart = _theme(84, "frikadeller", "b-02", group=3)
    other = _theme(85, "Almindelige danske retter", "v-01", group=10)
    line = one_group_blocks(
        page_ctx(recurring=[recurring], single=[apart, other], single_heading="Temaer rejst af én gruppe")
    )[-1].items[0]
    assert pm.inline_text(line) == "Gruppe 3: frikadeller (holdt uden for temaet Frikadeller)"
    assert _links(line) == [("frikadeller", "#s-b-02"), ("Frikadeller", "#emne-81")]
    other_line = one_group_blocks(page_ctx(recurring=[recurring], single=[other], single_heading="x"))[-1]
    assert "holdt uden for" not in pm.inline_text(other_line.items[0])
