"""The page model: a page is a small tree of typed blocks, built once and rendered three ways.

A page's sections (their Danish headings and sentences) are written once, in the function that
builds that page's blocks (:mod:`pipeline.report.pages`); :mod:`pipeline.report.html`,
:mod:`pipeline.report.markdown` and :mod:`pipeline.report.docx` each walk the same blocks, as a
document model such as pandoc's is walked by its writers.

Every text in a block is plain text, as it came from the input or the wording; only the
renderers escape (HTML, Markdown) or place it in runs (DOCX). ``kind`` fields are styling hints
(the HTML renderer turns them into CSS classes, the DOCX renderer into Word styles); they never
carry content, so the three formats show the same words. One exception: a paragraph of
``kind="pages"`` holds the links between the report's files (HTML, Markdown, Word), which the
DOCX leaves out because a Word document stands alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:
    import plotly.graph_objects as go

__all__ = [
    "Anchor",
    "Block",
    "BulletList",
    "Code",
    "Emph",
    "Figure",
    "Heading",
    "Inline",
    "Inlines",
    "Link",
    "Mark",
    "Note",
    "Page",
    "Paragraph",
    "Quote",
    "Section",
    "Strong",
    "Table",
    "Tag",
    "block_text",
    "demoted",
    "inline_text",
    "inlines",
    "joined",
    "page_anchors",
    "unlink_missing",
    "walk",
]


@dataclass(frozen=True)
class _Run:
    text: str


class Strong(_Run):
    """Bold text (a lead-in before a sentence)."""


class Emph(_Run):
    """Emphasised text."""


class Mark(_Run):
    """A highlighted key phrase inside a quote."""


class Code(_Run):
    """An identifier shown as code (a statement id, a note id)."""


@dataclass(frozen=True)
class Link:
    """A link; ``href`` is relative (a page beside this one, or ``#anchor`` on this page) or http(s)."""

    text: str
    href: str


@dataclass(frozen=True)
class Anchor:
    """Text that links on the page can point at (``#id``): a statement in the notes."""

    text: str
    id: str


@dataclass(frozen=True)
class Tag:
    """A short label set apart from the text (a badge, a key word); ``kind`` is a styling hint."""

    text: str
    kind: str = ""


Inline = Union[str, Strong, Emph, Link, Mark, Code, Anchor, Tag]
Inlines = tuple[Inline, ...]


def inlines(*parts: Inline | Inlines | None) -> Inlines:
    """Join runs into one :data:`Inlines` tuple.

    A ``str`` is plain text, tuples are flattened, None and "" are left out.
    """
    out: list[Inline] = []
    for part in parts:
        if part is None or part == "":
            continue
        if isinstance(part, tuple):
            out.extend(p for p in part if p != "")
        else:
            out.append(part)
    return tuple(out)


@dataclass(frozen=True)
class Heading:
    """A heading; level 1 is the page's title. ``anchor`` is the id links point at."""

    level: int
    text: Inlines
    anchor: str = ""


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of running text."""

    text: Inlines
    kind: str = ""


@dataclass(frozen=True)
class BulletList:
    """A bulleted list; one :data:`Inlines` per item."""

    items: tuple[Inlines, ...]


@dataclass(frozen=True)
class Table:
    """A table. An empty ``header`` makes a key–value table whose first column is the key."""

    header: tuple[str, ...]
    rows: tuple[tuple[Inlines, ...], ...]
    caption: str = ""


@dataclass(frozen=True)
class Figure:
    """A chart. ``name`` is its stable id (the HTML div id, the key of its PNG for the DOCX)."""

    name: str
    caption: str
    figure: go.Figure


@dataclass(frozen=True)
class Quote:
    """A group's own words and where they come from ("Gruppe 3")."""

    text: Inlines
    source: Inlines


@dataclass(frozen=True)
class Note:
    """A notice set apart from the text (e.g. the marker for invented data); ``kind`` is a styling hint."""

    text: Inlines
    kind: str = "info"


@dataclass(frozen=True)
class Section:
    """A group of blocks that belong together (one theme).

    ``collapsed`` is the summary line of a fold in HTML.

    Markdown and DOCX render the blocks one after the other (a fold's summary line is not shown).
    """

    blocks: tuple[Block, ...]
    kind: str = ""
    anchor: str = ""
    collapsed: str = ""


Block = Union[Heading, Paragraph, BulletList, Table, Figure, Quote, Note, Section]


@dataclass(frozen=True)
class Page:
    """One report page: its title (the browser tab, the DOCX title), language and blocks.

    ``date`` stamps the DOCX package (created/modified), so the same report gives the same bytes.
    """

    title: str
    lang: str
    blocks: tuple[Block, ...]
    date: dt.date | None = None


def inline_text(run: Inline | Inlines) -> str:
    """The plain text of runs, as a reader sees it."""
    if isinstance(run, tuple):
        return "".join(inline_text(r) for r in run)
    return run if isinstance(run, str) else run.text


def walk(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """Every block in order, sections opened (a :class:`Section` itself is not yielded)."""
    for block in blocks:
        if isinstance(block, Section):
            yield from walk(block.blocks)
        else:
            yield block


def block_text(block: Block) -> str:
    """The plain text of one block (what every renderer must show of it), words separated by single spaces."""
    if isinstance(block, (Heading, Paragraph, Note)):
        parts = [inline_text(block.text)]
    elif isinstance(block, BulletList):
        parts = [inline_text(item) for item in block.items]
    elif isinstance(block, Table):
        parts = [*block.header, *(inline_text(cell) for row in block.rows for cell in row)]
    elif isinstance(block, Figure):
        parts = [block.caption]
    elif isinstance(block, Quote):
        parts = [inline_text(block.text), inline_text(block.source)]
    elif isinstance(block, Section):
        parts = [block_text(b) for b in block.blocks]
    else:  # pragma: no cover - the union is closed
        raise TypeError(f"not a block: {block!r}")
    return " ".join(" ".join(parts).split())


def _map_inlines(block: Block, f: Callable[[Inlines], Inlines]) -> Block:
    """The block with ``f`` applied to each of its runs of inlines (sections opened)."""
    if isinstance(block, (Heading, Paragraph, Note)):
        return replace(block, text=f(block.text))
    if isinstance(block, BulletList):
        return replace(block, items=tuple(f(item) for item in block.items))
    if isinstance(block, Table):
        return replace(block, rows=tuple(tuple(f(cell) for cell in row) for row in block.rows))
    if isinstance(block, Quote):
        return replace(block, text=f(block.text), source=f(block.source))
    if isinstance(block, Section):
        return replace(block, blocks=tuple(_map_inlines(b, f) for b in block.blocks))
    return block


def demoted(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks with every heading one level lower (sections opened): a part placed under a heading."""
    return tuple(
        replace(b, level=b.level + 1)
        if isinstance(b, Heading)
        else replace(b, blocks=demoted(b.blocks))
        if isinstance(b, Section)
        else b
        for b in blocks
    )


def page_anchors(blocks: tuple[Block, ...]) -> set[str]:
    """Every id on a page that a ``#link`` can open: headings', sections' and anchors' ids."""
    found: set[str] = set()

    def collect(runs: Inlines) -> Inlines:
        found.update(r.id for r in runs if isinstance(r, Anchor) and r.id)
        return runs

    for block in blocks:
        if isinstance(block, (Heading, Section)) and block.anchor:
            found.add(block.anchor)
        if isinstance(block, Section):
            found |= page_anchors(block.blocks)
        else:
            _map_inlines(block, collect)
    return found


def unlink_missing(page: Page) -> Page:
    """The page with each link to a place on it that the page does not show made plain text.

    A theme tag under a statement links to ``#emne-3``; when the page leaves that theme out
    (it restates the area, or is below the page's threshold), the tag stays as words, without a
    link that opens nothing.
    """
    ids = page_anchors(page.blocks)

    def fix(runs: Inlines) -> Inlines:
        return tuple(
            r.text if isinstance(r, Link) and r.href.startswith("#") and r.href[1:] not in ids else r
            for r in runs
        )

    return replace(page, blocks=tuple(_map_inlines(b, fix) for b in page.blocks))


def joined(runs: list[Inline], sep: str = ", ") -> Inlines:
    """The runs with ``sep`` between each two: ``a, b, c``."""
    out: list[Inline] = []
    for i, run in enumerate(runs):
        if i:
            out.append(sep)
        out.append(run)
    return tuple(out)
