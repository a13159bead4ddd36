import pytest

from pipeline.ingest import clean_text, decode_bytes, join_wrapped_lines, parse_group


@pytest.mark.parametrize(
    "lines, expected",
    [
        (
            ["behovet for støtte til pårøren-", "de og frivillige."],
            "behovet for støtte til pårørende og frivillige.",
        ),
        (["behovet for IT-", "sikkerhed."], "behovet for IT-sikkerhed."),
        (["familie- ", "og netværksbaserede tiltag"], "familie- og netværksbaserede tiltag"),
        (["Covid-", "19 ramte"], "Covid-19 ramte"),
        (["første linje ", "anden linje"], "første linje anden linje"),
        # Most line ends carry a trailing space; the one without marks a dropped soft hyphen.
        (
            ["vi skal træne ", "grund", "læggende færdigheder ", "og mere."],
            "vi skal træne grundlæggende færdigheder og mere.",
        ),
        # Without the trailing-space convention every plain break is a space.
        (["vi skal træne", "grund", "læggende færdigheder"], "vi skal træne grund læggende færdigheder"),
        (["ord med blødt\u00ad", "bindestreg"], "ord med blødtbindestreg"),
    ],
)
def test_join_wrapped_lines(lines, expected):
    assert join_wrapped_lines(lines) == expected


def test_clean_text_keeps_bullets_and_drops_control_characters():
    text = "Gruppe 1 talte\r\nom to ting:\n• frivillige\n  i ældreplejen\n- unge\x07\n\n\nNyt afsnit\u00ad."
    assert clean_text(text) == "Gruppe 1 talte om to ting:\n• frivillige i ældreplejen\n- unge\n\nNyt afsnit."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1"])
def test_decode_bytes_keeps_danish_letters(encoding):
    text, used = decode_bytes("Kerneområde;Ældre;Søren".encode(encoding))
    assert text == "Kerneområde;Ældre;Søren"
    assert used in {"utf-8", "cp1252", "latin-1"}


def test_decode_bytes_cp1252_quotes():
    assert decode_bytes("“opgaveløsning” – ja".encode("cp1252")) == ("“opgaveløsning” – ja", "cp1252")


@pytest.mark.parametrize(
    "value, expected",
    [("3", 3), ("Gruppe 3", 3), ("bord 12", 12), ("3.0", 3), (" Gruppe  4 ", 4), ("A", None), ("", None)],
)
def test_parse_group(value, expected):
    assert parse_group(value) == expected


@pytest.mark.parametrize(
    ("text", "blocks"),
    [
        # an ordinal and its noun on a line of its own is no list item: "10." stays
        (
            "Gruppe 1 talte om skolen.\n10. klasse skal have mere vejledning.",
            ["Gruppe 1 talte om skolen. 10. klasse skal have mere vejledning."],
        ),
        ("10. klasse skal have vejledning.", ["10. klasse skal have vejledning."]),
        # numbers in sequence are a list, an item's wrapped line between them too
        (
            "Punkter:\n1. trivsel i klassen\nog i frikvarteret\n2. mobning\n3) ro",
            ["Punkter:", "trivsel i klassen og i frikvarteret", "mobning", "ro"],
        ),
        ("Vi nævnte\n9. klasse\n10. klasse", ["Vi nævnte", "klasse", "klasse"]),  # 9, 10: a list
        ("Gruppe 2:\n3. behandling i udvalget\n5. punkt", ["Gruppe 2: 3. behandling i udvalget 5. punkt"]),
    ],
)
def test_a_number_opens_a_list_item_only_where_the_numbers_run_in_sequence(text, blocks):
    from pipeline.nlp import split_blocks

    assert split_blocks(clean_text(text)) == blocks
