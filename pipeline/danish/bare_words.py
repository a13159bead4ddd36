"""Danish words that name nothing when a phrase is only them: a verb, an adjective, a person, a body.

A key phrase of one word is a point when the word names a thing or an action ("tvangsadoptioner",
"vidensdeling"); the tagger now and then reads another word class as a noun ("håndtere ansatte":
"håndtere" NOUN; "en bred vifte": "bred" NOUN), and a general noun of a person ("borgere",
"individ") or of a public body ("Folketinget") says only who, not what about them; a noun of
change or benefit alone ("udviklingen", "gavn") does not say what changes or benefits. These rules
read the dictionary, not the tags.
"""

from __future__ import annotations

__all__ = [
    "GENERAL_CHANGE_NOUNS",
    "GENERAL_PERSON_NOUNS",
    "INSTITUTION_NOUNS",
    "JUDGING_NOUNS",
    "is_bare_adjective",
    "is_bare_noun",
    "is_bare_participle",
    "is_bare_verb",
    "is_relational_adjective",
    "is_verb_after_modal",
    "modal_clause",
]

#: Nouns of a person in general: alone ("borgere", "individ") they say who a point is about, not
#: the point (a specific person noun such as "pårørende" or "frivillige" says more).
GENERAL_PERSON_NOUNS: frozenset[str] = frozenset({"borger", "individ", "menneske", "person", "folk"})

#: Nouns of a public body: alone ("Folketinget", "regioner") they say who acts or is acted on, not
#: what ("Folketinget vil bestemme for meget over kommuner og regioner": the point is the
#: overreach). In a phrase they stay ("kommunens jordbesiddelser").
INSTITUTION_NOUNS: frozenset[str] = frozenset({"folketing", "regering", "kommune", "region", "stat"})

#: Nouns that say only that something changes: alone ("fremme udviklingen") they do not say what
#: develops or how, unlike a nominalised action that is a claim by itself ("samarbejde": more
#: collaboration). In a phrase they stay ("teknologisk udvikling").
GENERAL_CHANGE_NOUNS: frozenset[str] = frozenset({"udvikling"})

#: Nouns that judge how much good something does: alone ("har god glæde og gavn af det") they do
#: not say of what. In a phrase they stay, so they are no evaluative words. Not "glæde": a group's
#: key phrase "glæde" grows into its point ("glæde af de kulturkroner") only when it is kept.
JUDGING_NOUNS: frozenset[str] = frozenset({"gavn"})


_BARE_NOUNS = GENERAL_PERSON_NOUNS | INSTITUTION_NOUNS | GENERAL_CHANGE_NOUNS | JUDGING_NOUNS

#: Modal verbs in every form: the word right after one is its infinitive ("skal koste mere").
MODAL_FORMS: frozenset[str] = frozenset(
    {"skal", "skulle", "kan", "kunne", "vil", "ville", "må", "måtte", "bør", "burde"}
)


def is_verb_after_modal(tokens: list[str] | tuple[str, ...], i: int) -> bool:
    """Whether the word at ``i`` is a verb's infinitive right after a modal verb, whatever its tag.

    "Det, der er usundt, skal koste mere": "koste" is the verb (the tagger read the plural of
    "kost", a broom). Alone such a word names an action of nothing named.

    >>> is_verb_after_modal("det skal koste mere".split(), 2), is_verb_after_modal("en kost".split(), 1)
    (True, False)
    """
    from pipeline.danish.inflection import is_verb

    return 0 < i < len(tokens) and tokens[i - 1].lower() in MODAL_FORMS and is_verb(tokens[i].lower())


def modal_clause(tokens: list[str], upos: list[str], i: int) -> tuple[int, int]:
    """The clause of a verb at ``i`` after a modal, with its subject: ``(start, end)``.

    Back from the modal to a coordinating conjunction, "at" or the sentence's start (commas of a
    relative clause stay in: "det, der er sundt, skal koste mindre"), on to the clause's end.

    >>> modal_clause("Ja , og det , der er sundt , skal koste mindre .".split(),
    ...     "INTJ PUNCT CCONJ PRON PUNCT PRON AUX ADJ PUNCT AUX VERB ADV PUNCT".split(), 10)
    (3, 12)
    """
    from pipeline.danish.phrases import clause_end

    begin = i - 1
    while begin > 0 and upos[begin - 1] != "CCONJ" and tokens[begin - 1].lower() not in (".", "at", ":", ";"):
        begin -= 1
    return begin, clause_end(upos, i + 1)


def is_bare_noun(lemma: str) -> bool:
    """Whether a noun written alone names nobody and nothing in particular.

    A person in general (:data:`GENERAL_PERSON_NOUNS`), a public body (:data:`INSTITUTION_NOUNS`),
    a change of nothing named (:data:`GENERAL_CHANGE_NOUNS`) or a benefit of nothing named
    (:data:`JUDGING_NOUNS`).

    >>> is_bare_noun("folketing"), is_bare_noun("udvikling"), is_bare_noun("samarbejde")
    (True, True, False)
    """
    return lemma in _BARE_NOUNS


def is_bare_verb(lemma: str) -> bool:
    """Whether a lemma is a verb's infinitive that has a noun of its own for the action.

    "håndtere" (the noun is "håndtering"), "udvikle" ("udvikling"): written alone it is the verb,
    whatever the tagger said. An infinitive that is its own noun ("støtte", "samarbejde") is not.

    >>> is_bare_verb("håndtere"), is_bare_verb("støtte"), is_bare_verb("kultur")
    (True, False, False)
    """
    from pipeline.danish.inflection import is_verb, nominalise

    return is_verb(lemma) and nominalise(lemma) is not None


def is_bare_adjective(form: str, lemma: str) -> bool:
    """Whether a word written alone is an adjective or a participle whose noun is left out.

    An adjective in its base form ("bred", "grøn": the dictionary or the tagger's corpus takes its
    comparative ``-ere`` or neuter ``-t`` form back to it); a past participle
    (:func:`is_bare_participle`: "opvokset" of "født og opvokset i"); or a relational adjective in
    ``-sk`` (:func:`is_relational_adjective`: "jødiske" of "jødiske, muslimske … og kristne
    børn"). An adjective used as a noun is written in its ``-e`` form ("frivillige", "unge", "de
    ældre") and names the people it describes, so that form counts only for the relational ones.

    >>> is_bare_adjective("bred", "bred"), is_bare_adjective("frivillige", "frivillig")
    (True, False)
    """
    from pipeline.danish.lemma_model import default_model, get_sources

    word = form.lower()
    if is_bare_participle(word, lemma) or is_relational_adjective(word, lemma):
        return True
    if word != lemma.lower() or word.endswith("e") or len(word) < 3:
        return False
    known, low_lex = get_sources(), default_model().low_lex
    return any(
        known.dict_lemma(f) == word or any(str(lem).lower() == word for lem, _ in (low_lex.get(f) or ()))
        for f in (word + "ere", word + "t")
    )


def is_bare_participle(form: str, lemma: str) -> bool:
    """Whether a word is a verb's past participle in its base form: "opvokset" (of "opvokse").

    The lemmatiser takes the participle back to its verb ("født og opvokset i": "opvokse"), and a
    label made from it names an action of nothing named. A participle used as a noun is written in
    its ``-e`` form ("de ansatte", "de udsatte") and names people, so it is not one; nor is a
    neuter noun's definite form ("samarbejdet", "arbejdet"), which the dictionary knows in the
    genitive ("samarbejdets").

    >>> is_bare_participle("opvokset", "opvokse"), is_bare_participle("samarbejdet", "samarbejde")
    (True, False)
    """
    from pipeline.danish.inflection import is_verb
    from pipeline.danish.lemma_model import get_sources

    word, lemma = form.lower(), lemma.lower()
    if word == lemma or not word.endswith("t") or not is_verb(lemma):
        return False
    if word not in (lemma[:-1] + "et", lemma + "t", lemma[:-1] + "t"):
        return False
    return get_sources().dict_lemma(word + "s") != lemma


def is_relational_adjective(form: str, lemma: str) -> bool:
    """Whether a word is the ``-e`` form of a relational adjective in ``-sk``: "jødiske", "muslimske".

    Such an adjective relates its noun to a people, a faith or a field ("jødiske børn", "politiske
    beslutninger"); Danish has a noun of its own for the persons ("jøder", "muslimer", "danskere"),
    so the adjective is not used as a noun, and alone its noun was left out ("jødiske, muslimske,
    ateister og kristne børn"). The dictionary takes the form back to the lemma and knows no
    definite plural of a noun of that lemma ("diskene" of "disk": "diske" names disks).

    >>> is_relational_adjective("jødiske", "jødisk"), is_relational_adjective("diske", "disk")
    (True, False)
    """
    from pipeline.danish.lemma_model import get_sources

    word, lemma = form.lower(), lemma.lower()
    if not lemma.endswith("sk") or word != lemma + "e":
        return False
    known = get_sources()
    return known.dict_lemma(word) == lemma and known.dict_lemma(lemma + "ene") != lemma
