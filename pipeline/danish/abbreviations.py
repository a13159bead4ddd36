"""Danish abbreviations kept as single tokens, as spaCy tokenizer exceptions.

``tokenizer_exceptions()`` returns spaCy's Danish exceptions merged with ours (ORTH/NORM
format). For every abbreviation ending in a period it also adds the sentence-final variant
``"kr.."`` -> ``["kr.", "."]`` (the abbreviation followed by the full stop), which spaCy's
default rules otherwise split as ``"kr"`` + ``".."``.
"""

from __future__ import annotations

from spacy.symbols import NORM, ORTH

# (orth, norm) pairs; capitalised variants are generated automatically.
_ABBREVIATIONS: list[tuple[str, str]] = [
    ("ifm.", "i forbindelse med"),
    ("i.f.m.", "i forbindelse med"),
    ("ift.", "i forhold til"),
    ("i.f.t.", "i forhold til"),
    ("iht.", "i henhold til"),
    ("mhp.", "med henblik på"),
    ("m.h.p.", "med henblik på"),
    ("mht.", "med hensyn til"),
    ("m.h.t.", "med hensyn til"),
    ("pba.", "på baggrund af"),
    ("p.b.a.", "på baggrund af"),
    ("pga.", "på grund af"),
    ("p.g.a.", "på grund af"),
    ("bl.a.", "blandt andet"),
    ("fx", "for eksempel"),
    ("fx.", "for eksempel"),
    ("f.eks.", "for eksempel"),
    ("mv.", "med videre"),
    ("m.v.", "med videre"),
    ("m.m.", "med mere"),
    ("mm.", "med mere"),
    ("evt.", "eventuelt"),
    ("inkl.", "inklusive"),
    ("ekskl.", "eksklusive"),
    ("jf.", "jævnfør"),
    ("jvf.", "jævnfør"),
    ("mio.", "millioner"),
    ("mia.", "milliarder"),
    ("pt.", "på tidspunktet"),
    ("p.t.", "på tidspunktet"),
    ("ca.", "cirka"),
    ("dvs.", "det vil sige"),
    ("d.v.s.", "det vil sige"),
    ("osv.", "og så videre"),
    ("o.s.v.", "og så videre"),
    ("vedr.", "vedrørende"),
    ("nr.", "nummer"),
    ("kr.", "kroner"),
    ("stk.", "stykke"),
    ("pct.", "procent"),
    ("ang.", "angående"),
    ("ml.", "mellem"),
    ("mvh.", "med venlig hilsen"),
    ("ifb.", "i forbindelse med"),
    ("o.l.", "og lignende"),
    ("bla.", "blandt andet"),
    ("etc.", "et cetera"),
    ("evt", "eventuelt"),
    ("ifht.", "i forhold til"),
    ("mhs.", "med henblik på"),
    ("tlf.", "telefon"),
    ("adm.", "administrerende"),
    ("afd.", "afdeling"),
    ("kl.", "klokken"),
    ("max.", "maksimum"),
    ("maks.", "maksimum"),
    ("gns.", "gennemsnit"),
    ("hhv.", "henholdsvis"),
    ("henh.", "henholdsvis"),
    ("ovs.", "ovenstående"),
    ("sdr.", "sønder"),
    ("vha.", "ved hjælp af"),
    ("v.h.a.", "ved hjælp af"),
    ("kg.", "kilogram"),
    ("km.", "kilometer"),
    ("dr.phil.", "doctor philosophiae"),
]
ABBREVIATIONS: list[str] = sorted({o for o, _ in _ABBREVIATIONS})


def _variants(orth: str) -> list[str]:
    out = [orth]
    cap = orth[:1].upper() + orth[1:]
    if cap != orth:
        out.append(cap)
    return out


def tokenizer_exceptions() -> dict[str, list[dict]]:
    """The Danish tokenizer exceptions of spaCy merged with ours (ORTH/NORM dicts)."""
    from spacy.lang.da.tokenizer_exceptions import TOKENIZER_EXCEPTIONS

    exc: dict[str, list[dict]] = {k: [dict(t) for t in v] for k, v in TOKENIZER_EXCEPTIONS.items()}
    for orth, norm in _ABBREVIATIONS:
        for o in _variants(orth):
            exc.setdefault(o, [{ORTH: o, NORM: norm}])
    # sentence-final abbreviation + full stop: "kr.." -> "kr." "."
    for key in list(exc):
        toks = exc[key]
        if len(toks) == 1 and key.endswith(".") and len(key) > 2 and key[-2] != ".":
            exc.setdefault(key + ".", [dict(toks[0]), {ORTH: "."}])
    return exc


def add_to_tokenizer(nlp) -> None:
    """Install the exceptions on ``nlp.tokenizer`` (spaCy blank or trained Danish)."""
    for orth, tokens in tokenizer_exceptions().items():
        nlp.tokenizer.add_special_case(orth, tokens)
