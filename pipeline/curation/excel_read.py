"""Reading the codebook workbook (``codebook.xlsx``) into the :class:`~pipeline.curation.codebook.Codebook`.

Every cell is checked before anything is returned: a bad cell is one :class:`CodebookError`
naming the sheet, row and column and the fix. The workbook is written by
:func:`pipeline.curation.excel.codebook_workbook`.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from pipeline.curation.codebook import _ID, Codebook, CodebookError, Entry, check_entries

__all__ = ["PHRASES_SHEET", "THEMES_SHEET", "THEME_HEADERS", "parse_codebook_xlsx"]

THEMES_SHEET, PHRASES_SHEET = "Themes", "Key phrases"
_YES = {"yes", "ja", "true", "sand", "x", "1", "y", "j"}
_NO = {"", "no", "nej", "false", "falsk", "0", "n"}
_UNIT_ID = re.compile(r"^[0-9a-f]{12}-\d+-u\d+$")


def _cell_text(value) -> str:
    """A cell as text: empty for nothing, whole numbers without '.0'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class _Sheet:
    """The rows of one sheet by header name, with the place of every cell for messages."""

    def __init__(self, ws, file: str, required: tuple[str, ...]) -> None:
        from openpyxl.utils import get_column_letter

        self.name, self.file = ws.title, file
        rows = list(ws.iter_rows(values_only=True))
        header = [" ".join(_cell_text(v).split()).lower() for v in (rows[0] if rows else ())]
        self.column = {h: i for i, h in reversed(list(enumerate(header))) if h}
        self.letter = {h: get_column_letter(i + 1) for h, i in self.column.items()}
        for name in required:
            if name not in self.column:
                raise CodebookError(
                    file,
                    f"the sheet {self.name!r} has no column {name!r}",
                    "keep the header row as `seminar curate init --xlsx` wrote it (columns: "
                    f"{', '.join(required)})",
                    f"sheet {self.name}, row 1",
                )
        self.rows = [
            (n, row) for n, row in enumerate(rows[1:], start=2) if any(_cell_text(v).strip() for v in row)
        ]

    def get(self, row: tuple, name: str) -> str:
        i = self.column.get(name)
        return _cell_text(row[i]) if i is not None and i < len(row) else ""

    def place(self, n: int, name: str) -> str:
        return f"sheet {self.name}, row {n}, column {self.letter.get(name, '?')} ({name})"

    def error(self, n: int, name: str, problem: str, fix: str) -> CodebookError:
        return CodebookError(self.file, problem, fix, self.place(n, name))


def _yes_no(sheet: _Sheet, n: int, row: tuple, name: str) -> bool:
    value = sheet.get(row, name).strip().lower()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise sheet.error(
        n, name, f"{name} is {value!r}, not yes or no", "write yes or no (or leave the cell empty for no)"
    )


#: The headers the sheet *Themes* must have (the least a workbook needs to be read).
THEME_HEADERS = (
    "id",
    "core area",
    "name",
    "confirm",
    "exclude",
    "merge into",
    "memo",
    "match key",
    "match phrases",
    "match statements",
)


@dataclass
class _ThemeRow:
    """One row of the sheet *Themes* as read (``pin``: key phrases moved to it in *Key phrases*)."""

    row: int
    id: str
    area: str
    name: str
    memo: str
    confirm: bool
    exclude: bool
    merge_into: str
    seeds: tuple[str, ...]
    key: str
    phrases: tuple[str, ...]
    statements: tuple[str, ...]
    pin: list[str] = field(default_factory=list)

    @property
    def new(self) -> bool:
        """A row without match columns: a theme the analyst adds."""
        return not (self.key or self.phrases or self.statements)


def _open_codebook(data: bytes, file: str):
    """The workbook, with its sheet *Themes*.

    Raises:
        CodebookError: The file is no workbook or has no sheet *Themes*.
    """
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # zipfile, XML and openpyxl raise many types for a file that is no workbook
        raise CodebookError(
            file,
            f"cannot be read as an Excel workbook ({type(exc).__name__})",
            "save it from Excel as .xlsx, or write a new one with `seminar curate init --xlsx --force`",
            "whole file",
        ) from None
    if THEMES_SHEET not in wb.sheetnames:
        raise CodebookError(
            file,
            f"the workbook has no sheet {THEMES_SHEET!r} (sheets: {', '.join(wb.sheetnames)})",
            "keep the sheets as `seminar curate init --xlsx` wrote them",
            "whole file",
        )
    return wb


def _theme_row(sheet: _Sheet, n: int, row: tuple, rows: dict[str, _ThemeRow]) -> _ThemeRow:
    """One row of *Themes*, its cells checked (``rows``: the rows read before it).

    Raises:
        CodebookError: The id, core area, a yes/no cell, the name or the seeds are wrong.
    """

    def get(name: str) -> str:  # one-line text of a cell
        return " ".join(sheet.get(row, name).split())

    entry_id = get("id")
    if not entry_id or not _ID.match(entry_id):
        raise sheet.error(
            n,
            "id",
            f"the theme has no usable id ({entry_id!r})",
            "give it an id of letters, digits, '-' or '_', e.g. frivillige",
        )
    if entry_id in rows:
        problem = f"two rows have the id {entry_id!r} (the first in row {rows[entry_id].row})"
        raise sheet.error(n, "id", problem, "give each row its own id")
    area = get("core area")
    if not area:
        raise sheet.error(
            n,
            "core area",
            f"the theme {entry_id!r} has no core area",
            "write its core area as in seminar.toml, e.g. Social omsorg",
        )
    item = _ThemeRow(
        row=n,
        id=entry_id,
        area=area,
        name=get("name"),
        memo="\n".join(line.rstrip() for line in sheet.get(row, "memo").strip().splitlines()),
        confirm=_yes_no(sheet, n, row, "confirm"),
        exclude=_yes_no(sheet, n, row, "exclude"),
        merge_into=get("merge into"),
        seeds=tuple(
            dict.fromkeys(w.strip() for w in re.split(r"[,;]", sheet.get(row, "seeds")) if w.strip())
        ),
        key=get("match key"),
        phrases=tuple(
            dict.fromkeys(p.strip() for p in sheet.get(row, "match phrases").split("|") if p.strip())
        ),
        statements=tuple(dict.fromkeys(sheet.get(row, "match statements").split())),
    )
    _check_theme_row(sheet, item)
    return item


def _check_theme_row(sheet: _Sheet, item: _ThemeRow) -> None:
    """A new theme has a name, seeds only a new theme, and no theme is both excluded and merged."""
    n, entry_id = item.row, item.id
    if item.new and not item.name:
        raise sheet.error(
            n,
            "name",
            f"the new theme {entry_id!r} (a row without match columns) has no name",
            "name it, or copy the match columns of the theme it is",
        )
    if item.seeds and not item.new:
        raise sheet.error(
            n,
            "seeds",
            f"seeds belong to new themes, but {entry_id!r} is a theme the method found",
            "empty the cell; move key phrases to the theme in the Key phrases sheet instead",
        )
    if item.exclude and item.merge_into:
        raise sheet.error(
            n,
            "exclude",
            f"{entry_id!r} is excluded and merged at the same time",
            "keep exclude = yes or merge into, not both",
        )


def _check_merges(sheet: _Sheet, rows: dict[str, _ThemeRow]) -> None:
    """Every ``merge into`` names another theme of the same core area that itself remains."""
    for item in rows.values():
        target_id = item.merge_into
        if not target_id:
            continue
        target = rows.get(target_id)
        others = ", ".join(x.id for x in rows.values() if x.area == item.area and x.id != item.id) or "(none)"
        if target is None:
            problem = f"{item.id!r} is merged into {target_id!r}, which is no id in the sheet"
            fix = f"pick an id of {item.area!r}: {others}"
        elif target is item:
            problem, fix = (
                f"{item.id!r} is merged into itself",
                f"pick another theme of {item.area!r}: {others}",
            )
        elif target.area != item.area:
            problem = f"{item.id!r} cannot be merged into {target_id!r}, a theme of {target.area!r}"
            fix = f"pick a theme of {item.area!r}: {others}"
        elif target.exclude or target.merge_into:
            what = "excluded" if target.exclude else f"merged into {target.merge_into!r}"
            problem = f"{item.id!r} is merged into {target_id!r}, which is itself {what}"
            fix = "merge into the theme that remains"
        else:
            continue
        raise sheet.error(item.row, "merge into", problem, fix)


def _read_moves(wb, file: str, rows: dict[str, _ThemeRow]) -> None:
    """The sheet *Key phrases*: each phrase moved to a theme is pinned to that theme's row."""
    if PHRASES_SHEET not in wb.sheetnames:
        return
    phrases = _Sheet(wb[PHRASES_SHEET], file, ("key phrase id", "core area", "move to theme"))
    for n, row in phrases.rows:
        target_id = " ".join(phrases.get(row, "move to theme").split())
        if not target_id:
            continue
        unit = phrases.get(row, "key phrase id").strip()
        if not _UNIT_ID.match(unit):
            raise phrases.error(
                n,
                "key phrase id",
                f"{unit!r} is not a key-phrase id",
                "leave the key phrase id as it was written (such as 1a2b3c4d5e6f-02-u1)",
            )
        target = rows.get(target_id)
        if target is None:
            raise phrases.error(
                n,
                "move to theme",
                f"{target_id!r} is no id in the sheet {THEMES_SHEET}",
                "pick the id of a theme of the same core area",
            )
        area = " ".join(phrases.get(row, "core area").split())
        if area != target.area:
            raise phrases.error(
                n,
                "move to theme",
                f"the key phrase is of {area!r}, but {target_id!r} is a theme of {target.area!r}",
                "move it to a theme of its own core area",
            )
        target.pin.append(unit)


def _entry(sheet: _Sheet, item: _ThemeRow) -> Entry:
    """A checked row as the codebook's :class:`Entry` (a new theme needs seeds or moved phrases)."""
    if item.new and not (item.seeds or item.pin):
        raise sheet.error(
            item.row,
            "seeds",
            f"the new theme {item.id!r} has no seeds and no key phrases moved to it",
            "write words of its key phrases under seeds, or move key phrases to it in the Key phrases sheet",
        )
    return Entry(
        id=item.id,
        area=item.area,
        key=item.key,
        phrases=item.phrases,
        statements=item.statements,
        name=item.name,
        memo=item.memo,
        exclude=item.exclude,
        merge_into=item.merge_into,
        seeds=item.seeds,
        pin=tuple(dict.fromkeys(item.pin)),
        confirm=item.confirm,
        line=item.row,
        place=f"sheet {THEMES_SHEET}, row {item.row}",
    )


def parse_codebook_xlsx(data: bytes, file: str = "codebook.xlsx") -> Codebook:
    """Read a codebook workbook (:func:`codebook_workbook`) into the :class:`Codebook` the YAML one gives.

    Every cell is checked before anything is returned: a bad cell is one :class:`CodebookError`
    naming the sheet, row and column and the fix.

    Args:
        data: The XLSX bytes.
        file: The file name, for messages.

    Raises:
        CodebookError: The file is no workbook, a sheet or column is missing, or a cell is wrong.
    """
    wb = _open_codebook(data, file)
    sheet = _Sheet(wb[THEMES_SHEET], file, THEME_HEADERS)
    rows: dict[str, _ThemeRow] = {}
    for n, row in sheet.rows:
        item = _theme_row(sheet, n, row, rows)
        rows[item.id] = item
    _check_merges(sheet, rows)
    _read_moves(wb, file, rows)
    entries = tuple(_entry(sheet, item) for item in rows.values())
    check_entries(entries, file)  # the YAML codebook's checks too (two rows claiming one theme)
    return Codebook(file, entries, decisions=_sheet_decisions(wb, file))


_ACCEPT, _REJECT = {"accept", "accepter", "ja", "yes", "x"}, {"reject", "afvis", "nej", "no"}


def _sheet_decisions(wb, file: str) -> tuple:
    """The decisions in the sheet ``Forslag`` (rows with accept or reject in the decision column)."""
    from pipeline.curation.codebook import Decision
    from pipeline.curation.record import SUGGESTIONS_SHEET

    if SUGGESTIONS_SHEET not in wb.sheetnames:
        return ()
    sheet = _Sheet(wb[SUGGESTIONS_SHEET], file, ("id", "decision", "core area", "theme words", "other words"))
    out = []
    for n, row in sheet.rows:
        verdict = sheet.get(row, "decision").strip().lower()
        if not verdict:
            continue
        if verdict not in _ACCEPT | _REJECT:
            raise sheet.error(
                n,
                "decision",
                f"the decision is {verdict!r}, not accept or reject",
                "write accept or reject (or leave the cell empty)",
            )
        get = lambda name: " ".join(sheet.get(row, name).split())  # noqa: E731
        out.append(
            Decision(
                get("id"),
                get("core area"),
                get("kind") or "merge",
                verdict in _ACCEPT,
                get("theme"),
                get("other"),
                get("theme words"),
                get("other words"),
                get("theme key"),
                get("other key"),
                "",
                n,
            )
        )
    return tuple(out)
