"""Labels every counted group's own words say, and each group's own words on the page (issue 33)."""

from __future__ import annotations

import pandas as pd

from pipeline.danish.phrases import complement_end
from pipeline.report.answers import group_specifics
from pipeline.themes.labels import label_alternatives
from pipeline.themes.naming import point_label
from pipeline.themes.points import says, unfit_groups


def _units(rows):
    """One unit per row: (group, words as written, lemmas), the unit's words being its statement."""
    return pd.DataFrame(
        [
            {
                "unit_id": f"s{i}-u0",
                "statement_id": f"s{i}",
                "year": 2024,
                "core_area": "A",
                "group": group,
                "start": 0,
                "end": len(words.split()),
                "text": words,
                "words": words,
                "lemmas": lemmas,
                "content_at": " ".join(str(j) for j in range(len(lemmas.split()))),
                "verbs": "",
            }
            for i, (group, words, lemmas) in enumerate(rows)
        ]
    )


def test_only_the_labels_own_words_say_it_when_swaps_are_off():
    assert says("fleksibilitet", "smidig proces")  # a DanNet synonym joins the point ...
    assert not says("fleksibilitet", "smidig proces", swaps=False)  # ... but does not write it
    assert says("tidlig intervention", "tidlig forebygge indsats")
    assert not says("tidlig intervention", "tidlig forebygge indsats", swaps=False)
    # derivations and compound heads are the word itself
    assert says("koordinering frivillig", "koordinere frivillig", frozenset({"koordinere"}), swaps=False)
    assert says("niveau", "serviceniveau", swaps=False)


def test_a_group_joined_by_a_synonym_or_another_measure_noun_is_named_in_the_label():
    units = _units(
        [
            (2, "fleksibilitet", "fleksibilitet"),
            (3, "smidige processer", "smidig proces"),
            (4, "fleksibilitet", "fleksibilitet"),
        ]
    )
    assert point_label("fleksibilitet", units) == "Fleksibilitet (smidige processer)"
    measures = _units(
        [
            (1, "tidlig intervention", "tidlig intervention"),
            (5, "tidlig forebyggende indsats", "tidlig forebygge indsats"),
        ]
    )
    assert point_label("tidlig intervention", measures) == "Tidlig intervention (tidlig forebyggende indsats)"
    # every group writes it: one wording
    assert point_label("fleksibilitet", units[units["group"] != 3]) == "Fleksibilitet"


def test_a_label_naming_two_wordings_fits_a_group_that_writes_either():
    assert label_alternatives("Fleksibilitet (smidige processer)") == ["Fleksibilitet", "smidige processer"]
    assert label_alternatives("Samarbejde") == ["Samarbejde"]
    assert label_alternatives("A (b; c)") == ["A", "b", "c"]
    # not " / ": the comparison pages join the labels of one point's themes across years with it
    assert label_alternatives("Fleksibilitet / Fleksible job") == ["Fleksibilitet / Fleksible job"]
    statements = pd.DataFrame(
        {
            "statement_id": ["s0", "s1"],
            "tokens": ["fleksibilitet", "smidige processer"],
            "lemmas": ["fleksibilitet", "smidig proces"],
            "pos": ["NOUN", "ADJ NOUN"],
        }
    )
    units = _units([(2, "fleksibilitet", "fleksibilitet"), (3, "smidige processer", "smidig proces")])
    themes = pd.DataFrame(
        {"label": ["Fleksibilitet (smidige processer)"], "core_area": ["A"], "units": ["s0-u0 s1-u0"]}
    )
    assert unfit_groups(themes, units, statements) == []
    kommunikation = themes.assign(label="Kommunikation (smidige processer)")
    assert [b["group"] for b in unfit_groups(kommunikation, units, statements)] == [2]


def test_a_nouns_prepositional_phrase_says_what_it_is_about():
    words = "De talte om fleksibilitet i regelsættene og nødvendigheden af indsats .".split()
    upos = "PRON VERB ADP NOUN ADP NOUN CCONJ NOUN ADP NOUN PUNCT".split()
    assert complement_end(words, upos, 4) == 6  # "fleksibilitet i regelsættene", not "… og nødvendigheden"
    words = "samarbejde med de mindre virksomheder".split()
    assert complement_end(words, "NOUN ADP DET ADJ NOUN".split(), 1) == 5
    assert complement_end(["samarbejde", "og", "kommunikation"], ["NOUN", "CCONJ", "NOUN"], 1) == 1
    # a complex preposition opens no complement
    words = "opgraderinger på grund af udviklingen".split()
    assert complement_end(words, "NOUN ADP NOUN ADP NOUN".split(), 1) == 1


def test_every_counted_group_is_listed_with_its_own_words():
    statements = pd.DataFrame(
        {
            "statement_id": ["s0", "s1", "s2"],
            "tokens": [
                "De talte om samarbejde med virksomheder .",
                "behovet for kommunikation og samarbejde",
                "eksisterende samarbejder",
            ],
            "pos": ["PRON VERB ADP NOUN ADP NOUN PUNCT", "NOUN ADP NOUN CCONJ NOUN", "ADJ NOUN"],
        }
    )
    units = _units(
        [
            (1, "samarbejde", "samarbejde"),
            (3, "samarbejde", "samarbejde"),
            (4, "eksisterende samarbejder", "eksisterende samarbejde"),
        ]
    )
    units["start"], units["end"] = [3, 4, 0], [4, 5, 2]
    listed = group_specifics("Samarbejde", units, statements)
    assert listed == [
        {"text": "samarbejde med virksomheder", "groups": [1]},
        {"text": "samarbejde", "groups": [3]},
        {"text": "eksisterende samarbejder", "groups": [4]},
    ]
    # a label naming two wordings lists who wrote which
    two = _units([(2, "fleksibilitet", "fleksibilitet"), (3, "smidige processer", "smidig proces")])
    assert [s["groups"] for s in group_specifics("Fleksibilitet (smidige processer)", two)] == [[2], [3]]
    # no group wrote more than the word: nothing to add
    assert group_specifics("Samarbejde", units.iloc[:2]) == []


def _part(rows):
    return pd.DataFrame(
        [
            {"year": 2024, "group": g, "lemmas": lem, "verbs": "", "text": text, "statement_id": f"s{i}"}
            for i, (g, text, lem) in enumerate(rows)
        ]
    )


def test_a_word_taken_apart_is_headed_by_the_words_the_groups_wrote():
    from pipeline.themes.words import split_bare_words

    # "intervention" joined them (measure nouns stand for one another), but none of them wrote it
    part = _part(
        [
            (1, "forebyggende tiltag", "forebygge tiltag"),
            (2, "familiebaserede løsninger", "familiebaseret løsning"),
            (3, "indgribende tiltag", "indgribe tiltag"),
        ]
    )
    apart: list = []
    split_bare_words(part, {"intervention": [{0, 1, 2}, False]}, frozenset(), apart)
    assert apart[0].word == "intervention" and apart[0].heading == "tiltag / løsning"
    # groups that wrote the word itself are headed by it
    plads = _part([(1, "plads til vækst", "plads vækst"), (2, "pladsen", "plads")])
    apart = []
    split_bare_words(plads, {"plads": [{0, 1}, False]}, frozenset(), apart)
    assert apart[0].heading == "plads"


def test_the_questions_own_word_every_group_wrote_is_kept_whole_not_taken_apart():
    from pipeline.themes.words import split_bare_words

    # "Hvilke muligheder og risici er der ved øget digitalisering?": both wrote "risiciene"
    part = _part([(1, "risiciene", "risiko"), (5, "risiciene", "risiko")])
    asked = frozenset({"mulighed", "risiko", "digitalisering"}).__contains__
    apart: list = []
    assert split_bare_words(part, {"risiko": [{0, 1}, False]}, frozenset(), apart, asked) == {
        "risiko": [{0, 1}, False]
    }
    assert apart == []  # not "used about different things": the page lists it as the question's words
    # a word the question does not hold is taken apart as before
    assert "risiko" not in split_bare_words(
        part, {"risiko": [{0, 1}, False]}, frozenset(), [], lambda w: False
    )
    # nor is a measure noun kept whole that stands for the question's own ("intervention" for "tiltag")
    measures = _part([(1, "forebyggende tiltag", "forebygge tiltag"), (2, "løsninger", "løsning")])
    asked = frozenset({"forebygge", "tiltag", "intervention"}).__contains__
    out = split_bare_words(measures, {"intervention": [{0, 1}, False]}, frozenset(), [], asked)
    assert "intervention" not in out


def test_the_page_heads_a_word_taken_apart_by_what_the_groups_wrote():
    from pipeline.report.words_apart import words_apart_blocks, words_apart_of

    groups = [
        {"year": 2024, "group": 1, "words": ["forebyggende tiltag"], "statements": []},
        {"year": 2024, "group": 2, "words": ["familiebaserede løsninger"], "statements": []},
    ]
    record = {
        "words_apart": {"A": [{"word": "intervention", "heading": "tiltag / løsning", "groups": groups}]}
    }
    words = words_apart_of(record, "A", 2024)
    assert [w["word"] for w in words] == ["tiltag / løsning"]
    blocks = words_apart_blocks(words, {})
    assert "ord, der står for hinanden" in str(blocks[1]) and "Tiltag / løsning" in str(blocks[2])
    assert "ntervention" not in str(blocks)


def test_the_questions_own_word_is_the_word_itself_not_a_part_of_its_compound():
    from pipeline.themes.describe import asks, restates

    question = frozenset({"mulighed", "risiko", "digitalisering", "opgaveløsning"})
    assert asks("risiko", question) and asks("digital", question)  # the word, or a derivation of it
    # "opgave" repeats a part of "opgaveløsning" (restates), but groups writing "opgaverne i
    # ældreplejen" did not write the question's word
    assert restates("opgave", question) and not asks("opgave", question)


def test_groups_that_wrote_different_single_words_are_listed():
    units = _units([(3, "velfærdsteknologi", "velfærdsteknologi"), (5, "teknologi", "teknologi")])
    assert group_specifics("Teknologi", units) == [
        {"text": "velfærdsteknologi", "groups": [3]},
        {"text": "teknologi", "groups": [5]},
    ]


def test_the_comparison_reads_a_label_by_its_main_wording():
    from pipeline.compare.evidence import _label_lemmas
    from pipeline.compare.tables import YearTables

    statements = pd.DataFrame(
        {"tokens": ["fleksibilitet smidigere processer"], "lemmas": ["fleksibilitet smidig proces"]}
    )
    empty = pd.DataFrame()
    year = YearTables(2024, "", empty, statements, empty, empty, empty, 2)
    # "Fleksible job" of the next year is matched against "fleksibilitet", as before the other wording
    assert _label_lemmas(year.lemma_of, "Fleksibilitet (smidigere processer)") == "fleksibilitet"
    assert year.lemma_of is year.lemma_of  # read once per year, not once per label


def test_a_group_s_own_words_keep_an_acronym_s_capitals():
    """ "FN" written by two groups is listed as "FN", never "fN"."""
    units = _units([(4, "FN", "fn"), (6, "FN's anbefaling", "fn anbefaling")])
    assert [s["text"] for s in group_specifics("FN", units)] == ["FN", "FN's anbefaling"]
