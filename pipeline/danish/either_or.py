"""Either/or questions and the option an answer chooses.

"Skal kommunen bruge pengene på cykelstier eller på parkering?" asks for one of two options.
The two options are the words after "eller" and as many words before it: Danish coordinates
like with like ("på cykelstier eller på parkering", "grøn omstilling eller nye veje"). An answer's
sentence chooses an option when it names a content word of that option, not denied
(:func:`pipeline.danish.echoes.negated`), and no content word of the other one not denied:
"Vi vil have flere cykelstier" and "Ikke parkering, men cykelstier" choose the first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .echoes import negated, same_word
from .stop_words import STOP_WORDS

__all__ = ["Option", "chosen_option", "either_or_options"]

#: Words after "eller" that make it a yes/no question's tag, not a second option ("… eller ej?").
TAG_AFTER_OR = frozenset({"ej", "ikke"})

#: A content word of an option is at least this long ("nye" and "på" name no option).
_CONTENT = 4


@dataclass(frozen=True)
class Option:
    """One option of an either/or question: its words as the question writes them, its content words."""

    words: tuple[str, ...]
    content: tuple[str, ...]

    @property
    def label(self) -> str:
        """The option as the stance line shows it ("På cykelstier")."""
        text = " ".join(self.words)
        return text[:1].upper() + text[1:]


def _words(question: str) -> list[str]:
    return "".join(ch if ch.isalnum() or ch in "-" else " " for ch in question).split()


def either_or_options(question: str) -> tuple[Option, Option] | None:
    """The two options of a question with one "eller" between them, or None.

    None also for a yes/no question's tag ("… eller ej?") and a list of more than two ("A, B eller
    C?": a comma before "eller").
    """
    words = _words(question)
    low = [w.lower() for w in words]
    at = [i for i, w in enumerate(low) if w == "eller"]
    if len(at) != 1 or "," in question:
        return None
    e = at[0]
    second = words[e + 1 :]
    if not second or low[e + 1] in TAG_AFTER_OR or e - len(second) < 1:
        return None
    first = words[e - len(second) : e]

    def content(side: list[str], other: list[str]) -> tuple[str, ...]:
        others = {w.lower() for w in other}
        # "bus-" of "bus- eller togkort" is a word cut short, not an option's content word
        words = [w.lower().strip("-") for w in side]
        return tuple(w for w in words if len(w) >= _CONTENT and w not in STOP_WORDS and w not in others)

    a, b = content(first, second), content(second, first)
    if not a or not b:
        return None
    return Option(tuple(first), a), Option(tuple(second), b)


def chosen_option(options: tuple[Option, Option], tokens: Sequence[str]) -> tuple[int, int, int] | None:
    """The option a sentence chooses (0 or 1) and the span of the word naming it, or None.

    Returns:
        ``(option, start, end)``; None when the sentence names neither option, or both (each
        not denied).
    """
    low = [t.lower() for t in tokens]
    named: list[list[int]] = [[], []]
    for k, option in enumerate(options):
        for i, t in enumerate(low):
            if any(same_word(t, w) for w in option.content) and negated(low, i) is None:
                named[k].append(i)
    if bool(named[0]) == bool(named[1]):
        return None
    k = 0 if named[0] else 1
    return k, named[k][0], named[k][0] + 1
