"""The words with which a Danish answer gives its stance on a yes/no question, read from ``data/``.

Three lexicons, each a file a reader can check and extend without touching code:

* ``stance_phrases.tsv``: the phrases that give a stance ("Ja.", "Klart.", "Nej, bestemt ikke.",
  "Måske", "Begge dele", "De skal følges ad") and where in an answer they count
  (:data:`STANCE_PHRASES`);
* ``degree_words.tsv``: scales of degree words a question can turn on ("hurtigere", "for meget",
  "vigtigere"), with the words on the same side and on the other (:data:`DEGREE_SCALES`);
* ``two_sided.txt``: the words by which a question sets two things against each other
  ("eller", "vigtigere end", "forud for"): :data:`TWO_SIDED`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "DEGREE_SCALES",
    "NEGATIONS",
    "OPINION_VERBS",
    "PLACES",
    "STANCES",
    "STANCE_PHRASES",
    "TWO_SIDED",
    "DegreeScale",
    "StancePhrase",
]

#: Stance keys → the stance as the page's line shows it, in the order the line lists them.
STANCES: dict[str, str] = {
    "ja": "Ja",
    "nej": "Nej",
    "begge": "Begge dele",
    "både-og": "Både ja og nej",
    "delvis": "Delvis",
    "måske": "Måske",
    "hverken-eller": "Hverken ja eller nej",
}

#: Where a phrase of ``stance_phrases.tsv`` counts (see that file's header).
PLACES: frozenset[str] = frozenset({"opening", "first", "sentence", "partial"})

#: Words that deny what follows them ("ikke skal sættes op", "aldrig vigtigere").
NEGATIONS: frozenset[str] = frozenset({"ikke", "aldrig", "ej", "ingenlunde"})

#: Verbs of opinion whose negation denies the clause they introduce: "vi synes ikke, at man skal
#: kunne optjene hurtigere" says that one should not (Danish moves the negation up to the verb).
OPINION_VERBS: frozenset[str] = frozenset(
    "synes syntes mener mente tror troede finder fandt ønsker ønskede mener tænker".split()
)


@dataclass(frozen=True)
class StancePhrase:
    """One phrase of ``stance_phrases.tsv``: its words, the stance it gives and where it counts."""

    words: tuple[str, ...]
    stance: str
    place: str


@dataclass(frozen=True)
class DegreeScale:
    """One line of ``degree_words.tsv``: the words on one side of a scale and on the other."""

    up: tuple[tuple[str, ...], ...]
    down: tuple[tuple[str, ...], ...]


def _lines(name: str) -> list[str]:
    text = (Path(__file__).parent / "data" / name).read_text(encoding="utf-8")
    return [line for raw in text.splitlines() if (line := raw.split("#", 1)[0].rstrip())]


def _phrases() -> tuple[StancePhrase, ...]:
    out = []
    for line in _lines("stance_phrases.tsv"):
        phrase, stance, place = line.split("\t")
        if stance not in STANCES or place not in PLACES:
            raise ValueError(f"stance_phrases.tsv: unknown stance or place in {line!r}")
        out.append(StancePhrase(tuple(phrase.lower().split()), stance, place))
    # the longest phrase first: "bestemt ikke" before "bestemt"
    return tuple(sorted(out, key=lambda p: -len(p.words)))


def _scales() -> tuple[DegreeScale, ...]:
    def side(text: str) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(w.lower().split()) for w in text.split(",") if w.strip())

    return tuple(
        DegreeScale(side(up), side(down))
        for up, down in (ln.split("\t") for ln in _lines("degree_words.tsv"))
    )


#: The stance phrases, longest first (``data/stance_phrases.tsv``).
STANCE_PHRASES: tuple[StancePhrase, ...] = _phrases()

#: The degree scales (``data/degree_words.tsv``).
DEGREE_SCALES: tuple[DegreeScale, ...] = _scales()

#: Phrases by which a question sets two things against each other (``data/two_sided.txt``).
TWO_SIDED: tuple[tuple[str, ...], ...] = tuple(tuple(ln.lower().split()) for ln in _lines("two_sided.txt"))
