"""Answers to yes/no questions: the stance an answer gives ("Ja.", "Klart.", "… skal ikke sænkes").

When a core area's question asks for a yes or no ("Skal afgiften på cigaretter sættes op?"),
the stance a group gives is a point of its own: "5 af 10 grupper svarede ja". A question is a
yes/no question when it ends with a question mark and does not open with an interrogative word
("Hvordan kan vi …?" asks for ideas, not a stance).

:func:`answer_stance` reads an answer's stance, first rule first:

1. the answer opens with a stance phrase standing alone (:func:`opening_stance`: "Ja.", "Klart.",
   "Nej, bestemt ikke.", "Måske (…)", "Tildels."), or its first sentence says one whose "det" is
   the question's proposition ("Det er vi imod", "Det synes vi ikke", "Vi siger ja");
2. else, sentence by sentence, the first that gives one:

   * the question's own words repeated with or without a negation: its degree word (or one on
     the same side of its scale) about its matter when the question turns on one
     (:func:`degree_stance`: "… at man nemmere kan optjene ret til dagpenge" answers "Skal man
     hurtigere kunne genoptjene retten til dagpenge?" with yes), else its modal and verb
     (:func:`echoed_stance`: "Ulandsbistanden skal overhovedet ikke sænkes");
     a sentence that limits the echo to some cases ("På nogle områder …") answers in part;
   * for a question that sets two things against each other ("A vigtigere end B?", "A forud for
     B?", "A eller B?"), a phrase saying both ("Det skal være begge dele", "De skal følges ad",
     "Det er en falsk modsætning");
   * for an either/or question ("Skal vi bruge pengene på cykelstier eller på parkering?"), the
     one option the sentence names without denying it (:mod:`pipeline.danish.either_or`).

The phrases and scales are lexicons in ``data/`` (:mod:`pipeline.danish.stance_words`); the
negation scope is :mod:`pipeline.danish.echoes`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .echoes import (
    MODALS,
    degree_of,
    degree_stance,
    echoed_stance,
    phrase_at,
    question_words,
)
from .either_or import TAG_AFTER_OR, chosen_option, either_or_options
from .stance_words import NEGATIONS, STANCE_PHRASES, STANCES, TWO_SIDED

__all__ = [
    "INTERROGATIVES",
    "MODALS",
    "NEGATIONS",
    "STANCES",
    "AnswerStance",
    "answer_stance",
    "degree_stance",
    "echoed_stance",
    "is_two_sided_question",
    "is_yes_no_question",
    "opening_stance",
    "phrase_stance",
]

#: Words that open a question asking for more than a yes or no.
INTERROGATIVES: frozenset[str] = frozenset(
    (
        "hvordan hvad hvorfor hvilke hvilken hvilket hvem hvor hvornår hvorledes hvorvidt hvis "
        "hvorfra hvortil"
    ).split()
)

#: What may follow a stance phrase that stands alone ("Ja.", "Nej, …", "Måske (…)", "Ja – …").
_AFTER_STANCE = frozenset({",", ".", "!", ":", ";", "–", "-", "(", "…"})


@dataclass(frozen=True)
class AnswerStance:
    """The stance an answer gives and where: its key, a sentence and a token span.

    ``stance`` is a key of :data:`STANCES`, or ``"option-1"``/``"option-2"`` for the option of an
    either/or question the answer chose (:mod:`pipeline.danish.either_or`); ``label`` is the
    stance as the page shows it ("Ja", "Begge dele", "På cykelstier").
    """

    stance: str
    sentence: int
    start: int
    end: int
    label: str = ""

    def __post_init__(self) -> None:
        """A stance of :data:`STANCES` is labelled as the line shows it."""
        if not self.label:
            object.__setattr__(self, "label", STANCES.get(self.stance, self.stance))


def is_yes_no_question(question: str) -> bool:
    """Whether a question asks for a yes or no ("Skal …?", "Er …?", "Bestemmer EU for meget?")."""
    words = question.strip().split()
    return (
        bool(words)
        and question.strip().endswith("?")
        and words[0].lower().strip("¿\"'“") not in INTERROGATIVES
    )


def is_two_sided_question(question: str) -> bool:
    """Whether a question sets two things against each other (:data:`~.stance_words.TWO_SIDED`).

    "Er vækst i den offentlige sektor vigtigere end skattelettelser?", "Skal indsatsen for miljøet
    gå forud for økonomisk vækst?", "Skal vi bygge nyt eller renovere?"; not "Skal vi bygge nyt
    eller ej?".
    """
    q = question_words(question)
    for i in range(len(q)):
        for phrase in TWO_SIDED:
            if tuple(q[i : i + len(phrase)]) == phrase:
                after = q[i + len(phrase)] if i + len(phrase) < len(q) else None
                if phrase != ("eller",) or (after is not None and after not in TAG_AFTER_OR):
                    return True
    return False


def _opening(tokens: Sequence[str]) -> tuple[str, int] | None:
    """The stance phrase an answer opens with, standing alone, and its length in tokens."""
    low = [t.lower() for t in tokens]
    # "Hverken-eller" may come as one token or as three ("hverken - eller")
    joined = ["".join(low[:3])] if len(low) >= 3 and low[1] == "-" else []
    for p in STANCE_PHRASES:
        if p.place != "opening":
            continue
        n = len(p.words)
        spans = [(tuple(low[:n]), n)] + [((j,), 3) for j in joined]
        for words, used in spans:
            if words == p.words and (len(low) == used or low[used] in _AFTER_STANCE):
                return p.stance, used
    return None


def opening_stance(tokens: Sequence[str]) -> str | None:
    """The stance an answer's first sentence opens with (a key of :data:`STANCES`), or None.

    The phrase (``data/stance_phrases.tsv``, place "opening") must stand alone: followed by a
    punctuation mark or ending the sentence ("Ja.", "Nej, …", "Klart.", "Hverken-eller.", "Måske
    (…)"); "Ja til …" is not a stance on its own.
    """
    found = _opening(tokens)
    return found[0] if found else None


def phrase_stance(tokens: Sequence[str], place: str) -> tuple[str, int, int] | None:
    """The first stance phrase of one place (``"first"``, ``"sentence"``, ``"partial"``) in a sentence.

    A phrase of the place "first" must end its clause ("Det er vi imod.", "…, det synes vi ikke,
    …"): "Det synes vi er svært" is about something else.

    Returns:
        ``(stance, start, end)``, or None when the sentence has none.
    """
    low = [t.lower() for t in tokens]
    for i in range(len(low)):
        for p in STANCE_PHRASES:
            if p.place != place or not phrase_at(low, i, p.words):
                continue
            end = i + len(p.words)
            if place != "first" or end == len(low) or low[end] in _AFTER_STANCE:
                return p.stance, i, end
    return None


def answer_stance(
    question: str, sentences: Sequence[tuple[Sequence[str], Sequence[str]]]
) -> AnswerStance | None:
    """The stance an answer gives on a yes/no question, or None (see the module's rules).

    Args:
        question: The core area's question.
        sentences: The answer's sentences in order, each as its tokens and their word classes
            (UPOS; an empty list when there are none).

    Returns:
        The stance and where it is said; None when the question asks for no yes or no or the
        answer gives none.
    """
    if not sentences or not is_yes_no_question(question):
        return None
    opening = _opening(sentences[0][0])
    if opening is not None:
        return AnswerStance(opening[0], 0, 0, opening[1])
    first = phrase_stance(sentences[0][0], "first")  # "Det er vi imod", "Det synes vi ikke"
    if first is not None:
        return AnswerStance(first[0], 0, first[1], first[2])
    has_degree = degree_of(question) is not None
    two_sided = is_two_sided_question(question)
    options = either_or_options(question)
    for i, (tokens, upos) in enumerate(sentences):
        # "Derfor skal væksten og miljøindsatsen gå hånd i hånd" says both, not the echo's yes
        both = phrase_stance(tokens, "sentence") if two_sided else None
        if both is not None:
            return AnswerStance(both[0], i, both[1], both[2])
        chosen = chosen_option(options, tokens) if options else None
        if chosen is not None:  # "Skal vi X eller Y?" - "Vi vil have Y"
            k, start, end = chosen
            return AnswerStance(f"option-{k + 1}", i, start, end, options[k].label)
        if options:
            echo = None  # "skal bygge" in "Skal vi bygge nyt eller renovere?" is no yes
        elif has_degree:
            echo = degree_stance(question, tokens)
        else:
            echo = echoed_stance(question, tokens, upos) if len(upos) == len(tokens) else None
        if echo is not None:
            stance, start, end = echo
            part = phrase_stance(tokens, "partial")
            if part is not None:  # "På nogle områder bestemmer EU for meget"
                stance, start = "delvis", min(start, part[1])
            return AnswerStance(stance, i, start, end)
    return None
