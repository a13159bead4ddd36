"""The comparison's parameters, read once from the configuration; dead ``[compare]`` keys warn and go."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from pipeline.compare import CompareParams, status_of
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


def test_compare_params_are_built_once_from_compare_and_themes_min_groups():
    cfg = parse_config(_with_compare("change = 0.25\nn_quotes = 3\n"), base_dir=TOML.parent)
    params = CompareParams.from_config(cfg)
    assert params == CompareParams(change=0.25, ratio=2.0, min_groups=cfg.themes.min_groups, n_quotes=3)
    # min_groups decides "ny": 1 → new with min_groups 1, a single group is not a change with 2
    assert status_of(0, 1, 0.0, 0.2, CompareParams(min_groups=1)) == "ny"
    assert status_of(0, 1, 0.0, 0.2, CompareParams(min_groups=2)) == "enkeltstående"


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
