"""Bare nouns and restating labels: when groups that share a word made the same point (issue 33)."""

from __future__ import annotations

import pandas as pd

from pipeline.danish import FRAME_NOUNS, derives, prefix_derives, related
from pipeline.themes.describe import restates
from pipeline.themes.words import only_complemented, split_bare_words


def test_a_word_after_an_iterative_prefix_is_the_same_action():
    # "genoptjene retten" asked, "optjene ret" / "optjening af ret" answered
    assert prefix_derives("genoptjening", "optjening")
    assert prefix_derives("genoptjene", "optjening")  # the verb's noun
    assert prefix_derives("reintegrere", "integrering")
    # the word after the prefix must be a word of five letters or more: "reform" is no "re" + "form"
    assert not prefix_derives("reform", "form")
    assert not prefix_derives("optjening", "genoptjening")  # the prefix is on the longer word


def test_a_label_of_the_question_said_without_its_prefix_restates_it():
    question = frozenset({"genoptjene", "ret", "dagpenge", "hurtig"})
    assert restates("optjening", question) and restates("optjene", question)
    assert not restates("tryghed", question)


def test_a_latin_noun_in_ion_and_its_adjective_in_ios_are_one_word():
    assert derives("religiøs", "religion") and related("religion", "religiøs")
    assert derives("ambitiøs", "ambition")
    assert not derives("religiøs", "region")  # another stem
    # "Religion" answers a question about "religiøse minoriteter" with its own word
    assert restates("religion", frozenset({"religiøs", "minoritet", "hensyn"}))


def _statements(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "statement_id": f"{n:012x}-00",
                "note_id": f"{n:012x}",
                "year": 2015,
                "core_area": "Miljø",
                "group": n,
                "text": t,
                "tokens": t,
                "pos": p,
                "lemmas": lem,
            }
            for n, (t, p, lem) in enumerate(rows, start=1)
        ]
    )


def test_an_adjective_after_a_copula_is_said_of_the_subject_not_a_noun():
    from pipeline.themes.units import make_units

    statements = _statements(
        [
            ("vi er blevet rige på det .", "PRON AUX VERB ADJ ADP PRON PUNCT", "vi være blive rig på det ."),
            ("De drøftede sårbare unge .", "PRON VERB ADJ ADJ PUNCT", "de drøfte sårbar ung ."),
        ]
    )
    units = make_units(statements)
    assert units[units["group"] == 1].empty  # "er blevet rige": no unit "rige"
    assert "sårbare unge" in units[units["group"] == 2]["text"].tolist()  # a verb's object stays


def test_the_parse_marks_a_noun_that_complements_another_noun(danish_nlp):
    from pipeline.themes.claims import parse_statement

    def complements(text: str) -> list[str]:
        doc = danish_nlp(text)
        words = [t.text for t in doc]
        parse = parse_statement(words, [t.pos_ for t in doc], [t.lemma_ for t in doc])
        return [words[i] for i in sorted(parse.complements)]

    assert complements("De opfordrede til en større synlighed af plejehjemmene.") == ["plejehjemmene"]
    # a frame noun's complement is the point: "behovet for", "respekt for"
    assert complements("De understregede behovet for tydelig kommunikation.") == []
    assert complements("Vi skal have meget større respekt for kulturlivet.") == []
    assert "respekt" in FRAME_NOUNS


def _units(rows: list[tuple[int, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"year": 2024, "group": g, "lemmas": lem, "complement": c, "verbs": "", "statement_id": f"s{i}"}
            for i, (g, lem, c) in enumerate(rows)
        ]
    )


def test_a_bare_noun_one_group_holds_only_as_another_nouns_complement_is_no_shared_point():
    part = _units(
        [
            (4, "omdannelse plejehjem", ""),  # "omdanne plejehjem til dagcentre"
            (4, "plejehjem", ""),
            (5, "stor synlighed plejehjem", "plejehjem"),  # "større synlighed af plejehjemmene"
            (1, "grænsehandel", ""),
            (2, "grænsehandel", ""),
        ]
    )
    assert only_complemented(part, [0, 1, 2], "plejehjem")
    assert not only_complemented(part, [3, 4], "grænsehandel")
    out = split_bare_words(
        part, {"plejehjem": [{0, 1, 2}, False], "grænsehandel": [{3, 4}, False]}, frozenset()
    )
    # never "2 af 5 pegede på plejehjem": each group's own words are a theme of its own
    assert "plejehjem" not in out
    assert out["grænsehandel"] == [{3, 4}, False]
    assert {k: sorted(v[0]) for k, v in out.items() if k != "grænsehandel"} == {
        "omdannelse plejehjem": [0],
        "synlighed plejehjem": [2],  # the shortest ending of its phrase
    }


def test_a_noun_said_as_the_point_by_every_group_stays_together_without_a_parse():
    part = _units([(1, "stor synlighed plejehjem", ""), (2, "plejehjem", "")])
    assert not only_complemented(part, [0, 1], "plejehjem")
    # units without the parse's column count as said
    assert not only_complemented(part.drop(columns="complement"), [0, 1], "plejehjem")


def test_a_label_of_the_questions_word_and_a_general_noun_restates_the_question():
    from pipeline.danish.generality import is_general_noun
    from pipeline.themes.describe import _repeats_area
    from pipeline.themes.records import AreaFacts

    def question_only(label: str, lemmas: list[str], area: set[str]) -> bool:
        facts = AreaFacts(pd.DataFrame(), {}, {}, {}, frozenset(area), frozenset({"frivillighed"}), None)
        return _repeats_area(label, pd.DataFrame({"lemmas": lemmas}), facts)[1]

    area = {"frivillighed", "partnerskab", "civilsamfund", "pårørende"}
    assert is_general_noun("arbejde")
    # "frivilligt arbejde" of a question about "frivillighed": the general noun adds nothing
    assert question_only("frivillig arbejde", ["frivillig arbejde"], area)
    # a general noun alone, or with a word of its own, says more than the question
    assert not question_only("samarbejde", ["samarbejde"], area)
    assert not question_only("inddragelse ung", ["inddragelse ung"], area)
    assert not question_only("sårbar ung", ["sårbar ung"], {"ung", "handicap"})


def test_attitude_words_are_a_lexicon_of_signs():
    from pipeline.danish.attitudes import attitude_words

    words = attitude_words()
    assert words["glad"] == 1 and words["tilfreds"] == 1
    assert words["imod"] == -1 and words["katastrofe"] == -1
    assert "god" not in words and "bekymret" not in words  # they grade or care, they take no side


def test_the_parse_says_whether_a_sentence_is_for_or_against_what_it_names(danish_nlp):
    from pipeline.danish.attitudes import attitude
    from pipeline.themes.claims import _parser

    def of(text: str, noun: str) -> int:
        tagged = danish_nlp(text)
        from spacy.tokens import Doc

        nlp = _parser()
        doc = Doc(
            nlp.vocab,
            words=[t.text for t in tagged],
            pos=[t.pos_ for t in tagged],
            lemmas=[t.lemma_ for t in tagged],
            sent_starts=[True] + [False] * (len(tagged) - 1),
        )
        doc = nlp.get_pipe("parser")(doc)
        return attitude(next(t for t in doc if t.text == noun))

    assert of("Vi er rigtigt glade for den dagpengereform.", "dagpengereform") == 1
    assert of("Vi var meget imod den dagpengereform.", "dagpengereform") == -1
    assert of("Vi er tilfredse med den dagpengereform.", "dagpengereform") == 1
    assert of("Vi er ikke tilfredse med den dagpengereform.", "dagpengereform") == -1
    assert of("Men nu har vi lavet en kommission, og den venter vi på.", "kommission") == 0


def test_groups_for_and_against_a_bare_noun_made_no_shared_point():
    from pipeline.themes.words import opposite_attitudes

    part = pd.DataFrame(
        [
            {
                "year": 2015,
                "group": g,
                "lemmas": "dagpengereform",
                "attitude": a,
                "verbs": "",
                "statement_id": f"s{g}",
            }
            for g, a in [(1, -1), (6, 1), (9, -1), (10, 1), (3, 0)]
        ]
    )
    assert opposite_attitudes(part, [0, 1, 2, 3], "dagpengereform")
    assert not opposite_attitudes(part, [0, 2, 4], "dagpengereform")  # against, against, no side
    out = split_bare_words(part, {"dagpengereform": [{0, 1, 2, 3}, False]}, frozenset())
    assert "dagpengereform" not in out  # never "4 af 10 pegede på dagpengereformen"
    # one side alone is a point
    assert split_bare_words(part, {"dagpengereform": [{0, 2}, False]}, frozenset()) == {
        "dagpengereform": [{0, 2}, False]
    }


def test_a_theme_shown_apart_whole_keeps_its_groups_under_the_parse_tests():
    """The question's own words or a given option are shown apart, whole: never taken apart by the parse."""
    part = _units([(4, "plejehjem", ""), (5, "stor synlighed plejehjem", "plejehjem")])
    found = {"plejehjem": [{0, 1}, False]}
    assert split_bare_words(part, found, frozenset(), whole=lambda key: key == "plejehjem") == found
    assert "plejehjem" not in split_bare_words(part, found, frozenset(), whole=lambda key: False)
