"""Danish fixed expressions whose noun names nothing: complex prepositions and adverbial idioms.

Complex prepositions: preposition, noun, preposition working as one preposition.

"på grund af", "i forhold til", "ved hjælp af": the noun in the middle names nothing a group
talked about (UD marks it ``fixed``), so it is never part of a noun phrase, a key phrase or a
keyword ("opgraderinger på grund af teknologiens hurtige udvikling" is about upgrades and
technology, not about a "grund"). Only expressions whose noun has lost its own meaning are
listed: "i samarbejde med" stays out, a collaboration is a point of its own. Checked against
the lowercase word forms.
"""

from __future__ import annotations

COMPLEX_PREPOSITIONS: frozenset[tuple[str, str, str]] = frozenset(
    tuple(line.split())  # type: ignore[misc]
    for line in """
    på grund af
    på baggrund af
    på trods af
    til trods for
    på vegne af
    på bekostning af
    på tværs af
    i forhold til
    i henhold til
    med hensyn til
    af hensyn til
    med henblik på
    i stedet for
    ved hjælp af
    ved siden af
    i løbet af
    i tilfælde af
    i kraft af
    i lyset af
    i form af
    i retning af
    i anledning af
    som følge af
    i takt med
    med udgangspunkt i
    """.strip().splitlines()
)


#: Adverbial idioms and fixed prepositional expressions: their words name nothing a group talked
#: about ("i dag" is "now", "hånd i hånd" is "together", "en masse" is "many", "samlet set" is "all
#: in all": a theme "Set" named nothing; "først og fremmest" is "above all": "Fremmest"; "til
#: stede" is "present": "Stede i verdens brændpunkter"; "nødt til" is "have to": "Nødt"), so no
#: word of one heads a noun phrase or becomes a label alone. Checked against the lowercase word
#: forms, as written (no inflection).
ADVERBIAL_IDIOMS: frozenset[tuple[str, ...]] = frozenset(
    tuple(line.split())
    for line in """
    i dag
    i år
    i morgen
    i aften
    i går
    i øjeblikket
    for tiden
    på sigt
    i tide
    til tider
    i forvejen
    i orden
    i gang
    i hvert fald
    i det hele taget
    til gengæld
    alt i alt
    hånd i hånd
    en masse
    på den måde
    på en måde
    samlet set
    overordnet set
    generelt set
    alt taget i betragtning
    først og fremmest
    nødt til
    frem for alt
    ikke mindst
    ikke desto mindre
    til stede
    i stedet
    på tværs
    til dels
    på vej
    til rådighed
    i stand
    til stadighed
    til sidst
    til slut
    til fulde
    i alt
    i øvrigt
    i praksis
    i princippet
    i længden
    i sidste ende
    i første omgang
    i anden omgang
    i det store hele
    i det mindste
    i så fald
    i givet fald
    i den grad
    i høj grad
    i nogen grad
    i mindre grad
    i større grad
    i stigende grad
    på kort sigt
    på lang sigt
    på længere sigt
    på forhånd
    på ny
    på den ene side
    på den anden side
    for eksempel
    til eksempel
    for det første
    for det andet
    for det tredje
    af og til
    nu og da
    med tiden
    hen ad vejen
    under alle omstændigheder
    mere eller mindre
    """.strip().splitlines()
)
_LONGEST_IDIOM = max(len(i) for i in ADVERBIAL_IDIOMS)


def fixed_nouns(words: list[str]) -> set[int]:
    """Indices of the words in ``words`` that are part of a fixed expression.

    The middle words of the complex prepositions, and every word of an adverbial idiom.
    """
    low = [w.lower() for w in words]
    out = {i for i in range(1, len(low) - 1) if (low[i - 1], low[i], low[i + 1]) in COMPLEX_PREPOSITIONS}
    for i in range(len(low)):
        for n in range(2, min(_LONGEST_IDIOM, len(low) - i) + 1):
            if tuple(low[i : i + n]) in ADVERBIAL_IDIOMS:
                out.update(range(i, i + n))
    return out
