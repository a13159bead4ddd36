"""Only real tag syntax is markup: a word a note-taker puts in angle brackets stays a word."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pipeline.ingest._text import HTML_TAGS, mask_markup

danish_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøå", min_size=2, max_size=12).filter(
    lambda w: w not in HTML_TAGS
)
#: Element names as HTML and XML files write them (ASCII letters).
element_names = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=12)
attribute_values = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789 -_:/.", max_size=20)


@given(word=danish_words)
def test_a_word_in_angle_brackets_is_the_note_takers_and_stays(word):
    text = f"Det er <{word}> nok, også <{word.upper()}>."
    assert mask_markup(text) == text


@given(
    tag=st.sampled_from(sorted(HTML_TAGS - {"script", "style"})), value=attribute_values, name=element_names
)
def test_a_known_tag_or_a_tag_with_attributes_is_masked_to_spaces(tag, value, name):
    text = f'Trivsel <{tag} class="{value}">i klassen</{tag}> og <{name} id="{value}"/> <{tag}> her'
    masked = mask_markup(text)
    assert len(masked) == len(text)
    assert "<" not in masked and ">" not in masked
    assert masked.split() == ["Trivsel", "i", "klassen", "og", "her"]


def test_tag_syntax_of_an_unknown_name_is_masked():
    # a closing tag elsewhere, an XML namespace, a declaration, a comment, an attribute
    for text in ("<navn>Peter</navn>", "<w:p>", "<?xml version='1.0'?>", "<!-- x -->", "<foo bar=1>"):
        assert "<" not in mask_markup(text)
    assert mask_markup("<navn>Peter</navn>").split() == ["Peter"]
