"""A one-group theme's label says what about what, and one phrase is one theme (tiny Danish fixtures)."""

import numpy as np
import pandas as pd

from pipeline.danish.phrases import complement_end
from pipeline.themes.labels import claim_label, label_forms
from pipeline.themes.records import FoundTheme
from pipeline.themes.singles import names_own_point
from pipeline.themes.subthemes import same_evidence_one_point
from pipeline.themes.whole_phrase import Sentence, one_phrase_one_theme


def _sentence(text: str, upos: str, lemmas: str) -> Sentence:
    return Sentence(tuple(text.split()), tuple(upos.split()), tuple(lemmas.split()))


def _unit(sid, start, end, s: Sentence, words=None, lemmas=None):
    text = " ".join(s.tokens[start:end])
    words = words or text
    lemmas = lemmas or " ".join(s.lemmas[start:end])
    return {
        "statement_id": sid,
        "year": 2024,
        "group": 5,
        "start": start,
        "end": end,
        "text": text,
        "words": words,
        "content_at": " ".join(str(i) for i in range(len(words.split())) if words.split()[i] != "af"),
        "lemmas": lemmas,
        "complement": "",
        "verbs": "",
        "stance": False,
    }


def _themes(part: pd.DataFrame, labels: list[str]) -> list[FoundTheme]:
    return [FoundTheme(np.array([i]), part.iloc[[i]], label) for i, label in enumerate(labels)]


KULTUR = _sentence(
    "samt en ændring i kulturen omkring frivillighed .",
    "CCONJ DET NOUN ADP NOUN ADP NOUN PUNCT",
    "samt en ændring i kultur omkring frivillighed .",
)


def test_a_prepositions_object_may_be_an_adjective_used_as_a_noun_and_mellem_takes_both_sides():
    words = "retningslinjer for frivillige , samt".split()
    assert complement_end(words, "NOUN ADP ADJ PUNCT CCONJ".split(), 1) == 3
    words = "balancen mellem pårørendes indsats og det nødvendige bidrag fra frivillige".split()
    upos = "NOUN ADP NOUN NOUN CCONJ DET ADJ NOUN ADP ADJ".split()
    assert complement_end(words, upos, 1) == 8  # both sides; "fra frivillige" is the bidrag's
    # any other preposition still stops at the coordination
    words = "fleksibilitet i regelsættene og nødvendigheden".split()
    assert complement_end(words, "NOUN ADP NOUN CCONJ NOUN".split(), 1) == 3


def test_a_one_group_themes_label_takes_its_complement_and_the_complements_theme_folds_in():
    part = pd.DataFrame([_unit("s1", 2, 3, KULTUR), _unit("s1", 4, 5, KULTUR)])
    singles = _themes(part, ["Ændring", "Kultur"])
    part2, themes, out_singles = one_phrase_one_theme(part, singles, singles, {"s1": KULTUR})
    assert [t.label for t in themes] == ["Ændring i kulturen"]
    assert themes[0].members.tolist() == [0, 1]
    assert out_singles == themes
    assert part2.iloc[0]["text"] == "ændring i kulturen"
    assert part2.iloc[0]["lemmas"] == "ændring kultur"
    assert (part2.iloc[0]["start"], part2.iloc[0]["end"]) == (2, 5)
    # the label is one of the widened unit's own forms (a label comes only from its evidence)
    assert "ændring i kulturen" in label_forms(part2.iloc[[0]])


def test_a_head_in_the_definite_form_is_labelled_in_base_form_the_complement_as_written():
    s = _sentence(
        "De udforskede balancen mellem pårørendes indsats og det nødvendige bidrag .",
        "DET VERB NOUN ADP NOUN NOUN CCONJ DET ADJ NOUN PUNCT",
        "den udforske balance mellem pårørende indsats og den nødvendig bidrag .",
    )
    part = pd.DataFrame([_unit("s1", 2, 3, s), _unit("s1", 7, 10, s, lemmas="nødvendig bidrag")])
    singles = _themes(part, ["Balance", "Nødvendigt bidrag"])
    _, themes, _ = one_phrase_one_theme(part, singles, singles, {"s1": s})
    assert [t.label for t in themes] == ["Balance mellem pårørendes indsats og det nødvendige bidrag"]
    assert claim_label("klarhed omkring opgaverne", "klarhed opgave") == "Klarhed omkring opgaverne"


def test_a_verbs_noun_takes_its_objects_complement_and_the_phrase_it_is_the_object_of():
    s = _sentence(
        "muligheden for at omdanne plejehjem til dagcentre og for differentierede tilgange til ældrepleje",
        "NOUN ADP PART VERB NOUN ADP NOUN CCONJ ADP ADJ NOUN ADP NOUN",
        "mulighed for at omdanne plejehjem til dagcenter og for differentieret tilgang til ældrepleje",
    )
    omdanne = _unit("s1", 3, 5, s, words="omdannelse af plejehjem", lemmas="omdannelse plejehjem")
    part = pd.DataFrame([omdanne, _unit("s1", 6, 7, s), _unit("s1", 12, 13, s)])
    singles = _themes(part, ["Omdannelse af plejehjem", "Dagcentre", "Ældrepleje"])
    part2, themes, _ = one_phrase_one_theme(part, singles, singles, {"s1": s})
    assert [t.label for t in themes] == [
        "Omdannelse af plejehjem til dagcentre",
        "Differentierede tilgange til ældrepleje",
    ]
    assert part2.iloc[0]["words"] == "omdannelse af plejehjem til dagcentre"
    assert part2.iloc[0]["content_at"] == "0 2 4"


def test_a_phrase_longer_than_a_label_keeps_the_key_phrase():
    s = _sentence(
        "ændring i den lange , tunge og gamle særlige kultur",
        "NOUN ADP DET ADJ PUNCT ADJ CCONJ ADJ ADJ NOUN",
        "ændring i den lang , tung og gammel særlig kultur",
    )
    part = pd.DataFrame([_unit("s1", 0, 1, s)])
    singles = _themes(part, ["Ændring"])
    _, themes, _ = one_phrase_one_theme(part, singles, singles, {"s1": s})
    assert [t.label for t in themes] == ["Ændring"]
    _, themes, _ = one_phrase_one_theme(
        part,
        singles,
        singles,
        {
            "s1": _sentence(
                "ændring i den gamle kultur", "NOUN ADP DET ADJ NOUN", "ændring i den gammel kultur"
            )
        },
    )
    assert [t.label for t in themes] == ["Ændring i den gamle kultur"]


def test_a_verb_a_person_or_an_adjective_alone_names_no_point():
    def own(lemma, text):
        return names_own_point(lemma, "", frozenset(), lambda w: False, frozenset(), text)

    assert not own("håndtere", "håndtere")  # tagged a noun; a verb with its own noun "håndtering"
    assert not own("borger", "borgere")
    assert not own("bred", "bred")  # "en bred vifte af emner"
    assert own("støtte", "støtte") and own("frivillig", "frivillige") and own("kultur", "kulturen")


def test_two_themes_of_one_statement_are_two_points_of_the_same_statements_one():
    s = _sentence("synlighed og generationer", "NOUN CCONJ NOUN", "synlighed og generation")
    one = pd.DataFrame([_unit("s1", 0, 1, s), _unit("s1", 2, 3, s)])
    themes = _themes(one, ["Synlighed", "Generationer"])
    assert [t.label for t in same_evidence_one_point(one, themes)] == ["Synlighed", "Generationer"]
    two = pd.DataFrame(
        [_unit("s1", 0, 1, s), _unit("s2", 0, 1, s), _unit("s1", 2, 3, s), _unit("s2", 2, 3, s)]
    )
    themes = [
        FoundTheme(np.array([0, 1]), two.iloc[[0, 1]], "Synlighed"),
        FoundTheme(np.array([2, 3]), two.iloc[[2, 3]], "Generationer"),
    ]
    assert len(same_evidence_one_point(two, themes)) == 1


def test_a_complement_that_names_nothing_is_not_taken_and_a_closing_conjunct_is():
    s = _sentence(
        "fremtidens arbejdspladser med fokus på hjemmearbejde og fællesskaber for børn og unge .",
        "NOUN NOUN ADP NOUN ADP NOUN CCONJ NOUN ADP NOUN CCONJ ADJ PUNCT",
        "fremtid arbejdsplads med fokus på hjemmearbejde og fællesskab for barn og ung .",
    )
    part = pd.DataFrame([_unit("s1", 0, 2, s, lemmas="fremtid arbejdsplads"), _unit("s1", 7, 8, s)])
    themes = _themes(part, ["Fremtidens arbejdspladser", "Fællesskaber"])
    _, out, _ = one_phrase_one_theme(part, themes, themes, {"s1": s})
    assert [t.label for t in out] == ["Fremtidens arbejdspladser", "Fællesskaber for børn og unge"]


def test_the_last_conjunct_of_a_coordination_governs_no_phrase_nor_is_a_setting_a_complement():
    s = _sentence(
        "læring og social omsorg med et helhedsorienteret syn og fleksible job i virksomhederne .",
        "NOUN CCONJ ADJ NOUN ADP DET ADJ NOUN CCONJ ADJ NOUN ADP NOUN PUNCT",
        "læring og social omsorg med en helhedsorienteret syn og fleksibel job i virksomhed .",
    )
    part = pd.DataFrame([_unit("s1", 6, 8, s, lemmas="helhedsorienteret syn"), _unit("s1", 9, 11, s)])
    themes = _themes(part, ["Helhedsorienteret syn", "Fleksible job"])
    _, out, _ = one_phrase_one_theme(part, themes, themes, {"s1": s})
    assert [t.label for t in out] == ["Helhedsorienteret syn", "Fleksible job"]
    alone = _sentence("omsorg med et helhedsorienteret syn", "NOUN ADP DET ADJ NOUN", "omsorg med en x syn")
    part = pd.DataFrame([_unit("s1", 3, 5, alone, lemmas="helhedsorienteret syn")])
    _, out, _ = one_phrase_one_theme(part, _themes(part, ["Helhedsorienteret syn"]), [], {"s1": alone})
    assert [t.label for t in out] == ["Omsorg med et helhedsorienteret syn"]


def test_a_theme_of_several_groups_takes_in_no_one_group_theme():
    s = _sentence(
        "samarbejde mellem frivillige organisationer og det politiske niveau",
        "NOUN ADP ADJ NOUN CCONJ DET ADJ NOUN",
        "samarbejde mellem frivillig organisation og den politisk niveau",
    )
    other = {**_unit("s2", 0, 1, s), "group": 3}
    part = pd.DataFrame([_unit("s1", 0, 1, s), _unit("s1", 5, 8, s, lemmas="politisk niveau"), other])
    several = FoundTheme(np.array([0, 2]), part.iloc[[0, 2]], "Samarbejde")
    one = FoundTheme(np.array([1]), part.iloc[[1]], "Politisk niveau")
    _, out, singles = one_phrase_one_theme(part, [several, one], [one], {"s1": s, "s2": s})
    # the theme of several groups keeps its own evidence; the group's phrase stays a theme of its own
    assert [(t.label, t.members.tolist()) for t in out] == [("Samarbejde", [0, 2]), ("Politisk niveau", [1])]
    assert [t.label for t in singles] == ["Politisk niveau"]


def test_a_unit_whose_span_is_not_its_text_keeps_its_label():
    # "begrænse" after its object: the verb's unit spans nothing of the sentence as written
    s = _sentence(
        "Danmark med regler skal begrænse", "PROPN ADP NOUN AUX VERB", "danmark med regel skulle begrænse"
    )
    unit = {**_unit("s1", 0, 1, s), "start": 4, "end": 1, "text": "", "words": "begrænsning af danmark"}
    part = pd.DataFrame([unit])
    _, out, _ = one_phrase_one_theme(part, _themes(part, ["Begrænsning af danmark"]), [], {"s1": s})
    assert [t.label for t in out] == ["Begrænsning af danmark"]


def test_a_verbs_idiom_governs_nothing_and_a_frame_noun_complements_nothing():
    s = _sentence(
        "finde sted i det danske sygehusvæsen og modstrid mellem en vis form",
        "VERB NOUN ADP DET ADJ NOUN CCONJ NOUN ADP DET ADJ NOUN",
        "finde sted i den dansk sygehusvæsen og modstrid mellem en vis form",
    )
    part = pd.DataFrame([_unit("s1", 3, 6, s, lemmas="dansk sygehusvæsen"), _unit("s1", 7, 8, s)])
    themes = _themes(part, ["Dansk sygehusvæsen", "Modstrid"])
    _, out, _ = one_phrase_one_theme(part, themes, themes, {"s1": s})
    assert [t.label for t in out] == ["Dansk sygehusvæsen", "Modstrid"]


def test_the_questions_own_word_governs_nothing_and_a_preposition_is_no_content_lemma():
    s = _sentence(
        "balancere digitalisering med borgernes adgang og ansætte personer udenfor normen",
        "VERB NOUN ADP NOUN NOUN CCONJ VERB NOUN ADP NOUN",
        "balancere digitalisering med borger adgang og ansætte person udenfor norm",
    )
    part = pd.DataFrame([_unit("s1", 3, 5, s, lemmas="borger adgang"), _unit("s1", 9, 10, s)])
    themes = _themes(part, ["Borgernes adgang", "Norm"])
    part2, out, _ = one_phrase_one_theme(part, themes, themes, {"s1": s}, lambda w: w == "digitalisering")
    assert [t.label for t in out] == ["Borgernes adgang", "Personer udenfor normen"]
    assert part2.iloc[1]["lemmas"] == "person norm"


def test_a_restating_theme_left_with_one_member_keeps_its_label_and_its_released_phrases():
    """A theme that only restates the question released one group's phrase (it counts it still) and
    kept one: it is no one-group theme, so it is neither widened nor relabelled."""
    part = pd.DataFrame([_unit("s1", 2, 3, KULTUR), _unit("s1", 4, 5, KULTUR)])
    restating = FoundTheme(np.array([0]), part.iloc[[0, 1]], "Ændring", released=(1,))
    _, out, _ = one_phrase_one_theme(part, [restating], [], {"s1": KULTUR})
    assert [t.label for t in out] == ["Ændring"]
    assert out[0].members.tolist() == [0] and out[0].released == (1,)
    assert out[0].counted.tolist() == [0, 1] and len(out[0].units) == 2


def test_a_phrase_right_after_a_negation_is_no_point_of_its_group():
    """ "Vi har ikke et konkret forslag": a theme "Konkret forslag" would say the opposite."""
    s = _sentence(
        "vi har ikke et konkret forslag .",
        "PRON VERB ADV DET ADJ NOUN PUNCT",
        "vi have ikke en konkret forslag .",
    )
    part = pd.DataFrame([_unit("s1", 4, 6, s)])
    singles = _themes(part, ["Konkret forslag"])
    _, out, out_singles = one_phrase_one_theme(part, singles, singles, {"s1": s})
    assert out == [] and out_singles == []
    # without the negation it is the group's point
    s = _sentence(
        "vi har et konkret forslag .", "PRON VERB DET ADJ NOUN PUNCT", "vi have en konkret forslag ."
    )
    part = pd.DataFrame([_unit("s1", 3, 5, s)])
    singles = _themes(part, ["Konkret forslag"])
    _, out, _ = one_phrase_one_theme(part, singles, singles, {"s1": s})
    assert [t.label for t in out] == ["Konkret forslag"]


def test_a_one_group_label_keeps_the_comparative_of_quantity_before_it():
    """ "vi får mindre kontrol": "Mindre kontrol", never "Kontrol" (the group wants less of it)."""
    s = _sentence("så vi får mindre kontrol .", "ADV PRON VERB ADJ NOUN PUNCT", "så vi få lille kontrol .")
    part = pd.DataFrame([_unit("s1", 4, 5, s)])
    singles = _themes(part, ["Kontrol"])
    _, out, _ = one_phrase_one_theme(part, singles, singles, {"s1": s})
    assert [t.label for t in out] == ["Mindre kontrol"]


def test_a_phrase_denied_to_exist_is_its_groups_point_named_with_the_denial():
    """ "Der er ingen konflikt mellem skole og fritid": the point is that there is none, "Ingen konflikt"."""
    s = _sentence(
        "der er dog ingen konflikt .", "ADV AUX ADV DET NOUN PUNCT", "der være dog ingen konflikt ."
    )
    part = pd.DataFrame([_unit("s1", 4, 5, s)])
    singles = _themes(part, ["Konflikt"])
    _, out, out_singles = one_phrase_one_theme(part, singles, singles, {"s1": s})
    assert [t.label for t in out] == ["Ingen konflikt"] and len(out_singles) == 1
    # what a group says it has not is still no point
    s = _sentence("vi har ingen konflikt .", "PRON VERB DET NOUN PUNCT", "vi have ingen konflikt .")
    part = pd.DataFrame([_unit("s1", 3, 4, s)])
    singles = _themes(part, ["Konflikt"])
    assert one_phrase_one_theme(part, singles, singles, {"s1": s})[1] == []


def test_a_one_group_theme_of_phrases_in_another_themes_phrase_or_settings_folds_into_it():
    """ "på skoler" and "match mellem elev og skole": the word is the match's, no point "Skole"."""
    s = _sentence(
        "vi hjælper personer på skoler , og det rigtige match mellem elev og skole .",
        "PRON VERB NOUN ADP NOUN PUNCT CCONJ DET ADJ NOUN ADP NOUN CCONJ NOUN PUNCT",
        "vi hjælpe person på skole , og den rigtig match mellem elev og skole .",
    )
    part = pd.DataFrame([_unit("s1", 4, 5, s), _unit("s1", 13, 14, s), _unit("s1", 8, 10, s)])
    word = FoundTheme(np.array([0, 1]), part.iloc[[0, 1]], "Skole")
    match = FoundTheme(np.array([2]), part.iloc[[2]], "Rigtigt match")
    _, out, singles = one_phrase_one_theme(part, [word, match], [word, match], {"s1": s})
    assert len(out) == 1 and len(singles) == 1
    assert out[0].label != "Skole" and sorted(out[0].members.tolist()) == [0, 1, 2]
    # a unit of the word outside the match's phrase and no setting keeps its theme
    s2 = _sentence(
        "skoler er vigtige , og det rigtige match mellem elev og skole .",
        "NOUN AUX ADJ PUNCT CCONJ DET ADJ NOUN ADP NOUN CCONJ NOUN PUNCT",
        "skole være vigtig , og den rigtig match mellem elev og skole .",
    )
    part = pd.DataFrame([_unit("s1", 0, 1, s2), _unit("s1", 11, 12, s2), _unit("s1", 6, 8, s2)])
    word = FoundTheme(np.array([0, 1]), part.iloc[[0, 1]], "Skole")
    match = FoundTheme(np.array([2]), part.iloc[[2]], "Rigtigt match")
    _, out, _ = one_phrase_one_theme(part, [word, match], [word, match], {"s1": s2})
    assert len(out) == 2
