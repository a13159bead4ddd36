"""Runs every theme listing of an area page shares: a link to a statement, the status, the other areas.

Written once for the recurring themes, the question's own words and the themes one group raised
(:mod:`pipeline.report.pages`, :mod:`pipeline.report.one_group`), so each reads the same way in
HTML, Markdown and DOCX.
"""

from __future__ import annotations

from pipeline.report import blocks as pm

__all__ = ["STATUS", "da_joined", "other_areas", "statement_link", "status_runs", "status_tag"]

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
