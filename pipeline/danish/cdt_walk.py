"""Walking a parse with the relations of the Copenhagen Dependency Treebank.

The bundled parser (:mod:`pipeline.danish.parser`) gives CDT's analysis, which differs from
UD's: a determiner, numeral or possessor heads its noun (``en -nobj-> triumf``,
``kommunens -possd-> indsats``), a preposition heads its noun (``på -nobj-> plejehjemmene``),
coordination is a chain (first conjunct ``-coord->`` conjunction ``-conj->`` next conjunct),
and auxiliaries, modals and infinitive ``at`` head the verb they govern (``vobj``). These
helpers climb and collect along those links for :mod:`pipeline.danish.syntax`.
"""

from __future__ import annotations

NOUN_POS = frozenset({"NOUN", "PROPN"})
VERB_POS = frozenset({"VERB", "AUX"})
# Heads of a noun that are not part of its phrase: prepositions, and "som", "såsom", "end"
# (CDT: they head the noun they introduce), infinitive "at".
GOVERNING_POS = frozenset({"ADP", "SCONJ", "CCONJ", "ADV", "PART"})
# Word classes trimmed from the edges of a noun phrase ("herunder …", "såsom …").
EDGE_POS = frozenset({"ADV", "CCONJ", "SCONJ", "PART", "ADP"})
# Dependents of a noun phrase's head words that are not part of the phrase: relative clauses,
# coordinated phrases, punctuation, appositions.
CUT_RELATIONS = frozenset({"rel", "coord", "conj", "pnct", "appa", "appr"})
NEGATIONS = frozenset({"ikke", "aldrig", "ingen"})
RELATIVIZERS = frozenset({"som", "der"})


def lemma_of(tok) -> str:
    """The token's lemma, lowercase (its text when it has none)."""
    return (tok.lemma_ or tok.text).lower()


def phrase_top(tok):
    """The top of the noun phrase of ``tok`` and the preposition above it, if any.

    Climbs determiners and possessors (CDT: they head the noun).
    """
    top = tok
    while True:
        head = top.head
        if head.i == top.i:
            return top, None
        if (
            top.dep_ == "possd"
            or _under_determiner(top)
            or (
                top.dep_ == "nobj"
                and head.pos_ not in GOVERNING_POS
                and head.pos_ not in VERB_POS
                and head.pos_ not in NOUN_POS
            )
        ):
            top = head
            continue
        if top.dep_ == "nobj" and head.pos_ in GOVERNING_POS:
            return top, head
        return top, None


def first_conjunct(tok):
    """The first conjunct of the coordination ``tok`` is a later conjunct of (else ``tok``)."""
    seen = 0
    while tok.dep_ == "conj" and tok.head.dep_ == "coord" and seen < 20:
        tok = tok.head.head
        seen += 1
    return tok


def phrase_chain(tok) -> list:
    """The noun and the tokens above it up to the top of its phrase (prepositions excluded)."""
    out = [tok]
    top, _ = phrase_top(tok)
    t = tok
    while t.i != top.i:
        t = t.head
        out.append(t)
    return out


def collect_subtree(tok, keep: set[int], cut_on: set[int]) -> None:
    """Add ``tok`` and its subtree to ``keep``.

    Punctuation is left out, and so are the relative clauses, coordinations and appositions of
    the tokens in ``cut_on``.
    """
    keep.add(tok.i)
    for c in tok.children:
        if tok.i in cut_on and c.dep_ in CUT_RELATIONS:
            continue
        if c.dep_ == "pnct":
            continue
        collect_subtree(c, keep, cut_on)


def contiguous_span(doc, keep: set[int], head: int, trim: frozenset[str] = frozenset()) -> tuple[int, int]:
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


def is_nominal(tok) -> bool:
    """A noun, or an adjective used as one.

    UD Danish tags "inddrage <frivillige>", "for <unge>" ADJ: an adjective in an argument
    position heading no noun of its own is taken as a noun.
    """
    if tok.pos_ in NOUN_POS:
        return True
    if tok.pos_ != "ADJ" or any(c.dep_ == "nobj" for c in tok.children):
        return False
    t = first_conjunct(tok) if tok.dep_ == "conj" else tok
    if t.dep_ in {"subj", "dobj", "iobj"}:
        return True
    # not "for milde" / "meget vigtigt" taken as preposition + noun under a copula
    if t.dep_ == "nobj" and t.head.pos_ in {"ADP", "DET"} and t.head.dep_ != "pred":
        return True
    return _under_determiner(t)


def _under_determiner(tok) -> bool:
    """An adjective after a determiner that heads no noun ("de -mod-> frivillige")."""
    head = tok.head
    return (
        tok.pos_ == "ADJ"
        and tok.dep_ == "mod"
        and head.pos_ == "DET"
        and head.i < tok.i
        and not any(c.dep_ == "nobj" for c in head.children)
    )


def argument_noun(tok):
    """The noun (or pronoun) a subject/object token stands for (CDT: determiners head nouns)."""
    seen = 0
    while not is_nominal(tok) and tok.pos_ != "PRON" and seen < 5:
        nxt = next((c for c in tok.children if c.dep_ in {"nobj", "possd"}), None)
        if nxt is None:
            break
        tok, seen = nxt, seen + 1
    return tok


def clause_top(verb):
    """Climb auxiliaries, modals and infinitive ``at`` above a verb (``vobj`` links)."""
    top = verb
    while top.dep_ == "vobj" and top.head.i != top.i:
        top = top.head
    return top


def clause_subject(verb):
    """The subject of the clause of ``verb`` (on it or on an auxiliary above it), or None.

    A relativizer (``som``, ``der``) stands for its antecedent, which is returned instead.
    """
    t = verb
    for _ in range(6):
        subj = next((c for c in t.children if c.dep_ == "subj"), None)
        if subj is not None:
            if lemma_of(subj) in RELATIVIZERS or subj.text.lower() in RELATIVIZERS:
                top = clause_top(t)
                if top.dep_ == "rel":
                    return top.head
            return subj
        if t.dep_ in {"vobj", "conj"} and t.head.i != t.i:
            t = t.head if t.dep_ == "vobj" else first_conjunct(t)
            continue
        break
    top = clause_top(verb)
    if top.dep_ == "rel" and top.head.i != top.i:  # "frivillige, der hjælper"
        return top.head
    return None


def is_negated(verb) -> bool:
    """Whether ``verb`` or an auxiliary above it is negated (``ikke``, ``aldrig``)."""
    t = verb
    for _ in range(6):
        if any(lemma_of(c) in NEGATIONS and c.dep_ in {"mod", "dobj", "subj"} for c in t.children):
            return True
        if t.dep_ != "vobj" or t.head.i == t.i:
            return False
        t = t.head
    return False
