"""Neuter nouns and adjectives' neuter forms: "socialt samvær", "nødvendigt bidrag", never "social samvær".

A label names its point in the indefinite singular ("det sociale samvær" → "socialt samvær"). A
Danish adjective agrees with its noun there: the neuter form for a neuter noun ("et samvær":
"socialt"), the lemma for a common one ("en indsats": "tidlig"). Both facts are read from the CDT
treebank's hand-checked morphology (``gender=neuter`` on nouns; an adjective's singular
indefinite neuter form) by ``training/build_gender.py`` into ``data/gender.tsv``. A compound
noun the treebank does not hold takes its head's gender ("bygningsmasse": "masse").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path

__all__ = ["TABLE", "count_gender", "is_neuter", "neuter_form", "read_table", "write_table"]

TABLE = Path(__file__).parent / "data" / "gender.tsv"


def _feats(field: str) -> dict[str, str]:
    return dict(kv.split("=", 1) for kv in field.split("|") if "=" in kv)


def count_gender(documents: Iterable[Iterable[str]]) -> tuple[dict[str, str], dict[str, str]]:
    """Noun lemma → "n" (neuter) or "c" (common), and adjective lemma → its neuter singular form.

    Args:
        documents: The lines of each CDT ``.conll`` file.

    Returns:
        The nouns whose gender the treebank gives one way at least twice as often as the other,
        and the adjectives whose singular indefinite neuter form it shows (the commonest form).
    """
    nouns: dict[str, Counter] = {}
    adjectives: dict[str, Counter] = {}
    for lines in documents:
        for line in lines:
            cols = line.split("\t")
            if len(cols) < 6 or not cols[0].isdigit():
                continue
            form, lemma, tag, feats = cols[1].lower(), cols[2].lower(), cols[3], _feats(cols[5])
            if not lemma.isalpha():
                continue
            if tag == "NC" and feats.get("gender") in ("neuter", "common"):
                nouns.setdefault(lemma, Counter())[feats["gender"][0]] += 1
            elif (
                tag == "AN"
                and feats.get("gender") == "neuter"
                and feats.get("number") == "sing"
                and feats.get("def") == "indef"
                and feats.get("degree") == "pos"
                and form.isalpha()
            ):
                adjectives.setdefault(lemma, Counter())[form] += 1
    gender = {}
    for lemma, c in nouns.items():
        top, n = c.most_common(1)[0]
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
