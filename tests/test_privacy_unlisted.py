"""Person names no configuration lists: a common given name, alone or with its surnames."""

from __future__ import annotations

import pytest

from pipeline.danish.name_words import given_names
from pipeline.privacy import Redactor, redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a given name and the surnames after it, one placeholder for the whole name
        (
            "Reformen, som Kristian Thulesen Dahl og Lars Løkke lavede.",
            "Reformen, som [navn] og [navn] lavede.",
        ),
        ("Borgmester Hanne Jensen sagde ja.", "Borgmester [navn] sagde ja."),
        ("Poul-Erik Hansen mente det.", "[navn] mente det."),
        # a given name alone that is no Danish word, also first in a sentence and in the genitive
        ("Hanne fortalte om forløbet.", "[navn] fortalte om forløbet."),
        ("Mettes forslag blev vedtaget.", "[navn] forslag blev vedtaget."),
        # a given name that is also a word: only where it reads as a name
        ("Per sagde nej.", "[navn] sagde nej."),
        ("Hans forslag var godt.", "Hans forslag var godt."),
        ("Mark er et ord. Vi så Karl Marx.", "Mark er et ord. Vi så [navn]."),
    ],
)
def test_unlisted_names_are_redacted(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "udgiften per borger og karensdag",  # lower case: words, and a given name inside a word
        "New Public Management og Barnets Lov",  # capitalised words, none a given name
        "Det Radikale Venstre og Dansk Folkeparti",
        "Hedensted Kommune og Juelsminde Havn",
        "Rammen er 45.000.000 kr. i 2025.",
    ],
)
def test_text_without_a_given_name_is_kept(text: str) -> None:
    assert redact(text) == text


def test_unlisted_names_are_counted_as_names_and_only_with_the_name_kind() -> None:
    out, counts = Redactor().redact("Lars Løkke og Hanne mødtes.")
    assert out == "[navn] og [navn] mødtes." and counts["name"] == 2
    assert redact("Lars Løkke og Hanne mødtes.", kinds=("email", "cpr", "phone")) == (
        "Lars Løkke og Hanne mødtes."
    )


def test_given_names_are_lower_case_single_entries() -> None:
    names = given_names()
    assert len(names) > 200 and {"hanne", "lars", "kristian"} <= names
    assert all(n == n.lower() and " " not in n for n in names)
