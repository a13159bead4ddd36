"""The back of a core area's page: the groups' notes, the method with the analyst's changes, the suggestions.

Written once as blocks (:mod:`pipeline.report.blocks`), as the rest of the page
(:mod:`pipeline.report.pages`); the index page lists the rejected notes the same way.
"""

from __future__ import annotations

from pipeline.report import blocks as pm
from pipeline.report.context import AreaContext
from pipeline.report.wording import group_label

__all__ = ["METHOD_TEXT", "method_blocks", "notes_blocks", "rejects_blocks", "suggestions_blocks"]

#: How the method found the themes (the method appendix of every area page).
METHOD_TEXT = (
    "Noterne er delt i udsagn (sætninger og punkter), og hvert udsagn i nøglefraser: "
    "navneordsforbindelser som „tydelig kommunikation“ og „medarbejdernes kompetencer“, fundet med "
    "ordklasser på dansk. Et udsagn kan derfor høre til flere temaer. Nøglefraserne i kerneområdet er "
    "grupperet efter, hvad de betyder, og hvilke ord de bruger; det, som alle områdets fraser har til "
    "fælles (spørgsmålets egne ord), er trukket fra, så det ikke samler alt i ét tema. Antallet af "
    "temaer er valgt ud fra, hvor tydeligt grupperne skiller sig ud, og et tema tæller kun, når dets "
    "fraser hænger bedre sammen indbyrdes end med andre temaer. Et tema kaldes tilbagevendende, når "
    "mindst {recurring_from} grupper har rejst det. Temaets navn er dannet af dets egne fraser: "
    "i grundform, et udsagnsord kan være gjort til navneord („inddrage unge“ → „Inddragelse af "
    "unge“), og i parentes står en anden gruppes ord for det samme, når en gruppe skrev det med "
    "andre ord. Citaterne er noternes tekst uændret; noterne er et referat af gruppernes drøftelse."
)


def notes_blocks(ctx: AreaContext) -> list[pm.Block]:
    """The groups' notes as read, each statement with the themes it is in (the targets of every link)."""
    blocks: list[pm.Block] = [
        pm.Heading(2, ("Gruppernes noter",)),
        pm.Paragraph(
            (
                "Noterne som de blev indlæst, delt i udsagn og nummereret gruppe for gruppe (sidens "
                "henvisninger som „gruppe 1 (2)“ er gruppe 1's udsagn 2). Hvert udsagn viser de temaer, "
                "det er placeret i.",
            )
        ),
    ]
    numbers = ctx.numbers
    for n in ctx.notes:
        items = []
        for s in n["statements"]:
            themes = pm.joined([pm.Link(th["label"], f"#emne-{th['topic']}") for th in s["themes"]], "; ")
            items.append(
                pm.inlines(
                    # the number the page's links name it by ("gruppe 1 (2)"), then its id in the tables
                    pm.Strong(f"{numbers[str(s['id'])][1]}."),
                    " ",
                    pm.Code(s["id"]),
                    " ",
                    pm.Anchor(s["text"], f"s-{s['id']}"),
                    (" [", *themes, "]") if themes else (),
                )
            )
        note = (
            pm.Heading(3, (group_label(n["group"], ctx.group_names, capital=True),)),
            pm.BulletList(tuple(items)),
            pm.Paragraph((f"Kilde: {n['source']} · note-id ", pm.Code(n["note_id"])), kind="src"),
        )
        blocks.append(pm.Section(note, kind="note", anchor=f"n-{n['note_id']}"))
    return blocks


def _changes(title: str, changes: list[dict]) -> list[pm.Block]:
    if not changes:
        return []
    items = tuple(
        (f"{c['action'].capitalize()}: {c['reason']} ({c['entry']}, {c['place']})",) for c in changes
    )
    return [pm.Paragraph((title,)), pm.BulletList(items)]


def rejects_blocks(rejects: list[dict], level: int) -> list[pm.Block]:
    """The rejected notes with the reason for each, under a heading of ``level`` (nothing if none)."""
    if not rejects:
        return []
    items = tuple((f"{r['source_file']} ({r['source_ref']}): {r['reason']}",) for r in rejects)
    return [pm.Heading(level, ("Afviste noter",)), pm.BulletList(items)]


def method_blocks(ctx: AreaContext) -> list[pm.Block]:
    """The method appendix: how the themes were found, the facts, the analyst's changes, the rejects."""
    blocks: list[pm.Block] = [
        pm.Paragraph((METHOD_TEXT.format(recurring_from=ctx.recurring_from),)),
        pm.Table((), tuple(((str(k),), (str(v),)) for k, v in ctx.method.items())),
    ]
    if ctx.curation:
        cur = ctx.curation
        blocks += [
            pm.Heading(3, ("Kuratering",)),
            pm.Paragraph(
                (
                    f"Temaerne er derefter tilrettet af analytikeren i kodebogen {cur['file']}: navne, "
                    "memoer, sammenlægninger, "
                    "opdelinger, fastgjorte udsagn, udeladte og nye temaer. Et tema markeret „Kurateret“ er "
                    "bekræftet eller ændret af "
                    "analytikeren og kan bære analytikerens eget navn; „Maskinforslag“ er fundet af metoden "
                    "alene. Ændringerne er anvendt på samme måde "
                    f"ved hver kørsel. I dette kerneområde: {cur['agreement'] or 'ingen nøglefraser'}.",
                )
            ),
            *(
                [
                    pm.Paragraph(("Kendt fra andre års kodebøger:",)),
                    pm.BulletList(tuple((k,) for k in cur["known"])),
                ]
                if cur.get("known")
                else []
            ),
            *_changes("Anvendte ændringer:", cur["applied"]),
            *_changes("Ikke anvendt:", cur["skipped"]),
        ]
    blocks += rejects_blocks(ctx.rejects, 3)
    return [
        pm.Heading(2, ("Metode",)),
        pm.Section(tuple(blocks), kind="method", collapsed="Sådan er temaerne fundet"),
    ]


def _suggestion_item(s: dict) -> pm.Inlines:
    """One suggestion: a pair to join (two sides, a quote of each) or a theme to keep as a point."""
    head = (pm.Code(s["id"]), " ", pm.Strong(s["theme"]))
    if s["kind"] == "point":  # one quote per group
        quotes = " / ".join(f"»{q}«" for q in (s["theme_quote"], s["other_quote"]) if q)
        return (*head, f" (hold som punkt; {s['reason']}): {quotes}")
    kind = "læg sammen" if s["kind"] == "merge" else "flyt"
    return (
        *head,
        " + ",
        pm.Strong(s["other"]),
        f" ({kind}; {s['reason']}): »{s['theme_quote']}« / »{s['other_quote']}«",
    )


def suggestions_blocks(ctx: AreaContext) -> list[pm.Block]:
    """The analyst's section: pairs that may be one point (never in committee text)."""
    if not ctx.suggestions:
        return []
    items = tuple(_suggestion_item(s) for s in ctx.suggestions)
    points = (
        ", og temaer af spørgsmålets ord, som to eller flere grupper sagde deres eget om "
        "(hold som punkt for dem)"
        if any(s["kind"] == "point" for s in ctx.suggestions)
        else ""
    )
    text = (
        f"Par, som maskinen mener kan være ét punkt{points}. Intet af det er talt med "
        "ovenfor. Acceptér med "
        "`seminar curate accept --config … ID`, afvis med `seminar curate reject --config … ID` (eller i "
        "arket Forslag)."
    )
    return [
        pm.Heading(2, ("Forslag til sammenlægning",)),
        pm.Section(
            (pm.Paragraph((text,)), pm.BulletList(items)), kind="method", collapsed="Forslag til analytikeren"
        ),
    ]
