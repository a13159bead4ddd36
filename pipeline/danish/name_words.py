"""Words that tell a person's name from an ordinary Danish word (used by :mod:`pipeline.privacy`).

A listed name that is also a Danish word ("Per", "Bo", "Storm", "Bonde", "Tom", "Dam") is read as
the name only where the sentence says so: written with a capital letter inside a sentence, followed
by a surname, or followed by a verb of saying ("Per sagde", "Bo mente").
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = [
    "COMMON_WORD_NAMES",
    "GIVEN_NAMES_FILE",
    "HONORIFICS",
    "PATRONYMIC_STEMS",
    "SAYING_VERBS",
    "SURNAME_ENDINGS",
    "given_names",
    "person_titles",
    "street_suffixes",
]

#: Danish first names and surnames that are also ordinary words (in lower case). The treebank
#: lexicon does not hold all of them (``per`` is a preposition there is no lemma entry for).
COMMON_WORD_NAMES = frozenset(
    """
    per bo storm bonde tom dam skov holm lund bak krog hjort vinter sommer due ravn fisker smed
    kok mark sten ask hede vang bjerg dal bro strand mose eng ege have lind birk by gram
    rask stærk lykke fryd glad dahl bach bang kamp kirk lind mølle ulv bjørn ørn falk svane
    hvid sort brun grøn lille hans
    """.split()
)

#: Verbs of saying (and of writing or asking) that follow a person's name: "Per sagde", "Bo mente".
SAYING_VERBS = frozenset(
    """
    sagde siger sige nævnte nævner mente mener foreslog foreslår fortalte fortæller spurgte spørger
    svarede svarer påpegede påpeger understregede understreger tilføjede tilføjer synes syntes
    fremhævede fremhæver pointerede pointerer bemærkede bemærker forklarede forklarer skrev skriver
    ringede ringer sendte sender opfordrede opfordrer argumenterede argumenterer konkluderede
    konkluderer foreslog fortæller beskrev beskriver efterlyste efterlyser præsenterede præsenterer
    """.split()
)


#: Endings of the most common Danish surnames ("Mikkelsøn", "Vestergaard", "Nørgård"); "-sen" only
#: after a given name ("Hansen", "Sørensen", "Larsen"): a noun's definite form ends so too
#: ("Konsekvensen", "Krisen"). Used by :mod:`pipeline.privacy` for a surname without a given name.
SURNAME_ENDINGS = ("søn", "gaard", "gård")
#: Stems of the "-sen" surnames that are no common given name as written ("Olsen", "Thomsen",
#: "Christensen", "Kristensen", "Nissen").
PATRONYMIC_STEMS = frozenset({"ol", "thom", "christen", "kristen", "nis", "jep", "clau"})


#: Titles written before a surname ("fru Jensen", "hr. Hansen"): the capitalised word after one is a name.
HONORIFICS = frozenset({"hr", "herr", "fru", "frk", "frøken"})


#: Common Danish given names, lower case (``data/given_names.txt``): a person's name that no
#: configuration lists is found by one of these ("Kristian Thulesen Dahl", "Hanne").
GIVEN_NAMES_FILE = Path(__file__).parent / "data" / "given_names.txt"


@cache
def given_names() -> frozenset[str]:
    """The given names of :data:`GIVEN_NAMES_FILE`, lower case."""
    from .frame_words import read_lexicon

    return read_lexicon(GIVEN_NAMES_FILE.name)


@cache
def street_suffixes() -> frozenset[str]:
    """Endings of Danish street names (``data/street_suffixes.txt``): "vej", "gade", "vænget"."""
    from .frame_words import read_lexicon

    return read_lexicon("street_suffixes.txt")


@cache
def person_titles() -> frozenset[str]:
    """Titles and roles written before a person's name (``data/person_titles.txt``): "borgmester"."""
    from .frame_words import read_lexicon

    return read_lexicon("person_titles.txt")
