"""Word families over the years: the Danish rules (parts, one thing's names, country adjectives), the rows."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.compare.tables import YearTables
from pipeline.compare.words import Taken, proper_names, word_families
from pipeline.danish.word_families import SAME_NAMES, adjective_name, family_keys, same_name


@pytest.mark.parametrize(
    "lemma, keys",
    [
        # a compound's modifier and head, at any depth
        ("specialasylcenter", {"asyl", "asylcenter", "center", "special", "specialasylcenter"}),
        ("kvoteflygtning", {"flygtning", "kvote", "kvoteflygtning"}),
        # a number stays with the word before it; a short part ("it") is no family
        ("covid-19-test", {"covid-19", "covid-19-test", "test"}),
        ("it-sikkerhed", {"it-sikkerhed", "sikkerhed"}),
    ],
)
def test_a_word_belongs_to_the_family_of_each_of_its_parts(lemma, keys):
    assert family_keys(lemma) == frozenset(keys)


def test_one_things_names_are_one_family_by_the_lexicon():
    # a lexicon entry (data/same_names.txt): corona and covid-19 name one disease
    assert same_name("corona") == same_name("covid-19") == "covid-19"
    assert "covid-19" in family_keys("coronakrise")
    # a related word is no name of it
    assert "smitte" not in SAME_NAMES and "vaccine" not in SAME_NAMES
    assert same_name("krise") == "krise"


@pytest.mark.parametrize(
    "adjective, name",
    [("russisk", "rusland"), ("ukrainsk", "ukraine"), ("tysk", "tyskland"), ("italiensk", "italien")],
)
def test_a_country_adjective_joins_the_name_written_in_the_texts(adjective, name):
    names = frozenset({"rusland", "ukraine", "tyskland", "italien", "danmark"})
    assert adjective_name(adjective, names) == name
    assert adjective_name(adjective, frozenset({"danmark"})) is None  # the name must be written


@pytest.mark.parametrize("adjective", ["politisk", "økonomisk", "dansk", "fysisk", "psykisk"])
def test_an_adjective_joins_no_common_noun(adjective):
    # "politi", "økonomi", "fysik" are common nouns, never written as a name inside a sentence
    assert adjective_name(adjective, frozenset({"danmark", "rusland"})) is None


def _year(year: int, notes: dict[int, list[str]], area: str = "Dagsorden") -> YearTables:
    rows = []
    for group, sentences in notes.items():
        for i, text in enumerate(sentences):
            lemmas = text.lower().replace(".", "").split()
            rows.append(
                {
                    "core_area": area,
                    "group": group,
                    "statement_id": f"{year}-{group}-{i}",
                    "text": text,
                    "tokens": text.replace(".", ""),
                    "lemmas": " ".join(lemmas),
                    "content_lemmas": " ".join(w for w in lemmas if w not in {"om", "af", "for", "til"}),
                }
            )
    statements = pd.DataFrame(rows)
    noted = pd.DataFrame({"core_area": [area] * len(notes), "group": list(notes)})
    return YearTables(year, str(year), noted, statements, pd.DataFrame(), pd.DataFrame(), pd.DataFrame(), 2)


def _tables() -> dict[int, YearTables]:
    return {
        2020: _year(
            2020,
            {
                1: ["Om coronakrise og lov.", "Om skole."],
                2: ["Om covid-19 og lov.", "Om folkeskole."],
                3: ["Om skole og lov."],
                4: ["Om coronasmitte og lov."],
            },
        ),
        2021: _year(
            2021,
            {1: ["Om covid-19-test og lov."], 2: ["Om covid-19 og lov."], 3: ["Om lov."], 4: ["Om lov."]},
        ),
        2022: _year(
            2022,
            {
                1: ["Om lov."],
                2: ["Om skole og lov."],
                3: ["Om russisk sanktion og friskole."],
                4: ["Om russisk gas og lov."],
            },
        ),
        2023: _year(
            2023, {1: ["Om sanktioner mod Rusland og lov."], 2: ["Om Rusland og lov."], 3: ["Om lov."], 4: []}
        ),
    }


def _counts(row) -> dict[int, list[str]]:
    return {y: sorted(s) for y, s in row.said.items()}


def test_a_family_recurring_over_years_is_a_row_counted_from_the_notes():
    tables = _tables()
    rows = {r.key: r for r in word_families(tables, "Dagsorden", 2, names=proper_names(tables))}
    covid = rows["covid-19"]
    assert _counts(covid) == {2020: ["1", "2", "4"], 2021: ["1", "2"], 2022: [], 2023: []}
    assert covid.label == "Covid-19 / corona (ordfamilie)"
    # the country adjective joins the name: 2022 "russisk", 2023 "Rusland"
    russia = rows["rusland"]
    assert _counts(russia) == {2020: [], 2021: [], 2022: ["3", "4"], 2023: ["1", "2"]}
    assert russia.label == "Rusland / russisk (ordfamilie)"
    # a compound's modifier or head counts: "folkeskole", "friskole" write "skole"
    assert _counts(rows["skole"]) == {2020: ["1", "2", "3"], 2021: [], 2022: ["2", "3"], 2023: []}
    # the evidence is the group's own statement
    assert covid.said[2020]["4"].phrase == "Om coronasmitte og lov."


def test_no_row_for_a_word_everyone_writes_every_year_or_one_not_recurring():
    tables = _tables()
    keys = {r.key for r in word_families(tables, "Dagsorden", 2, names=proper_names(tables))}
    assert "lov" not in keys  # half the groups or more in every year: no change to tell
    assert "sanktion" not in keys and "gas" not in keys  # one group a year, or one year only


def test_no_row_for_a_family_whose_groups_a_row_naming_its_words_already_counts():
    tables = _tables()
    every = Taken(frozenset({"skole"}), {2020: frozenset({"1", "2", "3"}), 2022: frozenset({"2", "3"})})
    assert "skole" not in {r.key for r in word_families(tables, "Dagsorden", 2, [every])}
    # one group left out in one year only: by chance, no row
    once = Taken(frozenset({"skole"}), {2020: frozenset({"1", "2"}), 2022: frozenset({"2", "3"})})
    assert "skole" not in {r.key for r in word_families(tables, "Dagsorden", 2, [once])}
    # one group a year left out, in two years: the row misses the family over the years
    twice = Taken(frozenset({"skole"}), {2020: frozenset({"1", "2"}), 2022: frozenset({"2"})})
    assert "skole" in {r.key for r in word_families(tables, "Dagsorden", 2, [twice])}
    # a row that counts only "skole" itself leaves "folkeskole"/"friskole" of 2020 groups 2 and 3 out
    fewer = Taken(frozenset({"skole"}), {2020: frozenset({"1"}), 2022: frozenset({"2"})})
    assert "skole" in {r.key for r in word_families(tables, "Dagsorden", 2, [fewer])}
    # a row naming none of its words tells nothing about it, whatever groups it counts
    other = Taken(frozenset({"sport"}), {2020: frozenset({"1", "2", "3"}), 2022: frozenset({"2", "3"})})
    assert "skole" in {r.key for r in word_families(tables, "Dagsorden", 2, [other])}


def test_a_capitalised_common_noun_is_no_name():
    tables = {
        2020: _year(
            2020, {1: ["Om Københavns Politi.", "Om politiet og Rusland."], 2: ["Om politisk styring."]}
        )
    }
    tables[2020].statements.loc[1, "lemmas"] = "om politi og rusland"
    names = proper_names(tables)
    assert "rusland" in names and "politi" not in names
    assert adjective_name("politisk", names) is None


def test_a_family_inside_another_is_part_of_it():
    from pipeline.compare.words import _Candidate, _roots

    asyl = _Candidate(
        "asyl", (frozenset({"1", "2"}), frozenset({"3"})), ("asyl", "asylcenter", "asylansøger")
    )
    center = _Candidate("asylcenter", (frozenset({"1"}), frozenset({"3"})), ("asylcenter", "asyl"))
    other = _Candidate("center", (frozenset({"1", "4"}), frozenset()), ("center", "asylcenter"))
    assert [c.key for c in _roots([center, other, asyl])] == ["asyl", "center"]
