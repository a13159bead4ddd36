"""Given options: read from the configuration or the summary, counted per group.

Shown apart from the points found.
"""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.config import parse_config, with_options
from pipeline.errors import ConfigError
from pipeline.ingest.summary import summary_options
from pipeline.themes.options import option_counts, option_of
from tests.conftest import TINY_TOML

OPTIONS_TOML = TINY_TOML.replace(
    'aliases = ["Skole"]', 'aliases = ["Skole"]\noptions = ["kapacitet", "grøn omstilling"]'
)


def test_options_are_read_per_core_area():
    cfg = parse_config(OPTIONS_TOML)
    assert [a.options for a in cfg.core_areas] == [(), ("kapacitet", "grøn omstilling")]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ('["kapacitet", "Kapacitet"]', "given twice"),
        ('["  "]', "is not an option"),
        ('["a\\nb"]', "is not an option"),
        ("[3]", "not"),
    ],
)
def test_bad_options_give_one_message(options, message):
    with pytest.raises(ConfigError, match=message):
        parse_config(TINY_TOML.replace('aliases = ["Skole"]', f'aliases = ["Skole"]\noptions = {options}'))


def test_options_found_in_a_document_fill_only_areas_without_configured_ones():
    cfg = parse_config(OPTIONS_TOML)
    filled = with_options(cfg, {"Social omsorg": ("pårørende",), "Læring": ("trivsel",)})
    assert [a.options for a in filled.core_areas] == [("pårørende",), ("kapacitet", "grøn omstilling")]
    assert with_options(cfg, {}) is cfg


SUMMARY = """Social omsorg
I Social omsorg er der følgende strategiske indsatsområder:
•	 Det nære sundhedsvæsen
•	 Frivillighed

Gruppedrøftelse om frivillighed
Hvordan inddrager vi frivillige? Grupperne drøftede med afsæt i:
•	 pårørende
•	 lokalsamfundsprojekter og
lignende

Nedenfor gives et indblik.
Indblik i gruppedrøftelser om frivillighed
Gruppe 1 talte om pårørende.
- ikke en mulighed
Læring
Gruppedrøftelse om trivsel
Hvordan styrker vi trivsel?
Gruppe 1 talte om trivsel.
"""


def test_the_summary_gives_the_bullet_list_under_the_question_only(tiny_cfg):
    # the area's strategic headings before the question, and a dash after the first group, are no options
    assert summary_options(SUMMARY, tiny_cfg) == {
        "Social omsorg": ("pårørende", "lokalsamfundsprojekter og lignende")
    }


def test_the_2024_summary_lists_the_seven_options_of_the_vaekst_question(seed_text, cfg_2024):
    found = summary_options(seed_text, cfg_2024)
    assert list(found) == ["Vækst, Teknik og Fællesskab"]
    assert found["Vækst, Teknik og Fællesskab"] == cfg_2024.area("Vækst, Teknik og Fællesskab").options
    assert len(found["Vækst, Teknik og Fællesskab"]) == 7


def _units(rows):
    return pd.DataFrame(rows, columns=["lemmas", "group", "statement_id", "verbs"])


def test_an_option_counts_the_groups_whose_phrases_say_it():
    units = _units(
        [
            ("infrastrukturudvikling", 1, "a", ""),  # "udvikling af infrastruktur"
            ("infrastruktur", 2, "b", ""),
            ("grøn omstilling", 2, "b", ""),
            ("grøn energi", 3, "c", ""),  # green, but not the transition
            ("kapacitetsudvidelse", 3, "c", ""),
        ]
    )
    counts = option_counts(
        units,
        [
            ("infrastruktur", "infrastruktur"),
            ("grøn omstilling", "grøn omstilling"),
            ("kapacitet", "kapacitet"),
            ("tom", ""),
        ],
    )
    assert [(c.option, c.groups, c.statements) for c in counts] == [
        ("infrastruktur", (1, 2), ("a", "b")),
        ("grøn omstilling", (2,), ("b",)),
        ("kapacitet", (3,), ("c",)),
    ]


def test_a_label_is_an_option_only_when_it_adds_nothing_to_it():
    options = [("infrastruktur", "infrastruktur"), ("rekreative faciliteter", "rekreativ facilitet")]
    assert option_of("infrastruktur", options) == "infrastruktur"
    assert option_of("facilitet", options) == "rekreative faciliteter"
    assert option_of("infrastruktur byudvikling", options) is None  # says more than the option
    assert option_of("facilitetsplan", options) is None
    assert option_of("energi", options) is None


VAEKST = [
    ("facilitetsplaner", "facilitetsplan"),
    ("rekreative faciliteter", "rekreativ facilitet"),
    ("lokalsamfundsprojekter og lignende", "lokalsamfundsprojekt"),
]


def test_an_option_widened_by_og_lignende_is_named_by_what_it_is_about():
    # "lokalsamfundets trivsel" names "lokalsamfundsprojekter og lignende"; "lokale interessenter" does not
    units = _units(
        [
            ("lokalsamfund trivsel", 2, "b", ""),
            ("understøttelse lokalsamfund kulturliv", 5, "e", ""),
            ("lokal interessent", 3, "c", ""),
        ]
    )
    (local,) = [c for c in option_counts(units, VAEKST) if c.option.startswith("lokal")]
    assert (local.groups, local.statements, local.specific) == ((2, 5), ("b", "e"), "lokalsamfund")


def test_an_option_with_a_general_head_is_named_by_its_modifier():
    # "plan" is a general noun: "trafikken" names "trafikplaner"; "projekt" is not, without "og lignende"
    units = _units([("trafik", 1, "a", ""), ("skole", 2, "b", "")])
    counts = option_counts(units, [("trafikplaner", "trafikplan"), ("skoleprojekter", "skoleprojekt")])
    assert [(c.option, c.groups) for c in counts] == [("trafikplaner", (1,)), ("skoleprojekter", ())]


def test_a_specific_part_that_another_option_says_names_neither():
    # "faciliteter" could be the facility plans or the recreational facilities: it counts for neither
    units = _units([("rekreativ facilitet", 5, "e", ""), ("ny facilitet", 3, "c", "")])
    counts = {c.option: c.groups for c in option_counts(units, VAEKST)}
    assert counts["facilitetsplaner"] == ()
    assert counts["rekreative faciliteter"] == (5,)


def test_a_theme_named_by_an_options_specific_part_is_that_option():
    assert option_of("lokalsamfund", VAEKST) == "lokalsamfundsprojekter og lignende"
    assert option_of("lokalsamfund kulturliv", VAEKST) is None  # says more: a point beyond the options


def test_a_theme_whose_label_has_a_general_head_over_an_option_is_that_option():
    # "område" names no point of its own: "Infrastrukturområdet" only names the option
    options = [("infrastruktur", "infrastruktur")]
    assert option_of("infrastrukturområde", options) == "infrastruktur"
    assert option_of("infrastrukturforbedring", options) is None  # says what is to happen to it


def test_the_options_lemmas_leave_out_the_extender(danish_nlp):
    from pipeline.flows.analysis import option_lemmas
    from pipeline.nlp import stop_words

    cfg = parse_config(OPTIONS_TOML.replace('"grøn omstilling"]', '"lokalsamfundsprojekter og lignende"]'))
    lemmas = option_lemmas(cfg, danish_nlp, stop_words(cfg.nlp))
    assert lemmas == {
        "Læring": [("kapacitet", "kapacitet"), ("lokalsamfundsprojekter og lignende", "lokalsamfundsprojekt")]
    }


def test_the_2024_vaekst_page_shows_the_options_first_and_no_option_as_a_point(analysis_2024, cfg_2024):
    from pipeline.report.context import build_area_context
    from pipeline.report.pages import area_page
    from pipeline.report.blocks import block_text

    area = "Vækst, Teknik og Fællesskab"
    ctx = build_area_context(analysis_2024, cfg_2024, area, recurring_from=cfg_2024.themes.min_groups)
    chosen = {o["option"]: o["groups"] for o in ctx.options}
    assert chosen["infrastruktur"] == [1, 2, 3, 4, 5]
    assert chosen["kapacitet"] == [1, 2, 4, 5]
    # groups 2 and 5 wrote "lokalsamfundets trivsel" / "lokalsamfundets kulturliv"
    assert chosen["lokalsamfundsprojekter og lignende"] == [2, 5]
    assert chosen["grøn omstilling"] == [1]  # "energioptimering" does not say it
    assert ctx.options_figure is not None
    labels = {t["label"].lower() for t in ctx.recurring + ctx.question_themes + ctx.single}
    # an option is shown with the options, never as a point nor under "raised by one group"
    assert not labels & {"infrastruktur", "kapacitet", "facilitetsplaner", "byforskønnelse", "lokalsamfund"}
    # a statement in the option's theme is tagged with the option as the table names it
    tags = {t["label"] for n in ctx.notes for s in n["statements"] for t in s["themes"]}
    assert "Lokalsamfundsprojekter og lignende" in tags and "Lokalsamfund" not in tags
    # the options have their own chart: not again among the themes the groups raised
    sizes = next(f for key, _, f in ctx.figures if key == "temaer")
    bars = {str(y).lower() for trace in sizes.data for y in trace.y}
    assert "energioptimering af bygningsmasse" in bars and not bars & {"infrastruktur", "lokalsamfund"}
    headings = [block_text(b) for b in area_page(ctx).blocks if type(b).__name__ == "Heading"]
    assert headings.index("Spørgsmålets givne muligheder") < headings.index("Tilbagevendende temaer")
    assert ctx.synthesis.startswith(
        "Af spørgsmålets givne muligheder nævnte flest grupper infrastruktur (5 af 5)"
    )


def test_the_overview_says_which_options_the_most_groups_chose(analysis_2024, cfg_2024):
    from pipeline.report.blocks import block_text, walk
    from pipeline.report.overview import overview_page

    text = "\n".join(
        block_text(b)
        for b in walk(
            overview_page(analysis_2024, cfg_2024, recurring_from=cfg_2024.themes.min_groups).blocks
        )
    )
    assert text.count("Af spørgsmålets givne muligheder nævnte flest grupper infrastruktur (5 af 5)") == 1


def test_the_workbook_calls_an_option_theme_a_given_option_as_the_page_does(analysis_2024, cfg_2024):
    import io

    import openpyxl

    from pipeline.report.workbook import build_themes_workbook
    from pipeline.report.wording import GIVEN_OPTIONS

    data = build_themes_workbook(analysis_2024, cfg_2024, recurring_from=cfg_2024.themes.min_groups)
    rows = list(openpyxl.load_workbook(io.BytesIO(data))["Temaer"].iter_rows(values_only=True))
    kind = {(r[0], r[2]): r[6] for r in rows[1:]}
    area = "Vækst, Teknik og Fællesskab"
    assert kind[(area, "Infrastruktur")] == kind[(area, "Kapacitet")] == GIVEN_OPTIONS
    assert GIVEN_OPTIONS not in {k for (a, _), k in kind.items() if a != area}  # no other area has options


def test_a_suggestion_names_a_theme_that_names_an_option_by_the_option():
    from types import SimpleNamespace

    from pipeline.report.answers import suggestions_named

    themes = pd.DataFrame({"topic": [3, 4], "label": ["Lokalsamfund", "Energioptimering"]})
    rows = pd.DataFrame(
        [
            {"core_area": "A", "theme": "Lokalsamfund", "other": "lokale interessenter"},
            {"core_area": "A", "theme": "Energioptimering", "other": "grøn energi"},
            {"core_area": "B", "theme": "Lokalsamfund", "other": "x"},
        ]
    )
    named = suggestions_named(
        SimpleNamespace(suggestions=rows), "A", themes, {3: "lokalsamfundsprojekter og lignende"}
    )
    assert [(r["theme"], r["other"]) for r in named] == [
        ("Lokalsamfundsprojekter og lignende", "lokale interessenter"),
        ("Energioptimering", "grøn energi"),
    ]
