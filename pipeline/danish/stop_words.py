"""Danish stop words, checked against LEMMAS (``token.lemma_``), not surface forms.

``STOP_WORDS`` is spaCy's Danish list plus words that are frequent in seminar group notes but
say nothing about the theme of a note: reporting verbs (the group *drøftede*, *fremhævede*,
*talte om*, ...) and list/abbreviation glue (herunder, samt, såsom, "og lignende", fx, bl.a.,
mv.). Since the check is on lemmas, the verbs are listed in the infinitive; surface forms the
lemmatizer may leave unchanged (abbreviations, ``talte``) are listed too. Content words are
deliberately NOT stop words, with one exception: *behov* ("behovet for …") frames almost every
sentence of the genre ("De talte om behovet for …") and would otherwise top every topic; the
same goes for the framing words *både*, *forskellig*, *betydning* ("betydningen af"),
*vigtighed* ("vigtigheden af") and *fokus* ("med fokus på").
"""

from __future__ import annotations

from spacy.lang.da.stop_words import STOP_WORDS as _SPACY_STOP_WORDS

DOMAIN_STOP_WORDS: frozenset[str] = frozenset(
    """
    gruppe grupperne gruppen
    drøfte diskutere fremhæve tale nævne påpege understrege fokusere adressere berøre betone
    foreslå dele udforske opfordre
    herunder samt også desuden såsom lignende
    behov både forskellig betydning vigtighed fokus
    blandt_andet for_eksempel eventuelt med_videre
    fx fx. bl.a. bla. f.eks. mv. m.v. evt. ifm. ift. i.f.t. mht. mhp. pba. jf. osv. etc.
    """.split()
)

STOP_WORDS: frozenset[str] = frozenset(_SPACY_STOP_WORDS) | DOMAIN_STOP_WORDS


def is_stop(lemma: str) -> bool:
    """True when the (lowercased) lemma is a stop word."""
    return lemma.lower() in STOP_WORDS
