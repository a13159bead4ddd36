"""The index page as blocks: every core area with its counts, then the cross-cutting themes."""

from __future__ import annotations

from pipeline.report import blocks as pm
from pipeline.report.appendix import rejects_blocks
from pipeline.report.cross_apart import cross_apart_blocks
from pipeline.report.pages import LANG, _stamp
from pipeline.report.wording import RECURRING, groups_text

__all__ = ["index_page"]


def _area_rows(areas: list[dict]) -> tuple:
    """The table of core areas: links to the three formats, counts and the largest themes."""
    return tuple(
        (
            (
                pm.Link(a["name"], f"{a['slug']}.html"),
                " (",
                pm.Link("md", f"{a['slug']}.md"),
                ", ",
                pm.Link("docx", f"{a['slug']}.docx"),
                ")",
            ),
            (str(a["n_groups"]),),
            (str(a["n_statements"]),),
            (str(a["n_recurring"]),),
            ("; ".join(a["top"]),),
        )
        for a in areas
    )


def _cross_blocks(index: dict) -> list[pm.Block]:
    """The cross-cutting themes: each with its areas (linked) and the groups' own words."""
    if not index["cross"]:
        return [pm.Paragraph(("Ingen punkter gik igen på tværs af kerneområderne.",))]
    cross_rows = tuple(
        (
            (
                pm.Anchor("", f"tvaer-{c['id']}"),
                pm.Strong(c["label"]),
                f" ({c['n_groups']} gruppenoter i {c['n_areas']} kerneområder)",
            ),
            pm.joined(
                [
                    pm.inlines(
                        pm.Link(a["name"], a["href"]),
                        f" ({groups_text(a['groups'], index.get('group_names'))})",
                    )
                    for a in c["areas"]
                ],
                "; ",
            ),
            ("; ".join(p for a in c["areas"] for p in a["phrases"]),),
        )
        for c in index["cross"]
    )
    intro = "Punkter, som grupperne rejste i flere kerneområder, med gruppernes egne ord fra hvert område."
    return [
        pm.Paragraph((intro,)),
        pm.Table(
            ("Tema", "Kerneområder", "Gruppernes ord"),
            tuple(tuple(_flat(cell) for cell in row) for row in cross_rows),
        ),
    ]


def index_page(index: dict) -> pm.Page:
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
    blocks: list[pm.Block] = [
        pm.Section((pm.Paragraph((place,)), pm.Heading(1, (title,))), kind="top"),
        pm.Paragraph((analysed + ".",)),
        pm.Paragraph(
            (
                pm.Link("Overblik til udvalgene", "overblik.html"),
                " (",
                pm.Link("Word", "overblik.docx"),
                ", ",
                pm.Link("Markdown", "overblik.md"),
                ") · ",
                pm.Link("Temaer, citater og noter i Excel", "temaer.xlsx"),
            ),
            kind="pages",
        ),
        pm.Heading(2, ("Kerneområder",)),
        pm.Table(("Kerneområde", "Grupper", "Udsagn", RECURRING, "Største temaer"), _area_rows(areas)),
        pm.Heading(2, ("Tværgående temaer",)),
        *_cross_blocks(index),
        *cross_apart_blocks(index.get("cross_apart", []), index.get("group_names")),
    ]
    blocks += rejects_blocks(index["rejects"], 2)
    blocks.append(pm.Paragraph(("Genereret af seminar-themes.",), kind="footer"))
    return pm.unlink_missing(
        pm.Page(
            f"{cfg.name} {cfg.year} – temaer fra gruppedrøftelserne", LANG, tuple(blocks), date=_stamp(cfg)
        )
    )


def _flat(cell) -> pm.Inlines:
    return pm.inlines(*cell)
