"""Danish frame nouns of seminar notes: nouns whose phrase says *that* something matters, not *what*.

"behovet for kommunikation", "vigtigheden af vidensdeling", "mulighederne for at udnytte
teknologi": the point a group made is the complement, so a noun phrase headed by one of these
lemmas is never a sub-theme on its own and never a label. Checked against lemmas.
"""

from __future__ import annotations

FRAME_NOUNS: frozenset[str] = frozenset(
    """
    behov vigtighed betydning nødvendighed mulighed udfordring potentiale brug fokus
    spørgsmål emne vifte række eksempel måde form del grad type slags
    drøftelse punkt ting erfaring respekt betoning
    """.split()
)

#: General nouns whose point lies in what modifies them: "skræddersyede løsninger",
#: "differentierede indsatser", "personer med handicap". Alone ("løsninger", "tilgange") they
#: say nothing a reader can use, so a unit that is only one of them is left out.
GENERAL_NOUNS: frozenset[str] = frozenset(
    """
    løsning tilgang indsats tiltag person model initiativ område aktivitet proces forhold
    niveau sted side emne element faktor forskel
    """.split()
)

#: Prepositions that place a discussion somewhere ("frivillige i ældreplejen", "aktiviteter på
#: plejehjemmene", "inden for ældreplejen"): a noun that an area's groups mostly name after one
#: of them, bare, is the setting of their discussion rather than a point they made about it.
#: Checked against the lowercase one or two words before a unit.
SETTING_PREPOSITIONS: frozenset[str] = frozenset({"i", "på", "indenfor", "inden for"})

__all__ = [
    "EMPTY_NOUNS",
    "EVALUATIVE_WORDS",
    "FRAME_NOUNS",
    "FRAME_PREPOSITIONS",
    "GENERAL_NOUNS",
    "MEASURE_NOUNS",
    "SETTING_PREPOSITIONS",
    "is_setting",
    "read_lexicon",
]


def read_lexicon(name: str) -> frozenset[str]:
    """The lemmas of a lexicon file in ``pipeline/danish/data`` (one a line; ``#`` starts a comment)."""
    from pathlib import Path

    text = (Path(__file__).parent / "data" / name).read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if (w := line.split("#", 1)[0].strip().lower()))


#: Prepositions that open a frame noun's complement (``data/frame_prepositions.txt``: "behovet
#: for", "vigtigheden af"): a frame noun with none after it carries the point itself.
FRAME_PREPOSITIONS: frozenset[str] = read_lexicon("frame_prepositions.txt")

#: Nouns that name no point on their own (``data/empty_nouns.txt``): never a theme's label alone,
#: as a setting or a word spread over every question is not (the theme stage adds the time words
#: of :data:`pipeline.danish.noun_phrases.TEMPORAL_NOUNS`).
EMPTY_NOUNS: frozenset[str] = read_lexicon("empty_nouns.txt")

#: Words that judge how hard, big or important something is, not what it is
#: (``data/evaluative_words.txt``: "svær", "kæmpe", "vigtig"): with a frame or empty noun alone
#: ("svært spørgsmål", "kæmpe problem") they name no point.
EVALUATIVE_WORDS: frozenset[str] = read_lexicon("evaluative_words.txt")

#: Nouns of a measure taken that do not say which (``data/measure_nouns.txt``: "tiltag",
#: "indsats", "løsning"): interchangeable when a theme is checked against its question's words.
MEASURE_NOUNS: frozenset[str] = read_lexicon("measure_nouns.txt")


#: Word classes of a word whose place a placing phrase can give: a thing or a person ("aktiviteter
#: på plejehjemmene", "frivillige i ældreplejen"). After a verb the phrase is its object
#: ("fokusere på", "investere i").
_PLACED = frozenset({"NOUN", "PROPN", "ADJ"})


def is_setting(lemmas: list[str], upos: list[str], words: list[str], at: int) -> bool:
    """Whether the noun at ``at`` only says where something happens: the setting, not a point.

    "aktiviteter på plejehjemmene", "frivillige i ældreplejen", "indsatser i familierne": a
    placing preposition (:data:`SETTING_PREPOSITIONS`) right before the noun, and before that a
    noun or adjective whose place it gives. Not after a verb (its object: "fokuserede på
    kapacitetsudvidelse"), a frame noun (its complement: "potentialet i facilitetsplaner") or a
    noun of an action (what changes: "en ændring i kulturen"). And only when the noun can be a
    setting (:func:`pipeline.danish.places.names_setting`: a place, or a known field in the
    definite form): "kvaliteten i anbringelser" says what the quality is of.
    """
    from pipeline.danish.inflection import is_action_noun
    from pipeline.danish.places import names_setting

    if at < 2 or words[at - 1].lower() not in SETTING_PREPOSITIONS:
        return False
    if not names_setting(words[at], lemmas[at]):
        return False
    before = at - 2
    if upos[before] not in _PLACED:
        return False
    lemma = lemmas[before].lower()
    return lemma not in FRAME_NOUNS and not is_action_noun(lemma)
