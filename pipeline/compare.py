"""Year-over-year comparison of themes (to be built: see the year-over-year issue)."""

from __future__ import annotations

__all__: list[str] = []
