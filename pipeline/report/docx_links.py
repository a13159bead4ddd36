"""Links within a Word document: a page's ``#anchor`` links as Word hyperlinks to bookmarks.

A page links a theme's label to the statement it comes from in the notes (``#s-<id>``) and a
statement back to its theme (``#emne-N``); in the HTML and the Markdown one click follows them.
The DOCX keeps them too: every place a link can point at (an :class:`~pipeline.report.blocks.Anchor`,
a heading's or a section's anchor) becomes a bookmark, and every ``#`` link a hyperlink to it, so
a reader of the Word document reaches the evidence in one click as well. Links to other files stay
text: a Word document stands alone.
"""

from __future__ import annotations

import hashlib
import re

__all__ = ["Bookmarks"]

#: Word's rules for a bookmark name: a letter first, then letters, digits and underscores, at most 40.
_NOT_NAME = re.compile(r"[^A-Za-z0-9_]")
_MAX_NAME = 40
#: Word's own hyperlink colour (the "Hyperlink" character style is not in python-docx's template).
_LINK_RGB = (0x05, 0x63, 0xC1)


def _name(anchor: str) -> str:
    """A bookmark name for a page anchor (``s-ab12-01`` → ``s_ab12_01``); a long one ends with its hash."""
    name = _NOT_NAME.sub("_", anchor)
    if not name[:1].isalpha():
        name = "a" + name
    if len(name) > _MAX_NAME:
        digest = hashlib.sha1(anchor.encode("utf-8")).hexdigest()[:8]
        name = f"{name[: _MAX_NAME - 9]}_{digest}"
    return name


class Bookmarks:
    """The bookmarks of one document: names given once per anchor, ids numbered in order (same bytes)."""

    def __init__(self) -> None:
        """No bookmarks yet."""
        self.names: dict[str, str] = {}
        self.taken: set[str] = set()  # the names given, kept so a new anchor is checked in one step
        self.placed: set[str] = set()
        self.next_id = 0

    def name(self, anchor: str) -> str:
        """The bookmark name of an anchor, the same for the link and the place it points at."""
        if anchor not in self.names:
            name, k = _name(anchor), 1
            while name in self.taken:  # two anchors that differ only in characters Word does not allow
                k += 1
                name = f"{_name(anchor)[: _MAX_NAME - 4]}_{k}"
            self.names[anchor] = name
            self.taken.add(name)
        return self.names[anchor]

    def _pair(self, anchor: str):
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
        start.set(qn("w:id"), str(self.next_id))
        start.set(qn("w:name"), self.name(anchor))
        end.set(qn("w:id"), str(self.next_id))
        self.next_id += 1
        self.placed.add(anchor)
        return start, end

    def around(self, paragraph, anchor: str, run) -> None:
        """Mark ``run`` (just added to ``paragraph``) as the place ``#anchor`` opens."""
        if not anchor or anchor in self.placed:
            return
        start, end = self._pair(anchor)
        run._r.addprevious(start)
        run._r.addnext(end)

    def at_start(self, p_element, anchor: str) -> None:
        """Mark the start of a paragraph (``w:p``) as the place ``#anchor`` opens (a heading, a section)."""
        if not anchor or anchor in self.placed:
            return
        start, end = self._pair(anchor)
        at = 1 if p_element.pPr is not None else 0
        p_element.insert(at, start)
        start.addnext(end)

    def link(self, paragraph, text: str, anchor: str):
        """Add ``text`` to ``paragraph`` as a hyperlink to the bookmark of ``anchor``; returns its run."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import RGBColor

        run = paragraph.add_run(text)
        hyperlink = OxmlElement("w:hyperlink")
        hyperlink.set(qn("w:anchor"), self.name(anchor))
        hyperlink.set(qn("w:history"), "1")
        run._r.addprevious(hyperlink)
        hyperlink.append(run._r)
        run.font.underline = True
        run.font.color.rgb = RGBColor(*_LINK_RGB)
        return run
