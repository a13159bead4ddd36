"""Neuter nouns and adjectives' neuter forms: "socialt samvær", "nødvendigt bidrag", never "social samvær".

A label names its point in the indefinite singular ("det sociale samvær" → "socialt samvær"). A
Danish adjective agrees with its noun there: the neuter form for a neuter noun ("et samvær":
"socialt"), the lemma for a common one ("en indsats": "tidlig"). Both facts are read from the CDT
treebank's hand-checked morphology (``gender=neuter`` on nouns; an adjective's singular
indefinite neuter form) by ``training/build_gender.py`` into ``data/gender.tsv``. A compound
noun the treebank does not hold takes its head's gender ("bygningsmasse": "masse").

The group's own words outrank the table: where a phrase shows its noun's gender (the article
"den"/"en" or "det"/"et"; the definite ending "-en"/"-n" or "-et"/"-t"), that decides
(:func:`written_gender`: "den offentlige velfærd" is common, whatever one treebank token says).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path

__all__ = [
    "TABLE",
    "count_gender",
    "definite_stems",
    "is_neuter",
    "neuter_form",
    "read_table",
    "write_table",
    "written_gender",
]

TABLE = Path(__file__).parent / "data" / "gender.tsv"


def _feats(field: str) -> dict[str, str]:
    return dict(kv.split("=", 1) for kv in field.split("|") if "=" in kv)


#: Singular articles by the gender they show: "den"/"en" common, "det"/"et" neuter.
_ARTICLE_GENDER = {"den": "c", "en": "c", "det": "n", "et": "n"}


def _sentences(lines: Iterable[str]) -> Iterable[list[list[str]]]:
    """The token rows of each sentence of a ``.conll`` file (a blank line ends a sentence)."""
    sentence: list[list[str]] = []
    for line in [*lines, ""]:
        cols = line.split("\t")
        if len(cols) >= 8 and cols[0].isdigit():
            sentence.append(cols)
        elif sentence:
            yield sentence
            sentence = []


def _noun_votes(sentence: list[list[str]], nouns: dict[str, Counter]) -> None:
    """Add each common noun's gender votes: its annotation once, what its words show twice.

    The written word outranks one annotation: "en boykot" (the article the noun is the object
    of, as CDT attaches it) or "boykotten" (its definite ending) say common even where the
    noun's own ``gender`` feature says neuter.
    """
    by_id = {cols[0]: cols for cols in sentence}
    for cols in sentence:
        form, lemma, feats = cols[1].lower(), cols[2].lower(), _feats(cols[5])
        if cols[3] != "NC" or not lemma.isalpha():
            continue
        votes = nouns.setdefault(lemma, Counter())
        if feats.get("gender") in ("neuter", "common"):
            votes[feats["gender"][0]] += 1
        if feats.get("number") != "sing" or (cols[1][:1].isupper() and cols[0] != "1"):
            continue  # a capital inside a sentence is a name's ("en Sort Guld"): its article is the name's
        head = by_id.get(cols[6])
        article = head[1].lower() if head and head[3] in ("PD", "PI") and cols[7] == "nobj" else ""
        shown = _ARTICLE_GENDER.get(article) or (
            _suffix_gender(form, lemma) if feats.get("def") == "def" else None
        )
        if shown:
            votes[shown] += 2


def _is_neuter_form(form: str, tag: str, feats: dict[str, str]) -> bool:
    """Whether a token is an adjective's singular indefinite neuter positive form ("socialt")."""
    return (
        tag == "AN"
        and feats.get("gender") == "neuter"
        and feats.get("number") == "sing"
        and feats.get("def") == "indef"
        and feats.get("degree") == "pos"
        and form.isalpha()
    )


def count_gender(documents: Iterable[Iterable[str]]) -> tuple[dict[str, str], dict[str, str]]:
    """Noun lemma → "n" (neuter) or "c" (common), and adjective lemma → its neuter singular form.

    Args:
        documents: The lines of each CDT ``.conll`` file.

    Returns:
        The nouns whose gender the treebank gives one way at least twice as often as the other
        (:func:`_noun_votes`: an article or a definite ending counts twice an annotation), and
        the adjectives whose singular indefinite neuter form it shows (the commonest form).
    """
    nouns: dict[str, Counter] = {}
    adjectives: dict[str, Counter] = {}
    for lines in documents:
        for sentence in _sentences(lines):
            _noun_votes(sentence, nouns)
            for cols in sentence:
                form, lemma = cols[1].lower(), cols[2].lower()
                if lemma.isalpha() and _is_neuter_form(form, cols[3], _feats(cols[5])):
                    adjectives.setdefault(lemma, Counter())[form] += 1
    gender = {}
    for lemma, c in nouns.items():
        if not c:
            continue
        top, n = min(c.items(), key=lambda kv: (-kv[1], kv[0]))
        if n >= 2 * (sum(c.values()) - n):
            gender[lemma] = top
    forms = {lemma: min(c, key=lambda f: (-c[f], f)) for lemma, c in adjectives.items()}
    return gender, forms


def write_table(gender: dict[str, str], forms: dict[str, str], out: Path = TABLE) -> None:
    """Write ``kind<TAB>lemma<TAB>value`` lines, sorted: ``noun`` with n/c, ``adj`` with the neuter form."""
    lines = [f"noun\t{w}\t{g}" for w, g in sorted(gender.items())]
    lines += [f"adj\t{w}\t{f}" for w, f in sorted(forms.items())]
    header = "# kind\tlemma\tvalue (built by training/build_gender.py from the CDT treebank)\n"
    out.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")


@cache
def read_table(path: Path = TABLE) -> tuple[dict[str, str], dict[str, str]]:
    """The table: noun lemma → "n"/"c", adjective lemma → neuter form."""
    gender: dict[str, str] = {}
    forms: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        kind, lemma, value = line.split("\t")
        (gender if kind == "noun" else forms)[lemma] = value
    return gender, forms


def definite_stems(lemma: str) -> list[str]:
    """The stems a definite ending follows ("kommunen", "stedet", "plejen").

    The lemma, the lemma with its last letter doubled ("hullet"), and for a lemma in "-e" the
    lemma without it ("plejen" is "plej" + "en"). ``lemma``: lowercase.
    """
    return [lemma, lemma + lemma[-1:]] + ([lemma[:-1]] if lemma.endswith("e") else [])


def _suffix_gender(form: str, lemma: str) -> str | None:
    """The gender a definite singular form shows by its ending: "velfærden" c, "arbejdet" n.

    The ending follows the lemma, or the lemma with its last consonant doubled ("kommunen",
    "stedet", "hullet"); "-n"/"-t" alone only after a lemma in "-e" ("plejen", "arbejdet").
    Anything else (an indefinite, plural or genitive form) shows nothing.
    """
    f, lem = form.lower(), lemma.lower()
    if not f.isalpha() or not lem.isalpha() or f == lem:
        return None
    # after a lemma in "-e" the stem without it: "plej" + "en" is "pleje" + "n"
    for stem in definite_stems(lem):
        rest = f[len(stem) :] if f.startswith(stem) else None
        if rest in ("en", "et"):
            return "c" if rest == "en" else "n"
    return None


def written_gender(words: list[str], lemmas: list[str]) -> str | None:
    """The gender a singular noun phrase shows in its own words: "c", "n", or None when it shows none.

    The article first ("den offentlige velfærd": c; "et stærkt fællesskab": n), then the head's
    definite ending ("velfærden": c, "fællesskabet": n). The head is the last word; a plural head
    ("de sociale fællesskaber") shows no gender.

    >>> written_gender(["den", "offentlige", "velfærd"], ["den", "offentlig", "velfærd"])
    'c'
    """
    if not words or len(words) != len(lemmas):
        return None
    if len(words) > 1 and words[0].lower() in _ARTICLE_GENDER:
        return _ARTICLE_GENDER[words[0].lower()]
    return _suffix_gender(words[-1], lemmas[-1])


def is_neuter(noun: str) -> bool:
    """Whether a noun lemma is neuter ("samvær", "bidrag"); a compound the table lacks by its head."""
    from pipeline.danish.compound_split import split_compound

    gender, _ = read_table()
    noun = noun.lower()
    if noun in gender:
        return gender[noun] == "n"
    parts = split_compound(noun) if noun.isalpha() else noun.split("-")
    return len(parts) > 1 and gender.get(parts[-1]) == "n"


#: Adjective endings whose neuter form is the lemma itself: "politisk", "let", "moderne", "fælles".
_NO_T = ("sk", "t", "e", "s")


def neuter_form(adjective: str) -> str:
    """The neuter singular of an adjective lemma: "nødvendig" → "nødvendigt", "politisk" → "politisk".

    As the treebank writes it where it holds the form; else Danish's rule: ``-t`` added, except
    after ``-sk``, ``-t``, ``-e`` and ``-s`` ("social" → "socialt", "moderne" → "moderne").
    """
    low = adjective.lower()
    known = read_table()[1].get(low)
    if known is not None:
        return known
    return low if low.endswith(_NO_T) else low + "t"
