"""Points: a group counts for a theme only if its own words say the label; Danish word relations behind it."""

from __future__ import annotations

import pandas as pd

from pipeline.danish import (
    MEASURE_NOUNS,
    base_phrase,
    derives,
    is_action_noun,
    is_definite,
    related,
    synonyms,
)
from pipeline.themes.points import (
    choose_point,
    label_text,
    pointless_words,
    same_point,
    says,
    setting_words,
    unfit_groups,
    why_said,
)


def test_a_shared_head_with_another_modifier_is_not_the_same_point():
    assert not says("serviceniveau", "politisk niveau")  # "det politiske niveau" is no "serviceniveau"
    assert not says("fysisk handicap", "psykisk handicap")
    assert not says("social fællesskab", "social omsorg")
    assert not says("aflastningsfamilie", "plejefamilie")
    assert not same_point("politisk niveau", "serviceniveau").same


def test_word_derivation_compound_head_and_synonym_say_the_label():
    assert says("kommunikation", "tydelig kommunikation")
    assert says("niveau", "serviceniveau")  # a serviceniveau is a niveau ...
    assert not says("ældre", "ældrepleje")  # ... but ældrepleje is no "ældre"
    assert says("koordinering frivillig", "koordinere frivillig", frozenset({"koordinere"}))
    assert says("fleksibilitet", "smidighed")  # DanNet, both words' main sense
    assert says("forebygge tiltag", "tidlig forebygge indsats")  # general nouns say one another
    match = same_point("tydelig kommunikation", "kommunikation")
    assert match.same and match.reasons


def test_the_object_of_an_action_compound_is_said():
    # "infrastrukturudvikling" is "udvikling af infrastruktur": the group spoke of infrastructure
    assert says("infrastruktur", "infrastrukturudvikling")
    assert says("kapacitet", "kapacitetsudvidelse")
    assert says("forebyggelse", "forebyggelsesindsats")  # a general noun's modifier is its point
    assert "infrastrukturudvikling" in " ".join(why_said("infrastruktur", "infrastrukturudvikling"))
    # a head that names no action leaves the modifier unsaid; a label compound still needs its parts
    assert not says("ældre", "ældrepleje")
    assert not says("hjem", "hjemmearbejde")
    assert not says("infrastrukturudvikling", "infrastruktur")
    assert is_action_noun("udvikling") and is_action_noun("udvidelse") and is_action_noun("håndtering")
    assert not is_action_noun("pleje") and not is_action_noun("ting") and not is_action_noun("arbejde")


def test_a_noun_is_not_the_verb_its_derivation_comes_from():
    assert not says(
        "styrkelse kvalitet", "individ styrke"
    )  # "individets styrker" / "styrkelse af kvaliteten"
    assert not says("styrkelse", "styrke")
    assert says("forebyggelse", "forebygge", frozenset({"forebygge"}))
    # one word of the unit says one word of the label
    assert not says("styrkelse kvalitet", "styrke", frozenset({"styrke"}))


def test_danish_inflection_rules():
    assert derives("koordinering", "koordinere") and derives("frivillighed", "frivillig")
    assert not derives("kompetenceudvikling", "kompetence") and not related(
        "styrke", "styrkelse", frozenset()
    )
    assert (
        is_definite("plejehjemmene", "plejehjem")
        and is_definite("risiciene", "risiko")
        and is_definite("ældreplejen", "ældrepleje")
    )
    assert not is_definite("løsninger", "løsning") and not is_definite("unge", "ung")
    assert base_phrase(["de", "frivillige"], ["_", "frivillig"]) == "frivillige"
    assert base_phrase(["det", "politiske", "niveau"], ["_", "politisk", "niveau"]) == "politisk niveau"
    assert base_phrase(["risiciene"], ["risiko"]) == "risiko"
    assert "smidighed" in synonyms("fleksibilitet")


def _units(rows):
    out = []
    for i, (group, words, lemmas) in enumerate(rows):
        out.append(
            {
                "unit_id": f"s{i}-u0",
                "statement_id": f"s{i}",
                "year": 2024,
                "core_area": "A",
                "group": group,
                "start": 0,
                "text": words,
                "words": words,
                "lemmas": lemmas,
                "content_at": " ".join(str(j) for j in range(len(lemmas.split()))),
                "verbs": "",
            }
        )
    return pd.DataFrame(out)


def test_label_is_what_most_groups_say_and_only_they_count():
    units = _units(
        [
            (3, "uens serviceniveau", "uens serviceniveau"),
            (2, "serviceniveau", "serviceniveau"),
            (3, "politiske niveau", "politisk niveau"),
            (5, "tydelig kommunikation", "tydelig kommunikation"),
        ]
    )
    point = choose_point(units.iloc[:3])
    assert point.lemmas == "serviceniveau"
    assert list(point.fits) == [True, True, False]  # "det politiske niveau" is not counted
    assert label_text(point.lemmas, units.iloc[:3][point.fits]) == "Serviceniveau"


def test_a_setting_is_no_label_when_a_point_is_said():
    units = _units(
        [
            (1, "ældreplejen", "ældrepleje"),
            (2, "ældreplejen", "ældrepleje"),
            (1, "plejehjemmene", "plejehjem"),
            (2, "plejehjem", "plejehjem"),
        ]
    )
    point = choose_point(units, empty=frozenset({"ældrepleje"}))
    assert point.lemmas == "plejehjem" and not point.excluded
    assert label_text(point.lemmas, units[point.fits]) == "Plejehjem"  # base form, not "Plejehjemmene"


def test_settings_and_evenly_spread_words_are_found_from_the_notes():
    statements = pd.DataFrame(
        {
            "statement_id": ["s0", "s1", "s2"],
            "tokens": [
                "frivillige på plejehjemmet",
                "klarhed på plejehjemmet",
                "plejehjemmet mangler hænder",
            ],
        }
    )
    units = _units(
        [(1, "plejehjemmet", "plejehjem"), (2, "plejehjemmet", "plejehjem"), (3, "plejehjemmet", "plejehjem")]
    )
    units["start"] = [2, 2, 0]
    assert setting_words(units, statements) == {"A": frozenset({"plejehjem"})}
    # only a noun that names a place is a setting: "kvaliteten i anbringelser" says what of
    acts = statements.assign(
        tokens=[t.replace("på plejehjemmet", "i anbringelser") for t in statements["tokens"]]
    )
    acts_units = units.assign(text="anbringelser", lemmas="anbringelse")
    assert setting_words(acts_units, acts) == {}
    # "danmark" in every one of eight questions; "asyl" four times, all in one
    many = pd.DataFrame(
        {"core_area": [f"Q{i}" for i in range(8)] + ["Q0"] * 4, "lemmas": ["danmark"] * 8 + ["asyl"] * 4}
    )
    assert "danmark" in pointless_words(many, many) and "asyl" not in pointless_words(many, many)
    assert pointless_words(many.head(5), many.head(5)) == frozenset()  # too few areas to tell


def test_unfit_groups_reports_a_group_whose_words_do_not_say_the_label():
    statements = pd.DataFrame(
        {
            "statement_id": ["s0", "s1"],
            "tokens": ["uens serviceniveau", "det politiske niveau"],
            "lemmas": ["uens serviceniveau", "den politisk niveau"],
            "pos": ["ADJ NOUN", "DET ADJ NOUN"],
        }
    )
    units = pd.DataFrame(
        {
            "unit_id": ["s0-u0", "s1-u0"],
            "statement_id": ["s0", "s1"],
            "group": [2, 3],
            "text": ["uens serviceniveau", "det politiske niveau"],
            "lemmas": ["uens serviceniveau", "politisk niveau"],
        }
    )
    themes = pd.DataFrame({"label": ["Serviceniveau"], "core_area": ["A"], "units": ["s0-u0 s1-u0"]})
    bad = unfit_groups(themes, units, statements)
    assert [b["group"] for b in bad] == [3]


def test_stance_of_an_answer_to_a_yes_no_question():
    from pipeline.danish import is_yes_no_question, opening_stance

    assert is_yes_no_question("Skal afgiften på cigaretter sættes op?")
    assert not is_yes_no_question("Hvordan kan vi konkret tænke partnerskaber ind i opgaveløsningen?")
    assert not is_yes_no_question("Drøft frivillighed.")
    assert opening_stance("Nej , vi synes ikke , at afgiften skal op .".split()) == "nej"
    assert opening_stance("Ja .".split()) == "ja"
    assert opening_stance("Ja til mere velfærd .".split()) is None  # not a stance on its own


def test_a_stance_given_in_the_questions_own_words():
    from pipeline.danish import echoed_stance

    q = "Skal afgiften på cigaretter sættes op?"
    no = "Udgangspunktet er , at afgifter på cigaretter ikke skal sættes op ."
    tags = "NOUN AUX PUNCT SCONJ NOUN ADP NOUN ADV AUX VERB ADP PUNCT"
    assert echoed_stance(q, no.split(), tags.split()) == ("nej", 7, 11)  # "ikke skal sættes op"
    # the question's particle must follow: "sættes ned" is not "sættes op"
    assert echoed_stance(q, "Afgiften skal sættes ned .".split(), "NOUN AUX VERB ADV PUNCT".split()) is None
    q2 = "Skal den offentlige kulturstøtte sænkes?"
    assert (
        echoed_stance(
            q2,
            "Vi ønsker , at støtten skal sænkes en smule".split(),
            "PRON VERB PUNCT SCONJ NOUN AUX VERB DET NOUN".split(),
        )[0]
        == "ja"
    )
    # a coordinated verb shares the modal; the negation is before the verb
    assert (
        echoed_stance(
            q2,
            "Støtten skal omlægges , men ikke sænkes .".split(),
            "NOUN AUX VERB PUNCT CCONJ ADV VERB PUNCT".split(),
        )[0]
        == "nej"
    )
    # without the modal, or for a question without one, no stance is read
    assert echoed_stance(q2, "Støtten sænkes hvert år .".split(), "NOUN VERB DET NOUN PUNCT".split()) is None
    assert (
        echoed_stance(
            "Bestemmer EU for meget?",
            "På nogle områder bestemmer EU for meget .".split(),
            "ADP DET NOUN VERB PROPN ADP ADV PUNCT".split(),
        )
        is None
    )


def test_stance_units_read_the_opening_word_or_the_echo_of_the_question():
    from pipeline.config import parse_config
    from pipeline.themes.subthemes import stance_units

    cfg = parse_config(
        '[seminar]\nname = "Test"\nyear = 2015\n\n[[core_areas]]\nname = "Ulandsbistand"\n'
        'question = "Skal ulandsbistanden sænkes?"\n'
    )
    rows = [
        ("aaaaaaaaaaaa-00", 1, "Nej .", "INTJ PUNCT"),
        (
            "bbbbbbbbbbbb-00",
            2,
            "Ulandsbistanden skal overhovedet ikke sænkes .",
            "NOUN AUX ADV ADV VERB PUNCT",
        ),
        (
            "cccccccccccc-00",
            3,
            "Ulandsbistanden skal sænkes til 0,7 procent .",
            "NOUN AUX VERB ADP NUM NOUN PUNCT",
        ),
        ("dddddddddddd-00", 4, "Vi skal hjælpe flere .", "PRON AUX VERB ADJ PUNCT"),
    ]
    st = pd.DataFrame(
        [
            {
                "statement_id": sid,
                "note_id": sid[:12],
                "year": 2015,
                "core_area": "Ulandsbistand",
                "group": g,
                "position": 0,
                "tokens": t,
                "lemmas": t.lower(),
                "pos": p,
            }
            for sid, g, t, p in rows
        ]
    )
    units = stance_units(st, cfg)
    assert list(zip(units["group"], units["lemmas"], units["text"], strict=True)) == [
        (1, "nej", "Nej"),
        (2, "nej", "skal overhovedet ikke sænkes"),
        (3, "ja", "skal sænkes"),
    ]


def test_adverbial_idioms_head_no_noun_phrase():
    from pipeline.danish.phrases import noun_phrases

    words = "miljø og vækst går hånd i hånd i dag".split()
    upos = "NOUN CCONJ NOUN VERB NOUN ADP NOUN ADP NOUN".split()
    heads = {words[end - 1] for _, end in noun_phrases(words, upos)}
    assert heads == {"miljø", "vækst"}


def test_a_point_said_with_a_verb_is_named_by_its_noun():
    from pipeline.danish import nominalise
    from pipeline.themes.units import make_units

    assert nominalise("koordinere") == "koordinering" and nominalise("forebygge") == "forebyggelse"
    st = pd.DataFrame(
        [
            {
                "statement_id": "a-00",
                "note_id": "a",
                "year": 2024,
                "core_area": "S",
                "group": 1,
                "tokens": "udfordringerne ved at koordinere og integrere frivillige i ældreplejen .",
                "lemmas": "udfordring ved at koordinere og integrere frivillig i ældrepleje .",
                "pos": "NOUN ADP PART VERB CCONJ VERB ADJ ADP NOUN PUNCT",
            }
        ]
    )
    units = make_units(st, frozenset({"ved", "at", "og", "i"}))
    claim = units[units["lemmas"] == "koordinering frivillig"]
    assert list(claim["text"]) == ["koordinere og integrere frivillige"]  # the group's own words
    assert label_text("koordinering frivillig", claim) == "Koordinering af frivillige"
    assert says("koordinering", "koordinering frivillig")


def test_an_adjective_in_il_or_bel_and_its_noun_in_ilitet_are_one_word():
    """ "fleksible job" says "fleksibilitet"; "aktive" not "aktiviteter" (two points), nor "bel" any -itet."""
    from pipeline.danish import related

    assert (
        related("fleksibilitet", "fleksibel")
        and related("stabil", "stabilitet")
        and related("mobilitet", "mobil")
    )
    assert says("fleksibilitet", "fleksibel job")
    assert (
        not related("aktivitet", "aktiv")
        and not related("universitet", "univers")
        and not related("kvalitet", "kvalitativ")
    )


def test_measure_nouns_with_the_same_modifier_are_one_point():
    # "tidlig intervention" (one group) and "tidlig forebyggende indsats" (another): "tidlig" + a
    # noun of a measure that does not say which is one point, whichever noun each group used
    assert says("tidlig intervention", "tidlig forebygge indsats")
    assert says("tidlig indsats", "tidlig intervention")
    units = _units(
        [
            (1, "tidlig intervention", "tidlig intervention"),
            (5, "tidlig forebyggende indsats", "tidlig forebygge indsats"),
        ]
    )
    question = frozenset({"forebygge", "tiltag"})
    point = choose_point(units, restates=lambda w: w in question or w in MEASURE_NOUNS)
    assert point.lemmas == "tidlig intervention" and list(point.fits) == [True, True]
    # the question's own modifier does not join them on its own: not a point of its own
    assert not says("tidlig intervention", "forebygge indsats")
