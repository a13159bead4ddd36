"""The index page lists a word groups used in several areas about different things apart from the points."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from pipeline.report.blocks import BulletList, Heading, block_text, inline_text


def _analysis():
    statements = pd.DataFrame(
        {
            "statement_id": ["s1", "s2"],
            "tokens": ["Vi ønsker samarbejde med foreninger", "Vi ønsker samarbejde med virksomheder"],
            "pos": ["PRON VERB NOUN ADP NOUN", "PRON VERB NOUN ADP NOUN"],
            "lemmas": ["vi ønske samarbejde med forening", "vi ønske samarbejde med virksomhed"],
        }
    )
    units = pd.DataFrame(
        {
            "unit_id": ["u1", "u2"],
            "statement_id": ["s1", "s2"],
            "group": [2, 1],
            "start": [2, 2],
            "end": [3, 3],
            "text": ["samarbejde", "samarbejde"],
            "lemmas": ["samarbejde", "samarbejde"],
        }
    )
    areas = [
        {"core_area": "Social omsorg", "groups": [2], "unit_ids": ["u1"]},
        {"core_area": "Beskæftigelse", "groups": [1], "unit_ids": ["u2"]},
    ]
    quality = {"cross_words_apart": [{"word": "Samarbejde", "areas": areas}]}
    return SimpleNamespace(units=units, statements=statements, quality=quality)


def test_each_area_lists_its_groups_own_words_apart_from_the_points():
    from pipeline.report.cross_apart import CROSS_WORDS_APART, cross_apart_blocks, cross_words_apart

    blocks = cross_apart_blocks(cross_words_apart(_analysis()), None)
    assert isinstance(blocks[0], Heading) and block_text(blocks[0]) == CROSS_WORDS_APART
    (item,) = next(b for b in blocks if isinstance(b, BulletList)).items
    assert inline_text(item) == (
        "Samarbejde – Social omsorg: samarbejde med foreninger (gruppe 2). "
        "Beskæftigelse: samarbejde med virksomheder (gruppe 1)."
    )
    # no word recorded: nothing listed
    assert cross_apart_blocks(cross_words_apart(SimpleNamespace(quality={}, units=None)), None) == []
