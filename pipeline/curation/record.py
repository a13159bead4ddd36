"""Recording the analyst's decisions on suggestions in the codebook.

YAML ``suggestions:`` or the workbook's sheet ``Forslag``.

The YAML file keeps its comments: the decisions are appended to a ``suggestions:`` block at its
end (a file whose ``suggestions:`` block is not the last is written again without comments).
A decision taken again for the same id replaces the earlier one.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

__all__ = ["DECISION_FIELDS", "SUGGESTIONS_SHEET", "record_decisions"]

SUGGESTIONS_SHEET = "Forslag"
#: What a decision records of its suggestion (``suggestions.csv`` columns), in order.
DECISION_FIELDS = (
    "id",
    "core_area",
    "kind",
    "theme",
    "other",
    "theme_words",
    "other_words",
    "theme_key",
    "other_key",
)
#: The workbook's columns: the decision first after the id, then what the analyst reads.
SHEET_COLUMNS = (
    "id",
    "decision",
    "core area",
    "kind",
    "theme",
    "other",
    "reason",
    "theme quote",
    "other quote",
    "theme words",
    "other words",
    "theme key",
    "other key",
)


def _yaml_item(row: dict, decision: str) -> dict:
    out = {"id": row["id"], "area": row["core_area"], "kind": row["kind"], "decision": decision}
    out |= {k: str(row[k]) for k in DECISION_FIELDS[3:]}
    return out


def _record_yaml(path: Path, rows: list[dict], decision: str) -> None:
    import yaml

    text = (
        path.read_text(encoding="utf-8")
        if path.exists()
        else "# Codebook written by `seminar curate accept`/`reject`.\nthemes: []\n"
    )
    data = yaml.safe_load(text) or {}
    ids = {r["id"] for r in rows}
    old = [d for d in data.get("suggestions") or [] if d.get("id") not in ids]
    items = old + [_yaml_item(r, decision) for r in rows]
    keys = re.findall(r"^([A-Za-z_]+):", text, flags=re.M)
    if not data.get("suggestions") and "suggestions" not in keys:
        block = yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=1000)
        text = (
            text.rstrip("\n")
            + (
                "\n\n# Decisions on the suggestions (seminar curate accept/reject): accept joins the two "
                "sides.\nsuggestions:\n"
            )
            + block
        )
    elif keys and keys[-1] == "suggestions":
        head = text[: [m.start() for m in re.finditer(r"^suggestions:", text, flags=re.M)][-1]]
        text = (
            head + "suggestions:\n" + yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=1000)
        )
    else:
        data["suggestions"] = items
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(text, encoding="utf-8")


def suggestions_sheet(wb, rows: list[dict], decision: str = "") -> None:
    """Add (or update) the sheet ``Forslag`` of a workbook: one row per suggestion with a decision column."""
    ws = wb[SUGGESTIONS_SHEET] if SUGGESTIONS_SHEET in wb.sheetnames else None
    if ws is None:
        ws = wb.create_sheet(SUGGESTIONS_SHEET)
        ws.append(list(SHEET_COLUMNS))
        for letter, width in zip(
            "ABCDEFGHIJKLM", (10, 10, 22, 8, 28, 28, 40, 50, 50, 20, 20, 14, 14), strict=True
        ):
            ws.column_dimensions[letter].width = width
    header = [str(c.value or "").strip().lower() for c in ws[1]]
    where = {str(r[0].value): r[0].row for r in ws.iter_rows(min_row=2) if r and r[0].value}
    for row in rows:
        values = {
            "id": row["id"],
            "decision": decision,
            "core area": row["core_area"],
            "kind": row["kind"],
            "theme": row["theme"],
            "other": row["other"],
            "reason": row.get("reason", ""),
            "theme quote": row.get("theme_quote", ""),
            "other quote": row.get("other_quote", ""),
            "theme words": row["theme_words"],
            "other words": row["other_words"],
            "theme key": row["theme_key"],
            "other key": row["other_key"],
        }
        n = where.get(str(row["id"]))
        if n is None:
            ws.append([values.get(h, "") for h in header])
        elif decision:
            ws.cell(n, header.index("decision") + 1, decision)


def sheet_rows(path: str | Path) -> dict[str, dict]:
    """The suggestions listed in an Excel codebook's sheet ``Forslag``, as rows of ``suggestions.csv``.

    ``seminar curate init --xlsx`` lists the suggestions there before any ``seminar run`` wrote
    ``suggestions.csv``: an id the analyst reads in the sheet can be accepted from the command line.
    Empty for a YAML codebook, a missing file or a workbook without the sheet.
    """
    from openpyxl import load_workbook

    path = Path(path)
    if path.suffix.lower() != ".xlsx" or not path.exists():
        return {}
    wb = load_workbook(io.BytesIO(path.read_bytes()), read_only=True)
    if SUGGESTIONS_SHEET not in wb.sheetnames:
        return {}
    cells = list(wb[SUGGESTIONS_SHEET].iter_rows(values_only=True))
    if not cells:
        return {}
    header = [str(c or "").strip().lower() for c in cells[0]]
    out = {}
    for values in cells[1:]:
        row = {
            h: " ".join(str(v).split()) if v is not None else "" for h, v in zip(header, values, strict=False)
        }
        if row.get("id"):
            out[row["id"]] = {f: row.get(f.replace("_", " "), "") for f in DECISION_FIELDS}
    return out


def _record_xlsx(path: Path, rows: list[dict], decision: str) -> None:
    from openpyxl import load_workbook

    from pipeline.io.files import write_bytes

    wb = load_workbook(io.BytesIO(path.read_bytes()))
    suggestions_sheet(wb, rows, decision)
    out = io.BytesIO()
    wb.save(out)
    write_bytes(out.getvalue(), path)


def record_decisions(path: str | Path, rows: list[dict], accept: bool) -> Path:
    """Record accepted (or rejected) suggestions (rows of ``suggestions.csv``) in the codebook at ``path``.

    A ``.xlsx`` codebook gets them in its sheet ``Forslag``; any other path is YAML (created when missing).
    """
    path = Path(path)
    decision = "accept" if accept else "reject"
    (_record_xlsx if path.suffix.lower() == ".xlsx" else _record_yaml)(path, rows, decision)
    return path
