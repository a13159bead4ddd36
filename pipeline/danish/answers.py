"""Answers to yes/no questions: the stance an answer opens with ("Ja.", "Nej, vi synes ikke …").

When a core area's question asks for a yes or no ("Skal afgiften på cigaretter sættes op?"),
the stance a group opens its answer with is a point of its own: "5 af 10 grupper svarede ja".
A question is a yes/no question when it ends with a question mark and does not open with an
interrogative word ("Hvordan kan vi …?" asks for ideas, not a stance).
"""

from __future__ import annotations

__all__ = ["INTERROGATIVES", "STANCES", "is_yes_no_question", "opening_stance"]

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
    "hvordan hvad hvorfor hvilke hvilken hvilket hvem hvor hvornår hvorledes hvorvidt hvis hvorfra hvortil".split()
)

_AFTER_STANCE = frozenset({",", ".", "!", ":", ";", "–", "-"})


def is_yes_no_question(question: str) -> bool:
    """Whether a question asks for a yes or no ("Skal …?", "Er …?", "Bestemmer EU for meget?")."""
    words = question.strip().split()
    return bool(words) and question.strip().endswith("?") and words[0].lower().strip("¿\"'“") not in INTERROGATIVES


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
