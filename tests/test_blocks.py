"""The page model: one page rendered three ways shows the same text block by block.

And every renderer escapes.
"""

from __future__ import annotations

import dataclasses
import html
import io
import re
from html.parser import HTMLParser

import plotly.graph_objects as go
import pytest

from pipeline.report import (
    area_page,
    build_area_context,
    index_page,
    build_index_context,
    render_docx,
    render_html,
    render_markdown,
)
from pipeline.report import blocks as pm

IMG = "Skole<img src=x onerror=alert(1)>"
JS_LINK = "Ældre [x](javascript:alert(2))"


class _Text(HTMLParser):
    """The text a browser shows inside ``<main>`` (no scripts, no styles)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.inside = False

    def handle_starttag(self, tag, attrs):
        self.inside |= tag == "main"
        self.skip += tag in ("script", "style", "summary")
        if tag in ("td", "th", "li", "p", "br"):
            self.parts.append(" ")

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style", "summary")

    def handle_data(self, data):
        if self.inside and not self.skip:
            self.parts.append(data)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def html_text(page: pm.Page) -> str:
    parser = _Text()
    parser.feed(render_html(page))
    return " ".join(parser.parts)


def markdown_as_html(page: pm.Page) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table").render(render_markdown(page))


def markdown_text(page: pm.Page) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", markdown_as_html(page)))


def docx_text(page: pm.Page) -> str:
    from docx import Document

    doc = Document(io.BytesIO(render_docx(page, {})))
    paragraphs = [p.text for p in doc.paragraphs]
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return " ".join(paragraphs + cells)


def _assert_same_text_block_by_block(page: pm.Page) -> None:
    for block in pm.walk(page.blocks):
        single = pm.Page(page.title, page.lang, (block,))
        want = _words(pm.block_text(block))
        if isinstance(block, pm.Figure):  # each format numbers the chart and may add where to see it
            for render in (html_text, markdown_text, docx_text):
                assert " ".join(want) in " ".join(_words(render(single))), (render.__name__, block)
            continue
        assert _words(html_text(single)) == want, block
        assert _words(markdown_text(single)) == want, block
        if isinstance(block, pm.Paragraph) and block.kind == "pages":
            assert _words(docx_text(single)) == []  # links between the report's files: not in Word
        else:
            assert _words(docx_text(single)) == want, block


def _every_block(text: str) -> pm.Page:
    fig = go.Figure(go.Bar(x=[1, 2], y=["a", "b"]))
    return pm.Page(
        title=text,
        lang="da",
        blocks=(
            pm.Section(
                (pm.Heading(1, (text,)), pm.Paragraph((pm.Link(text, "index.html"), " · ", text))), kind="top"
            ),
            pm.Paragraph(
                (pm.Link("Alle kerneområder", "index.html"), " · ", pm.Link(text, "x.md")), kind="pages"
            ),
            pm.Paragraph((text,), kind="question"),
            pm.Heading(2, (text,), anchor="a"),
            pm.Paragraph(
                (
                    pm.Strong(text),
                    " ",
                    pm.Emph(text),
                    " ",
                    pm.Code("ab12-01"),
                    " ",
                    pm.Tag(text, "kw"),
                    " ",
                    pm.Anchor(text, "s-ab12-01"),
                )
            ),
            pm.BulletList(
                (
                    (pm.Strong(text), " (gruppe 1 og 2)"),
                    (pm.Anchor("", "emne-1"), text, ": ", pm.Link(text, "#s-1")),
                )
            ),
            pm.Table(
                ("Tema", "Grupper"),
                (((text,), ("3 af 5",)), ((pm.Link(text, "laering.html#emne-2"),), (text,))),
            ),
            pm.Table((), (((text,), (text,)),)),
            pm.Quote(("før ", pm.Mark(text), " efter"), (pm.Link("Gruppe 3", "#s-1"),)),
            pm.Note((text,), kind="invented"),
            pm.Section(
                (pm.Paragraph((text,)), pm.BulletList(((text,),))),
                kind="method",
                collapsed="Sådan er temaerne fundet",
            ),
            pm.Figure("omraade-temaer", f"Hvor mange grupper rejste {text}", fig),
        ),
    )


@pytest.mark.parametrize("text", ["Beskæftigelse", IMG, JS_LINK, "*fed* _kursiv_ `kode` # | \\ 1. - > ~"])
def test_every_block_renders_the_same_text_in_html_markdown_and_docx(text):
    _assert_same_text_block_by_block(_every_block(text))


@pytest.mark.parametrize("text", [IMG, JS_LINK, "<script>alert(7)</script>"])
def test_markdown_and_html_escape_every_text_from_input(text):
    page = _every_block(text)
    md_html = markdown_as_html(page)
    assert "<img" not in md_html and "<script" not in md_html
    assert "javascript:" not in " ".join(re.findall(r'href="[^"]*"', md_html))
    assert "<img" not in render_markdown(page) and "<script" not in render_markdown(page)
    page_html = render_html(page).split("</style>", 1)[1]
    assert "<img" not in page_html and "<script>alert" not in page_html


def test_a_link_to_a_script_is_text_in_every_format():
    page = pm.Page(
        "t",
        "da",
        (pm.Paragraph((pm.Link("klik", "javascript:alert(3)"), " ", pm.Link("ok", "laering.html#emne-1"))),),
    )
    assert 'href="javascript' not in render_html(page) and 'href="laering.html#emne-1"' in render_html(page)
    assert "(javascript" not in render_markdown(page) and "[ok](laering.html#emne-1)" in render_markdown(page)


def test_the_same_page_gives_the_same_bytes():
    page = _every_block(JS_LINK)
    assert render_html(page) == render_html(page)
    assert render_markdown(page) == render_markdown(page)
    assert render_docx(page, {}) == render_docx(page, {})


def test_an_area_page_and_the_index_show_the_same_text_in_three_formats(analysis_2024, cfg_2024):
    area = analysis_2024.notes["core_area"].iloc[0]
    _assert_same_text_block_by_block(
        area_page(
            build_area_context(analysis_2024, cfg_2024, area, recurring_from=cfg_2024.themes.min_groups)
        )
    )
    _assert_same_text_block_by_block(
        index_page(build_index_context(analysis_2024, cfg_2024, recurring_from=cfg_2024.themes.min_groups))
    )


def test_hostile_core_area_names_are_text_in_the_markdown_reports(tiny_csv_bytes):
    from pipeline.config import parse_config
    from pipeline.flows import analyse_seminar
    from pipeline.ingest import SourceFile, ingest
    from pipeline.report import render_seminar_pages

    toml = f"""
[seminar]
name = "Testseminar"
year = 2025
municipality = "Testkommune"

[[core_areas]]
name = "{JS_LINK}"
theme = "frivillighed"
question = "Hvordan inddrager vi frivillige?"
aliases = ["Social omsorg"]

[[core_areas]]
name = "{IMG}"
theme = "trivsel"
question = "Hvordan styrker vi trivsel?"
aliases = ["Læring"]
"""
    cfg = parse_config(toml)
    result = ingest([SourceFile("noter.csv", tiny_csv_bytes)], cfg)
    assert set(result.notes["core_area"]) == {JS_LINK, IMG}
    pages = render_seminar_pages(analyse_seminar(result.notes, result.rejects, cfg), cfg)
    from markdown_it import MarkdownIt

    mds = {name: text for name, text in pages.items() if name.endswith(".md")}
    assert len(mds) == 3  # two areas and the overview
    for name, text in mds.items():
        rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
        assert "<img" not in rendered, name
        assert "javascript:" not in " ".join(re.findall(r'href="[^"]*"', rendered)), name
        assert (
            IMG.replace("<", "&lt;").replace(">", "&gt;") in text
            or JS_LINK.replace("[", "\\[").replace("]", "\\]") in text
        )


def test_a_link_to_a_place_the_page_does_not_show_is_not_drawn():
    from pipeline.report import blocks as pm
    from pipeline.report.markdown import render_markdown

    page = pm.Page(
        "t",
        "da",
        (
            pm.Section((pm.Heading(3, ("Frivillige",)),), kind="theme", anchor="emne-1"),
            pm.BulletList(
                (
                    (
                        pm.Anchor("Et udsagn", "s-1"),
                        " [",
                        pm.Link("Frivillige", "#emne-1"),
                        "; ",
                        pm.Link("Unge", "#emne-0"),
                        "]",
                    ),
                )
            ),
            pm.Paragraph(
                (pm.Link("udsagnet", "#s-1"), " ", pm.Link("andet år", "../2024/laering.html#emne-0"))
            ),
        ),
    )
    fixed = pm.unlink_missing(page)
    assert pm.page_anchors(page.blocks) == {"emne-1", "s-1"}
    links = [
        r.href
        for b in pm.walk(fixed.blocks)
        for runs in ([b.text] if hasattr(b, "text") else list(getattr(b, "items", ())))
        for r in runs
        if isinstance(r, pm.Link)
    ]
    assert links == [
        "#emne-1",
        "#s-1",
        "../2024/laering.html#emne-0",
    ]  # another page's anchors are checked by the report tests
    assert pm.block_text(fixed.blocks[1]) == pm.block_text(page.blocks[1])  # the words stay
    md = render_markdown(fixed)
    assert '<a id="emne-1"></a>' in md and "[Unge]" not in md and "[Frivillige](#emne-1)" in md


def test_an_area_without_a_topic_has_no_empty_discussion_heading(analysis_2024, cfg_2024):
    """A question alone (no ``theme``): no "Gruppedrøftelse om" with nothing after it."""
    area = analysis_2024.notes["core_area"].iloc[0]
    ctx = build_area_context(analysis_2024, cfg_2024, area, recurring_from=cfg_2024.themes.min_groups)
    assert "Gruppedrøftelse om frivillighed" in markdown_text(area_page(ctx))
    bare = area_page(dataclasses.replace(ctx, theme=""))
    assert "Gruppedrøftelse om" not in markdown_text(bare)
