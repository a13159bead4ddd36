"""The phrase record, its kinds and roles, and Danish noun phrases from the dependency parse.

The bundled parser (:mod:`pipeline.danish.parser`) uses the relations of the Copenhagen
Dependency Treebank (see :mod:`pipeline.danish.syntax` for what this module relies on); a
determiner, numeral, preposition or possessor heads its noun, so the *top* of a noun phrase is
found by climbing these links from the noun (:mod:`pipeline.danish.cdt_walk`).

A noun phrase is a noun (or an adjective used as one: "de frivillige") with its determiners,
adjectives, possessor and prepositional complements, without relative clauses and coordinated
nouns ("klarhed omkring opgaverne"); its ``role`` says how it hangs in the sentence
(:data:`ROLES`), e.g. ``frame_object`` under a frame noun
(:data:`pipeline.danish.frame_words.FRAME_NOUNS`: "behovet for klarhed omkring opgaverne"),
``locative`` for a place ("aktiviteter på plejehjemmene").

:func:`noun_chunks` is spaCy's syntax-iterator signature for ``doc.noun_chunks`` (base noun
phrases, no complements, no overlaps); :func:`use_noun_chunks` installs it on a pipeline.
Verb phrases, predicatives and the list of all three kinds are in :mod:`pipeline.danish.syntax`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .cdt_walk import (
    EDGE_POS as _EDGE_POS,
    collect_subtree as _collect,
    contiguous_span as _block,
    first_conjunct as _first_conjunct,
    is_nominal as _is_nominal,
    lemma_of as _lemma,
    phrase_chain as _chain,
    phrase_top as _top,
)
from .frame_words import FRAME_NOUNS


#: Kinds of phrase.
NOUN, VERB, PREDICATIVE = "noun", "verb", "predicative"

#: Roles (``Phrase.role``).
SUBJECT = "subject"  # subject of a clause
OBJECT = "object"  # direct or indirect object of a verb
FRAME_OBJECT = "frame_object"  # complement of a frame noun ("behovet for <klarhed>")
PREPOSITIONAL_OBJECT = "prepositional_object"  # argument of a verb or adjective with a preposition
COMPLEMENT = "complement"  # prepositional complement of another (non-frame) noun
LOCATIVE = "locative"  # a place: "på plejehjemmene", "i kommunen"
TEMPORAL = "temporal"  # a time: "i weekenden", "om aftenen"
ADVERBIAL = "adverbial"  # another prepositional modifier
PREDICATE = "predicate"  # said of a subject ("X er <en udfordring>", "X er <for milde>")
ROOT = "root"  # heads its sentence (a note that is a bare phrase: "Inddragelse af unge")
RELATIVE = "relative"  # a verb phrase in a relative clause
CLAUSE = "clause"  # a verb phrase of a main or subordinate clause
OTHER = "other"
ROLES = (
    SUBJECT,
    OBJECT,
    FRAME_OBJECT,
    PREPOSITIONAL_OBJECT,
    COMPLEMENT,
    LOCATIVE,
    TEMPORAL,
    ADVERBIAL,
    PREDICATE,
    ROOT,
    RELATIVE,
    CLAUSE,
    OTHER,
)

# Prepositions that place something ("aktiviteter på plejehjemmene").
LOCATIVE_PREPOSITIONS = frozenset(
    "i på ved hos blandt under over mellem bag foran udenfor indenfor uden_for inden_for rundt".split()
)
# Nouns that name a time ("i weekenden", "om aftenen", "hver uge").
TEMPORAL_NOUNS = frozenset(
    """
    dag uge måned år tid tidspunkt time minut aften morgen formiddag eftermiddag nat weekend hverdag
    periode fremtid fortid sommer vinter forår efterår jul påske ferie sæson døgn årti århundrede
    mandag tirsdag onsdag torsdag fredag lørdag søndag lørdags søndags
    januar februar marts april maj juni juli august september oktober november december
    """.split()
)


@dataclass(frozen=True)
class Phrase:
    """One phrase found in the parse.

    Attributes:
        kind: ``noun``, ``verb`` or ``predicative``.
        role: How the phrase hangs in its sentence (one of :data:`ROLES`).
        start: Index of its first token in the document.
        end: Index after its last token (``doc[start:end]`` is the phrase).
        head: Index of its head word (the noun, the first verb, the adjective).
        text: The phrase as written.
        lemma: Lemma of the head word (lowercase).
        heads: Every head word: the coordinated verbs of a verb phrase, else ``(head,)``.
        governor: Index of the word the phrase depends on through a preposition (the frame
            noun of a ``frame_object``, the noun of a ``complement``), else None.
        frame: Index of the frame noun when ``role`` is ``frame_object``, else None.
        arguments: The objects of a verb phrase, the subject of a predicative (noun phrases).
        negated: The verb or copula is negated (``ikke``, ``aldrig``).
    """

    kind: str
    role: str
    start: int
    end: int
    head: int
    text: str
    lemma: str
    heads: tuple[int, ...] = ()
    governor: int | None = None
    frame: int | None = None
    arguments: tuple[Phrase, ...] = ()
    negated: bool = False


def _is_temporal(noun, prep) -> bool:
    if _lemma(noun) in TEMPORAL_NOUNS or noun.text.lower() in TEMPORAL_NOUNS:
        return True
    return any(
        c.dep_ == "fixed" and c.text.lower() in TEMPORAL_NOUNS for c in (prep.children if prep else ())
    )


def _noun_role(tok) -> tuple[str, int | None, int | None]:
    """(role, governor, frame) of the noun phrase headed by ``tok``."""
    top, prep = _top(tok)
    if prep is not None and prep.pos_ != "ADP":  # "såsom robotkatte": where "såsom" stands
        top, prep = prep, None
    if prep is None:
        if top.dep_ == "conj":
            first = _first_conjunct(top)
            if first.i != top.i:
                return _noun_role(first)
        if top.dep_ in {"appa", "appr"} and top.head.i != top.i:
            return _noun_role(top.head)
        return (
            {
                "subj": SUBJECT,
                "dobj": OBJECT,
                "iobj": OBJECT,
                "pred": PREDICATE,
                "ROOT": ROOT,
            }.get(top.dep_, OTHER),
            None,
            None,
        )
    # a prepositional phrase: what does the preposition hang on?
    p = _first_conjunct(prep) if prep.dep_ == "conj" else prep
    gov = p.head if p.head.i != p.i else None
    gov_noun = None
    if gov is not None:
        g = gov
        if not _is_nominal(g):  # "behovet for" hangs on the noun; a determiner may head it
            g = next((c for c in gov.children if c.dep_ == "nobj" and _is_nominal(c)), g)
        if _is_nominal(g):
            gov_noun = g
    if gov_noun is not None and _lemma(gov_noun) in FRAME_NOUNS:
        return FRAME_OBJECT, gov_noun.i, gov_noun.i
    if _is_temporal(tok, prep):
        return TEMPORAL, gov_noun.i if gov_noun is not None else None, None
    plemma = _lemma(prep)
    if p.dep_ == "mod" and plemma in LOCATIVE_PREPOSITIONS:
        return LOCATIVE, gov_noun.i if gov_noun is not None else None, None
    if gov_noun is not None:
        return COMPLEMENT, gov_noun.i, None
    if p.dep_ == "pobj":
        return PREPOSITIONAL_OBJECT, None, None
    if p.dep_ == "ROOT":
        return ROOT, None, None
    return ADVERBIAL, None, None


def _noun_span(tok) -> tuple[int, int]:
    chain = _chain(tok)
    top = chain[-1]
    keep: set[int] = set()
    _collect(top, keep, {t.i for t in chain})
    # a possessor's other possessed nouns and a determiner's other nouns are not this phrase
    return _block(tok.doc, keep, tok.i, _EDGE_POS)


def _base_span(tok) -> tuple[int, int]:
    start, _ = _noun_span(tok)
    return start, tok.i + 1


def is_phrase_noun(tok) -> bool:
    """Whether ``tok`` heads a noun phrase of its own (a possessor does not)."""
    # a possessor is part of the possessed noun's phrase ("kommunens indsats")
    return _is_nominal(tok) and not any(c.dep_ == "possd" and _is_nominal(c) for c in tok.children)


def noun_phrase(tok, role: str | None = None) -> Phrase:
    """The noun phrase headed by ``tok``, with ``role`` if given, else the role it has in the parse."""
    doc = tok.doc
    start, end = _noun_span(tok)
    r, gov, frame = _noun_role(tok)
    return Phrase(
        kind=NOUN,
        role=role or r,
        start=start,
        end=end,
        head=tok.i,
        text=doc[start:end].text,
        lemma=_lemma(tok),
        heads=(tok.i,),
        governor=gov,
        frame=frame,
    )


def check_parsed(doc) -> None:
    """Raise ValueError when ``doc`` has no dependency parse."""
    if not doc.has_annotation("DEP"):
        raise ValueError("Danish phrases need a dependency parse: run the pipeline with the bundled parser")


def noun_chunks(doclike) -> Iterator[tuple[int, int, int]]:
    """SpaCy's syntax iterator: ``(start, end, label)`` of base noun phrases, no overlaps.

    A base noun phrase is a noun with the words before it in its phrase (determiner,
    possessor, adjectives), without prepositional complements: "de unge frivillige",
    "kommunens indsats". Raises ValueError without a parse (as spaCy's iterators do).
    """
    doc = doclike.doc if hasattr(doclike, "doc") else doclike
    check_parsed(doc)
    label = doc.vocab.strings.add("NP")
    start, end = (doclike.start, doclike.end) if doclike is not doc else (0, len(doc))
    prev_end = -1
    for tok in doc[start:end]:
        if not is_phrase_noun(tok):
            continue
        s, e = _base_span(tok)
        s = max(s, start, prev_end)
        if s >= e:
            continue
        yield s, e, label
        prev_end = e


def use_noun_chunks(nlp) -> None:
    """Make ``doc.noun_chunks`` use :func:`noun_chunks` for documents of ``nlp``.

    spaCy's own Danish iterator reads UD relations (``nsubj``, ``obj``); the bundled parser
    gives CDT's.
    """
    nlp.vocab.get_noun_chunks = noun_chunks
