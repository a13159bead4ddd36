"""The spans of a statement's key phrases: noun phrases, adjectives used as nouns, "af" complements.

With word classes a span is a noun phrase from its first content word on
(:func:`pipeline.danish.phrases.noun_phrases`), merged with the parse's noun chunks
(:mod:`pipeline.themes.claims`), plus the adjectives used as nouns ("de frivillige", "sårbare
unge"); a phrase and its "af" complement are one span ("energioptimering af bygningsmasse"). A
frame noun ("behovet for …", :mod:`pipeline.danish.frame_words`) starts no span unless it carries
the point itself (:func:`kept_frames`). Without word classes a span is a run of content words.
:mod:`pipeline.themes.units` makes the units from these spans.
"""

from __future__ import annotations

from pipeline.danish import FRAME_NOUNS, FRAME_PREPOSITIONS
from pipeline.danish.phrases import attributive
from pipeline.danish.syntax import COPULAS

__all__ = ["is_content", "kept_frames", "phrase_spans"]

_NOUN_TAGS = frozenset({"NOUN", "PROPN"})
#: Word classes before an adjective that make it a noun of its own ("de frivillige", "inddrage
#: unge frivillige", "børn og unge"); after an auxiliary (UD's "er", "blev") it is
#: predicative ("er vigtig") instead.
_NOMINAL_BEFORE = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PUNCT", "NUM", "PRON", "ADJ", "VERB"})


def is_content(lemma: str, word: str, stops: frozenset[str], kept: bool = False) -> bool:
    """A content word: not a stop word, and not a frame noun unless it is ``kept`` (:func:`kept_frames`)."""
    if len(lemma) <= 1 or not any(ch.isalpha() for ch in word):
        return False
    return kept or (lemma not in stops and lemma not in FRAME_NOUNS)


def kept_frames(
    words: list[str], lemmas: list[str], upos: list[str], stops: frozenset[str]
) -> frozenset[int]:
    """Positions of frame nouns that carry the point themselves: modified, with no complement after.

    "behovet for X" says X matters; "individuelle behov" and "psykiske udfordringer" are the
    point, so a frame noun right after a content adjective and not followed by a preposition
    that opens its complement (:data:`pipeline.danish.FRAME_PREPOSITIONS`) is a content word there.
    """
    n = len(words)
    out = set()
    for i in range(1, n):
        if lemmas[i] not in FRAME_NOUNS or upos[i] not in _NOUN_TAGS:
            continue
        if upos[i - 1] != "ADJ" or not is_content(lemmas[i - 1], words[i - 1], stops):
            continue
        if i + 1 < n and words[i + 1].lower() in FRAME_PREPOSITIONS:
            continue
        out.add(i)
    return frozenset(out)


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
            and is_content(lemmas[j - 1], words[j - 1], stops)
        ):
            start = i
            while start < j and not is_content(lemmas[start], words[start], stops):
                start += 1
            if start < j:
                spans.append((start, j))
        i = j
    return spans


def _content_span(start: int, end: int, words, lemmas, upos, stops, kept) -> tuple[int, int] | None:
    """A noun phrase from its first content word on, when it ends in a content noun ("behovet" is none)."""
    # "behovet" alone, or "tydelig kommunikation": keep from the first content word on
    while start < end and (
        not is_content(lemmas[start], words[start], stops) or upos[start] in ("VERB", "AUX", "PRON", "DET")
    ):
        if upos[start] == "VERB" and attributive(words, upos, start):
            break  # "eksisterende samarbejder", "differentierede tilgange": the participle modifies the noun
        start += 1
    if (
        start < end
        and upos[end - 1] in _NOUN_TAGS
        and is_content(lemmas[end - 1], words[end - 1], stops, end - 1 in kept)
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


def phrase_spans(
    words: list[str],
    lemmas: list[str],
    upos: list[str],
    stops: frozenset[str],
    chunks=(),
    kept: frozenset[int] | None = None,
) -> list[tuple[int, int]]:
    """Noun-phrase spans without leading frame nouns, or runs of content words when there are no tags.

    With word classes the spans are the word-class noun phrases (:func:`pipeline.danish.phrases.noun_phrases`)
    merged with the parse's noun chunks (``chunks``, see :mod:`pipeline.themes.claims`), and the
    adjectives used as nouns; a phrase and its "af" complement are one span. ``kept``: the
    statement's :func:`kept_frames` when the caller has them (else found here).
    """
    if any(tag != "X" for tag in upos):
        from pipeline.danish.phrases import noun_phrases

        kept = kept_frames(words, lemmas, upos, stops) if kept is None else kept
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
        # nor is an adjective of a fixed expression used as a noun: "først og fremmest", "til stede"
        spans += [
            sp for sp in _nominal_adjectives(words, lemmas, upos, stops, spans) if not fixed & set(range(*sp))
        ]
        return _chain_of(sorted(spans), words)
    spans, start = [], None
    for i, (word, lemma) in enumerate(zip(words, lemmas, strict=True)):
        if is_content(lemma, word, stops) and word.isalpha():
            start = i if start is None else start
        elif start is not None:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(words)))
    return spans
