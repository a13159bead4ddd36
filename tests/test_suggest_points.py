"""Suggestions of the kind ``point``: a theme of only the question's words that two or more groups said more
about is proposed as a point of exactly those groups; the analyst's accept keeps it as one, counting those
groups (tiny invented tables, offline)."""

from __future__ import annotations

import pandas as pd

from pipeline.curation.decisions import decision_entries, known_pairs
from pipeline.curation.suggest import suggest
from tests.helpers import decision_of

AREA = "Økonomi"
#: The area's own words: its question asks about "medarbejdernes kompetencer".
OWN = {AREA: frozenset({"medarbejder", "kompetence", "økonomi"})}

#: Per group: the statement (token, tag, lemma) and the key phrase's span in it.
SAID = {
    1: (
        [("Investering", "NOUN", "investering"), ("i", "ADP", "i"), ("kompetencer", "NOUN", "kompetence")],
        2,
    ),
    2: (
        [
            ("Vi", "PRON", "vi"),
            ("skal", "AUX", "skulle"),
            ("sikre", "VERB", "sikre"),
            ("digitale", "ADJ", "digital"),
            ("kompetencer", "NOUN", "kompetence"),
        ],
        3,
    ),
    3: ([("Kompetencer", "NOUN", "kompetence"), ("er", "AUX", "være"), ("vigtige", "ADJ", "vigtig")], 0),
    4: ([("Styrke", "VERB", "styrke"), ("kompetencer", "NOUN", "kompetence")], 0),
}


def _tables(groups=(1, 2)):
    """A theme "Kompetencer" of only the question's word, counting ``groups`` (each group's words in SAID)."""
    statements, units = [], []
    for g in groups:
        words, start = SAID[g]
        sid = f"{g:012x}-00"
        tokens = [w for w, _, _ in words]
        statements.append(
            {
                "statement_id": sid,
                "text": " ".join(tokens) + ".",
                "tokens": " ".join(tokens),
                "pos": " ".join(p for _, p, _ in words),
                "lemmas": " ".join(lem for _, _, lem in words),
                "group": g,
                "core_area": AREA,
            }
        )
        end = len(words) if g in (2, 4) else start + 1
        units.append(
            {
                "unit_id": f"{sid}-u0",
                "statement_id": sid,
                "note_id": sid[:12],
                "cross_theme": -1,
                "core_area": AREA,
                "group": g,
                "start": start,
                "end": end,
                "text": " ".join(tokens[start:end]).lower(),
                "lemmas": " ".join(lem for _, _, lem in words[start:end]),
                "theme": 0,
                "year": 2024,
            }
        )
    units = pd.DataFrame(units)
    themes = pd.DataFrame(
        [
            {
                "core_area": AREA,
                "topic": 0,
                "label": "Kompetencer",
                "theme_key": "kompetence-key",
                "units": " ".join(units["unit_id"]),
                "groups": " ".join(str(g) for g in groups),
                "n_groups": len(groups),
                "n_groups_total": 5,
                "restates_question": True,
                "restates_area": False,
            }
        ]
    )
    return themes, units, pd.DataFrame(statements)


def _points(themes, units, statements, **kw):
    out = suggest(themes, units, statements, area_words=OWN, **kw)
    return out[out["kind"] == "point"]


def test_a_question_word_theme_every_counted_group_said_more_about_is_proposed_as_a_point():
    points = _points(*_tables((1, 2)))
    assert len(points) == 1
    row = points.iloc[0]
    assert (
        row["theme"] == "Kompetencer"
        and row["theme_key"] == "kompetence-key"
        and row["theme_groups"] == "1 2"
    )
    # which group said what about the word, one quote per group
    assert "investering i kompetencer (gruppe 1)" in row["reason"] and "(gruppe 2)" in row["reason"]
    assert row["theme_quote"].startswith("Investering") and row["other_quote"].startswith("Vi skal sikre")
    # stable: the same id whatever the row order
    themes, units, statements = _tables((1, 2))
    again = _points(
        themes, units.iloc[::-1].reset_index(drop=True), statements.iloc[::-1].reset_index(drop=True)
    )
    assert list(again["id"]) == [row["id"]]


def test_a_point_counts_the_groups_that_said_more_and_names_the_one_that_wrote_only_the_word():
    # group 3 wrote "Kompetencer er vigtige": only the word; groups 1 and 2 said more
    points = _points(*_tables((1, 2, 3)))
    assert len(points) == 1
    row = points.iloc[0]
    assert row["theme_groups"] == "1 2" and row["theme_units"] == "000000000001-00-u0 000000000002-00-u0"
    assert row["reason"] == (
        "gruppe 1 og 2 skrev sit eget om »kompetencer«: investering i kompetencer (gruppe 1); "
        "digitale kompetencer (gruppe 2); gruppe 3 nævnte kun ordet (ikke talt)"
    )
    assert "vigtige" not in row["theme_quote"] + row["other_quote"]
    # the same point (the same id) whoever else wrote the word
    assert row["id"] == _points(*_tables((1, 2))).iloc[0]["id"]


def test_never_a_point_where_fewer_than_two_groups_said_more_than_the_word():
    assert len(_points(*_tables((1, 2, 3)))) == 1
    assert _points(*_tables((1, 3))).empty  # only group 1 said more
    assert _points(*_tables((1,))).empty


def test_an_accepted_point_is_an_entry_that_keeps_the_theme_where_its_evidence_holds():
    themes, units, statements = _tables((1, 2))
    row = _points(themes, units, statements).iloc[0]
    entries, log = decision_entries([decision_of(row)], themes, units, statements, area_words=OWN)
    assert [(e.key, e.point, e.confirm) for e in entries] == [("kompetence-key", True, True)]
    assert log == [
        {
            "id": row["id"],
            "area": AREA,
            "source": "",
            "applied": True,
            "theme": "Kompetencer",
            "other": "",
            "kind": "point",
        }
    ]
    assert not known_pairs([decision_of(row)])  # a point joins no pair in a comparison
    # another year (the theme found by its words): kept where every counted group said more
    themes25, units25, statements25 = _tables((1, 2))
    themes25["theme_key"] = "other-key"
    entries, log = decision_entries(
        [decision_of(row, source="kodebog 2024")], themes25, units25, statements25, area_words=OWN
    )
    assert [(e.key, e.point) for e in entries] == [("other-key", True)] and log[0]["applied"]
    # and not where fewer than two groups said more than the word
    themes25, units25, statements25 = _tables((1, 3))
    themes25["theme_key"] = "other-key"
    entries, log = decision_entries(
        [decision_of(row, source="kodebog 2024")], themes25, units25, statements25, area_words=OWN
    )
    assert entries == () and not log[0]["applied"]


def test_an_accepted_point_in_another_year_counts_that_years_groups_that_said_more():
    themes, units, statements = _tables((1, 2))
    decision = decision_of(_points(themes, units, statements).iloc[0], source="kodebog 2024")
    # 2025: groups 2 and 4 said more about the word, group 3 wrote only it; group 1 did not write it
    themes25, units25, statements25 = _tables((2, 3, 4))
    themes25["theme_key"] = "other-key"
    entries, log = decision_entries([decision], themes25, units25, statements25, area_words=OWN)
    assert [(e.key, e.point, e.point_groups) for e in entries] == [("other-key", True, (2, 4))]
    assert log[0]["applied"]


def _curated(groups, decisions):
    """The tiny analysis of ``groups`` with its automatic theme described, then curated by ``decisions``."""
    import numpy as np

    from pipeline.curation.apply import apply_codebook
    from pipeline.curation.codebook import Codebook
    from pipeline.schemas import CrossThemes
    from pipeline.themes.describe import theme_rows
    from pipeline.themes.records import ThemeParams

    _, units, statements = _tables(groups)
    statements = statements.assign(year=2024, note_id=statements["statement_id"].str[:12])
    notes = statements[["note_id", "core_area", "group", "year"]]
    params = ThemeParams()
    rows = theme_rows(
        AREA,
        0,
        units,
        np.ones((len(units), 1)),
        statements,
        forms={},
        groups_total={(2024, AREA): 5},
        statements_per_area={(2024, AREA): len(statements)},
        area_words=OWN[AREA],
        topic_words=frozenset({"økonomi"}),
        params=params,
        label="Kompetencer",
    )
    themes = pd.DataFrame(rows)
    assert bool(themes["restates_question"].iloc[0]) and themes["groups"].iloc[0] == " ".join(
        map(str, groups)
    )
    entries, _ = decision_entries(decisions, themes, units, statements, area_words=OWN)
    return apply_codebook(
        Codebook("codebook.yaml", entries=entries),
        themes=themes,
        units=units,
        cross=pd.DataFrame(columns=list(CrossThemes.to_schema().columns)),
        notes=notes,
        statements=statements,
        params=params,
        area_words=OWN,
        topic_words={AREA: frozenset({"økonomi"})},
    )


def test_the_next_run_counts_exactly_the_groups_that_said_more_curated():
    themes, units, statements = _tables((1, 2, 3))
    point = _points(themes, units, statements).iloc[0]
    result = _curated((1, 2, 3), [decision_of(point)])
    after = result.themes[result.themes["topic"] == 0].iloc[0]
    assert (after["label"], after["groups"], after["n_groups"]) == ("Kompetencer", "1 2", 2)
    assert after["curated"] and after["recurring"] and not after["restates_question"]
    assert after["units"] == "000000000001-00-u0 000000000002-00-u0"
    assert after["evidence"] == "000000000001-00 000000000002-00"
    # group 3's "Kompetencer" leaves the point: a theme of its own that only repeats the question
    assert dict(zip(result.units["group"], result.units["theme"], strict=True)) == {1: 0, 2: 0, 3: 1}
    word = result.themes[result.themes["topic"] == 1].iloc[0]
    assert word["groups"] == "3" and word["restates_question"] and not word["recurring"]
    (logged,) = result.log[result.log["action"] == "point"].itertuples()
    assert logged.applied and logged.reason == (
        "»Kompetencer« holdt som punkt af gruppe 1 og 2, der skrev deres eget; "
        "gruppe 3 nævnte kun ordet (ikke talt)"
    )


def test_a_rejected_point_is_not_proposed_again():
    themes, units, statements = _tables((1, 2))
    row = _points(themes, units, statements).iloc[0]
    assert _points(themes, units, statements, decided=["0123abcd"])["id"].tolist() == [row["id"]]
    entries, _ = decision_entries([decision_of(row, accept=False)], themes, units, statements, area_words=OWN)
    assert entries == ()
    assert _points(themes, units, statements, decided=[row["id"]]).empty


def sheet_rows_of(book: bytes) -> dict:
    """The Excel codebook's sheet Forslag, as `seminar curate accept` reads it."""
    import tempfile
    from pathlib import Path

    from pipeline.curation.record import sheet_rows

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "codebook.xlsx"
        path.write_bytes(book)
        return sheet_rows(path)


def test_the_next_run_lists_an_accepted_point_among_the_recurring_themes_as_curated(
    analysis_2024, cfg_2024, danish_nlp
):
    from dataclasses import replace

    from pipeline.curation import Codebook
    from pipeline.curation.excel import codebook_workbook
    from pipeline.flows import area_and_topic_words, curate_analysis
    from pipeline.report.workbook import build_themes_workbook, themes_frame
    from pipeline.nlp import stop_words
    from pipeline.report.context import build_area_context

    words, topics = area_and_topic_words(cfg_2024, analysis_2024.notes, danish_nlp, stop_words(cfg_2024.nlp))
    auto = analysis_2024.themes
    rows = suggest(auto, analysis_2024.units, analysis_2024.statements, area_words=words, limit=100)
    point = rows[rows["kind"] == "point"].iloc[0]
    # the analyst reads it in temaer.xlsx's sheet Forslag and in the Excel codebook's
    sheet = themes_frame(
        build_themes_workbook(replace(analysis_2024, suggestions=rows), cfg_2024, recurring_from=2), "Forslag"
    )
    assert "Punkt" in set(sheet.loc[sheet["Id"] == point["id"], "Slags"])
    book_xlsx = codebook_workbook(auto, analysis_2024.units, "2024", None, analysis_2024.statements, rows)
    assert (
        point["id"] in sheet_rows_of(book_xlsx) and sheet_rows_of(book_xlsx)[point["id"]]["kind"] == "point"
    )
    before = auto[auto["theme_key"] == point["theme_key"]].iloc[0]
    assert before["restates_question"] and not before["recurring"]
    book = Codebook("codebook.yaml", decisions=(decision_of(point),))
    curated = curate_analysis(analysis_2024, cfg_2024, book, words=words, topic_words=topics)
    after = curated.themes[curated.themes["theme_key"] == point["theme_key"]].iloc[0]
    assert after["recurring"] and not after["restates_question"] and after["curated"]
    # its own label; the groups whose own words say more than the word (all or some of the theme's)
    assert (after["label"], after["groups"]) == (before["label"], point["theme_groups"])
    assert "point" in set(curated.curation.log["action"])
    ctx = build_area_context(curated, cfg_2024, point["core_area"], recurring_from=cfg_2024.themes.min_groups)
    shown = next(t for t in ctx.recurring if t["label"] == before["label"])
    # each counted group's own words about the word stay on the page, those it released to a point too
    assert {g for s in shown["specifics"] for g in s["groups"]} == {
        int(g) for g in point["theme_groups"].split()
    }
    assert before["label"] not in {t["label"] for t in ctx.question_themes}
