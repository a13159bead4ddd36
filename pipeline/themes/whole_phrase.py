"""One phrase, one theme: a one-group theme says what about what, in the group's own words.

A theme of one group (:mod:`pipeline.themes.singles`) is one key phrase, and a key phrase is a
noun phrase cut at its preposition: group 5 wrote "en ændring i kulturen omkring frivillighed"
and got two themes, "Ændring" and "Kultur", neither of which says the point; "støtte til
pårørende" became "Støtte". So the key phrase of a one-group theme of one unit is taken with
what it stands with in its sentence (:func:`claim_span`): the prepositional phrase after it
("klarhed omkring opgaverne", :func:`pipeline.danish.phrases.complement_end`) and the noun
phrase it is the object of ("tilgange til ældrepleje",
:func:`pipeline.danish.phrases.governor_start`), up to :data:`MAX_WORDS` words; the label is
that phrase, its head in base form and the complement as the group wrote it ("Ændring i
kulturen"). A one-group theme whose only unit lies in another unit's phrase of the same
sentence ("kulturen" in "ændring i kulturen", "dagcentre" in "omdanne plejehjem til
dagcentre") is that theme's point, so it is folded into that theme (when that theme too is one
unit's).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from pipeline.danish import ARTICLES, FRAME_NOUNS, GENERAL_NOUNS, MEASURE_NOUNS, STOP_WORDS, is_setting
from pipeline.themes.records import FoundTheme

#: Lemmas that are never content words of a phrase.
_NO_CONTENT = STOP_WORDS | ARTICLES
#: Nouns that add nothing to a phrase on their own ("fokus", "område", "sted").
_SAYS_NOTHING = FRAME_NOUNS | GENERAL_NOUNS | MEASURE_NOUNS
_FRAME_OR_MEASURE = FRAME_NOUNS | MEASURE_NOUNS

__all__ = ["MAX_WORDS", "Sentence", "claim_span", "one_phrase_one_theme", "sentences"]

#: The longest phrase a one-group theme's label takes (words): a label names a point, the
#: page quotes the sentence.
MAX_WORDS = 8


@dataclass(frozen=True)
class Sentence:
    """A statement's words, word classes and lemmas (lowercase), position for position."""

    tokens: tuple[str, ...]
    upos: tuple[str, ...]
    lemmas: tuple[str, ...]


def _denied(unit, said: dict[str, Sentence]) -> int | None:
    """Where the negation a key phrase stands right after is ("ikke et forslag", "ingen plan"), or None."""
    from pipeline.danish.cdt_walk import NEGATIONS

    s = said.get(str(unit.statement_id))
    if s is None or not _lines_up(unit, s):
        return None
    i = int(unit.start) - 1
    while i >= 0 and s.upos[i] in ("DET", "NUM") and s.lemmas[i] not in NEGATIONS:
        i -= 1  # "ikke et …": the article between
    return i if i >= 0 and s.tokens[i].lower() in NEGATIONS else None


def _no_point_denied(unit, said: dict[str, Sentence]) -> tuple[bool, bool]:
    """``(dropped, denied)``: a phrase after a negation is no point, unless it is denied to exist.

    "vi har ikke et konkret forslag": what the group says it lacks is no point of it (dropped);
    "der er ikke modstrid mellem vækst og miljø": that the thing is not there is the point
    (:func:`pipeline.danish.denials.denies_existence`), named with the denial: "Ingen modstrid".
    """
    from pipeline.danish.denials import denies_existence

    at = _denied(unit, said)
    if at is None:
        return False, False
    s = said[str(unit.statement_id)]
    denied = denies_existence(list(s.tokens), list(s.lemmas), at)
    return not denied, denied


def _modal_span(unit, s: Sentence | None) -> tuple[int, int] | None:
    """A verb alone after a modal, whatever its tag: its whole clause (:func:`modal_clause`), or None.

    "og det, der er sundt, skal koste mindre": "Koste" named nothing, "Skal koste mindre" alone
    would say the opposite of a group that wants cigarettes dearer. None past :data:`MAX_WORDS`.
    """
    from pipeline.danish.bare_words import is_verb_after_modal, modal_clause

    start = int(unit.start)
    if int(unit.end) - start != 1 or not _lines_up(unit, s) or not is_verb_after_modal(s.tokens, start):
        return None
    begin, end = modal_clause(list(s.tokens), list(s.upos), start)
    return (begin, end) if sum(u != "PUNCT" for u in s.upos[begin:end]) <= MAX_WORDS else None


def _claim(unit, s: Sentence | None, verb: bool, restates) -> tuple[int, int] | None:
    """The unit's :func:`claim_span` (no governor for a verb's noun), None when it spans nothing."""
    if not _lines_up(unit, s):
        return None
    return claim_span(s, int(unit.start), int(unit.end), governor=not verb, restates=restates)


def _with_denial(label: str) -> str:
    """A one-group label with the denial its group wrote: "Ingen modstrid"."""
    if not label:
        return label
    rest = label if len(label) > 1 and label[1].isupper() else label[:1].lower() + label[1:]
    return f"Ingen {rest}"


def _with_quantity(unit, said: dict[str, Sentence], label: str) -> str:
    """A one-group label with the comparative of quantity the group wrote before it: "Mindre kontrol"."""
    from pipeline.danish.casing import written_case
    from pipeline.danish.grading import QUANTITY_COMPARATIVES

    s = said.get(str(unit.statement_id))
    start = int(unit.start)
    if (
        not label
        or not _lines_up(unit, s)
        or start == 0
        or s.tokens[start - 1].lower() not in QUANTITY_COMPARATIVES
    ):
        return label
    rest = label if len(label) > 1 and label[1].isupper() else label[:1].lower() + label[1:]
    return written_case(f"{s.tokens[start - 1].lower()} {rest}", s.tokens)


def sentences(statements: pd.DataFrame) -> dict[str, Sentence]:
    """Each tagged statement's :class:`Sentence` by ``statement_id`` (none without a ``pos`` column)."""
    if "pos" not in statements.columns:
        return {}
    out = {}
    for r in statements.itertuples(index=False):
        tokens, upos, lemmas = str(r.tokens).split(), str(r.pos).split(), str(r.lemmas).lower().split()
        if len(tokens) == len(upos) == len(lemmas):
            out[str(r.statement_id)] = Sentence(tuple(tokens), tuple(upos), tuple(lemmas))
    return out


def claim_span(
    s: Sentence, start: int, end: int, *, governor: bool = True, restates: Callable[[str], bool] | None = None
) -> tuple[int, int]:
    """The span of a key phrase ``[start, end)`` with its complement and the phrase governing it.

    The complement after it is taken first ("ændring i kulturen"; with the last of a coordination
    that ends the clause: "for børn og unge"; not when it is a frame or general noun alone: "med
    fokus", "til området"; nor a setting: "i virksomhederne"), then the noun phrase it is
    the object of ("tilgange til ældrepleje"; not with ``governor`` False: a verb's noun
    already stands first; not a frame noun, nor a verb's idiom: "finde sted i …", nor only the
    question's words: ``restates(lemma)``); a span longer than
    :data:`MAX_WORDS` words is not taken.
    """
    from pipeline.danish.phrases import complement_end, coordinated_end, governor_start

    words, upos, lemmas = list(s.tokens), list(s.upos), list(s.lemmas)
    after = complement_end(words, upos, end)
    said = [lemmas[i] for i in range(end + 1, after) if _content(s, i)]
    if lemmas[after - 1] in FRAME_NOUNS or _says_nothing(said):
        after = end  # "med fokus (på …)", "til området": the complement says nothing itself
    elif is_setting(lemmas, upos, words, after - 1):
        after = end  # "fleksible job i virksomhederne": where, not what about
    elif after > end:
        after = coordinated_end(words, upos, after)  # "for børn og unge."
    before = governor_start(words, upos, start, lemmas) if governor else start
    if 0 < before < start and (upos[before - 1] == "CCONJ" or words[before - 1] == ","):
        # the last of a coordination ("læring og social omsorg med et helhedsorienteret syn"): the
        # phrase may be the whole coordination's, which word classes cannot tell
        before = start
    ruling = [lemmas[i] for i in range(before, start) if _content(s, i)]
    if (
        (len(ruling) <= 1 and all(w in _FRAME_OR_MEASURE for w in ruling))
        or (restates is not None and all(restates(w) for w in ruling))
        or _idiom_object(s, before, start)
    ):
        # "behovet for": a frame noun adds nothing; "(balancere) digitalisering med borgernes
        # adgang": the question's own word is no point of the group's
        before = start
    for span in ((before, after), (start, after), (before, end)):
        if span[1] - span[0] <= MAX_WORDS:
            return span
    return start, end


def _idiom_object(s: Sentence, begin: int, end: int) -> bool:
    """Whether ``[begin, end)`` is one bare singular noun right after a verb: a verb's idiom, no phrase.

    "finde sted (i sygehusvæsenet)", "tage stilling (til …)": the noun belongs to the verb; a
    plural ("ansætte personer udenfor normen") or a determiner makes it the verb's object.
    """
    while end > begin and s.upos[end - 1] in ("ADP", "DET"):
        end -= 1
    return (
        end - begin == 1
        and begin > 0
        and s.upos[begin - 1] == "VERB"
        and s.tokens[begin].lower() == s.lemmas[begin]
    )


def _says_nothing(lemmas: list[str]) -> bool:
    """Whether added words are none, or one frame, general or measure noun ("fokus", "område", "sted")."""
    return len(lemmas) <= 1 and all(w in _SAYS_NOTHING for w in lemmas)


def _content(s: Sentence, i: int) -> bool:
    """A content word of the sentence: no preposition, article, conjunction, pronoun or stop word."""
    lemma, token = s.lemmas[i], s.tokens[i]
    return (
        s.upos[i] not in _FUNCTION_TAGS
        and len(lemma) > 1
        and any(c.isalpha() for c in token)
        and lemma not in _NO_CONTENT
    )


#: Word classes of words that only join a phrase ("udenfor", "og", "det"): never a content lemma.
_FUNCTION_TAGS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PART", "PRON", "AUX", "PUNCT"})


def _lines_up(unit, s: Sentence | None) -> bool:
    """Whether a unit's span is its text in its sentence (a verb after its object spans nothing)."""
    start, end = int(unit.start), int(unit.end)
    return (
        s is not None
        and 0 <= start < end <= len(s.tokens)
        and " ".join(s.tokens[start:end]).replace("_", " ") == str(unit.text)
    )


def _verb_noun(unit) -> bool:
    """A unit said with a verb and named by its noun ("omdanne plejehjem" as "omdannelse af plejehjem")."""
    return str(unit.words).split()[:1] != str(unit.text).split()[:1]


def _widened(unit, s: Sentence, span: tuple[int, int]) -> dict:
    """The unit's fields over ``span``: its words, lemmas and content positions (the added: complement)."""
    start, end = int(unit.start), int(unit.end)
    words = str(unit.words).split()
    at = [int(i) for i in str(unit.content_at).split()]
    lemmas = str(unit.lemmas).split()
    before = [i for i in range(span[0], start) if _content(s, i)]
    after = [i for i in range(end, span[1]) if _content(s, i)]
    shift = start - span[0]
    return {
        "start": span[0],
        "end": span[1],
        "text": " ".join(s.tokens[span[0] : span[1]]).replace("_", " "),
        "words": " ".join([*s.tokens[span[0] : start], *words, *s.tokens[end : span[1]]]),
        "content_at": " ".join(
            str(i)
            for i in [
                *(i - span[0] for i in before),
                *(i + shift for i in at),
                *(len(words) + shift + i - end for i in after),
            ]
        ),
        "lemmas": " ".join([*(s.lemmas[i] for i in before), *lemmas, *(s.lemmas[i] for i in after)]),
        "complement": " ".join(s.lemmas[i] for i in after),
    }


def _host(
    part: pd.DataFrame, u: int, t: int, theme_of: dict[int, int], singles: set[int], said, by_statement
) -> int | None:
    """The one-unit theme (not ``t``) whose phrase in the same sentence holds unit ``u``, or None."""
    row = part.iloc[u]
    s = said.get(str(row.statement_id))
    if s is None:
        return None
    for v in by_statement.get(row.statement_id, ()):
        host = part.iloc[v]
        if v == u or theme_of.get(int(v), t) not in singles - {t} or bool(host.get("stance", False)):
            continue
        if not _lines_up(host, s):
            continue
        first, last = claim_span(s, int(host.start), int(host.end), governor=False)
        if (first, last) != (int(host.start), int(host.end)) and int(host.end) <= row.start < row.end <= last:
            return theme_of[int(v)]
    return None


def _a_setting(unit, said: dict[str, Sentence]) -> bool:
    """Whether a unit only says where something happens ("integrere personer på <arbejdspladser>")."""
    s = said.get(str(unit.statement_id))
    return _lines_up(unit, s) and is_setting(list(s.lemmas), list(s.upos), list(s.tokens), int(unit.end) - 1)


def _folds(
    part: pd.DataFrame, theme_of: dict[int, int], singles: set[int], said, several: set[int] = frozenset()
) -> dict[int, int]:
    """``{theme: theme it folds into}``: a one-group theme whose phrases lie in a one-unit theme's phrase.

    Only into a theme of one unit: a theme of several groups keeps its own evidence, and one
    that only repeats the question would hide the group's point ("lægens studiegæld efter en
    årrække": the time is no complement of the debt, which word classes cannot tell). A one-group
    theme of several units (``several``) folds when each unit lies in the same theme's phrase or
    only gives a setting in one of those sentences: "arbejdsplads" of "det rigtige match mellem
    individ og arbejdsplads", and "på arbejdspladser" earlier in the sentence, are that point's
    words, no point "Arbejdsplads".
    """
    out: dict[int, int] = {}
    by_statement = part.groupby("statement_id").indices  # a sentence's units, found once
    members: dict[int, list[int]] = {}  # each theme's units, from one pass over the units
    for i, k in theme_of.items():
        members.setdefault(k, []).append(i)
    for t in sorted(singles | set(several)):
        units = members.get(t, [])
        if t in singles and len(units) == 1:
            host = _host(part, units[0], t, theme_of, singles, said, by_statement)
            if host is not None:
                out[t] = host
            continue
        placed = [u for u in units if not _a_setting(part.iloc[u], said)]
        hosts = {_host(part, u, t, theme_of, singles, said, by_statement) for u in placed}
        # a setting folds only with a phrase of its own sentence: the point's evidence stays its sentence
        same = {part.iloc[u].statement_id for u in units} == {part.iloc[u].statement_id for u in placed}
        if len(hosts) == 1 and None not in hosts and same:
            out[t] = hosts.pop()
    return out


def one_phrase_one_theme(
    part: pd.DataFrame,
    points: list[FoundTheme],
    singles: list[FoundTheme],
    said: dict[str, Sentence],
    restates: Callable[[str], bool] | None = None,
) -> tuple[pd.DataFrame, list[FoundTheme], list[FoundTheme]]:
    """Fold one-group themes into the theme whose phrase holds them, and widen the rest to their phrase.

    Args:
        part: One area's units (``statement_id``, ``start``, ``end``, ``text``, ``words``,
            ``content_at``, ``lemmas``, ``complement``; ``points`` hold positions in it).
        points: The area's themes, the one-group ones (``singles``) among them.
        singles: The one-group themes (:func:`pipeline.themes.singles.one_group_points`).
        said: The area's statements (:func:`sentences`).
        restates: ``restates(lemma)``: whether a word only repeats the area's question (a phrase
            of only such words governs no key phrase).

    Returns:
        The units (widened units changed), the themes and the one-group themes among them.
    """
    from pipeline.themes.labels import claim_label

    single_ids = {id(p) for p in singles}
    theme_of = {int(i): n for n, p in enumerate(points) for i in p.members}
    # a theme of one unit is one group's; a group's claim about a word split apart is one too
    one_unit = {n for n, p in enumerate(points) if len(p.counted) == 1}  # released ones count too
    # a theme of one group's several phrases (a cluster of them, or a one-group theme)
    several = {
        n
        for n, p in enumerate(points)
        if n not in one_unit
        and not (p.released or p.no_point)
        and part.iloc[p.counted][["year", "group"]].drop_duplicates().shape[0] == 1
    }
    target = _folds(part, theme_of, one_unit, said, several)
    members = {n: set(map(int, p.members)) for n, p in enumerate(points)}
    for t in sorted(target):
        into = target[t]
        while into in target:  # a chain: "dagcentre" into "omdannelse", that into another
            into = target[into]
        members[into] |= members.pop(t)
    part = part.copy()
    out, out_singles = [], []
    for n, p in enumerate(points):
        if n not in members:
            continue
        dropped, denied = (
            _no_point_denied(part.iloc[int(p.members[0])], said)
            if n in one_unit and id(p) in single_ids
            else (False, False)
        )
        if dropped:
            continue  # "vi har ikke et konkret forslag": what the group says it lacks is no point of it
        at = np.asarray(sorted(members[n]), dtype=int)
        label = p.label
        if n in one_unit:
            unit = part.iloc[int(p.members[0])]
            s = said.get(str(unit.statement_id))
            verb = _verb_noun(unit)
            modal = _modal_span(unit, s)
            span = modal or _claim(unit, s, verb, restates)
            if span is not None and span != (int(unit.start), int(unit.end)):
                new = _widened(unit, s, span)
                for col, value in new.items():
                    part.iloc[int(p.members[0]), part.columns.get_loc(col)] = value
                said_as = new["text"][:1].upper() + new["text"][1:].replace(" ,", ",") if modal else None
                label = said_as or claim_label(new["text"], new["lemmas"], verb=verb) or label
            label = _with_quantity(part.iloc[int(p.members[0])], said, label)
            label = _with_denial(label) if denied else label
        theme = replace(p, members=at, label=label)
        # a theme that only restates the question keeps counting the phrases it released
        theme = replace(theme, units=part.iloc[theme.counted])
        out.append(theme)
        if id(p) in single_ids:
            out_singles.append(theme)
    return part, out, out_singles
