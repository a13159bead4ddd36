"""Each theme's "kort sagt" sentence is not one a higher-ranked theme of its area already quotes."""

from __future__ import annotations

import json

import pandas as pd

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
