"""Words several groups used within a core area: a finer lens than the sub-themes."""

from __future__ import annotations

import pandas as pd

from pipeline.themes.records import ThemeParams
from pipeline.topics import surface_forms

__all__ = ["recurring_terms"]


#: Word classes of a word that names something: an answer particle ("nej"), a conjunction ("når")
#: or an adverb ("selvfølgelig") says how, not what.
_NAMING_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})


def _named_words(statement) -> set[str]:
    """The lemmas of a statement that name something: of a naming word class, outside a fixed expression.

    "stedet" of "i stedet for" and "eksempel" of "for eksempel" are part of an expression, and a
    word that only judges ("vigtigt") names nothing; without word classes every lemma counts.
    """
    from pipeline.danish import EVALUATIVE_WORDS, fixed_nouns

    tokens, lemmas = str(statement.tokens).split(), str(statement.lemmas).split()
    pos = str(getattr(statement, "pos", "") or "").split()
    if not (len(tokens) == len(lemmas) == len(pos)):
        return set(lemmas)
    fixed = fixed_nouns(tokens)
    return {
        lem
        for i, (lem, tag) in enumerate(zip(lemmas, pos, strict=True))
        if tag in _NAMING_POS and i not in fixed and lem not in EVALUATIVE_WORDS
    }


def recurring_terms(
    statements: pd.DataFrame,
    params: ThemeParams,
    *,
    stop_words: frozenset[str] = frozenset(),
    top_n: int = 15,
) -> pd.DataFrame:
    """Words (lemmas) that several groups used within a core area.

    A finer lens than topics on seminar-sized notes: with two or three sentences per group
    and area, the sub-themes show as the words several groups chose ("kommunikation" by
    groups 3 and 5).

    Args:
        statements: The ``statements`` table (with ``tokens`` and ``lemmas``).
        params: The theme stage's parameters: a term is kept when enough groups of the area used it
            to recur (:meth:`ThemeParams.recurs`), as a theme is.
        stop_words: Lemmas never counted.
        top_n: Terms kept per area (most groups first, then most statements).

    Returns:
        ``year, core_area, term, surface, n_groups, groups, statement_ids`` sorted per area.
    """
    rows = []
    for (year, area), part in statements.groupby(["year", "core_area"], sort=False):
        uses: dict[str, dict] = {}
        forms = surface_forms(part)
        vocabulary = {w for doc in part["content_lemmas"] for w in doc.split()}
        # a word that names something in one use counts in every use ("tidlig" read as an adverb once)
        named = set().union(*(_named_words(s) for s in part.itertuples()))
        for s in part.itertuples():
            # A compound counts for its parts ("infrastrukturudvikling" for "infrastruktur") only when
            # the part is a word of its own in the area: the splitter over-splits ("digitalis" + "ringe").
            terms = (set(s.content_lemmas.split()) & named) | (set(s.compound_parts.split()) & vocabulary)
            for term in terms - stop_words:
                if len(term) < 3:
                    continue
                use = uses.setdefault(term, {"groups": set(), "statements": []})
                use["groups"].add(int(s.group))
                use["statements"].append(s.statement_id)
        kept = [(t, u) for t, u in uses.items() if params.recurs(len(u["groups"]))]
        kept.sort(key=lambda tu: (-len(tu[1]["groups"]), -len(tu[1]["statements"]), tu[0]))
        for term, use in kept[:top_n]:
            counter = forms.get(term, {})
            surface = min(counter, key=lambda f: (-counter[f], f)) if counter else term
            rows.append(
                {
                    "year": int(year),
                    "core_area": area,
                    "term": term,
                    "surface": surface,
                    "n_groups": len(use["groups"]),
                    "groups": " ".join(str(g) for g in sorted(use["groups"])),
                    "statement_ids": " ".join(use["statements"]),
                }
            )
    return pd.DataFrame(
        rows, columns=["year", "core_area", "term", "surface", "n_groups", "groups", "statement_ids"]
    )
