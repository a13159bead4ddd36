"""One-group themes that named nothing: a fixed expression, a frame, a stance, a phrase cut in parts."""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipeline.danish import EMPTY_NOUNS, fixed_nouns
from pipeline.danish.phrases import complement_end, governor_start
from pipeline.themes.records import FoundTheme
from pipeline.themes.singles import merge_one_phrase, names_own_point, one_group_points
from pipeline.themes.whole_phrase import Sentence, one_phrase_one_theme


def _never(word: str) -> bool:
    return False


def test_samlet_set_and_med_udgangspunkt_i_are_fixed_expressions():
    # "samlet set" is "all in all": its "set" heads no phrase (a theme "Set" named nothing)
    assert fixed_nouns("men samlet set er det godt".split()) == {1, 2}
    assert fixed_nouns("vi læser det overordnet set".split()) == {3, 4}
    # "med udgangspunkt i" works as one preposition: the point is what follows it
    assert fixed_nouns("med udgangspunkt i borgernes ønsker".split()) == {1}


def test_no_word_of_a_fixed_adverbial_or_prepositional_expression_heads_a_phrase():
    # "først og fremmest" is "above all": a theme "Fremmest" named nothing
    assert fixed_nouns("så ønsker vi først og fremmest kristne bederum".split()) == {3, 4, 5}
    # "til stede" is "present": the point is the world's trouble spots, not a "stede"
    assert fixed_nouns("være mere til stede i verdens brændpunkter".split()) == {2, 3}
    # "nødt til" is "have to": a theme "Nødt" named nothing
    assert fixed_nouns("så bliver vi nødt til at lade miljøet gå forrest".split()) == {3, 4}
    for idiom in ("ikke mindst", "til dels", "på vej", "til rådighed", "i det hele taget", "på tværs"):
        words = f"det er {idiom} vigtigt".split()
        assert fixed_nouns(words) == set(range(2, len(words) - 1)), idiom
    # the noun outside an idiom is a noun: "stedet" of "stedet for mødet", "vej" of "en ny vej"
    assert fixed_nouns("stedet for mødet er en ny vej".split()) == set()


def test_a_starting_point_or_a_perspective_alone_names_no_point():
    for frame in ("udgangspunkt", "perspektiv"):
        assert not names_own_point(frame, "", EMPTY_NOUNS, _never), frame
    # with what it is a perspective of, the phrase says something
    assert names_own_point("perspektiv lokalsamfund", "", EMPTY_NOUNS, _never)


def test_an_easy_way_names_no_way():
    # "på den enkle måde": how easy, of a frame noun, says nothing; "enkle regler" names rules
    assert not names_own_point("enkel måde", "", frozenset(), _never)
    assert not names_own_point("nem måde", "", frozenset(), _never)
    assert names_own_point("enkel regel", "", frozenset(), _never)


def test_a_stance_alone_is_no_theme_the_stance_line_says_it():
    for text in ("Hverken-eller", "Måske", "hverken ja eller nej"):
        lemmas = text.lower()
        assert not names_own_point(lemmas, "", frozenset(), _never, text=text), text
    assert names_own_point("bestemt regel", "", frozenset(), _never, text="bestemte regler")


def _part(rows: list[tuple[str, str, str, int, int]]) -> pd.DataFrame:
    """Units of group 7: ``(statement, text, lemmas, start, end)`` each."""
    return pd.DataFrame(
        [
            {
                "year": 2015,
                "group": 7,
                "statement_id": statement,
                "start": start,
                "end": end,
                "text": text,
                "lemmas": lemmas,
                "complement": "",
                "verbs": "",
                "stance": False,
                "words": text,
                "content_at": " ".join(str(i) for i in range(len(text.split()))),
            }
            for statement, text, lemmas, start, end in rows
        ]
    )


#: "Fjern sygeplejerskens studiegæld efter fem år i faget": phrases of one sentence (s1).
_DEBT = [
    ("s1", "sygeplejerskens studiegæld efter fem år i faget", "sygeplejerske studiegæld år fag", 1, 8),
    ("s1", "fjern sygeplejerskens studiegæld", "fjernelse sygeplejerske studiegæld", 0, 3),
    ("s1", "faget", "fag", 7, 8),
    # another sentence's phrase at the same place is another point
    ("s2", "cykelstier", "cykelsti", 0, 1),
]


def test_parts_of_one_phrase_of_a_group_are_one_theme():
    themes = one_group_points(_part(_DEBT), [], frozenset(), _never)
    assert sorted(sorted(int(i) for i in t.members) for t in themes) == [[0, 1, 2], [3]]


def test_a_part_of_a_phrase_already_a_theme_of_the_group_is_no_second_theme():
    part = _part(_DEBT)
    # the whole phrase and "faget" are a theme of group 7 already (the clusterer's)
    held = FoundTheme(np.asarray([0, 2]), part.iloc[[0, 2]], "Sygeplejerskens studiegæld efter fem år")
    themes = one_group_points(part, [held], frozenset(), _never)
    assert [sorted(int(i) for i in t.members) for t in themes] == [[3]]


def test_an_infinitive_clause_after_the_preposition_stays_with_its_noun():
    # "risikoen ved at blive helt afhængig": being wholly dependent is the point, not "risikoen"
    words = "De nævnte risikoen ved at blive helt afhængig , og prisen".split()
    upos = "PRON VERB NOUN ADP PART VERB ADV ADJ PUNCT CCONJ NOUN".split()
    assert complement_end(words, upos, 3) == 8
    # a noun phrase object as before
    words = "samarbejde med virksomheder og skoler".split()
    assert complement_end(words, "NOUN ADP NOUN CCONJ NOUN".split(), 1) == 3


def test_a_past_participle_after_a_noun_governs_its_object():
    # "værktøjer målrettet sagsbehandlingen": the tools are the point, not the casework alone
    words = "De ønskede værktøjer målrettet sagsbehandlingen .".split()
    upos = "PRON VERB NOUN VERB NOUN PUNCT".split()
    assert governor_start(words, upos, 4) == 2
    # a finite verb is no participle: "borgerne ønsker hjælpen"
    assert governor_start("borgerne ønsker hjælpen".split(), "NOUN VERB NOUN".split(), 2) == 2


def test_widened_themes_of_one_phrase_are_merged_with_the_longer_label():
    part = _part(_DEBT)
    short = FoundTheme(np.asarray([1]), part.iloc[[1]], "Fjernelse af sygeplejerskens studiegæld")
    long = FoundTheme(
        np.asarray([0, 2]), part.iloc[[0, 2]], "Sygeplejerskens studiegæld efter fem år i faget"
    )
    other = FoundTheme(np.asarray([3]), part.iloc[[3]], "Cykelstier")
    points, singles = merge_one_phrase(part, [short, other, long], [short, long, other])
    assert [(p.label, sorted(int(i) for i in p.members)) for p in points] == [
        ("Sygeplejerskens studiegæld efter fem år i faget", [0, 1, 2]),
        ("Cykelstier", [3]),
    ]
    assert [p.label for p in singles] == ["Sygeplejerskens studiegæld efter fem år i faget", "Cykelstier"]


def test_a_verb_right_after_a_modal_is_named_with_the_modal_and_its_clause():
    # "Fedt mad skal koste mere": the tagger read "koste" as the plural of "kost" (a broom)
    s = Sentence(
        tuple("fedt mad skal koste mere .".split()),
        tuple("ADJ NOUN AUX NOUN ADV PUNCT".split()),
        tuple("fed mad skulle kost meget .".split()),
    )
    row = {
        "statement_id": "s1",
        "year": 2015,
        "group": 2,
        "start": 3,
        "end": 4,
        "text": "koste",
        "words": "koste",
        "content_at": "0",
        "lemmas": "kost",
        "complement": "",
        "verbs": "",
        "stance": False,
    }
    part = pd.DataFrame([row, {**row, "start": 1, "end": 2, "text": "mad", "words": "mad", "lemmas": "mad"}])
    singles = [FoundTheme(np.array([i]), part.iloc[[i]], label) for i, label in enumerate(["Koste", "Mad"])]
    _, out, _ = one_phrase_one_theme(part, singles, singles, {"s1": s})
    # "Koste" named nothing; what the group said is the whole clause, its subject included
    assert [t.label for t in out] == ["Fedt mad skal koste mere", "Mad"]
