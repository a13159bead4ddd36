"""Names as the inputs write them, made comparable: casefolded keys and file-name slugs."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["MAX_SLUG", "normalize_name", "shorten", "slugify"]


def normalize_name(text: str) -> str:
    """Casefold and collapse whitespace so that names from different inputs can be matched."""
    text = unicodedata.normalize("NFC", str(text))
    return re.sub(r"\s+", " ", text).strip().casefold()


def slugify(text: str) -> str:
    """Turn a Danish name into a file-name slug.

    ``"Økonomi, Personale og IT"`` -> ``"oekonomi-personale-og-it"``.
    """
    text = normalize_name(text)
    for src, dst in (("æ", "ae"), ("ø", "oe"), ("å", "aa")):
        text = text.replace(src, dst)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > MAX_SLUG:  # a file name has at most 255 bytes: cut, and keep names apart by a hash
        import hashlib

        slug = slug[: MAX_SLUG - 9].rstrip("-") + "-" + hashlib.sha1(slug.encode()).hexdigest()[:8]
    return slug


#: Longest file-name slug: room for a suffix and a year under the 255-byte limit of file names.
MAX_SLUG = 80


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at a word end, with "…" when it was cut.

    For fields a format limits (a DOCX title holds at most 255 characters).
    """
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip() + "…"
