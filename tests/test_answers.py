"""Stances on yes/no questions: each rule of pipeline.danish.answers on a tiny Danish fixture."""

from __future__ import annotations

import pandas as pd

from pipeline.danish import AnswerStance, answer_stance, is_two_sided_question, opening_stance
from pipeline.danish.answers import phrase_stance
from pipeline.danish.echoes import degree_stance, echoed_stance, negated
from pipeline.danish.stance_words import STANCE_PHRASES, STANCES


def _s(text: str, upos: str = "") -> tuple[list[str], list[str]]:
    return text.split(), upos.split()


def test_the_phrase_lexicon_gives_known_stances_longest_first():
    assert {p.stance for p in STANCE_PHRASES} <= set(STANCES)
    lengths = [len(p.words) for p in STANCE_PHRASES]
    assert lengths == sorted(lengths, reverse=True)  # "bestemt ikke" is tried before "bestemt"


def test_an_answer_opening_with_an_evaluative_word_gives_its_stance():
    assert opening_stance("Klart .".split()) == "ja"
    assert opening_stance("Ja , helt klart .".split()) == "ja"
    assert opening_stance("Bestemt ikke .".split()) == "nej"
    assert opening_stance("Absolut .".split()) == "ja"
    assert opening_stance("Måske ( det afgør regionerne )".split()) == "måske"
    assert opening_stance("Tildels .".split()) == "delvis"
    assert opening_stance("Begge dele .".split()) == "begge"
    assert opening_stance("Hverken - eller .".split()) == "hverken-eller"
    # standing alone only: "Selvfølgelig skal vi …" and "Klart bedre …" give no stance
    assert opening_stance("Selvfølgelig skal vi hjælpe .".split()) is None
    assert opening_stance("Bestemt ikke i år .".split()) is None


def test_a_question_that_sets_two_things_against_each_other():
    assert is_two_sided_question("Er en ny skole vigtigere end en ny hal?")
    assert is_two_sided_question("Skal vi bygge nyt eller renovere?")
    assert is_two_sided_question("Skal trafikken gå forud for naturen?")
    assert not is_two_sided_question("Skal vi bygge nyt eller ej?")
    assert not is_two_sided_question("Skal afgiften sættes op?")


def test_both_said_anywhere_in_the_answer_of_a_two_sided_question():
    q = "Skal trafikken gå forud for naturen?"
    answer = [_s("Det er vigtigt med gode veje ."), _s("Derfor skal de to gå hånd i hånd .")]
    assert answer_stance(q, answer) == AnswerStance("begge", 1, 5, 8)  # "hånd i hånd"
    assert answer_stance(q, [_s("Det er en falsk modsætning .")]).stance == "begge"
    # a question with one side only: "hånd i hånd" is no stance
    assert answer_stance("Skal trafikken begrænses?", answer) is None


def test_a_stance_said_with_the_questions_degree_word():
    q = "Skal det være nemmere at få en byggetilladelse?"
    yes = "Vi vil gøre det lettere at få en byggetilladelse ."
    assert degree_stance(q, yes.split()) == ("ja", 4, 5)
    # the negation of a verb of opinion denies the clause it introduces
    no = "Vi synes ikke , at det skal være lettere at få tilladelse ."
    assert degree_stance(q, no.split()) == ("nej", 2, 9)  # "ikke … lettere"
    # the other side of the scale
    assert degree_stance(q, "Det skal være sværere at få byggetilladelse .".split())[0] == "nej"
    # "ikke mindst" denies nothing
    assert degree_stance(q, "Vi vil ikke mindst gøre det lettere at få tilladelse .".split())[0] == "ja"
    # the degree word about something else than the question's matter is no stance
    assert degree_stance(q, "Vi skal have hurtigere internet .".split()) is None


def test_an_echo_limited_to_some_cases_answers_in_part():
    q = "Bruger kommunen for mange penge på konsulenter?"
    whole = answer_stance(q, [_s("Kommunen bruger for mange penge på konsulenter .")])
    part = answer_stance(q, [_s("På nogle områder bruger kommunen for mange penge på konsulenter .")])
    assert whole.stance == "ja"
    assert (part.stance, part.start) == ("delvis", 0)
    assert phrase_stance("Vi bruger for mange penge .".split(), "partial") is None


def test_the_questions_verb_without_its_prefix_is_an_echo_but_a_compounds_last_noun_is_not():
    q = "Skal man kunne genansøge om boligstøtte?"
    tags = "PRON VERB PUNCT SCONJ PRON AUX AUX VERB ADP NOUN PUNCT"
    assert (
        echoed_stance(q, "Vi mener , at man skal kunne ansøge om støtte .".split(), tags.split())[0] == "ja"
    )
    q2 = "Skal boligstøtten sænkes?"
    assert (
        echoed_stance(q2, "Vi skal støtte de unge .".split(), "PRON AUX VERB DET NOUN PUNCT".split()) is None
    )


def test_a_negated_verb_of_opinion_denies_the_modal_echo():
    q = "Skal skatten sættes op?"
    tokens = "Vi ønsker ikke , at skatten skal sættes op .".split()
    tags = "PRON VERB ADV PUNCT SCONJ NOUN AUX VERB ADP PUNCT".split()
    assert echoed_stance(q, tokens, tags) == ("nej", 2, 9)
    assert negated(tokens, 7) == 2
    # a negation in a clause of no opinion verb stays there
    other = "Vi har ikke penge , men skatten skal sættes op .".split()
    assert negated(other, 8) is None


def test_the_first_sentence_that_gives_a_stance_counts():
    q = "Skal afgiften sættes op?"
    answer = [
        _s("Det er et svært spørgsmål .", "PRON AUX DET ADJ NOUN PUNCT"),
        _s("Afgiften skal ikke sættes op .", "NOUN AUX ADV VERB ADP PUNCT"),
    ]
    found = answer_stance(q, answer)
    assert (found.stance, found.sentence, found.start, found.end) == ("nej", 1, 1, 5)
    # an opening stance wins over what follows
    assert answer_stance(q, [_s("Ja ."), answer[1]]).stance == "ja"
    # a question that asks how gets no stance
    assert answer_stance("Hvordan skal afgiften sættes op?", [_s("Ja .")]) is None


def test_stance_units_take_the_statement_that_gives_the_stance():
    from pipeline.config import parse_config
    from pipeline.themes.stances import stance_counts, stance_units

    cfg = parse_config(
        '[seminar]\nname = "Test"\nyear = 2015\n\n[[core_areas]]\nname = "Natur"\n'
        'question = "Skal trafikken gå forud for naturen?"\n'
    )
    rows = [
        ("aaaaaaaaaaaa", 1, 0, "Klart .", "ADV PUNCT"),
        ("bbbbbbbbbbbb", 2, 0, "Det er vigtigt .", "PRON AUX ADJ PUNCT"),
        ("bbbbbbbbbbbb", 2, 1, "De skal følges ad .", "PRON AUX VERB ADV PUNCT"),
        ("cccccccccccc", 3, 0, "Det skal være begge dele .", "PRON AUX AUX DET NOUN PUNCT"),
        ("dddddddddddd", 4, 0, "Vi skal have flere cykelstier .", "PRON AUX VERB ADJ NOUN PUNCT"),
    ]
    st = pd.DataFrame(
        [
            {
                "statement_id": f"{n}-{p:02d}",
                "note_id": n,
                "year": 2015,
                "core_area": "Natur",
                "group": g,
                "position": p,
                "tokens": t,
                "lemmas": t.lower(),
                "pos": tags,
            }
            for n, g, p, t, tags in rows
        ]
    )
    units = stance_units(st, cfg)
    assert list(zip(units["group"], units["statement_id"], units["text"], strict=True)) == [
        (1, "aaaaaaaaaaaa-00", "Klart"),
        (2, "bbbbbbbbbbbb-01", "følges ad"),
        (3, "cccccccccccc-00", "begge dele"),
    ]
    counts = stance_counts(units)["2015"]
    assert [(c["stance"], c["groups"]) for c in counts] == [("Begge dele", [2, 3]), ("Ja", [1])]


def test_an_either_or_question_is_answered_with_one_of_its_options():
    from pipeline.danish.either_or import either_or_options

    q = "Skal kommunen bruge pengene på cykelstier eller på parkering?"
    first, second = either_or_options(q)
    assert (first.label, second.label) == ("På cykelstier", "På parkering")
    assert either_or_options("Skal vi bygge nyt eller ej?") is None
    assert either_or_options("Skal vi satse på skoler, veje eller ældre?") is None  # three options
    assert either_or_options("Skal unge have gratis bus- eller togkort?") is None  # one noun

    def stance(text: str) -> tuple[str, str] | None:
        found = answer_stance(q, [_s(text)])
        return (found.stance, found.label) if found else None

    assert stance("Vi vil have flere cykelstier .") == ("option-1", "På cykelstier")
    assert stance("Ikke parkering , men cykelstier .") == ("option-1", "På cykelstier")
    assert stance("Parkeringen er vigtigst for handelslivet .") == ("option-2", "På parkering")
    assert stance("Begge dele er vigtige .") == ("begge", "Begge dele")
    assert stance("Det skal gå hånd i hånd .") == ("begge", "Begge dele")
    assert stance("Cykelstier og parkering er lige vigtige .") is None  # both named
    # the question's modal and verb are no yes to an either/or question
    assert stance("Kommunen skal bruge pengene klogt .") is None


def test_a_stance_said_of_the_question_in_the_first_sentence():
    q = "Skal afgiften sættes op?"

    def stance(*texts: str) -> str | None:
        found = answer_stance(q, [_s(t) for t in texts])
        return found.stance if found else None

    assert stance("Det er vi imod .") == "nej"
    assert stance("Helt ærligt , det synes vi ikke .") == "nej"
    assert stance("Det går vi ind for , fordi det virker .") == "ja"
    # the phrase must end its clause, and only the first sentence's "det" is the question's
    assert stance("Det synes vi er svært .") is None
    assert stance("Vi har talt længe .", "Det er vi imod .") is None
