"""The report pages as blocks: every Danish heading and sentence of a core area's page and the index page, written once.

:func:`area_page` and :func:`index_page` turn a page's context (:mod:`pipeline.report.context`)
into a :class:`~pipeline.report.blocks.Page`; :mod:`pipeline.report.html`,
:mod:`pipeline.report.markdown` and :mod:`pipeline.report.docx` render it. Adding or renaming a
section is one change here.
"""

from __future__ import annotations

import datetime as dt

from pipeline.report.blocks import (
    Anchor,
    Block,
    BulletList,
    Code,
    Figure,
    Heading,
    Inline,
    Inlines,
    Link,
    Mark,
    Page,
    Paragraph,
    Quote,
    Section,
    Strong,
    Table,
    Tag,
    inlines,
)
from pipeline.report.context import AreaContext
from pipeline.report.wording import count, da_list

__all__ = ["LANG", "area_page", "index_page", "marked"]

#: The language of every report page.
LANG = "da"

#: How the method found the themes (the method appendix of every area page).
METHOD_TEXT = (
    "Noterne er delt i udsagn (sætninger og punkter), og hvert udsagn i nøglefraser: navneordsforbindelser som "
    "„tydelig kommunikation“ og „medarbejdernes kompetencer“, fundet med ordklasser på dansk. Et udsagn kan derfor "
    "høre til flere temaer. Nøglefraserne i kerneområdet er grupperet efter, hvad de betyder, og hvilke ord de bruger; "
    "det, som alle områdets fraser har til fælles (spørgsmålets egne ord), er trukket fra, så det ikke samler alt i ét tema. "
    "Antallet af temaer er valgt ud fra, hvor tydeligt grupperne skiller sig ud, og et tema tæller kun, når dets fraser "
    "hænger bedre sammen indbyrdes end med andre temaer. Et tema kaldes tilbagevendende, når mindst {min_groups} grupper har rejst det. "
    "Temaets navn er en af dets egne fraser, som grupperne skrev den; citaterne er noternes tekst, der er et referat "
    "af gruppernes drøftelse. Intet er omskrevet."
)


def marked(text: str, phrase: str) -> Inlines:
    """A quote with the theme's key phrase marked (the first match, case-insensitive); unmarked when absent."""
    text, phrase = str(text), str(phrase or "")
    at = text.lower().find(phrase.lower()) if phrase else -1
    if at < 0:
        return (text,)
    end = at + len(phrase)
    return inlines(text[:at], Mark(text[at:end]), text[end:])


def _statement(statement_id: str, text: str) -> Link:
    return Link(text, f"#s-{statement_id}")


def _joined(runs: list[Inline], sep: str = ", ") -> Inlines:
    out: list[Inline] = []
    for i, run in enumerate(runs):
        if i:
            out.append(sep)
        out.append(run)
    return tuple(out)


def _other_areas(t: dict) -> Inlines:
    return _joined([Link(a["name"], a["href"]) for a in t["other_areas"]])


def _status(ctx: AreaContext, t: dict) -> Inlines:
    if not ctx.curation:
        return ()
    return (Tag("kurateret" if t.get("curated") else "automatisk", "badge curated" if t.get("curated") else "badge quiet"),)


def _theme_table(ctx: AreaContext) -> Table:
    rows = tuple(
        (
            (t["label"],),
            (f"{t['n_groups']} af {t['n_groups_total']} (gr. {da_list(t['groups'])})",),
            (", ".join(t["keywords"][:6]),),
            _other_areas(t),
        )
        for t in ctx.recurring
    )
    return Table(("Tema", "Grupper", "Nøgleord", "Også i"), rows)


def _theme_section(ctx: AreaContext, t: dict) -> Section:
    facts: list[Inline] = [f"Rejst af {t['n_groups']} af {t['n_groups_total']} grupper (gruppe {da_list(t['groups'])}); {t['n_statements']} udsagn"]
    if t["other_areas"]:
        facts += ["; også i ", *_other_areas(t)]
    facts.append(".")
    status = _status(ctx, t)
    blocks: list[Block] = [Heading(3, (t["label"],)), Paragraph(inlines(tuple(facts), " " if status else "", status), kind="meta")]
    if t["keywords"]:
        blocks.append(Paragraph(inlines("Nøgleord: ", _joined([Tag(k, "kw") for k in t["keywords"]]))))
    if t.get("memo"):
        blocks.append(Paragraph((Strong("Analytikerens memo:"), " ", t["memo"]), kind="memo"))
    if t["summary"]:
        s = t["summary"]
        blocks.append(Paragraph((Strong("Kort sagt:"), " ", s["text"], " – ", _statement(s["statement_id"], f"Gruppe {s['group']}")), kind="summary"))
    for q in t["quotes"]:
        blocks.append(Quote(marked(q["text"], q.get("unit", "")), (_statement(q["statement_id"], f"Gruppe {q['group']}"),)))
    evidence = _joined([_statement(s, s) for s in t["evidence"]])
    blocks.append(Paragraph(inlines("Alle udsagn bag temaet: ", evidence), kind="meta"))
    return Section(tuple(blocks), kind="theme", anchor=f"emne-{t['topic']}")


def _recurring(ctx: AreaContext) -> list[Block]:
    min_groups = ctx.cfg.themes.min_groups
    blocks: list[Block] = [Heading(2, ("Tilbagevendende temaer",))]
    if not ctx.recurring:
        return [*blocks, Paragraph((f"Ingen temaer blev rejst af mindst {min_groups} grupper.",))]
    blocks += [
        Paragraph((f"Temaer, som mindst {min_groups} grupper rejste, ordnet efter hvor mange grupper der rejste dem.",)),
        _theme_table(ctx),
    ]
    return blocks + [_theme_section(ctx, t) for t in ctx.recurring]


def _summary_link(t: dict) -> Inlines:
    return (": ", _statement(t["summary"]["statement_id"], t["summary"]["text"])) if t["summary"] else ()


def _question_themes(ctx: AreaContext) -> list[Block]:
    if not ctx.question_themes:
        return []
    items = tuple(
        inlines(
            Anchor("", f"emne-{t['topic']}"),
            Strong(t["label"]),
            f" ({t['n_groups']} af {t['n_groups_total']} grupper: gruppe {da_list(t['groups'])})",
            _summary_link(t),
        )
        for t in ctx.question_themes
    )
    return [
        Heading(2, ("Spørgsmålets egne ord",)),
        Paragraph(("Temaer, som flere grupper rejste, men som kun gentager spørgsmålets ord.",)),
        BulletList(items),
    ]


def _terms(ctx: AreaContext) -> list[Block]:
    if not ctx.terms:
        return []
    rows = tuple(
        (
            (t["surface"],),
            (f"{t['n_groups']} (gr. {da_list(t['groups'])})",),
            _joined([_statement(s, s) for s in t["statements"]], " "),
        )
        for t in ctx.terms
    )
    return [
        Heading(2, ("Ord, som flere grupper brugte",)),
        Paragraph(
            (
                f"Et finere blik end temaerne: de ord, som mindst {ctx.cfg.themes.min_groups} grupper brugte om spørgsmålet "
                "(bøjninger af samme ord tælles sammen).",
            )
        ),
        Table(("Ord", "Grupper", "Udsagn"), rows),
    ]


def _single(ctx: AreaContext) -> list[Block]:
    if not ctx.single:
        return []
    items = []
    for t in ctx.single:
        status = _status(ctx, t)
        others = (", også i ", *_other_areas(t)) if t["other_areas"] else ()
        memo = (" ", Strong("Analytikerens memo:"), " ", t["memo"]) if t.get("memo") else ()
        items.append(
            inlines(
                Anchor("", f"emne-{t['topic']}"),
                Strong(t["label"]),
                " " if status else "",
                status,
                f" (gruppe {da_list(t['groups'])})",
                others,
                _summary_link(t),
                memo,
            )
        )
    return [Heading(2, (ctx.single_heading,)), BulletList(tuple(items))]


def _figures(ctx: AreaContext) -> list[Block]:
    if not ctx.figures:
        return []
    return [Heading(2, ("Figurer",)), *(Figure(f"{ctx.slug}-{name}", caption, fig) for name, caption, fig in ctx.figures)]


def _notes(ctx: AreaContext) -> list[Block]:
    blocks: list[Block] = [
        Heading(2, ("Gruppernes noter",)),
        Paragraph(("Noterne som de blev indlæst, delt i udsagn. Hvert udsagn viser det tema, det er placeret i.",)),
    ]
    for n in ctx.notes:
        items = []
        for s in n["statements"]:
            themes = _joined([Link(th["label"], f"#emne-{th['topic']}") for th in s["themes"]], "; ")
            items.append(inlines(Code(s["id"]), " ", Anchor(s["text"], f"s-{s['id']}"), (" [", *themes, "]") if themes else ()))
        note = (Heading(3, (f"Gruppe {n['group']}",)), BulletList(tuple(items)), Paragraph((f"Kilde: {n['source']} · note-id ", Code(n["note_id"])), kind="src"))
        blocks.append(Section(note, kind="note", anchor=f"n-{n['note_id']}"))
    return blocks


def _changes(title: str, changes: list[dict]) -> list[Block]:
    if not changes:
        return []
    items = tuple((f"{c['action'].capitalize()}: {c['reason']} ({c['entry']}, linje {c['line']})",) for c in changes)
    return [Paragraph((title,)), BulletList(items)]


def _rejects(rejects: list[dict], level: int) -> list[Block]:
    if not rejects:
        return []
    items = tuple((f"{r['source_file']} ({r['source_ref']}): {r['reason']}",) for r in rejects)
    return [Heading(level, ("Afviste noter",)), BulletList(items)]


def _method(ctx: AreaContext) -> list[Block]:
    blocks: list[Block] = [
        Paragraph((METHOD_TEXT.format(min_groups=ctx.cfg.themes.min_groups),)),
        Table((), tuple(((str(k),), (str(v),)) for k, v in ctx.method.items())),
    ]
    if ctx.curation:
        cur = ctx.curation
        blocks += [
            Heading(3, ("Kuratering",)),
            Paragraph(
                (
                    f"Temaerne er derefter tilrettet af analytikeren i kodebogen {cur['file']}: navne, memoer, sammenlægninger, "
                    "opdelinger, fastgjorte udsagn, udeladte og nye temaer. Et tema markeret „kurateret“ er ændret af analytikeren og "
                    "kan bære analytikerens eget navn; „automatisk“ er fundet af metoden alene. Ændringerne er anvendt på samme måde "
                    f"ved hver kørsel. I dette kerneområde: {cur['agreement'] or 'ingen nøglefraser'}.",
                )
            ),
            *_changes("Anvendte ændringer:", cur["applied"]),
            *_changes("Ikke anvendt:", cur["skipped"]),
        ]
    blocks += _rejects(ctx.rejects, 3)
    return [Heading(2, ("Metode",)), Section(tuple(blocks), kind="method", collapsed="Sådan er temaerne fundet")]


def _stamp(cfg) -> dt.date:
    return cfg.date or dt.date(cfg.year, 1, 1)


def area_page(ctx: AreaContext) -> Page:
    """One core area's report as blocks: summary, recurring themes with quotes, the notes, the method.

    Args:
        ctx: The area's context (:func:`~pipeline.report.context.build_area_context`).

    Returns:
        The :class:`~pipeline.report.blocks.Page`, ready for any of the three renderers.
    """
    cfg = ctx.cfg
    nav = [Link("Alle kerneområder", "index.html")]
    if ctx.comparison_href:
        nav.append(Link("Hvad er nyt i år", ctx.comparison_href))
    nav += [Link("Word-udgave", f"{ctx.slug}.docx"), Link("Markdown-udgave", f"{ctx.slug}.md")]
    top = Section(
        (
            Heading(1, (ctx.area,)),
            Paragraph((Link(f"{cfg.municipality} · {cfg.name} {cfg.year}", "index.html"), f" · Gruppedrøftelse om {ctx.theme}")),
        ),
        kind="top",
    )
    n_recurring = len(ctx.recurring)
    facts = (
        f"{count(ctx.n_groups, 'gruppe', 'grupper')} · {ctx.n_statements} udsagn · "
        f"{count(n_recurring, 'tilbagevendende tema', 'tilbagevendende temaer')}"
    )
    blocks: list[Block] = [
        top,
        Paragraph(_joined(nav, " · "), kind="pages"),
        *([Paragraph((ctx.question,), kind="question")] if ctx.question else []),
        Paragraph((facts,), kind="facts"),
        Heading(2, ("Sammenfatning",)),
        Paragraph((ctx.synthesis,)),
        *_recurring(ctx),
        *_question_themes(ctx),
        *_terms(ctx),
        *_single(ctx),
        *_figures(ctx),
        *_notes(ctx),
        *_method(ctx),
        Paragraph(("Genereret af seminar-themes. Konfigurationen ligger i seminar.config.toml ved siden af rapporten.",), kind="footer"),
    ]
    return Page(f"{ctx.area} – {cfg.name} {cfg.year}", LANG, tuple(blocks), date=_stamp(cfg))


def index_page(index: dict) -> Page:
    """The index page as blocks: every core area with its counts, then the cross-cutting themes.

    Args:
        index: The index context (:func:`~pipeline.report.context.build_index_context`).
    """
    cfg = index["cfg"]
    title = f"{cfg.name} {cfg.year}: temaer fra gruppedrøftelserne"
    place = f"{cfg.municipality} · {cfg.date.strftime('%d.%m.%Y')}" if cfg.date else cfg.municipality
    areas = index["areas"]
    analysed = f"{index['n_notes']} gruppenoter fra {len(areas)} kerneområder er analyseret"
    if index["n_rejects"]:
        analysed += f"; {index['n_rejects']} noter blev afvist (se nederst)"
    rows = tuple(
        (
            (Link(a["name"], f"{a['slug']}.html"), " (", Link("md", f"{a['slug']}.md"), ", ", Link("docx", f"{a['slug']}.docx"), ")"),
            (str(a["n_groups"]),),
            (str(a["n_statements"]),),
            (str(a["n_recurring"]),),
            ("; ".join(a["top"]),),
        )
        for a in areas
    )
    blocks: list[Block] = [
        Section((Paragraph((place,)), Heading(1, (title,))), kind="top"),
        Paragraph((analysed + ".",)),
        Heading(2, ("Kerneområder",)),
        Table(("Kerneområde", "Grupper", "Udsagn", "Tilbagevendende temaer", "Største temaer"), rows),
        Heading(2, ("Tværgående temaer",)),
    ]
    if index["cross"]:
        cross_rows = tuple(
            (
                (Anchor(c["label"], f"tvaer-{c['id']}"), f" ({c['n_groups']} gruppedrøftelser i {c['n_areas']} kerneområder)"),
                _joined([inlines(Link(a["name"], a["href"]), f" (gruppe {da_list(a['groups'])})") for a in c["areas"]], "; "),
                ("; ".join(p for a in c["areas"] for p in a["phrases"]),),
            )
            for c in index["cross"]
        )
        blocks += [
            Paragraph(("Punkter, som grupperne rejste i flere kerneområder, med gruppernes egne ord fra hvert område.",)),
            Table(("Tema", "Kerneområder", "Gruppernes ord"), tuple(tuple(_flat(cell) for cell in row) for row in cross_rows)),
        ]
    else:
        blocks.append(Paragraph(("Ingen punkter gik igen på tværs af kerneområderne.",)))
    blocks += _rejects(index["rejects"], 2)
    blocks.append(Paragraph(("Genereret af seminar-themes.",), kind="footer"))
    return Page(f"{cfg.name} {cfg.year} – temaer fra gruppedrøftelserne", LANG, tuple(blocks), date=_stamp(cfg))


def _flat(cell) -> Inlines:
    return inlines(*cell)
