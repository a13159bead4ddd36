"""Names as the inputs write them, made comparable: casefolded keys and file-name slugs."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_name", "slugify"]


def normalize_name(text: str) -> str:
    """Casefold and collapse whitespace so that names from different inputs can be matched."""
    text = unicodedata.normalize("NFC", str(text))
    return re.sub(r"\s+", " ", text).strip().casefold()


def slugify(text: str) -> str:
    """Turn a Danish name into a file-name slug: ``"Økonomi, Personale og IT"`` -> ``"oekonomi-personale-og-it"``."""
    text = normalize_name(text)
    for src, dst in (("æ", "ae"), ("ø", "oe"), ("å", "aa")):
        text = text.replace(src, dst)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
