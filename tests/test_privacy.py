"""Personal data is removed at ingest: CPR numbers, e-mail addresses, phone numbers and listed names."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest

from pipeline.config import PrivacyConfig, parse_config
from pipeline.errors import ConfigError
from pipeline.ingest import SourceFile, ingest
from pipeline.privacy import Redactor, cpr_birth_date, describe_counts, is_cpr, redact
from tests.conftest import TINY_TOML


@pytest.mark.parametrize(
    ("number", "born"),
    [
        ("010203-1234", dt.date(1903, 2, 1)),  # 7th digit 1: 1900s
        ("0102031234", dt.date(1903, 2, 1)),
        ("290224-4123", dt.date(2024, 2, 29)),  # 7th digit 4, year 24: 2000s, leap day
        ("150537-4321", dt.date(1937, 5, 15)),  # 7th digit 4, year 37: 1900s
        ("311299-9999", dt.date(1999, 12, 31)),  # 7th digit 9, year 99: 1900s
        ("010110-5000", dt.date(2010, 1, 1)),  # 5-8: 2000s up to 57
        ("010160-5000", dt.date(1860, 1, 1)),  # 5-8: 1800s from 58
        ("070761-4285", dt.date(1961, 7, 7)),  # fails modulus 11, still a valid CPR number
    ],
)
def test_cpr_century_rule_and_no_modulus_11(number, born):
    assert cpr_birth_date(number) == born
    assert is_cpr(number)
    assert redact(f"Borgerens CPR er {number}.") == "Borgerens CPR er [CPR]."


@pytest.mark.parametrize(
    "number", ["320199-1234", "011399-1234", "290223-4123", "000000-0000", "3112991234x"]
)
def test_not_a_date_is_not_a_cpr_number(number):
    assert not is_cpr(number)


def test_realistic_note_loses_all_personal_data_and_keeps_the_rest():
    note = (
        "Gruppe 3 drøftede sagen om borger (CPR 120358-1234, mor: 1203581234) der havde skrevet til "
        "jens.hansen@hedensted.dk og ringet fra +45 23 45 67 89 og 87 65 43 21 samt 40404040. "
        "Hanne Jensen fra Jobcentret (hanne_j+seminar@mail.example.org, tlf. 2345 6789) foreslog at "
        "afsætte 1.200.000 kr. i 2024-2025; budgettet stiger 12 % fra 2024 til 2025 (sag 24/12345, "
        "konto 1234-5678901, hovedkonto 5.32.32, mødet 01.02.2024 kl. 10.30). Bo nævnte at ældre vil bo "
        "hjemme; Hanne Jensens idé."
    )
    text, counts = Redactor(names=("Hanne Jensen", "Bo")).redact(note)
    for secret in (
        "120358-1234",
        "1234-5678901",
        "1203581234",
        "jens.hansen",
        "hanne_j",
        "23 45 67 89",
        "87 65 43 21",
        "40404040",
        "2345 6789",
        "Hanne",
        "Bo ",
    ):
        assert secret not in text, secret
    for kept in (
        "1.200.000 kr.",
        "2024-2025",
        "12 %",
        "fra 2024 til 2025",
        "sag 24/12345",
        "hovedkonto 5.32.32",
        "01.02.2024",
        "kl. 10.30",
        "vil bo hjemme",
    ):
        assert kept in text, kept
    assert dict(counts) == {"cpr": 2, "email": 2, "phone": 4, "name": 3, "account": 1}
    assert "[CPR]" in text and "[e-mail]" in text and "[telefon]" in text and "[navn]" in text


@pytest.mark.parametrize(
    "text",
    [
        "Budgettet er 1.200.000 kr. og 12000000 kr. i alt",
        "Perioden 2024-2025 og årene 2024 2025",
        "Dato 20240101 og 2024-02-26 og 26.02.2024",
        "Andelen steg fra 45 % til 60 %",
        "Sag nr. 24/12345 og journal 2024-123456 og hovedkonto 5.32.32",
        "Gruppe 12 af 30, 350 borgere, 1200 elever",
        "Version 1.2.3 og 10.000.000",
    ],
)
def test_no_false_positives_on_figures(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "phone",
    [
        "12345678",
        "12 34 56 78",
        "1234 5678",
        "+45 12345678",
        "+4512345678",
        "+45 12 34 56 78",
        "0045 22 33 44 55",
    ],
)
def test_danish_phone_shapes(phone):
    assert redact(f"Ring på {phone} i dag") == "Ring på [telefon] i dag"


def test_kinds_can_be_chosen_and_counts_are_described_in_danish():
    text = "CPR 010203-1234, mail a@b.dk"
    assert Redactor(kinds=("email",)).redact(text)[0] == "CPR 010203-1234, mail [e-mail]"
    assert describe_counts({"cpr": 2, "email": 1}) == "1 e-mailadresse, 2 CPR-numre"
    assert describe_counts({}) == "ingen"


def test_ingest_redacts_before_anything_downstream_and_counts_in_the_manifest(tiny_cfg):
    cfg = replace(tiny_cfg, privacy=PrivacyConfig(names=("Hanne Jensen",)))
    data = (
        "kerneområde;gruppe;tekst\n"
        "Social omsorg;1;Hanne Jensen (010203-1234) siger frivillige kan skrive til frivillig@kommune.dk.\n"
        "Læring;1;Trivsel: ring 22 33 44 55.\n"
        "Læring;1;Dublet med CPR 0102031234.\n"
    ).encode()
    result = ingest([SourceFile("noter.csv", data)], cfg)
    dumped = (
        json.dumps(result.manifest(), ensure_ascii=False) + result.notes.to_csv() + result.rejects.to_csv()
    )
    for secret in ("010203", "0102031234", "frivillig@kommune.dk", "22 33 44 55", "Hanne"):
        assert secret not in dumped, secret
    manifest = result.manifest()
    assert manifest["redacted"] == {"cpr": 2, "email": 1, "name": 1, "phone": 1}
    assert manifest["files"][0]["redacted"] == manifest["redacted"]
    assert (
        result.method_lines()["Personoplysninger fjernet"]
        == "1 e-mailadresse, 2 CPR-numre, 1 telefonnummer, 1 navn"
    )


def test_redaction_can_be_switched_off(tiny_cfg):
    cfg = replace(tiny_cfg, privacy=PrivacyConfig(redact=False))
    data = "kerneområde;gruppe;tekst\nLæring;1;Kontakt a@b.dk om trivsel.\n".encode()
    assert "a@b.dk" in ingest([SourceFile("n.csv", data)], cfg).notes.text[0]


def test_privacy_section_in_the_config():
    cfg = parse_config(TINY_TOML + '\n[privacy]\nkinds = ["cpr", "name"]\nnames = ["Hanne Jensen"]\n')
    assert cfg.privacy == PrivacyConfig(redact=True, kinds=("cpr", "name"), names=("Hanne Jensen",))
    assert parse_config(TINY_TOML).privacy.redact is True  # on by default
    with pytest.raises(ConfigError, match=r"\[privacy\] kinds has unknown kind\(s\) cprr"):
        parse_config(TINY_TOML + '\n[privacy]\nkinds = ["cprr"]\n')
    with pytest.raises(ConfigError, match=r"\[privacy\] redact = 'ja' is not true or false"):
        parse_config(TINY_TOML + '\n[privacy]\nredact = "ja"\n')


def test_redact_frame_for_the_topics_command():
    import pandas as pd

    from pipeline.privacy import redact_frame

    df = pd.DataFrame({"id": [1, 2], "svar": ["Ring 22 33 44 55", "CPR 010203-1234 og a@b.dk"]})
    out = redact_frame(df)
    assert list(out["svar"]) == ["Ring [telefon]", "CPR [CPR] og [e-mail]"]
    assert list(out["id"]) == [1, 2]
    assert redact_frame(df, PrivacyConfig(redact=False)) is df


def test_no_personal_data_reaches_any_table_or_page(tiny_cfg):
    """End to end: notes with a CPR number, an e-mail and phone numbers; nothing of them in any output."""
    import io
    import zipfile

    from tests.helpers import analyse_rows

    secrets = ["010203-1234", "0102031234", "jens.hansen@example.dk", "+45 20 30 40 50", "20304050"]
    rows = [
        "kerneområde;gruppe;tekst",
        'Social omsorg;1;"Borgeren (010203-1234) vil gerne være frivillig. Skriv til jens.hansen@example.dk '
        'om frivillige i ældreplejen."',
        'Social omsorg;2;"Koordinering af frivillige i ældreplejen, ring +45 20 30 40 50. Pårørende vil '
        'hjælpe."',
        'Social omsorg;3;"Frivillige på plejehjem (cpr 0102031234, tlf. 20304050) skaber samvær."',
    ]
    result, analysis, pages = analyse_rows(rows, tiny_cfg)
    texts = [
        df.to_csv(index=False)
        for df in (
            analysis.notes,
            analysis.rejects,
            analysis.statements,
            analysis.themes,
            analysis.units,
            analysis.cross,
            analysis.terms,
        )
    ]
    for page in pages.values():
        if isinstance(page, bytes):  # a DOCX: every XML part of the package
            with zipfile.ZipFile(io.BytesIO(page)) as z:
                texts += [z.read(n).decode("utf-8", "ignore") for n in z.namelist()]
        else:
            texts.append(page)
    texts.append(str(result.manifest()))
    for secret in secrets:
        assert not any(secret in t for t in texts), secret


@pytest.mark.parametrize(
    "cpr",
    [
        "120379-1233",
        "120379 1233",
        "120379.1233",
        "120379/1233",
        "12.03.79-1233",
        "12 03 79 1233",
        "12-03-79-1233",
        "12/03/79 1233",
        "12.03.79.1233",
        "120379 – 1233",
        "120379–1233",
    ],
)
def test_cpr_in_every_written_form(cpr):
    assert redact(f"Borgeren ({cpr}) ringede.") == "Borgeren ([CPR]) ringede."


@pytest.mark.parametrize(
    "phone",
    [
        "22-33-44-55",
        "22.33.44.55",
        "2233-4455",
        "2233.4455",
        "223 34 455",
        "+45 22-33-44-55",
        "(+45) 22334455",
        "0045-22334455",
        "+45.2233 4455",
    ],
)
def test_danish_phone_in_every_grouping(phone):
    assert redact(f"Ring på {phone} i dag") == "Ring på [telefon] i dag"


@pytest.mark.parametrize(
    "text",
    [
        "Perioden 2024-2025 og 2024.2025, krigen (1894-1895) og dynastiet (1644-1912)",
        "Mellem 1000-2000 kr. og 1500–2500 elever",
        "Tallene 32 13 79 1233 og 12 13 79 1233",
        "Mødet 26.02.2024 kl. 10.30 i lokale 12",
    ],
)
def test_figures_with_separators_are_not_personal_data(text):
    assert redact(text) == text


def test_listed_names_in_any_case_and_inflection_and_their_parts():
    r = Redactor(names=("Hanne Jensen", "Bo", "Maria Skov"))
    text = r.redact(
        "hanne jensen og HANNE JENSENS forslag; Jensen's idé, Hannes plan. Bo og Bos bolig; de vil bo her og "
        "gå i skov."
    )[0]
    assert text == (
        "[navn] og [navn] forslag; [navn] idé, [navn] plan. [navn] og [navn] bolig; de vil bo her og gå "
        "i skov."
    )


def test_config_text_is_redacted_and_the_names_list_is_never_published(tmp_path):
    from pipeline import io

    toml = TINY_TOML.replace(
        'question = "Hvordan inddrager vi frivillige?"',
        'question = "Hvordan inddrager Hanne Jensen (tlf. 22 33 44 55) frivillige?"',
    )
    toml = toml.replace('name = "Testseminar"', 'name = "Testseminar hos jens@kommune.dk"')
    path = tmp_path / "seminar.toml"
    path.write_text(
        toml + '\n[input]\nfiles = ["noter Hanne Jensen.csv"]\n[privacy]\nnames = ["Hanne Jensen"]\n',
        encoding="utf-8",
    )
    cfg = io.read_config(path)
    assert cfg.core_areas[0].question == "Hvordan inddrager [navn] (tlf. [telefon]) frivillige?"
    assert cfg.name == "Testseminar hos [e-mail]"
    snapshot = io.write_config_snapshot(cfg, tmp_path / "out").read_text(encoding="utf-8")
    assert (
        "Hanne" not in snapshot and "names_not_published = 1" in snapshot and "noter [navn].csv" in snapshot
    )
    assert cfg.input.files == ("noter Hanne Jensen.csv",)  # read as written


def test_file_names_are_redacted_wherever_they_are_written(tiny_cfg, tiny_csv_bytes):
    cfg = replace(tiny_cfg, privacy=PrivacyConfig(names=("Hanne Jensen",)))
    sources = [
        SourceFile("noter Hanne Jensen 0102031234.csv", tiny_csv_bytes),
        SourceFile("tom 22334455.csv", b""),
    ]
    result = ingest(sources, cfg)
    dumped = (
        json.dumps(result.manifest(), ensure_ascii=False)
        + result.notes.to_csv()
        + result.rejects.to_csv()
        + str(result.method_lines())
    )
    for secret in ("Hanne", "0102031234", "22334455"):
        assert secret not in dumped, secret
    assert set(result.notes.source_file) == {"noter [navn] [CPR].csv"}


def test_sheet_names_in_the_place_of_a_note_are_redacted(tiny_cfg):
    from tests.helpers import xlsx_bytes

    cfg = replace(tiny_cfg, privacy=PrivacyConfig(names=("Hanne",)))
    data = xlsx_bytes({"Hanne": [["kerneområde", "gruppe", "tekst"], ["Læring", 1, "Trivsel i klassen."]]})
    result = ingest([SourceFile("n.xlsx", data)], cfg)
    assert "Hanne" not in json.dumps(result.manifest(), ensure_ascii=False)
    assert (
        result.notes.source_ref[0] == "sheet '[navn]', row 2" and result.redacted == {}
    )  # not counted as a note's name
