"""Runs every theme listing of an area page shares: a link to a statement, the status, the other areas.

Written once for the recurring themes, the question's own words and the themes one group raised
(:mod:`pipeline.report.pages`, :mod:`pipeline.report.one_group`), so each reads the same way in
HTML, Markdown and DOCX.
"""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.report import blocks as pm
from pipeline.report.wording import count

__all__ = [
    "STATUS",
    "curation_note",
    "da_joined",
    "other_areas",
    "statement_link",
    "status_runs",
    "status_tag",
    "statuses_vary",
]

#: The word before a theme's status: the status reads as a tag of its own in every format (a
#: Markdown page shows a badge as plain text, so "2 udsagn. Maskinforslag" would run together).
STATUS = "Status:"


def statement_link(statement_id: str, text: str) -> pm.Link:
    """A link to a statement in the page's notes (its anchor ``s-<id>``)."""
    return pm.Link(text, f"#s-{statement_id}")


def da_joined(runs: list[pm.Inline]) -> pm.Inlines:
    """Runs as a Danish list: ``a, b og c``."""
    if len(runs) <= 1:
        return tuple(runs)
    return (*pm.joined(runs[:-1]), " og ", runs[-1])


def other_areas(t: dict) -> pm.Inlines:
    """The other core areas a theme occurs in, each a link to the theme there."""
    return da_joined([pm.Link(a["name"], a["href"]) for a in t["other_areas"]])


def status_tag(status: str, curated: bool) -> pm.Tag:
    """The status badge: Maskinforslag until the analyst's codebook confirms or changes it, then Kurateret."""
    return pm.Tag(status, "badge curated" if curated else "badge quiet")


def status_runs(t: dict) -> pm.Inlines:
    """A theme's status as a sentence of its own: ``Status: Maskinforslag.``."""
    return (f"{STATUS} ", status_tag(t["status"], bool(t.get("curated"))), ".")


def statuses_vary(themes: Iterable[dict]) -> bool:
    """Whether an area page's themes differ in status (some curated, some not).

    Only then does each theme carry its status; else :func:`curation_note` says it once at the top,
    so "Status: Maskinforslag." is not repeated under every theme. Decided once per page
    (:attr:`pipeline.report.context.AreaContext.statuses_vary`).
    """
    return len({t["status"] for t in themes}) > 1


def curation_note(done: int, total: int, noun: tuple[str, str] = ("tema", "temaer")) -> pm.Note:
    """How far an analyst has checked a page's themes, said once (the overview's and each area page's).

    Args:
        done: Themes the analyst's codebook confirmed or changed.
        total: Themes on the page.
        noun: What the page calls its items, singular and plural ("punkt", "punkter" on the overview).
    """
    if done == 0:
        text: pm.Inlines = (
            pm.Strong("Maskinforslag:"),
            f" alle {noun[1]} er fundet af metoden alene; en analytiker har endnu ikke bekræftet dem.",
        )
    elif done < total:
        text = (
            pm.Strong(f"{done} af {count(total, 'tema', 'temaer')} er kurateret"),
            f" af en analytiker; ved hvert {noun[0]} står, om det er kurateret eller et maskinforslag.",
        )
    else:
        text = (pm.Strong("Kurateret:"), f" alle {noun[1]} er bekræftet eller tilrettet af en analytiker.")
    return pm.Note(text, kind="status")
