"""Danish noun phrases from word classes alone: the spans the theme stage's key phrases start from.

Used where the dependency parse does not decide (:mod:`pipeline.themes.units`); the rules are
Danish grammar (attributive adjectives and ``-ende`` participles, genitives, coordination).
"""

from __future__ import annotations

from functools import lru_cache

from pipeline.danish.participles import is_present_participle, spelt_as_past_participle

__all__ = [
    "agent_start",
    "attributive",
    "clause_end",
    "complement_end",
    "coordinated_end",
    "governor_start",
    "noun_phrases",
    "predicate_start",
]

# Word classes of noun-phrase candidates (Universal POS).
_NOUNS = frozenset({"NOUN", "PROPN"})
_COORD = frozenset({"og", "eller", "samt", ","})


#: Word classes before a past participle that make it attributive: no finite verb follows a
#: preposition or a determiner directly ("for differentierede tilgange", "de målrettede tilbud").
_PARTICIPLE_OPENERS = frozenset({"ADP", "DET"})
#: Determiners that are also subject pronouns: "De udforskede balancen" is a subject and its
#: verb ("de" is "they" as often as "the"), so a past participle after one stays a verb.
_PRONOUN_DETERMINERS = frozenset({"de"})


def attributive(words: list[str], upos: list[str], i: int) -> bool:
    """An adjective, or a participle tagged VERB that modifies the noun after it, at ``i``.

    A present participle (``forebyggende``) anywhere. A past participle (``differentierede``,
    ``styrket``) is spelt like a finite verb or a predicative, so only where the words around it
    rule those out: right after a preposition or a determiner and right before a noun ("behovet
    for differentierede tilgange", "et styrket samarbejde"; "Gruppen diskuterede tilgange" keeps
    its verb).
    """
    if upos[i] == "ADJ":
        return True
    if upos[i] != "VERB" or len(words[i]) <= 5:
        return False
    if is_present_participle(words[i]):
        return True
    return (
        spelt_as_past_participle(words[i])
        and i > 0
        and upos[i - 1] in _PARTICIPLE_OPENERS
        and words[i - 1].lower() not in _PRONOUN_DETERMINERS
        and i + 1 < len(words)
        and upos[i + 1] in _NOUNS
    )


def _genitive(word: str) -> bool:
    """A genitive form: ``-s`` (not ``-ss``), or an apostrophe (straight or curly) and ``s``."""
    low = word.lower()
    return len(low) > 2 and (
        (low.endswith("s") and not low.endswith("ss")) or low.endswith(("'s", "\u2019s"))
    )


def noun_phrases(words: list[str], upos: list[str]) -> list[tuple[int, int]]:
    """Noun-phrase candidates of a tagged sentence, as token spans ``[start, end)``.

    A candidate is: modifiers, then one or more NOUN/PROPN. Modifiers are adjectives (and
    participles tagged VERB, see :func:`attributive`), possibly coordinated (``fysisk
    og digital kontakt``, ``faglig, personlig og social udvikling``), and genitive nouns
    before an adjective (``borgernes egen indsats``); a genitive directly before a noun
    needs no rule (``medarbejdernes kompetencer`` is NOUN NOUN). Determiners, verbs,
    punctuation and conjunctions are never inside a span; an adjective not followed by its
    noun (``indsatsen er tidlig``) gives no candidate, so no adjective is cut from its noun.
    The noun of a complex preposition (``på grund af``, ``i forhold til``: see
    :mod:`pipeline.danish.fixed_expressions`) is no candidate either.
    Spans are leftmost-longest and do not overlap.

    Args:
        words: The word forms of one sentence.
        upos: Their Universal POS tags (same length).

    Returns:
        The spans, in order.

    Raises:
        ValueError: ``words`` and ``upos`` differ in length.
    """
    if len(words) != len(upos):
        raise ValueError(f"{len(words)} words but {len(upos)} tags")
    from pipeline.danish import fixed_nouns

    # the noun of a complex preposition ("på grund af") heads no phrase
    fixed = fixed_nouns(words)
    upos = [("ADP" if i in fixed else t) for i, t in enumerate(upos)] if fixed else upos
    n = len(words)

    def modifiers_end(j: int) -> int:
        """End of the run of (coordinated) attributive words and genitives starting at ``j``."""
        while j < n:
            if attributive(words, upos, j):
                j += 1
                # coordinated adjectives: "fysisk og digital", "faglig, personlig og social"
                while j + 1 < n and words[j].lower() in _COORD and attributive(words, upos, j + 1):
                    j += 2
                    while j < n and attributive(words, upos, j):
                        j += 1
            elif upos[j] in _NOUNS and _genitive(words[j]) and j + 1 < n and attributive(words, upos, j + 1):
                j += 1
            else:
                break
        return j

    def heads_end(j: int) -> int:
        while j < n and upos[j] in _NOUNS:
            j += 1
        return j

    spans: list[tuple[int, int]] = []
    i = 0
    while i < n:
        j = modifiers_end(i)
        k = heads_end(j)
        if k == j:
            i += 1
            continue
        # a genitive head goes on into the next phrase: "Aarhus Kommunes nye strategi"
        while k < n and _genitive(words[k - 1]):
            j2 = modifiers_end(k)
            k2 = heads_end(j2)
            if j2 == k or k2 == j2:
                break
            k = k2
        spans.append((i, k))
        i = k
    return spans


@lru_cache(maxsize=1024)
def _spans_of(words: tuple[str, ...], upos: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """:func:`noun_phrases` of one sentence, computed once for the several phrases asked about in it."""
    return tuple(noun_phrases(list(words), list(upos)))


#: Word classes that may open a prepositional object before its noun phrase ("i regelsættene",
#: "med de frivillige", "om sårbare unge").
_OBJECT_OPENERS = frozenset({"DET"})


def complement_end(words: list[str], upos: list[str], end: int) -> int:
    """Where a noun phrase ending at ``end`` ends with the prepositional phrase right after it.

    What a noun is about often follows it as a prepositional phrase: "fleksibilitet i
    arbejdstid", "samarbejde med virksomheder", "samarbejde mellem frivillige organisationer".
    The phrase is the preposition, any determiners and the noun phrase right after them
    (:func:`noun_phrases`), or adjectives used as a noun ("retningslinjer for frivillige"); a
    coordination after it is not taken ("fleksibilitet i regelsættene og nødvendigheden af …":
    "og" may join the first noun, which word classes cannot tell), except after "mellem", whose
    object is two things ("balancen mellem pårørendes indsats og det nødvendige bidrag"). A
    complex preposition ("på grund af") opens no complement. An infinitive clause after the
    preposition is taken to its clause's end ("sårbarheden ved at være fuldstændig digital":
    being wholly digital is the point, not the vulnerability).

    Args:
        words: The sentence's word forms.
        upos: Their Universal POS tags.
        end: Where the noun phrase ends (exclusive).

    Returns:
        The end of the phrase with its complement, or ``end`` when no noun phrase follows a
        preposition there.
    """
    from pipeline.danish import fixed_nouns

    n = len(words)
    if len(upos) != n or end >= n or upos[end] != "ADP" or end in fixed_nouns(words):
        return end
    if _infinitive_at(words, upos, end + 1):
        # "sårbarheden ved at være fuldstændig digital": the clause is what the noun is about
        return clause_end(upos, end + 2)
    k = _object_end(words, upos, end + 1)
    if k is None:
        return end
    # "mellem" needs both sides: "balancen mellem pårørendes indsats og det nødvendige bidrag"
    if words[end].lower() in _PAIRED and k + 1 < n and words[k].lower() in ("og", "samt"):
        k = _object_end(words, upos, k + 1) or k
    return k


def _infinitive_at(words: list[str], upos: list[str], j: int) -> bool:
    """Whether an infinitive clause opens at ``j``: "at" and a verb ("ved at være", "for at arbejde")."""
    return j + 1 < len(words) and words[j].lower() == "at" and upos[j + 1] in ("VERB", "AUX")


def clause_end(upos: list[str], j: int) -> int:
    """Where the clause going on at ``j`` ends: at a punctuation mark or a conjunction, or the end."""
    while j < len(upos) and upos[j] not in ("PUNCT", "CCONJ", "SCONJ"):
        j += 1
    return j


#: Prepositions whose object is two things joined by "og" ("mellem X og Y").
_PAIRED = frozenset({"mellem", "imellem"})


def _object_end(words: list[str], upos: list[str], j: int) -> int | None:
    """Where a preposition's object starting at ``j`` ends, or None when none starts there.

    The object is any determiners, then a noun phrase (:func:`noun_phrases`) or a run of
    adjectives used as a noun ("for frivillige", "til de ældre": no noun after them).
    """
    n = len(words)
    while j < n and upos[j] in _OBJECT_OPENERS:
        j += 1
    starts = dict(_spans_of(tuple(words), tuple(upos)))
    if j in starts:
        return starts[j]
    k = j
    while k < n and upos[k] == "ADJ":
        k += 1
    return k if k > j and (k == n or upos[k] not in _NOUNS) else None


def coordinated_end(words: list[str], upos: list[str], end: int) -> int:
    """Where a phrase ending at ``end`` ends with a last conjunct closing its clause ("for børn og unge.").

    "og" after a noun phrase may join it or the whole phrase before it; when the conjunct after it
    (a noun phrase, or adjectives used as a noun) ends the clause (punctuation or the sentence's
    end follows), it can only join the object: "fællesskaber for børn og unge". Otherwise ``end``.
    """
    n = len(words)
    if len(upos) != n or end + 1 >= n or words[end].lower() not in ("og", "eller"):
        return end
    k = _object_end(words, upos, end + 1)
    return k if k is not None and (k == n or upos[k] == "PUNCT") else end


def governor_start(words: list[str], upos: list[str], start: int, lemmas: list[str] | None = None) -> int:
    """Where the noun phrase starts that a noun phrase starting at ``start`` is the prepositional object of.

    What a group said about a word often stands before it: "investering i medarbejdernes
    kompetencer", "balancen mellem pårørendes indsats", "kvaliteten af ældreplejen". The governor is
    the noun phrase (:func:`noun_phrases`) that ends right before the preposition (or before a
    past participle in "-et": "teknologi tilpasset opgaveløsningen"), any determiners between it
    and ``start`` skipped. A frame noun ("behovet for", "vigtigheden af":
    :data:`pipeline.danish.FRAME_NOUNS`, read from ``lemmas`` when given) says only *that* the
    object matters, so it governs nothing here; nor does the noun of a complex preposition ("på
    grund af"), nor a noun phrase with a coordination between it and the preposition.

    Args:
        words: The sentence's word forms.
        upos: Their Universal POS tags.
        start: Where the noun phrase starts.
        lemmas: The words' lemmas (same length), to tell a frame noun; None reads the word forms.

    Returns:
        The start of the governing noun phrase, or ``start`` when there is none.
    """
    from pipeline.danish import FRAME_NOUNS

    n = len(words)
    if len(upos) != n or not 0 < start <= n:
        return start
    j = start - 1
    while j > 0 and upos[j] in _OBJECT_OPENERS:
        j -= 1
    if upos[j] != "ADP" and not _past_participle(words[j], upos[j]):
        return start
    # a complex preposition's noun heads no phrase (:func:`noun_phrases`), so it governs nothing
    ends = {e: s for s, e in _spans_of(tuple(words), tuple(upos))}
    begin = ends.get(j)
    if begin is None:
        return start
    head = (lemmas if lemmas is not None and len(lemmas) == n else words)[j - 1].lower()
    return start if head in FRAME_NOUNS else begin


#: Auxiliaries of a passive participle with an agent ("blev påvirket af", "er styret af").
_PASSIVE_AUXILIARIES = frozenset({"blive", "være"})


def agent_start(words: list[str], upos: list[str], lemmas: list[str], start: int) -> int:
    """Where the passive verb starts whose agent is the phrase at ``start`` ("påvirket af <covid-19>").

    A passive's "af" phrase names who or what did the action; alone ("covid-19") it names only
    that thing, where the group said what it did ("påvirket af covid-19"). The passive is an
    s-passive ("rammes af nedskæringer") or a past participle after a form of "blive" or "være"
    with at most two words between ("blev ikke påvirket af"). ``start`` itself when the phrase
    is no passive's agent ("hjælp af frivillige", "træt af").

    >>> agent_start("det blev påvirket af covid-19".split(), "PRON AUX VERB ADP PROPN".split(),
    ...             "det blive påvirke af covid-19".split(), 4)
    2
    >>> agent_start("hjælp af frivillige".split(), "NOUN ADP NOUN".split(), "hjælp af frivillig".split(), 2)
    2
    """
    from pipeline.danish.inflection import is_s_passive

    v = start - 2
    if v < 0 or words[start - 1].lower() != "af" or upos[v] != "VERB":
        return start
    if is_s_passive(words[v], lemmas[v]):
        return v
    aux = range(max(0, v - 3), v)
    # a past participle: "-t" in the singular ("ramt", "påvirket"), "-te"/"-ede" in the plural
    participle = words[v].lower().endswith("t") or spelt_as_past_participle(words[v])
    if participle and any(upos[j] in ("AUX", "VERB") and lemmas[j] in _PASSIVE_AUXILIARIES for j in aux):
        return v
    return start


def _past_participle(word: str, tag: str) -> bool:
    """Whether a verb form is a past participle in "-et" ("tilpasset", "målrettet", "baseret").

    Right after a noun phrase it governs its object as a preposition does: "teknologi tilpasset
    opgaveløsningen" is technology fitted to the task, "opgaveløsningen" alone says nothing.
    """
    return tag == "VERB" and len(word) > 4 and word.lower().endswith("et")


def predicate_start(words: list[str], upos: list[str], start: int, lemmas: list[str] | None = None) -> int:
    """Where an infinitive starts whose object is the noun phrase starting at ``start``.

    What a group wanted done with a thing is the verb it is the object of: "at integrere personer
    med psykiske handicap", "behovet for at styrke de frivillige". Only an infinitive after "at"
    is taken: a finite verb before a phrase is most often the note's reporting verb ("Gruppe 1
    diskuterede samarbejde"), which says nothing of the group's point; so is a light verb that is a
    stop word ("at have en beskeden vækst": :data:`pipeline.danish.STOP_WORDS`, read from
    ``lemmas`` when given). Determiners between the verb and ``start`` are skipped.

    Args:
        words: The sentence's word forms.
        upos: Their Universal POS tags.
        start: Where the noun phrase starts.
        lemmas: The words' lemmas (same length); None reads the word forms.

    Returns:
        The verb's position, or ``start`` when no infinitive governs the phrase.
    """
    if len(upos) != len(words) or not 0 < start <= len(words):
        return start
    j = start - 1
    while j > 0 and upos[j] in _OBJECT_OPENERS:
        j -= 1
    from pipeline.danish import STOP_WORDS

    verb = (lemmas if lemmas is not None and len(lemmas) == len(words) else words)[j].lower()
    infinitive = upos[j] == "VERB" and j > 0 and words[j - 1].lower() == "at"
    return j if infinitive and verb not in STOP_WORDS else start
