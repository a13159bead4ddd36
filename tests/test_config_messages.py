"""A seminar TOML with a typo or a wrong input name: one message with the place and the fix."""

from __future__ import annotations

import pytest

from pipeline.config import parse_config
from pipeline.errors import ConfigError, InputError
from tests.conftest import TINY_TOML


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        ('[input]\nfile = ["a.csv"]\n', "unknown key(s) file in [input]; did you mean 'files'?"),
        (
            "[themes]\nmin_group = 2\nn_quote = 3\n",
            "unknown key(s) min_group, n_quote in [themes]; did you mean",
        ),
        ("[outptu]\nreports_dir = 'r'\n", "unknown section(s) outptu; did you mean 'output'?"),
        ("[privcy]\nredact = false\n", "unknown section(s) privcy; did you mean 'privacy'?"),
        ("[input]\nzzz = 1\n", "unknown key(s) zzz in [input]"),
    ],
)
def test_a_typo_in_a_key_or_section_says_the_name_meant(extra, problem):
    with pytest.raises(ConfigError) as info:
        parse_config(TINY_TOML + extra)
    assert info.value.problem.startswith(problem), info.value.problem
    if "zzz" in extra:
        assert "did you mean" not in info.value.problem  # nothing close: no guess


def test_the_sections_a_configuration_can_have_are_all_listed():
    with pytest.raises(ConfigError) as info:
        parse_config(TINY_TOML + "[x]\ny = 1\n")
    assert info.value.fix.endswith("[compare], [output], [privacy]")


def test_a_missing_file_under_input_files_names_the_key_and_the_tomls_folder(tmp_path):
    from pipeline.io import config_sources, read_config

    (tmp_path / "seminar.toml").write_text(TINY_TOML + '\n[input]\nfiles = ["noter.cvs"]\n', encoding="utf-8")
    with pytest.raises(InputError) as info:
        config_sources(read_config(tmp_path / "seminar.toml"))
    assert info.value.place == "[input] files" and info.value.problem == "the file does not exist"
    assert "relative to the TOML's folder" in info.value.fix and str(tmp_path) in info.value.fix


def test_a_configuration_saved_with_a_byte_order_mark_is_read(tmp_path):
    from pipeline.io import read_config

    (tmp_path / "seminar.toml").write_bytes(b"\xef\xbb\xbf" + TINY_TOML.encode("utf-8"))
    assert read_config(tmp_path / "seminar.toml").name == "Testseminar"


def test_a_core_area_given_twice_is_named_as_such():
    twice = TINY_TOML + '\n[[core_areas]]\nname = "Læring"\ntheme = "x"\nquestion = "y?"\n'
    with pytest.raises(ConfigError) as info:
        parse_config(twice)
    assert info.value.problem == "the core area 'Læring' is given twice ([[core_areas]] with this name)"
    assert "aliases" in info.value.fix


def test_an_empty_input_files_names_the_tomls_folder(tmp_path):
    from pipeline.io import config_sources, read_config

    (tmp_path / "seminar.toml").write_text(TINY_TOML + "\n[input]\nfiles = []\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        config_sources(read_config(tmp_path / "seminar.toml"))
    assert str(info.value).startswith(f"the seminar TOML in {tmp_path}: [input] files is empty")


def test_a_configuration_in_another_encoding_names_the_line(tmp_path):
    from pipeline.io import read_config

    (tmp_path / "seminar.toml").write_bytes(TINY_TOML.encode("cp1252"))
    with pytest.raises(ConfigError) as info:
        read_config(tmp_path / "seminar.toml")
    first = next(i for i, line in enumerate(TINY_TOML.split("\n"), 1) if not line.isascii())
    assert info.value.problem.startswith(f"the configuration is not UTF-8 text (first at line {first}:")
    assert "Encoding: UTF-8" in info.value.fix
