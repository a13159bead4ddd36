"""An answer that gives its yes or no in the question's own words, and the scope of its negation.

"Ulandsbistanden skal overhovedet ikke sænkes" answers "Skal ulandsbistanden sænkes?" with no
(:func:`echoed_stance`: the question's modal and verb); "Vi er tilhængere af, at man nemmere kan
optjene ret til dagpenge" answers "Skal man hurtigere kunne genoptjene retten til dagpenge?" with
yes (:func:`degree_stance`: a word on the same side of the question's degree scale, about the
question's matter). A negation counts in its own clause, and from the clause of a verb of opinion
over the "at"-clause it introduces ("Vi synes ikke, at man skal kunne optjene hurtigere": no).
"""

from __future__ import annotations

from collections.abc import Sequence

from .stance_words import DEGREE_SCALES, NEGATIONS, OPINION_VERBS, DegreeScale
from .stop_words import STOP_WORDS

__all__ = [
    "MODALS",
    "PARTICLES",
    "VERB_PREFIXES",
    "degree_of",
    "degree_stance",
    "echoed_stance",
    "negated",
    "phrase_at",
    "question_words",
    "same_word",
]

#: Modal verbs a yes/no question can open with ("Skal …?", "Bør …?"), with their other forms.
MODALS: dict[str, frozenset[str]] = {
    "skal": frozenset({"skal", "skulle"}),
    "bør": frozenset({"bør", "burde"}),
    "må": frozenset({"må", "måtte"}),
    "kan": frozenset({"kan", "kunne"}),
}

#: Verb particles: after the question's verb one must be repeated ("sættes op" is not "sættes
#: ned"); another word after the verb need not be ("genoptjene retten" ~ "optjene dagpengeret").
PARTICLES: frozenset[str] = frozenset(
    "op ned ud ind af på til over om frem forud tilbage væk sammen fra igennem med hjem bort".split()
)

#: Prefixes a Danish verb compounds with ("genoptjene", "udbetale", "omlægge"): an answer's verb
#: is the question's verb without one ("optjene"). A noun is no prefix: "støtte" is not the verb
#: of "Skal kulturstøtten sænkes?".
VERB_PREFIXES: tuple[str, ...] = tuple(
    "gen op ud ind af til om over ned fra sam be for under efter med mis an".split()
)

#: Words that end a clause for a negation's scope ("…, men ikke sænkes").
_CLAUSE_ENDS = frozenset({",", ";", ":", "–", "-", "(", ")", "men"})

#: Words after a negation that make it no denial: "ikke mindst", "ikke kun", "ikke blot".
_NOT_DENYING = frozenset({"mindst", "kun", "blot", "bare", "alene"})

#: A question word and an answer word name the same when one holds the other from this length
#: ("optjene" in "genoptjene", "dagpenge" in "dagpengeret", "straf" in "straffen").
_SHARED = 5


def question_words(question: str) -> list[str]:
    """A question's words, lower case, without punctuation ("Skal …?" → ["skal", …])."""
    return [w for w in "".join(ch if ch.isalnum() or ch in "-." else " " for ch in question.lower()).split()]


def phrase_at(low: Sequence[str], i: int, words: Sequence[str]) -> bool:
    """Whether the phrase ``words`` stands in ``low`` (lower-case tokens) from position ``i``."""
    return tuple(low[i : i + len(words)]) == tuple(words)


def negated(low: Sequence[str], i: int) -> int | None:
    """The negation that denies the word at ``i`` (its position), or None.

    A negation counts in the word's own clause, before it ("… ikke skal sættes op", "men ikke
    sænkes"); and in the clause before, when that clause holds a verb of opinion and the word's
    clause opens with "at" ("Vi synes ikke, at man skal kunne optjene hurtigere"). "Ikke mindst"
    and "ikke kun" deny nothing.
    """

    def denial(lo: int, hi: int) -> int | None:
        for j in range(hi - 1, lo - 1, -1):
            if low[j] in NEGATIONS and (j + 1 >= len(low) or low[j + 1] not in _NOT_DENYING):
                return j
        return None

    start = i
    while start > 0 and low[start - 1] not in _CLAUSE_ENDS:
        start -= 1
    own = denial(start, i)
    if own is not None or start == 0 or low[start] != "at":
        return own
    before = start - 1
    while before > 0 and low[before - 1] not in _CLAUSE_ENDS:
        before -= 1
    if any(w in OPINION_VERBS for w in low[before : start - 1]):
        return denial(before, start - 1)
    return None


def same_word(a: str, b: str) -> bool:
    """Whether two words name the same: equal, or one holds the other ("optjene", "genoptjene")."""
    if a == b:
        return True
    return min(len(a), len(b)) >= _SHARED and (a in b or b in a)


def _same_verb(question_word: str, verb: str) -> bool:
    """The answer's verb is the question's, or the question's without a prefix ("optjene")."""
    if question_word == verb:
        return True
    prefix = question_word[: len(question_word) - len(verb)]
    return len(verb) >= _SHARED and question_word.endswith(verb) and prefix in VERB_PREFIXES


def degree_of(question: str) -> tuple[DegreeScale, bool, tuple[str, ...]] | None:
    """The degree word a question turns on: its scale, whether on the scale's first side, the word.

    "Skal man hurtigere kunne genoptjene retten til dagpenge?" turns on "hurtigere" (the first
    side of the scale "hurtigere, lettere, nemmere … | sværere …"); None when it has none of
    ``data/degree_words.tsv``.
    """
    q = question_words(question)
    for i in range(len(q)):
        for scale in DEGREE_SCALES:
            for up, side in ((True, scale.up), (False, scale.down)):
                for words in sorted(side, key=len, reverse=True):
                    if phrase_at(q, i, words):
                        return scale, up, words
    return None


def degree_stance(question: str, tokens: Sequence[str]) -> tuple[str, int, int] | None:
    """The stance a sentence gives with the question's degree word, or None.

    The sentence must say a word of the question's scale (:func:`degree_of`) and a content word
    of the question besides it (its matter: "optjene" for "genoptjene", "bestemmer" for
    "Bestemmer EU for meget?"). On the question's side of the scale it answers "ja" ("nemmere",
    "lettere" for "hurtigere"), or "nej" when negated (:func:`negated`); on the other side
    "nej" ("sværere"); a negated word of the other side says too little to count.

    Returns:
        ``(stance, start, end)``: the span from the negation (if any) to the degree word's end.
    """
    found = degree_of(question)
    if found is None:
        return None
    scale, up, degree = found
    same, other = (scale.up, scale.down) if up else (scale.down, scale.up)
    matter = [w for w in question_words(question) if w not in STOP_WORDS and len(w) >= 4 and w not in degree]
    low = [t.lower() for t in tokens]
    for i in range(len(low)):
        for words, own_side in sorted(
            [*((w, True) for w in same), *((w, False) for w in other)], key=lambda x: -len(x[0])
        ):
            if not phrase_at(low, i, words):
                continue
            rest = low[:i] + low[i + len(words) :]
            if not any(same_word(a, q) for a in rest for q in matter):
                continue
            neg = negated(low, i)
            if neg is not None and not own_side:
                return None
            stance = "ja" if own_side and neg is None else "nej"
            return stance, neg if neg is not None else i, i + len(words)
    return None


def echoed_stance(question: str, tokens: Sequence[str], upos: Sequence[str]) -> tuple[str, int, int] | None:
    """The stance an answer gives by repeating the question's modal and verb, with or without a negation.

    ``question`` must open with a modal (:data:`MODALS`: "Skal afgiften på cigaretter sættes
    op?"). The answer's sentence (``tokens`` with their word classes ``upos``) echoes it when
    it has a verb written as the question writes its verb (after the modal) or as its last part
    ("optjene" for "genoptjene"), followed by the question's particle after it if it has one
    ("sættes op", not "sættes ned"), and the same modal earlier in the sentence. A negation that
    denies the verb (:func:`negated`) makes the stance "nej" ("afgifter på cigaretter ikke skal
    sættes op", "skal omlægges, men ikke sænkes", "vi ønsker ikke, at den skal sænkes"),
    otherwise it is "ja" ("skal sænkes en smule").

    Returns:
        ``(stance, start, end)``: the stance key and the token span of the echo (from the modal,
        or the negation before it, to the verb and its particle); None when the sentence does not
        echo the question.
    """
    q = question_words(question)
    if len(q) < 3 or q[0] not in MODALS:
        return None
    modal_forms = MODALS[q[0]]
    low = [t.lower() for t in tokens]
    for v in range(1, len(low)):
        if upos[v] != "VERB":
            continue
        qi = next((k for k in range(2, len(q)) if _same_verb(q[k], low[v])), None)
        if qi is None:
            continue
        after = q[qi + 1] if qi + 1 < len(q) and q[qi + 1] in PARTICLES else None
        if after is not None and (v + 1 >= len(low) or low[v + 1] != after):
            continue
        modals = [i for i in range(v) if low[i] in modal_forms]
        if not modals:
            continue
        m = modals[-1]
        start = m - 1 if m > 0 and low[m - 1] in NEGATIONS else m
        neg = negated(low, v)
        end = v + 1 + (after is not None)
        return ("nej" if neg is not None else "ja"), min(start, neg if neg is not None else start), end
    return None
