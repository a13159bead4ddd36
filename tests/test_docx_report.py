"""The DOCX report is ready for a budget proposal.

A4, page numbers, Danish, numbered captions, print-resolution charts.
"""

from __future__ import annotations

import io

import pytest

from pipeline.report import render_seminar_pages
from tests.helpers import tiny_png

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def docx(tiny_analysis):
    from docx import Document

    cfg, _, analysis, _ = tiny_analysis
    png = tiny_png()
    pages = render_seminar_pages(analysis, cfg, render_png=lambda fig: png)
    return pages, Document(io.BytesIO(pages["laering.docx"]))


def _instructions(element) -> list[str]:
    return [el.text.strip() for el in element.iter(f"{W}instrText")]


def test_a4_with_margins_that_fit_the_charts(docx):
    from docx.shared import Cm

    _, doc = docx
    for section in doc.sections:
        assert abs(section.page_width - Cm(21)) < Cm(0.01) and abs(section.page_height - Cm(29.7)) < Cm(0.01)
        text_width = section.page_width - section.left_margin - section.right_margin
        assert all(shape.width <= text_width for shape in doc.inline_shapes)


def test_footer_has_page_numbers(docx):
    _, doc = docx
    footer = doc.sections[0].footer
    assert not footer.is_linked_to_previous
    fields = _instructions(footer._element)
    assert "PAGE" in fields and "NUMPAGES" in fields
    assert footer.paragraphs[0].text.startswith("Side ")


def test_document_language_is_danish(docx):
    _, doc = docx
    defaults = doc.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert defaults is not None and defaults.get(f"{W}val") == "da-DK"
    normal = doc.styles["Normal"].element.find(f"{W}rPr/{W}lang")
    assert normal is not None and normal.get(f"{W}val") == "da-DK"
    assert doc.core_properties.language == "da-DK"


def test_figure_captions_are_numbered_with_a_seq_field(docx):
    _, doc = docx
    captions = [p for p in doc.paragraphs if p.style.name == "Caption"]
    assert [p.text.split(":")[0] for p in captions] == ["Figur 1", "Figur 2"]
    assert captions[0].text == "Figur 1: Hvor mange grupper rejste hvert tema (mørk: tilbagevendende)."
    assert all(_instructions(p._p) == ["SEQ Figur \\* ARABIC"] for p in captions)
    # Each chart is kept on the page of its caption.
    for p in captions:
        previous = p._p.getprevious()
        assert (
            previous.find(f".//{W}drawing") is not None and previous.find(f"{W}pPr/{W}keepNext") is not None
        )


def test_theme_table_header_repeats_and_content_matches_the_html(docx, tiny_analysis):
    pages, doc = docx
    header = doc.tables[0].rows[0]._tr.find(f"{W}trPr/{W}tblHeader")
    assert header is not None
    text = "\n".join(p.text for p in doc.paragraphs)
    html = pages["laering.html"]
    for heading in [
        p.text for p in doc.paragraphs if p.style.name == "Heading 2" and not p.text.startswith("Gruppe ")
    ]:
        assert heading in html  # every theme of the DOCX is on the HTML page
    assert "Kort sagt: " in text or "Kort sagt:" not in html


def test_same_report_same_bytes(docx, tiny_analysis):
    pages, _ = docx
    cfg, _, analysis, _ = tiny_analysis
    png = tiny_png()
    assert (
        render_seminar_pages(analysis, cfg, render_png=lambda fig: png)["laering.docx"]
        == pages["laering.docx"]
    )


def test_charts_are_requested_at_print_resolution():
    from pipeline.report.images import print_png

    scaled = []

    def figure_png(fig, width=900, height=None, scale=1):
        scaled.append((width, scale))
        return b""

    print_png(object(), figure_png)
    width, scale = scaled[0]
    assert (
        width * scale / (16 / 2.54) >= 150 and width <= 1000
    )  # ≥ 150 dpi over 16 cm, the screen layout kept


def test_a_chart_that_is_no_image_is_left_out_with_a_line_not_a_failure():
    """Kaleido can hand back bytes that are no PNG (a chart too large to draw): the run goes on."""
    from docx import Document

    from pipeline.report import blocks as pm
    from pipeline.report.docx import render_docx

    import plotly.graph_objects as go

    figure = pm.Figure(name="big", caption="Alle punkter", figure=go.Figure())
    page = pm.Page(title="T", lang="da", blocks=(figure,))
    doc = Document(io.BytesIO(render_docx(page, {"big": b"\x89PNG not really"})))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Figuren 'Alle punkter' kunne ikke tegnes her" in text
    assert not doc.inline_shapes


def test_every_link_within_the_page_opens_a_bookmark(docx):
    # the labels link to their statements and the statements' tags to their themes, in Word too
    _, doc = docx
    body = doc.element.body
    links = [h.get(f"{W}anchor") for h in body.iter(f"{W}hyperlink")]
    marks = [b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")]
    assert links and set(links) <= set(marks)
    assert len(marks) == len(set(marks))
