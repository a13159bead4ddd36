"""Sentences that lean on the one before: a linking opener, an adding adverb, a pronoun pointing back.

A sentence quoted on its own (a theme's "kort sagt") must stand on its own. One that opens
with a conjunction ("Men der kan være eksempler, hvor de gør …", "Og kommunerne skal …") or a
linking adverb ("Derfor skal …", "Tværtimod ønsker vi …") answers or continues the sentence
before it, which the reader of the quote does not see. So does one that adds to it by a sentence
adverb in its first field ("De talte også om …", "Det er dog vigtigt …"), and one whose subject or
fronted object is a third-person pronoun ("De nævnte …", "Den er vi begyndt at rokke ved.",
"Det er et problem."): the pronoun names what the sentence before named. "Det" that only holds
the place of a clause later in the sentence ("Det er vigtigt, at …") points nowhere; "vi" is the
writers themselves, never a word of the sentence before.
"""

from __future__ import annotations

__all__ = ["ADDING_ADVERBS", "BACK_POINTING_PRONOUNS", "LINKING_OPENERS", "LINKING_PHRASES", "leans_back"]

# Conjunctions and adverbs that link a sentence to the previous one when they open it. "så" and
# "for" open a main clause only as conjunctions ("Så skal vi …" is "then"; both lean back); words
# that open a sentence on their own ("ja", "nej", "det") are not here.
LINKING_OPENERS = frozenset(
    {
        "men",
        "og",
        "eller",
        "så",
        "for",
        "derfor",
        "dermed",
        "desuden",
        "endvidere",
        "derudover",
        "herudover",
        "samtidig",
        "dog",
        "alligevel",
        "tværtimod",
        "altså",
        "således",
        "ellers",
        "heller",
        "også",
        "derimod",
        "ligeledes",
        "tillige",
        "derefter",
        "herefter",
    }
)

#: Linking adverbials of several words ("Til gengæld har vi …", "I stedet skal …", "På den anden
#: side …"): opening a sentence they weigh it against the one before, as "men" does.
LINKING_PHRASES: frozenset[tuple[str, ...]] = frozenset(
    {
        ("til", "gengæld"),
        ("i", "stedet"),
        ("i", "øvrigt"),
        ("på", "den", "anden", "side"),
        ("ud", "over", "det"),
        ("oven", "i", "købet"),
    }
)

#: Sentence adverbs that add to or qualify what was said before. In the first field of a main
#: clause (after its first element, its verb and its subject: "De talte også om …", "Derfor mener
#: vi desuden …") they lean on the sentence before; later ("… der også bruges af skolerne") they
#: belong to a clause of their own sentence. Not "samtidig": after the verb it can be an adjective.
ADDING_ADVERBS = frozenset(
    {"også", "desuden", "derudover", "endvidere", "herudover", "ligeledes", "tillige", "dog", "heller"}
)

#: Third-person pronouns that point back when they open a sentence as its subject or its fronted
#: object (a verb follows): "De nævnte …", "Den er vi begyndt at rokke ved." Before a noun or an
#: adjective they are articles ("De fleste kommuner …", "Den nye skole …") and point nowhere.
BACK_POINTING_PRONOUNS = frozenset({"de", "den", "det", "dette", "denne", "disse", "han", "hun", "dem"})

#: Words opening the clause a formal "det" holds the place of ("Det er vigtigt, at …", "Det er
#: usikkert, om …", "Det er kommunen, der …"): such a "det" points forward, not back.
_FORWARD_CLAUSE = frozenset({"at", "om", "hvis", "når", "der", "som"})

# the first field of a main clause: its first element, the verb, the subject, then its adverbs
_FIRST_FIELD = 4
_VERB_TAGS = frozenset({"VERB", "AUX"})
_PUNCTUATION = ".,;:!?()»«\"'–-"


def leans_back(text: str, upos: str = "") -> bool:
    """Whether a sentence leans on the one before it: it does not stand alone as a quote.

    It opens with a linking word or phrase (:data:`LINKING_OPENERS`, :data:`LINKING_PHRASES`:
    "Til gengæld …"), has an adding adverb in its first field
    (:data:`ADDING_ADVERBS`), or opens with a pronoun pointing back (:data:`BACK_POINTING_PRONOUNS`)
    followed by its verb. "det" points back only where no clause follows it holds the place of.

    Args:
        text: The sentence: as written, or its tokens space-separated when ``upos`` is given.
        upos: The tokens' universal tags, space-separated (the ``statements`` table's ``pos``).
            Without them a pronoun is not told from an article, and the pronoun rule is left out.

    Returns:
        True for "Men det er også vigtigt, at …", "De talte også om samarbejde …", "Den er vi begyndt
        at rokke ved ." (tagged); False for "Vi har brug for et levende kulturliv." and "Det er
        vigtigt, at …".
    """
    words = [w.strip(_PUNCTUATION).casefold() for w in str(text).split()]
    tags = str(upos).split()
    if not words:
        return False
    if words[0] in LINKING_OPENERS or ADDING_ADVERBS.intersection(words[1:_FIRST_FIELD]):
        return True
    if any(tuple(words[: len(p)]) == p for p in LINKING_PHRASES):
        return True
    if words[0] not in BACK_POINTING_PRONOUNS or len(tags) != len(words) or len(tags) < 2:
        return False
    if tags[1] not in _VERB_TAGS:
        return False
    # a formal "det" holds the place of a clause later in the sentence
    return words[0] != "det" or not _FORWARD_CLAUSE.intersection(words[2:])
