"""Fuzz test of the whole run: hostile notes tables through ingest → themes → reports → files.

Random tables mix ordinary Danish notes with personal data in every written form (CPR numbers,
phone numbers, e-mail addresses, listed names in any case and the genitive, and the generated forms of
tests/privacy_forms.py: soft hyphens, look-alike letters, parts of double names …), figures that must
stay (amounts, dates, CVR numbers, postcodes: checked in notes.csv), markup, formula
cells, control characters, bad groups and unknown core areas, in the text, the core area and the
file name. Whatever the table, the run gives no traceback (only a :class:`SeminarError` with a
message), every note read is accepted or rejected, and no personal data is in any file written
(every part of the DOCX packages included).
"""

from __future__ import annotations

import csv
import io as _io
import json
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.config import PrivacyConfig, parse_config
from pipeline.errors import SeminarError
from tests.conftest import TINY_TOML

NAMES = ("Hanne Jensen", "Birgitte Skovgaard", "Lars Kjeldsen")
SENTENCES = (
    "Frivillige hjælper i ældreplejen.",
    "Trivsel i klassen kræver nærværende voksne.",
    "Mobning skal forebygges tidligt.",
    "Velfærdsteknologi kan frigøre tid til omsorg.",
    "Pårørende vil gerne inddrages mere.",
    "og men eller hvis",
    "1.200.000 kr. i 2024-2025",
    "<script>alert(7)</script>",
    '=HYPERLINK("http://x";"klik")',
    "[x](javascript:alert(2))",
    "\u200b\u0007\u00ad",
    "   ",
)
AREAS = (
    "Social omsorg",
    "Læring",
    "Skole",
    "læring",
    "",
    "Ukendt område",
    "Skole<img src=x onerror=alert(1)>",
)
GROUPS = ("1", "2", "3", "Gruppe 4", "5.0", "x", "1000", "", "0")
CPR_FORMS = (
    "{d}{m}{y}-{s}",
    "{d}{m}{y}{s}",
    "{d}{m}{y} {s}",
    "{d}.{m}.{y}-{s}",
    "{d} {m} {y} {s}",
    "{d}{m}{y}/{s}",
    "{d}-{m}-{y}-{s}",
)
PHONE_FORMS = (
    "{a}{b}{c}{d}",
    "{a} {b} {c} {d}",
    "{a}-{b}-{c}-{d}",
    "{a}.{b}.{c}.{d}",
    "{a}{b} {c}{d}",
    "{a}{b}-{c}{d}",
)
PHONE_PREFIXES = ("", "+45 ", "0045 ", "(+45) ", "tlf. ")


@st.composite
def cpr_numbers(draw) -> str:
    born = draw(
        st.dates(
            min_value=__import__("datetime").date(1900, 1, 1),
            max_value=__import__("datetime").date(1999, 12, 31),
        )
    )
    serial = f"{draw(st.integers(0, 3))}{draw(st.integers(0, 999)):03d}"  # 7th digit 0-3: born in the 1900s
    form = draw(st.sampled_from(CPR_FORMS))
    return form.format(d=f"{born.day:02d}", m=f"{born.month:02d}", y=f"{born.year % 100:02d}", s=serial)


@st.composite
def phone_numbers(draw) -> str:
    digits = f"{draw(st.integers(2, 9))}{draw(st.integers(0, 9_999_999)):07d}"
    a, b, c, d = digits[0:2], digits[2:4], digits[4:6], digits[6:8]
    return draw(st.sampled_from(PHONE_PREFIXES)) + draw(st.sampled_from(PHONE_FORMS)).format(
        a=a, b=b, c=c, d=d
    )


@st.composite
def names(draw) -> str:
    name = draw(st.sampled_from(NAMES))
    name = draw(st.sampled_from((name, name.lower(), name.upper())))
    return name + draw(st.sampled_from(("", "s", "'s")))


emails = st.builds(
    lambda user, host: f"{user}@{host}.dk",
    st.from_regex(r"[a-z]{2,6}(\.[a-z]{2,6})?", fullmatch=True),
    st.sampled_from(("kommune", "mail-x", "hedensted")),
)
secrets = st.one_of(cpr_numbers(), phone_numbers(), emails, names())


@st.composite
def new_forms(draw, listed) -> str:
    """Personal data in the forms of tests/privacy_forms.py (soft hyphens, look-alike letters, parts of
    double names, joined CPR numbers, +45 groupings, "(at)"): the written form; the leak forms are noted."""
    from tests import privacy_forms as pf

    kind = draw(st.sampled_from(("name", "cpr", "phone", "email")))
    if kind == "name":
        written, forms = draw(pf.name_mentions(draw(st.sampled_from(listed))))
    else:
        written, forms = draw(
            {"cpr": pf.cpr_numbers(), "phone": pf.phone_numbers(), "email": pf.emails}[kind]
        )
    _NEW_FORMS[written] = forms
    return written


#: The leak forms of each secret drawn by :func:`new_forms`.
_NEW_FORMS: dict[str, list[str]] = {}


@st.composite
def texts(draw, found: list[str], kept: list[str], listed) -> str:
    from tests.privacy_forms import kept_figures

    parts = []
    for _ in range(draw(st.integers(0, 4))):
        if draw(st.booleans()):
            secret = draw(st.one_of(secrets, new_forms(listed)))
            found.append(secret)
            parts.append(f"Kontakt {secret} om det.")
        if draw(st.integers(0, 2)) == 0:
            figure = draw(kept_figures())
            kept.append(figure)
            parts.append(figure + ".")
        parts.append(draw(st.sampled_from(SENTENCES)))
    return " ".join(parts)


@st.composite
def tables(draw):
    """A notes table as CSV bytes, its file name, the rows, the personal data put into it, the figures
    that must stay (per row) and the generated names listed."""
    from tests.privacy_forms import names as generated_names

    listed = draw(st.lists(generated_names(), min_size=1, max_size=2))
    found: list[str] = []
    kept: list[list[str]] = []
    rows = []
    for _ in range(draw(st.integers(1, 7))):
        area = draw(st.sampled_from(AREAS))
        if draw(st.integers(0, 9)) == 0:
            secret = draw(secrets)
            found.append(secret)
            area = f"{area} {secret}"
        kept.append([])
        rows.append([area, draw(st.sampled_from(GROUPS)), draw(texts(found, kept[-1], listed))])
    name = "noter.csv"
    if draw(st.booleans()):
        secret = draw(secrets)
        found.append(secret)
        name = f"noter {secret}.csv"
    buf = _io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\n")
    writer.writerow(["kerneområde", "gruppe", "tekst"])
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8"), name, rows, found, kept, tuple(f"{f} {s}" for f, s in listed)


def _published_texts(*folders: Path) -> list[tuple[str, str]]:
    out = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or path.name.startswith("plotly"):
                continue
            if path.suffix == ".docx":
                with zipfile.ZipFile(path) as z:
                    # every part that can hold text; the font, style and theme tables hold digit codes of
                    # their own
                    parts = [
                        n
                        for n in z.namelist()
                        if not re.search(
                            r"(fontTable|styles|stylesWithEffects|theme\d*|settings|webSettings|numbering)\.xml$|\.(png|jpe?g|emf)$",
                            n,
                        )
                    ]
                    out += [(f"{path.name}:{n}", z.read(n).decode("utf-8", "ignore")) for n in parts]
            else:
                out.append((path.name, path.read_bytes().decode("utf-8", "ignore")))
    return out


def _forms(secret: str) -> list[str]:
    """How a secret could show up in a file: as written, its digits alone, a name without the genitive."""
    if secret in _NEW_FORMS:
        return [f.lower() for f in _NEW_FORMS[secret]]
    forms = [secret]
    digits = "".join(ch for ch in secret if ch.isdigit())
    if len(digits) >= 8:
        forms.append(digits[-8:] if secret.lstrip("(").startswith(("+45", "0045")) else digits)
    if "@" not in secret and not any(ch.isdigit() for ch in secret):
        forms.append(secret.removesuffix("'s").removesuffix("s").lower())
    return forms


@pytest.fixture(scope="module")
def fuzz_nlp():
    from pipeline.config import NlpConfig
    from pipeline.nlp import build_nlp

    return build_nlp(NlpConfig())


@pytest.mark.slow  # twelve whole runs
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(table=tables())
def test_hostile_tables_through_the_whole_run(table, fuzz_nlp, tmp_path_factory):
    from pipeline import io
    from pipeline.flows import analyse_seminar
    from pipeline.ingest import SourceFile, ingest
    from pipeline.report import render_seminar_pages

    data, name, rows, found, kept, listed = table
    cfg = replace(parse_config(TINY_TOML), privacy=PrivacyConfig(names=NAMES + listed))
    result = ingest([SourceFile(name, data)], cfg)
    manifest = result.manifest()
    # nothing lost: every non-blank row is accepted or rejected
    offered = sum(1 for r in rows if any(v.strip() for v in r))
    assert manifest["notes_offered"] == manifest["notes_accepted"] + manifest["notes_rejected"]
    if not result.files[0].error:
        assert manifest["notes_offered"] == offered
    out = tmp_path_factory.mktemp("run")
    processed, reports = out / "processed", out / "reports"
    io.write_ingest_outputs(result, processed / "notes.csv", cfg)
    if result.ok:
        try:
            analysis = analyse_seminar(result.notes, result.rejects, cfg, nlp=fuzz_nlp)
        except SeminarError as exc:  # e.g. no note has a content word: one message, no traceback
            assert "Fix:" in str(exc)
        else:
            # markup and the placeholders of removed personal data are no words for themes
            labels = " ".join(analysis.themes["label"].astype(str)).lower()
            assert not any(
                word in labels for word in ("alert", "script", "cpr", "navn", "telefon", "e-mail")
            ), labels
            pages = render_seminar_pages(analysis, cfg, extra_method=result.method_lines(cfg))
            io.write_analysis(analysis, pages, cfg, processed, reports)
            io.write_json(manifest, processed / "notes.manifest.json")
    # nothing destroyed: every amount, date, CVR number and postcode of a note read is in notes.csv (or,
    # for a rejected note, in its rejects table) as written
    if not result.files[0].error:
        tables = (processed / "notes.csv").read_text(encoding="utf-8") + (
            processed / "notes.rejects.csv"
        ).read_text(encoding="utf-8")
        for figures in kept:
            for figure in figures:
                assert figure in tables, figure
    published = [
        *_published_texts(processed, reports),
        ("manifest", json.dumps(manifest, ensure_ascii=False)),
    ]
    for secret in found:
        for form in _forms(secret):
            leaks = [
                where
                for where, text in published
                if form in text or (form.islower() and form in text.lower())
            ]
            assert not leaks, f"{form!r} (from {secret!r}) in {leaks}"
