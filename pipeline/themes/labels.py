"""Sub-theme labels and keywords, taken only from the theme's own units, in the groups' own words.

The label is one of the theme's noun phrases, the one whose words most of the theme's groups
used (``Kommunikation`` for "kommunikation" and "tydelig kommunikation"; ``Sårbare unge`` for
"sårbare unge", "sårbare unge", "sårbare borgere"), written as the groups wrote it. Keywords
are the theme's content words ranked by how many of its groups used them.
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from pipeline.themes.units import unit_parts

__all__ = [
    "ALTERNATIVE",
    "as_written",
    "claim_label",
    "is_alternatives",
    "keyword_ranking",
    "label_alternatives",
    "label_forms",
    "label_phrase",
    "unit_clause",
    "verb_noun_forms",
    "with_alternatives",
]

#: The other wordings of a label follow its main wording in parentheses, separated by this: "Tidlig
#: intervention (tidlig forebyggende indsats)". Not " / ", which joins the labels of one point's
#: themes across years on the comparison pages.
ALTERNATIVE = "; "


def with_alternatives(label: str, others: list[str]) -> str:
    """A label naming the other wordings its groups used: "Fleksibilitet (smidigere processer)"."""
    return f"{label} ({ALTERNATIVE.join(others)})" if others else label


def is_alternatives(label: str) -> bool:
    """Whether a label names two or more wordings of its point (:func:`with_alternatives`)."""
    return len(label_alternatives(label)) > 1


def label_alternatives(label: str) -> list[str]:
    """The wordings a label names ("Fleksibilitet (smidigere processer)" → both); the label alone if one.

    Only parentheses closing the label hold other wordings (a label is a noun phrase of the notes,
    which holds no punctuation).
    """
    match = re.fullmatch(r"(.+?) \(([^()]+)\)", label.strip())
    if match is None:
        return [label]
    return [match.group(1), *(a.strip() for a in match.group(2).split(ALTERNATIVE.strip()) if a.strip())]


#: Words after which a clause quoted from a note ends.
_CLAUSE_END = frozenset({",", ".", ";", ":", "!", "?", "samt", "herunder", "(", ")"})


def _lemma_sets(units: pd.DataFrame) -> list[set[str]]:
    vocabulary = {w for doc in units["lemmas"] for w in doc.split()}
    return [
        set(doc.split()) | {p for w in doc.split() for p in unit_parts(w) if p in vocabulary}
        for doc in units["lemmas"]
    ]


def _coverage(units: pd.DataFrame) -> Counter:
    """How many of the units' groups used each lemma (or compound part)."""
    groups: dict[str, set[int]] = {}
    for lemmas, group in zip(_lemma_sets(units), units["group"], strict=True):
        for lemma in lemmas:
            groups.setdefault(lemma, set()).add(int(group))
    return Counter({lemma: len(g) for lemma, g in groups.items()})


def keyword_ranking(units: pd.DataFrame, forms: dict[str, Counter], top_n: int = 8) -> list[tuple[str, int]]:
    """The units' content words, most groups first, in the word form the groups used most.

    Args:
        units: Units of one theme (``lemmas``, ``group``).
        forms: Word forms per lemma (:func:`pipeline.topics.surface_forms` of the statements).
        top_n: Keywords kept.

    Returns:
        ``(surface form, number of groups)`` pairs.
    """
    coverage = _coverage(units)
    uses = Counter(w for doc in units["lemmas"] for w in doc.split())
    ranked = sorted(coverage, key=lambda w: (-coverage[w], -uses[w], w))
    out = []
    for lemma in ranked[:top_n]:
        counter = forms.get(lemma)
        surface = min(counter, key=lambda f: (-counter[f], f)) if counter else lemma
        out.append((surface, coverage[lemma]))
    return out


def label_phrase(units: pd.DataFrame, restates=None) -> str:
    """The theme's label: the noun phrase whose words most of the theme's groups used, as written.

    Among phrases whose words are as shared, one that says more than the area's own question
    comes first (``restates(lemma)`` tells a word that only repeats it); then the phrase more
    groups wrote in the same words, the shorter, the alphabetically first. A single noun in
    the definite singular is named by the word itself (:func:`_indefinite`). The first letter
    is capitalised.
    """
    if units.empty:
        return ""
    coverage = _coverage(units)
    keys: dict[str, dict] = {}
    for u in units.itertuples():
        words = u.lemmas.split()
        if not words:
            continue
        entry = keys.setdefault(u.lemmas, {"groups": set(), "forms": Counter(), "words": words})
        entry["groups"].add(int(u.group))
        entry["forms"][u.text.lower()] += 1

    def shared(word: str) -> int:
        # a compound counts as shared as its most shared part: "kompetenceudvikling" by the
        # groups that wrote "kompetencer"
        return max([coverage[word], *(coverage[p] for p in unit_parts(word))])

    def score(item):
        lemmas, entry = item
        words = entry["words"]
        only_question = bool(restates) and all(restates(w) for w in words)
        return (
            -round(sum(shared(w) for w in words) / len(words), 6),
            only_question,
            -len(entry["groups"]),
            len(words),
            lemmas,
        )

    lemmas, best = min(keys.items(), key=score)
    form = _label_form(min(best["forms"], key=lambda f: (-best["forms"][f], f)), lemmas)
    return form[:1].upper() + form[1:]


def _label_form(text: str, lemmas: str) -> str:
    """A unit's phrase (lowercase) as a label shows it, before the capital.

    In base form as the automatic labels are (:func:`pipeline.danish.base_phrase`: "det politiske
    niveau" → "politisk niveau"), so a curated theme and an automatic one with the same words get
    the same label.

    The base form needs a lemma per word; a phrase whose words do not line up with its content
    lemmas (an article aside) stays as written.
    """
    from pipeline.danish import ARTICLES, base_phrase

    words, lems = text.lower().split(), lemmas.split()
    if words and words[0] in ARTICLES and len(words) == len(lems) + 1:
        lems = [words[0], *lems]
    if len(words) == len(lems) and len(words) > 1:
        return as_written(base_phrase(words, lems))
    return as_written(_indefinite(text.lower(), lemmas))


def _verb_named_by_noun(text: str, lemmas: str) -> str | None:
    """The label of a point said with a verb, named by the verb's noun: "frigør tid" → "frigørelse af tid".

    The units hold such a point twice (:func:`pipeline.themes.units.make_units`): as written and
    with the verb's noun first in its lemmas ("frigørelse tid"); the label names the noun.
    """
    from pipeline.danish import related
    from pipeline.danish.inflection import names_action, passive_infinitives

    words, lems = text.lower().split(), lemmas.split()
    if len(words) < 2 or len(words) < len(lems) or words[0] == lems[0]:
        return None
    if related(words[0], lems[0]):
        rest, rest_lemmas = " ".join(words[1:]), " ".join(lems[1:])
    elif len(lems) > 1 and any(
        related(v, lems[0]) or names_action(lems[0], v) for v in passive_infinitives(words[-1])
    ):
        # a passive reads the verb after its object ("mobning skal forebygges" → "forebyggelse af mobning")
        rest, rest_lemmas = " ".join(words[: len(lems) - 1]), " ".join(lems[1:])
    else:
        return None
    # the object with its complement ("omdanne plejehjem til dagcentre"): as written, see _claim_form
    return f"{lems[0]} af {_claim_form(rest, rest_lemmas) or _label_form(rest, rest_lemmas)}"


def _claim_form(text: str, lemmas: str) -> str | None:
    """A phrase with its complement as a label shows it (lowercase): head in base form, the rest as written.

    "balancen mellem pårørendes indsats" → "balance mellem pårørendes indsats", "ændring i
    kulturen" stays (:mod:`pipeline.themes.whole_phrase`): the head is the words before the first
    stop word, the group's own preposition and complement follow unchanged. None when the
    phrase's words line up with its lemmas (no complement: :func:`_label_form`).
    """
    from pipeline.danish import ARTICLES, STOP_WORDS, base_phrase

    no_content = STOP_WORDS | ARTICLES  # once, not per word
    words, lems = text.lower().split(), lemmas.split()
    lead = 1 if words and words[0] in ARTICLES else 0
    if len(words) - lead <= len(lems):
        return None
    k = lead
    # the head: the words that are its lemmas' forms ("balancen" of "balance"), up to the preposition
    while (
        k < len(words)
        and k - lead < len(lems)
        and words[k] not in no_content
        and words[k][:3] == lems[k - lead][:3]
    ):
        k += 1
    if k == lead or k == len(words):
        return None
    head = base_phrase(words[:k], [*words[:lead], *lems[: k - lead]])
    return as_written(" ".join([head, *words[k:]]))


def claim_label(text: str, lemmas: str, *, verb: bool = False) -> str:
    """The label of a key phrase with what it stands with ("Ændring i kulturen", "Klarhed omkring opgaverne").

    A point said with a verb (``verb``) is named by the verb's noun (:func:`_verb_named_by_noun`);
    else the head in base form and its complement as written (:func:`_claim_form`).
    """
    named = _verb_named_by_noun(text, lemmas) if verb else None
    from pipeline.danish.casing import written_case

    form = named or _claim_form(text, lemmas) or _label_form(text, lemmas)
    return written_case(form, text.split())  # "" for a phrase of no words; "Danmark", "EU" as written


def label_forms(units: pd.DataFrame) -> set[str]:
    """Every label (lowercase) :func:`label_phrase` can give these units: their phrases as written."""
    pairs = list(zip(units["text"], units["lemmas"], strict=True))
    # a one-group theme's phrase with its complement (:func:`claim_label`) is one of its forms too
    return {_label_form(t, lem) for t, lem in pairs} | {f for t, lem in pairs if (f := _claim_form(t, lem))}


def verb_noun_forms(units: pd.DataFrame) -> set[str]:
    """The labels (lowercase) the automatic labeller gives these units' points said with a verb.

    "frigør tid" → "frigørelse af tid" (:func:`_verb_named_by_noun`); with :func:`label_forms`,
    every label a theme of these units can have.
    """
    forms = (_verb_named_by_noun(t, lem) for t, lem in zip(units["text"], units["lemmas"], strict=True))
    return {f for f in forms if f}


def as_written(text: str) -> str:
    """Tokens joined, punctuation back against its word ("faglig , personlig" → "faglig, personlig")."""
    return re.sub(r"\( ", "(", re.sub(r" ([,.;:!?)])", r"\1", text))


#: Endings of a Danish singular noun in the definite form after its lemma: plejen, velfærden, arbejdet.
_DEFINITE_SINGULAR = ("en", "et", "n", "t")


def _indefinite(form: str, lemmas: str) -> str:
    """A one-word label in the definite singular as the word itself: "ældreplejen" → "ældrepleje".

    A heading names a topic ("Ældrepleje", "Velfærd"), where the notes' sentences say "the"
    ("… styrke ældreplejen"). Only when the form is the lemma plus a definite ending; other
    forms (plurals such as "risiciene", whose indefinite form the lemma does not give) stay
    as written.
    """
    if " " in form or " " in lemmas or form == lemmas or not form.startswith(lemmas):
        return form
    return lemmas if form[len(lemmas) :] in _DEFINITE_SINGULAR else form


#: Quotation marks: a clause cut out of a sentence would keep one of a pair ("opgaveløsning” for …").
_QUOTES = frozenset("\"“”„«»‘’'")


#: Word classes of a clause's subject ("Gruppe 1", "De", "Fokus", "Den enkelte gruppe").
_SUBJECT_POS = frozenset({"PRON", "PROPN", "NOUN", "NUM", "DET", "ADJ"})
_VERB_POS = frozenset({"VERB", "AUX"})


def _after_subject_and_verb(pos: list[str], start: int, stop: int) -> int:
    """Where a clause's content begins once a leading subject and finite verb are left out.

    "Gruppe 1 diskuterede forskellige tilgange …" → "forskellige tilgange …"; "De talte også om
    udfordringerne …" → "udfordringerne …"; "Selvom det kan skabe uens serviceniveau" → "uens
    serviceniveau". ``start`` when the clause does not begin that way (or the words are untagged).
    """
    i = start
    if i < stop and pos[i] in {"SCONJ", "CCONJ"}:
        i += 1
    subject = i
    while i < stop and i - subject < 3 and pos[i] in _SUBJECT_POS:
        i += 1
    if i == subject or i >= stop or pos[i] not in _VERB_POS:
        return start
    while i < stop and pos[i] in _VERB_POS:
        i += 1
    while i < stop and pos[i] in {"ADV", "PART"}:
        i += 1
    if i < stop and pos[i] == "ADP":
        i += 1
    return i


#: Relative pronouns: after a comma they go on describing the noun before it.
_RELATIVE = frozenset({"der", "som"})


def _joins_verb(word: str, tag: str) -> bool:
    """Whether a word after "og" starts a verb phrase.

    A verb that is not a participle used as an adjective ("forebyggende tiltag", "styrket
    samarbejde", which the tagger also calls VERB).
    """
    return tag in _VERB_POS and not word.lower().endswith(("ende", "t"))


def _clause_end(tokens: list[str], start: int, pos: list[str] | None) -> int:
    """Where the clause that holds ``tokens[start]`` ends (exclusive).

    At a clause-ending word (:data:`_CLAUSE_END`), except a comma before a relative clause,
    which belongs to the noun before it ("de udfordringer, der opstår"); with word classes,
    also before "og"/"eller" joining a verb ("følge med den teknologiske udvikling og sikre …").
    """
    end = start
    while end < len(tokens):
        word = tokens[end].lower()
        if word == "," and end + 1 < len(tokens) and tokens[end + 1].lower() in _RELATIVE and end > start:
            end += 2
            continue
        if word in _CLAUSE_END:
            break
        if (
            pos is not None
            and word in {"og", "eller"}
            and end > start
            and end + 1 < len(tokens)
            and _joins_verb(tokens[end + 1], pos[end + 1])
        ):
            break
        end += 1
    return end


def unit_clause(
    tokens: list[str], start: int, unit_end: int | None = None, pos: list[str] | None = None
) -> str:
    """The words of a statement from a unit's first word to the end of its clause, as a quotable phrase.

    The clause ends where :func:`_clause_end` says.

    When that is the unit alone (``unit_end``: where the unit ends), the clause is taken from
    its beginning instead: "udfordringerne ved at koordinere og integrere frivillige i
    ældreplejen" says more than "Ældreplejen". With the statement's word classes (``pos``) a
    subject and verb that begin the clause are left out ("Gruppe 1 diskuterede …"), unless
    only a one-word unit would remain. Quotation marks are left out: the clause is shown inside a
    report line, and the cut often keeps only one mark of a pair.
    """
    if pos is not None and len(pos) != len(tokens):
        pos = None  # tags that do not fit the words are not used
    end = _clause_end(tokens, start, pos)
    if unit_end is not None and end <= unit_end:
        unit_start = start
        while start > 0 and tokens[start - 1].lower() not in _CLAUSE_END:
            start -= 1
        if pos is not None:
            clause_start, start = start, _after_subject_and_verb(pos, start, unit_start)
            if start == unit_start and unit_end - unit_start < 2:
                start = clause_start  # one word left ("Balancen"): the clause as written says more
    words = [t for t in tokens[start:end] if not (t and set(t) <= _QUOTES)]
    text = as_written(" ".join(words).replace("_", " "))
    return text[:1].upper() + text[1:]
