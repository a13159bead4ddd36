"""Pure ``str -> str`` helpers for note text, shared by the readers."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["BULLET_RE", "clean_text", "decode_bytes", "join_wrapped_lines", "sniff_delimiter"]

SOFT_HYPHEN = "\u00ad"
BULLET_RE = re.compile(r"^\s*(?:[•\-*–·▪●]|\d{1,2}[.)])\s+")

# How notes name a group, in one place for every reader.
#: The words a summary or document writes before a group's number ("Gruppe 3", "Bord 2").
GROUP_WORD = r"(?:Gruppe|Bord)"
#: "Gruppe 3" with the word and the number as named groups ``label`` and ``num``.
GROUP_LABEL = r"(?P<label>Gruppe|Bord)\s+(?P<num>\d{1,2})"
#: Words that may stand before a group number in a table cell or a file name (any case).
GROUP_ALIASES = r"(?:gruppe|grupper|bord|group|table)"
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
    for raw_prev, raw_next in zip(lines, lines[1:], strict=False):
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


def clean_text(text: str) -> str:
    """Normalise a note's text: NFC, no soft hyphens or control characters, tidy whitespace.

    Bullet lines keep their line breaks (the NLP stage splits bullets into statements);
    other line breaks inside a paragraph become spaces; blank lines separate paragraphs.
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
        for line in lines:
            if merged and not BULLET_RE.match(line):
                merged[-1] = f"{merged[-1]} {line}"
            else:
                merged.append(line)
        paragraphs.append("\n".join(merged))
    return "\n\n".join(paragraphs)


def require_zip_package(data: bytes, file: str, *, empty_fix: str, problem: str, fix: str) -> None:
    """Check that an Office file (XLSX, DOCX) is not empty and is a zip package, as those formats are.

    Raises:
        InputError: The file is empty, or not a zip package (``problem`` and ``fix`` say which format).
    """
    import io
    import zipfile

    from pipeline.errors import InputError

    if not data.strip():
        raise InputError(file, "whole file", "the file is empty", empty_fix)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(file, "whole file", problem, fix)


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
