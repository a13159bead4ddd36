"""Every note accounted for (issue 36): group numbers of any length and in the common forms, folders
with sub-folders, formats to save again, a DOCX table that is no notes table, the CSV separator."""

from __future__ import annotations

import pytest

from pipeline.ingest import SourceFile, ingest, parse_group
from tests.helpers import docx_bytes


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("101", 101),
        ("Gruppe 101", 101),
        ("Gr. 5", 5),
        ("gr 5", 5),
        ("Gruppe III", 3),
        ("IV", 4),
        ("Bord 4", 4),
        ("Gruppe XII", 12),
    ],
)
def test_group_numbers_of_any_length_and_common_forms(written, number):
    assert parse_group(written) == number


@pytest.mark.parametrize("written", ["x", "i", "IIII", "Gruppe Rød", "Bord A"])
def test_not_a_group_number(written):
    assert parse_group(written) is None


def test_group_101_in_word_markdown_file_names_and_summary_text(tiny_cfg):
    docx = docx_bytes(
        [
            ("h", "Læring"),
            ("p", "Gruppe 101 talte om trivsel."),
            ("p", "Gr. 5 talte om mobning."),
            ("p", "Gruppe III talte om lektier."),
        ]
    )
    md = "# Læring\n\nPraktisk undervisning og bevægelse.\n"
    summary = (
        "Social omsorg\n\nGruppe 101 talte om skolevejen og trafik.\n\nGr. 7 talte om frikvarteret og "
        "leg.\n\nGruppe IV talte om klassens trivsel.\n"
    )
    result = ingest(
        [
            SourceFile("noter.docx", docx),
            SourceFile("noter/bord-123.md", md.encode()),
            SourceFile("referat.txt", summary.encode()),
        ],
        tiny_cfg,
    )
    got = sorted(zip(result.notes.source_file, result.notes.group, strict=True))
    assert got == [
        ("noter.docx", 3),
        ("noter.docx", 5),
        ("noter.docx", 101),
        ("noter/bord-123.md", 123),
        ("referat.txt", 4),
        ("referat.txt", 7),
        ("referat.txt", 101),
    ]


def test_group_over_the_limit_is_rejected_not_shortened(tiny_cfg):
    docx = docx_bytes([("h", "Læring"), ("p", "Gruppe 1000 talte om trivsel.")])
    result = ingest([SourceFile("noter.docx", docx)], tiny_cfg)
    assert result.notes.empty and "over the limit" in result.rejects.reason[0]


def test_a_docx_table_that_is_no_notes_table_is_skipped_and_the_notes_kept(tiny_cfg):
    docx = docx_bytes(
        [
            ("h", "Program"),
            ("t", [["Tid", "Punkt"], ["9.00", "Velkomst"], ["10.00", "Gruppedrøftelser"]]),
            ("h", "Læring"),
            ("p", "Gruppe 1 talte om trivsel."),
            ("t", [["Gruppe", "Tekst"], ["2", "Praktisk undervisning."]]),
        ]
    )
    result = ingest([SourceFile("noter.docx", docx)], tiny_cfg)
    assert list(result.notes.group) == [1, 2]
    skipped = result.manifest()["files"][0]["details"]["skipped"]
    assert any(s["place"] == "table 1" and s["reason"].startswith("not a notes table") for s in skipped)


def test_a_docx_whose_only_table_is_wrong_still_says_what_is_wrong(tiny_cfg):
    docx = docx_bytes([("t", [["Tid", "Punkt"], ["9.00", "Velkomst"]])])
    result = ingest([SourceFile("noter.docx", docx)], tiny_cfg)
    assert "missing required column" in result.manifest()["files"][0]["error"]


def test_semicolon_csv_whose_header_holds_a_comma(tiny_cfg):
    data = "kerneområde;gruppe;tekst, noter og kommentarer\nLæring;1;Trivsel, mobning og leg.\n".encode()
    cfg = tiny_cfg.__class__(
        **{
            **tiny_cfg.__dict__,
            "input": tiny_cfg.input.__class__(columns={"text": "tekst, noter og kommentarer"}),
        }
    )
    result = ingest([SourceFile("noter.csv", data)], cfg)
    assert list(result.notes.text) == ["Trivsel, mobning og leg."]


def test_a_folder_with_sub_folders_and_formats_to_save_again(tmp_path, tiny_csv_bytes, tiny_cfg):
    from pipeline.io import collect_sources

    (tmp_path / "noter" / "dag 2").mkdir(parents=True)
    (tmp_path / "noter" / "a.csv").write_bytes(tiny_csv_bytes)
    (tmp_path / "noter" / "dag 2" / "b.md").write_text(
        "---\ngruppe: 9\n---\n# Læring\nTrivsel.\n", encoding="utf-8"
    )
    for old in ("c.doc", "d.odt", "e.rtf"):
        (tmp_path / "noter" / "dag 2" / old).write_bytes(b"x")
    (tmp_path / "noter" / ".skjult").mkdir()
    (tmp_path / "noter" / ".skjult" / "f.csv").write_bytes(tiny_csv_bytes)
    sources = collect_sources([tmp_path / "noter"], root=tmp_path)
    names = [s.name.replace(str(tmp_path), "") for s in sources]
    assert names == [
        "/noter/a.csv",
        "/noter/dag 2/b.md",
        "/noter/dag 2/c.doc",
        "/noter/dag 2/d.odt",
        "/noter/dag 2/e.rtf",
    ]
    result = ingest(sources, tiny_cfg)
    errors = [f["error"] for f in result.manifest()["files"] if f["error"]]
    assert len(errors) == 3 and all("save it as .docx" in e for e in errors)
    assert 9 in set(result.notes.group)


def test_a_252_character_seminar_name_gives_every_page(tiny_cfg):
    from dataclasses import replace

    from pipeline.names import slugify
    from tests.helpers import analyse_rows

    cfg = replace(tiny_cfg, name="Seminar " + "om trivsel og frivillighed " * 9 + "x")
    assert len(cfg.name) == 252
    rows = [
        "kerneområde;gruppe;tekst",
        "Læring;1;Trivsel i klassen og mobning.",
        "Læring;2;Trivsel og mobning i frikvarteret.",
    ]
    _, _, pages = analyse_rows(rows, cfg)
    assert any(isinstance(p, bytes) for p in pages.values())  # the DOCX pages were written
    assert len(slugify("område " * 60)) <= 80 and slugify("a " * 60) != slugify("b " * 60)


def test_the_reason_a_docx_table_is_skipped_carries_no_personal_data(tiny_cfg):
    import json
    from dataclasses import replace

    from pipeline.config import PrivacyConfig

    cfg = replace(tiny_cfg, privacy=PrivacyConfig(names=("Hanne Jensen",)))
    docx = docx_bytes(
        [("t", [["Tekst", "Hanne Jensen"], ["a", "b"]]), ("h", "Læring"), ("p", "Gruppe 1 talte om trivsel.")]
    )
    result = ingest([SourceFile("noter.docx", docx)], cfg)
    dumped = json.dumps(result.manifest(), ensure_ascii=False)
    assert "Hanne" not in dumped and "not a notes table" in dumped
