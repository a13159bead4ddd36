"""Street addresses, titled surnames and bank accounts are redacted; figures and places stay."""

import pytest

from pipeline.privacy import Redactor, describe_counts, redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Borgeren bor på Nørregade 12, 2. tv, 8722 Hedensted.", "Borgeren bor på [adresse]."),
        ("Hun flyttede til Skolevej 5B i maj.", "Hun flyttede til [adresse] i maj."),
        ("Mødet var på Lise Nørgaards Vej 3.", "Mødet var på [adresse]."),
        ("Han bor på Store Torv 1, st. th.", "Han bor på [adresse]."),
        ("fra Vestergade 3-5 til", "fra [adresse] til"),
    ],
)
def test_street_address_with_house_number_is_redacted(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Butikkerne på Nørregade lukker.",  # a street without a number is a place
        "Postnummer 8700 Horsens og 8722 Hedensted.",
        "Budget 2025, Kerneområde 3 og Arbejdsplads 2.",  # "plads" also ends common nouns
        "Vejen 3 steder hen er lang.",  # the bare ending is no street
        "Vi bruger 0,7 % af BNI og 1.500.000 kr. i 2024-25; 10. klasse.",
    ],
)
def test_places_and_figures_stay(text):
    assert redact(text) == text


def test_surname_after_a_title_is_a_name():
    assert (
        redact("Fru Jensen sagde nej, og hr. Poul-Erik Hansen ja.")
        == "Fru [navn] sagde nej, og hr. [navn] ja."
    )
    # a title's word inside another word is no title
    assert redact("Frugten og Hrafn") == "Frugten og Hrafn"


def test_bank_accounts_are_redacted_but_company_numbers_stay():
    assert redact("IBAN DK50 0040 0440 1162 43 og kontonr. 1234-5678901234.") == (
        "IBAN [kontonummer] og kontonr. [kontonummer]."
    )
    assert redact("CVR 1234-5678 og sag 2024-123456") == "CVR 1234-5678 og sag 2024-123456"


def test_counts_are_said_in_danish():
    _, counts = Redactor().redact("Nørregade 12 og Skolevej 3; konto 1234 567890")
    assert counts == {"address": 2, "account": 1}
    assert describe_counts(counts) == "2 adresser, 1 kontonummer"


def test_kinds_can_be_left_out():
    assert Redactor(kinds=("cpr",)).redact("Nørregade 12")[0] == "Nørregade 12"
