"""Topic words as the groups wrote them, and labels made from them."""

from __future__ import annotations

from collections import Counter

import pandas as pd

__all__ = ["label_from_keywords", "surface_forms", "surface_phrase"]


def surface_forms(statements: pd.DataFrame) -> dict[str, Counter]:
    """How often each lemma was written in each (lower-cased) word form in these statements."""
    forms: dict[str, Counter] = {}
    for tokens, lemmas in zip(statements["tokens"], statements["lemmas"], strict=True):
        for form, lemma in zip(tokens.split(), lemmas.split(), strict=False):
            forms.setdefault(lemma, Counter())[form.lower()] += 1
    return forms


def surface_phrase(keyword: str, forms: dict[str, Counter], texts: list[str]) -> str:
    """A lemma keyword in the word forms the groups used most (a bigram as written, its words together)."""
    words = keyword.split()
    if len(words) == 2:
        # The bigram as the groups wrote it, when its words stand next to each other.
        pairs = Counter()
        for a in forms.get(words[0], {}):
            for b in forms.get(words[1], {}):
                phrase = f"{a} {b}"
                n = sum(t.lower().count(phrase) for t in texts)
                if n:
                    pairs[phrase] = n
        if pairs:
            return min(pairs, key=lambda p: (-pairs[p], p))
    out = []
    for w in words:
        counter = forms.get(w)
        out.append(min(counter, key=lambda f: (-counter[f], f)) if counter else w.replace("_", " "))
    return " ".join(out)


def label_from_keywords(surface_keywords: list[str]) -> str:
    """Up to three keywords joined as a Danish list (``"A, B og C"``), skipping one contained in another."""
    picked: list[str] = []
    for kw in surface_keywords:
        # Skip a keyword already contained in a picked one ("frivillige" after "unge frivillige").
        if any(kw in p or p in kw for p in picked):
            continue
        picked.append(kw)
        if len(picked) == 3:
            break
    if not picked:
        return "(uden nøgleord)"
    text = picked[0] if len(picked) == 1 else ", ".join(picked[:-1]) + " og " + picked[-1]
    return text[:1].upper() + text[1:]
