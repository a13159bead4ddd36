"""Hostile inputs through ``seminar run``: every case ends in one message with the fix, outputs intact.

Each case (a notes file in every format read, and the seminar TOML, made bad one way: empty, header
only, wrong columns, another encoding, a semicolon CSV, a 1 MB cell, a password-protected or cut
XLSX/DOCX, a PDF without text, a folder or a missing file, a typo'd key, a wrong type, a TOML
syntax error ...) gets its own folder with a copy of a good run's outputs; ``seminar run`` (or
``curate accept`` / ``compare``) runs there, and the table printed says per case: the exit code,
whether a traceback or "unexpected" was shown, whether the previous outputs changed, whether every
note offered is in the manifest as accepted or rejected with a reason, and the message.

Usage (from the repository; a usable case is a whole run, ~1 min each on an idle machine; the 1 MB
cell case is left out unless ``--all``)::

    PYTHONPATH=$PWD nice -n 10 python bench/hostile_run.py --out /tmp/hostile [--only csv-,cfg-] [--all]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504

TOML = """[seminar]
name = "Testseminar"
year = 2025
municipality = "Testkommune"

[[core_areas]]
name = "Social omsorg"
theme = "frivillighed"
question = "Hvordan inddrager vi frivillige?"

[[core_areas]]
name = "Læring"
theme = "trivsel"
question = "Hvordan styrker vi trivsel?"

[input]
files = [{files}]

[output]
processed_dir = "{out}/processed"
reports_dir = "{out}/reports"
"""
ROWS = [
    ("Social omsorg", "1", "Frivillige hjælper i ældreplejen. Koordinering af frivillige er svær."),
    (
        "Social omsorg",
        "2",
        "Koordinering af frivillige kræver en fast kontaktperson. Pårørende vil gerne hjælpe.",
    ),
    ("Social omsorg", "3", "Pårørende og frivillige kan hjælpe på plejehjem. Velfærdsteknologi frigør tid."),
    ("Læring", "1", "Trivsel i klassen kræver fællesskab. Mobning skal forebygges tidligt."),
    ("Læring", "2", "Mobning skal forebygges med fællesskab i klassen. Praktisk undervisning motiverer."),
    ("Læring", "3", "Praktisk undervisning og trivsel hænger sammen."),
]


def csv_text(rows=ROWS, header="kerneområde,gruppe,tekst", sep=",", nl="\n"):
    """A notes CSV of ``rows`` with this header, separator and line end."""
    out = [header.replace(",", sep)]
    for a, g, t in rows:
        out.append(sep.join([a, g, '"' + t.replace('"', '""') + '"']))
    return nl.join(out) + nl


def xlsx_bytes(rows=ROWS):
    """A workbook with one sheet 'Noter': header and ``rows``."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Noter"
    ws.append(["kerneområde", "gruppe", "tekst"])
    for r in rows:
        ws.append(list(r))
    b = io.BytesIO()
    wb.save(b)
    return b.getvalue()


def docx_bytes(rows=ROWS):
    """A Word document: a heading per core area, a 'Gruppe N: ...' paragraph per note."""
    import docx

    d = docx.Document()
    last = None
    for a, g, t in rows:
        if a != last:
            d.add_heading(a, level=1)
            last = a
        d.add_paragraph(f"Gruppe {g}: {t}")
    b = io.BytesIO()
    d.save(b)
    return b.getvalue()


def md_text(rows=ROWS):
    """Markdown: a heading per core area, a 'Gruppe N: ...' paragraph per note."""
    out, last = [], None
    for a, g, t in rows:
        if a != last:
            out.append(f"# {a}\n")
            last = a
        out.append(f"Gruppe {g}: {t}\n")
    return "\n".join(out)


def summary_text(rows=ROWS):
    """A summary's text: a heading and 'Gruppedrøftelse om ...' per area, 'Gruppe N: ...' paragraphs."""
    out, last = ["Opsamling på seminar\n"], None
    for a, g, t in rows:
        if a != last:
            out.append(f"\n{a}\n\nGruppedrøftelse om {a.lower()}\n")
            last = a
        out.append(f"Gruppe {g}: {t}\n")
    return "\n".join(out)


# a PDF with one page and no text layer (just a drawn rectangle)
def pdf_no_text():
    """A one-page PDF with no text layer (a drawn rectangle): a scan, as far as text goes."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
    ]
    stream = b"10 10 100 100 re f"
    objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = b"%PDF-1.4\n"
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
    return out


def good_toml(files='"notes.csv"', out="OUT"):
    """The seminar TOML: the tiny seminar's two areas, these input files, outputs under ``out``."""
    return TOML.format(files=files, out=out)


CASES = {}


def case(name, files, toml=None, kind="run", expect="error", args=None):
    """Register a case: its files, TOML (None: the good one), kind, expected outcome, command."""
    CASES[name] = dict(files=files, toml=toml, kind=kind, expect=expect, args=args)


def u(s):
    """UTF-8 bytes of ``s``."""
    return s.encode("utf-8")


# CSV
case("csv-empty", {"notes.csv": b""})
case("csv-header-only", {"notes.csv": u("kerneområde,gruppe,tekst\n")})
case("csv-missing-column", {"notes.csv": u(csv_text(header="kerneområde,gruppe,indhold"))})
case(
    "csv-upper-case-bom-header",
    {"notes.csv": b"\xef\xbb\xbf" + u(csv_text(header="KERNEOMRÅDE,Gruppe,TEKST"))},
    expect="ok",
)
case("csv-cp1252", {"notes.csv": csv_text().encode("cp1252")}, expect="ok")
case(
    "csv-latin1-bom-mixed",
    {"notes.csv": csv_text(nl="\r\n").encode("latin-1") + csv_text().split("\n", 1)[1].encode("latin-1")},
    expect="ok",
)
case("csv-semicolon", {"notes.csv": u(csv_text(sep=";"))}, expect="ok")
case(
    "csv-quoted-newlines",
    {"notes.csv": u(csv_text(rows=[(a, g, t.replace(". ", ".\n")) for a, g, t in ROWS]))},
    expect="ok",
)
case(
    "csv-1mb-cell",
    {"notes.csv": u(csv_text(rows=[*ROWS, ("Læring", "4", "Trivsel er vigtigt. " * 55000)]))},
    expect="ok",
)
case(
    "csv-whitespace-emoji-ja",
    {
        "notes.csv": u(
            csv_text(rows=[*ROWS, ("Læring", "4", "   "), ("Læring", "5", "😀👍"), ("Læring", "6", "Ja")])
        )
    },
    expect="ok",
)
case("csv-duplicate-rows", {"notes.csv": u(csv_text(rows=[*ROWS, ROWS[0], ROWS[3]]))}, expect="ok")
case(
    "csv-group-forms",
    {"notes.csv": u(csv_text(rows=[(a, {"1": "Gruppe 1", "2": "2", "3": "III"}[g], t) for a, g, t in ROWS]))},
    expect="ok",
)
case(
    "csv-unknown-area",
    {"notes.csv": u(csv_text(rows=[*ROWS, ("Kultur og fritid", "1", "Foreningslivet er vigtigt.")]))},
    expect="ok",
)
case(
    "csv-year-mismatch",
    {"notes.csv": u("kerneområde,gruppe,tekst,år\n" + "".join(f'{a},{g},"{t}",2023\n' for a, g, t in ROWS))},
)
case("csv-binary-garbage", {"notes.csv": bytes(range(256)) * 40})
case("csv-all-unknown-areas", {"notes.csv": u(csv_text(rows=[("Kultur", g, t) for a, g, t in ROWS]))})
case("csv-bad-group-all", {"notes.csv": u(csv_text(rows=[(a, "x", t) for a, g, t in ROWS]))})
# XLSX
good_x = xlsx_bytes()
case("xlsx-empty", {"notes.xlsx": b""}, toml=good_toml('"notes.xlsx"'))
case("xlsx-truncated", {"notes.xlsx": good_x[: len(good_x) // 2]}, toml=good_toml('"notes.xlsx"'))
case("xlsx-header-only", {"notes.xlsx": xlsx_bytes(rows=[])}, toml=good_toml('"notes.xlsx"'))
case(
    "xlsx-password",
    {"notes.xlsx": OLE + "EncryptionInfo".encode("utf-16-le")},
    toml=good_toml('"notes.xlsx"'),
)
case("xlsx-csv-renamed", {"notes.xlsx": u(csv_text())}, toml=good_toml('"notes.xlsx"'))
# DOCX
good_d = docx_bytes()
case("docx-empty", {"notes.docx": b""}, toml=good_toml('"notes.docx"'))
case("docx-truncated", {"notes.docx": good_d[: len(good_d) // 2]}, toml=good_toml('"notes.docx"'))
case(
    "docx-password",
    {"notes.docx": OLE + "EncryptionInfo".encode("utf-16-le")},
    toml=good_toml('"notes.docx"'),
)
case("docx-no-groups", {"notes.docx": docx_bytes(rows=[])}, toml=good_toml('"notes.docx"'))
case("docx-xlsx-renamed", {"notes.docx": good_x}, toml=good_toml('"notes.docx"'))
# PDF / summary text
case("pdf-no-text", {"notes.pdf": pdf_no_text()}, toml=good_toml('"notes.pdf"'))
case("pdf-truncated", {"notes.pdf": pdf_no_text()[:100]}, toml=good_toml('"notes.pdf"'))
case("pdf-empty", {"notes.pdf": b""}, toml=good_toml('"notes.pdf"'))
case("txt-empty", {"summary.txt": b""}, toml=good_toml('"summary.txt"'))
case(
    "txt-no-groups",
    {"summary.txt": u("Referat\n\nVi talte om mange ting.\n")},
    toml=good_toml('"summary.txt"'),
)
case(
    "txt-summary-cp1252",
    {"summary.txt": summary_text().encode("cp1252")},
    toml=good_toml('"summary.txt"'),
    expect="ok",
)
# Markdown
case("md-empty", {"notes.md": b""}, toml=good_toml('"notes.md"'))
case("md-only-heading", {"notes.md": u("# Social omsorg\n")}, toml=good_toml('"notes.md"'))
case(
    "md-unknown-area",
    {"notes.md": u("# Kultur\n\nGruppe 1: Foreningslivet er vigtigt.\n")},
    toml=good_toml('"notes.md"'),
)
case(
    "md-ok-mixed-endings",
    {"notes.md": u(md_text().replace("\n", "\r\n", 3))},
    toml=good_toml('"notes.md"'),
    expect="ok",
)
# files
case("input-missing-file", {}, toml=good_toml('"nope.csv"'))
case("input-directory", {"notes.csv/": None})
case("input-unreadable", {"notes.csv": u(csv_text()), "chmod000": "notes.csv"})
case("input-unsupported", {"notes.xls": b"x"}, toml=good_toml('"notes.xls"'))
# config
GOOD = {"notes.csv": u(csv_text())}
case("cfg-missing", GOOD, toml=None, args=["run", "--config", "nope.toml"])
case("cfg-empty", GOOD, toml="")
case("cfg-typo-key", GOOD, toml=good_toml().replace("[input]\nfiles", "[input]\nfile"))
case("cfg-typo-section", GOOD, toml=good_toml().replace("[output]", "[outptu]"))
case("cfg-wrong-type-year", GOOD, toml=good_toml().replace("year = 2025", 'year = "2025"'))
case("cfg-wrong-type-files", GOOD, toml=good_toml().replace('files = ["notes.csv"]', 'files = "notes.csv"'))
case("cfg-wrong-type-min-groups", GOOD, toml=good_toml() + '\n[themes]\nmin_groups = "to"\n')
case("cfg-syntax", GOOD, toml=good_toml().replace('name = "Testseminar"', 'name = "Testseminar'))
case("cfg-cp1252", GOOD, toml=good_toml().encode("cp1252"))
case("cfg-bom", GOOD, toml=b"\xef\xbb\xbf" + u(good_toml()), expect="ok")
case("cfg-duplicate-area", GOOD, toml=good_toml().replace('name = "Læring"', 'name = "Social omsorg"'))
case("cfg-unknown-area-key", GOOD, toml=good_toml().replace('theme = "trivsel"', 'tema = "trivsel"'))
case(
    "cfg-no-areas",
    GOOD,
    toml="\n".join(part for part in good_toml().split("\n\n") if "core_areas" not in part),
)
case("cfg-directory", GOOD, toml=None, args=["run", "--config", "cfgdir"], kind="cfgdir")
case("cfg-unreadable", GOOD, kind="cfg000")
case("cfg-empty-files", GOOD, toml=good_toml(files=""))
case("cfg-processed-is-file", GOOD, toml=good_toml(out="OUTFILE"), kind="outfile")
# other commands
case(
    "curate-accept-bad-id", GOOD, args=["curate", "accept", "zz-999", "--config", "seminar.toml"], kind="cmd"
)
case(
    "compare-missing-year",
    GOOD,
    args=["compare", "--config", "seminar.toml", "--years", "2019,2025"],
    kind="cmd",
)


def tree(folder: Path) -> dict[str, bytes]:
    """Every output file under ``folder`` (not the work cache) by its relative path."""
    return {
        str(f.relative_to(folder)): f.read_bytes()
        for f in sorted(folder.rglob("*"))
        if f.is_file() and ".cache" not in f.parts
    }


def seminar(cwd: Path, args: list[str], timeout: int) -> tuple[int, str, float]:
    """Run ``python -m pipeline -q ARGS`` in ``cwd``: exit code (-9: timed out), stderr, seconds."""
    start = time.time()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "pipeline", "-q", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return -9, f"TIMEOUT after {timeout} s", time.time() - start
    return done.returncode, done.stderr, time.time() - start


def ledger_ok(folder: Path) -> bool | None:
    """Whether the manifest accounts for every note offered (accepted + rejected, each with a reason)."""
    found = list(folder.rglob("notes.manifest.json"))
    if not found:
        return None
    m = json.loads(found[0].read_text(encoding="utf-8"))
    return m["notes_offered"] == m["notes_accepted"] + m["notes_rejected"] and all(
        r.get("reason") for r in m["rejected"]
    )


def make_case(folder: Path, golden: Path, case: dict) -> None:
    """The case's seminar folder: its files, its TOML, a copy of the good run's outputs."""
    shutil.copytree(golden / "OUT", folder / "OUT", ignore=shutil.ignore_patterns(".cache"))
    for name, data in case["files"].items():
        if name == "chmod000":
            continue
        if name.endswith("/"):
            (folder / name).mkdir()
        else:
            (folder / name).write_bytes(data)
    toml = case["toml"] if case["toml"] is not None else good_toml()
    (folder / "seminar.toml").write_bytes(toml if isinstance(toml, bytes) else toml.encode("utf-8"))
    if case["kind"] == "cfgdir":
        (folder / "cfgdir").mkdir()
    if case["kind"] == "cfg000":
        os.chmod(folder / "seminar.toml", 0)  # no effect for root: a test covers it (test_ingest_hostile)
    if case["kind"] == "outfile":
        (folder / "OUTFILE").write_text("x")
    if "chmod000" in case["files"]:
        os.chmod(folder / case["files"]["chmod000"], 0)


def main() -> None:
    """Run the cases asked for and print one line per case (and results.json in ``--out``)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/hostile"))
    parser.add_argument("--only", default="", help="comma-separated parts of case names")
    parser.add_argument("--all", action="store_true", help="also the 1 MB cell (a very long run)")
    parser.add_argument("--timeout", type=int, default=900)
    args = parser.parse_args()
    golden = args.out / "_golden" / "s"
    if not (golden / "OUT" / "reports").exists():
        shutil.rmtree(golden, ignore_errors=True)
        golden.mkdir(parents=True)
        (golden / "notes.csv").write_bytes(csv_text().encode("utf-8"))
        (golden / "seminar.toml").write_text(good_toml(), encoding="utf-8")
        code, err, _ = seminar(golden, ["run", "--config", "seminar.toml"], args.timeout)
        assert code == 0, err
    only = [o for o in args.only.split(",") if o]
    results = {}
    for name, case in CASES.items():
        if (only and not any(o in name for o in only)) or (name == "csv-1mb-cell" and not args.all):
            continue
        # one folder per case, inside its own parent: a run reads the codebooks of sibling years' TOMLs
        folder = args.out / name / "s"
        shutil.rmtree(folder.parent, ignore_errors=True)
        folder.mkdir(parents=True)
        make_case(folder, golden, case)
        before = tree(folder / "OUT")
        code, err, secs = seminar(folder, case["args"] or ["run", "--config", "seminar.toml"], args.timeout)
        after = tree(folder / "OUT")
        changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
        results[name] = {
            "rc": code,
            "traceback": "Traceback" in err or "unexpected" in err,
            "outputs_changed": len(changed),
            "ledger_ok": ledger_ok(folder / "OUT") if changed else None,
            "secs": round(secs, 1),
            "stderr": err.strip(),
        }
        r = results[name]
        print(
            f"{name:28} rc={code:<3} tb={int(r['traceback'])} changed={len(changed):<3} "
            f"ledger={r['ledger_ok']} {secs:5.0f}s | " + " / ".join(err.strip().splitlines()[:2])[:300],
            flush=True,
        )
    (args.out / "results.json").write_text(
        json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
