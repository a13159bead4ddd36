"""What a file that should be an Office package (XLSX, DOCX) is instead: the one message that says so.

An XLSX or DOCX file is a zip package. A file with that ending that is none is, in practice, one
of a few things, each with its own fix: a workbook or document protected with a password (Office
stores it encrypted, in the old compound-file container), an old ``.xls``/``.doc`` renamed, a CSV
or text file renamed, a PDF, or a copy cut short. A zip package may also be the other Office
format (a workbook named ``.docx``). The other way round, a file with a text ending (``.csv``) may
hold an Office file, a PDF or binary data (:func:`wrong_content`).
"""

from __future__ import annotations

import unicodedata

__all__ = ["foreign_package", "not_a_package", "wrong_content"]

#: The first bytes of an OLE compound file: old .xls/.doc files and password-protected .xlsx/.docx.
_COMPOUND_FILE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: The stream an encrypted (password-protected) Office package holds, its name as the container writes it.
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
#: Per ending: the part every such package has, what it is (with its article), the program, and its
#: old binary ending.
_FORMATS = {
    ".xlsx": ("xl/workbook.xml", "an Excel workbook", "Excel", ".xls"),
    ".docx": ("word/document.xml", "a Word document", "Word", ".doc"),
    ".pptx": ("ppt/presentation.xml", "a PowerPoint presentation", "PowerPoint", ".ppt"),
}


def _looks_like_text(data: bytes) -> bool:
    """Whether the start of ``data`` is text (a CSV or a summary renamed), not a binary file.

    Read as cp1252, UTF-8 text too is printable ("Ã¦" for "æ"); a binary file has NUL and control bytes.
    """
    text = data[:4096].decode("cp1252", errors="replace")
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\r\n\t")
    return "\x00" not in text and printable >= 0.95 * max(len(text), 1)


def not_a_package(data: bytes, expected: str) -> tuple[str, str]:
    """Why ``data`` (not a zip package) cannot be read as an ``expected`` (``".xlsx"``) file, and the fix.

    Returns:
        ``(problem, fix)`` for an :class:`~pipeline.errors.InputError`.
    """
    _, what, app, old = _FORMATS[expected]
    save = f"open it in {app} and save it as {expected} (File > Save As), then run again."
    if data.startswith(_COMPOUND_FILE):
        if _ENCRYPTION_INFO in data:
            return (
                f"the {what.split(' ', 1)[1]} is protected with a password, so it is stored encrypted and "
                "cannot be read",
                f"open it in {app}, remove the password (File > Info > Protect > Encrypt with Password: "
                "clear the password), save it, then run again.",
            )
        return f"this is an old {old} file (not {expected}) with the {expected} ending", save
    if data.startswith(b"%PDF-"):
        return f"this is a PDF, not {what}, with the {expected} ending", "rename the file to end in .pdf."
    if data.startswith(b"PK\x03\x04"):
        return (
            "the file is cut short or damaged (a zip package without its end, as an interrupted copy or "
            "download leaves it)",
            f"copy or download the file again, or {save}",
        )
    if _looks_like_text(data):
        return (
            f"this is a text file (a CSV table or plain text), not {what}, with the {expected} ending",
            f"rename it to end in .csv (a table of notes) or .txt (a summary), or {save}",
        )
    return f"this is not {what} ({expected}): the file is not a zip package", save


def foreign_package(names: list[str], expected: str) -> tuple[str, str] | None:
    """``(problem, fix)`` when a zip package with these part ``names`` is another Office format."""
    own = _FORMATS[expected][0]
    if own in names:
        return None
    for ending, (part, what, _, _) in _FORMATS.items():
        if ending != expected and part in names:
            return (
                f"this is {what}, not {expected}, with the {expected} ending",
                f"rename it to end in {ending}.",
            )
    return None


def wrong_content(data: bytes, suffix: str, head: str) -> tuple[str, str] | None:
    """``(problem, fix)`` when a file with a text ending (``.csv``, ``.txt``, ``.md``) holds no text.

    An Office package, an old or password-protected Office file or a PDF by its first bytes; else
    binary data (``head``, the decoded start of the file, has NUL or many control characters). None: text.
    """
    if data.startswith(b"PK\x03\x04"):
        import io
        import zipfile

        try:
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                names = package.namelist()
        except (zipfile.BadZipFile, OSError):
            names = []
        for ending, (part, what, _, _) in _FORMATS.items():
            if part in names:
                return f"this is {what}, not text, with the {suffix} ending", f"rename it to end in {ending}."
    if data.startswith(b"%PDF-"):
        return f"this is a PDF, not text, with the {suffix} ending", "rename the file to end in .pdf."
    if data.startswith(_COMPOUND_FILE):
        return (
            f"this is an Office file (an old .xls/.doc, or one protected with a password), not text, with "
            f"the {suffix} ending",
            "open it in Excel or Word, remove any password, and save it as .xlsx or .docx.",
        )
    # control characters proper (a note may hold a stray one, or zero-width marks, which are no Cc)
    controls = sum(1 for ch in head if unicodedata.category(ch) == "Cc" and ch not in "\r\n\t")
    if "\x00" in head or controls > 0.1 * len(head):
        return (
            f"the file holds binary data, not text, though it ends in {suffix}",
            "export the notes again: from Excel as 'CSV UTF-8', from Word or a PDF as plain text (.txt).",
        )
    return None
