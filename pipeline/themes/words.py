"""Bare general nouns: a word several groups used is not a point unless they say more of it alike.

"Plads" said by two parties ("plads til offentlig vækst", "plads til skattelettelser"), "Lov",
"System", "Hus": a general noun (:func:`pipeline.danish.generality.is_general_noun`, a noun most
texts use) names no claim on its own, so a theme labelled by one alone would count "2 af 10
pegede på plads" where the groups made different points. Such a theme is taken apart: each
counted group keeps its own, more specific words as a theme of its own ("Bedre tværfagligt
samarbejde", gruppe 3), groups whose own words are the same claim stay one theme (then "k af n"
is that claim, a real point), and a group that wrote only the bare word is in no theme (the
word and its groups stay listed among the words several groups used, :mod:`pipeline.themes.terms`).
A rare or domain noun ("grænsehandel", "kommunikation", "energi") alone is a point, unless the
parse shows that its groups did not make one point of it: a counted group holds it only as the
complement of another noun ("større synlighed af plejehjemmene" beside "omdanne plejehjem":
:func:`only_complemented`), or one group is for what it names and another against it ("glade for
dagpengereformen" / "imod dagpengereformen": :func:`opposite_attitudes`). Those two tests leave
whole a theme the page shows apart anyway (the question's own words, a given option).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from pipeline.danish.frame_words import MEASURE_NOUNS
from pipeline.danish.generality import is_general_noun
from pipeline.danish.inflection import is_nominalisation
from pipeline.themes.points import says

__all__ = [
    "WordApart",
    "is_bare_general",
    "only_complemented",
    "opposite_attitudes",
    "own_words",
    "split_bare_words",
]


@dataclass(frozen=True)
class WordApart:
    """A general noun several groups used about different things, and each group's own words.

    Attributes:
        word: The noun's lemma.
        groups: ``(year, group, the group's own phrases holding the word, the statements they
            are in)`` per group (a page shows the statement where the phrase is the word alone).
        heading: The words the groups wrote for it (:func:`_heading`), what a page heads the entry by.
    """

    word: str
    groups: tuple[tuple[int, int, tuple[str, ...], tuple[str, ...]], ...]
    heading: str = ""

    def as_dict(self) -> dict:
        """For the quality record: ``{"word", "heading", "groups": [{"year", "group", "words", ...}]}``."""
        return {
            "word": self.word,
            "heading": self.heading or self.word,
            "groups": [
                {"year": y, "group": g, "words": list(w), "statements": list(st)}
                for y, g, w, st in self.groups
            ],
        }


def _heading(units: pd.DataFrame, word: str) -> str:
    """The words the groups wrote for ``word``: itself, or those that stand for it, most groups first.

    A measure noun joins others ("intervention" / "tiltag" / "løsning"), so the groups may never
    have written the word itself; the heading names what they wrote: "tiltag / løsning / indsats".
    """
    said: dict[str, set] = {}
    for u in units.itertuples(index=False):
        verbs = frozenset(str(u.verbs).split())
        own = [word] if says(word, u.lemmas, verbs, swaps=False) else []
        for lemma in own or [w for w in u.lemmas.split() if says(word, w, verbs)]:
            said.setdefault(lemma, set()).add((u.year, u.group))
    return " / ".join(sorted(said, key=lambda w: (-len(said[w]), w))) or word


def _apart(part: pd.DataFrame, members: list[int], word: str) -> WordApart:
    """Each counted group's phrases holding the word, as written, longest first."""
    units = part.iloc[members]
    groups = []
    for (year, group), rows in units.groupby(["year", "group"], sort=True):
        texts = sorted({" ".join(str(t).split()) for t in rows["text"]}, key=lambda t: (-len(t.split()), t))
        said = tuple(dict.fromkeys(str(sid) for sid in rows["statement_id"]))
        groups.append((int(year), int(group), tuple(texts), said))
    return WordApart(word, tuple(groups), _heading(units, word))


def is_bare_general(lemmas: str) -> bool:
    """Whether a label's lemmas are one general noun of a thing alone ("plads", "system"; not "grænsehandel").

    A general noun that names an action or a quality (:func:`pipeline.danish.inflection.is_nominalisation`:
    "samarbejde", "udvikling", "tryghed") is a claim on its own ("more collaboration"), so it
    stays a point; a noun of a measure that does not say which (:data:`pipeline.danish.MEASURE_NOUNS`:
    "løsning", "indsats") says no more alone than a thing does.
    """
    words = lemmas.split()
    if len(words) != 1:
        return False
    # a measure noun alone names no measure, however rare it is in the reference corpus ("intervention")
    if words[0] in MEASURE_NOUNS:
        return True
    return is_general_noun(words[0]) and not is_nominalisation(words[0])


def own_words(lemmas: str, complement: str) -> str:
    """A unit's lemmas without those that only complement another noun (each taken out once)."""
    words = lemmas.split()
    for w in complement.split():
        if w in words:
            words.remove(w)
    return " ".join(words)


def only_complemented(part: pd.DataFrame, members: list[int], word: str) -> bool:
    """Whether a counted group holds a bare noun only as the complement of another noun.

    "større synlighed af plejehjemmene" (gruppe 5) and "omdanne plejehjem" (gruppe 4) both
    say "plejehjem", but group 5's point is the visibility: the noun is what another noun is
    of (the parse's ``complement``, :class:`pipeline.themes.claims.Parse`), not what the group
    said something about. A frame noun's complement ("behovet for kommunikation") and a
    possessor ("lokalsamfundets trivsel") are the point, so they count. Units without the
    column (no parse) count as said.
    """
    units = part.iloc[members]
    if "complement" not in units.columns:
        return False
    for _, rows in units.groupby(["year", "group"], sort=True):
        if not any(
            says(word, own_words(str(d), str(c or "")), frozenset(str(v).split()))
            for d, c, v in zip(rows["lemmas"], rows["complement"], rows["verbs"], strict=True)
        ):
            return True
    return False


def opposite_attitudes(part: pd.DataFrame, members: list[int], word: str) -> bool:
    """Whether one counted group is for what a bare noun names and another against it.

    "Vi er rigtigt glade for den dagpengereform" and "Vi var meget imod den dagpengereform":
    the parties share the word and say opposite things of it (the parse's ``attitude``,
    :func:`pipeline.danish.attitudes.attitude`). A group whose own units say both counts for
    neither side.
    """
    units = part.iloc[members]
    if "attitude" not in units.columns:
        return False
    sides = set()
    for _, rows in units.groupby(["year", "group"], sort=True):
        own = {
            int(a) for d, a in zip(rows["lemmas"], rows["attitude"], strict=True) if a and says(word, str(d))
        }
        if len(own) == 1:
            sides |= own
    return sides == {1, -1}


def _claims_about(docs: list[str], word: str, empty: frozenset[str]) -> list[str]:
    """The endings of two or more words of the units' phrases that hold ``word`` and a word naming something.

    An ending keeps the phrase's head (its last word) with what modifies it, as the label
    candidates do (:mod:`pipeline.themes.points`): "tværfaglig samarbejde" of "bedre tværfaglig
    samarbejde", never a cut such as "plads offentlig" of "plads offentlig vækst".
    """
    out = []
    for doc in docs:
        words = doc.split()
        for i in range(len(words) - 1):
            span = words[i:]
            if word in span and any(w != word and w not in empty for w in span):
                out.append(" ".join(span))
    return list(dict.fromkeys(out))


def _group_claims(part: pd.DataFrame, members: list[int], word: str, empty: frozenset[str]) -> list[tuple]:
    """Each counted group's own claim about ``word``: ``(lemmas, positions)`` per group saying more than it.

    The claim is the phrase holding the word that most of the group's units say (:func:`says`),
    then the shortest ("tværfaglig samarbejde" of "bedre tværfaglig samarbejde"), then the first
    alphabetically: the result does not depend on the units' order.
    """
    out = []
    units = part.iloc[members]
    for _, rows in units.groupby(["year", "group"], sort=True):
        idx = np.asarray([members[i] for i in range(len(members)) if units.index[i] in rows.index], dtype=int)
        docs = part["lemmas"].iloc[idx].tolist()
        verbs = [frozenset(str(v).split()) for v in part["verbs"].iloc[idx]]
        best = None
        for claim in _claims_about(docs, word, empty):
            fits = np.array([says(claim, d, v) for d, v in zip(docs, verbs, strict=True)], dtype=bool)
            key = (-int(fits.sum()), len(claim.split()), claim)
            if fits.any() and (best is None or key < best[0]):
                best = (key, claim, fits)
        if best is not None:  # else the group wrote only the word
            out.append((best[1], {int(i) for i in idx[best[2]]}))
    return out


def _in_the_questions_words(part: pd.DataFrame, at: list[int], key: str, asked) -> bool:
    """Whether every counted group wrote the question's own word ``key`` itself (not another for it)."""
    if asked is None or not all(asked(w) for w in key.split()):
        return False
    rows = part.iloc[at]
    literal = [
        says(key, d, frozenset(str(v).split()), swaps=False) for d, v in zip(rows["lemmas"], rows["verbs"])
    ]
    return rows[literal].groupby(["year", "group"]).ngroups == rows.groupby(["year", "group"]).ngroups


def split_bare_words(
    part: pd.DataFrame,
    found: dict[str, list],
    empty: frozenset[str],
    apart: list | None = None,
    asked=None,
    whole=None,
    kinds=None,
) -> dict:
    """Take apart every theme labelled by a bare general noun into its groups' own claims.

    A noun the question itself asks about ("Hvilke muligheder og risici …": "risiciene ved
    digitalisering") that every counted group wrote is kept whole: the groups answered in the
    question's words, which the page says (a theme of the question's own words), not that they
    used one word about different things.

    Args:
        part: One area's units.
        found: ``label lemmas → [positions in part, names_no_point]`` (the area's themes).
        empty: Words that name no point on their own (never a group's claim).
        apart: When given, a :class:`WordApart` is added to it for each word taken apart (what
            the page can list as a word several groups used about different things).
        asked: ``asked(lemma)``: whether a word only repeats the area's question.
        whole: ``whole(lemmas)``: a theme the page shows apart from the points (the question's
            own words, a given option); the parse's tests (:func:`only_complemented`,
            :func:`opposite_attitudes`) leave it whole, a general noun alone is taken apart still.
        kinds: The parse's kind tests (:class:`pipeline.themes.kinds.AreaKinds`): a theme whose every
            counted group named its own kind of the thing is taken apart too; a group outside the
            words the others share around the noun leaves the theme.

    Returns:
        The themes with each bare general noun's theme replaced by its groups' claims: one theme
        per claim, holding the units of every group that said it (joined with a theme of the
        same claim already found); a theme of one group keeps its bare label (it counts no one else).
    """
    out: dict[str, list] = {}
    claims: list[tuple] = []
    for key, (members, no_point) in found.items():
        at = sorted(members)
        groups = set(zip(part["year"].iloc[at], part["group"].iloc[at], strict=True))
        bare = is_bare_general(key) or (
            len(key.split()) == 1
            and not (whole is not None and whole(key))
            and (
                only_complemented(part, at, key)
                or opposite_attitudes(part, at, key)
                or (kinds is not None and kinds.different(part, at, key))
            )
        )
        if no_point or len(groups) < 2 or not bare or _in_the_questions_words(part, at, key, asked):
            # a group whose words around the noun share nothing with the others' made no point of theirs
            shown_whole = no_point or (whole is not None and whole(key))
            odd = kinds.outside(part, at, key) if kinds is not None and not shown_whole else set()
            out[key] = [set(members) - odd, no_point]
            continue
        claims += _group_claims(part, at, key, empty)
        if apart is not None:
            apart.append(_apart(part, at, key))
    for lemmas, idx in claims:
        out.setdefault(lemmas, [set(), False])[0].update(idx)
    return out
