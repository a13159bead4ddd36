"""A label's letter case as the groups wrote its words: "FN", "Danmark", "IT-sikkerhed".

Labels are built from lemmas, which are lower case, and given a capital first letter. A proper
noun or an acronym is written with capitals wherever it stands, while a common noun is only
capitalised first in a sentence. So a word the notes write with a capital (or in capitals) in
every place they write it keeps that form in the label; a word written in lower case anywhere is
a common word and stays lower case.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

__all__ = ["written_case"]


def written_case(phrase: str, tokens: Iterable[str]) -> str:
    """``phrase`` with a capital first letter, and every word the ``tokens`` always capitalise as they do.

    Args:
        phrase: The label in lower case ("begrænsning af danmark").
        tokens: The words the groups wrote (every token of the theme's key phrases).

    >>> written_case("procent af bni", ["procent", "af", "BNI", "BNI"])
    'Procent af BNI'
    >>> written_case("it-sikkerhed", ["IT-sikkerhed"])
    'IT-sikkerhed'
    >>> written_case("kvalitet", ["Kvalitet", "kvalitet"])
    'Kvalitet'
    >>> written_case("begrænsning af danmark", ["begrænsning", "af", "Danmark"])
    'Begrænsning af Danmark'
    """
    forms: dict[str, Counter] = {}
    for token in tokens:
        forms.setdefault(token.lower(), Counter())[token] += 1
    out = []
    for word in phrase.split(" "):
        seen = forms.get(word.lower())
        if seen and all(f != f.lower() for f in seen):
            word = min(seen, key=lambda f: (-seen[f], f))
        out.append(word)
    text = " ".join(out)
    return text[:1].upper() + text[1:]
