"""Suggestions for the analyst, decisions recorded in the codebook.

And joins carried to another year (tiny tables, offline).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipeline.curation import parse_codebook
from pipeline.curation.decisions import Decision, decision_entries, known_pairs
from pipeline.curation.record import record_decisions
from pipeline.curation.suggest import suggest, suggestion_id
from tests.helpers import decision_of

AREA = "Social omsorg"


def _tables(year: int = 2024, phrases=None):
    """A theme 'Unge' (groups 1 and 4) and one-group key phrases of groups 2, 3 and 5."""
    phrases = phrases or [
        (1, "unge", "ung", 0),
        (4, "unge frivillige", "ung frivillig", 0),
        (5, "kommende generationer", "kommende generation", -1),
        (2, "koordinering af frivillige", "koordinering frivillig", -1),
        (3, "retningslinjer for frivillige", "retningslinje frivillig", -1),
    ]
    statements, units = [], []
    for i, (group, text, lemmas, theme) in enumerate(phrases):
        sid = f"{year % 100:02d}{i:010x}-00"
        statements.append(
            {
                "statement_id": sid,
                "text": f"Vi taler om {text}.",
                "tokens": text,
                "lemmas": lemmas,
                "group": group,
                "core_area": AREA,
            }
        )
        units.append(
            {
                "unit_id": f"{sid}-u0",
                "statement_id": sid,
                "core_area": AREA,
                "group": group,
                "text": text,
                "lemmas": lemmas,
                "theme": theme,
                "year": year,
            }
        )
    units = pd.DataFrame(units)
    in_theme = units[units["theme"] == 0]
    themes = pd.DataFrame(
        [
            {
                "core_area": AREA,
                "topic": 0,
                "label": "Unge",
                "theme_key": f"k{year}",
                "units": " ".join(in_theme["unit_id"]),
                "groups": " ".join(str(g) for g in sorted(in_theme["group"])),
            }
        ]
    )
    return themes, units, pd.DataFrame(statements)


def _embed(texts: list[str]) -> np.ndarray:
    """A fake embedder: young people and generations are near, volunteers' organisation near each other."""
    axes = {"unge": 0, "generationer": 0, "koordinering": 1, "retningslinjer": 1}
    out = np.zeros((len(texts), 3))
    for i, t in enumerate(texts):
        for w in t.split():
            out[i, axes.get(w, 2)] += 1
    return out


def test_suggestions_rank_the_near_pairs_first_with_a_reason_and_a_quote_from_each_side():
    themes, units, statements = _tables()
    out = suggest(themes, units, statements, embed=_embed)
    assert len(out) <= 25 and out["id"].is_unique
    top = {frozenset((r.theme, r.other)): r for r in out.head(2).itertuples()}
    assert set(top) == {
        frozenset(("Unge", "kommende generationer")),
        frozenset(("koordinering af frivillige", "retningslinjer for frivillige")),
    }
    young = top[frozenset(("Unge", "kommende generationer"))]
    assert young.kind == "move" and young.theme == "Unge"  # a key phrase into a theme
    assert (
        "E5" in young.reason
        and young.theme_quote.startswith("Vi taler om")
        and young.other_quote.startswith("Vi taler om")
    )


def test_ids_are_stable_whatever_the_row_order_and_decided_ones_are_not_proposed_again():
    themes, units, statements = _tables()
    out = suggest(themes, units, statements, embed=_embed)
    again = suggest(
        themes,
        units.iloc[::-1].reset_index(drop=True),
        statements.iloc[::-1].reset_index(drop=True),
        embed=_embed,
    )
    assert list(out["id"]) == list(again["id"])
    assert suggestion_id(AREA, "a b", "c") == suggestion_id(AREA, "c", "a b")
    fewer = suggest(themes, units, statements, embed=_embed, decided=[out["id"].iloc[0]])
    assert out["id"].iloc[0] not in set(fewer["id"]) and len(fewer) == len(out) - 1
    assert len(suggest(themes, units, statements, embed=_embed, limit=1)) == 1


def test_accepted_suggestions_become_ordinary_merges_and_moves_named_from_both_sides():
    themes, units, statements = _tables()
    rows = suggest(themes, units, statements, embed=_embed).to_dict("records")
    young = next(r for r in rows if {r["theme"], r["other"]} == {"Unge", "kommende generationer"})
    volunteers = next(
        r
        for r in rows
        if "koordinering af frivillige" in (r["theme"], r["other"])
        and "retningslinjer for frivillige" in (r["theme"], r["other"])
    )
    entries, log = decision_entries(
        [decision_of(young), decision_of(volunteers), decision_of(rows[-1], accept=False)],
        themes,
        units,
        statements,
    )
    assert all(r["applied"] for r in log) and len(log) == 2
    theme_entry = next(e for e in entries if e.key == "k2024")
    assert theme_entry.name == "Unge og kommende generationer" and theme_entry.confirm
    assert theme_entry.pin == (units.loc[units["group"] == 5, "unit_id"].item(),)
    new = next(e for e in entries if e.is_new)
    assert new.name == "Koordinering af frivillige og retningslinjer for frivillige" and len(new.pin) == 2
    assert (AREA, young["theme_words"], young["other_words"]) in known_pairs([decision_of(young)])


def test_a_2025_run_applies_every_2024_join_whose_words_occur_in_2025():
    themes, units, statements = _tables()
    rows = suggest(themes, units, statements, embed=_embed).to_dict("records")
    true = [
        r
        for r in rows
        if {r["theme"], r["other"]}
        in (
            {"Unge", "kommende generationer"},
            {"koordinering af frivillige", "retningslinjer for frivillige"},
        )
    ]
    joins = [decision_of(r, source="kodebog 2024") for r in true]
    # 2025 (invented): the same points in other groups' words, and no 'retningslinjer' at all
    themes25, units25, statements25 = _tables(
        2025,
        [
            (2, "unge", "ung", 0),
            (3, "unge mennesker", "ung menneske", 0),
            (1, "de kommende generationer", "kommende generation", -1),
            (4, "koordinering af frivillige", "koordinering frivillig", -1),
        ],
    )
    entries, log = decision_entries(joins, themes25, units25, statements25)
    words25 = set(" ".join(units25["lemmas"]).split())
    occurs = {r["id"] for r in true if set((r["theme_words"] + " " + r["other_words"]).split()) <= words25}
    assert len(occurs) == 1 and {r["id"] for r in log if r["applied"]} == occurs
    assert all(r["source"] == "kodebog 2024" for r in log)
    young = next(e for e in entries if e.key == "k2025")
    assert young.pin == (units25.loc[units25["group"] == 1, "unit_id"].item(),)


def test_decisions_are_recorded_in_a_new_yaml_codebook_and_read_back(tmp_path):
    themes, units, statements = _tables()
    rows = suggest(themes, units, statements, embed=_embed).to_dict("records")
    path = tmp_path / "codebook.yaml"
    record_decisions(path, rows[:1], accept=False)
    record_decisions(path, rows[:2], accept=True)  # taken again: the later decision holds
    book = parse_codebook(path.read_text(encoding="utf-8"), str(path))
    assert [(d.id, d.accept) for d in book.decisions] == [(rows[0]["id"], True), (rows[1]["id"], True)]
    assert book.decisions[0].theme_words == rows[0]["theme_words"] and book.entries == ()


def test_decisions_in_an_excel_codebook_go_to_its_sheet_forslag_and_read_back(tmp_path):
    from openpyxl import Workbook

    from pipeline.curation.excel import THEMES_SHEET, parse_codebook_xlsx
    from pipeline.curation.excel_read import THEME_HEADERS

    themes, units, statements = _tables()
    rows = suggest(themes, units, statements, embed=_embed).astype(str).to_dict("records")
    wb = Workbook()
    wb.active.title = THEMES_SHEET
    wb.active.append(list(THEME_HEADERS))
    path = tmp_path / "codebook.xlsx"
    wb.save(path)
    record_decisions(path, rows[:1], accept=True)
    record_decisions(path, rows[1:2], accept=False)
    book = parse_codebook_xlsx(path.read_bytes(), str(path))
    assert [(d.id, d.accept, d.other_words) for d in book.decisions] == [
        (rows[0]["id"], True, rows[0]["other_words"]),
        (rows[1]["id"], False, rows[1]["other_words"]),
    ]


def test_the_next_run_counts_both_sides_names_the_theme_from_both_and_marks_it_curated(
    analysis_2024, cfg_2024, danish_nlp
):
    from pipeline.curation import Codebook
    from pipeline.flows import curate_analysis
    from pipeline.report.workbook import build_themes_workbook, themes_frame

    from pipeline.themes.points import label_lemmas

    themes = analysis_2024.themes
    pairs = [
        (a, b)
        for a in themes[themes["recurring"]].itertuples()
        for b in themes[themes["n_groups"] == 1].itertuples()
        if a.core_area == b.core_area and not set(b.groups.split()) & set(a.groups.split())
    ]
    young, other = (t._asdict() for t in pairs[0])
    lemma_of = dict(
        zip(
            " ".join(analysis_2024.statements["tokens"]).lower().split(),
            " ".join(analysis_2024.statements["lemmas"]).split(),
            strict=False,
        )
    )
    words = [label_lemmas(t["label"], lemma_of) for t in (young, other)]
    area = young["core_area"]
    decision = Decision(
        "0123abcd",
        area,
        "merge",
        True,
        young["label"],
        other["label"],
        *words,
        young["theme_key"],
        other["theme_key"],
    )
    curated = curate_analysis(
        analysis_2024, cfg_2024, Codebook("codebook.yaml", decisions=(decision,)), nlp=danish_nlp
    )
    row = curated.themes[curated.themes["codebook_key"].str.startswith("forslag-")].iloc[0]
    assert set(row["groups"].split()) == set(young["groups"].split()) | set(other["groups"].split())
    assert (
        row["label"] == f"{young['label']} og {other['label'][:1].lower()}{other['label'][1:]}"
        and row["curated"]
    )
    labels = set(curated.themes.loc[curated.themes["core_area"] == area, "label"])
    assert young["label"] not in labels and other["label"] not in labels
    # the analyst's sheet Forslag in temaer.xlsx
    rows = suggest(analysis_2024.themes, analysis_2024.units, analysis_2024.statements)
    from dataclasses import replace

    sheet = themes_frame(
        build_themes_workbook(
            replace(analysis_2024, suggestions=rows), cfg_2024, recurring_from=cfg_2024.themes.min_groups
        ),
        "Forslag",
    )
    assert list(sheet["Id"]) == list(rows["id"]) and len(sheet) <= 25


def test_compare_matching_takes_the_known_same_point_pairs():
    from pipeline.compare.match import PointEvidence, says_same

    a = PointEvidence(2024, AREA, 0, "Unge", ("ung",), "ung")
    b = PointEvidence(2025, AREA, 3, "Kommende generationer", ("kommende generation",), "kommende generation")
    decision = Decision(
        "0123abcd", AREA, "merge", True, "Unge", "Kommende generationer", "ung", "kommende generation"
    )
    assert not says_same(a, b).same
    assert says_same(a, b, known_pairs([decision])).same and says_same(b, a, known_pairs([decision])).same
    assert not says_same(a, b, known_pairs([decision], accepted=False)).same


def test_curate_accept_and_reject_from_the_command_line(tmp_path):

    from tests.conftest import TINY_TOML

    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "seminar.toml").write_text(TINY_TOML, encoding="utf-8")
    themes, units, statements = _tables()
    rows = suggest(themes, units, statements, embed=_embed)
    (tmp_path / "data" / "processed" / "2025").mkdir(parents=True)
    rows.to_csv(tmp_path / "data" / "processed" / "2025" / "suggestions.csv", index=False)
    from tests.helpers import seminar_main

    def run(*args):
        return seminar_main(["curate", *args, "--config", "raw/seminar.toml"], tmp_path)

    accepted = run("accept", rows["id"].iloc[0])
    rejected = run("reject", rows["id"].iloc[1])
    assert accepted.returncode == 0 and rejected.returncode == 0, accepted.stderr + rejected.stderr
    book = parse_codebook((tmp_path / "raw" / "codebook.yaml").read_text(encoding="utf-8"))
    assert [(d.id, d.accept) for d in book.decisions] == [
        (rows["id"].iloc[0], True),
        (rows["id"].iloc[1], False),
    ]
    unknown = run("accept", "ffffffff")
    assert unknown.returncode != 0 and "ffffffff" in unknown.stderr and "Traceback" not in unknown.stderr


def test_suggestions_are_on_the_analysts_area_page_and_never_in_the_committee_overview(
    analysis_2024, cfg_2024
):
    from dataclasses import replace

    from pipeline.report.blocks import block_text, walk
    from pipeline.report.context import build_area_context
    from pipeline.report.overview import overview_page
    from pipeline.report.pages import area_page

    rows = suggest(analysis_2024.themes, analysis_2024.units, analysis_2024.statements)
    analysis = replace(analysis_2024, suggestions=rows)
    area = rows["core_area"].iloc[0]
    text = lambda page: " ".join(block_text(b) for b in walk(page.blocks))  # noqa: E731
    assert rows["id"].iloc[0] in text(
        area_page(build_area_context(analysis, cfg_2024, area, recurring_from=cfg_2024.themes.min_groups))
    )
    committee = text(overview_page(analysis, cfg_2024, recurring_from=cfg_2024.themes.min_groups))
    assert not any(i in committee for i in rows["id"]) and "Forslag" not in committee


def test_a_run_knows_the_decisions_of_the_other_years_codebooks(tmp_path):
    from pipeline import io
    from tests.conftest import TINY_TOML

    themes, units, statements = _tables()
    rows = suggest(themes, units, statements, embed=_embed).to_dict("records")
    for year in (2024, 2025):
        (tmp_path / str(year)).mkdir()
        (tmp_path / str(year) / "seminar.toml").write_text(
            TINY_TOML.replace("year = 2025", f"year = {year}"), encoding="utf-8"
        )
    record_decisions(tmp_path / "2024" / "codebook.yaml", rows[:1], accept=True)
    record_decisions(tmp_path / "2024" / "codebook.yaml", rows[1:2], accept=False)
    cfg = io.read_config(tmp_path / "2025" / "seminar.toml")
    known = io.read_known_decisions(cfg)
    assert [(d.id, d.accept, d.source) for d in known] == [
        (rows[0]["id"], True, "kodebog 2024"),
        (rows[1]["id"], False, "kodebog 2024"),
    ]
    (tmp_path / "2025" / "seminar.toml").write_text(
        TINY_TOML + "\n[themes]\ncodebook_years = []\n", encoding="utf-8"
    )
    assert io.read_known_decisions(io.read_config(tmp_path / "2025" / "seminar.toml")) == ()


def test_a_side_of_only_a_stance_or_an_empty_noun_is_never_proposed():
    """ "Nej" of two groups is the stance line's; "folk" names no point: neither is a pair to join."""
    phrases = [
        (1, "unge", "ung", 0),
        (4, "unge frivillige", "ung frivillig", 0),
        (2, "Nej", "nej", -1),
        (3, "Nej", "nej", -1),
        (5, "folk", "folk", -1),
        (2, "folk", "folk", -1),
        (5, "kommende generationer", "kommende generation", -1),
    ]
    themes, units, statements = _tables(phrases=phrases)
    out = suggest(themes, units, statements, embed=_embed)
    shown = set(out["theme"]) | set(out["other"])
    assert "Nej" not in shown and "folk" not in shown and "kommende generationer" in shown


def test_a_side_of_only_the_area_s_setting_is_never_proposed(monkeypatch):
    """A word the theme stage finds names no point in the area (its setting, a word spread over every
    area: :func:`pipeline.themes.points.empty_words`) names none as a suggestion's side either."""
    import pipeline.themes.points as points

    themes, units, statements = _tables()
    units = units.assign(
        start=0, end=units["text"].str.split().str.len()
    )  # a run's key phrases have their spans
    shown = lambda out: set(out["other"]) | set(out["theme"])  # noqa: E731
    assert "kommende generationer" in shown(suggest(themes, units, statements, embed=_embed))
    monkeypatch.setattr(points, "empty_words", lambda u, s: {AREA: frozenset({"kommende", "generation"})})
    assert "kommende generationer" not in shown(suggest(themes, units, statements, embed=_embed))


def test_an_id_is_never_digits_only_so_the_privacy_filter_never_takes_it_for_a_phone_number():
    from pipeline.privacy.redactor import Redactor

    ids = {suggestion_id(AREA, f"ord{i}", "andet") for i in range(400)}
    assert len(ids) == 400 and all(len(i) == 8 for i in ids)
    assert not any(i.isdigit() for i in ids)
    # the ids that would have been digits only (about one in 43) start with a letter no hex id has
    renamed = [i for i in ids if i[0] in "ghijklmnop"]
    assert renamed and all(i[1:].isdigit() for i in renamed)
    assert all(Redactor().redact(f"Forslag {i} accepteret")[0] == f"Forslag {i} accepteret" for i in ids)
    # and the table of suggestions takes such an id
    from pipeline.schemas import Suggestions, validate

    themes, units, statements = _tables()
    out = suggest(themes, units, statements, embed=_embed)
    out.loc[0, "id"] = renamed[0]
    assert validate(out, Suggestions)["id"].iloc[0] == renamed[0]


def _themes_of(units: pd.DataFrame, labels: dict[int, str]) -> pd.DataFrame:
    """The themes of ``units`` (one row per theme number ≥ 0), labelled by ``labels``."""
    from pipeline.themes.describe import theme_key

    rows = []
    for topic, part in units[units["theme"] >= 0].groupby("theme"):
        rows.append(
            {
                "core_area": AREA,
                "topic": int(topic),
                "label": labels[int(topic)],
                "theme_key": theme_key(AREA, part["lemmas"]),
                "units": " ".join(part["unit_id"]),
                "groups": " ".join(str(g) for g in sorted(part["group"])),
            }
        )
    return pd.DataFrame(rows)


def test_a_join_decided_on_a_curated_theme_finds_that_theme_by_its_key_not_every_theme_sharing_a_word():
    """The analyst's second round names "Sårbare unge og sårbare borgere" (joined in the first) by
    its key: the join takes those two themes and the new side, not the theme "Borgere" whose word
    the joined label also has."""
    from pipeline.themes.describe import theme_key

    phrases = [
        (1, "sårbare unge", "sårbar ung", 0),
        (2, "sårbare borgere", "sårbar borger", 1),
        (3, "borgere", "borger", 2),
        (5, "borgere", "borger", 2),
        (4, "unge", "ung", -1),
    ]
    _, units, statements = _tables(phrases=phrases)
    themes = _themes_of(units, {0: "Sårbare unge", 1: "Sårbare borgere", 2: "Borgere"})
    key = dict(zip(themes["label"], themes["theme_key"], strict=True))
    first = Decision(
        "r1", AREA, "merge", True, "Sårbare unge", "Sårbare borgere", "sårbar ung", "sårbar borger",
        key["Sårbare unge"], key["Sårbare borgere"],
    )  # fmt: skip
    joined_key = theme_key(AREA, units.loc[units["theme"].isin([0, 1]), "lemmas"])
    young = units.loc[units["group"] == 4, "unit_id"].item()
    second = Decision(
        "r2", AREA, "move", True, "Sårbare unge og sårbare borgere", "unge", "sårbar ung sårbar borger",
        "ung", joined_key, young,
    )  # fmt: skip
    entries, log = decision_entries([first, second], themes, units, statements)
    assert all(r["applied"] for r in log)
    root = next(e for e in entries if e.key == key["Sårbare unge"])
    assert root.pin == (young,)
    assert {e.key for e in entries if e.merge_into == root.id} == {key["Sårbare borgere"]}
    assert not any(e.key == key["Borgere"] for e in entries)


def test_a_side_that_only_judges_how_hard_or_big_is_never_proposed():
    """ "svært spørgsmål" and "kæmpe problem" say how hard or big, not what: no point to join."""
    phrases = [
        (1, "unge", "ung", 0),
        (4, "unge frivillige", "ung frivillig", 0),
        (2, "svært spørgsmål", "svær spørgsmål", -1),
        (3, "kæmpe problem", "kæmpe problem", -1),
        (5, "kommende generationer", "kommende generation", -1),
        (2, "svære vilkår", "svær vilkår", -1),
    ]
    themes, units, statements = _tables(phrases=phrases)
    out = suggest(themes, units, statements, embed=_embed)
    shown = set(out["theme"]) | set(out["other"])
    assert not shown & {"svært spørgsmål", "kæmpe problem"}
    assert {"kommende generationer", "svære vilkår"} <= shown  # a judgement of something is a side


def test_two_groups_bare_general_noun_is_compared_by_what_their_statements_say_of_it():
    """Two groups' bare "plads" ("plads til os alle", "plads til religion") are not identical:
    compared by the words around them they are not ranked above a pair that is near."""
    phrases = [
        (1, "unge", "ung", 0),
        (4, "unge frivillige", "ung frivillig", 0),
        (5, "kommende generationer", "kommende generation", -1),
        (2, "plads", "plads", -1),
        (3, "plads", "plads", -1),
    ]
    themes, units, statements = _tables(phrases=phrases)
    said = {2: "der skal være plads til os alle sammen", 3: "der skal være plads til en religion"}
    for g, text in said.items():
        statements.loc[statements["group"] == g, "tokens"] = text
    units = units.assign(start=0, end=1)
    units.loc[units["group"].isin(said), ["start", "end"]] = [3, 4]  # "plads" in its statement

    def embed(texts):
        axes = {"unge": 0, "generationer": 0, "alle": 1, "religion": 2}
        out = np.zeros((len(texts), 4))
        for i, t in enumerate(texts):
            for w in t.split():
                out[i, axes.get(w, 3)] += 1
        return out

    out = suggest(themes, units, statements, embed=embed)
    assert {out["theme"].iloc[0], out["other"].iloc[0]} == {"Unge", "kommende generationer"}


def test_two_sides_that_are_only_a_word_the_theme_stage_took_apart_are_not_proposed():
    """Two groups' "dagpengereform" (one glad of it, one against: the theme stage took the word apart)
    are not proposed by that word alone; sides that say more of it still are."""
    from pipeline.curation.apart import words_apart

    phrases = [
        (1, "unge", "ung", 0),
        (4, "unge frivillige", "ung frivillig", 0),
        (2, "dagpengereform", "dagpengereform", -1),
        (3, "dagpengereform", "dagpengereform", -1),
        (5, "dagpengereformens genoptjening", "dagpengereform genoptjening", -1),
        (1, "genoptjening i dagpengereformen", "genoptjening dagpengereform", -1),
    ]
    themes, units, statements = _tables(phrases=phrases)
    quality = {"words_apart": {AREA: [{"word": "dagpengereform", "heading": "dagpengereform", "groups": []}]}}
    apart = words_apart(quality)
    assert apart == {AREA: frozenset({"dagpengereform"})}

    def pairs(out):
        return {frozenset([a, b]) for a, b in zip(out["theme"], out["other"], strict=True)}

    bare = frozenset(["dagpengereform"])
    assert bare in pairs(suggest(themes, units, statements, embed=_embed))  # without the record
    shown = pairs(suggest(themes, units, statements, embed=_embed, apart=apart))
    assert bare not in shown
    assert frozenset(["dagpengereformens genoptjening", "genoptjening i dagpengereformen"]) in shown
    assert frozenset(["dagpengereform", "dagpengereformens genoptjening"]) in shown  # says more


def test_only_words_the_parse_took_apart_keep_sides_apart_not_a_general_noun_alone():
    """ "virksomheder" and "plads" are taken apart because the word alone names no point, not because
    the groups' statements differ: their sides are compared by their contexts and left to the analyst."""
    from pipeline.curation.apart import words_apart

    quality = {
        "words_apart": {
            "Læring": [{"word": "intervention", "heading": "tiltag / løsning"}],
            AREA: [{"word": "virksomhed"}, {"word": "dagpengereform", "heading": "dagpengereform / reform"}],
        }
    }
    assert words_apart(quality) == {AREA: frozenset({"dagpengereform", "reform"})}
    assert words_apart({}) == {} and words_apart(None) == {}


def test_curate_accept_takes_an_id_from_the_excel_codebook_s_sheet_before_any_run(tmp_path):
    """`curate init --xlsx` lists the suggestions in the codebook's sheet Forslag before any run wrote
    suggestions.csv: the analyst accepts an id read there from the command line."""
    from openpyxl import Workbook

    from pipeline.curation.excel import THEMES_SHEET, parse_codebook_xlsx
    from pipeline.curation.excel_read import THEME_HEADERS
    from pipeline.curation.record import suggestions_sheet
    from tests.conftest import TINY_TOML
    from tests.helpers import seminar_main

    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "seminar.toml").write_text(TINY_TOML, encoding="utf-8")
    themes, units, statements = _tables()
    rows = suggest(themes, units, statements, embed=_embed).astype(str).to_dict("records")
    wb = Workbook()
    wb.active.title = THEMES_SHEET
    wb.active.append(list(THEME_HEADERS))
    suggestions_sheet(wb, rows)  # as `curate init --xlsx` writes it: no decision yet
    path = tmp_path / "raw" / "codebook.xlsx"
    wb.save(path)
    done = seminar_main(["curate", "accept", rows[0]["id"], "--config", "raw/seminar.toml"], tmp_path)
    assert done.returncode == 0, done.stderr
    book = parse_codebook_xlsx(path.read_bytes(), str(path))
    assert [(d.id, d.accept, d.theme_key, d.other_words) for d in book.decisions] == [
        (rows[0]["id"], True, rows[0]["theme_key"], rows[0]["other_words"])
    ]
    unknown = seminar_main(["curate", "reject", "ffffffff", "--config", "raw/seminar.toml"], tmp_path)
    assert unknown.returncode != 0 and rows[0]["id"] in unknown.stderr and "Traceback" not in unknown.stderr


def test_a_theme_of_only_the_question_s_words_is_no_side_but_a_given_option_is():
    """The theme 'Unge' only repeats the question's word: "kommende generationer" joined into it
    would be counted for the groups that only wrote "unge". A given option of the question is a side."""
    themes, units, statements = _tables()
    themes["restates_question"] = True
    out = suggest(themes, units, statements, embed=_embed)
    assert "Unge" not in set(out["theme"]) | set(out["other"])
    out = suggest(themes, units, statements, embed=_embed, options={AREA: frozenset({0})})
    assert "Unge" in set(out["theme"]) | set(out["other"])
