"""Render a :class:`~pipeline.report.blocks.Page` as a Word document (bytes). Nothing here writes files.

The document is ready to go into a budget proposal as it is: A4 paper, page numbers in the
footer, Danish as the document language (so Word checks the spelling in Danish), numbered figure
captions (a real ``SEQ Figur`` field) and charts at print resolution.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import zipfile

from collections.abc import Mapping

from pipeline.names import shorten
from pipeline.report import blocks as pm
from pipeline.report.docx_links import Bookmarks

__all__ = ["render_docx"]

log = logging.getLogger(__name__)

LANGUAGE = "da-DK"
A4_WIDTH_CM, A4_HEIGHT_CM, MARGIN_CM = 21.0, 29.7, 2.5
FIGURE_WIDTH_CM = A4_WIDTH_CM - 2 * MARGIN_CM  # charts fill the text width: 16 cm


def _field(paragraph, instruction: str, shown: str) -> None:
    """Append a Word field (e.g. ``PAGE``) with ``shown`` as its last computed value."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def fld_char(kind: str):
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        return el

    paragraph.add_run()._r.append(fld_char("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    paragraph.add_run()._r.append(fld_char("separate"))
    paragraph.add_run(shown)
    paragraph.add_run()._r.append(fld_char("end"))


def _set_language(doc, lang: str) -> None:
    """Set the proofing language on the document defaults and the Normal style (other styles inherit it)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    targets = [rpr_default.find(qn("w:rPr")), doc.styles["Normal"].element.get_or_add_rPr()]
    if targets[0] is None:
        targets[0] = OxmlElement("w:rPr")
        rpr_default.append(targets[0])
    for rpr in targets:
        for old in rpr.findall(qn("w:lang")):
            rpr.remove(old)
        el = OxmlElement("w:lang")
        el.set(qn("w:val"), lang)
        el.set(qn("w:eastAsia"), lang)
        rpr.append(el)


def _page_setup(doc) -> None:
    """A4 portrait with 2.5 cm margins, and "Side N af M" centred in the footer."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    for section in doc.sections:
        section.page_width, section.page_height = Cm(A4_WIDTH_CM), Cm(A4_HEIGHT_CM)
        section.left_margin = section.right_margin = Cm(MARGIN_CM)
        section.top_margin = section.bottom_margin = Cm(MARGIN_CM)
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run("Side ")
        _field(footer, "PAGE", "1")
        footer.add_run(" af ")
        _field(footer, "NUMPAGES", "1")
        for run in footer.runs:
            run.font.size = Pt(9)


def _repeat_header_row(table) -> None:
    """The table's first row is repeated at the top of every page the table runs over."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _caption(doc, number: int, text: str):
    """A numbered caption "Figur N: text" whose number is a ``SEQ Figur`` field, as Word's own captions."""
    p = doc.add_paragraph(style="Caption")
    p.add_run("Figur ")
    _field(p, "SEQ Figur \\* ARABIC", str(number))
    p.add_run(f": {text}")
    return p


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a DOCX package with fixed timestamps so that the same report gives the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


#: Word styles of the paragraph kinds that have one (others are Normal).
_PARAGRAPH_STYLES = {"summary": "Intense Quote"}


def _picture(doc, png: bytes | None) -> bool:
    """Add a chart's PNG; False (nothing added) when there is none or it is no image python-docx reads.

    A chart far larger than the browser can draw comes back from Kaleido as bytes that are no
    PNG; the page then says the figure is in the HTML report instead of failing the run.
    """
    from docx.image.exceptions import UnrecognizedImageError
    from docx.shared import Cm

    if not png:
        return False
    try:
        doc.add_picture(io.BytesIO(png), width=Cm(FIGURE_WIDTH_CM))
    except UnrecognizedImageError:
        log.warning("A chart could not be placed in the DOCX report (not a readable image); the HTML has it")
        return False
    return True


def _runs(paragraph, runs: pm.Inlines, marks: Bookmarks, *, italic: bool = False, size=None) -> None:
    """Add the runs to a paragraph; a ``#`` link is a hyperlink to its bookmark, an anchor a bookmark."""
    from docx.enum.text import WD_COLOR_INDEX

    for r in runs:
        if isinstance(r, pm.Link) and r.href.startswith("#") and len(r.href) > 1:
            run = marks.link(paragraph, r.text, r.href[1:])
        else:
            run = paragraph.add_run(r if isinstance(r, str) else r.text)
        if isinstance(r, pm.Anchor):
            marks.around(paragraph, r.id, run)
        if isinstance(r, pm.Strong):
            run.bold = True
        elif isinstance(r, pm.Emph):
            run.italic = True
        elif isinstance(r, pm.Mark):
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        elif isinstance(r, pm.Code):
            run.font.name = "Consolas"
        elif not isinstance(r, (str, pm.Link, pm.Anchor, pm.Tag)):
            raise TypeError(f"not an inline: {r!r}")
        if italic:
            run.italic = True
        if size is not None:
            run.font.size = size


def _table(doc, b: pm.Table, marks: Bookmarks) -> None:
    table = doc.add_table(rows=0, cols=max(len(b.header), max((len(r) for r in b.rows), default=1)))
    table.style = "Light Grid Accent 1" if b.header else "Light List Accent 1"
    if b.header:
        for cell, title in zip(table.add_row().cells, b.header, strict=False):
            cell.text = title
        _repeat_header_row(table)
    for row in b.rows:
        for cell, runs in zip(table.add_row().cells, row, strict=False):
            _runs(cell.paragraphs[0], runs, marks)


class _Writer:
    def __init__(self, doc, images: Mapping[str, bytes | None]) -> None:
        self.doc, self.images, self.figures = doc, images, 0
        self.marks = Bookmarks()

    def block(self, b: pm.Block) -> None:
        from docx.shared import Pt

        doc = self.doc
        if isinstance(b, pm.Heading):
            heading = doc.add_heading(level=min(max(b.level - 1, 0), 9))  # level 1 is the title
            _runs(heading, b.text, self.marks)
            self.marks.at_start(heading._p, b.anchor)
        elif isinstance(b, pm.Paragraph) and b.kind == "pages":
            return  # links between the report's files: a Word document stands alone
        elif isinstance(b, pm.Paragraph):
            p = doc.add_paragraph(style=_PARAGRAPH_STYLES.get(b.kind))
            _runs(p, b.text, self.marks, italic=b.kind == "question", size=Pt(8) if b.kind == "src" else None)
        elif isinstance(b, pm.BulletList):
            for item in b.items:
                _runs(doc.add_paragraph(style="List Bullet"), item, self.marks)
        elif isinstance(b, pm.Table):
            if b.caption:
                doc.add_paragraph(b.caption, style="Caption")
            _table(doc, b, self.marks)
        elif isinstance(b, pm.Figure):
            if _picture(doc, self.images.get(b.name)):
                self.figures += 1
                doc.paragraphs[-1].paragraph_format.keep_with_next = True  # the caption stays under its chart
                _caption(doc, self.figures, b.caption)
            else:
                doc.add_paragraph(f"(Figuren '{b.caption}' kunne ikke tegnes her; se HTML-rapporten.)")
        elif isinstance(b, pm.Quote):
            p = doc.add_paragraph(style="Quote")
            _runs(p, (*b.text, " (", *b.source, ")"), self.marks)
        elif isinstance(b, pm.Note):
            _runs(doc.add_paragraph(style="Intense Quote"), b.text, self.marks)
        elif isinstance(b, pm.Section):
            self.section(b)
        else:
            raise TypeError(f"not a block: {b!r}")

    def section(self, b: pm.Section) -> None:
        """The section's blocks; its anchor a bookmark at the first paragraph they add (a link opens it)."""
        from docx.oxml.ns import qn

        body = self.doc.element.body
        sect_pr = body.find(qn("w:sectPr"))  # python-docx adds new blocks before the section properties
        before = len(body) - (sect_pr is not None)
        for child in b.blocks:
            self.block(child)
        if not b.anchor:
            return
        for el in list(body)[before:]:
            first = el if el.tag == qn("w:p") else next(el.iter(qn("w:p")), None)
            if first is not None:
                self.marks.at_start(first, b.anchor)
                return


def render_docx(page: pm.Page, images: Mapping[str, bytes | None]) -> bytes:
    """The page as a Word document: A4, Word heading styles, page numbers, Danish proofing.

    Args:
        page: The page's blocks.
        images: PNG bytes per figure name (:attr:`~pipeline.report.blocks.Figure.name`); a
            missing or ``None`` entry leaves a line saying the chart is in the HTML report.

    Returns:
        The bytes of the ``.docx`` file; the same page and images give the same bytes.
    """
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    language = LANGUAGE if page.lang == "da" else page.lang
    _set_language(doc, language)
    _page_setup(doc)
    stamp = dt.datetime.combine(page.date or dt.date(2000, 1, 1), dt.time())
    props = doc.core_properties
    props.title = shorten(page.title, 255)  # python-docx refuses a longer title
    props.author = props.last_modified_by = "seminar-themes"
    props.created = props.modified = stamp
    props.revision = 1
    props.language = language
    writer = _Writer(doc, images)
    for b in page.blocks:
        writer.block(b)
    buf = io.BytesIO()
    doc.save(buf)
    return _normalise_zip(buf.getvalue())
