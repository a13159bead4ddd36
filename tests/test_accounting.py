"""Every note accounted for: offered = accepted + rejected, per file and in total, whatever the input."""

from __future__ import annotations

import csv
import io
from functools import lru_cache

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.config import parse_config
from pipeline.errors import InputError
from pipeline.ingest import SourceFile, ingest, read_source
from tests.conftest import TINY_TOML
from tests.helpers import xlsx_bytes

CFG = parse_config(TINY_TOML)
OPEN_CFG = parse_config('[seminar]\nname = "Åben"\nyear = 2025\n')  # no core areas: any area name


def assert_accounted(result) -> None:
    manifest = result.manifest()
    for f in manifest["files"]:
        assert f["notes_offered"] == f["notes_accepted"] + f["notes_rejected"], f
        if f["error"]:
            assert f["notes_offered"] == 0 and not f["readable"]
    assert manifest["notes_offered"] == manifest["notes_accepted"] + manifest["notes_rejected"]
    assert manifest["notes_accepted"] == len(result.notes) and manifest["notes_rejected"] == len(
        result.rejects
    )
    assert manifest["files_read"] + manifest["files_unreadable"] == len(manifest["files"])


def test_a_folder_of_good_and_hostile_files_reports_every_file_and_note(tiny_csv_bytes):
    sources = [
        SourceFile("god.csv", tiny_csv_bytes),
        SourceFile(
            "skæv.csv",
            "kerneområde,gruppe,tekst\nLæring,4,en,to,tre\nLæring,5,Trivsel.\n,,\nLæring,x,Noget.\n".encode(),
        ),
        SourceFile("tom.csv", b""),
        SourceFile("ikke-word.docx", b"not a docx"),
        SourceFile(
            "utf16.csv",
            "kerneområde\tgruppe\ttekst\nSocial omsorg\t7\tFrivillige og pårørende.\n".encode("utf-16"),
        ),
        SourceFile(
            "excel-unicode.txt",
            "kerneområde\tgruppe\ttekst\nLæring\t8\tMobning forebygges.\n".encode("utf-16"),
        ),
        SourceFile(
            "år.csv",
            "kerneområde,gruppe,tekst,år\nLæring,9,Trivsel.,1e999\nLæring,10,Trivsel.,99999\nLæring,11,Trivsel.,2025\n".encode(),
        ),
    ]
    result = ingest(sources, CFG)
    assert_accounted(result)
    m = result.manifest()
    by_name = {f["source_file"]: f for f in m["files"]}
    assert m["files_unreadable"] == 2 and m["files_read"] == 5
    assert by_name["tom.csv"]["error"].startswith("tom.csv (whole file): the file is empty")
    assert (
        by_name["skæv.csv"]["notes_offered"],
        by_name["skæv.csv"]["notes_accepted"],
        by_name["skæv.csv"]["notes_rejected"],
    ) == (3, 1, 2)
    assert (by_name["utf16.csv"]["notes_accepted"], by_name["utf16.csv"]["details"]["encoding"]) == (
        1,
        "utf-16",
    )
    assert (by_name["excel-unicode.txt"]["format"], by_name["excel-unicode.txt"]["notes_accepted"]) == (
        "csv",
        1,
    )
    assert (by_name["år.csv"]["notes_accepted"], by_name["år.csv"]["notes_rejected"]) == (1, 2)
    rejects = result.rejects.set_index(["source_file", "source_ref"])["reason"]
    assert rejects["skæv.csv", "line 2"].startswith("the row has 5 fields")
    assert rejects["skæv.csv", "line 5"].startswith("group 'x' is not a group number")
    assert rejects["år.csv", "line 2"].startswith("year '1e999' is not a year")
    lines = result.method_lines(CFG)
    assert "tom.csv (whole file): the file is empty" in lines["Filer der ikke kunne læses"]
    assert "ikke-word.docx" in lines["Filer der ikke kunne læses"]
    assert "Kerneområder uden noter" not in lines


def test_configured_area_without_notes_is_named(tiny_cfg):
    data = "kerneområde;gruppe;tekst\nLæring;1;Trivsel i skolen.\n".encode()
    result = ingest([SourceFile("n.csv", data)], tiny_cfg)
    assert result.method_lines(tiny_cfg)["Kerneområder uden noter"] == "Social omsorg"


def test_area_names_that_would_share_a_report_file_are_rejected_not_overwritten():
    data = (
        "kerneområde;gruppe;tekst\nSocial "
        "omsorg;1;Frivillige.\nSocial-omsorg;2;Pårørende.\nIndex;1;Noget.\n???;1;Noget.\n"
    ).encode()
    result = ingest([SourceFile("n.csv", data)], OPEN_CFG)
    assert list(result.notes.core_area) == ["Social omsorg"]
    reasons = list(result.rejects.reason)
    assert "gives the same report file name (social-omsorg.html) as 'Social omsorg'" in reasons[0]
    assert all("cannot be used as a report file name" in r for r in reasons[1:])
    assert_accounted(result)


def test_very_long_note_is_read_whole():
    text = "Frivillige hjælper ældre borgere i hverdagen. " * 5000  # 230 000 characters in one cell
    data = f'kerneområde;gruppe;tekst\nSocial omsorg;1;"{text}"\n'.encode()
    result = ingest([SourceFile("lang.csv", data)], CFG)
    assert len(result.notes) == 1 and len(result.notes.text[0]) > 200_000


# --- property-based: readers over arbitrary text and table shapes ---------------------------------

cell = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
header_choice = st.sampled_from(["kerneområde", "gruppe", "tekst", "år", "tema", "", "x", "=SUM(A1)"])
AREA = st.sampled_from(["Social omsorg", "Læring", "Skole", "ukendt", "", "=1+1"])
GROUP = st.one_of(
    st.sampled_from(["1", "2", "Gruppe 3", "3.0", "", "x", "1e999"]), st.integers(-5, 2000).map(str)
)


@st.composite
def tables(draw):
    header = (
        ["kerneområde", "gruppe", "tekst"]
        if draw(st.booleans())
        else draw(st.lists(header_choice, min_size=0, max_size=5))
    )
    rows = draw(st.lists(st.lists(st.one_of(cell, AREA, GROUP), min_size=0, max_size=6), max_size=8))
    return [header, *rows]


def _csv(rows, delimiter: str, encoding: str) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return buf.getvalue().encode(encoding, errors="replace")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    tables(), st.sampled_from([",", ";", "\t"]), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"])
)
def test_csv_reader_on_arbitrary_tables(rows, delimiter, encoding):
    data = _csv(rows, delimiter, encoding)
    for cfg in (CFG, OPEN_CFG):
        try:
            read_source(SourceFile("t.csv", data), cfg)
        except InputError:
            pass
        assert_accounted(ingest([SourceFile("t.csv", data), SourceFile("t.txt", data)], cfg))


@settings(max_examples=80, deadline=None)
@given(
    st.binary(max_size=400),
    st.sampled_from(["a.csv", "a.txt", "a.md", "a.docx", "a.xlsx", "a.pdf", "a.tsv", "a.xyz"]),
)
def test_every_reader_on_arbitrary_bytes_raises_only_input_errors(data, name):
    try:
        read_source(SourceFile(name, data), CFG)
    except InputError:
        pass
    assert_accounted(ingest([SourceFile(name, data)], CFG))


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=600))
def test_text_readers_on_arbitrary_text(text):
    for name in ("a.txt", "a.md", "a.csv"):
        try:
            read_source(SourceFile(name, text.encode("utf-8")), CFG)
        except InputError:
            pass
        assert_accounted(ingest([SourceFile(name, text.encode("utf-8"))], CFG))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
def test_xlsx_reader_on_arbitrary_tables(rows):
    clean = [[c.replace("\x00", "") if isinstance(c, str) else c for c in row] for row in rows]
    clean = [[c for c in row if not any(ord(ch) < 32 and ch not in "\t\n\r" for ch in c)] for row in clean]
    data = xlsx_bytes({"Noter": clean or [[]]})
    try:
        read_source(SourceFile("t.xlsx", data), CFG)
    except InputError:
        pass
    assert_accounted(ingest([SourceFile("t.xlsx", data)], CFG))


# --- property-based: the NLP stage over arbitrary note texts ---------------------------------------


@lru_cache(maxsize=1)
def _nlp():
    from pipeline.nlp import build_nlp

    return build_nlp(CFG.nlp)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=300), min_size=1, max_size=5))
def test_statements_from_arbitrary_texts(texts):
    from pipeline.nlp import make_statements

    data = "kerneområde;gruppe;tekst\n" + "".join(
        f'Læring;{i + 1};"{t.replace(chr(34), chr(34) * 2)}"\n' for i, t in enumerate(texts)
    )
    result = ingest([SourceFile("n.csv", data.encode("utf-8"))], CFG)
    assert_accounted(result)
    statements = make_statements(result.notes, _nlp(), CFG.nlp)
    assert isinstance(statements, pd.DataFrame)
    # every accepted note reaches the statements (tests/test_nothing_lost.py checks every word)
    assert set(statements["note_id"]) == set(result.notes["note_id"])
