"""The comparison's parameters, built once (with the threshold the years stored); dead keys warn and go."""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

import pandas as pd
import pytest

from pipeline.compare import CompareParams, YearTables, status_of
from pipeline.compare.yearly import recurring_from
from pipeline.config import CompareConfig, parse_config

TOML = Path(__file__).resolve().parents[1] / "data" / "raw" / "2024" / "seminar.toml"


def _with_compare(lines: str) -> str:
    text = TOML.read_text(encoding="utf-8")
    assert "[compare]" not in text
    return text + "\n[compare]\n" + lines


@pytest.mark.parametrize("key, value", [("min_similarity", "0.3"), ("one_to_one", "true")])
def test_a_dead_compare_key_warns_once_naming_it_and_is_ignored(key, value):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cfg = parse_config(_with_compare(f"{key} = {value}\n"), file="seminar.toml", base_dir=TOML.parent)
    messages = [str(w.message) for w in caught]
    assert len(messages) == 1 and f"[compare] {key} is ignored" in messages[0]
    assert messages[0].startswith("seminar.toml")
    assert cfg.compare == CompareConfig()
    assert not hasattr(cfg.compare, key)


def test_a_config_without_dead_keys_gives_no_warning():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        parse_config(_with_compare("change = 0.25\n"), file="seminar.toml", base_dir=TOML.parent)
    assert caught == []


def test_compare_params_take_compare_from_the_config_and_the_threshold_the_years_stored():
    cfg = parse_config(_with_compare("change = 0.25\nn_quotes = 3\n"), base_dir=TOML.parent)
    # the stored threshold (3), not the configuration's [themes] value (2), decides
    params = CompareParams.from_config(cfg, recurring_from=3)
    assert params == CompareParams(change=0.25, ratio=2.0, recurring_from=3, n_quotes=3)
    # recurring_from decides "ny": 1 → new from 1, a single group is not a change from 2
    assert status_of(0, 1, 0.0, 0.2, CompareParams(recurring_from=1)) == "ny"
    assert status_of(0, 1, 0.0, 0.2, CompareParams(recurring_from=2)) == "enkeltstående"


def _stored(year: int, recurring_from: int) -> YearTables:
    empty = pd.DataFrame()
    return YearTables(year, str(year), empty, empty, empty, empty, empty, recurring_from)


def test_the_comparison_recurs_from_the_last_years_stored_threshold_and_warns_when_years_differ(caplog):
    with caplog.at_level(logging.WARNING):
        assert recurring_from({2024: _stored(2024, 2), 2025: _stored(2025, 2)}) == 2
    assert caplog.text == ""
    with caplog.at_level(logging.WARNING):
        assert recurring_from({2025: _stored(2025, 3), 2024: _stored(2024, 2), 2023: _stored(2023, 3)}) == 3
    assert "2024: 2" in caplog.text and "uses 3, 2025's" in caplog.text and "2023" not in caplog.text


def test_a_range_is_declared_with_its_field_and_checked_on_load(tmp_path):
    """``bounds`` on a field is what the loader checks: a value below it names the key and the bound."""
    from pipeline.config import parse_config
    from pipeline.errors import ConfigError

    text = (
        '[seminar]\nname = "T"\nyear = 2024\n\n[[core_areas]]\nname = "A"\n\n'
        "[topics]\nembedding_budget = -1\n"
    )
    with pytest.raises(ConfigError, match=r"\[topics\] embedding_budget = -1 is out of range"):
        parse_config(text, base_dir=tmp_path)
    ok = parse_config(text.replace("-1", "0"), base_dir=tmp_path)
    assert ok.topics.embedding_budget == 0.0
