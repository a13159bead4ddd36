"""What the groups said about the question's own word, beside a theme that only repeats it (issue 33)."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from pipeline.danish.phrases import governor_start
from pipeline.report import blocks as pm
from pipeline.report.answers import group_specifics
from pipeline.report.asked import question_answers, shared_specifics
from pipeline.report.overview import _without_points
from pipeline.report.pages import _question_themes
from pipeline.themes.describe import restates
from tests.helpers import page_ctx

#: The statements of a question about "medarbejdernes kompetencer": tokens, word classes, lemmas.
SAID = {
    1: (
        "De understregede behovet for kompetenceudvikling blandt medarbejdere .",
        "PRON VERB NOUN ADP NOUN ADP NOUN PUNCT",
        "de understrege behov for kompetenceudvikling blandt medarbejder .",
    ),
    3: (
        "Gruppe 3 berørte investering i medarbejdernes kompetencer .",
        "NOUN NUM VERB NOUN ADP NOUN NOUN PUNCT",
        "gruppe 3 berøre investering i medarbejder kompetence .",
    ),
    5: (
        "De talte om at sikre tilstrækkelige IT-kompetencer .",
        "PRON VERB ADP PART VERB ADJ NOUN PUNCT",
        "de tale om at sikre tilstrækkelig it-kompetence .",
    ),
    6: (
        "De ønskede investeringer i nye kompetencer .",
        "PRON VERB NOUN ADP ADJ NOUN PUNCT",
        "de ønske investering i ny kompetence .",
    ),
}
#: Each group's key phrase in its theme: (start, end, text, lemmas).
UNITS = {
    1: (4, 5, "kompetenceudvikling", "kompetenceudvikling"),
    3: (5, 7, "medarbejdernes kompetencer", "medarbejder kompetence"),
    5: (4, 7, "sikre tilstrækkelige IT-kompetencer", "sikring tilstrækkelig it-kompetence"),
    6: (4, 6, "nye kompetencer", "ny kompetence"),
}
QUESTION = frozenset({"krav", "medarbejder", "kompetence", "digitalisering"})


def _asked(w: str) -> bool:
    return restates(w, QUESTION)


def _tables(groups: list[int], said=SAID, units=UNITS, theme: int = 7) -> tuple[pd.DataFrame, pd.DataFrame]:
    statements = pd.DataFrame(
        [
            {"statement_id": f"s{g}", "tokens": said[g][0], "pos": said[g][1], "lemmas": said[g][2]}
            for g in groups
        ]
    )
    rows = [
        {
            "unit_id": f"s{g}-u0",
            "statement_id": f"s{g}",
            "core_area": "Økonomi",
            "group": g,
            "start": units[g][0],
            "end": units[g][1],
            "text": units[g][2],
            "lemmas": units[g][3],
            "theme": theme,
        }
        for g in groups
    ]
    return pd.DataFrame(rows), statements


def test_a_noun_phrase_starts_with_the_noun_it_is_the_object_of():
    words = "Gruppe 3 berørte investering i medarbejdernes kompetencer .".split()
    upos = "NOUN NUM VERB NOUN ADP NOUN NOUN PUNCT".split()
    assert governor_start(words, upos, 5) == 3  # "investering i medarbejdernes kompetencer"
    # determiners between the preposition and the phrase are skipped: "kvaliteten af de frivillige"
    assert governor_start("kvaliteten af de frivillige".split(), "NOUN ADP DET NOUN".split(), 3) == 0
    # a frame noun says only that the object matters ("behovet for kompetenceudvikling")
    words, upos = SAID[1][0].split(), SAID[1][1].split()
    assert governor_start(words, upos, 4, SAID[1][2].split()) == 4
    # a verb, or a complex preposition's noun, governs nothing
    assert governor_start("De talte om samarbejde".split(), "PRON VERB ADP NOUN".split(), 3) == 3
    words = "opgraderinger på grund af udviklingen".split()
    assert governor_start(words, "NOUN ADP NOUN ADP NOUN".split(), 4) == 4


def test_an_infinitive_whose_object_the_phrase_is_stands_with_it():
    from pipeline.danish.phrases import predicate_start

    words = "De drøftede tilgange til at integrere personer med psykiske handicap .".split()
    upos = "PRON VERB NOUN ADP PART VERB NOUN ADP ADJ NOUN PUNCT".split()
    assert predicate_start(words, upos, 6) == 5  # "integrere personer med psykiske handicap"
    # the note's reporting verb is no predicate of the group's point
    assert predicate_start("Gruppe 1 diskuterede samarbejde".split(), "NOUN NUM VERB NOUN".split(), 3) == 3
    # nor a light verb: "at have en beskeden vækst"
    words, upos = "at have en beskeden vækst".split(), "PART VERB DET ADJ NOUN".split()
    assert predicate_start(words, upos, 3, "at have en beskeden vækst".split()) == 3
    # on the page: the group's answer with its verb
    said = {
        1: (
            "De drøftede at integrere personer med psykiske handicap .",
            "PRON VERB PART VERB NOUN ADP ADJ NOUN PUNCT",
            "de drøfte at integrere person med psykisk handicap .",
        )
    }
    said[3] = ("personer med fysiske handicap", "NOUN ADP ADJ NOUN", "person med fysisk handicap")
    units = {
        1: (6, 8, "psykiske handicap", "psykisk handicap"),
        3: (2, 4, "fysiske handicap", "fysisk handicap"),
    }
    table, statements = _tables([1, 3], said, units)
    assert [s["text"] for s in group_specifics("Handicap", table, statements, whole=True)] == [
        "integrere personer med psykiske handicap",
        "personer med fysiske handicap",
    ]


def test_af_hensyn_til_is_a_complex_preposition():
    from pipeline.danish.phrases import noun_phrases

    # "af hensyn til folkesundheden" is "for the sake of public health": no "hensyn" was discussed
    words = "Vi gjorde det af hensyn til folkesundheden .".split()
    upos = "PRON VERB PRON ADP NOUN ADP NOUN PUNCT".split()
    assert noun_phrases(words, upos) == [(6, 7)]
    assert governor_start(words, upos, 6) == 6
    # "at tage hensyn til minoriteter" keeps its noun
    words = "at tage hensyn til minoriteter".split()
    assert noun_phrases(words, "PART VERB NOUN ADP NOUN".split()) == [(2, 3), (4, 5)]


def test_a_theme_that_repeats_the_question_lists_each_groups_answer():
    units, statements = _tables([1, 3, 5])
    assert group_specifics("Kompetencer", units, statements, whole=True) == [
        {"text": "kompetenceudvikling blandt medarbejdere", "groups": [1]},
        {"text": "investering i medarbejdernes kompetencer", "groups": [3]},
        {"text": "sikre tilstrækkelige IT-kompetencer", "groups": [5]},
    ]
    # a label of two words is listed too when the page asks for every group's words
    assert group_specifics("Medarbejdernes kompetencer", units, statements) == []
    assert len(group_specifics("Medarbejdernes kompetencer", units, statements, whole=True)) == 3


def test_groups_that_wrote_only_the_labels_words_add_nothing():
    said = {g: ("De nævnte den offentlige kulturstøtte .", "PRON VERB DET ADJ NOUN PUNCT") for g in (4, 8)}
    said = {g: (*s, "de nævne den offentlig kulturstøtte .") for g, s in said.items()}
    units = {g: (2, 5, "den offentlige kulturstøtte", "offentlig kulturstøtte") for g in (4, 8)}
    table, statements = _tables([4, 8], said, units)
    assert group_specifics("Offentlig kulturstøtte", table, statements, whole=True) == []


def test_what_two_groups_said_alike_beyond_the_questions_words_is_shared():
    # "medarbejder" and "kompetence" are the question's: groups 1, 3 and 5 share nothing more
    units, statements = _tables([1, 3, 5])
    assert shared_specifics(units, statements, _asked) == []
    # "investering i medarbejdernes kompetencer" and "investeringer i nye kompetencer" share
    # "investering", as the first of them wrote it
    units, statements = _tables([1, 3, 5, 6])
    assert shared_specifics(units, statements, _asked) == [{"text": "investering", "groups": [3, 6]}]


def test_the_labels_own_words_are_never_a_shared_specific():
    said = {
        1: (
            "erfaringer med frivilligt arbejde .",
            "NOUN ADP ADJ NOUN PUNCT",
            "erfaring med frivillig arbejde .",
        ),
        2: (
            "frivillighedsarbejde blandt pårørende .",
            "NOUN ADP NOUN PUNCT",
            "frivillighedsarbejde blandt pårørende .",
        ),
    }
    units = {
        1: (2, 4, "frivilligt arbejde", "frivillig arbejde"),
        2: (0, 1, "frivillighedsarbejde", "frivillighedsarbejde"),
    }
    table, statements = _tables([1, 2], said, units)

    def asked(w: str) -> bool:
        return restates(w, frozenset({"frivillig", "pårørende"}))

    # "arbejde" is shared beyond the question's words, but it is the label's own word
    assert shared_specifics(table, statements, asked) == [{"text": "arbejde", "groups": [1, 2]}]
    answers = question_answers("Frivilligt arbejde", table, statements, asked)
    assert answers.shared == []
    assert [s["text"] for s in answers.specifics] == [
        "frivilligt arbejde",
        "frivillighedsarbejde blandt pårørende",
    ]


def _theme(label: str, topic: int, specifics, shared) -> dict:
    return {
        "topic": topic,
        "label": label,
        "n_groups": 3,
        "n_groups_total": 5,
        "groups": [1, 3, 5],
        "status": "Maskinforslag",
        "evidence": ["s1", "s3", "s5"],
        "summary": {"statement_id": "s5", "text": "De talte om at sikre tilstrækkelige IT-kompetencer."},
        "specifics": specifics,
        "shared": shared,
    }


def test_the_page_lists_each_groups_answer_under_the_questions_own_words():
    specifics = [
        {"text": "kompetenceudvikling blandt medarbejdere", "groups": [1]},
        {"text": "investering i medarbejdernes kompetencer", "groups": [3, 6]},
    ]
    shared = [{"text": "investering", "groups": [3, 6]}]
    theme = _theme("Kompetencer", 7, specifics, shared)
    ctx = page_ctx(question_themes=[theme], theme="")
    text = "\n".join(pm.block_text(b) for b in _question_themes(ctx))
    assert (
        "Hver gruppes egne ord: kompetenceudvikling blandt medarbejdere (gruppe 1); investering i "
        "medarbejdernes kompetencer (gruppe 3 og 6)." in text
    )
    assert "Det samme sagde flere: investering (gruppe 3 og 6)." in text
    # the groups' words link to their statements (named by id here: the fixture has no notes)
    assert "Udsagn: s1, s3, s5." in text


def test_the_overview_names_each_groups_answer_when_an_area_has_no_points():
    units, statements = _tables([1, 3, 5])
    analysis = SimpleNamespace(
        units=units,
        statements=statements,
        notes=pd.DataFrame({"core_area": ["Økonomi"] * 3, "group": [1, 3, 5]}),
        quality={"areas": {"Økonomi": {"own_words": sorted(QUESTION)}}},
    )
    themes = pd.DataFrame(
        {"topic": [7], "label": ["Kompetencer"], "n_groups": [3], "restates_area": [False]}
        | {"restates_question": [True]}
    )
    blocks = _without_points(themes, 2, 5, frozenset(), (analysis, "Økonomi"))
    text = "\n".join(pm.block_text(b) for b in blocks)
    assert "Grupperne talte om spørgsmålets eget emne: kompetencer (3 af 5)." in text
    assert "Kompetencer: Hver gruppes egne ord: kompetenceudvikling blandt medarbejdere (gruppe 1)" in text
    assert "investering i medarbejdernes kompetencer (gruppe 3)" in text
