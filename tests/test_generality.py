"""How general a noun is (CDT document frequency) and bare general nouns in themes: a word is not a point."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd

from pipeline.danish.generality import count_noun_documents, is_general_noun, noun_share
from pipeline.danish.inflection import is_nominalisation
from pipeline.themes.words import is_bare_general, split_bare_words

ROOT = Path(__file__).resolve().parents[1]


def _doc(*nouns: str) -> list[str]:
    return [f"{i}\t{n}\t{n}\tNC\tNCCSU==I\t_\t0\tROOT\t_\t_" for i, n in enumerate(nouns, 1)] + [
        "1\tgår\tgå\tVA\tVADR=----A-\t_\t0\tROOT\t_\t_"
    ]


def test_a_noun_counts_once_per_document_and_only_nouns_count():
    n, counts = count_noun_documents([_doc("plads", "plads", "Hus"), _doc("plads"), _doc("demens")])
    assert n == 3
    assert counts == {"plads": 2, "hus": 1, "demens": 1}  # "gå" is a verb; lemmas lowercased


def test_the_build_script_writes_the_table_the_lookup_reads(tmp_path):
    spec = importlib.util.spec_from_file_location("build", ROOT / "training" / "build_noun_generality.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    cdt = tmp_path / "cdt"
    cdt.mkdir()
    for i, nouns in enumerate([("plads", "lov"), ("plads",), ("demens",)]):
        (cdt / f"{i:04d}-da.conll").write_text("\n".join(_doc(*nouns)) + "\n", encoding="utf-8")
    out = tmp_path / "table.tsv"
    assert build.build(cdt, out) == 3
    # nouns of one document only are left out (specific); the most used first
    assert out.read_text(encoding="utf-8") == "#documents\t3\nplads\t2\n"


def test_general_nouns_of_any_text_and_specific_domain_nouns():
    # the shipped table (CDT): nouns any text uses are general ...
    for word in ("plads", "system", "lov", "hus", "samarbejde", "opgave", "økonomi"):
        assert is_general_noun(word), word
    # ... rare and domain nouns are not
    for word in ("demens", "cyberangreb", "grænsehandel", "kommunikation", "energi", "velfærd", "ældrepleje"):
        assert not is_general_noun(word), word
    assert noun_share("plads") > noun_share("energi") > noun_share("demens") == 0.0


def test_a_bare_label_is_general_only_as_one_general_noun():
    assert is_bare_general("plads") and is_bare_general("system")
    assert not is_bare_general("tværfaglig samarbejde")  # says what about it
    assert not is_bare_general("grænsehandel")


def test_a_general_noun_of_an_action_or_a_quality_is_a_claim_and_stays_a_point():
    # made from a verb (its infinitive, or an action ending) or an adjective (a quality ending)
    for word in ("samarbejde", "udvikling", "arbejde", "støtte", "sikkerhed"):
        assert is_general_noun(word) and is_nominalisation(word), word
        assert not is_bare_general(word), word  # "more collaboration" is a claim
    # entity nouns, and derived nouns a corpus counts in the plural, name things
    for word in ("plads", "system", "hus", "lov", "virksomhed", "myndighed", "organisation"):
        assert not is_nominalisation(word), word
    assert is_bare_general("virksomhed") and is_bare_general("lov")
    # a measure noun says no more alone than a thing does
    assert is_nominalisation("løsning") and is_bare_general("løsning")
    # however rare in the reference corpus: "intervention" alone names no measure either
    assert not is_general_noun("intervention") and is_bare_general("intervention")
    assert not is_bare_general("tidlig intervention")
    assert not is_bare_general("grænsehandel")


def _units(rows):
    return pd.DataFrame(
        [
            {"year": 2024, "group": g, "lemmas": lem, "verbs": "", "core_area": "A", "statement_id": f"s{i}"}
            for i, (g, lem) in enumerate(rows)
        ]
    )


def test_a_bare_general_noun_theme_falls_apart_into_each_groups_own_claim():
    part = _units(
        [
            (1, "plads offentlig vækst"),  # "plads til offentlig vækst"
            (2, "plads skattelettelse"),  # "plads til skattelettelser"
            (3, "plads"),  # only the word
            (4, "grænsehandel"),
            (5, "grænsehandel"),
        ]
    )
    found = {"plads": [{0, 1, 2}, False], "grænsehandel": [{3, 4}, False]}
    out = split_bare_words(part, found, frozenset())
    assert "plads" not in out  # never "3 af 5 pegede på plads"
    assert out["grænsehandel"] == [{3, 4}, False]  # a specific noun alone is a point
    # each group's own words, a theme of its own; the group that wrote only the word is in none
    assert {k: sorted(v[0]) for k, v in out.items() if k != "grænsehandel"} == {
        "plads offentlig vækst": [0],
        "plads skattelettelse": [1],
    }


def test_groups_that_say_the_same_about_a_general_noun_stay_one_point():
    part = _units([(1, "bedre digital system"), (3, "digital system"), (4, "system")])
    out = split_bare_words(part, {"system": [{0, 1, 2}, False]}, frozenset())
    assert out == {"digital system": [{0, 1}, False]}
    # one group's bare word counts no one else: kept as it is
    one = split_bare_words(part, {"system": [{2}, False]}, frozenset())
    assert one == {"system": [{2}, False]}


def test_a_general_noun_of_an_action_keeps_its_groups_together():
    part = _units([(4, "samarbejde virksomhed"), (1, "samarbejde tværs fagområde"), (3, "samarbejde")])
    found = {"samarbejde": [{0, 1, 2}, False]}
    assert split_bare_words(part, found, frozenset()) == {"samarbejde": [{0, 1, 2}, False]}


def test_a_genitive_before_its_noun_stays_a_possessor_and_a_genitive_head_becomes_base_form():
    from pipeline.danish.inflection import base_label

    lemma_of = {
        "kommunens": "kommune",
        "ældres": "ældre",
        "borgernes": "borger",
        "lokalsamfundets": "lokalsamfund",
    }
    assert base_label("Kommunens jordbesiddelser", lemma_of) == "Kommunens jordbesiddelser"
    assert base_label("Lokalsamfundets trivsel", lemma_of) == "Lokalsamfundets trivsel"
    assert base_label("Ældres", lemma_of) == "Ældre"
    assert base_label("Borgernes", lemma_of) == "Borger"
    assert base_label("Demens og på", {}) == "Demens"


def test_a_word_taken_apart_is_recorded_with_each_groups_own_words():
    part = _units([(1, "plads offentlig vækst"), (2, "plads")]).assign(
        text=["plads til offentlig vækst", "plads"]
    )
    apart: list = []
    split_bare_words(part, {"plads": [{0, 1}, False]}, frozenset(), apart)
    assert [a.as_dict() for a in apart] == [
        {
            "word": "plads",
            "heading": "plads",
            "groups": [
                {"year": 2024, "group": 1, "words": ["plads til offentlig vækst"], "statements": ["s0"]},
                {"year": 2024, "group": 2, "words": ["plads"], "statements": ["s1"]},
            ],
        }
    ]
