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
frivillige"), as is an action a phase verb starts or stops ("begynder at ryge": "rygning").
Without word classes (a pipeline with no tagger) a unit is a run of content words. A statement
can hold several units, so it can belong to several themes. The spans the units start from are
found by :mod:`pipeline.themes.spans`.
"""

from __future__ import annotations

import pandas as pd

from pipeline.danish import ARTICLES, GENERAL_NOUNS, is_genitive, is_setting, nominalise, split_compound
from pipeline.danish.inflection import is_s_passive
from pipeline.danish.participles import is_present_participle
from pipeline.danish.phrases import agent_start
from pipeline.themes.claims import parse_statement
from pipeline.themes.spans import is_content, kept_frames, phrase_spans

__all__ = ["UNIT_COLUMNS", "make_units", "unit_parts", "unit_row", "unit_verbs"]

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


def unit_verbs(units: pd.DataFrame) -> list[frozenset[str]]:
    """Each unit's lemmas tagged as verbs (its ``verbs``: see :func:`make_units`), none without the column.

    What :func:`pipeline.themes.points.says` reads to tell a verb's noun ("koordinere" /
    "koordinering").
    """
    if "verbs" not in units.columns:
        return [frozenset()] * len(units)
    return [frozenset(v.split()) for v in units["verbs"]]


def unit_parts(lemma: str) -> list[str]:
    """The parts of a compound lemma.

    ``it-kompetence`` → ``it``, ``kompetence``; ``kompetenceudvikling`` → ``kompetence``, ``udvikling``.
    """
    if "-" in lemma:
        return [p for p in lemma.split("-") if len(p) > 1]
    parts = split_compound(lemma)
    return parts if len(parts) > 1 else []


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
            and is_content(lemmas[i], words[i], stops)
            and not is_present_participle(words[i])
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
                    and is_content(lemmas[v], words[v], stops)
                    and not is_present_participle(words[v])
                ]
    found = sorted(set(out)) or _verbs_before(words, lemmas, upos, start, stops)
    # a verb after the phrase acts on another object ("tager hensyn … og sikrer en grøn omstilling") unless
    # passive ("voldtægter bliver meldt"); one whose object is who an "i/fra at"-action is kept from: none
    after = parse.passive if parse is not None else frozenset()
    return [v for v in found if (v < start or v in after) and (parse is None or v not in parse.no_object)]


def _with_agent_verb(
    words: list[str], upos: list[str], lemmas: list[str], start: int, at: list[int], content: list[str]
) -> tuple[int, list[int], list[str]]:
    """A unit that is a passive's agent, with its verb (:func:`pipeline.danish.phrases.agent_start`).

    The agent alone names a thing, not what the group said it did: "påvirket af covid-19", not
    "covid-19". The verb's lemma comes first, as a verb's noun does. Other units are as given.
    """
    verb = agent_start(words, upos, lemmas, start)
    if verb == start:
        return start, at, content
    return verb, [verb, *at], [lemmas[verb], *content]


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
        kept = kept_frames(words, lemmas, upos, stop_words) if has_pos else frozenset()
        parse = parse_statement(words, upos, lemmas) if has_pos else None
        for start, end in phrase_spans(words, lemmas, upos, stop_words, parse.chunks if parse else (), kept):
            # "det politiske niveau", "de frivillige": a definite adjective keeps its article,
            # so the phrase reads as Danish on its own (the article is no content word)
            if start > 0 and upos[start] == "ADJ" and words[start - 1].lower() in ARTICLES:
                start -= 1
            at = [i for i in range(start, end) if is_content(lemmas[i], words[i], stop_words, i in kept)]
            content = [lemmas[i] for i in at]
            if len(content) == 1 and content[0] in GENERAL_NOUNS:
                continue  # "løsninger" alone; "skræddersyede løsninger" stays
            if len(content) == 1 and has_pos and _setting(parse, lemmas, upos, words, start, end):
                continue  # "aktiviteter på plejehjemmene": where it happens, not a point made
            start, at, content = _with_agent_verb(words, upos, lemmas, start, at, content)
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
        for verb in sorted(parse.actions) if parse is not None else ():  # "begynder at ryge": "rygning"
            found += [(verb, verb + 1, n, [verb], [n], 1, verb + 1) for n in [nominalise(lemmas[verb])] if n]
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
