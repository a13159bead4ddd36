"""What the groups said about the question's own word: their answers behind a theme that only repeats it.

A theme such as "Kompetencer" under a question about "medarbejdernes kompetencer" is no point:
the word tells the committee nothing. But the groups answered the question, and what they said
about the word is the answer: "kompetenceudvikling blandt medarbejdere (gruppe 1); investering i
medarbejdernes kompetencer (gruppe 3); sikre tilstrækkelige IT-kompetencer (gruppe 5)". This
module gives those words (:func:`pipeline.report.answers.group_specifics`, whatever the label's
length) and what two or more groups said alike beyond the question's words
(:func:`shared_specifics`): the same modifier, predicate or derivation, read by the points rule
(:func:`pipeline.themes.points.same_point`). Such a shared word is a point of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from pipeline.report import blocks as pm
from pipeline.report.answers import group_specifics, own_span, statement_words
from pipeline.report.wording import groups_text

if TYPE_CHECKING:
    from pipeline.flows.analysis import Analysis

__all__ = [
    "QuestionAnswers",
    "answer_inlines",
    "listed_units",
    "own_word_test",
    "question_answers",
    "shared_specifics",
    "specifics_text",
    "with_answers",
]


@dataclass(frozen=True)
class QuestionAnswers:
    """What the counted groups of a theme that only repeats the question said about its word.

    Attributes:
        specifics: Each group's own words (``{"text", "groups"}``, as
            :func:`~pipeline.report.answers.group_specifics` gives them).
        shared: What two or more groups said alike beyond the question's words (``{"text",
            "groups"}``: the word as the first of them wrote it).
        words: Per group, the content words (lemmas) of its own words beyond the question's and
            the label's: none when the group wrote only the word (read by
            :mod:`pipeline.curation.promote`; not on the page).
    """

    specifics: list[dict]
    shared: list[dict]
    words: dict[int, tuple[str, ...]] = field(default_factory=dict)

    def as_dict(self) -> dict:
        """The record a page context holds."""
        return {"specifics": self.specifics, "shared": self.shared}


def _answer_words(units: pd.DataFrame, said: dict, asked) -> dict[int, list[tuple[str, str]]]:
    """Per group, the content words of its own words (``(lemma, as written)``) the question does not hold."""
    from pipeline.danish import ARTICLES, FRAME_NOUNS, GENERAL_NOUNS, STOP_WORDS

    out: dict[int, list[tuple[str, str]]] = {}
    for g, part in units.groupby("group", sort=True):
        words: dict[str, str] = {}
        for u in part.itertuples(index=False):
            span = own_span(u, said)
            if span is None:
                continue
            tokens, pos, lemmas = said[str(u.statement_id)]
            if len(lemmas) != len(tokens):
                continue
            for i in range(*span):
                lem, tag = lemmas[i].lower(), pos[i]
                # what the word says: nouns, adjectives, verbs; not the question's words, nor a
                # word whose point lies in another (a frame or general noun)
                if tag not in {"NOUN", "PROPN", "ADJ", "VERB"} or lem in STOP_WORDS or lem in ARTICLES:
                    continue
                if asked(lem) or lem in FRAME_NOUNS or lem in GENERAL_NOUNS:
                    continue
                words.setdefault(lem, tokens[i])
        out[int(g)] = sorted(words.items())
    return out


def shared_specifics(units: pd.DataFrame, statements: pd.DataFrame | None, asked) -> list[dict]:
    """What two or more groups said alike about a word beyond the question's own words.

    Each group's own words (the key phrases with what they stand with,
    :func:`~pipeline.report.answers.own_span`) are read word by word; a word the question holds
    (``asked(lemma)``, :func:`pipeline.themes.describe.restates`) is left out. Two groups share a
    word when the points rule reads it as the same point either way
    (:func:`pipeline.themes.points.same_point`: the same word, a derivation, a compound's head):
    "tilstrækkelige IT-kompetencer" and "tilstrækkelig uddannelse" share "tilstrækkelig" beyond a
    question about "kompetencer"; "medarbejdernes kompetencer" and "kompetenceudvikling blandt
    medarbejdere" share nothing beyond a question about "medarbejdernes kompetencer".

    Args:
        units: The theme's key phrases (``group``, ``statement_id``, ``start``, ``end``).
        statements: The statements (``statement_id``, ``tokens``, ``pos``, ``lemmas``).
        asked: ``asked(lemma)``: whether a word only repeats the area's own words.

    Returns:
        ``{"text": the word as the first group wrote it, "groups": [...]}`` per shared word,
        most groups first.
    """
    said = statement_words(units, statements)
    return _shared(_answer_words(units, said, asked)) if said else []


def _shared(own: dict[int, list[tuple[str, str]]]) -> list[dict]:
    """The words of two or more groups' own words that are one point (:func:`shared_specifics`)."""
    from pipeline.themes.points import same_point

    entries: list[tuple[str, str, set[int]]] = []
    for g, words in own.items():
        for lem, written in words:
            at = next((e for e in entries if e[0] == lem or same_point(e[0], lem).same), None)
            if at is None:
                entries.append((lem, written, {g}))
            else:
                at[2].add(g)
    shared = [{"text": written.lower(), "groups": sorted(gs)} for _, written, gs in entries if len(gs) >= 2]
    return sorted(shared, key=lambda s: (-len(s["groups"]), s["groups"], s["text"]))


def question_answers(
    label: str, units: pd.DataFrame, statements: pd.DataFrame | None, asked
) -> QuestionAnswers:
    """Each counted group's own words about the question's word, and what two or more said alike.

    Args:
        label: The theme's label (the question's word; its words are never shared specifics).
        units: The theme's key phrases.
        statements: The statements they come from.
        asked: ``asked(lemma)``: whether a word only repeats the area's own words.

    Returns:
        The :class:`QuestionAnswers`.
    """
    from pipeline.themes.describe import restates
    from pipeline.themes.points import label_lemmas

    said = statement_words(units, statements)
    lemma_of = {t.lower(): lem for tokens, _, lemmas in said.values() for t, lem in zip(tokens, lemmas)}
    # the label's own words are on the page already: sharing them says nothing more
    named = frozenset(label_lemmas(label, lemma_of).split())
    # each group's own words read once: what two or more share, and what each says beyond the word
    own = _answer_words(units, said, lambda w: asked(w) or restates(w, named)) if said else {}
    return QuestionAnswers(
        specifics=group_specifics(label, units, statements, whole=True),
        shared=_shared(own),
        words={g: tuple(lem for lem, _ in words) for g, words in own.items()},
    )


def with_answers(themes: list[dict], analysis: Analysis, area: str) -> list[dict]:
    """An area's themes that only repeat the question's words (page dicts), each with its groups' answers.

    ``specifics`` and ``shared`` added (:func:`question_answers`); ``shared`` is empty when the
    analysis stored no area words (:func:`own_word_test`). The question's word tells nothing: what
    each group said about it is the groups' answer.
    """
    own_word = own_word_test(analysis, area)
    units = analysis.units[analysis.units["core_area"] == area]
    out = []
    for t in themes:
        answers = question_answers(
            t["label"],
            listed_units(units, getattr(analysis, "themes", None), t["topic"]),
            analysis.statements,
            own_word or (lambda w: True),
        )
        out.append({**t, "specifics": answers.specifics, "shared": answers.shared if own_word else []})
    return out


def listed_units(units: pd.DataFrame, themes: pd.DataFrame | None, topic: int) -> pd.DataFrame:
    """The key phrases a theme's rows list: its own and those it released to a point of their own.

    A theme that only restates the question counts every group that wrote its word; a phrase of
    it that says more is placed in its own point (:mod:`pipeline.themes.released`) but is still
    one of the group's own words about the question's word. Without the themes or their ``units``
    column, the phrases placed in the theme.
    """
    has = themes is not None and "units" in themes.columns
    listed = themes.loc[themes["topic"] == topic, "units"] if has else []
    ids = {i for cell in listed for i in str(cell).split()}
    return units[units["unit_id"].isin(ids)] if ids else units[units["theme"] == topic]


def own_word_test(analysis: Analysis, area: str):
    """``test(lemma)``: whether a word only repeats the area's own words (name, theme, question).

    Read from the words the theme stage stored (``quality["areas"][area]["own_words"]``,
    :func:`pipeline.themes.describe.restates`); None when it stored none.
    """
    from pipeline.themes.describe import restates

    words = frozenset(analysis.quality.get("areas", {}).get(area, {}).get("own_words", ()))
    return (lambda w: restates(w, words)) if words else None


def specifics_text(specifics: list[dict], names: dict[int, str]) -> str:
    """Each group's own words, the groups after them.

    "samarbejde med virksomheder (gruppe 4); tværfagligt samarbejde (gruppe 1 og 3)".
    """
    return "; ".join(f"{s['text']} ({groups_text(s['groups'], names)})" for s in specifics)


def answer_inlines(theme: dict, names: dict[int, str]) -> pm.Inlines:
    """What each counted group said about the question's word, and what two or more said alike.

    Written once for the area page and the overview (``theme``: a dict of :func:`with_answers`).
    """
    out: pm.Inlines = ()
    if theme.get("specifics"):
        out += (" ", pm.Strong("Hver gruppes egne ord:"), " ", specifics_text(theme["specifics"], names), ".")
    if theme.get("shared"):
        out += (" ", pm.Strong("Det samme sagde flere:"), " ", specifics_text(theme["shared"], names), ".")
    return out
