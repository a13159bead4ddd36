"""Hypothesis strategies for personal data in the forms notes hold it, and for figures that must stay.

Shared by the property test of the redactor (tests/test_redaction_cases.py) and the fuzz test of the
whole run (tests/test_fuzz_run.py). A secret is drawn with the forms a leak of it could take in a file.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

# Syllables that make names no Danish text holds by chance ("Kvozyrux"), so a leak check cannot fail on a
# word.
_SYLLABLES = ("kvo", "zy", "rux", "bjæ", "fløx", "quo", "zæ", "vyk", "drø", "jix")
_LOOK_ALIKE = {
    "a": "\u0430",
    "e": "\u0435",
    "o": "\u043e",
    "p": "\u0440",
    "c": "\u0441",
    "x": "\u0445",
    "y": "\u0443",
}
CPR_FORMS = (
    "{d}{m}{y}-{s}",
    "{d}{m}{y}{s}",
    "{d}{m}{y} {s}",
    "{d}{m}{y} -{s}",
    "{d}{m}{y} - {s}",
    "{d}.{m}.{y}-{s}",
    "{d} {m} {y} {s}",
    "{d}{m}{y}/{s}",
    "{d}-{m}-{y}-{s}",
    "{d}{m}{y}\u2013{s}",
)
PHONE_FORMS = (
    "{8}",
    "{2} {2} {2} {2}",
    "{2}-{2}-{2}-{2}",
    "{2}.{2}.{2}.{2}",
    "{4} {4}",
    "{4}-{4}",
    "{3} {2} {3}",
    "{4} {2} {2}",
)
PHONE_PREFIXES = ("", "+45 ", "0045 ", "(+45) ", "45 ", "tlf. ", "mobil ", "Tlf.\u00a0")
EMAIL_AT = ("@", " (at) ", "[at]", " [at] ", "(at)")


@st.composite
def names(draw) -> tuple[str, str]:
    """A listed name: ``(first, surname)``, surname sometimes double ("Kvozy-Ruxbæk")."""

    def word(n: int) -> str:
        return "".join(draw(st.sampled_from(_SYLLABLES)) for _ in range(n)).capitalize()

    first, surname = word(2), word(2)
    if draw(st.booleans()):
        surname = f"{surname}-{word(2)}"
    return first, surname


@st.composite
def name_mentions(draw, listed: tuple[str, str]) -> tuple[str, list[str]]:
    """A mention of a listed name as written, and the forms a leak of it would take."""
    first, surname = listed
    whole = f"{first} {surname}"
    parts = [first, surname, *surname.split("-")] if "-" in surname else [first, surname]
    choice = draw(st.sampled_from([whole, *parts]))
    shape = draw(
        st.sampled_from(
            ("as is", "lower", "upper", "genitive", "soft hyphen", "zero width", "look-alike", "compound")
        )
    )
    written = {
        "as is": choice,
        "lower": choice.lower(),
        "upper": choice.upper(),
        "genitive": choice + "s",
        "soft hyphen": choice[:3] + "\u00ad" + choice[3:],
        "zero width": choice[:2] + "\u200b" + choice[2:],
        "look-alike": "".join(_LOOK_ALIKE.get(c, c) for c in choice),
        "compound": choice + "-modellen",
    }[shape]
    return written, [p for p in parts if len(p) >= 4] + ([written] if shape == "look-alike" else [])


@st.composite
def cpr_numbers(draw) -> tuple[str, list[str]]:
    born = draw(st.dates(min_value=dt.date(1940, 1, 1), max_value=dt.date(1999, 12, 31)))
    serial = f"{draw(st.integers(0, 3))}{draw(st.integers(0, 999)):03d}"  # 7th digit 0-3: born in the 1900s
    date = f"{born.day:02d}{born.month:02d}{born.year % 100:02d}"
    written = draw(st.sampled_from(CPR_FORMS)).format(d=date[0:2], m=date[2:4], y=date[4:6], s=serial)
    if draw(st.booleans()):  # two joined by a slash
        written = f"{written}/{date}-{(int(serial) + 1) % 4000:04d}"
    return written, [written, date + serial]


@st.composite
def phone_numbers(draw) -> tuple[str, list[str]]:
    digits = f"{draw(st.integers(2, 9))}{draw(st.integers(0, 9_999_999)):07d}"
    form = draw(st.sampled_from(PHONE_FORMS))
    prefix = draw(st.sampled_from(PHONE_PREFIXES))
    if prefix in ("", "45 ") and form not in ("{2} {2} {2} {2}",):
        prefix = "tlf. " if prefix == "45 " else prefix
    if prefix == "":  # without a prefix or context only the shapes that are phone numbers on their own
        form = draw(st.sampled_from(("{2} {2} {2} {2}", "{2}-{2}-{2}-{2}", "{3} {2} {3}")))
    pos, groups = 0, []
    for size in form.replace("{", " ").replace("}", " ").split():
        if size.isdigit():
            groups.append(digits[pos : pos + int(size)])
            pos += int(size)
    written = prefix + form.replace("{8}", "{}").replace("{4}", "{}").replace("{3}", "{}").replace(
        "{2}", "{}"
    ).format(*groups)
    return written, [written.removeprefix(prefix), digits]


emails = st.builds(
    lambda user, at, host: (f"{user}{at}{host}.dk", [f"{user}{at}{host}", f"{user}@{host}"]),
    st.from_regex(r"[a-z]{3,6}(\.[a-z]{3,6})?", fullmatch=True),
    st.sampled_from(EMAIL_AT),
    st.sampled_from(("kommune", "mail-x", "hedensted")),
)


@st.composite
def kept_figures(draw) -> str:
    """A sentence with a figure that is no personal data and must stay as written."""
    n8 = draw(st.integers(10_000_000, 99_999_999))
    year = draw(st.integers(2000, 2039))
    day, month = draw(st.integers(1, 28)), draw(st.integers(1, 12))
    low = draw(st.integers(1000, 8999))
    return draw(
        st.sampled_from(
            (
                f"Budgettet er {n8 // 1000:,} kr.".replace(",", "."),
                f"Rammen er {n8 // 1_000_000 * 1_000_000}",
                f"Udgiften er {n8} kr.",
                f"CVR-nr. {n8}",
                f"SE-nr. {n8}",
                f"Postnumrene {low}-{low + draw(st.integers(1, 99))}",
                f"Postnummer {low} Horsens",
                f"Mødet {day:02d}.{month:02d}.{year % 100:02d} "
                f"{draw(st.integers(8, 16)):02d}{draw(st.sampled_from((0, 15, 30, 45))):02d}",
                f"Mødet {day:02d}.{month:02d}.{year} kl. 14.30",
                f"Perioden {year}-{year + 1}",
                f"Andelen er {draw(st.integers(1, 99))} %",
                f"Efter § {draw(st.integers(1, 200))} stk. 2",
            )
        )
    )
