"""Render a :class:`~pipeline.report.blocks.Page` as Markdown. Nothing here writes files.

Every text is escaped for Markdown and HTML (:func:`~pipeline.report.wording.escape_markdown`):
a core area named ``Ældre [x](javascript:alert(2))`` is text, not a link, and
``Skole<img src=x onerror=alert(1)>`` is not an image. The only markup in the output is the
renderer's own. Charts are named by their caption (the HTML and DOCX carry the chart itself).
"""

from __future__ import annotations

import re

from pipeline.report import blocks as pm
from pipeline.report.links import safe_href
from pipeline.report.wording import escape_markdown

__all__ = ["render_markdown"]

_ID = re.compile(r"[^A-Za-z0-9_.:-]")


def _text(text: str) -> str:
    # One line: a line break in a label or a cell would end the list item or the table row.
    return escape_markdown(" ".join(str(text).split()))


def _inline(run: pm.Inline) -> str:
    if isinstance(run, str):
        # Keep the spaces around a run (a bold lead-in, then the text), but nothing else of the layout.
        lead = " " if run[:1].isspace() else ""
        tail = " " if run[-1:].isspace() and run.strip() else ""
        return lead + _text(run) + tail
    text = _text(run.text)
    if isinstance(run, pm.Strong):
        return f"**{text}**" if text else ""
    if isinstance(run, pm.Emph):
        return f"*{text}*" if text else ""
    if isinstance(run, pm.Link):
        href = safe_href(run.href)
        # Spaces and brackets in a path would end the link target early.
        href = href.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
        return f"[{text}]({href})" if href else text
    if isinstance(run, pm.Code):
        return f"`{run.text}`" if "`" not in run.text and run.text.strip() else text
    if isinstance(run, pm.Anchor):
        anchor = _ID.sub("", run.id)
        return f'<a id="{anchor}"></a>{text}' if anchor else text
    if isinstance(run, (pm.Mark, pm.Tag)):
        return text
    raise TypeError(f"not an inline: {run!r}")


def _inlines(runs: pm.Inlines) -> str:
    return "".join(_inline(r) for r in runs).strip()


class _Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.figures = 0

    def block(self, b: pm.Block) -> None:
        out = self.parts.append
        if isinstance(b, pm.Heading):
            self.anchor(b.anchor)
            out("#" * min(max(b.level, 1), 6) + " " + _inlines(b.text))
        elif isinstance(b, pm.Paragraph):
            text = _inlines(b.text)
            out("> " + text if b.kind == "question" else text)
        elif isinstance(b, pm.BulletList):
            out("\n".join("- " + _inlines(item) for item in b.items))
        elif isinstance(b, pm.Table):
            out(self.table(b))
        elif isinstance(b, pm.Figure):
            self.figures += 1
            out(f"*Figur {self.figures}: {_text(b.caption)}* (diagrammet findes i HTML- og Word-udgaven)")
        elif isinstance(b, pm.Quote):
            out(f"> {_inlines(b.text)} ({_inlines(b.source)})")
        elif isinstance(b, pm.Note):
            out("> " + _inlines(b.text))
        elif isinstance(b, pm.Section):
            self.anchor(b.anchor)
            self.blocks(b.blocks)
        else:
            raise TypeError(f"not a block: {b!r}")

    def anchor(self, anchor: str) -> None:
        """The place a link points at, on a line of its own (as the HTML's id).

        A link to a theme opens in Markdown too.
        """
        anchor = _ID.sub("", anchor)
        if anchor:
            self.parts.append(f'<a id="{anchor}"></a>')

    @staticmethod
    def table(b: pm.Table) -> str:
        lines = []
        if b.caption:
            lines += [f"*{_text(b.caption)}*", ""]
        if not b.header:  # a key–value table: one line per key
            lines += [
                f"- **{_inlines(row[0])}:** " + " · ".join(_inlines(c) for c in row[1:]) for row in b.rows
            ]
            return "\n".join(lines)
        lines.append("| " + " | ".join(_text(h) for h in b.header) + " |")
        lines.append("|" + "---|" * len(b.header))
        lines += ["| " + " | ".join(_inlines(c) for c in row) + " |" for row in b.rows]
        return "\n".join(lines)

    def blocks(self, blocks: tuple[pm.Block, ...]) -> None:
        for b in blocks:
            self.block(b)


def render_markdown(page: pm.Page) -> str:
    """The page as Markdown text.

    One blank line between blocks, a newline at the end; the same page gives the same bytes.
    """
    writer = _Writer()
    writer.blocks(page.blocks)
    return "\n\n".join(p for p in writer.parts if p) + "\n"
