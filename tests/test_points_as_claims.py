"""What a page counts as a point.

No setting, no bare stance, one theme per set of statements, a whole sentence in short, one labeller.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import pandas as pd

from pipeline.danish import is_setting
from pipeline.danish.places import is_place_noun, place_nouns
from pipeline.themes.describe import in_short
from pipeline.themes.labels import label_phrase
from pipeline.themes.records import FoundTheme, ThemeParams
from pipeline.themes.subthemes import same_evidence_one_point, stance_counts
from tests.helpers import parsed_statements


def _tagged(text: str, tags: str, lemmas: str | None = None):
    words = text.split()
    return (lemmas or text.lower()).split(), tags.split(), words


def test_a_noun_placed_after_a_thing_is_its_setting():
    lem, pos, words = _tagged(
        "inddrage unge i aktiviteter på plejehjemmene",
        "VERB ADJ ADP NOUN ADP NOUN",
        "inddrage ung i aktivitet på plejehjem",
    )
    assert is_setting(lem, pos, words, 5)  # "på plejehjemmene": where the activities are
    lem, pos, words = _tagged("frivillige i kommunen", "NOUN ADP NOUN", "frivillig i kommune")
    assert is_setting(lem, pos, words, 2)


def test_a_noun_after_a_placing_preposition_is_a_setting_only_when_it_names_a_place():
    assert is_place_noun("plejehjem") and is_place_noun("kommune") and is_place_noun("ældrecenter")
    assert not is_place_noun("anbringelse") and not is_place_noun("familie")
    # an "anbringelse" is an act: the phrase says what the quality is of, not where
    lem, pos, words = _tagged(
        "styrkelse af kvaliteten i anbringelser",
        "NOUN ADP NOUN ADP NOUN",
        "styrkelse af kvalitet i anbringelse",
    )
    assert not is_setting(lem, pos, words, 4)
    lem, pos, words = _tagged("indsatser i familier", "NOUN ADP NOUN", "indsats i familie")
    assert not is_setting(lem, pos, words, 2)  # a family is no place ...
    lem, pos, words = _tagged("indsatser i familierne", "NOUN ADP NOUN", "indsats i familie")
    assert is_setting(lem, pos, words, 2)  # ... but "familierne" are the known circle it is set in
    lem, pos, words = _tagged("frivillige i ældreplejen", "NOUN ADP NOUN", "frivillig i ældrepleje")
    assert is_setting(lem, pos, words, 2)


def test_place_nouns_come_from_dannet_broader_words():
    lines = [
        "utf-8",
        "plejehjem|1",
        "(navneord) institution hvor personer bor|institution (overbegreb)",
        "kommune|1",
        "(navneord) område|distrikt (overbegreb)",
        "distrikt|1",
        "(navneord) afgrænset område|område (overbegreb)",
        "placering|1",
        "(navneord) sted|sted (overbegreb)",
        "anbringelse|1",
        "(navneord) det at placere|placering (overbegreb)|handling (overbegreb)",
    ]
    # "sted" counts one step up only: a "placering" is a place, an "anbringelse" (a placing) is not
    assert place_nouns(lines) == {"plejehjem", "kommune", "distrikt", "placering"}


def test_an_object_a_complement_or_what_changes_is_no_setting():
    lem, pos, words = _tagged(
        "fokuserede på kapacitetsudvidelse", "VERB ADP NOUN", "fokusere på kapacitetsudvidelse"
    )
    assert not is_setting(lem, pos, words, 2)  # the verb's object
    lem, pos, words = _tagged(
        "potentialet i facilitetsplaner", "NOUN ADP NOUN", "potentiale i facilitetsplan"
    )
    assert not is_setting(lem, pos, words, 2)  # a frame noun's complement
    lem, pos, words = _tagged("en ændring i kulturen", "DET NOUN ADP NOUN", "en ændring i kultur")
    assert not is_setting(lem, pos, words, 3)  # what changes
    lem, pos, words = _tagged("samarbejde med virksomheder", "NOUN ADP NOUN", "samarbejde med virksomhed")
    assert not is_setting(lem, pos, words, 2)  # not a placing preposition


def _part(rows):
    return pd.DataFrame(rows, columns=["unit_id", "statement_id", "group", "lemmas"])


def test_themes_resting_on_the_same_statements_are_one():
    part = _part(
        [
            ("a-u0", "a", 1, "cyberangreb"),
            ("a-u1", "a", 1, "it-sikkerhed"),
            ("b-u0", "b", 2, "cyberangreb"),
            ("b-u1", "b", 2, "it-sikkerhed"),
            ("c-u0", "c", 3, "it-sikkerhed"),
        ]
    )
    points = [
        FoundTheme(np.array([0, 2]), part.iloc[[0, 2]], "Cyberangreb", False),
        FoundTheme(np.array([1, 3]), part.iloc[[1, 3]], "It-sikkerhed", False),
        # a third statement: another theme
        FoundTheme(np.array([1, 3, 4]), part.iloc[[1, 3, 4]], "Sikkerhed", False),
    ]
    joined = same_evidence_one_point(part, points)
    assert [p.label for p in joined] == ["Cyberangreb", "Sikkerhed"]
    assert list(joined[0].members) == [0, 1, 2, 3] and list(joined[0].units["unit_id"]) == [
        "a-u0",
        "a-u1",
        "b-u0",
        "b-u1",
    ]
    # a label that names no point gives way; a given option is never joined
    named = same_evidence_one_point(
        part, [FoundTheme(np.array([0, 2]), part.iloc[[0, 2]], "Sted", True), points[1]]
    )
    assert [(p.label, p.no_point) for p in named] == [("It-sikkerhed", False)]
    apart = same_evidence_one_point(part, points[:2], keep_apart=lambda label: label == "It-sikkerhed")
    assert [p.label for p in apart] == ["Cyberangreb", "It-sikkerhed"]


def test_stances_are_counted_per_year_most_groups_first():
    stances = pd.DataFrame(
        {
            "year": [2015] * 4,
            "group": [1, 2, 3, 3],
            "lemmas": ["nej", "ja", "ja", "ja"],
            "head": ["Nej", "Ja", "Ja", "Ja"],  # the stance as the line names it (stance_units)
            "statement_id": ["a", "b", "c", "d"],
        }
    )
    assert stance_counts(stances) == {
        "2015": [
            {"stance": "Ja", "groups": [2, 3], "statements": ["b", "c", "d"]},
            {"stance": "Nej", "groups": [1], "statements": ["a"]},
        ]
    }


def test_in_short_is_a_whole_sentence_of_the_notes_never_a_fragment():
    st = pd.DataFrame(
        {
            "statement_id": ["a", "b"],
            "text": [
                "De drøftede behovet for at finde en mere positiv betegnelse end opgaveløsning "
                "for frivillighedsarbejde blandt pårørende.",
                "Gruppe 3 fremhævede frivillighedsarbejde.",
            ],
        }
    ).set_index("statement_id")
    units = pd.DataFrame({"statement_id": ["a", "b"], "group": [2, 3]})
    short = in_short(units, [0, 1], st, ("frivillighedsarbejde",))
    assert short == {"statement_id": "b", "group": 3, "text": "Gruppe 3 fremhævede frivillighedsarbejde."}
    # among equally short sentences, the one nearest the theme's centre
    assert in_short(units, [1, 0], st.assign(text=["Et to tre.", "Fire fem seks."]))["statement_id"] == "b"


def test_one_labeller_a_curated_theme_is_labelled_in_base_form_as_an_automatic_one():
    units = pd.DataFrame(
        {
            "lemmas": ["politisk niveau", "politisk niveau"],
            "text": ["det politiske niveau", "det politiske niveau"],
            "group": [1, 2],
        }
    )
    assert label_phrase(units) == "Politisk niveau"  # as pipeline.themes.points.label_text writes it


def test_the_empty_nouns_are_a_data_file_of_lemmas():
    from pipeline.danish import EMPTY_NOUNS
    from pipeline.danish.frame_words import read_lexicon

    assert read_lexicon("empty_nouns.txt") == EMPTY_NOUNS
    assert {"problem", "konsekvens", "menneske"} <= EMPTY_NOUNS
    assert all(w == w.lower() and " " not in w and not w.startswith("#") for w in EMPTY_NOUNS)
    assert not EMPTY_NOUNS & {"samarbejde", "kommunikation", "frivillig"}  # words that name points


def test_a_label_of_an_empty_noun_alone_is_no_point_but_a_phrase_with_it_is():
    from pipeline.danish import EMPTY_NOUNS
    from pipeline.themes.points import cover_points

    units = pd.DataFrame(
        {
            "lemmas": ["problem", "stor problem", "menneske nød", "fattig menneske nød"],
            "year": [2015] * 4,
            "group": [1, 2, 3, 4],
        }
    )
    points = [lemmas for lemmas, _ in cover_points(units, empty=EMPTY_NOUNS)]
    assert "problem" not in points and "menneske nød" in points


def test_claims_from_the_parse_give_places_and_verbs_with_their_objects(danish_nlp):
    from pipeline.themes.claims import parse_statement

    doc = danish_nlp("De ville inddrage børn og unge i aktiviteter på plejehjemmene.")
    words, pos, lemmas = [t.text for t in doc], [t.pos_ for t in doc], [t.lemma_ for t in doc]
    parse = parse_statement(words, pos, lemmas)
    assert words.index("plejehjemmene") in parse.locative
    assert any(
        words.index("inddrage") in verbs and words[s:e] == ["børn"] for verbs, (s, e) in parse.verb_objects
    )
    assert (words.index("børn"), words.index("børn") + 1) in parse.chunks


def test_a_genitive_is_the_lemma_or_its_definite_form_plus_s():
    from pipeline.danish import base_phrase, is_genitive

    assert (
        is_genitive("lokalsamfundets", "lokalsamfund")
        and is_genitive("medarbejdernes", "medarbejder")
        and is_genitive("Danmarks", "danmark")
    )
    assert (
        not is_genitive("proces", "proces")
        and not is_genitive("løsninger", "løsning")
        and not is_genitive("lokalsamfund", "lokalsamfund")
    )
    assert (
        base_phrase(["lokalsamfundets"], ["lokalsamfund"]) == "lokalsamfund"
    )  # a one-word label in base form


def test_what_two_groups_phrases_are_about_is_a_point_they_share():
    """ "lokalsamfundets trivsel" and "lokalsamfundets kulturliv": the groups share what they talk about."""
    from pipeline.themes.points import cover_points

    units = pd.DataFrame(
        {
            "lemmas": ["lokalsamfund trivsel", "lokalsamfund kulturliv"],
            "year": [2024, 2024],
            "group": [2, 5],
            "about": ["lokalsamfund", "lokalsamfund"],
        }
    )
    assert [(c, list(m)) for c, m in cover_points(units)] == [("lokalsamfund", [0, 1])]
    assert cover_points(units.drop(columns="about")) == []  # only the phrases' endings: nothing shared


def test_every_coordinated_object_of_a_verb_is_its_object(danish_nlp):
    """ "støtte naboer og pårørende": the verb's claim holds for "pårørende" as for "naboer"."""
    from pipeline.themes.claims import parse_statement

    doc = danish_nlp("Kommunen skal støtte naboer og pårørende.")
    words, pos, lemmas = [t.text for t in doc], [t.pos_ for t in doc], [t.lemma_ for t in doc]
    objects = {
        tuple(words[s:e])
        for verbs, (s, e) in parse_statement(words, pos, lemmas).verb_objects
        if words.index("støtte") in verbs
    }
    assert ("naboer",) in objects and ("pårørende",) in objects


def test_a_label_says_what_about_what_when_every_counted_group_says_it(danish_nlp):
    """Two groups "inddrage" the children, one in a coordination: "Inddragelse af børn", not "Børn"."""
    from pipeline.danish import EMPTY_NOUNS
    from pipeline.themes.points import choose_point, label_text
    from pipeline.themes.units import make_units

    statements = parsed_statements(
        danish_nlp, ["Vi vil inddrage forældre og børn.", "Foreningerne skal inddrage børn."]
    )
    units = make_units(statements)
    units = units[units["lemmas"].str.contains("barn")]
    point = choose_point(units, empty=EMPTY_NOUNS)
    assert point.lemmas.split()[-1] == "barn" and len(point.lemmas.split()) == 2
    assert {int(g) for g in units.loc[point.fits, "group"]} == {1, 2}
    assert label_text(point.lemmas, units[point.fits]).startswith("Inddragelse af børn")


def test_what_about_what_comes_before_a_bare_noun_one_group_more_say():
    """ "teknologisk udvikling" (two groups) before "teknologi" (three, each saying something else)."""
    from pipeline.themes.points import cover_points

    units = pd.DataFrame(
        {
            "lemmas": ["teknologi hurtig udvikling", "teknologisk udvikling", "teknologi"],
            "year": [2024] * 3,
            "group": [2, 5, 3],
        }
    )
    assert [(c, list(m)) for c, m in cover_points(units)] == [("teknologisk udvikling", [0, 1])]
    # with nothing more specific shared, the bare noun stays and counts all its groups
    units = pd.DataFrame(
        {
            "lemmas": ["teknologi hurtig", "velfærdsteknologi", "teknologi"],
            "year": [2024] * 3,
            "group": [2, 5, 3],
        }
    )
    assert [(c, list(m)) for c, m in cover_points(units)] == [("teknologi", [0, 1, 2])]


def test_adjectives_used_as_a_noun_after_a_verb_and_an_adverb_are_a_unit():
    """ "drøftede også sårbare unge": the adverb does not hide the verb's object.

    "er også meget sårbare" is a predicate.
    """
    from pipeline.themes.units import make_units

    rows = [
        ("De drøftede også sårbare unge .", "PRON VERB ADV ADJ ADJ PUNCT", "de drøfte også sårbar ung ."),
        ("De er også meget sårbare .", "PRON AUX ADV ADV ADJ PUNCT", "de være også meget sårbar ."),
    ]
    statements = pd.DataFrame(
        [
            {
                "statement_id": f"{n:012x}-00",
                "note_id": f"{n:012x}",
                "year": 2024,
                "core_area": "Kultur",
                "group": n,
                "text": t,
                "tokens": t,
                "pos": p,
                "lemmas": lem,
            }
            for n, (t, p, lem) in enumerate(rows, start=1)
        ]
    )
    units = make_units(statements)
    assert units[units["group"] == 1]["text"].tolist() == ["sårbare unge"]
    assert units[units["group"] == 2].empty


def test_a_cross_cutting_point_lists_the_groups_its_area_themes_count():
    """The cross-area cluster missed "bedre tværfagligt samarbejde"; its area theme and the point count it."""
    import numpy as np

    from pipeline.themes.cross import _with_area_themes

    units = pd.DataFrame(
        {
            "lemmas": [
                "samarbejde",
                "samarbejde",
                "god tværfaglig samarbejde",
                "fleksibilitet",
                "samarbejde",
            ],
            "verbs": [""] * 5,
            "theme": [0, 1, 1, 1, 2],
            "core_area": ["A", "B", "B", "B", "C"],
        }
    )
    assert _with_area_themes(units, np.array([0, 1]), "samarbejde", set()).tolist() == [0, 1, 2]
    assert _with_area_themes(units, np.array([0, 1]), "samarbejde", {2}).tolist() == [
        0,
        1,
    ]  # an earlier point took it


def test_a_measure_noun_restates_another_the_question_holds():
    from pipeline.danish import MEASURE_NOUNS
    from pipeline.themes.describe import restates

    assert {"tiltag", "indsats", "løsning", "initiativ"} <= MEASURE_NOUNS
    question = frozenset({"familiebaseret", "forebyggende", "tiltag", "anbringelsesområde"})
    # "forebyggende indsats" / "familiebaserede løsninger" answer "forebyggende tiltag" with another noun
    assert restates("indsats", question) and restates("løsning", question)
    assert not restates("tidlig", question)  # says more than the question
    # a question without such a noun is not restated by one
    assert not restates("indsats", frozenset({"frivillighed", "partnerskab"}))


def test_a_label_is_read_as_the_lemmas_its_own_phrases_give():
    from pipeline.themes.describe import _as_lemmas

    units = pd.DataFrame(
        {
            "words": ["familiebaserede løsninger", "de familiebaserede tiltag"],
            "content_at": ["0 1", "1 2"],
            "lemmas": ["familiebaseret løsning", "familiebaseret tiltag"],
        }
    )
    assert _as_lemmas(["familiebaserede", "løsninger", "andet"], units) == [
        "familiebaseret",
        "løsning",
        "andet",
    ]


def test_theme_params_are_built_once_from_the_config_and_decide_what_recurs(cfg_2024):
    params = ThemeParams.from_config(cfg_2024)
    assert params.min_groups == cfg_2024.themes.min_groups and params.topics == cfg_2024.topics
    assert params.recurs(params.min_groups) and not params.recurs(params.min_groups - 1)
    # the configured areas first, in their order; an area only the notes name after them
    assert params.area_order(["Ukendt", cfg_2024.core_areas[1].name]) == [
        *(a.name for a in cfg_2024.core_areas),
        "Ukendt",
    ]
    with pytest.raises(dataclasses.FrozenInstanceError):
        params.min_groups = 5


def test_the_theme_stage_stores_the_threshold_it_decided_with(analysis_2024, cfg_2024):
    # what the reports and the comparison read instead of the configuration
    assert ThemeParams(min_groups=3).decided() == {"recurring_from": 3}
    assert analysis_2024.quality["recurring_from"] == cfg_2024.themes.min_groups
    assert analysis_2024.params == ThemeParams.from_config(cfg_2024)
    recurring = analysis_2024.themes[analysis_2024.themes["recurring"]]
    assert (recurring["n_groups"] >= analysis_2024.quality["recurring_from"]).all()
    assert (analysis_2024.terms["n_groups"] >= analysis_2024.quality["recurring_from"]).all()


def test_no_cross_cutting_point_counts_a_group_through_a_theme_its_area_sets_aside(analysis_2024):
    """The question's own words are no point on the area page, so they count for no group across areas."""
    themes, units = analysis_2024.themes, analysis_2024.units
    aside = set(themes.loc[themes["restates_question"] | themes["restates_area"], "topic"])
    crossing = units[units["cross_theme"] >= 0]
    # 2024 has no cross-cutting point since one shared general noun is none; the rule is checked on
    # invented notes in tests/test_cross_beyond_word.py
    assert not crossing["theme"].isin(aside).any()
