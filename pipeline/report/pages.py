"""The report pages as blocks.

Every Danish heading and sentence of a core area's page and the index page, written once.

:func:`area_page` and :func:`index_page` turn a page's context (:mod:`pipeline.report.context`)
into a :class:`~pipeline.report.blocks.Page`; :mod:`pipeline.report.html`,
:mod:`pipeline.report.markdown` and :mod:`pipeline.report.docx` render it. Adding or renaming a
section is one change here.
"""

from __future__ import annotations

import datetime as dt

from pipeline.report import blocks as pm
from pipeline.report.asked import answer_inlines, specifics_text
from pipeline.report.appendix import method_blocks, notes_blocks, suggestions_blocks
from pipeline.report.context import AreaContext
from pipeline.report.evidence import page_evidence
from pipeline.report.one_group import one_group_blocks
from pipeline.report.theme_runs import other_areas as _other_areas
from pipeline.report.theme_runs import statement_link as _statement
from pipeline.report.theme_runs import curation_note, status_runs
from pipeline.report.word_reach import reach_inlines
from pipeline.report.words_apart import copies_blocks, words_apart_blocks
from pipeline.report.wording import (
    ANALYST_PART,
    GIVEN_OPTIONS,
    IN_SHORT,
    QUESTION_WORDS,
    RECURRING,
    count,
    group_label,
    groups_text,
    question_words_source,
)

__all__ = ["LANG", "area_page", "marked"]

#: The language of every report page.
LANG = "da"


def marked(text: str, phrase: str) -> pm.Inlines:
    """A quote with the theme's key phrase marked (the first match, case-insensitive).

    Unmarked when absent.
    """
    text, phrase = str(text), str(phrase or "")
    at = text.lower().find(phrase.lower()) if phrase else -1
    if at < 0:
        return (text,)
    end = at + len(phrase)
    return pm.inlines(text[:at], pm.Mark(text[at:end]), text[end:])


def _theme_table(ctx: AreaContext) -> pm.Table:
    rows = tuple(
        (
            (t["label"],),
            (
                f"{t['n_groups']} af {t['n_groups_total']} "
                f"({groups_text(t['groups'], ctx.group_names, short=True)})",
            ),
            (", ".join(t["keywords"][:6]),),
            _other_areas(t),
        )
        for t in ctx.recurring
    )
    return pm.Table(("Tema", "Grupper", "Nøgleord", "Også i"), rows)


def _theme_section(ctx: AreaContext, t: dict) -> pm.Section:
    facts: list[pm.Inline] = [
        f"Rejst af {t['n_groups']} af {t['n_groups_total']} grupper "
        f"({groups_text(t['groups'], ctx.group_names)}); {t['n_statements']} udsagn"
    ]
    if t["other_areas"]:
        facts += ["; også i ", *_other_areas(t)]
    facts.append(".")
    blocks: list[pm.Block] = [
        pm.Heading(3, (t["label"],)),
        # the status under each theme only when the page's themes differ in it (else once, at the top)
        pm.Paragraph(pm.inlines(tuple(facts), " ", status_runs(t) if ctx.statuses_vary else ()), kind="meta"),
    ]
    if t.get("specifics"):
        blocks.append(
            pm.Paragraph(
                (pm.Strong("Hver gruppes egne ord:"), " ", specifics_text(t["specifics"], ctx.group_names)),
                kind="meta",
            )
        )
    if t.get("memo"):
        blocks.append(pm.Paragraph((pm.Strong("Analytikerens memo:"), " ", t["memo"]), kind="memo"))
    if t["summary"]:
        s = t["summary"]
        # the key phrase marked as in the quotes (the sentence is one of them, shown here only)
        unit = next((q.get("unit", "") for q in t["quotes"] if q["statement_id"] == s["statement_id"]), "")
        blocks.append(
            pm.Paragraph(
                (
                    pm.Strong(f"{IN_SHORT}:"),
                    " ",
                    *marked(s["text"], unit),
                    " – ",
                    _statement(s["statement_id"], group_label(s["group"], ctx.group_names, capital=True)),
                ),
                kind="summary",
            )
        )
    shown = t["summary"]["statement_id"] if t["summary"] else None
    # the *kort sagt* is a quote already: the quotes below are the other statements, each once
    for q in (q for q in t["quotes"] if q["statement_id"] != shown):
        blocks.append(
            pm.Quote(
                marked(q["text"], q.get("unit", "")),
                (_statement(q["statement_id"], group_label(q["group"], ctx.group_names, capital=True)),),
            )
        )
    evidence = page_evidence(ctx, t["evidence"])
    blocks.append(pm.Paragraph(pm.inlines("Alle udsagn bag temaet: ", evidence), kind="meta"))
    return pm.Section(tuple(blocks), kind="theme", anchor=f"emne-{t['topic']}")


def _stances(ctx: AreaContext) -> list[pm.Block]:
    """One line under a yes/no question.

    How many groups answered yes and how many no (with the statements).
    """
    if not ctx.stances:
        return []
    parts: list[pm.Inline] = []
    for i, st in enumerate(ctx.stances):
        parts += [" · "] * bool(i) + [
            pm.Strong(f"{st['stance']}:"),
            f" {len(st['groups'])} af {ctx.n_groups} (",
            *page_evidence(ctx, st["statements"]),  # each group a link to its answer
            ")",
        ]
    return [pm.Paragraph(tuple(parts), kind="facts")]


def _options(ctx: AreaContext) -> list[pm.Block]:
    """The question's given options first.

    Which of them the groups took up (the points beyond them follow).
    """
    if not ctx.options:
        return []
    rows = []
    for o in ctx.options:
        anchor = (pm.Anchor("", f"emne-{o['topic']}"),) if o["topic"] >= 0 else ()
        groups = f"{len(o['groups'])} af {ctx.n_groups}" + (
            f" ({groups_text(o['groups'], ctx.group_names, short=True)})" if o["groups"] else ""
        )
        rows.append(
            (
                (*anchor, o["option"][:1].upper() + o["option"][1:]),
                (groups,),
                page_evidence(ctx, o["statements"], short=True),
            )
        )
    return [
        pm.Heading(2, (GIVEN_OPTIONS,)),
        pm.Paragraph(
            (
                "Spørgsmålet gav grupperne disse muligheder at tage afsæt i. Nedenfor ses, hvor mange "
                "gruppers noter nævner hver af dem; noterne siger ikke altid, om gruppen valgte den til "
                "eller fra. Temaerne længere nede er det, grupperne sagde ud over mulighederne.",
            )
        ),
        *(
            [
                pm.Figure(
                    f"{ctx.slug}-muligheder",
                    "Hvilke af spørgsmålets givne muligheder grupperne tog op (udfyldt: gruppens noter "
                    "nævner den).",
                    ctx.options_figure,
                )
            ]
            if ctx.options_figure is not None
            else []
        ),
        pm.Table(("Mulighed", "Grupper", "Udsagn"), tuple(rows)),
    ]


def _recurring(ctx: AreaContext) -> list[pm.Block]:
    recurring_from = ctx.recurring_from
    blocks: list[pm.Block] = [pm.Heading(2, (RECURRING,))]
    if not ctx.recurring:
        return [*blocks, pm.Paragraph((f"Ingen temaer blev rejst af mindst {recurring_from} grupper.",))]
    blocks += [
        pm.Paragraph(
            (
                f"Temaer, som mindst {recurring_from} grupper rejste, ordnet efter hvor mange grupper der "
                "rejste dem.",
            )
        ),
        _theme_table(ctx),
    ]
    return blocks + [_theme_section(ctx, t) for t in ctx.recurring]


def _summary_link(t: dict) -> pm.Inlines:
    if not t["summary"]:
        return ()
    return (
        " ",
        pm.Strong(f"{IN_SHORT}:"),
        " ",
        _statement(t["summary"]["statement_id"], t["summary"]["text"]),
    )


def _question_themes(ctx: AreaContext) -> list[pm.Block]:
    if not ctx.question_themes:
        return []
    items = tuple(
        pm.inlines(
            pm.Anchor("", f"emne-{t['topic']}"),
            pm.Strong(t["label"]),
            f" ({t['n_groups']} af {t['n_groups_total']} grupper: "
            f"{groups_text(t['groups'], ctx.group_names)}",
            # the word table counts every group that wrote the word: say where the others' uses sit
            reach_inlines(t, ctx.group_names),
            ").",
            (" ", *status_runs(t)) if ctx.statuses_vary else (),
            answer_inlines(t, ctx.group_names),
            # the groups' words link to the statements they come from
            (" Udsagn: ", *page_evidence(ctx, t["evidence"]), ".")
            if t.get("specifics")
            else _summary_link(t),
        )
        for t in ctx.question_themes
    )
    return [
        pm.Heading(2, (QUESTION_WORDS,)),
        pm.Paragraph(
            (
                f"Ord fra {question_words_source(ctx.theme)}, som flere grupper gentog. Ordet alene siger "
                "ikke, hvad grupperne mente; det gør hver gruppes egne ord, som står ved ordet.",
            )
        ),
        pm.BulletList(items),
    ]


def _terms(ctx: AreaContext) -> list[pm.Block]:
    if not ctx.terms:
        return []
    rows = tuple(
        (
            (t["surface"],),
            (f"{t['n_groups']} ({groups_text(t['groups'], ctx.group_names, short=True)})",),
            page_evidence(ctx, t["statements"], short=True),
        )
        for t in ctx.terms
    )
    return [
        pm.Heading(2, ("Ord, som flere grupper brugte",)),
        pm.Paragraph(
            (
                f"Et finere blik end temaerne: de ord, som mindst {ctx.recurring_from} grupper brugte om "
                "spørgsmålet "
                "(bøjninger af samme ord tælles sammen).",
            )
        ),
        pm.Table(("Ord", "Grupper", "Udsagn"), rows),
    ]


def _figures(ctx: AreaContext) -> list[pm.Block]:
    if not ctx.figures:
        return []
    return [
        pm.Heading(2, ("Figurer",)),
        *(pm.Figure(f"{ctx.slug}-{name}", caption, fig) for name, caption, fig in ctx.figures),
    ]


def _status_note(ctx: AreaContext) -> list[pm.Block]:
    """Whether an analyst has checked the page's themes, said once under the page's facts."""
    themes = [*ctx.recurring, *ctx.question_themes, *ctx.single]
    if not themes:
        return []
    return [curation_note(sum(bool(t.get("curated")) for t in themes), len(themes))]


def _analyst_part(ctx: AreaContext) -> list[pm.Block]:
    """The analyst's material, after the committee's points under one heading: nothing of it above them.

    The word counts, the words used about different things, the suggestions, the copies and the
    method help whoever works on the themes; a committee reading the points does not need them.
    Their own headings sit one level below the part's.
    """
    material = [
        *_terms(ctx),
        *words_apart_blocks(ctx.words_apart, ctx.group_names),
        *suggestions_blocks(ctx),
        *copies_blocks(ctx.copies, ctx.group_names),
        *method_blocks(ctx),
    ]
    intro = (
        "Materialet herunder er til analytikeren, der arbejder videre med temaerne (optællinger, "
        "forslag og metode); udvalgets punkter står ovenfor. Noterne fra grupperne, som begge dele henviser "
        "til, står til sidst."
    )
    return [
        pm.Heading(2, (ANALYST_PART,), anchor="til-analytikeren"),
        pm.Paragraph((intro,)),
        *pm.demoted(tuple(material)),
    ]


def _stamp(cfg) -> dt.date:
    return cfg.date or dt.date(cfg.year, 1, 1)


def area_page(ctx: AreaContext) -> pm.Page:
    """One core area's report as blocks: summary, recurring themes with quotes, the notes, the method.

    Args:
        ctx: The area's context (:func:`~pipeline.report.context.build_area_context`).

    Returns:
        The :class:`~pipeline.report.blocks.Page`, ready for any of the three renderers.
    """
    cfg = ctx.cfg
    nav = [pm.Link("Alle kerneområder", "index.html"), pm.Link("Overblik", "overblik.html")]
    if ctx.comparison_href:
        nav.append(pm.Link("Hvad er nyt i år", ctx.comparison_href))
    nav += [pm.Link("Word-udgave", f"{ctx.slug}.docx"), pm.Link("Markdown-udgave", f"{ctx.slug}.md")]
    top = pm.Section(
        (
            pm.Heading(1, (ctx.area,)),
            pm.Paragraph(
                (
                    pm.Link(f"{cfg.municipality} · {cfg.name} {cfg.year}", "index.html"),
                    # no topic configured (a question alone): no empty "Gruppedrøftelse om"
                    f" · Gruppedrøftelse om {ctx.theme}" if str(ctx.theme or "").strip() else "",
                )
                + ((" · Udvalg: ", pm.Strong(ctx.committee)) if ctx.committee else ())
            ),
        ),
        kind="top",
    )
    n_recurring = len(ctx.recurring)
    facts = (
        f"{count(ctx.n_groups, 'gruppe', 'grupper')} · {ctx.n_statements} udsagn · "
        f"{count(n_recurring, 'tilbagevendende tema', 'tilbagevendende temaer')}"
    )
    blocks: list[pm.Block] = [
        top,
        pm.Paragraph(pm.joined(nav, " · "), kind="pages"),
        *([pm.Paragraph((ctx.question,), kind="question")] if ctx.question else []),
        *_stances(ctx),
        pm.Paragraph((facts,), kind="facts"),
        *_status_note(ctx),
        pm.Heading(2, ("Sammenfatning",)),
        pm.Paragraph((ctx.synthesis,)),
        # the committee's part: the points, each with its evidence, then the figures
        *_options(ctx),
        *_recurring(ctx),
        *_question_themes(ctx),
        *one_group_blocks(ctx),
        *_figures(ctx),
        # the analyst's material apart, under one heading, after the points
        *_analyst_part(ctx),
        # last, as an appendix: the notes every link of both parts opens
        *notes_blocks(ctx),
        pm.Paragraph(
            (
                "Genereret af seminar-themes. Konfigurationen ligger i seminar.config.toml ved siden af "
                "rapporten.",
            ),
            kind="footer",
        ),
    ]
    return pm.unlink_missing(
        pm.Page(f"{ctx.area} – {cfg.name} {cfg.year}", LANG, tuple(blocks), date=_stamp(cfg))
    )
