"""A lexicon-driven Danish compound splitter: ``ældreplejen`` → ``ældre`` + ``pleje``."""

from __future__ import annotations

from functools import lru_cache

from pipeline.danish.lemma_model import Model, _Sources, default_model, get_sources, has_alpha

__all__ = ["modifier_and_head", "split_compound"]


_BAD_MODIFIERS = frozenset(
    "af an be bi for fore fra gen ind med mis mod ned om op over på sam til u ud under ur van "
    "efter ene imod igennem hen her der hvor selv sam all alle mel ver".split()
)
_MIN_PART = 3


def _lemma_of_part(part: str, model: Model, src: _Sources) -> str | None:
    """Lemma of a compound head if the part is a known word form, else None."""
    e = model.low_lex.get(part)
    if e is not None and has_alpha(part):
        lem = e[0][0]
        return lem if not lem[:1].isupper() else None
    d = src.dict_lemma(part)
    if d is not None and d[:1].islower():
        return d
    return None


def _is_modifier(part: str, model: Model, src: _Sources) -> str | None:
    """The lemma to use for a modifier part (tries linking -s-/-e- removal), else None."""
    if part in _BAD_MODIFIERS:
        return None
    options = []
    if len(part) > _MIN_PART and part[-1] in "se":
        options.append(part[:-1])
    options.append(part)
    for p in options:
        if p in _BAD_MODIFIERS or len(p) < _MIN_PART:
            continue
        e = model.low_lex.get(p)
        lem = e[0][0] if e is not None else src.dict_lemma(p)
        if lem is None or lem[:1].isupper():
            continue
        # a truncated stem (arbejd, plej) stands for its lemma; other forms stay (ældre, børn)
        if lem != p and lem.startswith(p) and len(lem) - len(p) <= 1:
            return lem
        return p
    return None


@lru_cache(maxsize=100_000)
def _split(low: str, depth: int) -> tuple[str, ...] | None:
    model = default_model()
    src = get_sources()
    n = len(low)
    best: tuple[float, tuple[str, ...]] | None = None
    for i in range(_MIN_PART, n - _MIN_PART + 1):
        mod, head = low[:i], low[i:]
        if mod.endswith("-"):
            mod = mod[:-1]
        if len(head) < _MIN_PART + 1 or len(mod) < _MIN_PART:
            continue
        head_lemma = _lemma_of_part(head, model, src)
        if head_lemma is None or head_lemma in _BAD_MODIFIERS:
            continue
        mod_lemma = _is_modifier(mod, model, src)
        if mod_lemma is None:
            continue
        # prefer balanced splits with long parts
        score = min(len(mod_lemma), len(head)) + 0.01 * len(head)
        parts: tuple[str, ...] = (mod_lemma, head_lemma)
        if depth < 2:
            sub = _split(mod_lemma, depth + 1)
            if sub is not None and min(len(x) for x in sub) >= _MIN_PART + 1:
                parts = (*sub, head_lemma)
        if best is None or score > best[0]:
            best = (score, parts)
    return best[1] if best is not None else None


def split_compound(word: str) -> list[str]:
    """Split a Danish compound into lemmatized parts (``ældreplejen`` -> ``[ældre, pleje]``).

    Driven by the treebank vocabulary and simplemma's Danish lexicon; linking ``-s-``/``-e-``
    are removed. Returns ``[word]`` when there is no confident split.
    """
    if len(word) < 2 * _MIN_PART + 1 or (not word.isalpha() and "-" not in word):
        return [word]
    parts = _split(word.lower(), 0)
    return list(parts) if parts else [word]


def modifier_and_head(lemma: str) -> tuple[str, str] | None:
    """A compound lemma as its modifier (one word, as written in it) and its head; None if not a compound.

    The modifier keeps its own compound ("lokalsamfund"), without the linking ``-s-``/``-e-`` or a
    hyphen: ``lokalsamfundsprojekt`` → ``("lokalsamfund", "projekt")``, ``it-kompetence`` → ``("it",
    "kompetence")``.

    >>> modifier_and_head("facilitetsplan")
    ('facilitet', 'plan')
    """
    if "-" in lemma:
        mod, _, head = lemma.rpartition("-")
        return (mod, head) if mod and head else None
    parts = split_compound(lemma)
    if len(parts) < 2:
        return None
    head, before = parts[-1], parts[-2]
    low = lemma.lower()
    mod = low[: -len(head)] if low.endswith(head) else "".join(parts[:-1])
    if not mod.endswith(before) and mod[-1:] in ("s", "e") and mod[:-1].endswith(before):
        mod = mod[:-1]  # the linking -s-/-e- ("lokalsamfunds" + "projekt")
    return mod, head
