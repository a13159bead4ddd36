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

:func:`phrases` returns :class:`pipeline.danish.noun_phrases.Phrase` records of three kinds:

* ``noun``: a noun phrase with its ``role`` (:mod:`pipeline.danish.noun_phrases`, where the
  record, its kinds and roles and spaCy's ``doc.noun_chunks`` iterator live);
* ``verb``: a verb, or coordinated verbs sharing their object, with its objects
  ("koordinere og integrere frivillige"); the objects are its ``arguments``. A passive's
  subject is its object ("voldtægter bliver meldt", "bistanden skal hæves": :func:`passive_subject`);
* ``predicative``: an adjective said of a subject ("straffene er for milde"); the subject is
  its only argument.
"""

from __future__ import annotations

from collections.abc import Iterator

from .cdt_walk import (
    NOUN_POS as _NOUN_POS,
    VERB_POS as _VERB_POS,
    argument_noun as _argument_noun,
    clause_subject as _subject,
    clause_top as _clause_top,
    collect_subtree as _collect,
    contiguous_span as _block,
    first_conjunct as _first_conjunct,
    is_negated as _negated,
    lemma_of as _lemma,
)
from .cdt_walk import is_nominal as _is_nominal
from .frame_words import FRAME_NOUNS, read_lexicon
from .inflection import is_s_passive
from .noun_phrases import (
    CLAUSE,
    COMPLEMENT,
    FRAME_OBJECT,
    OBJECT,
    PREDICATE,
    PREDICATIVE,
    PREPOSITIONAL_OBJECT,
    RELATIVE,
    SUBJECT,
    VERB,
    Phrase,
)
from .noun_phrases import check_parsed as _check_parsed
from .noun_phrases import is_phrase_noun as _is_phrase_noun
from .noun_phrases import noun_phrase as _noun_phrase
from .participles import spelt_as_present_participle

_ARG_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "ADJ", "DET"})
#: Verbs that say a predicative of their subject ("straffene er for milde", "er blevet rige"): an
#: adjective after one is said of the subject, not a noun of its own.
COPULAS = frozenset({"være", "blive", "forblive", "virke", "synes", "føles", "forekomme"})


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


#: Prepositions of an infinitive that holds the action a verb's object is kept from or held in
#: ("forhindre unge mennesker i at ryge", "afholde folk fra at søge"): the object is who is acted
#: on, and "forhindring af unge mennesker" would say the opposite of the claim.
ACTION_PREPOSITIONS = frozenset({"i", "fra"})


def controls_action(verb) -> bool:
    """Whether a verb's object only names who an "i/fra at"-infinitive's action is kept from or held in."""
    return any(
        c.pos_ == "ADP"
        and _lemma(c) in ACTION_PREPOSITIONS
        and any(g.lower_ == "at" and any(v.pos_ in _VERB_POS for v in g.children) for g in c.children)
        for c in verb.children
    )


#: The auxiliary of the periphrastic passive ("bliver meldt", "blev afvist"). "være" with a
#: participle is left out: "er steget", "er kommet" are perfects of verbs that take no object.
PASSIVE_AUXILIARIES = frozenset({"blive"})


def passive_subject(verb):
    """The noun a passive verb acts on: its subject, which is the verb's object in the active; or None.

    A passive is an s-passive ("ulandsbistanden skal hæves", "pengene bruges bedre") or
    "blive" with a past participle ("mange voldtægter bliver ikke meldt"): either way the subject
    is what the action is done to, as "melde voldtægter" has it. A pronoun subject stands for
    nothing the sentence names, so it gives None.
    """
    if verb.pos_ != "VERB":
        return None
    form, lemma = verb.text.lower(), _lemma(verb)
    periphrastic = (
        verb.dep_ == "vobj"
        and verb.head.i != verb.i
        and _lemma(verb.head) in PASSIVE_AUXILIARIES
        and form != lemma
        and not spelt_as_present_participle(form)  # "bliver boende": a present participle, no passive
    )
    if not (periphrastic or is_s_passive(form, lemma)):
        return None
    subj = _subject(verb)
    noun = _argument_noun(subj) if subj is not None and subj.i < verb.i else None
    return noun if noun is not None and _is_nominal(noun) else None


#: Verbs that start, continue or stop an action, with the particle some take ("holde op med at ryge",
#: "blive ved med at"): the infinitive they govern, with no object, is the action the sentence is about
#: (``data/phase_verbs.txt``).
PHASE_VERBS: frozenset[str] = read_lexicon("phase_verbs.txt")


def phase_action(verb) -> bool:
    """Whether a verb with no object is the action a phase verb starts, continues or stops.

    "unge begynder at ryge", "starte med at ryge", "holde op med at ryge": what is said is about
    smoking ("rygning"), whichever way it goes. CDT hangs the infinitive's "at" on the phase verb
    (``dobj``) or on its "med" (``nobj``), and a particle ("op", "ved") between them.
    """
    at = verb.head
    if verb.pos_ != "VERB" or verb.dep_ != "vobj" or at.i == verb.i or at.lower_ != "at" or _objects(verb):
        return False
    if _lemma(verb) in COPULAS:  # "begynder at blive": what it becomes is the claim, not "being"
        return False
    gov = at.head
    if at.dep_ == "nobj" and gov.pos_ == "ADP" and gov.lower_ == "med":
        gov = gov.head
    particle = ""
    if gov.pos_ == "ADV" and gov.dep_ in {"avobj", "pred"}:
        particle, gov = gov.lower_, gov.head
    return gov.i != at.i and " ".join(filter(None, (_lemma(gov), particle))) in PHASE_VERBS


def _objects(verb) -> list:
    if controls_action(verb):
        return []
    objs = [c for c in verb.children if c.dep_ in {"dobj", "iobj"} and c.pos_ in _ARG_POS]
    passive = passive_subject(verb)
    return [*objs, passive] if passive is not None else objs


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
        # coordinated passives share their subject ("skal koordineres og integreres"): once
        objs = list({o.i: o for v in verbs for o in _objects(v)}.values())
        if not objs:
            continue
        last = max(verbs, key=lambda v: v.i)
        # objects of the last verb after it are shared by all ("koordinere og integrere frivillige");
        # an object between the verbs belongs to its own verb only, and the phrase covers both
        nouns = [_argument_noun(o) for o in objs]
        args = tuple(_noun_phrase(n, role=OBJECT) for n in nouns)
        # a passive's object is its subject, before it ("voldtægter bliver meldt")
        span_start = min([*(v.i for v in verbs), *(a.start for a in args)])
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
        if cop.pos_ not in _VERB_POS or _lemma(cop) not in COPULAS:
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
