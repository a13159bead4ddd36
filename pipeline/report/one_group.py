"""The area page's themes that too few groups raised to recur: one line per group, its own points.

A list of one bullet per theme, each with its status and its whole sentence, reads as a dump: a
group's sentence is printed once per theme it holds, and "Maskinforslag" once per bullet. Here a
group's themes stand on one line (``Gruppe 1: Balance · Covid-19 · Ekstra rengøring``), each
label a link to the statement it comes from in the page's notes (where the sentence stands in
full, with links back to the theme) and each keeping its theme anchor (``emne-N``) that other
links point to. The status is said once when every theme here has the same; otherwise the
curated ones carry their own tag; when the page's themes all share one, the page says it once
at its top and this section not at all.
"""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

from pipeline.report import blocks as pm
from pipeline.report.evidence import page_numbers
from pipeline.report.theme_runs import STATUS, other_areas, statement_link, status_tag
from pipeline.report.wording import CURATED, MACHINE, group_label, groups_text

if TYPE_CHECKING:
    from pipeline.report.context import AreaContext

__all__ = ["INTRO", "one_group_blocks"]

#: What the section's lines are, before the status.
INTRO = (
    "Temaerne står gruppe for gruppe; hvert tema linker til det udsagn i gruppernes noter nederst "
    "på siden, som det kommer fra."
)


def _who(groups: tuple[int, ...], names: dict[int, str]) -> str:
    """The line's lead-in: ``Gruppe 1``, its name as written, or ``Gruppe 1 og 4`` for two groups' theme."""
    if len(groups) == 1:
        return group_label(groups[0], names, capital=True)
    text = groups_text(groups, names)
    return text[:1].upper() + text[1:]


def _evidence(t: dict) -> tuple[str, list[str]]:
    """The statement the label links to (the theme's *kort sagt*, else its first) and the others."""
    first = t["summary"]["statement_id"] if t.get("summary") else (t["evidence"] or [""])[0]
    return first, [s for s in t["evidence"] if s != first]


def _theme_runs(ctx: AreaContext, t: dict, tag_curated: bool) -> pm.Inlines:
    """One theme on its group's line: its anchor, its label linked to its evidence, then what else it has.

    The extras share one parenthesis: further statements, the other areas it occurs in, the
    analyst's memo.
    """
    first, more = _evidence(t)
    extras: list[pm.Inlines] = []
    if same := _named_alike(ctx, t):
        # the theme stage kept this group's words apart from a recurring theme of the same name
        # (said about something else, or the other way): the reader must not read one point twice
        extras.append(("holdt uden for temaet ", pm.Link(same["label"], f"#emne-{same['topic']}")))
    if more:
        extras.append(("flere udsagn: ", *page_numbers(ctx, more)))  # the line names the group
    if t["other_areas"]:
        extras.append(("også i ", *other_areas(t)))
    if t.get("memo"):
        extras.append((pm.Strong("Analytikerens memo:"), " ", t["memo"]))
    inside: list[pm.Inline] = []
    for i, extra in enumerate(extras):
        inside += ["; "] * bool(i) + list(extra)
    return pm.inlines(
        pm.Anchor("", f"emne-{t['topic']}"),
        statement_link(first, t["label"]) if first else t["label"],
        (" ", status_tag(t["status"], True)) if tag_curated and t.get("curated") else (),
        (" (", *inside, ")") if inside else (),
    )


def _named_alike(ctx: AreaContext, t: dict) -> dict | None:
    """The page's theme of several groups named as this one-group theme is, if any (case aside)."""
    label = " ".join(str(t["label"]).casefold().split())
    others = (*ctx.recurring, *ctx.question_themes)
    return next((o for o in others if " ".join(str(o["label"]).casefold().split()) == label), None)


def _status_sentence(themes: list[dict]) -> pm.Inlines:
    """The status once: of all themes when they share it, else the rule and the tag the curated carry."""
    statuses = {t["status"] for t in themes}
    if len(statuses) == 1:
        t = themes[0]
        return ("Status for dem alle: ", status_tag(t["status"], bool(t.get("curated"))), ".")
    return (
        f"{STATUS} ",
        status_tag(MACHINE, False),
        ", undtagen de temaer, der er mærket ",
        status_tag(CURATED, True),
        ".",
    )


def one_group_blocks(ctx: AreaContext) -> list[pm.Block]:
    """The themes too few groups raised to recur: heading, intro with the status, one line per group.

    Group by group, each group's themes in the order of the statements they come from (the
    page's order within one statement); a theme two groups raised (when three make a theme
    recurring) has a line of its own for the two. The status is said here only when the page's
    themes differ in it.
    """
    if not ctx.single:
        return []
    mixed = len({t["status"] for t in ctx.single}) > 1
    number = ctx.numbers

    def said(t: dict) -> tuple[tuple[int, ...], int]:
        # a group's themes in the order its notes said them (its line reads as its account); stable
        return tuple(t["groups"]), number.get(_evidence(t)[0], (0, len(number) + 1))[1]

    by_groups = sorted(ctx.single, key=said)
    lines = []
    for groups, themes in groupby(by_groups, key=lambda t: tuple(t["groups"])):
        runs = [_theme_runs(ctx, t, mixed) for t in themes]
        lines.append(
            pm.inlines(
                pm.Strong(f"{_who(groups, ctx.group_names)}:"),
                " ",
                *(pm.inlines(" · " if i else "", r) for i, r in enumerate(runs)),
            )
        )
    return [
        pm.Heading(2, (ctx.single_heading,)),
        # the status here only when the page's themes differ in it (else the page says it once)
        pm.Paragraph((INTRO, *((" ", *_status_sentence(ctx.single)) if ctx.statuses_vary else ()))),
        pm.BulletList(tuple(lines)),
    ]
