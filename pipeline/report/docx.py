"""Render an area's report context as a Word document (bytes). Nothing here writes files.

The document is ready to go into a budget proposal as it is: A4 paper, page numbers in the
footer, Danish as the document language (so Word checks the spelling in Danish), numbered figure
captions (a real ``SEQ Figur`` field) and charts at print resolution.
"""

from __future__ import annotations

import io
import zipfile

from pipeline.report.context import AreaContext
from pipeline.report.wording import da_list

__all__ = ["build_area_docx"]

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


def build_area_docx(ctx: AreaContext, images: dict[str, bytes | None]) -> bytes:
    """A Word document of one core area's report, with real headings, a theme table and the charts.

    Args:
        ctx: The area's report context.
        images: PNG bytes per figure name (``None`` when the chart could not be rendered).

    Returns:
        The bytes of the ``.docx`` file.
    """
    import datetime as dt

    from docx import Document
    from docx.shared import Cm, Pt

    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    _set_language(doc, LANGUAGE)
    _page_setup(doc)
    stamp = dt.datetime.combine(ctx.cfg.date or dt.date(ctx.cfg.year, 1, 1), dt.time())
    props = doc.core_properties
    props.title = f"{ctx.area} – {ctx.cfg.name} {ctx.cfg.year}"
    props.author = props.last_modified_by = "seminar-themes"
    props.created = props.modified = stamp
    props.revision = 1
    props.language = LANGUAGE

    doc.add_heading(ctx.area, level=0)
    doc.add_paragraph(f"{ctx.cfg.municipality} · {ctx.cfg.name} {ctx.cfg.year} · Gruppedrøftelse om {ctx.theme}" + (f" · {ctx.committee}" if ctx.committee else ""))
    if ctx.question:  # a core area may have no question
        doc.add_paragraph().add_run(ctx.question).italic = True
    doc.add_paragraph(f"{ctx.n_groups} grupper · {ctx.n_statements} udsagn · {len(ctx.recurring)} tilbagevendende temaer")

    doc.add_heading("Sammenfatning", level=1)
    doc.add_paragraph(ctx.synthesis)

    doc.add_heading("Tilbagevendende temaer", level=1)
    themes = ctx.recurring
    if not themes:
        doc.add_paragraph(f"Ingen temaer blev rejst af mindst {ctx.cfg.themes.min_groups} grupper.")
    else:
        doc.add_paragraph(
            f"Temaer, som mindst {ctx.cfg.themes.min_groups} grupper rejste, ordnet efter hvor mange grupper der rejste dem."
        )
        table = doc.add_table(rows=1, cols=4)
        table.style = "Light Grid Accent 1"
        for cell, title in zip(table.rows[0].cells, ("Tema", "Grupper", "Nøgleord", "Også i"), strict=True):
            cell.text = title
        _repeat_header_row(table)
        for t in themes:
            cells = table.add_row().cells
            cells[0].text = t["label"]
            cells[1].text = f"{t['n_groups']} af {t['n_groups_total']} (gr. {da_list(t['groups'])})"
            cells[2].text = ", ".join(t["keywords"][:6])
            cells[3].text = da_list([a["name"] for a in t["other_areas"]])
    for t in ctx.recurring:
        doc.add_heading(t["label"], level=2)
        facts = f"Rejst af {t['n_groups']} af {t['n_groups_total']} grupper (gruppe {da_list(t['groups'])}); {t['n_statements']} udsagn"
        if t["other_areas"]:
            facts += f"; også i {da_list([a['name'] for a in t['other_areas']])}"
        mark = f" {t['status']}."
        doc.add_paragraph(facts + "." + mark)
        if t["keywords"]:
            doc.add_paragraph(f"Nøgleord: {', '.join(t['keywords'])}")
        if t.get("memo"):
            p = doc.add_paragraph()
            p.add_run("Analytikerens memo: ").bold = True
            p.add_run(t["memo"])
        if t["summary"]:
            p = doc.add_paragraph(style="Intense Quote")
            p.add_run("Kort sagt: ").bold = True
            p.add_run(f"{t['summary']['text']} (Gruppe {t['summary']['group']})")
        for quote in t["quotes"]:
            doc.add_paragraph(f"{quote['text']} (Gruppe {quote['group']})", style="Quote")

    if ctx.question_themes:
        doc.add_heading("Spørgsmålets egne ord", level=1)
        doc.add_paragraph("Temaer, som flere grupper rejste, men som kun gentager spørgsmålets ord:")
        for t in ctx.question_themes:
            text = f"{t['label']} ({t['n_groups']} af {t['n_groups_total']} grupper: gruppe {da_list(t['groups'])})"
            doc.add_paragraph(text + (f": {t['summary']['text']}" if t["summary"] else ""), style="List Bullet")

    if ctx.terms:
        doc.add_heading("Ord, som flere grupper brugte", level=1)
        doc.add_paragraph(
            f"Et finere blik end temaerne: de ord (i grundform), som mindst {ctx.cfg.themes.min_groups} grupper brugte om spørgsmålet."
        )
        terms = doc.add_table(rows=1, cols=2)
        terms.style = "Light Grid Accent 1"
        terms.rows[0].cells[0].text, terms.rows[0].cells[1].text = "Ord", "Grupper"
        _repeat_header_row(terms)
        for term in ctx.terms:
            cells = terms.add_row().cells
            cells[0].text, cells[1].text = term["surface"], f"{term['n_groups']} (gr. {da_list(term['groups'])})"

    if ctx.single:
        doc.add_heading(ctx.single_heading, level=1)
        for t in ctx.single:
            mark = f" ({t['status']})"
            text = f"{t['label']}{mark} (gruppe {da_list(t['groups'])})" + (f": {t['summary']['text']}" if t["summary"] else "")
            text += f" Analytikerens memo: {t['memo']}" if t.get("memo") else ""
            doc.add_paragraph(text, style="List Bullet")

    if ctx.figures:
        doc.add_heading("Figurer", level=1)
        number = 0
        for name, caption, _ in ctx.figures:
            png = images.get(name)
            if png:
                number += 1
                doc.add_picture(io.BytesIO(png), width=Cm(FIGURE_WIDTH_CM))
                doc.paragraphs[-1].paragraph_format.keep_with_next = True  # the caption stays under its chart
                _caption(doc, number, caption)
            else:
                doc.add_paragraph(f"(Figuren '{caption}' kunne ikke tegnes her; se HTML-rapporten.)")

    doc.add_heading("Gruppernes noter", level=1)
    for n in ctx.notes:
        doc.add_heading(f"Gruppe {n['group']}", level=2)
        doc.add_paragraph(" ".join(s["text"] for s in n["statements"]))
        src = doc.add_paragraph(f"Kilde: {n['source']} · note-id {n['note_id']}")
        src.runs[0].font.size = Pt(8)

    doc.add_heading("Metode", level=1)
    method = doc.add_table(rows=0, cols=2)
    method.style = "Light List Accent 1"
    for key, value in ctx.method.items():
        cells = method.add_row().cells
        cells[0].text, cells[1].text = str(key), str(value)
    if ctx.curation:
        cur = ctx.curation
        doc.add_heading("Kuratering", level=2)
        doc.add_paragraph(
            f"Temaerne er derefter tilrettet af analytikeren i kodebogen {cur['file']}. Et tema markeret Kurateret er bekræftet eller ændret af "
            f"analytikeren og kan bære analytikerens eget navn; Maskinforslag er fundet af metoden alene. "
            f"I dette kerneområde: {cur['agreement'] or 'ingen nøglefraser'}."
        )
        for title, items in (("Anvendte ændringer:", cur["applied"]), ("Ikke anvendt:", cur["skipped"])):
            if items:
                doc.add_paragraph(title)
                for c in items:
                    doc.add_paragraph(f"{c['action'].capitalize()}: {c['reason']} ({c['entry']}, linje {c['line']})", style="List Bullet")
    if ctx.rejects:
        doc.add_heading("Afviste noter", level=2)
        for r in ctx.rejects:
            doc.add_paragraph(f"{r['source_file']} ({r['source_ref']}): {r['reason']}", style="List Bullet")
    buf = io.BytesIO()
    doc.save(buf)
    return _normalise_zip(buf.getvalue())
