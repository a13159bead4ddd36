"""Statements from notes: bullets, tricky Danish, and text that is not ordinary prose."""

from __future__ import annotations

import logging

import pandas as pd
import pytest

from pipeline.config import NlpConfig
from pipeline.errors import ConfigError
from pipeline.ingest import note_id
from pipeline.nlp import build_nlp, make_statements, split_blocks, stop_words


@pytest.fixture(scope="module")
def nlp(danish_nlp):
    return danish_nlp


def notes_of(*texts: str) -> pd.DataFrame:
    rows = []
    for i, text in enumerate(texts, start=1):
        rows.append(
            {
                "note_id": note_id(2025, "Læring", i, text),
                "year": 2025,
                "seminar": "Test",
                "core_area": "Læring",
                "theme": "",
                "question": "",
                "group": i,
                "text": text,
                "source_file": "t.csv",
                "source_ref": f"line {i + 1}",
            }
        )
    return pd.DataFrame(rows)


def test_split_blocks_keeps_bullets_apart():
    text = "Gruppen talte om:\n• frivillige\n- unge\n* pårørende\n1. teknologi\n2) kultur"
    assert split_blocks(text) == [
        "Gruppen talte om:",
        "frivillige",
        "unge",
        "pårørende",
        "teknologi",
        "kultur",
    ]


def test_statements_split_sentences_and_bullets(nlp):
    text = (
        "Gruppe 1 talte om frivillige. Bl.a. fx unge ift. ældreplejen.\n• koordinering\n• pårørende som "
        "ressource"
    )
    st = make_statements(notes_of(text), nlp, NlpConfig())
    assert list(st.text) == [
        "Gruppe 1 talte om frivillige.",
        "Bl.a. fx unge ift. ældreplejen.",
        "koordinering",
        "pårørende som ressource",
    ]
    assert list(st.position) == [0, 1, 2, 3]
    assert list(st.statement_id) == [f"{st.note_id.iloc[0]}-{i:02d}" for i in range(4)]


def test_lemmas_and_content_words(nlp):
    st = make_statements(
        notes_of("De talte om frivillighedsarbejdet og de ældre på plejehjemmene."), nlp, NlpConfig()
    )
    row = st.iloc[0]
    assert row.lemmas.split()[1:3] == ["tale", "om"]  # "talte" is tale (spoke), not tælle (count)
    content = row.content_lemmas.split()
    assert "tale" not in content and "de" not in content  # reporting verbs and function words are stop words
    assert {"frivillighedsarbejde", "ældre", "plejehjem"} <= set(content)
    assert {"frivillighed", "arbejde", "pleje", "hjem"} & set(row.compound_parts.split())


def test_statements_without_tags_leave_the_tagger_out_and_keep_the_words(nlp):
    text = "De talte om frivillighedsarbejdet og de ældre på plejehjemmene.\n• pårørende som ressource"
    tagged = make_statements(notes_of(text), nlp, NlpConfig())
    plain = make_statements(notes_of(text), nlp, NlpConfig(), tags=False)
    assert "NOUN" in " ".join(tagged.pos).split()
    assert set(" ".join(plain.pos).split()) == {"X"}  # no word classes computed
    for column in ("statement_id", "text", "tokens", "content_lemmas", "compound_parts"):
        assert list(plain[column]) == list(tagged[column])
    assert "danish_tagger" in nlp.pipe_names  # the pipeline is given back whole


def test_extra_stop_words_from_config():
    assert "budget" in stop_words(NlpConfig(extra_stop_words=("Budget",)))
    assert {"gruppe", "drøfte", "herunder"} <= stop_words(NlpConfig())


@pytest.mark.parametrize(
    "text, n_statements",
    [
        # no letters (ingest rejects such notes): still one statement each, nothing is lost here
        ("... !!! ---", 2),
        ("2024 2025 100 %", 1),
        ("The group discussed volunteers. They want more coordination.", 2),
        ("Gruppen talte om 😀 frivillige 👍 og Ελληνικά og русский текст.", 1),
        ("Gruppe 1: Ældre — 高齢者 — og unge!", 1),
    ],
)
def test_odd_text_gives_sensible_statements(nlp, text, n_statements):
    st = make_statements(notes_of(text), nlp, NlpConfig())
    assert len(st) == n_statements
    for row in st.itertuples():
        assert row.text.strip() and row.lemmas.strip()


def test_a_very_long_note(nlp):
    sentence = "Gruppen drøftede frivillige i ældreplejen og behovet for koordinering. "
    text = sentence * (100_000 // len(sentence) + 1)
    assert len(text) > 100_000
    st = make_statements(notes_of(text), nlp, NlpConfig())
    assert len(st) == text.count(".")
    assert st.statement_id.is_unique


def test_no_letters_note_is_rejected_at_ingest(tiny_cfg):
    from pipeline.ingest import SourceFile, ingest

    data = "kerneområde;gruppe;tekst\nLæring;1;2024 - 2025 !!!\nLæring;2;Trivsel.\n".encode()
    result = ingest([SourceFile("n.csv", data)], tiny_cfg)
    assert list(result.notes.group) == [2]
    assert result.rejects.iloc[0].reason.startswith("no words")


def test_a_trained_pipeline_from_a_path_gets_the_project_components(tmp_path, caplog):
    import spacy

    saved = spacy.blank("da")
    saved.add_pipe("sentencizer")
    saved.to_disk(tmp_path / "my_da_pipeline")
    with caplog.at_level(logging.INFO, logger="pipeline.nlp"):
        nlp = build_nlp(NlpConfig(pipeline=str(tmp_path / "my_da_pipeline")))
    assert nlp.pipe_names == ["sentencizer", "danish_compounds"]
    assert "my_da_pipeline" in caplog.text
    doc = nlp("Vi talte om bl.a. ældreplejen.")
    assert "bl.a." in [t.text for t in doc]


def test_missing_trained_pipeline_is_a_config_error():
    with pytest.raises(ConfigError, match="da_core_news_xx"):
        build_nlp(NlpConfig(pipeline="da_core_news_xx"))


def test_auto_falls_back_to_the_bundled_pipeline(caplog):
    with caplog.at_level(logging.INFO, logger="pipeline.nlp"):
        nlp = build_nlp(NlpConfig(pipeline="auto"))
    assert "danish_lemmatizer" in nlp.pipe_names


def test_a_compound_written_with_a_hyphen_has_its_pieces_as_parts(nlp):
    """'IT-kompetencer' counts for 'kompetence' as 'kompetenceudvikling' does (the recurring words)."""
    st = make_statements(notes_of("De sikrede tilstrækkelige IT-kompetencer og el-biler."), nlp, NlpConfig())
    parts = set(st.iloc[0].compound_parts.split())
    assert {"it", "kompetence", "el", "bil"} <= parts
    assert "it-kompetence" in st.iloc[0].content_lemmas.split()
