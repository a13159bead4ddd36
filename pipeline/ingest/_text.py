"""Pure ``str -> str`` helpers for note text, shared by the readers."""

from __future__ import annotations

import itertools
import re
import unicodedata

from pipeline.privacy.redactor import PLACEHOLDERS

__all__ = [
    "BULLET_RE",
    "clean_text",
    "decode_bytes",
    "join_wrapped_lines",
    "list_item_starts",
    "sniff_delimiter",
    "strip_list_markers",
]

SOFT_HYPHEN = "\u00ad"
#: The symbols that mark a list item ("•", "-", "*", "–", "·", "▪", "●").
_BULLET_SYMBOL = r"[•\-*–·▪●]"
#: A list's number ("3.", "3)"), the number as a group.
_LIST_NUMBER = r"(\d{1,2})[.)]"
#: A list item's marker at a line's start: a bullet symbol or a number, and the space after it.
BULLET_RE = re.compile(rf"^\s*(?:{_BULLET_SYMBOL}|{_LIST_NUMBER})\s+")
#: A bullet symbol at a line's start: a list item wherever it stands.
_SYMBOL_BULLET = re.compile(rf"^\s*{_BULLET_SYMBOL}\s+")
#: A number at a line's start ("3. ", "3) "): a list item only where a list is (:func:`list_item_starts`).
_NUMBER_MARK = re.compile(rf"^\s*{_LIST_NUMBER}\s+")

# How notes name a group, in one place for every reader.
#: The words a summary or document writes before a group's number ("Gruppe 3", "Bord 2", "Gr. 5").
GROUP_WORD = r"(?:Gruppe|Bord|Gr\.)"
#: A group's number: digits of any length (the limit is checked with the note, so "Gruppe 1000" is
#: rejected with its reason, not read as group 100) or a Roman numeral ("Gruppe III").
GROUP_NUMBER = r"(?:\d+|[IVXL]{1,6})(?![\w])"
#: "Gruppe 3" with the word and the number as named groups ``label`` and ``num``.
GROUP_LABEL = rf"(?P<label>Gruppe|Bord|Gr\.)\s*(?<=\s|\.)(?P<num>{GROUP_NUMBER})"
#: Words that may stand before a group number in a table cell or a file name (any case).
GROUP_ALIASES = r"(?:gruppe|grupper|bord|group|table)"
#: A group with a name instead of a number, as a heading or a paragraph opens it ("Bord A",
#: "Gruppe Rød", "Bord Nord 2"): the word, then one to three words whose first starts with a
#: capital letter (so "Gruppe drøftede …" and "Bord til …" are no group), as ``name``.
GROUP_NAMED = r"(?P<name>(?:Gruppe|Bord)\s+[A-ZÆØÅ][\wÆØÅæøå]{0,20}(?:[ \-][A-ZÆØÅ0-9][\wÆØÅæøå]{0,20}){0,2})"
# A hyphen before one of these words is a suspended compound ("familie- og netværksbaseret"),
# not a word broken across lines.
_SUSPENSION_WORDS = {"og", "eller", "samt", "til", "som", "men", "&"}


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode text that may be UTF-16 (Excel's Unicode text), UTF-8 (with or without BOM), cp1252 or latin-1.

    Danish files saved by older Excel or Word versions are often cp1252; trying UTF-8 first is
    safe because cp1252 text with æøå is almost never valid UTF-8.

    Returns:
        The text and the name of the encoding that worked.
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # Excel's "Unicode text" and "UTF-16" exports
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    if len(data) >= 4 and data.count(b"\x00") >= len(data) // 3:  # UTF-16 without a byte-order mark
        le_first = data[1::2].count(b"\x00") >= data[0::2].count(b"\x00")  # ASCII "a" is 61 00 in LE
        for encoding in ("utf-16-le", "utf-16-be") if le_first else ("utf-16-be", "utf-16-le"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text:
                return text, encoding
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding), "utf-8" if encoding == "utf-8-sig" else encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def sniff_delimiter(text: str) -> str:
    """The separator of a CSV text, judged from its header line: ``,``, ``;`` (Danish Excel) or tab."""
    import csv

    try:
        return csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def join_wrapped_lines(lines: list[str]) -> str:
    """Join the lines of one paragraph that a PDF layout wrapped.

    Handles three kinds of line end:

    * ``"pårøren-"`` + ``"de"``: a hyphenated break, joined without the hyphen; but
      ``"IT-"`` + ``"sikkerhed"`` keeps it (``"IT-sikkerhed"``) and a suspended compound
      (``"familie-"`` + ``"og"``) keeps hyphen and space;
    * a soft hyphen (U+00AD) at the end: joined;
    * a line that ends in a letter *without* the trailing space that the other lines of the
      paragraph carry: PDF text extraction dropped a soft hyphen there (``"grund"`` +
      ``"læggende"``), so the word is joined. This signal is only used when most line ends
      of the paragraph do carry a trailing space.

    Any other line break becomes a space.
    """
    lines = [line.replace("\t", " ") for line in lines if line.strip()]
    if not lines:
        return ""
    ends = lines[:-1]
    spaced = sum(1 for line in ends if line != line.rstrip())
    use_space_signal = len(ends) >= 2 and spaced >= 0.6 * len(ends)
    out = lines[0].strip()
    for raw_prev, raw_next in itertools.pairwise(lines):
        nxt = raw_next.strip()
        first_word = nxt.split(" ", 1)[0].casefold()
        if out.endswith(SOFT_HYPHEN):
            out = out[:-1] + nxt
        elif re.search(r"[a-zæøåéü]-$", out) and nxt[:1].islower() and first_word not in _SUSPENSION_WORDS:
            out = out[:-1] + nxt
        elif out.endswith("-") and not out.endswith(" -") and first_word not in _SUSPENSION_WORDS:
            out = out + nxt  # a real hyphen: "IT-" + "sikkerhed", "Covid-" + "19"
        elif use_space_signal and raw_prev == raw_prev.rstrip() and out[-1:].isalpha() and nxt[:1].islower():
            out = out + nxt
        else:
            out = out + " " + nxt
    return out


def _number_marks(lines: list[str]) -> list[int | None]:
    """The number a line opens with as a list's would ("3. ", "3) "), or None."""
    return [int(m.group(1)) if (m := _NUMBER_MARK.match(line)) else None for line in lines]


def list_item_starts(lines: list[str]) -> list[bool]:
    """Per line, whether it opens a list item: a bullet symbol, or a number where a list is.

    A number with a full stop or a bracket ("2. ", "2) ") is a list's only when the numbered
    line before it (lines without a number between are an item's wrapped text) has the number
    before, or the numbered line after it the number after: "1. trivsel" / "2. mobning" is a
    list, "10. klasse skal have vejledning" alone is an ordinal and its noun.
    """
    marks = _number_marks(lines)
    before: list[int | None] = []
    last = None
    for mark in marks:
        before.append(last)
        last = mark if mark is not None else last
    after: list[int | None] = [None] * len(marks)
    nxt = None
    for i in range(len(marks) - 1, -1, -1):
        after[i] = nxt
        nxt = marks[i] if marks[i] is not None else nxt
    out = []
    for line, mark, prev, follow in zip(lines, marks, before, after, strict=True):
        in_list = mark is not None and (prev == mark - 1 or follow == mark + 1)
        out.append(in_list or bool(_SYMBOL_BULLET.match(line)))
    return out


def strip_list_markers(lines: list[str]) -> list[str]:
    """The lines without the marker of the list items among them (:func:`list_item_starts`).

    >>> strip_list_markers(["1. trivsel", "2. mobning", "10. klasse skal have vejledning"])
    ['trivsel', 'mobning', '10. klasse skal have vejledning']
    """
    return [
        BULLET_RE.sub("", line, count=1) if item else line
        for line, item in zip(lines, list_item_starts(lines), strict=True)
    ]


def clean_text(text: str) -> str:
    """Normalise a note's text: NFC, no soft hyphens or control characters, tidy whitespace.

    List items keep their line breaks (:func:`list_item_starts`; the NLP stage splits them
    into statements); other line breaks inside a paragraph become spaces; blank lines separate paragraphs.
    """
    text = unicodedata.normalize("NFC", str(text)).replace(SOFT_HYPHEN, "")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        lines = [re.sub(r"[ \t]+", " ", line).strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        merged: list[str] = []
        for line, item in zip(lines, list_item_starts(lines), strict=True):
            if merged and not item:
                merged[-1] = f"{merged[-1]} {line}"
            else:
                merged.append(line)
        paragraphs.append("\n".join(merged))
    return "\n\n".join(paragraphs)


# : Largest unpacked size of an Office file (XLSX, DOCX): the readers hold the whole sheet or document in
# memory.
MAX_UNPACKED_BYTES = 300_000_000


def require_zip_package(data: bytes, file: str, *, expected: str, empty_fix: str) -> None:
    """Check that an Office file (``expected``: ``".xlsx"``, ``".docx"``) is a zip package of that format.

    Raises:
        InputError: The file is empty, is no zip package (password-protected, an old format, a
            text file, cut short: :func:`pipeline.ingest._package.not_a_package` says which), is
            the other Office format, or unpacks to too much.
    """
    import io
    import zipfile

    from pipeline.errors import InputError
    from pipeline.ingest._package import foreign_package, not_a_package

    if not data.strip():
        raise InputError(file, "whole file", "the file is empty", empty_fix)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(file, "whole file", *not_a_package(data, expected))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
    except zipfile.BadZipFile:
        raise InputError(file, "whole file", *not_a_package(b"PK\x03\x04", expected)) from None
    if other := foreign_package([info.filename for info in infos], expected):
        raise InputError(file, "whole file", *other)
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_UNPACKED_BYTES:  # a zip bomb, or far more than any seminar's notes
        raise InputError(
            file,
            "whole file",
            f"the file unpacks to {unpacked / 1e6:,.0f} MB, more than the {MAX_UNPACKED_BYTES / 1e6:,.0f} "
            "MB a notes file can have",
            "save the notes alone in a new file (no images or embedded files), or as CSV.",
        )


def read_text_notes(data: bytes, file: str, parse, *, empty_fix: str):
    """Decode a text notes file and parse it: ``(parse(text), {"encoding": …})``.

    Raises:
        InputError: The file is empty (``empty_fix`` says what to do), or ``parse`` raises it.
    """
    from pipeline.errors import InputError

    if not data.strip():
        raise InputError(file, "whole file", "the file is empty", empty_fix)
    text, encoding = decode_bytes(data)
    return parse(text), {"encoding": encoding}


# Markup in a note is text the group did not say: HTML/XML tags (with the code inside <script>
# and <style>), character references, the targets of Markdown links and images, and the
# placeholders that stand for removed personal data (no theme is called "Navn" or "Cpr"). It stays in
# the note and its quotes; the language pipeline sees spaces in its place (same length, so the
# quotes are cut from the note itself).
_MARKUP_RE = re.compile(
    r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|$)"  # an element whose content is code
    r"|<(?P<tag>/?[A-Za-z!?/][^<>\n]{0,300})>"  # something in angle brackets: a tag? (_is_tag)
    r"|&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,10});"  # a character reference
    r"|(?<=\])\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)"  # a Markdown link or image target ](url)
    r"|\b(?:javascript|vbscript|data):[^\s<>]*"  # a script URL on its own
    # a placeholder for removed personal data (pipeline.privacy), each kind's
    r"|" + "|".join(re.escape(p) for p in sorted(PLACEHOLDERS.values())),
    re.I | re.S,
)

#: HTML element names (HTML5 and the older ones pasted text still carries): ``<b>``, ``<br>``,
#: ``<span>`` are tags even without attributes.
HTML_TAGS: frozenset[str] = frozenset(
    """a abbr acronym address area article aside audio b base basefont bdi bdo big blink blockquote
    body br button canvas caption center cite code col colgroup data datalist dd del details dfn
    dialog dir div dl dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3
    h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main map mark
    marquee math menu meta meter nav nobr noembed noframes noscript object ol optgroup option output
    p param path picture pre progress q rp rt ruby s samp script search section select slot small
    source span strike strong style sub summary sup svg table tbody td template textarea tfoot th
    thead time title tr track tt u ul var video wbr xml xmp""".split()
)

# A tag by its syntax: "</x>" closes, "<!-- -->"/"<!DOCTYPE>"/"<?xml?>" declare, "<x/>" closes
# itself, "<w:p>" has an XML namespace, "<x a=1>" / "<x a='1'>" has an attribute.
_TAG_SYNTAX = re.compile(
    r"^(?:[/!?].*|.*/|[A-Za-z][\w.-]*:[\w.:-]+(?:\s.*)?|[A-Za-z][\w.:-]*\s+.*=.*)$", re.S
)
_TAG_NAME = re.compile(r"[A-Za-z][\w.:-]*")


def _is_tag(inner: str, closed: frozenset[str]) -> bool:
    """Whether ``<inner>`` is an HTML/XML tag, not a word a note-taker put in angle brackets ("<ikke>").

    A tag by its syntax (:data:`_TAG_SYNTAX`), by a known element name (:data:`HTML_TAGS`:
    "<b>", "<br>"), or by a closing tag of the same name elsewhere in the text (``closed``:
    "<navn>…</navn>").
    """
    if _TAG_SYNTAX.match(inner):
        return True
    name = _TAG_NAME.match(inner)
    return (
        name is not None
        and name.group(0) == inner.strip()
        and (name.group(0).lower() in HTML_TAGS or name.group(0).lower() in closed)
    )


#: Longest piece of text handed to the language pipeline at once. spaCy refuses texts over
#: 1,000,000 characters (E088) and needs about 1 GB a 100,000 characters with a parser.
MAX_BLOCK_CHARS = 100_000
_SENTENCE_END = re.compile(r"[.!?…]['\")\]]*\s+")


def mask_markup(text: str) -> str:
    """``text`` with markup replaced by spaces of the same length: not words for themes.

    A word in angle brackets ("det er <ikke> nok") is the note-taker's, not markup: only real tag
    syntax is masked (:func:`_is_tag`).
    """
    closed = (
        frozenset(m.lower() for m in re.findall(r"</([A-Za-z][\w.:-]*)\s*>", text))
        if "</" in text
        else frozenset()
    )

    def blank(m: re.Match) -> str:
        inner = m.group("tag")
        return m.group(0) if inner is not None and not _is_tag(inner, closed) else " " * len(m.group(0))

    return _MARKUP_RE.sub(blank, text)


def cut_long_text(text: str, limit: int | None = None) -> list[str]:
    """Cut a text longer than ``limit`` (default :data:`MAX_BLOCK_CHARS`) into pieces.

    At sentence ends, else at a space, else hard. The pieces joined give the text back exactly.
    """
    limit = limit or MAX_BLOCK_CHARS
    pieces = []
    while len(text) > limit:
        window = text[:limit]
        ends = [m.end() for m in _SENTENCE_END.finditer(window)]
        cut = ends[-1] if ends else (window.rfind(" ") + 1 or limit)
        pieces.append(text[:cut])
        text = text[cut:]
    pieces.append(text)
    return pieces


def nlp_blocks(blocks: list[str]) -> list[tuple[str, str]]:
    """The blocks of a note as ``(text for the language pipeline, text for quotes)`` pairs.

    Long blocks are cut at sentence ends (:func:`cut_long_text`), markup masked (:func:`mask_markup`).
    """
    return [(mask_markup(piece), piece) for block in blocks for piece in cut_long_text(block)]
