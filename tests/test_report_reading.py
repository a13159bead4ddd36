"""An area page as an analyst reads it: each thing said once, statements named by group and number.

Tiny page models (themes as the context holds them), no pipeline run.
"""

from __future__ import annotations

from types import SimpleNamespace

from pipeline.report import blocks as pm
from pipeline.report import render_markdown
from pipeline.report.appendix import notes_blocks
from pipeline.report.evidence import evidence_runs, statement_numbers
from pipeline.report.pages import _stances, _status_note, _theme_section
from tests.helpers import page_ctx

G3 = "Gruppe 3 fokuserede på kommunikation og samarbejde med foreningerne."
G4 = "Gruppe 4 påpegede eksisterende samarbejder."

NOTES = [
    {
        "group": 3,
        "note_id": "c",
        "source": "noter.csv, række 3",
        "statements": [{"id": "c-00", "text": G3, "themes": []}],
    },
    {
        "group": 4,
        "note_id": "d",
        "source": "noter.csv, række 4",
        "statements": [
            {"id": "d-00", "text": G4, "themes": []},
            {"id": "d-01", "text": "De talte også om samarbejde med skolerne.", "themes": []},
        ],
    },
]


def _theme(**extra) -> dict:
    return {
        "topic": 4,
        "label": "Samarbejde",
        "n_groups": 2,
        "n_groups_total": 5,
        "groups": [3, 4],
        "n_statements": 3,
        "status": "Maskinforslag",
        "curated": False,
        "memo": "",
        "other_areas": [],
        "evidence": ["c-00", "d-00", "d-01"],
        "summary": {"statement_id": "c-00", "group": 3, "text": G3},
        "keywords": ["samarbejde", "eksisterende"],
        "quotes": [
            {"statement_id": "c-00", "group": 3, "text": G3, "unit": "samarbejde"},
            {"statement_id": "d-00", "group": 4, "text": G4, "unit": "samarbejder"},
        ],
    } | extra


def _ctx(**extra) -> SimpleNamespace:
    theme = _theme()
    return page_ctx(**({"recurring": [theme], "notes": NOTES} | extra))


def _text(blocks) -> str:
    return "\n".join(pm.block_text(b) for b in blocks)


def test_the_kort_sagt_sentence_is_not_quoted_again_below_it():
    section = _theme_section(_ctx(), _theme())
    text = pm.block_text(section)
    assert text.count(G3) == 1  # in the *kort sagt* only
    quotes = [b for b in section.blocks if isinstance(b, pm.Quote)]
    assert [pm.inline_text(q.text) for q in quotes] == [G4]


def test_the_key_words_are_in_the_table_only_not_again_under_each_theme():
    assert "Nøgleord" not in pm.block_text(_theme_section(_ctx(), _theme()))


def test_one_status_for_every_theme_is_said_once_at_the_top_not_under_each_theme():
    ctx = _ctx()
    assert "Maskinforslag" not in pm.block_text(_theme_section(ctx, _theme()))
    (note,) = _status_note(ctx)
    assert pm.block_text(note).startswith("Maskinforslag: alle temaer er fundet af metoden alene")
    curated = _theme(topic=5, curated=True, status="Kurateret")
    mixed = _ctx(single=[curated])
    # the themes differ: each carries its own status, and the top says how many are curated
    assert "Status: Maskinforslag." in pm.block_text(_theme_section(mixed, _theme()))
    assert pm.block_text(_status_note(mixed)[0]).startswith("1 af 2 temaer er kurateret")


def test_statements_are_named_by_group_and_number_never_by_id():
    numbers = statement_numbers(NOTES)
    assert numbers == {"c-00": (3, 1), "d-00": (4, 1), "d-01": (4, 2)}
    runs = evidence_runs(["d-01", "c-00", "d-00"], numbers)
    assert pm.inline_text(runs) == "gruppe 3 (1), gruppe 4 (1 og 2)"
    assert [(r.text, r.href) for r in runs if isinstance(r, pm.Link)] == [
        ("1", "#s-c-00"),
        ("1", "#s-d-00"),
        ("2", "#s-d-01"),
    ]
    # one statement per group: the group numbers are the links; "gr." in a table
    one_each = evidence_runs(["c-00", "d-00"], numbers, short=True)
    assert pm.inline_text(one_each) == "gr. 3 og 4"
    assert [r.href for r in one_each if isinstance(r, pm.Link)] == ["#s-c-00", "#s-d-00"]
    # named groups by name; a statement the notes do not hold keeps its id
    named = evidence_runs(["c-00", "d-00", "x-00"], numbers, {4: "Bord A"})
    assert pm.inline_text(named) == "gruppe 3 og Bord A, x-00"


def test_the_theme_s_evidence_line_and_the_notes_use_the_same_numbers():
    section = _theme_section(_ctx(), _theme())
    assert "Alle udsagn bag temaet: gruppe 3 (1), gruppe 4 (1 og 2)" in pm.block_text(section)
    notes = notes_blocks(_ctx())
    items = [
        pm.inline_text(i) for b in pm.walk(tuple(notes)) if isinstance(b, pm.BulletList) for i in b.items
    ]
    assert items[1].startswith("1. d-00 Gruppe 4") and items[2].startswith("2. d-01 De talte")


def test_a_yes_no_line_names_the_groups_each_a_link_to_its_answer():
    ctx = _ctx(n_groups=5, stances=[{"stance": "Ja", "groups": [3, 4], "statements": ["c-00", "d-00"]}])
    (line,) = _stances(ctx)
    assert pm.block_text(line) == "Ja: 2 af 5 (gruppe 3 og 4)"
    page = render_markdown(pm.Page("x", "da", (line,)))
    assert "c-00](" not in page and "[3](#s-c-00)" in page


def test_a_group_s_own_themes_stand_in_the_order_its_notes_said_them():
    from pipeline.report.one_group import one_group_blocks

    def single(topic: int, label: str, statement: str) -> dict:
        return _theme(topic=topic, label=label, n_groups=1, groups=[4], evidence=[statement], summary={})

    # topic numbers put the second statement's theme first; the group's notes say it last
    themes = [single(7, "Skolerne", "d-01"), single(9, "Eksisterende samarbejder", "d-00")]
    ctx = _ctx(single=themes, single_heading="Temaer rejst af én gruppe")
    (line,) = one_group_blocks(ctx)[-1].items
    assert pm.inline_text(line) == "Gruppe 4: Eksisterende samarbejder · Skolerne"


def test_a_group_s_phrase_another_of_its_phrases_holds_is_not_said_twice():
    from pipeline.report.words_apart import words_apart_of

    groups = [
        {"year": 2024, "group": 1, "words": ["de ældre"], "statements": ["a-00"]},
        {"year": 2024, "group": 2, "words": ["forbinder ældre", "ældre"], "statements": ["b-00"]},
    ]
    record = {"words_apart": {"A": [{"word": "ældre", "groups": groups}]}}
    (entry,) = words_apart_of(record, "A", 2024)
    assert [e["words"] for e in entry["groups"]] == [["de ældre"], ["forbinder ældre"]]


def test_the_kort_sagt_marks_its_key_phrase_as_the_quotes_do():
    section = _theme_section(_ctx(), _theme())
    (summary,) = [b for b in section.blocks if isinstance(b, pm.Paragraph) and b.kind == "summary"]
    assert [r.text for r in summary.text if isinstance(r, pm.Mark)] == ["samarbejde"]


def test_the_question_words_section_names_the_area_s_topic_when_it_has_one():
    from pipeline.report.pages import _question_themes

    word = _theme(topic=1, label="Frivilligt arbejde", specifics=[])
    with_topic = _text(_question_themes(_ctx(question_themes=[word], theme="frivillighed")))
    # "frivilligt arbejde" is not in the question: the intro must say where the word was given
    assert "Ord fra spørgsmålet og fra emnet (frivillighed), som flere grupper gentog." in with_topic
    without = _text(_question_themes(_ctx(question_themes=[word], theme="")))
    assert "Ord fra spørgsmålet, som flere grupper gentog." in without
