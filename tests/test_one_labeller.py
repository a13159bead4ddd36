"""One labeller for automatic and curated themes: the same key phrases get the same label."""

from __future__ import annotations

import pytest

from pipeline.config import parse_config
from pipeline.ingest import SourceFile, ingest
from tests.conftest import TINY_TOML

NOTES = [
    ("Læring", 1, "Vi vil inddrage unge i beslutningerne. Bedre kommunikation med forældre."),
    ("Læring", 2, "Kommunen skal inddrage unge mere. Tydelig kommunikation med forældrene."),
    ("Læring", 3, "Det er vigtigt at inddrage de unge. Det politiske niveau skal lytte."),
    ("Læring", 4, "Politisk niveau skal være synligt."),
]


@pytest.fixture(scope="module")
def analysis(danish_nlp):
    from pipeline.flows import analyse_seminar

    cfg = parse_config(TINY_TOML)
    data = "kerneområde;gruppe;tekst\n" + "".join(f'{a};{g};"{t}"\n' for a, g, t in NOTES)
    result = ingest([SourceFile("n.csv", data.encode())], cfg)
    return analyse_seminar(result.notes, result.rejects, cfg, nlp=danish_nlp)


def test_a_theme_described_again_gets_the_label_the_theme_stage_gave_its_key_phrases(analysis):
    from pipeline.curation.rows import rebuild_themes

    themes, units = analysis.themes, analysis.units
    # the groups' "inddrage unge" is the point; "unge" alone (the most shared phrase) is not
    assert "Inddragelse af unge" in set(themes["label"])
    # every theme counted as changed (no automatic key phrases to compare with): each is described
    # again from its key phrases, as a merged or pinned-to theme is
    again, _ = rebuild_themes(
        themes,
        units.assign(theme=-1),
        units,
        analysis.cross,
        analysis.notes,
        analysis.statements,
        {},
        analysis.params,
        order="groups",
        area_order=analysis.params.area_order(analysis.notes["core_area"]),
        area_words={},
    )
    assert dict(zip(again["topic"], again["label"], strict=True)) == dict(
        zip(themes["topic"], themes["label"], strict=True)
    )


def test_the_labeller_writes_the_base_form_whichever_wording_a_group_used(analysis):
    # "Det politiske niveau" (group 3) and "Politisk niveau" (group 4): one label, in base form
    assert "Politisk niveau" in set(analysis.themes["label"])
    assert not any(label.lower().startswith("det ") for label in analysis.themes["label"])


def test_a_theme_joined_from_key_phrases_is_named_in_the_labellers_base_form():
    import pandas as pd

    from pipeline.curation.decisions import Decision, decision_entries

    area = "Social omsorg"
    phrases = [  # one-group key phrases (in no theme) the analyst accepted as one point
        (3, "det politiske niveau", "politisk niveau"),
        (4, "de politiske udvalg", "politisk udvalg"),
    ]
    statements = pd.DataFrame(
        [
            {
                "statement_id": f"00000000000{g}-00",
                "text": f"Vi taler om {text}.",
                "tokens": text,
                "lemmas": " ".join(["det" if g == 3 else "de", *lemmas.split()]),
                "group": g,
                "core_area": area,
            }
            for g, text, lemmas in phrases
        ]
    )
    units = pd.DataFrame(
        [
            {
                "unit_id": f"00000000000{g}-00-u0",
                "statement_id": f"00000000000{g}-00",
                "core_area": area,
                "group": g,
                "text": text,
                "lemmas": lemmas,
                "theme": -1,
                "year": 2024,
            }
            for g, text, lemmas in phrases
        ]
    )
    themes = pd.DataFrame(columns=["core_area", "topic", "label", "theme_key", "units", "groups"])
    decision = Decision(
        "a1b2c3d4",
        area,
        "merge",
        True,
        "det politiske niveau",  # the key phrases as the suggestion showed them
        "de politiske udvalg",
        "politisk niveau",
        "politisk udvalg",
        units["unit_id"].iloc[0],
        units["unit_id"].iloc[1],
    )
    entries, log = decision_entries([decision], themes, units, statements)
    assert log[0]["applied"]
    # "Politisk niveau", as the automatic labeller writes it, never "Det politiske niveau"
    assert [e.name for e in entries] == ["Politisk niveau og politisk udvalg"]
