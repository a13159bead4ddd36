"""Sentences that lean on the one before: they open with a word that ties them back to it.

A sentence quoted on its own (a theme's "kort sagt") must stand on its own. One that opens
with a conjunction ("Men der kan være eksempler, hvor de gør …", "Og kommunerne skal …") or a
linking adverb ("Derfor skal …", "Tværtimod ønsker vi …") answers or continues the sentence
before it, which the reader of the quote does not see.
"""

from __future__ import annotations

__all__ = ["LINKING_OPENERS", "leans_back"]

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
    }
)


def leans_back(text: str) -> bool:
    """Whether a sentence opens with a word that ties it to the sentence before (:data:`LINKING_OPENERS`).

    Args:
        text: The sentence as written.

    Returns:
        True for "Men det er også vigtigt, at …", "Derfor skal de nye sygehuse …"; False for
        "Vi har brug for et levende kulturliv." and "Det er vigtigt, at …".
    """
    words = str(text).split()
    return bool(words) and words[0].strip(".,;:!?()»«\"'–-").casefold() in LINKING_OPENERS
