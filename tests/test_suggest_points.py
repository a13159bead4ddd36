"""Suggestions of the kind ``point``: a theme of only the question's words that each counted group said more
about is proposed as a point; the analyst's accept keeps it as one (tiny invented tables, offline)."""

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
        end = len(words) if g == 2 else start + 1
        units.append(
            {
                "unit_id": f"{sid}-u0",
                "statement_id": sid,
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


def test_never_a_point_where_a_group_wrote_only_the_word_nor_of_one_group():
    assert len(_points(*_tables((1, 2)))) == 1
    assert _points(*_tables((1, 2, 3))).empty  # group 3 wrote "Kompetencer er vigtige": only the word
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
    # and not where a group wrote only the word
    themes25, units25, statements25 = _tables((1, 2, 3))
    themes25["theme_key"] = "other-key"
    entries, log = decision_entries(
        [decision_of(row, source="kodebog 2024")], themes25, units25, statements25, area_words=OWN
    )
    assert entries == () and not log[0]["applied"]


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
    assert (after["label"], after["groups"]) == (before["label"], before["groups"])  # its own evidence
    assert "point" in set(curated.curation.log["action"])
    ctx = build_area_context(curated, cfg_2024, point["core_area"], recurring_from=cfg_2024.themes.min_groups)
    shown = next(t for t in ctx.recurring if t["label"] == before["label"])
    # each counted group's own words about the word stay on the page, those it released to a point too
    assert {g for s in shown["specifics"] for g in s["groups"]} == {int(g) for g in before["groups"].split()}
    assert before["label"] not in {t["label"] for t in ctx.question_themes}
