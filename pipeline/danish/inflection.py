"""Danish word relations a point is recognised by: derivation, definite forms and base forms.

* :func:`derives` / :func:`related`: one word is the other with a derivational ending
  (``koordinere`` / ``koordinering``, ``frivillig`` / ``frivillighed``, ``digital`` /
  ``digitalisering``), not a compound with a word of its own (``kompetenceudvikling`` is not
  ``kompetence``).
* :func:`is_definite` / :func:`base_phrase`: a label names a point, so it is written in the
  base (indefinite) form: "risiciene" → "risiko", "plejehjemmene" → "plejehjem", "de
  frivillige" → "frivillige", "den teknologiske udvikling" → "teknologisk udvikling".
* :func:`is_action_noun`: a noun that names an action ("udvikling", "forbedring",
  "styrkelse"); the first part of a compound with such a head is what the action is done to:
  "infrastrukturudvikling" is "udvikling af infrastruktur", so it says "infrastruktur" (where
  "ældrepleje" names a setting, not "ældre").
* :func:`nominalise`: a point said with a verb is named by its noun ("koordinere frivillige"
  → "koordinering af frivillige"); :func:`names_action` asks it of a noun and a verb, short
  stems too ("ryge" / "rygning", where :func:`related` wants five letters).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from pipeline.danish.gender import definite_stems, is_neuter, neuter_form, written_gender

__all__ = [
    "ACTION_ENDINGS",
    "ARTICLES",
    "DERIVATIONS",
    "base_label",
    "base_phrase",
    "derives",
    "is_action_noun",
    "is_definite",
    "is_nominalisation",
    "is_verb",
    "names_action",
    "nominalise",
    "passive_infinitives",
    "prefix_derives",
    "related",
]

#: Endings that derive a word from another without adding a point of its own.
DERIVATIONS: frozenset[str] = frozenset(
    {"isering", "ering", "ighed", "elig", "ende", "else", "hed", "ing", "ning", "lig", "isk", "er", "e"}
)

#: Endings of a noun made from a verb to name its action ("udvikling", "håndtering",
#: "udvidelse", "styrkelse").
ACTION_ENDINGS: tuple[str, ...] = ("ing", "else")

#: Definite articles before an adjective ("den", "det", "de").
ARTICLES: frozenset[str] = frozenset({"den", "det", "de"})

#: Endings of the definite form after the lemma (or the lemma with its last consonant doubled):
#: plejen, arbejdet, risikoen; plejehjemmene, borgerne, opgaverne.
_DEFINITE_ENDINGS = ("en", "et", "n", "t", "ne", "ene", "erne", "rne", "enes", "ernes", "nes", "ens", "ets")

_MIN_STEM = 5


def derives(longer: str, shorter: str, verb: bool = True) -> bool:
    """Whether ``longer`` is ``shorter`` with a derivational ending (:data:`DERIVATIONS`).

    When ``shorter`` is a verb (``verb``), its final ``e`` goes before the ending
    (``koordinere`` → ``koordinering``, ``forebygge`` → ``forebyggelse``); the noun "styrke"
    (strength) is no verb, and "styrkelse" does not derive from it. The shorter word has at
    least five letters: short stems begin too many unrelated words. An adjective in -il or -bel
    and its noun in -ilitet derive too ("fleksibel" / "fleksibilitet").
    """
    longer, shorter = longer.lower(), shorter.lower()
    if len(shorter) < _MIN_STEM or longer == shorter:
        return False
    for stem in (shorter, shorter[:-1] if verb and shorter.endswith("e") else None):
        if stem and len(stem) >= _MIN_STEM and longer.startswith(stem):
            rest = longer[len(stem) :]
            if len(rest) <= 2 or rest in DERIVATIONS:
                return True
    return _latin_pair(longer, shorter)


def _latin_pair(longer: str, shorter: str) -> bool:
    """Latin words whose derivation replaces an ending: "-il"/"-bel" → "-ilitet", "-ion" → "-iøs".

    "stabil" / "stabilitet", "fleksibel" / "fleksibilitet" (not every -itet: "aktiv" /
    "aktivitet" are two points); "religion" / "religiøs", "ambition" / "ambitiøs".
    """
    stem = shorter[:-2] + "il" if shorter.endswith("bel") else shorter
    if stem.endswith("il") and longer == stem + "itet":
        return True
    return len(shorter) >= _MIN_STEM + 1 and shorter.endswith("ion") and longer == shorter[:-2] + "øs"


#: Prefixes that make a verb or its noun say the action again ("genoptjene", "genåbning",
#: "reintegrere"): the word after one is the same action.
ITERATIVE_PREFIXES: tuple[str, ...] = ("gen", "re")


def prefix_derives(longer: str, shorter: str) -> bool:
    """Whether ``longer`` is ``shorter`` (or a derivation of it) after an iterative prefix.

    "genoptjening" / "optjening", "genoptjene" / "optjening" (the verb's noun): a question about
    earning the right *again* is answered by "earning the right". The word after the prefix has at
    least :data:`_MIN_STEM` letters ("reform" is no "re" + "form").
    """
    longer, shorter = longer.lower(), shorter.lower()
    for prefix in ITERATIVE_PREFIXES:
        rest = longer[len(prefix) :]
        if longer.startswith(prefix) and len(rest) >= _MIN_STEM and related(rest, shorter):
            return True
    return False


def is_action_noun(lemma: str) -> bool:
    """Whether a noun names an action by its ending (:data:`ACTION_ENDINGS`): "udvikling", "udvidelse".

    Six letters at least: shorter words with these endings are seldom actions ("ting", "else").
    "pleje" names an action too, but without an ending that says so; such a head is not
    recognised, which keeps "ældrepleje" from saying "ældre".
    """
    lemma = lemma.lower()
    return len(lemma) >= 6 and lemma.isalpha() and lemma.endswith(ACTION_ENDINGS)


def related(a: str, b: str, verbs: frozenset[str] | None = None) -> bool:
    """Whether two lemmas are the same word or one derives from the other.

    ``verbs``: the lemmas that are verbs where they were used (a verb's final ``e`` goes before
    a derivational ending); None treats every word as possibly a verb.
    """
    if a == b:
        return True
    return derives(a, b, verbs is None or b in verbs) or derives(b, a, verbs is None or a in verbs)


def is_definite(form: str, lemma: str) -> bool:
    """Whether a word form is the definite form of its lemma ("plejen", "risiciene", "plejehjemmene").

    Plural indefinite forms ("løsninger", "unge") are not definite. A form that is not built on
    its lemma ("risiciene" of "risiko") is definite when it ends as a definite plural does.
    """
    f, lem = form.lower(), lemma.lower()
    if f == lem or not f.isalpha():
        return False
    for stem in definite_stems(lem):
        if len(stem) >= 2 and f.startswith(stem) and f[len(stem) :] in _DEFINITE_ENDINGS:
            return True
    return f.endswith(("ene", "erne"))


def is_genitive(form: str, lemma: str) -> bool:
    """Whether a word form is the genitive of its lemma: the lemma or its definite form plus "s".

    "lokalsamfundets", "medarbejdernes", "Danmarks"; "proces" of "proces" is no genitive.
    """
    f, lem = form.lower(), lemma.lower()
    if len(f) < 3 or not f.endswith("s") or (lem.endswith("s") and f == lem):
        return False
    stem = f[:-1]
    return stem == lem or is_definite(stem, lem)


def is_s_passive(form: str, lemma: str) -> bool:
    """Whether a verb form is the s-passive of its lemma ("sænkes" of "sænke", "inddrages").

    An s-passive takes no direct object: "skal sænkes en smule" says how much, not what. A verb
    whose lemma ends in -s itself ("lykkes", "synes", "findes") is no passive.

    >>> is_s_passive("sænkes", "sænke"), is_s_passive("lykkes", "lykkes"), is_s_passive("sænker", "sænke")
    (True, False, False)
    """
    f, lem = form.lower(), lemma.lower()
    return (
        f.endswith("s")
        and not lem.endswith("s")
        and f[:-1].startswith(lem[:-1] if lem.endswith("e") else lem)
    )


def passive_infinitives(form: str) -> tuple[str, ...]:
    """The infinitives a passive verb form may be of, the form itself first.

    The s-passive's ("forebygges" → "forebygge") and the past participle's ("meldt" → "melde",
    "ændret" → "ændre").

    >>> passive_infinitives("forebygges"), passive_infinitives("meldt")
    (('forebygges', 'forebygge'), ('meldt', 'melde', 'meld'))
    """
    f = form.lower()
    if f.endswith("s"):
        return (f, f[:-1])
    if f.endswith("et"):
        return (f, f[:-2] + "e", f[:-2])
    if f.endswith("t"):
        return (f, f[:-1] + "e", f[:-1])
    return (f,)


#: Quantifiers of a plural: a phrase they open has no singular base form.
PLURAL_QUANTIFIERS = frozenset({"alle", "mange", "nogle", "begge", "flere", "få", "adskillige", "visse"})


def base_phrase(words: list[str], lemmas: list[str]) -> str:
    """A noun phrase in its base form, as a label shows it (lowercase).

    A leading article goes ("de frivillige" → "frivillige"); a definite noun becomes its lemma
    ("risiciene" → "risiko", "ældreplejen" → "ældrepleje"); after that, an adjective in the
    definite ``-e`` form before a singular noun becomes its lemma ("det politiske niveau" →
    "politisk niveau"). Other words stay as written, and so does a phrase a plural quantifier opens.

    >>> base_phrase(["det", "sociale", "samvær"], ["det", "social", "samvær"])
    'socialt samvær'
    >>> base_phrase(["alle", "medlemslandene"], ["al", "medlemsland"])
    'alle medlemslandene'
    """
    words, lemmas = [w.lower() for w in words], [lem.lower() for lem in lemmas]
    if len(words) > 1 and words[0] in PLURAL_QUANTIFIERS:
        return " ".join(words)  # "alle medlemslandene": a plural, no singular base form ("alt medlemsland")
    shown = written_gender(words, lemmas)
    if len(words) > 1 and words[0] in ARTICLES:
        words, lemmas, had_article = words[1:], lemmas[1:], True
    else:
        had_article = False
    if not words:
        return ""
    head_definite = is_definite(words[-1], lemmas[-1]) or (
        len(words) == 1 and is_genitive(words[-1], lemmas[-1])
    )
    if head_definite:
        words[-1] = lemmas[-1]
    singular_head = words[-1] == lemmas[-1]
    if (had_article or head_definite) and singular_head and len(words) > 1:
        # the adjective agrees with its noun: a neuter noun takes the neuter form ("det sociale
        # samvær" → "socialt samvær"), a common one the lemma ("den tidlige indsats" → "tidlig indsats");
        # the gender the group's own words show decides, the table only where they show none
        neuter = shown == "n" if shown else is_neuter(lemmas[-1])
        words = [
            (neuter_form(lem) if neuter else lem)
            if (w.endswith("e") and not lem.endswith("e") and w.startswith(lem))
            else w
            for w, lem in zip(words[:-1], lemmas[:-1], strict=True)
        ] + [words[-1]]
    return " ".join(words)


@lru_cache(maxsize=1)
def _action_nouns() -> dict[str, str]:
    """Verb → the noun of its action, where the ending rule finds another word (``data/action_nouns.txt``)."""
    from pathlib import Path

    # read here, not with frame_words.read_lexicon: frame_words imports this module through places
    lines = (Path(__file__).parent / "data" / "action_nouns.txt").read_text(encoding="utf-8").splitlines()
    return dict(pair.lower().split() for line in lines if (pair := line.split("#", 1)[0].strip()))


def nominalise(verb: str) -> str | None:
    """The noun of a verb's action, when Danish makes it with an ending the dictionary knows.

    "koordinere" → "koordinering", "forebygge" → "forebyggelse", "udvikle" → "udvikling"; None
    when no such noun is a known word ("bruge"). Where the ending rule finds a word of another
    sense, the noun is listed (``data/action_nouns.txt``: "hæve" → "hævning", not "hævelse").

    >>> nominalise("koordinere"), nominalise("hæve"), nominalise("sænke")
    ('koordinering', 'hævning', 'sænkning')
    """
    from pipeline.danish.lemma_model import get_sources

    v = verb.lower()
    if listed := _action_nouns().get(v):
        return listed
    if not v.endswith("e") or len(v) < 4:
        return None
    stem = v[:-1]
    order = [stem + "ing"] if v.endswith("ere") else [v + "lse", stem + "ning", stem + "ing"]
    known = get_sources()
    for noun in order:
        if known.dict_lemma(noun) == noun:
            return noun
    return None


def names_action(noun: str, verb: str) -> bool:
    """Whether ``noun`` names the action of ``verb`` (a lemma used as a verb): its :func:`nominalise`.

    A label names a point said with a verb by the verb's noun, so the verb says it: "ryge" says
    "rygning", "søge" says "søgning", "koordinere" says "koordinering". Only the one noun the
    dictionary makes of the verb: "ryge" does not say "rygsæk".

    >>> names_action("rygning", "ryge"), names_action("rygsæk", "ryge")
    (True, False)
    """
    return bool(noun) and bool(verb) and nominalise(verb) == noun.lower()


def base_label(label: str, lemma_of: Mapping[str, str]) -> str:
    """A label in base form and whole, as a comparison row shows it.

    A trailing function word goes ("Demens og på" → "Demens"); the head (the last word) in the
    genitive becomes its lemma ("Ældres" → "Ældre", "Borgernes" → "Borger"). A genitive *before*
    another word is its possessor and stays as written: "Kommunens jordbesiddelser" (the
    municipality's land), never "Kommune jordbesiddelser", which is no Danish.

    Args:
        label: The label as shown.
        lemma_of: Lowercase word form → lemma (from the statements); a word not in it is its own.
    """
    from pipeline.danish.stop_words import STOP_WORDS

    words = label.split()
    while len(words) > 1 and words[-1].casefold().strip(",;:") in STOP_WORDS:
        words.pop()
    if not words:
        return label
    head = words[-1]
    low = head.casefold()
    lemma = lemma_of.get(low, low)
    if low.endswith("s") and lemma != low and (low[:-1] == lemma or is_definite(low[:-1], lemma)):
        words[-1] = lemma if not head[:1].isupper() else lemma[:1].upper() + lemma[1:]
    return " ".join(words)


#: Endings of a noun made from a verb (its action: "udvikling", "forebyggelse", "kommunikation")
#: with the verb's ending they replace: "-ation" ← "-ere" ("kommunikere"), "-ing" ← "-e".
_VERB_NOUN_ENDINGS: tuple[tuple[str, str], ...] = (
    ("ation", "ere"),
    ("ning", "e"),
    ("ing", "e"),
    ("else", "e"),
)

#: Endings of a noun made from an adjective to name its quality ("tryghed", "fleksibilitet").
_QUALITY_ENDINGS: tuple[tuple[str, str], ...] = (("hed", ""), ("ilitet", "il"), ("ilitet", "el"))


def is_verb(word: str) -> bool:
    """Whether ``word`` is a verb's infinitive: the dictionary takes its past tense back to it.

    "samarbejde" (samarbejdede), "udvikle" (udviklede), "løse" (løste); a noun has no past
    tense ("plads", "system").
    """
    from pipeline.danish.lemma_model import get_sources

    if len(word) < 4 or not word.endswith("e"):
        return False
    known = get_sources()
    return any(known.dict_lemma(past) == word for past in (word + "de", word[:-1] + "te"))


def _is_adjective(word: str) -> bool:
    """Whether ``word`` is an adjective: the dictionary takes its neuter (``-t``) form back to it."""
    from pipeline.danish.lemma_model import get_sources

    return len(word) >= 3 and get_sources().dict_lemma(word + "t") == word


def _names_things(noun: str) -> bool:
    """Whether a derived noun counts things: the tagger's corpus uses it in the plural.

    An action or a quality is seldom counted ("tryghed", "kommunikation"); a derived noun that
    is ("virksomheder", "myndigheder", "organisationer", "aktiviteter") names things.
    """
    from pipeline.danish.lemma_model import default_model

    low_lex = default_model().low_lex
    return any(
        lemma == noun for form in (noun + "er", noun + "erne") for lemma, _ in (low_lex.get(form) or ())
    )


def is_nominalisation(noun: str) -> bool:
    """Whether a noun names an action or a quality: it is made from a verb or an adjective.

    Such a noun alone is a claim ("samarbejde": more collaboration; "tryghed": more safety),
    where an entity noun alone ("plads", "system", "virksomhed") is only what a claim is about.
    A noun is one when it is a verb's infinitive ("samarbejde", "støtte"), or a verb with an
    action ending ("udvikling" ← "udvikle", "kommunikation" ← "kommunikere"), or an adjective
    with a quality ending ("tryghed" ← "tryg", "fleksibilitet" ← "fleksibel"), and the
    reference corpus does not count it in the plural (:func:`_names_things`: "virksomheder",
    "myndigheder" name things though they are built like qualities).

    >>> is_nominalisation("samarbejde"), is_nominalisation("tryghed"), is_nominalisation("plads")
    (True, True, False)
    """
    noun = noun.lower()
    if not noun.isalpha():
        return False
    if is_verb(noun):
        return True
    derived = any(
        noun.endswith(end) and is_verb(noun[: -len(end)] + verb) for end, verb in _VERB_NOUN_ENDINGS
    ) or any(noun.endswith(end) and _is_adjective(noun[: -len(end)] + adj) for end, adj in _QUALITY_ENDINGS)
    return derived and not _names_things(noun)
