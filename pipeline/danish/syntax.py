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

:func:`phrases` yields :class:`Phrase` records of three kinds:

* ``noun``: a noun with its determiners, adjectives, possessor and prepositional complements,
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
    SUBJECT, OBJECT, FRAME_OBJECT, PREPOSITIONAL_OBJECT, COMPLEMENT, LOCATIVE, TEMPORAL, ADVERBIAL,
    PREDICATE, ROOT, RELATIVE, CLAUSE, OTHER,
)

_NOUN_POS = frozenset({"NOUN", "PROPN"})
_ARG_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "ADJ", "DET"})
_VERB_POS = frozenset({"VERB", "AUX"})
# Heads of a noun that are not part of its phrase: prepositions, and "som", "såsom", "end"
# (CDT: they head the noun they introduce), infinitive "at".
_GOVERNING_POS = frozenset({"ADP", "SCONJ", "CCONJ", "ADV", "PART"})
_EDGE_POS = frozenset({"ADV", "CCONJ", "SCONJ", "PART", "ADP"})
# Links climbed from a noun to the top of its phrase (CDT: determiner/possessor heads).
_CUT = frozenset({"rel", "coord", "conj", "pnct", "appa", "appr"})
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
_NEGATIONS = frozenset({"ikke", "aldrig", "ingen"})
_RELATIVIZERS = frozenset({"som", "der"})


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


def _lemma(tok) -> str:
    return (tok.lemma_ or tok.text).lower()


def _top(tok):
    """The top of the noun phrase of ``tok`` and the preposition above it, if any.

    Climbs determiners and possessors (CDT: they head the noun).
    """
    top = tok
    while True:
        head = top.head
        if head.i == top.i:
            return top, None
        if top.dep_ == "possd" or (top.dep_ == "nobj" and head.pos_ not in _GOVERNING_POS
                                   and head.pos_ not in _VERB_POS and head.pos_ not in _NOUN_POS):
            top = head
            continue
        if top.dep_ == "nobj" and head.pos_ in _GOVERNING_POS:
            return top, head
        return top, None


def _first_conjunct(tok):
    """The first conjunct of the coordination ``tok`` is a later conjunct of (else ``tok``)."""
    seen = 0
    while tok.dep_ == "conj" and tok.head.dep_ == "coord" and seen < 20:
        tok = tok.head.head
        seen += 1
    return tok


def _is_temporal(noun, prep) -> bool:
    if _lemma(noun) in TEMPORAL_NOUNS or noun.text.lower() in TEMPORAL_NOUNS:
        return True
    return any(c.dep_ == "fixed" and c.text.lower() in TEMPORAL_NOUNS for c in (prep.children if prep else ()))


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
        return {
            "subj": SUBJECT, "dobj": OBJECT, "iobj": OBJECT, "pred": PREDICATE, "ROOT": ROOT,
        }.get(top.dep_, OTHER), None, None
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


def _chain(tok) -> list:
    """The noun and the tokens above it up to the top of its phrase (prepositions excluded)."""
    out = [tok]
    top, _ = _top(tok)
    t = tok
    while t.i != top.i:
        t = t.head
        out.append(t)
    return out


def _collect(tok, keep: set[int], cut_on: set[int]) -> None:
    keep.add(tok.i)
    for c in tok.children:
        if tok.i in cut_on and c.dep_ in _CUT:
            continue
        if c.dep_ == "pnct":
            continue
        _collect(c, keep, cut_on)


def _block(doc, keep: set[int], head: int, trim: frozenset[str] = frozenset()) -> tuple[int, int]:
    """The contiguous run of ``keep`` around ``head``, without punctuation at its edges."""
    start = end = head
    while start - 1 in keep:
        start -= 1
    while end + 1 in keep:
        end += 1
    # punctuation, and the word classes in ``trim`` left at an edge (noun phrases: "herunder
    # familiebaserede tiltag", "såsom robotkatte", "en mere positiv betegnelse end" when the
    # compared word is cut; a noun's own preposition is never inside its span)
    while start < head and (doc[start].is_punct or doc[start].is_space or doc[start].pos_ in trim):
        start += 1
    while end > head and (doc[end].is_punct or doc[end].is_space or doc[end].pos_ in trim):
        end -= 1
    return start, end + 1


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


def _is_nominal(tok) -> bool:
    """A noun, or an adjective used as one.

    UD Danish tags "inddrage <frivillige>", "for <unge>" ADJ: an adjective in an argument
    position heading no noun of its own is taken as a noun.
    """
    if tok.pos_ in _NOUN_POS:
        return True
    if tok.pos_ != "ADJ" or any(c.dep_ == "nobj" for c in tok.children):
        return False
    t = _first_conjunct(tok) if tok.dep_ == "conj" else tok
    if t.dep_ in {"subj", "dobj", "iobj"}:
        return True
    # not "for milde" / "meget vigtigt" taken as preposition + noun under a copula
    return t.dep_ == "nobj" and t.head.pos_ in {"ADP", "DET"} and t.head.dep_ != "pred"


def _is_phrase_noun(tok) -> bool:
    # a possessor is part of the possessed noun's phrase ("kommunens indsats")
    return _is_nominal(tok) and not any(c.dep_ == "possd" and _is_nominal(c) for c in tok.children)


def _noun_phrase(tok, role: str | None = None) -> Phrase:
    doc = tok.doc
    start, end = _noun_span(tok)
    r, gov, frame = _noun_role(tok)
    return Phrase(
        kind=NOUN, role=role or r, start=start, end=end, head=tok.i, text=doc[start:end].text,
        lemma=_lemma(tok), heads=(tok.i,), governor=gov, frame=frame,
    )


def _argument_noun(tok):
    """The noun (or pronoun) a subject/object token stands for (CDT: determiners head nouns)."""
    seen = 0
    while not _is_nominal(tok) and tok.pos_ != "PRON" and seen < 5:
        nxt = next((c for c in tok.children if c.dep_ in {"nobj", "possd"}), None)
        if nxt is None:
            break
        tok, seen = nxt, seen + 1
    return tok


def _clause_top(verb):
    """Climb auxiliaries, modals and infinitive ``at`` above a verb (``vobj`` links)."""
    top = verb
    while top.dep_ == "vobj" and top.head.i != top.i:
        top = top.head
    return top


def _subject(verb):
    """The subject of the clause of ``verb`` (on it or on an auxiliary above it), or None.

    A relativizer (``som``, ``der``) stands for its antecedent, which is returned instead.
    """
    t = verb
    for _ in range(6):
        subj = next((c for c in t.children if c.dep_ == "subj"), None)
        if subj is not None:
            if _lemma(subj) in _RELATIVIZERS or subj.text.lower() in _RELATIVIZERS:
                top = _clause_top(t)
                if top.dep_ == "rel":
                    return top.head
            return subj
        if t.dep_ in {"vobj", "conj"} and t.head.i != t.i:
            t = t.head if t.dep_ == "vobj" else _first_conjunct(t)
            continue
        break
    top = _clause_top(verb)
    if top.dep_ == "rel" and top.head.i != top.i:  # "frivillige, der hjælper"
        return top.head
    return None


def _negated(verb) -> bool:
    t = verb
    for _ in range(6):
        if any(_lemma(c) in _NEGATIONS and c.dep_ in {"mod", "dobj", "subj"} for c in t.children):
            return True
        if t.dep_ != "vobj" or t.head.i == t.i:
            return False
        t = t.head
    return False


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
        coord = next((c for c in t.children if c.dep_ == "coord"), None)
        nxt = next((c for c in coord.children if c.dep_ == "conj" and c.pos_ in _VERB_POS), None) if coord else None
        if nxt is None:
            break
        out.append(nxt)
        t = nxt
    return out


def _verb_phrases(doc, start: int, end: int) -> Iterator[Phrase]:
    done: set[int] = set()
    for tok in doc[start:end]:
        if tok.pos_ != "VERB" or tok.i in done:
            continue
        if tok.dep_ == "conj" and tok.head.dep_ == "coord" and _first_conjunct(tok).pos_ in _VERB_POS:
            continue  # reached from its first conjunct
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
            kind=VERB, role=role, start=span_start, end=span_end, head=tok.i,
            text=doc[span_start:span_end].text, lemma=_lemma(tok), heads=tuple(v.i for v in verbs),
            governor=gov, frame=frame, arguments=args, negated=_negated(tok),
        )


def _predicative_adjective(tok):
    """The adjective a predicative ``tok`` stands for, or None.

    Itself, or the adjective under a degree word the parser took as its head ("for -nobj->
    milde", "meget -mod-> vigtigt").
    """
    if tok.pos_ == "ADJ":
        return tok
    if tok.pos_ in {"ADP", "ADV"}:
        return next((c for c in tok.children if c.pos_ == "ADJ" and c.dep_ in {"nobj", "mod", "pred"}), None)
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
            kind=PREDICATIVE, role=PREDICATE, start=s, end=e, head=adj.i, text=doc[s:e].text,
            lemma=_lemma(adj), heads=(adj.i,), arguments=(arg,), negated=_negated(cop),
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
