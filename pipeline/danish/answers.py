"""Answers to yes/no questions: the stance an answer opens with ("Ja.", "Nej, vi synes ikke …").

When a core area's question asks for a yes or no ("Skal afgiften på cigaretter sættes op?"),
the stance a group opens its answer with is a point of its own: "5 af 10 grupper svarede ja".
A question is a yes/no question when it ends with a question mark and does not open with an
interrogative word ("Hvordan kan vi …?" asks for ideas, not a stance).

An answer that opens without "ja" or "nej" can still give its stance in the question's own
words (:func:`echoed_stance`): "Ulandsbistanden skal overhovedet ikke sænkes" answers "Skal
ulandsbistanden sænkes?" with no; "Vi ønsker, at ulandsbistanden skal sænkes en smule" with
yes. Only the question's modal and its verb, as the question writes them, count as the echo.
"""

from __future__ import annotations

__all__ = [
    "INTERROGATIVES",
    "MODALS",
    "NEGATIONS",
    "STANCES",
    "echoed_stance",
    "is_yes_no_question",
    "opening_stance",
]

#: Opening words of an answer → the stance as a label shows it.
STANCES: dict[str, str] = {
    "ja": "Ja",
    "nej": "Nej",
    "måske": "Måske",
    "delvis": "Delvis",
    "delvist": "Delvis",
    "hverken-eller": "Hverken ja eller nej",
    "både-og": "Både ja og nej",
}

#: Words that open a question asking for more than a yes or no.
INTERROGATIVES: frozenset[str] = frozenset(
    (
        "hvordan hvad hvorfor hvilke hvilken hvilket hvem hvor hvornår hvorledes hvorvidt hvis "
        "hvorfra hvortil"
    ).split()
)

#: Modal verbs a yes/no question can open with ("Skal …?", "Bør …?"), with their other forms.
MODALS: dict[str, frozenset[str]] = {
    "skal": frozenset({"skal", "skulle"}),
    "bør": frozenset({"bør", "burde"}),
    "må": frozenset({"må", "måtte"}),
    "kan": frozenset({"kan", "kunne"}),
}

#: Words that deny the verb they stand before ("ikke skal sættes op", "aldrig sænkes").
NEGATIONS: frozenset[str] = frozenset({"ikke", "aldrig", "ej"})

_AFTER_STANCE = frozenset({",", ".", "!", ":", ";", "–", "-"})


def is_yes_no_question(question: str) -> bool:
    """Whether a question asks for a yes or no ("Skal …?", "Er …?", "Bestemmer EU for meget?")."""
    words = question.strip().split()
    return (
        bool(words)
        and question.strip().endswith("?")
        and words[0].lower().strip("¿\"'“") not in INTERROGATIVES
    )


def opening_stance(tokens: list[str]) -> str | None:
    """The stance an answer's first sentence opens with (a key of :data:`STANCES`), or None.

    The stance word must stand alone: followed by a punctuation mark or ending the sentence
    ("Ja.", "Nej, …", "Hverken-eller."); "Ja til …" is not a stance on its own.
    """
    low = [t.lower() for t in tokens]
    for n in (3, 1):  # "hverken - eller" may come as three tokens
        if len(low) >= n:
            word = "".join(low[:n]) if n == 3 else low[0]
            if word in STANCES and (len(low) == n or low[n] in _AFTER_STANCE):
                return word
    return None


def _words(text: str) -> list[str]:
    return [w for w in "".join(ch if ch.isalnum() or ch == "-" else " " for ch in text.lower()).split() if w]


def echoed_stance(question: str, tokens: list[str], upos: list[str]) -> tuple[str, int, int] | None:
    """The stance an answer gives by repeating the question's modal and verb, with or without a negation.

    ``question`` must open with a modal (:data:`MODALS`: "Skal afgiften på cigaretter sættes
    op?"). The answer's sentence (``tokens`` with their word classes ``upos``) echoes it when
    it has a verb written as the question writes its verb (after the modal), followed by the
    word the question has after it ("sættes op", not "sættes ned"), and the same modal earlier
    in the sentence. A negation (:data:`NEGATIONS`) from just before the modal up to the verb
    makes the stance "nej" ("afgifter på cigaretter ikke skal sættes op", "skal omlægges, men
    ikke sænkes"), otherwise it is "ja" ("skal sænkes en smule").

    Returns:
        ``(stance, start, end)``: the stance key of :data:`STANCES` and the token span of the
        echo (from the modal, or the negation before it, to the verb and its particle); None
        when the sentence does not echo the question.
    """
    q = _words(question)
    if len(q) < 3 or q[0] not in MODALS:
        return None
    modal_forms = MODALS[q[0]]
    low = [t.lower() for t in tokens]
    for v in range(1, len(low)):
        if upos[v] != "VERB" or low[v] not in q[2:]:
            continue
        qi = q.index(low[v], 2)
        after = q[qi + 1] if qi + 1 < len(q) else None
        if after is not None and (v + 1 >= len(low) or low[v + 1] != after):
            continue
        modals = [i for i in range(v) if low[i] in modal_forms]
        if not modals:
            continue
        m = modals[-1]
        start = m - 1 if m > 0 and low[m - 1] in NEGATIONS else m
        negated = any(low[i] in NEGATIONS for i in range(start, v))
        end = v + 1 + (after is not None)
        return ("nej" if negated else "ja"), start, end
    return None
