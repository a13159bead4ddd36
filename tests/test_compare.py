"""Year over year on each year's own pages.

The 2024 notes, the invented 2025 example and a small invented 2026 year.

``tests/data/compare-2026-invented/`` is invented test data (see its README), as is
``data/raw/2025-illustrative/``.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pandas as pd
import pytest

from pipeline import io
from pipeline.compare import OVERALL, CompareParams, PointEvidence, match_points, same_point, status_of
from pipeline.config import CompareConfig
from pipeline.report.wording import da_list
from pipeline.schemas import ComparisonQuotes, Matches, Prevalence, Status
from tests.conftest import ROOT
from tests.helpers import seminar, seminar_main

CFG_2024 = ROOT / "data/raw/2024/seminar.toml"
CFG_2025 = ROOT / "data/raw/2025-illustrative/seminar.toml"
CFG_2026 = ROOT / "tests/data/compare-2026-invented/seminar.toml"

# (core area, the theme's label on the 2025 page, status); see data/raw/2025-illustrative/README.md.
# "Cyberangreb" is new: 2024 group 3 wrote "behovet for IT-sikkerhed", not of cyber attacks (the
# 2025 page joins "It-sikkerhed" into "Cyberangreb", the same four statements, so no 2025 row
# names it-sikkerhed).
PLANTED = [
    ("Beskæftigelse", "Udenlandske medarbejdere", "ny"),
    ("Økonomi, Personale og IT", "Cyberangreb", "ny"),
    ("Vækst, Teknik og Fællesskab", "Klimatilpasning", "ny"),
    ("Social omsorg", "Demens", "ny"),
    ("Læring", "Anbringelser", "vedvarende"),
    ("Vækst, Teknik og Fællesskab", "Infrastruktur", "vedvarende"),
]


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """``seminar compare --years 2024 2025 2026`` in an empty folder (every year is analysed first and its
    pages written), then ``seminar compare --base 2024 --target 2025``, which reuses the stored pages."""
    cwd = tmp_path_factory.mktemp("compare")
    three = seminar(
        ["compare", "--years", "2024", "2025", "2026", "-c", CFG_2024, "-c", CFG_2025, "-c", CFG_2026],
        cwd,
        timeout=1800,
    )
    assert three.returncode == 0, three.stderr
    pair = seminar(
        ["compare", "--base", "2024", "--target", "2025", "-c", CFG_2024, "-c", CFG_2025], cwd, timeout=1800
    )
    assert pair.returncode == 0, pair.stderr
    return cwd, three, pair


def _tables(cwd: Path, name: str) -> dict[str, pd.DataFrame]:
    folder = cwd / "data" / "processed" / name
    schemas = {"prevalence": Prevalence, "status": Status, "quotes": ComparisonQuotes, "matches": Matches}
    return {n: io.read_table(folder / f"{n}.csv", s) for n, s in schemas.items()}


class _Ids(HTMLParser):
    """The text of every element with an id, and every link."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: dict[str, list[str]] = {}
        self.open: list[tuple[str, str]] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("href"):
            self.links.append(attrs["href"])
        if tag in {"br", "img", "meta", "link", "input", "hr"}:
            return
        self.open.append((tag, attrs.get("id") or ""))
        if attrs.get("id"):
            self.ids.setdefault(attrs["id"], [])

    def handle_endtag(self, tag):
        while self.open:
            t, _ = self.open.pop()
            if t == tag:
                break

    def handle_data(self, data):
        for _, i in self.open:
            if i:
                self.ids[i].append(data)


def _parse(path: Path) -> _Ids:
    p = _Ids()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def _element_text(path: Path, anchor: str) -> str:
    ids = _parse(path).ids
    assert anchor in ids, (path.name, anchor)
    text = " ".join("".join(ids[anchor]).split())
    if len(text) < 20:  # an empty anchor marks a place in a list item: read the whole item's text
        page = path.read_text(encoding="utf-8")
        # a group's line of one-group themes names the group once, before its themes' anchors
        place = page.index(f'id="{anchor}"')
        at = max(page.rfind("<li>", 0, place), page.rfind("<tr>", 0, place))
        end = min(e for e in (page.find("</li>", place), page.find("</tr>", place)) if e >= 0)
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page[at:end])).split())
    return text


@pytest.mark.slow  # analyses three years through the command (the module's runs fixture)
def test_every_area_count_is_the_count_on_the_year_page(runs):
    cwd, _, _ = runs
    prev = _tables(cwd, "compare_2024_2025")["prevalence"]
    themes = {
        y: io.read_table(cwd / "data" / "processed" / str(y) / "themes.csv", io.ANALYSIS_TABLES["themes"])
        for y in (2024, 2025)
    }
    rows = prev[(prev["core_area"] != OVERALL) & (prev["topics"] != "")]
    assert len(rows) >= 40
    for r in rows.itertuples():
        topics = [int(t) for t in r.topics.split()]
        page = themes[r.year][themes[r.year]["topic"].isin(topics)]
        groups = sorted({int(g) for gs in page["groups"] for g in gs.split()})
        assert r.n_groups == len(groups) and r.groups.split() == [str(g) for g in groups], r
        if len(topics) == 1:
            assert r.n_groups == int(page["n_groups"].iloc[0]), r
        for topic, href in zip(topics, r.href.split(), strict=True):
            file, _, anchor = href.partition("#")
            shown = page[page["topic"] == topic].iloc[0]
            if anchor:  # the theme's own place on the page lists its groups
                text = _element_text(cwd / "reports" / file, anchor)
                listed = da_list(
                    shown["groups"].split()
                )  # a theme's section, or a given option's row ("gr.")
                text = text.lower()  # "Gruppe 4:" leads a group's line
                assert f"gruppe {listed}" in text or f"gr. {listed})" in text, (r.label, text)
            else:  # a theme restating the area is counted in the page's synthesis
                assert f"{shown['n_groups']} af {shown['n_groups_total']} grupper" in (
                    cwd / "reports" / file
                ).read_text(encoding="utf-8")


@pytest.mark.slow  # analyses three years through the command (the module's runs fixture)
def test_no_area_lists_a_label_twice(runs):
    cwd, _, _ = runs
    for name in ("compare_2024_2025", "compare_2024_2025_2026"):
        status = _tables(cwd, name)["status"]
        dup = status[status.duplicated(["core_area", "label"], keep=False)]
        assert dup.empty, dup[["core_area", "label"]]


# Once a known miss of the theme stage: 2024 group 5's "styrkelse af kvaliteten i anbringelser" was read as a
# place ("i anbringelser"); an "anbringelse" names no place (pipeline.danish.places), so the 2024 page counts
# 4 groups and the planted "vedvarende" (4 → 5) holds.
KNOWN_MISS = ("Læring", "Anbringelser")


@pytest.mark.slow  # analyses three years through the command (the module's runs fixture)
def test_the_known_miss_of_the_planted_changes(runs):
    cwd, _, _ = runs
    status = _tables(cwd, "compare_2024_2025")["status"]
    got = {(r.core_area, part): r.status for r in status.itertuples() for part in r.label.split(" / ")}
    assert got.get(KNOWN_MISS) == dict(((a, lab), e) for a, lab, e in PLANTED)[KNOWN_MISS]


@pytest.mark.slow  # analyses three years through the command (the module's runs fixture)
def test_planted_changes_and_statuses_follow_the_rule(runs):
    cwd, _, _ = runs
    status = _tables(cwd, "compare_2024_2025")["status"]
    got = {(r.core_area, part): r.status for r in status.itertuples() for part in r.label.split(" / ")}
    for area, label, expected in PLANTED:
        if (area, label) == KNOWN_MISS:
            continue
        assert got.get((area, label)) == expected, (area, label, got.get((area, label)))
    # fleksibilitet (three 2024 groups) shrinks to the one 2025 group that writes "fleksible job" (the bare
    # general noun "job" of two 2025 groups is no point: each group's own words are its theme)
    assert got[("Beskæftigelse", "Fleksible job")] == "aftagende"
    prev = _tables(cwd, "compare_2024_2025")["prevalence"].set_index(["point", "year"])
    for r in status.itertuples():
        b, t = prev.loc[(r.point, 2024)], prev.loc[(r.point, 2025)]
        assert (r.base_groups, r.target_groups) == (b["n_groups"], t["n_groups"])
        rule = status_of(b["n_groups"], t["n_groups"], b["share_groups"], t["share_groups"], CompareParams())
        if r.written_inside:  # the zero year's groups write the word inside another word
            rule = {"ny": "voksende", "forsvundet": "aftagende"}.get(rule, rule)
        assert r.status == rule


@pytest.mark.slow  # analyses three years through the command (the module's runs fixture)
def test_every_relative_link_of_the_comparison_pages_opens(runs):
    cwd, _, _ = runs
    for name in ("compare_2024_2025", "compare_2024_2025_2026"):
        folder = cwd / "reports" / name
        page = folder / "hvad-er-nyt.html"
        links = _parse(page).links
        links += re.findall(r"\]\(([^)\s]+)\)", (folder / "hvad-er-nyt.md").read_text(encoding="utf-8"))
        relative = [h for h in links if not re.match(r"^[a-z]+:", h) and not h.startswith("#")]
        assert len(relative) > 50
        for href in relative:
            file, _, anchor = unquote(href).partition("#")
            target = (folder / file).resolve()
            assert target.is_file(), href
            if anchor:
                assert anchor in _parse(target).ids, href


@pytest.mark.slow  # analyses three years through the command (the module's runs fixture)
def test_the_three_formats_carry_the_same_content_and_the_invented_marker(runs):
    from docx import Document

    cwd, _, _ = runs
    folder = cwd / "reports" / "compare_2024_2025"
    text_html = html.unescape(
        re.sub(r"<[^>]+>", " ", (folder / "hvad-er-nyt.html").read_text(encoding="utf-8"))
    )
    text_md = (folder / "hvad-er-nyt.md").read_text(encoding="utf-8").replace("\\", "")
    doc = Document(str(folder / "hvad-er-nyt.docx"))
    text_docx = "\n".join(
        [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for row in t.rows for c in row.cells]
    )
    for text in (text_html, text_md, text_docx):
        assert "(opdigtet eksempel)" in text and "Forårsseminar (illustrativt)" in text
        for label in _tables(cwd, "compare_2024_2025")["status"]["label"]:
            assert label in text, label


@pytest.mark.slow  # analyses three years through the command (the module's runs fixture)
def test_the_chart_has_a_legend_of_the_years(runs):
    cwd, _, _ = runs
    page = (cwd / "reports" / "compare_2024_2025_2026" / "hvad-er-nyt.html").read_text(encoding="utf-8")
    charts = re.findall(r"Plotly\.newPlot\(\s*\"fig-compare-[^\"]+\",\s*(\[.*?\]),\s*\{", page, flags=re.S)
    assert charts
    for data in charts:
        names = re.findall(r'"name":"(\d{4})"', data)
        assert names == ["2024", "2025", "2026"], names
    for chart in page.split("Plotly.newPlot(")[1:]:
        if chart.lstrip().startswith('"fig-compare-'):
            assert '"showlegend":false' not in chart.split("</script>")[0].replace(" ", "")
    # over more than two years, a small-multiples chart of the points that moved
    # (one panel each, no legend needed)
    assert 'id="fig-forloeb-' in page


@pytest.mark.slow  # analyses three years through the command (the module's runs fixture)
def test_three_years_end_to_end(runs):
    cwd, three, pair = runs
    t = _tables(cwd, "compare_2024_2025_2026")
    assert set(t["prevalence"]["year"]) == {2024, 2025, 2026}
    status = t["status"]
    assert (
        set(status["base_year"]) == {2025}
        and set(status["target_year"]) == {2026}
        and set(status["first_year"]) == {2024}
    )
    got = {(r.core_area, part): r for r in status.itertuples() for part in r.label.split(" / ")}
    demens = got[("Social omsorg", "Demens")]
    assert (
        demens.counts == "0 → 3 → 3" and demens.status == "voksende" and demens.trend == "ny"
    )  # 3 of 5 → 3 of 3
    assert got[("Beskæftigelse", "Udenlandske medarbejdere")].status == "forsvundet"
    assert "Ensomhed" in {
        r.label for r in status.itertuples() if r.core_area == "Social omsorg" and r.status == "ny"
    }
    page = (cwd / "reports" / "compare_2024_2025_2026" / "hvad-er-nyt.md").read_text(encoding="utf-8")
    assert "| Tema | 2024 | 2025 | 2026 | 2025 → 2026 | Over alle år |" in page
    assert "opdigtet testeksempel" in page
    # every year was analysed first and its pages written; the pair then reused them
    for year in (2024, 2025, 2026):
        assert (cwd / "reports" / str(year) / "index.html").is_file()
        assert f"{year}: analysed first" in three.stdout
    assert "analysed first" not in pair.stdout


@pytest.mark.slow  # analyses three years through the command (the module's runs fixture)
def test_the_same_years_give_the_same_bytes(runs):
    cwd, _, _ = runs
    folders = [cwd / "reports" / "compare_2024_2025", cwd / "data" / "processed" / "compare_2024_2025"]
    before = {p: p.read_bytes() for f in folders for p in sorted(f.iterdir()) if p.is_file()}
    again = seminar(
        ["compare", "--base", "2024", "--target", "2025", "-c", CFG_2024, "-c", CFG_2025], cwd, timeout=1800
    )
    assert again.returncode == 0, again.stderr
    after = {p: p.read_bytes() for f in folders for p in sorted(f.iterdir()) if p.is_file()}
    assert after.keys() == before.keys()
    assert [p.name for p in before if before[p] != after[p]] == []


def _point(year, key, label, *phrases, verbs=frozenset()):
    return PointEvidence(year, "A", key, label, tuple(phrases), phrases[0], frozenset(verbs))


def test_same_point_reads_compound_parts_and_derivations():
    a = [
        _point(2024, 0, "Infrastrukturudvikling", "infrastrukturudvikling"),
        _point(2024, 1, "Frivillighed", "frivillighed"),
    ]
    b = [
        _point(2025, 0, "Infrastruktur", "infrastruktur"),
        _point(2025, 1, "Frivillige", "frivillig"),
        _point(2025, 2, "Demens", "demens"),
    ]
    same = same_point(a, b)
    assert same.lexical[0, 0] > 0 and same.lexical[1, 1] > 0  # a compound's part, a derivation
    assert same.lexical[0, 2] == 0 and same.lexical[1, 2] == 0


def test_themes_are_the_same_point_by_the_points_rule_not_by_a_shared_word():
    points = [
        _point(2024, 0, "Koordinering af frivillige", "koordinering frivillig"),
        _point(2024, 1, "Fleksibilitet", "fleksibilitet"),
        _point(2024, 2, "Serviceniveau", "serviceniveau"),
        _point(
            2025, 0, "Koordinere frivillige", "koordinere frivillig", verbs={"koordinere"}
        ),  # a derivation
        _point(2025, 1, "Smidighed", "smidighed"),  # a DanNet synonym, no word in common
        _point(2025, 2, "Det politiske niveau", "politisk niveau"),  # "niveau" shared, the point is another
    ]
    rows, decisions = match_points(points, [2024, 2025], same_point(points, points))
    pairs = {tuple(p.label for ps in r.points.values() for p in ps) for r in rows}
    assert ("Koordinering af frivillige", "Koordinere frivillige") in pairs
    assert ("Fleksibilitet", "Smidighed") in pairs
    assert ("Serviceniveau",) in pairs and ("Det politiske niveau",) in pairs
    reasons = {d["point"].label: (d["matched"], d["reason"]) for d in decisions}
    assert reasons["Smidighed"][0] and "synonym" in reasons["Smidighed"][1]
    assert reasons["Koordinere frivillige"][0] and "derivation" in reasons["Koordinere frivillige"][1]
    assert reasons["Det politiske niveau"][0] is False


def test_a_join_the_analyst_accepted_is_one_row_across_the_years():
    """ "Klarhed omkring opgaverne" and "Retningslinjer for frivillige" share no word.

    They are one row only when a codebook joined them.
    """
    points = [
        _point(2024, 0, "Klarhed omkring opgaverne", "klarhed opgave"),
        _point(2025, 0, "Retningslinjer for frivillige", "retningslinje frivillig"),
    ]
    same = same_point(points, points)
    rows, _ = match_points(points, [2024, 2025], same)
    assert len(rows) == 2
    known = frozenset(
        {
            ("A", "klarhed opgave", "retningslinje frivillig"),
            ("A", "retningslinje frivillig", "klarhed opgave"),
        }
    )
    rows, decisions = match_points(points, [2024, 2025], same, known)
    assert len(rows) == 1 and "kendt fra kodebogen" in decisions[0]["reason"]


def test_matching_is_one_to_one_or_merged_with_the_reason():
    points = [
        _point(2024, 0, "Sårbare unge", "sårbar ung", "sårbar ung"),
        _point(2024, 1, "Unge", "ung", "ung"),
        _point(2024, 2, "Fleksibilitet", "fleksibilitet"),
        _point(2025, 0, "Sårbare unge", "sårbar ung", "inklusion sårbar ung"),
        _point(2025, 1, "Demens", "demens"),
    ]
    same = same_point(points, points)
    rows, decisions = match_points(points, [2024, 2025], same)
    by_label = {tuple(p.label for ps in r.points.values() for p in ps): r for r in rows}
    merged = by_label[("Sårbare unge", "Unge", "Sårbare unge")]
    assert merged.reasons and "lagt sammen" in merged.reasons[0]
    assert ("Fleksibilitet",) in by_label and ("Demens",) in by_label  # nothing in common: not matched
    assert {d["point"].label: d["matched"] for d in decisions}["Demens"] is False


@pytest.mark.parametrize(
    "base, target, expected",
    [
        ((0, 5), (3, 5), "ny"),
        ((3, 5), (0, 5), "forsvundet"),
        ((1, 5), (4, 5), "voksende"),
        ((4, 5), (1, 5), "aftagende"),
        ((4, 5), (5, 5), "vedvarende"),
        ((3, 5), (2, 5), "vedvarende"),
        ((1, 5), (0, 5), "enkeltstående"),
        ((0, 5), (1, 5), "enkeltstående"),
        # large inputs: shares are small, the relative rule decides
        ((10, 47), (1, 35), "aftagende"),
        ((1, 47), (8, 35), "voksende"),
        ((10, 47), (8, 35), "vedvarende"),
    ],
)
def test_status_rules(base, target, expected):
    assert (
        status_of(
            base[0],
            target[0],
            base[0] / base[1],
            target[0] / target[1],
            CompareParams(change=0.3, recurring_from=2),
        )
        == expected
    )


def test_compare_usage_errors_are_one_line(tmp_path):
    for args, words in (
        (["compare", "--years", "2024"], "give two years or more"),
        (["compare", "--years", "2024", "x"], "(not '2024 x')"),
        (["compare", "--years", "2024", "2025", "--base", "2024"], "or --years (not both)"),
        (["compare"], "give --base and --target"),
    ):
        proc = seminar_main(args, tmp_path)
        assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1 and words in proc.stderr, (
            args,
            proc.stderr,
        )
    proc = seminar_main(["compare", "--years", "2024", "2031", "--raw-dir", "nowhere"], tmp_path)
    assert (
        proc.returncode == 1
        and proc.stderr.startswith("error: nowhere: no seminar.toml with year = 2024")
        and "Traceback" not in proc.stderr
    )


def test_rows_that_would_carry_the_same_label_are_merged_with_the_reason():
    from pipeline.compare.match import MatchedRow
    from pipeline.compare.rows import merge_same_labels

    rows = [
        MatchedRow(
            "A",
            {
                2024: [_point(2024, 0, "Ældrepleje", "ældrepleje")],
                2025: [_point(2025, 0, "Ældrepleje", "ældrepleje")],
            },
            [],
        ),
        MatchedRow("A", {2025: [_point(2025, 1, "ældrepleje", "ældre pleje")]}, []),
        MatchedRow("A", {2024: [_point(2024, 2, "Demens", "demens")]}, []),
    ]
    merged = merge_same_labels(rows)
    assert len(merged) == 2
    assert [p.key for p in merged[0].points[2025]] == [0, 1] and "samme navn" in merged[0].reasons[0]


# --- counts from the notes (issue 35) ---------------------------------------------------------------


def _said_words(s) -> set[str]:
    """What a statement writes, read mechanically.

    Its words, their lemmas, the parts of hyphenated words, and each compound's head and (before
    an action noun) its object: "kompetenceudvikling" writes "kompetence".
    """
    from pipeline.danish import is_action_noun
    from pipeline.danish.frame_words import GENERAL_NOUNS
    from pipeline.themes.units import unit_parts

    words = set(s.lemmas.lower().split()) | set(s.tokens.lower().split())
    words |= {p for w in list(words) for p in w.split("-") if p}
    for w in list(words):
        parts = unit_parts(w)
        if len(parts) >= 2:
            words.add(parts[-1])
            if is_action_noun(parts[-1]) or parts[-1] in GENERAL_NOUNS:
                words.add(parts[-2])
    return words


def false_zeros(cwd: Path, name: str, years: tuple[int, ...]) -> list[tuple]:
    """Every zero of a comparison whose label's words a group of that year and area writes in one statement.

    Such a zero would be false.
    """
    from pipeline.danish import STOP_WORDS
    from pipeline.danish.inflection import ARTICLES

    prev = _tables(cwd, name)["prevalence"]
    statements = {
        y: io.read_table(
            cwd / "data" / "processed" / str(y) / "statements.csv", io.ANALYSIS_TABLES["statements"]
        )
        for y in years
    }
    written = {
        y: [(s.core_area, s.group, _said_words(s), s.text) for s in statements[y].itertuples()] for y in years
    }
    lemma_of = {
        y: {
            t: lem
            for toks, lems in zip(statements[y]["tokens"], statements[y]["lemmas"], strict=True)
            for t, lem in zip(toks.lower().split(), lems.split(), strict=False)
        }
        for y in years
    }
    out = []
    for r in prev[prev["n_groups"] == 0].itertuples():
        for label in r.label.split(" / "):
            words = [
                w
                for w in re.findall(r"[\w-]+", label.lower())
                if len(w) > 1 and w not in STOP_WORDS and w not in ARTICLES
            ]
            for area, group, said, text in written[r.year]:
                if (
                    (r.core_area == OVERALL or area == r.core_area)
                    and words
                    and all(w in said or lemma_of[r.year].get(w, w) in said for w in words)
                ):
                    out.append((r.core_area, r.label, r.year, group, text))
    return out


@pytest.mark.slow  # analyses three years through the command (the module's runs fixture)
def test_no_zero_in_the_comparison_is_false(runs):
    cwd, _, _ = runs
    prev = _tables(cwd, "compare_2024_2025")["prevalence"]
    assert (prev["n_groups"] == 0).sum() >= 10
    assert false_zeros(cwd, "compare_2024_2025", (2024, 2025)) == []
    assert false_zeros(cwd, "compare_2024_2025_2026", (2024, 2025, 2026)) == []


@pytest.mark.slow  # analyses three years through the command (the module's runs fixture)
def test_a_point_one_group_raised_counts_one_and_is_quoted(runs):
    cwd, _, _ = runs
    t = _tables(cwd, "compare_2024_2025")
    status, prev, quotes = t["status"], t["prevalence"], t["quotes"]
    # a point one 2024 group raised, with no theme on the 2024 page ("Job": group 2 on work for
    # young people), counts 1
    one = prev[(prev["year"] == 2024) & (prev["topics"] == "") & (prev["n_groups"] == 1)]
    assert len(one) >= 1
    for r in one.itertuples():
        assert status.loc[status["point"] == r.point, "base_groups"].iloc[0] == 1
        assert len(quotes[(quotes["point"] == r.point) & (quotes["year"] == 2024)]) == 1
    # every count without a theme on the page is its quoted groups' count
    for r in prev[(prev["topics"] == "") & (prev["n_groups"] > 0)].itertuples():
        q = quotes[(quotes["point"] == r.point) & (quotes["year"] == r.year)]
        assert len(q) == min(r.n_groups, CompareConfig().n_quotes) and set(q["group"].astype(str)) <= {
            g.rsplit("#", 1)[-1] for g in r.groups.split()
        }, r
    page = (cwd / "reports" / "compare_2024_2025" / "hvad-er-nyt.md").read_text(encoding="utf-8")
    assert (
        "Ingen gruppe nævnte det i 2024." in page
        and "intet tema på årets side for" not in page
        and "intet tværgående tema" not in page
    )


@pytest.mark.slow  # analyses three years through the command (the module's runs fixture)
def test_no_two_rows_of_one_area_rest_on_the_same_statements(runs):
    cwd, _, _ = runs
    prev = _tables(cwd, "compare_2024_2025")["prevalence"]
    for y in (2024, 2025):
        units = io.read_table(cwd / "data" / "processed" / str(y) / "units.csv", io.ANALYSIS_TABLES["units"])
        for area, part in prev[
            (prev["year"] == y) & (prev["topics"] != "") & (prev["core_area"] != OVERALL)
        ].groupby("core_area"):
            evidence = [
                frozenset(units.loc[units["theme"].isin([int(k) for k in r.topics.split()]), "statement_id"])
                for r in part.itertuples()
            ]
            assert len(evidence) == len(set(evidence)), (y, area, list(part["label"]))


def test_a_group_says_a_point_by_the_rule_of_the_year_pages():
    from pipeline.compare.said import groups_saying, year_units

    units = pd.DataFrame(
        {
            "statement_id": ["s1", "s2", "s3", "s4"],
            "core_area": ["A", "A", "A", "B"],
            "group": [1, 2, 3, 1],
            "start": [0, 0, 0, 0],
            "lemmas": ["kompetenceudvikling medarbejder", "ældrepleje", "it-sikkerhed", "kompetence"],
            "text": ["kompetenceudvikling blandt medarbejdere", "ældreplejen", "IT-sikkerhed", "kompetencer"],
        }
    )
    statements = pd.DataFrame(
        {
            "statement_id": ["s1", "s2", "s3", "s4"],
            "lemmas": ["x", "x", "x", "x"],
            "pos": ["NOUN", "NOUN", "NOUN", "NOUN"],
        }
    )
    year = year_units(2025, units, statements)
    assert list(groups_saying(year, "A", ["kompetence"])) == ["1"]  # the object of an action noun is said
    assert (
        groups_saying(year, "A", ["ældre"]) == {}
    )  # a compound's modifier is not: "ældrepleje" says nothing about "ældre"
    assert list(groups_saying(year, "A", ["it-sikkerhed"])) == ["3"]
    assert list(groups_saying(year, OVERALL, ["kompetence"])) == ["A#1", "B#1"]


def test_a_group_whose_sentence_says_a_point_across_its_phrases_said_it():
    """ "sårbare unge og borgere": the sentence says "sårbare borgere".

    No one key phrase does; a zero must be true.
    """
    from pipeline.compare.said import groups_saying, year_units

    units = pd.DataFrame(
        {
            "statement_id": ["s1", "s1", "s2"],
            "core_area": ["A", "A", "A"],
            "group": [5, 5, 2],
            "start": [0, 3, 0],
            "lemmas": ["sårbar ung", "borger", "borger"],
            "text": ["sårbare unge", "borgere", "borgere"],
        }
    )
    statements = pd.DataFrame(
        {
            "statement_id": ["s1", "s2"],
            "core_area": ["A", "A"],
            "group": [5, 2],
            "text": ["om sårbare unge og borgere", "om borgere"],
            "lemmas": ["x", "x"],
            "pos": ["NOUN", "NOUN"],
            "content_lemmas": ["sårbar ung borger", "borger"],
        }
    )
    said = groups_saying(year_units(2025, units, statements), "A", ["sårbar borger"])
    assert list(said) == ["5"] and said["5"].phrase == "om sårbare unge og borgere"
    assert list(groups_saying(year_units(2025, units, statements), "A", ["borger"])) == ["2", "5"]


def test_rows_on_the_same_statements_are_one_row_unless_both_are_given_options():
    from pipeline.compare.match import MatchedRow
    from pipeline.compare.rows import YearTables, merge_same_evidence

    units = pd.DataFrame(
        {"statement_id": ["s1", "s2", "s3", "s4"], "theme": [0, 1, 2, 3], "cross_theme": [-1, -1, -1, -1]}
    )
    units = pd.concat(
        [units, pd.DataFrame({"statement_id": ["s1", "s3"], "theme": [4, 5], "cross_theme": [-1, -1]})]
    )
    empty = pd.DataFrame()
    tables = {2025: YearTables(2025, "", empty, empty, empty, units, empty, 2)}
    rows = [
        MatchedRow("A", {2025: [_point(2025, 0, "Cyberangreb", "cyberangreb")]}, []),
        MatchedRow("A", {2025: [_point(2025, 4, "It-sikkerhed", "it-sikkerhed")]}, []),
        MatchedRow("A", {2025: [_point(2025, 1, "Demens", "demens")]}, []),
        MatchedRow("A", {2025: [_point(2025, 2, "Infrastruktur", "infrastruktur")]}, []),
        MatchedRow("A", {2025: [_point(2025, 5, "Kapacitet", "kapacitet")]}, []),
    ]
    merged = merge_same_evidence(rows, tables, frozenset({"infrastruktur", "kapacitet"}))
    assert [[p.label for p in r.points[2025]] for r in merged] == [
        ["Cyberangreb", "It-sikkerhed"],
        ["Demens"],
        ["Infrastruktur"],
        ["Kapacitet"],
    ]
    assert "de samme udsagn" in merged[0].reasons[0]


@pytest.mark.parametrize(
    "label, expected",
    [
        ("Ældres", "Ældre"),
        ("Demens og på", "Demens"),
        ("Borgernes", "Borger"),
        ("Proces", "Proces"),
        ("Tydelig kommunikation", "Tydelig kommunikation"),
    ],
)
def test_row_labels_are_in_base_form_and_whole(label, expected):
    from pipeline.compare.rows import _base_label

    assert _base_label(label, {"ældres": "ældre", "borgernes": "borger", "proces": "proces"}) == expected


def _page_ids(path: Path) -> set[str]:
    if path.suffix == ".html":
        return set(_parse(path).ids)
    return set(re.findall(r'<a id="([^"]+)"></a>', path.read_text(encoding="utf-8")))


@pytest.mark.slow  # analyses three years through the command (the module's runs fixture)
def test_no_dead_link_or_anchor_in_any_page(runs):
    """Every href of every HTML and Markdown page opens a file, and its anchor is on it.

    Each year's pages and the comparisons.
    """
    cwd, _, _ = runs
    reports = cwd / "reports"
    pages = sorted([*reports.rglob("*.html"), *reports.rglob("*.md")])
    assert {p.parent.name for p in pages} >= {
        "2024",
        "2025",
        "2026",
        "compare_2024_2025",
        "compare_2024_2025_2026",
    }
    ids: dict[Path, set[str]] = {}
    dead, n = [], 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        hrefs = _parse(page).links if page.suffix == ".html" else re.findall(r"\]\(([^)\s]+)\)", text)
        for href in hrefs:
            if re.match(r"^[a-z]+:", href):
                continue
            n += 1
            file, _, anchor = unquote(href).partition("#")
            target = (page.parent / file).resolve() if file else page
            if not target.is_file():
                dead.append((page.relative_to(reports).as_posix(), href))
            elif anchor and target.suffix in (".html", ".md"):
                if anchor not in ids.setdefault(target, _page_ids(target)):
                    dead.append((page.relative_to(reports).as_posix(), href))
    assert n > 1000
    assert dead == []


def test_trajectories_sort_the_points_by_how_much_they_moved():
    from pipeline.compare import Comparison, trajectories
    from pipeline.compare.records import word_prevalence
    from pipeline.compare.tables import MATCH_COLUMNS, PREVALENCE_COLUMNS, QUOTE_COLUMNS, STATUS_COLUMNS

    counts = {"Stabil": (2, 2, 2), "Pandemi": (0, 5, 1), "Stigende": (1, 2, 3)}
    prev = pd.DataFrame(
        [
            word_prevalence(i, label, "A", y, n, 5)
            for i, (label, ns) in enumerate(counts.items())
            for y, n in zip((2020, 2021, 2022), ns, strict=True)
        ],
        columns=PREVALENCE_COLUMNS,
    )
    empty = {
        c: pd.DataFrame(columns=cols)
        for c, cols in (("s", STATUS_COLUMNS), ("q", QUOTE_COLUMNS), ("m", MATCH_COLUMNS))
    }
    paths = trajectories(Comparison((2020, 2021, 2022), 2021, 2022, prev, empty["s"], empty["q"], empty["m"]))
    assert list(dict.fromkeys(paths["label"])) == ["Pandemi", "Stigende", "Stabil"]
    pandemic = paths[paths["label"] == "Pandemi"]
    assert (
        pandemic["n_groups"].tolist() == [0, 5, 1]
        and pandemic["peak_year"].iloc[0] == 2021
        and pandemic["swing"].iloc[0] == 1.0
    )
    assert paths[paths["label"] == "Stigende"]["change"].iloc[0] == 0.4


@pytest.mark.slow  # analyses three years through the command (the module's runs fixture)
def test_the_comparison_is_the_committee_edition(runs):
    cwd, _, _ = runs
    page = (cwd / "reports" / "compare_2024_2025" / "hvad-er-nyt.md").read_text(encoding="utf-8")
    assert page.count("Maskinforslag") == 1 and page.index("Maskinforslag") < page.index(
        "## "
    )  # once, at the top
    for words in ("Til analytikeren", "seminar run", "seminar curate", "kodebog", "kør "):
        assert words not in page, words
