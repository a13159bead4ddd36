"""Which link targets a report may carry: relative paths, anchors on the page, and web addresses."""

from __future__ import annotations

import re

__all__ = ["safe_href"]

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def safe_href(href: str) -> str:
    """``href`` if it is a relative link, an anchor or an http(s)/mailto address; otherwise ``""``.

    >>> safe_href("laering.html#emne-3"), safe_href("javascript:alert(1)")
    ('laering.html#emne-3', '')
    """
    href = str(href).strip()
    if any(ch in href for ch in "\n\r\t<>\"'`") or not href:
        return ""
    m = _SCHEME.match(href)
    if m and m.group(0).lower() not in ("http:", "https:", "mailto:"):
        return ""
    return href
