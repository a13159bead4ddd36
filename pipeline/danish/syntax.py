"""Danish phrases from the dependency parse: noun chunks, verb phrases, predicatives.

The bundled parser (:mod:`pipeline.danish.parser`) uses the relations of the Copenhagen
Dependency Treebank, whose analysis differs from UD in ways this module relies on:

* a determiner or numeral heads its noun (``en -nobj-> triumf``), a preposition heads its noun
  (``på -nobj-> plejehjemmene``), and a possessor heads the possessed (``kommunens -possd->
  indsats``): the *top* of a noun phrase is found by climbing these links from the noun;
* coordination is a chain: first conjunct ``-coord->`` conjunction ``-conj->`` next conjunct;
* auxiliaries, modals and infinitive ``at`` head the verb they govern (``vobj``); the subject
  hangs on the finite verb;
* ``pobj`` is a prepositional argument, ``mod`` a modifier, ``pred`` a predicative, ``rel``
  a relative clause (on its antecedent).

(The climbing and collecting along these links lives in :mod:`pipeline.danish.cdt_walk`.)

:func:`phrases` returns :class:`Phrase` records of three kinds:

* ``noun``: a noun (or an adjective used as one: "de frivillige") with its determiners, adjectives, possessor and prepositional complements,
  without relative clauses and coordinated nouns ("klarhed omkring opgaverne"); its ``role``
  says how it hangs in the sentence (:data:`ROLES`), e.g. ``frame_object`` under a frame noun
  (:data:`pipeline.danish.frame_words.FRAME_NOUNS`: "behovet for klarhed omkring opgaverne"),
  ``locative`` for a place ("aktiviteter på plejehjemmene");
* ``verb``: a verb, or coordinated verbs sharing their object, with its objects
  ("koordinere og integrere frivillige"); the objects are its ``arguments``;
* ``predicative``: an adjective said of a subject ("straffene er for milde"); the subject is
  its only argument.

:func:`noun_chunks` is spaCy's syntax-iterator signature for ``doc.noun_chunks`` (base noun
phrases, no complements, no overlaps); :func:`use_noun_chunks` installs it on a pipeline.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .cdt_walk import (
    EDGE_POS as _EDGE_POS,
    NOUN_POS as _NOUN_POS,
    VERB_POS as _VERB_POS,
    argument_noun as _argument_noun,
    clause_subject as _subject,
    clause_top as _clause_top,
    collect_subtree as _collect,
    contiguous_span as _block,
    first_conjunct as _first_conjunct,
    is_negated as _negated,
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

_ARG_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "ADJ", "DET"})
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
_COPULAS = frozenset({"være", "blive", "forblive", "virke", "synes", "føles", "forekomme"})


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


def _is_phrase_noun(tok) -> bool:
    # a possessor is part of the possessed noun's phrase ("kommunens indsats")
    return _is_nominal(tok) and not any(c.dep_ == "possd" and _is_nominal(c) for c in tok.children)


def _noun_phrase(tok, role: str | None = None) -> Phrase:
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


def _verb_role(verb) -> tuple[str, int | None, int | None]:
    top = _clause_top(_first_conjunct(verb))
    if top.dep_ == "rel":
        return RELATIVE, top.head.i, None
    if top.dep_ == "nobj" and top.head.pos_ == "ADP":  # "behovet for at inddrage unge"
        prep = top.head
        gov = prep.head
        if gov.i != prep.i and gov.pos_ in _NOUN_POS:
            return (FRAME_OBJECT, gov.i, gov.i) if _lemma(gov) in FRAME_NOUNS else (COMPLEMENT, gov.i, None)
        return PREPOSITIONAL_OBJECT, None, None
    if top.dep_ == "subj":
        return SUBJECT, None, None
    if top.dep_ == "dobj":
        return OBJECT, None, None
    return CLAUSE, None, None


def _objects(verb) -> list:
    return [c for c in verb.children if c.dep_ in {"dobj", "iobj"} and c.pos_ in _ARG_POS]


def _coordinated_verbs(verb) -> list:
    """``verb`` and the verbs coordinated after it (``koordinere og integrere``)."""
    out = [verb]
    t = verb
    for _ in range(10):
        nxt = _next_conjunct_verb(t)
        if nxt is None and t is verb and verb.dep_ == "vobj" and verb.head.i != verb.i:
            # "skal koordinere og integrere": the coordination may hang on the auxiliary
            nxt = _next_conjunct_verb(verb.head)
            nxt = nxt if nxt is not None and nxt.i > verb.i and nxt.pos_ == "VERB" else None
        if nxt is None:
            break
        out.append(nxt)
        t = nxt
    return out


def _next_conjunct_verb(tok):
    """The verb coordinated right after ``tok`` (``tok -coord-> og -conj-> verb``), or None."""
    coord = next((c for c in tok.children if c.dep_ == "coord"), None)
    return (
        next((c for c in coord.children if c.dep_ == "conj" and c.pos_ in _VERB_POS), None) if coord else None
    )


def _verb_phrases(doc, start: int, end: int) -> Iterator[Phrase]:
    done: set[int] = set()
    for tok in doc[start:end]:
        if tok.pos_ != "VERB" or tok.i in done:  # a later conjunct is reached from the first
            continue
        verbs = _coordinated_verbs(tok)
        done.update(v.i for v in verbs)
        objs = [o for v in verbs for o in _objects(v)]
        if not objs:
            continue
        last = max(verbs, key=lambda v: v.i)
        # objects of the last verb after it are shared by all ("koordinere og integrere frivillige");
        # an object between the verbs belongs to its own verb only, and the phrase covers both
        nouns = [_argument_noun(o) for o in objs]
        args = tuple(_noun_phrase(n, role=OBJECT) for n in nouns)
        span_start = min(v.i for v in verbs)
        span_end = max([last.i + 1, *(a.end for a in args)])
        role, gov, frame = _verb_role(tok)
        yield Phrase(
            kind=VERB,
            role=role,
            start=span_start,
            end=span_end,
            head=tok.i,
            text=doc[span_start:span_end].text,
            lemma=_lemma(tok),
            heads=tuple(v.i for v in verbs),
            governor=gov,
            frame=frame,
            arguments=args,
            negated=_negated(tok),
        )


def _predicative_adjective(tok):
    """The adjective a predicative ``tok`` stands for, or None.

    Itself, or the adjective under a degree word the parser took as its head ("for -nobj->
    milde", "meget -mod-> vigtigt").
    """
    if tok.pos_ == "ADJ":
        return tok
    if tok.pos_ in {"ADP", "ADV"}:
        return next(
            (c for c in tok.children if c.pos_ == "ADJ" and c.dep_ in {"nobj", "aobj", "mod", "pred"}), None
        )
    return None


def _predicatives(doc, start: int, end: int) -> Iterator[Phrase]:
    for tok in doc[start:end]:
        first = _first_conjunct(tok) if tok.dep_ == "conj" else tok
        if first.dep_ != "pred" or first.head.i == first.i:
            continue
        adj = _predicative_adjective(tok)
        if adj is None:
            continue
        cop = first.head
        if cop.pos_ not in _VERB_POS or _lemma(cop) not in _COPULAS:
            continue
        subj = _subject(cop)
        if subj is None:
            continue
        keep: set[int] = set()
        _collect(tok, keep, {tok.i})
        s, e = _block(doc, keep, tok.i)
        noun = _argument_noun(subj)
        arg = _noun_phrase(noun, role=SUBJECT)
        yield Phrase(
            kind=PREDICATIVE,
            role=PREDICATE,
            start=s,
            end=e,
            head=adj.i,
            text=doc[s:e].text,
            lemma=_lemma(adj),
            heads=(adj.i,),
            arguments=(arg,),
            negated=_negated(cop),
        )


def _check_parsed(doc) -> None:
    if not doc.has_annotation("DEP"):
        raise ValueError("Danish phrases need a dependency parse: run the pipeline with the bundled parser")


def phrases(doclike) -> list[Phrase]:
    """Noun phrases, verb phrases and predicatives of a parsed ``Doc`` or ``Span``, in text order.

    Noun phrases are headed by nouns and proper nouns (not pronouns); a noun that is a
    possessor belongs to the possessed noun's phrase. Verb phrases are listed only when they have
    an object. Records are sorted by (start, kind, end).

    Raises:
        ValueError: The document has no dependency parse.
    """
    doc = doclike.doc if hasattr(doclike, "doc") else doclike
    _check_parsed(doc)
    start, end = (doclike.start, doclike.end) if doclike is not doc else (0, len(doc))
    out: list[Phrase] = [_noun_phrase(t) for t in doc[start:end] if _is_phrase_noun(t)]
    out.extend(_verb_phrases(doc, start, end))
    out.extend(_predicatives(doc, start, end))
    return sorted(out, key=lambda p: (p.start, p.kind, p.end, p.head))


def noun_chunks(doclike) -> Iterator[tuple[int, int, int]]:
    """SpaCy's syntax iterator: ``(start, end, label)`` of base noun phrases, no overlaps.

    A base noun phrase is a noun with the words before it in its phrase (determiner,
    possessor, adjectives), without prepositional complements: "de unge frivillige",
    "kommunens indsats". Raises ValueError without a parse (as spaCy's iterators do).
    """
    doc = doclike.doc if hasattr(doclike, "doc") else doclike
    _check_parsed(doc)
    label = doc.vocab.strings.add("NP")
    start, end = (doclike.start, doclike.end) if doclike is not doc else (0, len(doc))
    prev_end = -1
    for tok in doc[start:end]:
        if not _is_phrase_noun(tok):
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
