"""Hostile input files: each gives one message that says what the file is, where, and the fix.

An Office file that is no Office package (password-protected, an old format, a renamed CSV or PDF,
cut short, the other Office format), an input or configuration the system will not let us read, a
folder given as the configuration, and the last line of a run that read no usable note.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import ConfigError, InputError
from pipeline.ingest import SourceFile, ingest
from tests.conftest import TINY_TOML
from tests.helpers import docx_bytes, xlsx_bytes
from tests.helpers import seminar_main as run


def _compound(*streams: str) -> bytes:
    """The start of an OLE compound file holding ``streams`` (their names in UTF-16, as written)."""
    return (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + b"".join(s.encode("utf-16-le") for s in streams)
    )


_XLSX = xlsx_bytes({"Noter": [["kerneområde", "gruppe", "tekst"], ["Læring", 1, "Trivsel i klassen."]]})
_DOCX = docx_bytes([("h1", "Læring"), ("p", "Gruppe 1: Trivsel i klassen.")])


@pytest.mark.parametrize(
    ("name", "data", "says", "fix"),
    [
        (
            "n.xlsx",
            _compound("EncryptionInfo", "EncryptedPackage"),
            "the Excel workbook is protected with a password",
            "remove the password",
        ),
        (
            "n.docx",
            _compound("EncryptionInfo", "EncryptedPackage"),
            "the Word document is protected with a password",
            "remove the password",
        ),
        ("n.xlsx", _compound("Workbook"), "this is an old .xls file (not .xlsx)", "save it as .xlsx"),
        ("n.docx", _compound("WordDocument"), "this is an old .doc file (not .docx)", "save it as .docx"),
        (
            "n.xlsx",
            "kerneområde;gruppe;tekst\nLæring;1;Trivsel\n".encode("cp1252"),
            "this is a text file",
            "rename it to end in .csv",
        ),
        (
            "n.docx",
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
            "this is a PDF, not a Word document",
            "rename the file to end in .pdf",
        ),
        (
            "n.xlsx",
            _XLSX[: len(_XLSX) // 2],
            "the file is cut short or damaged",
            "copy or download the file again",
        ),
        (
            "n.docx",
            _DOCX[: len(_DOCX) // 2],
            "the file is cut short or damaged",
            "copy or download the file again",
        ),
        ("n.docx", _XLSX, "this is an Excel workbook, not .docx", "rename it to end in .xlsx"),
        ("n.xlsx", _DOCX, "this is a Word document, not .xlsx", "rename it to end in .docx"),
    ],
)
def test_an_office_file_that_cannot_be_read_says_what_it_is(tiny_cfg, name, data, says, fix):
    error = ingest([SourceFile(name, data)], tiny_cfg).files[0].error
    assert error.startswith(f"{name} (whole file): {says}"), error
    assert "Fix: " in error and fix in error.split("Fix: ", 1)[1]
    assert "0x" not in error and "BytesIO" not in error  # no Python object in the message


def _deny(monkeypatch, target: Path, method: str) -> None:
    """``target``'s ``method`` (read_bytes, read_text) raises PermissionError: a file without read access."""
    original = getattr(Path, method)

    def denied(self, *args, **kwargs):
        if self == target:
            raise PermissionError(13, "Permission denied", str(self))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, method, denied)


def test_an_input_file_without_read_access_is_one_message(tmp_path, monkeypatch):
    from pipeline.io import collect_sources

    notes = tmp_path / "noter.csv"
    notes.write_text("kerneområde;gruppe;tekst\nLæring;1;Trivsel\n", encoding="utf-8")
    _deny(monkeypatch, notes, "read_bytes")
    with pytest.raises(InputError) as info:
        collect_sources([notes])
    assert str(info.value).startswith(f"{notes} (whole file): the file cannot be read: permission denied")
    assert "read access" in info.value.fix


def test_a_configuration_without_read_access_or_a_folder_is_one_message(tmp_path, monkeypatch):
    from pipeline.io import read_config

    cfg = tmp_path / "seminar.toml"
    cfg.write_text(TINY_TOML, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        read_config(tmp_path)
    assert info.value.problem == "this is a folder, not a configuration file"
    assert str(cfg) in info.value.fix
    _deny(monkeypatch, cfg, "read_text")
    with pytest.raises(ConfigError) as info:
        read_config(cfg)
    assert info.value.problem == "the file cannot be read: permission denied"


def test_a_run_whose_files_cannot_be_read_says_the_error_once(tmp_path_factory):
    # a folder of its own: a run reads the codebooks of the TOMLs in the folders beside it
    tmp_path = tmp_path_factory.mktemp("alone") / "seminar"
    tmp_path.mkdir()
    (tmp_path / "seminar.toml").write_text(
        TINY_TOML + '\n[input]\nfiles = ["noter.xlsx"]\n', encoding="utf-8"
    )
    (tmp_path / "noter.xlsx").write_bytes(_compound("EncryptionInfo"))
    ran = run(["run", "--config", "seminar.toml"], tmp_path)
    assert ran.returncode == 1
    lines = ran.stderr.strip().splitlines()
    assert [line for line in lines if line.startswith("error:")] == [
        "error: noter.xlsx (whole file): the Excel workbook is protected with a password, so it is stored "
        "encrypted and cannot be read"
    ]
    assert (
        lines[-1]
        == "nothing to analyse: no notes file could be read (see above); the previous outputs are unchanged."
    )


def test_a_run_whose_notes_are_all_rejected_gives_the_reasons_then_one_error(tmp_path_factory):
    # a folder of its own: a run reads the codebooks of the TOMLs in the folders beside it
    tmp_path = tmp_path_factory.mktemp("alone") / "seminar"
    tmp_path.mkdir()
    (tmp_path / "seminar.toml").write_text(TINY_TOML + '\n[input]\nfiles = ["noter.csv"]\n', encoding="utf-8")
    (tmp_path / "noter.csv").write_text(
        "kerneområde;gruppe;tekst\nKultur;1;Foreningslivet.\n", encoding="utf-8"
    )
    ran = run(["run", "--config", "seminar.toml"], tmp_path)
    assert ran.returncode == 1
    lines = ran.stderr.strip().splitlines()
    assert lines[0].startswith("rejected: noter.csv (line 2), group 1: unknown core area 'Kultur'")
    assert lines[-1] == (
        "error: no usable notes were read: all 1 note(s) were rejected (the reasons are above); "
        "nothing to analyse; the previous outputs are unchanged."
    )
    assert sum(line.startswith("error:") for line in lines) == 1


def test_a_markdown_note_under_a_heading_that_is_no_core_area_names_the_heading(tiny_cfg):
    text = "# Referat\n\n## Lering\n\nGruppe 1: Trivsel i klassen.\n\n## Læring\n\nGruppe 2: Mobning.\n"
    result = ingest([SourceFile("noter.md", text.encode())], tiny_cfg)
    assert list(result.notes.group) == [2]
    (reason,) = result.rejects.reason
    assert reason.startswith(
        "no core area: the heading 'Lering' (line 3) above the note is not a configured core area; "
        "the configuration has: Social omsorg, Læring. Did you mean 'Læring'?"
    )


def test_a_note_with_no_core_area_lists_the_configured_ones_and_where_to_put_one(tiny_cfg):
    data = "kerneområde;gruppe;tekst\n;1;Trivsel i klassen.\n".encode()
    (reason,) = ingest([SourceFile("noter.csv", data)], tiny_cfg).rejects.reason
    assert reason.startswith("no core area: give the note a core area (kerneområde); the configuration has: ")
    assert "Social omsorg, Læring." in reason and "as a heading" in reason


def test_a_note_of_another_year_is_rejected_with_the_seminars_year(tiny_cfg):
    data = "kerneområde;gruppe;tekst;år\nLæring;1;Trivsel.;2023\nLæring;2;Mobning.;2025\nLæring;3;Leg.;\n"
    result = ingest([SourceFile("noter.csv", data.encode())], tiny_cfg)
    assert list(result.notes.group) == [2, 3] and set(result.notes.year) == {2025}
    assert list(result.rejects.reason) == [
        "year 2023 is not the seminar's year 2025 ([seminar] year in the seminar TOML); "
        "give this file to the 2023 seminar's TOML, or correct the year in the file."
    ]


@pytest.mark.parametrize(
    ("name", "data", "says", "fix"),
    [
        (
            "n.csv",
            bytes(range(256)) * 40,
            "the file holds binary data, not text, though it ends in .csv",
            "CSV UTF-8",
        ),
        (
            "n.csv",
            _XLSX,
            "this is an Excel workbook, not text, with the .csv ending",
            "rename it to end in .xlsx",
        ),
        (
            "n.md",
            _DOCX,
            "this is a Word document, not text, with the .md ending",
            "rename it to end in .docx",
        ),
        ("n.txt", b"%PDF-1.4\n1 0 obj\n", "this is a PDF, not text, with the .txt ending", "end in .pdf"),
        ("n.csv", _compound("Workbook"), "this is an Office file (an old .xls/.doc", "save it as .xlsx"),
    ],
)
def test_a_text_ending_on_a_file_that_is_no_text_says_what_it_is(tiny_cfg, name, data, says, fix):
    error = ingest([SourceFile(name, data)], tiny_cfg).files[0].error
    assert error.startswith(f"{name} (whole file): {says}") and fix in error.split("Fix: ", 1)[1], error


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-le", "cp1252"])
def test_text_in_any_encoding_read_so_far_is_still_text(tiny_cfg, encoding):
    # “quotes” and dashes — dense, so that a cut inside a character would look like binary data
    text = "kerneområde;gruppe;tekst\n" + "".join(
        f"Læring;{g};“Trivsel” — ja… {'ÆØÅ' * 40}\n" for g in range(1, 60)
    )
    result = ingest([SourceFile("n.csv", text.encode(encoding))], tiny_cfg)
    assert result.files[0].error is None and len(result.notes) == 59
