"""Each theme's "kort sagt" sentence is not one a higher-ranked theme of its area already quotes."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from pipeline.themes.summaries import distinct_summaries

LONG = "De talte også om samarbejde med virksomheder, fleksibilitet i regelsættene og mentorordninger."


def _statements() -> pd.DataFrame:
    rows = [
        ("s1", 4, LONG),
        ("s2", 1, "Vi skal samarbejde på tværs af fagområder."),
        ("s3", 3, "Regelsættene skal være mere fleksible for borgerne."),
        ("s4", 2, "Mentorordninger hjælper."),
        ("s5", 1, "Noget helt andet i et andet område."),
    ]
    return pd.DataFrame(rows, columns=["statement_id", "group", "text"])


def _theme(area: str, label: str, evidence: str, sid: str, group: int, text: str | None = None) -> dict:
    if text is None:
        text = dict(zip(_statements()["statement_id"], _statements()["text"], strict=True))[sid]
    summary = {"statement_id": sid, "group": group, "text": text}
    return {
        "year": 2024,
        "core_area": area,
        "label": label,
        "evidence": evidence,
        "summary": json.dumps(summary, ensure_ascii=False),
    }


def test_a_sentence_quoted_by_a_higher_ranked_theme_is_not_quoted_again():
    themes = pd.DataFrame(
        [
            _theme("Beskæftigelse", "Samarbejde", "s1 s2", "s1", 4),
            _theme("Beskæftigelse", "Fleksibilitet", "s1 s3", "s1", 4),
            _theme("Beskæftigelse", "Mentorordning", "s1", "s1", 4),  # no other sentence: keeps its own
            _theme("Læring", "Samarbejde", "s1 s5", "s1", 4),  # another area may quote it
        ]
    )
    out = [json.loads(s) for s in distinct_summaries(themes, _statements())["summary"]]
    assert [(s["statement_id"], s["group"]) for s in out] == [("s1", 4), ("s3", 3), ("s1", 4), ("s1", 4)]
    assert out[1]["text"] == "Regelsættene skal være mere fleksible for borgerne."


def test_the_next_sentence_is_the_shortest_unquoted_one_of_the_themes_evidence():
    themes = pd.DataFrame(
        [
            _theme("A", "Samarbejde", "s1", "s1", 4),
            _theme("A", "Mentorordning", "s1 s2 s4", "s1", 4),
        ]
    )
    second = json.loads(distinct_summaries(themes, _statements())["summary"].iloc[1])
    assert second == {"statement_id": "s4", "group": 2, "text": "Mentorordninger hjælper."}


def test_the_next_sentence_writes_the_labels_word_before_a_shorter_synonym():
    """ "smidigere processer" says "fleksibilitet" by a synonym; the quote beside the label writes it."""
    statements = pd.DataFrame(
        [
            ("s1", 4, LONG),
            ("s6", 3, "Smidigere processer hjælper."),
            ("s7", 2, "Behovet for investeringer og fleksibilitet i arbejdstid blev drøftet af gruppen."),
        ],
        columns=["statement_id", "group", "text"],
    )
    themes = pd.DataFrame(
        [
            _theme("Beskæftigelse", "Samarbejde", "s1", "s1", 4),
            _theme("Beskæftigelse", "Fleksibilitet", "s1 s6 s7", "s1", 4),
        ]
    )
    second = json.loads(distinct_summaries(themes, statements)["summary"].iloc[1])
    assert (second["statement_id"], second["group"]) == ("s7", 2)


def test_in_short_writes_the_labels_own_wording_when_a_sentence_of_its_evidence_does():
    statements = pd.DataFrame(
        [
            ("s6", 3, "Smidigere processer hjælper."),
            ("s7", 2, "Behovet for investeringer og fleksibilitet i arbejdstid blev drøftet af gruppen."),
            ("s8", 1, "Unge frivillige kan hjælpe."),
        ],
        columns=["statement_id", "group", "text"],
    )

    themes = pd.DataFrame(
        [
            _theme("Beskæftigelse", "Fleksibilitet (smidigere processer)", "s6 s7", "s6", 3, "…"),
            _theme("Social omsorg", "Inddragelse af unge", "s8", "s8", 1, "…"),  # no sentence writes it: kept
        ]
    )
    out = [json.loads(s) for s in distinct_summaries(themes, statements)["summary"]]
    assert [(s["statement_id"], s["group"]) for s in out] == [("s7", 2), ("s8", 1)]


def test_label_share_counts_the_labels_words_and_their_derivations_among_the_content_words():
    from pipeline.themes.summaries import label_share

    # "inddrage" says "inddragelse", "unge" (as written) says "ung"
    assert label_share("inddrage barn ung aktivitet", ["inddragelse", "unge"]) == 0.5
    assert label_share("samarbejde klarhed opgave teknologi", ["samarbejde"]) == 0.25
    assert label_share("Vi skal samarbejde.", ["samarbejde"]) == pytest.approx(1 / 3)
    assert label_share("", ["samarbejde"]) == 0.0


def _in_short_fixture():
    st = pd.DataFrame(
        {
            "statement_id": ["a", "b", "c"],
            "text": [
                "Gruppen nævnte samarbejde, klarhed om opgaver, teknologi og frivillige unge.",
                "Gruppen foreslog at inddrage unge i aktiviteter på plejehjem.",
                "Men de ville inddrage unge.",
            ],
            "content_lemmas": [
                "gruppe nævne samarbejde klarhed opgave teknologi frivillig ung",
                "gruppe foreslå inddrage ung aktivitet plejehjem",
                "inddrage ung",
            ],
        }
    ).set_index("statement_id")
    units = pd.DataFrame({"statement_id": ["a", "b", "c"], "group": [4, 1, 2]})
    return units, st


def test_in_short_takes_the_sentence_most_about_the_label_not_the_shortest():
    """A sentence listing four points says "inddragelse af unge" less than one making two."""
    from pipeline.themes.describe import in_short

    units, st = _in_short_fixture()
    st = st.drop(index="c")
    units = units[units["statement_id"] != "c"]
    st.loc["a", "text"] = "Samarbejde, klarhed, teknologi og unge."  # shorter, but about four things
    st.loc["a", "content_lemmas"] = "samarbejde klarhed teknologi ung"
    assert in_short(units, [0, 1], st, ("inddragelse", "ung"))["statement_id"] == "b"
    # with no label share to tell them apart, the one nearest the theme's centre
    assert in_short(units, [0, 1], st)["statement_id"] == "a"


def test_in_short_takes_a_sentence_that_stands_on_its_own():
    """ "Men de ville inddrage unge." is most about the label but answers a sentence not quoted."""
    from pipeline.themes.describe import in_short

    units, st = _in_short_fixture()
    assert in_short(units, [2, 0, 1], st, ("inddragelse", "ung"))["statement_id"] == "b"
    # when every sentence leans back, the one most about the label
    only = st.assign(text=["Og " + t for t in st["text"]])
    assert in_short(units, [0, 1, 2], only, ("inddragelse", "ung"))["statement_id"] == "c"


def test_a_theme_restating_the_area_chooses_its_sentence_after_the_points():
    """The area's own word ("Frivillige", every group) does not take the sentence a point needs."""
    statements = pd.DataFrame(
        [
            ("s1", 3, "Samarbejde mellem frivillige organisationer og politikere."),
            ("s2", 4, "Eksisterende samarbejder, klarhed om opgaver og teknologi blev nævnt af gruppen."),
            ("s3", 1, "Frivillige deler viden med andre frivillige på en messe for frivillige."),
        ],
        columns=["statement_id", "group", "text"],
    )
    frivillige = _theme("Social omsorg", "Frivillige", "s1 s3", "s1", 3) | {"restates_area": True}
    samarbejde = _theme("Social omsorg", "Samarbejde", "s1 s2", "s1", 3) | {"restates_area": False}
    out = distinct_summaries(pd.DataFrame([frivillige, samarbejde]), statements)
    assert [json.loads(s)["statement_id"] for s in out["summary"]] == ["s3", "s1"]


def test_in_short_takes_another_groups_sentence_saying_the_label_over_one_leaning_back():
    """ "De talte også om samarbejde …" hangs in the air out of its note; group 3's sentence does not."""
    from pipeline.themes.describe import in_short

    st = pd.DataFrame(
        {
            "statement_id": ["a", "b", "c"],
            "text": [
                "De talte også om samarbejde med virksomheder.",
                "Gruppe 3 fokuserede på samarbejde mellem frivillige organisationer og politikere.",
                "Gruppe 5 nævnte cykelstier.",
            ],
            "tokens": [
                "De talte også om samarbejde med virksomheder .",
                "Gruppe 3 fokuserede på samarbejde mellem frivillige organisationer og politikere .",
                "Gruppe 5 nævnte cykelstier .",
            ],
            "pos": [
                "PRON VERB ADV ADP NOUN ADP NOUN PUNCT",
                "NOUN NUM VERB ADP NOUN ADP ADJ NOUN CCONJ NOUN PUNCT",
                "NOUN NUM VERB NOUN PUNCT",
            ],
            "content_lemmas": [
                "tale samarbejde virksomhed",
                "gruppe fokusere samarbejde frivillig organisation politiker",
                "gruppe nævne cykelsti",
            ],
        }
    ).set_index("statement_id")
    units = pd.DataFrame({"statement_id": ["a", "b", "c"], "group": [1, 3, 5]})
    # "a" is nearest the centre and most about the label, but it leans on its note's first sentence
    assert in_short(units, [0, 1, 2], st, ("samarbejde",))["statement_id"] == "b"
    # a sentence that does not say the label is no better for standing alone: "a" is kept as written
    short = in_short(units[units.statement_id != "b"], [0, 1], st, ("samarbejde",))
    assert short == {"statement_id": "a", "group": 1, "text": "De talte også om samarbejde med virksomheder."}
