"""Claims from the parse: what each statement says about what, read from the bundled dependency parser.

The theme stage works on the statements table (words, word classes, lemmas). A statement is
parsed once here with the shipped parser (:mod:`pipeline.danish.parser`) over the words and
tags it already has, and :func:`pipeline.danish.syntax.phrases` reads the parse:

* noun chunks (:func:`pipeline.danish.noun_phrases.noun_chunks`): the base noun phrases a unit is
  made of ("eksisterende samarbejder", "tydelig kommunikation"), beside those the word classes
  give;
* a noun phrase's role: a place ("aktiviteter på plejehjemmene", role ``locative``) is the
  setting of a point, not a point;
* verb phrases with their objects ("koordinere og integrere frivillige"): the claim is the
  verb's action on its object; a passive's object is its subject ("voldtægter bliver meldt");
* an action a phase verb starts or stops ("begynder at ryge"), a claim with no object.

Without the parser's model files (a trimmed install) every function returns nothing, and the
theme stage keeps its word-class rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Parse", "parse_statement"]


@dataclass(frozen=True)
class Parse:
    """What the parse of one statement gives the theme stage.

    Attributes:
        chunks: Base noun phrases as token spans ``(start, end)``, in order.
        locative: Token positions of the heads of noun phrases that give a place.
        verb_objects: ``(verb positions, object span)`` per verb phrase with an object: the
            coordinated verbs ("koordinere og integrere") and the object's base span.
        complements: Token positions of the heads of noun phrases that complement another
            noun, not a frame noun ("synlighed af <plejehjemmene>", "samvær for <de ældre>"):
            the point made there is the other noun's.
        attitudes: ``(noun position, +1 or -1)`` per noun phrase head the sentence is for or
            against (:func:`pipeline.danish.attitudes.attitude`: "glade for <reformen>").
        no_object: Token positions of verbs whose object is no claim's object: it only names who an
            "i/fra at"-infinitive's action is kept from (:func:`pipeline.danish.syntax.controls_action`).
        passive: Token positions of passive verbs: their object is their subject, before them
            ("voldtægter bliver meldt": :func:`pipeline.danish.syntax.passive_subject`).
        actions: Token positions of verbs with no object whose action a phase verb starts or stops
            ("begynder at ryge": :func:`pipeline.danish.syntax.phase_action`): a claim of its own.
    """

    chunks: tuple[tuple[int, int], ...] = ()
    locative: frozenset[int] = frozenset()
    verb_objects: tuple[tuple[tuple[int, ...], tuple[int, int]], ...] = ()
    complements: frozenset[int] = frozenset()
    attitudes: tuple[tuple[int, int], ...] = ()
    no_object: frozenset[int] = frozenset()
    passive: frozenset[int] = frozenset()
    actions: frozenset[int] = frozenset()


@lru_cache(maxsize=1)
def _parser():
    """The bundled parser pipeline (loaded once), or None without its model files."""
    from pipeline.danish.parser import PARSER_PATH, _load, parser_available

    return _load(str(PARSER_PATH.resolve())) if parser_available() else None


#: Word classes of a modifier the parse attaches to a noun that a noun chunk leaves out: an adverb
#: form ("frivilligt arbejde") or a participle read as a verb ("differentierede indsatser").
_MODIFIER_POS = frozenset({"ADJ", "ADV", "VERB"})


def _with_modifiers(doc, start: int, end: int) -> tuple[int, int]:
    """A noun chunk with the modifiers right before it that the parse attaches to it (``mod``)."""
    inside = set(range(start, end))
    while start > 0:
        tok = doc[start - 1]
        if tok.dep_ != "mod" or tok.head.i not in inside or tok.pos_ not in _MODIFIER_POS:
            break
        start -= 1
        inside.add(start)
    return start, end


def _conjuncts(tok) -> list[int]:
    """The nouns coordinated after ``tok`` (CDT chains them: noun ``-coord->`` "og" ``-conj->`` noun)."""
    out = []
    while True:
        coord = next((c for c in tok.children if c.dep_ == "coord"), None)
        nxt = (
            next((c for c in coord.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "ADJ")), None)
            if coord is not None
            else None
        )
        if nxt is None or nxt.i in out:
            return out
        out.append(nxt.i)
        tok = nxt


def parse_statement(words: list[str], upos: list[str], lemmas: list[str]) -> Parse | None:
    """Parse one statement (one sentence) over its own words and tags; None without the parser.

    Args:
        words: The statement's tokens.
        upos: Their word classes (the parser reads them).
        lemmas: Their lemmas (the phrases' lemmas).
    """
    nlp = _parser()
    if nlp is None or not words:
        return None
    from spacy.tokens import Doc

    from pipeline.danish.attitudes import attitude
    from pipeline.danish.noun_phrases import COMPLEMENT, LOCATIVE, NOUN, VERB, noun_chunks
    from pipeline.danish.syntax import controls_action, passive_subject, phase_action, phrases

    doc = Doc(
        nlp.vocab,
        words=list(words),
        pos=list(upos),
        lemmas=list(lemmas),
        sent_starts=[True] + [False] * (len(words) - 1),
    )
    doc = nlp.get_pipe("parser")(doc)
    found = phrases(doc)
    chunks = tuple(_with_modifiers(doc, s, e) for s, e, _ in noun_chunks(doc))
    locative = frozenset(p.head for p in found if p.kind == NOUN and p.role == LOCATIVE)
    complements = frozenset(p.head for p in found if p.kind == NOUN and p.role == COMPLEMENT)

    def base(head: int, arg) -> tuple[int, int]:
        # the base noun phrase the object's noun is in ("et klart signal" of "sender et klart signal
        # til kriminelle"): a noun in a phrase hung on the object is not the verb's object
        return next(
            ((s, e) for s, e in chunks if s <= head < e),
            (arg.start, arg.end) if head == arg.head else (head, head + 1),
        )

    verb_objects = []
    for p in found:
        if p.kind != VERB:
            continue
        for arg in p.arguments:
            # "inddrage børn og unge": every coordinated noun is the verb's object
            for head in (arg.head, *_conjuncts(doc[arg.head])):
                span = base(head, arg)
                verb_objects.append((tuple(p.heads), span))
    attitudes = tuple(
        (p.head, sign) for p in found if p.kind == NOUN and (sign := attitude(doc[p.head])) != 0
    )
    no_object = frozenset(t.i for t in doc if t.pos_ == "VERB" and controls_action(t))
    passive = frozenset(t.i for t in doc if passive_subject(t) is not None)
    actions = frozenset(t.i for t in doc if phase_action(t))
    return Parse(chunks, locative, tuple(verb_objects), complements, attitudes, no_object, passive, actions)
