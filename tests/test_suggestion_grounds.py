"""What a suggested pair stands on beyond the area's own words and empty words (tiny tables, offline)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipeline.curation.grounds import area_name_lemmas, hollow, names_an_area, opposite_answers
from pipeline.curation.suggest import suggest

AREA = "Social omsorg"
OWN = frozenset({"frivillighed", "pårørende"})


def _tables(phrases, area: str = AREA):
    """One theme 'Unge' (groups 1 and 4) and one-group key phrases: (group, text, lemmas, theme)."""
    statements, units = [], []
    for i, (group, text, lemmas, theme) in enumerate(phrases):
        sid = f"24{i:010x}-00"
        statements.append(
            {"statement_id": sid, "text": f"Vi taler om {text}.", "tokens": text, "lemmas": lemmas}
        )
        statements[-1].update({"group": group, "core_area": area})
        units.append(
            {"unit_id": f"{sid}-u0", "statement_id": sid, "core_area": area, "group": group, "text": text}
        )
        units[-1].update({"lemmas": lemmas, "theme": theme, "year": 2024})
    units = pd.DataFrame(units)
    in_theme = units[units["theme"] == 0]
    themes = pd.DataFrame(
        [
            {
                "core_area": area,
                "topic": 0,
                "label": "Unge",
                "theme_key": "k0",
                "units": " ".join(in_theme["unit_id"]),
                "groups": " ".join(str(g) for g in sorted(in_theme["group"])),
            }
        ]
    )
    return themes, units, pd.DataFrame(statements)


def _embed_by(axes: dict[str, int], n: int = 4):
    """A fake embedder: each listed word adds to its axis, every other word to the last."""

    def embed(texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), n))
        for i, t in enumerate(texts):
            for w in t.split():
                out[i, axes.get(w, n - 1)] += 1
        return out

    return embed


def _pairs(out: pd.DataFrame) -> list[frozenset[str]]:
    return [frozenset([a, b]) for a, b in zip(out["theme"], out["other"], strict=True)]


def _split(word: str) -> list[str]:
    return {"frivillighedsmesse": ["frivillighed", "messe"]}.get(word, [])


def _related(a: str, b: str) -> bool:
    return {a, b} == {"frivillig", "frivillighed"}


def test_a_pair_near_only_by_the_area_s_own_word_family_or_a_frame_noun_is_hollow():
    kw = {"related": _related, "parts": _split}
    # "frivillig" is derived from the area's "frivillighed", "frivillighedsmesse" holds it
    assert hollow({"frivillig", "arbejde"}, {"frivillighedsmesse"}, OWN, frozenset(), **kw)
    # a frame noun both hold, and nothing else in common
    assert hollow({"individuel", "behov"}, {"særlig", "behov"}, OWN, frozenset({"behov"}), **kw)
    # a word of their own in common beyond the area's: a pair to read
    assert not hollow({"frivillig", "arbejde"}, {"arbejde", "frivillighed"}, OWN, frozenset(), **kw)
    # no shared word at all: E5 judges their meaning, not a shared word's
    assert not hollow({"ung"}, {"kommende", "generation"}, OWN, frozenset(), **kw)


def test_a_pair_near_only_by_the_area_s_own_word_is_read_after_a_pair_near_in_its_own_words():
    """ "Frivilligt arbejde" / "frivillighedsmesse" under a question on frivillighed are near by that word
    alone; "trivsel" / "velvære" are a little less near, in their own words, and come first."""
    phrases = [
        (1, "unge", "ung", 0),
        (4, "unge", "ung", 0),
        (2, "frivilligt arbejde", "frivillig arbejde", -1),
        (3, "frivillighedsmesse", "frivillighedsmesse", -1),
        (5, "trivsel", "trivsel", -1),
        (1, "velvære", "velvære", -1),
    ]
    themes, units, statements = _tables(phrases)
    vectors = {
        "unge": [0, 0, 0, 1],
        "frivilligt arbejde": [1, 0, 0, 0],
        "frivillighedsmesse": [1, 0, 0, 0],
        "trivsel": [0, 1, 0, 0],
        "velvære": [0, 1, 0.2, 0],
    }

    def embed(texts: list[str]) -> np.ndarray:
        return np.array([vectors[t] for t in texts], dtype=float)

    out = suggest(themes, units, statements, embed=embed, area_words={AREA: frozenset({"frivillighed"})})
    pairs = _pairs(out)
    near = frozenset(["trivsel", "velvære"])
    own = frozenset(["frivilligt arbejde", "frivillighedsmesse"])
    assert near in pairs and own in pairs and pairs.index(near) < pairs.index(own)


def test_a_side_that_only_names_another_core_area_is_never_proposed():
    """ "social omsorg" said in Læring refers to that area; "sociale fællesskaber" is a point of its own."""
    names = area_name_lemmas(["Social omsorg", "Læring"], {"sociale": "social"}, frozenset({"og"}))
    assert names == {"Social omsorg": frozenset({"social", "omsorg"}), "Læring": frozenset({"læring"})}
    assert names_an_area({"social", "omsorg"}, "Læring", names, frozenset())
    assert not names_an_area({"social", "fællesskab"}, "Læring", names, frozenset())
    assert not names_an_area({"social", "omsorg"}, "Social omsorg", names, frozenset())  # its own area

    phrases = [
        (1, "unge", "ung", 0),
        (4, "unge frivillige", "ung frivillig", 0),
        (2, "sociale fællesskaber", "social fællesskab", -1),
        (3, "social omsorg", "social omsorg", -1),
        (5, "kommende generationer", "kommende generation", -1),
    ]
    themes, units, statements = _tables(phrases, area="Læring")
    themes = pd.concat([themes, themes.assign(core_area="Social omsorg", theme_key="k1", units="")])
    out = suggest(themes, units, statements, embed=_embed_by({"social": 0, "sociale": 0}))
    shown = set(out["theme"]) | set(out["other"])
    assert "social omsorg" not in shown and "sociale fællesskaber" in shown


def test_key_phrases_without_text_are_compared_by_their_lemmas_not_as_two_identical_empty_texts():
    """Two themes whose key phrases have no text (DR: "Begrænsning af danmark", "Sikring af hensyn")
    embedded alike (E5 1,00) and were ranked first though nothing joins them."""
    phrases = [
        (1, "unge", "ung", 0),
        (4, "unge frivillige", "ung frivillig", 0),
        (5, "kommende generationer", "kommende generation", -1),
        (2, "", "begrænsning danmark", 1),
        (3, "", "sikring hensyn", 2),
    ]
    themes, units, statements = _tables(phrases)
    for topic, label, group in ((1, "Begrænsning af danmark", 2), (2, "Sikring af hensyn", 3)):
        unit = units.loc[units["theme"] == topic, "unit_id"].iloc[0]
        row = {"core_area": AREA, "topic": topic, "label": label, "theme_key": f"k{topic}"}
        themes.loc[len(themes)] = {**row, "units": unit, "groups": str(group)}
    units = units.assign(start=0, end=1)
    out = suggest(
        themes,
        units,
        statements,
        embed=_embed_by({"unge": 0, "generationer": 0, "begrænsning": 1, "sikring": 2}, 5),
    )
    assert _pairs(out)[0] == frozenset(["Unge", "kommende generationer"])


def test_a_part_of_the_question_s_compound_is_no_shared_word_of_the_pair():
    """Under "Skal kulturstøtten sænkes?" two groups' "støtte" is the question's word: "støtte til unge
    kunstnere" / "mere støtte til spillesteder" (a little nearer) come after "teatre" / "scenekunst"."""
    phrases = [
        (1, "unge", "ung", 0),
        (4, "unge", "ung", 0),
        (2, "støtte til unge kunstnere", "støtte ung kunstner", -1),
        (3, "mere støtte til spillesteder", "meget støtte spillested", -1),
        (5, "teatre", "teater", -1),
        (1, "scenekunst", "scenekunst", -1),
    ]
    themes, units, statements = _tables(phrases, area="Kulturstøtte")
    vectors = {
        "unge": [0, 0, 0, 1],
        "støtte til unge kunstnere": [1, 0, 0, 0],
        "mere støtte til spillesteder": [1, 0.1, 0, 0],
        "teatre": [0, 1, 0, 0],
        "scenekunst": [0, 1, 0.3, 0],
    }

    def embed(texts: list[str]) -> np.ndarray:
        return np.array([vectors[t] for t in texts], dtype=float)

    own = {"Kulturstøtte": frozenset({"kulturstøtte", "sænke"})}
    out = suggest(themes, units, statements, embed=embed, area_words=own)
    pairs = _pairs(out)
    stage = frozenset(["teatre", "scenekunst"])
    support = frozenset(["støtte til unge kunstnere", "mere støtte til spillesteder"])
    assert pairs.index(stage) < pairs.index(support)
    assert "'støtte'" not in out["reason"].iloc[pairs.index(support)]


def test_a_pair_of_groups_that_answered_the_yes_no_question_the_opposite_way_is_read_after():
    """Under "Skal busdriften udliciteres?" group 2 (ja) wants "billigere ruter", group 3 (nej) "lokale
    ruter": near in E5, two points. "cykelstier" / "fortove" of two groups that both said ja come first."""
    phrases = [
        (1, "unge", "ung", 0),
        (4, "unge", "ung", 0),
        (2, "billigere ruter", "billig rute", -1),
        (3, "lokale ruter", "lokal rute", -1),
        (5, "cykelstier", "cykelsti", -1),
        (1, "fortove", "fortov", -1),
    ]
    themes, units, statements = _tables(phrases, area="Busdrift")
    vectors = {
        "unge": [0, 0, 0, 1],
        "billigere ruter": [1, 0, 0, 0],
        "lokale ruter": [1, 0.1, 0.3, 0],
        "cykelstier": [0, 1, 0, 0],
        "fortove": [0, 1, 0.1, 0],
    }

    def embed(texts: list[str]) -> np.ndarray:
        return np.array([vectors[t] for t in texts], dtype=float)

    answered = [{"stance": "Ja", "groups": [1, 2, 5]}, {"stance": "Nej", "groups": [3]}]
    stances = {"Busdrift": {"2024": answered}}
    kw = {"embed": embed, "area_words": {"Busdrift": frozenset({"busdrift", "udlicitere"})}}
    out = suggest(themes, units, statements, stances=stances, **kw)
    pairs = _pairs(out)
    routes, paths = frozenset(["billigere ruter", "lokale ruter"]), frozenset(["cykelstier", "fortove"])
    assert pairs.index(paths) < pairs.index(routes)
    assert "modsat" in out["reason"].iloc[pairs.index(routes)]
    # without the answers (a question that is no yes/no question) E5 alone orders them
    pairs = _pairs(suggest(themes, units, statements, **kw))
    assert pairs.index(routes) < pairs.index(paths)
    assert opposite_answers({2}, {3, 4}, {2: "Ja", 3: "Nej"})
    assert not opposite_answers({2}, {3, 5}, {2: "Ja", 3: "Nej", 5: "Ja"})  # no side all of one answer
    assert not opposite_answers({2}, {3}, {2: "Ja", 3: "Begge dele"})
