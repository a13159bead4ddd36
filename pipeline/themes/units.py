"""Units below the sentence: the key phrases (claims) a sub-theme is made of.

One sentence of a note often makes two or three points ("… behovet for klarhed omkring
opgaverne i ældreplejen, samt mulighederne for at udnytte teknologi og inddrage unge
frivillige"), so themes are found over *units*: the noun phrases of each statement, read from
the word classes (:func:`pipeline.danish.phrases.noun_phrases`) and the dependency parse
(:mod:`pipeline.themes.claims`: noun chunks with the modifiers the parse attaches, a verb with
its object), adjectives used as nouns ("de frivillige", "sårbare unge"), and a phrase joined with
its "af" complement ("energioptimering af bygningsmasse"); without the frame nouns that only say
that something matters (``behovet for …``, see :mod:`pipeline.danish.frame_words`) and without
a noun that only places something ("aktiviteter på plejehjemmene":
:func:`pipeline.danish.is_setting`, confirmed by the parse). The theme stage repairs no tags: a
word the tagger got wrong is read through the parse or left out. A verb with its object
("koordinere og integrere frivillige") is also a unit of the verb's noun ("koordinering af
frivillige"). Without word classes (a pipeline with no tagger) a unit is a run of content
words. A statement can hold several units, so it can belong to several themes.
"""

from __future__ import annotations

import pandas as pd

from pipeline.danish import FRAME_NOUNS, GENERAL_NOUNS, is_genitive, is_setting, nominalise, split_compound
from pipeline.danish.inflection import is_s_passive
from pipeline.danish.phrases import attributive
from pipeline.danish.syntax import COPULAS
from pipeline.themes.claims import parse_statement

__all__ = ["UNIT_COLUMNS", "make_units", "unit_parts", "unit_row"]

UNIT_COLUMNS = [
    "unit_id",
    "statement_id",
    "note_id",
    "year",
    "core_area",
    "group",
    "start",
    "end",
    "text",
    "lemmas",
    "head",
]

_NOUN_TAGS = frozenset({"NOUN", "PROPN"})
_ARTICLES = frozenset({"den", "det", "de"})
#: Word classes before an adjective that make it a noun of its own ("de frivillige", "inddrage
#: unge frivillige", "børn og unge"); after an auxiliary (UD's "er", "blev") it is
#: predicative ("er vigtig") instead.
_NOMINAL_BEFORE = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PUNCT", "NUM", "PRON", "ADJ", "VERB"})


def unit_row(s, unit_id: str, start: int, end: int) -> dict:
    """The fields every unit row starts with: its id, its statement's place and its span.

    Args:
        s: The statement row (a ``statements`` itertuple) the unit comes from.
        unit_id: The unit's id.
        start: First token of the unit's span.
        end: One past the last token of the span.

    Returns:
        The row's leading fields, in :data:`UNIT_COLUMNS` order.
    """
    return {
        "unit_id": unit_id,
        "statement_id": s.statement_id,
        "note_id": s.note_id,
        "year": int(s.year),
        "core_area": s.core_area,
        "group": int(s.group),
        "start": start,
        "end": end,
    }


def unit_parts(lemma: str) -> list[str]:
    """The parts of a compound lemma.

    ``it-kompetence`` → ``it``, ``kompetence``; ``kompetenceudvikling`` → ``kompetence``, ``udvikling``.
    """
    if "-" in lemma:
        return [p for p in lemma.split("-") if len(p) > 1]
    parts = split_compound(lemma)
    return parts if len(parts) > 1 else []


def _content(lemma: str, word: str, stops: frozenset[str], kept: bool = False) -> bool:
    """A content word: not a stop word, and not a frame noun unless it is ``kept`` (:func:`_kept_frames`)."""
    if len(lemma) <= 1 or not any(ch.isalpha() for ch in word):
        return False
    return kept or (lemma not in stops and lemma not in FRAME_NOUNS)


#: Prepositions that open a frame noun's complement ("behovet for", "vigtigheden af").
_FRAME_PREPOSITIONS = frozenset({"for", "af", "til", "om", "i", "på", "ved", "med", "mellem"})


def _kept_frames(
    words: list[str], lemmas: list[str], upos: list[str], stops: frozenset[str]
) -> frozenset[int]:
    """Positions of frame nouns that carry the point themselves: modified, with no complement after.

    "behovet for X" says X matters; "individuelle behov" and "psykiske udfordringer" are the
    point, so a frame noun right after a content adjective and not followed by a preposition
    that opens its complement is a content word there.
    """
    n = len(words)
    out = set()
    for i in range(1, n):
        if lemmas[i] not in FRAME_NOUNS or upos[i] not in _NOUN_TAGS:
            continue
        if upos[i - 1] != "ADJ" or not _content(lemmas[i - 1], words[i - 1], stops):
            continue
        if i + 1 < n and words[i + 1].lower() in _FRAME_PREPOSITIONS:
            continue
        out.add(i)
    return frozenset(out)


def _participle(word: str) -> bool:
    return word.lower().endswith("ende") and len(word) > 5


def _chain_of(spans: list[tuple[int, int]], words: list[str]) -> list[tuple[int, int]]:
    """Join a phrase and the phrase after "af" into one unit.

    "energioptimering af bygningsmasse", "koordinering af frivillige".
    """
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and out[-1][1] + 1 == start and words[out[-1][1]].lower() == "af":
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _nominal_adjectives(words, lemmas, upos, stops, taken) -> list[tuple[int, int]]:
    """Adjectives used as nouns: a run of adjectives not followed by a noun, after a noun phrase's opener.

    Danish notes name people by adjectives: "de frivillige", "sårbare unge", "børn og unge",
    "de ældre". The tagger rightly calls them ADJ, so the noun-phrase rule does not see them.
    """
    covered = {i for start, end in taken for i in range(start, end)}
    spans, i, n = [], 0, len(words)
    while i < n:
        if upos[i] != "ADJ" or i in covered:
            i += 1
            continue
        j = i
        while j < n and upos[j] == "ADJ" and j not in covered:
            j += 1
        # what the run follows, past adverbs: "drøftede også sårbare unge" is a verb's object as
        # "drøftede sårbare unge" is; "er også meget sårbare" stays a predicate (AUX)
        k = i - 1
        while k >= 0 and upos[k] == "ADV":
            k -= 1
        before = upos[k] if k >= 0 and k < i - 1 and upos[k] == "VERB" else (upos[i - 1] if i else "PUNCT")
        # "er blevet rige": after a copula tagged as a verb the adjective is said of the subject
        copula = before == "VERB" and lemmas[k].lower() in COPULAS
        after = upos[j] if j < n else "PUNCT"
        if (
            after not in _NOUN_TAGS
            and before in _NOMINAL_BEFORE
            and not copula
            and _content(lemmas[j - 1], words[j - 1], stops)
        ):
            start = i
            while start < j and not _content(lemmas[start], words[start], stops):
                start += 1
            if start < j:
                spans.append((start, j))
        i = j
    return spans


def _content_span(start: int, end: int, words, lemmas, upos, stops, kept) -> tuple[int, int] | None:
    """A noun phrase from its first content word on, when it ends in a content noun ("behovet" is none)."""
    # "behovet" alone, or "tydelig kommunikation": keep from the first content word on
    while start < end and (
        not _content(lemmas[start], words[start], stops) or upos[start] in ("VERB", "AUX", "PRON", "DET")
    ):
        if upos[start] == "VERB" and attributive(words, upos, start):
            break  # "eksisterende samarbejder", "differentierede tilgange": the participle modifies the noun
        start += 1
    if (
        start < end
        and upos[end - 1] in _NOUN_TAGS
        and _content(lemmas[end - 1], words[end - 1], stops, end - 1 in kept)
    ):
        return start, end
    return None


def _merge_chunks(spans: list[tuple[int, int]], chunks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The word-class spans with the parse's noun chunks.

    A chunk that no span overlaps is added, and one that holds a shorter span in full replaces it
    ("eksisterende samarbejder", whose noun the tagger read as a verb, over nothing; "forebyggende
    og indgribende tiltag" over its parts).
    """
    out = list(spans)
    for c in chunks:
        inside = [sp for sp in out if c[0] <= sp[0] and sp[1] <= c[1]]
        overlapping = [sp for sp in out if sp[0] < c[1] and c[0] < sp[1]]
        if len(overlapping) == len(inside) and c not in out:
            out = [sp for sp in out if sp not in inside] + [c]
    return sorted(out)


def _spans(
    words: list[str], lemmas: list[str], upos: list[str], stops: frozenset[str], chunks=()
) -> list[tuple[int, int]]:
    """Noun-phrase spans without leading frame nouns, or runs of content words when there are no tags.

    With word classes the spans are the word-class noun phrases (:func:`pipeline.danish.phrases.noun_phrases`)
    merged with the parse's noun chunks (``chunks``, see :mod:`pipeline.themes.claims`), and the
    adjectives used as nouns; a phrase and its "af" complement are one span.
    """
    if any(tag != "X" for tag in upos):
        from pipeline.danish.phrases import noun_phrases

        kept = _kept_frames(words, lemmas, upos, stops)
        spans = [
            sp
            for start, end in noun_phrases(words, upos)
            if (sp := _content_span(start, end, words, lemmas, upos, stops, kept))
        ]
        from pipeline.danish import fixed_nouns

        # the noun of a complex preposition ("på grund af") heads no phrase, in the parse either
        fixed = fixed_nouns(words)
        parsed = [
            sp
            for start, end in chunks
            if not fixed & set(range(start, end))
            and (sp := _content_span(start, end, words, lemmas, upos, stops, kept))
        ]
        spans = _merge_chunks(spans, parsed)
        spans += _nominal_adjectives(words, lemmas, upos, stops, spans)
        return _chain_of(sorted(spans), words)
    spans, start = [], None
    for i, (word, lemma) in enumerate(zip(words, lemmas, strict=True)):
        if _content(lemma, word, stops) and word.isalpha():
            start = i if start is None else start
        elif start is not None:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(words)))
    return spans


def _verbs_before(
    words: list[str], lemmas: list[str], upos: list[str], start: int, stops: frozenset[str]
) -> list[int]:
    """The content verbs whose object is the phrase at ``start``.

    Right before it (an article or numeral between), and a verb coordinated with that one
    ("koordinere og integrere frivillige").
    """
    j = start - 1
    while j >= 0 and start - j <= 2 and upos[j] in ("DET", "NUM"):
        j -= 1

    def verb(i: int) -> bool:
        return (
            i >= 0
            and upos[i] == "VERB"
            and _content(lemmas[i], words[i], stops)
            and not _participle(words[i])
            and not is_s_passive(words[i], lemmas[i])  # "sænkes en smule": no object
        )

    if not verb(j):
        return []
    out = [j]
    if j >= 2 and words[j - 1].lower() in ("og", "eller") and verb(j - 2):
        out.insert(0, j - 2)
    return out


def _setting(parse, lemmas, upos, words, start: int, end: int) -> bool:
    """Whether a one-word unit only places something (:func:`pipeline.danish.is_setting`).

    And the parse, when there is one, agrees that the noun gives a place (role ``locative``).
    """
    return is_setting(lemmas, upos, words, start) and (parse is None or end - 1 in parse.locative)


def _verbs_of(parse, words, lemmas, upos, start: int, end: int, stops) -> list[int]:
    """The content verbs whose object is the unit ``[start, end)``.

    From the parse (the verb phrase whose object ends where the unit ends, coordinated verbs
    together), else the verbs right before it.
    """
    out: list[int] = []
    if parse is not None:
        for verbs, (s, e) in parse.verb_objects:
            if e == end or s <= end - 1 < e:
                out += [
                    v
                    for v in verbs
                    if upos[v] == "VERB"
                    and not start <= v < end  # a participle inside the unit modifies its noun
                    and _content(lemmas[v], words[v], stops)
                    and not _participle(words[v])
                ]
    found = sorted(set(out)) or _verbs_before(words, lemmas, upos, start, stops)
    # a verb after the phrase acts on another object ("tager hensyn … og sikrer en grøn omstilling") unless
    # passive ("voldtægter bliver meldt"); one whose object is who an "i/fra at"-action is kept from: none
    after = parse.passive if parse is not None else frozenset()
    return [v for v in found if (v < start or v in after) and (parse is None or v not in parse.no_object)]


def _about(words: list[str], lemmas: list[str], at: list[int]) -> str:
    """The lemma of a genitive that opens a phrase of two or more content words.

    What the phrase is about ("lokalsamfundets trivsel" is about "lokalsamfund"); "" otherwise.
    """
    if len(at) < 2 or not is_genitive(words[at[0]], lemmas[at[0]]):
        return ""
    return lemmas[at[0]]


def make_units(statements: pd.DataFrame, stop_words: frozenset[str] = frozenset()) -> pd.DataFrame:
    """The units of every statement.

    Args:
        statements: The ``statements`` table (``tokens``, ``lemmas`` and, when tagged, ``pos``).
        stop_words: Lemmas that never start or end a unit.

    Returns:
        One row per unit: ``unit_id`` (``<statement_id>-u<n>``), the statement's ids, area and
        group, the token span ``start``/``end``, ``text`` (the words as the group wrote them),
        ``lemmas`` (content lemmas of the span, space-separated), ``head`` (the lemma of the
        last word: what the phrase is about), and ``words`` (the span's tokens) with
        ``content_at`` (the positions of its content words in them): labels are written from
        these two; ``verbs``: its lemmas tagged as verbs (participles: "forebyggende"). The
        units table keeps none of these three.
    """
    rows = []
    has_pos = "pos" in statements.columns
    for s in statements.itertuples(index=False):
        words, lemmas = s.tokens.split(), s.lemmas.split()
        upos = s.pos.split() if has_pos else ["X"] * len(words)
        if not (len(words) == len(lemmas) == len(upos)):
            continue  # a statement whose analysis does not align has no units (never seen; defensive)
        found = []
        kept = _kept_frames(words, lemmas, upos, stop_words) if has_pos else frozenset()
        parse = parse_statement(words, upos, lemmas) if has_pos else None
        for start, end in _spans(words, lemmas, upos, stop_words, parse.chunks if parse else ()):
            # "de frivillige": a definite adjective keeps its article (no content word) to read as Danish
            if start > 0 and upos[start] == "ADJ" and words[start - 1].lower() in _ARTICLES:
                start -= 1
            at = [i for i in range(start, end) if _content(lemmas[i], words[i], stop_words, i in kept)]
            content = [lemmas[i] for i in at]
            if len(content) == 1 and content[0] in GENERAL_NOUNS:
                continue  # "løsninger" alone; "skræddersyede løsninger" stays
            if len(content) == 1 and has_pos and _setting(parse, lemmas, upos, words, start, end):
                continue  # "aktiviteter på plejehjemmene": where it happens, not a point made
            found.append((start, end, " ".join(words[start:end]), at, content))
        # a verb and its object, "koordinere og integrere frivillige", is also "koordinering af frivillige"
        for start, end, _, at, content in list(found):
            for verb in _verbs_of(parse, words, lemmas, upos, start, end, stop_words):
                noun = nominalise(lemmas[verb])
                if noun is not None:  # a passive's subject may open the sentence: "Nej, Huslejen skal sænkes"
                    opens = upos[start] != "PROPN" and set(upos[:start]) <= {"INTJ", "PUNCT"}
                    first = words[start].lower() if opens else words[start]
                    written = f"{noun} af " + " ".join([first, *words[start + 1 : end]])
                    span = (verb, end) if verb < start else (start, verb + 1)  # a passive after it
                    found.append((*span, written, [verb, *at], [noun, *content], 2 - start, end))
        for n, (start, end, written, at, content, *shift) in enumerate(found):
            offset, noun_end = shift if shift else (-start, end)
            rows.append(
                {
                    **unit_row(s, f"{s.statement_id}-u{n}", start, end),
                    "text": " ".join(words[start:end]).replace("_", " "),
                    "lemmas": " ".join(content),
                    "words": written,
                    # positions of the content words in ``words`` (a verb's noun comes first)
                    "content_at": " ".join(
                        ["0"] * bool(shift) + [str(i + offset) for i in at[bool(shift) :]]
                    ),
                    "verbs": " ".join(sorted({lemmas[i] for i in at[bool(shift) :] if upos[i] == "VERB"})),
                    # what a phrase is about when it starts with a genitive ("lokalsamfundets trivsel")
                    "about": _about(words, lemmas, at[bool(shift) :]),
                    # for (1) or against (-1) what its head names ("glade for reformen"), else 0
                    "attitude": dict(parse.attitudes).get(noun_end - 1, 0) if parse is not None else 0,
                    # its words that only complement another noun ("synlighed af plejehjemmene")
                    "complement": " ".join(
                        lemmas[i] for i in at[bool(shift) :] if parse is not None and i in parse.complements
                    ),
                    "head": lemmas[noun_end - 1],
                }
            )
    return pd.DataFrame(
        rows, columns=[*UNIT_COLUMNS, "words", "content_at", "verbs", "about", "complement", "attitude"]
    )
