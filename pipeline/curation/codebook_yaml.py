"""Reading the YAML codebook (``codebook.yaml``) into the :class:`~pipeline.curation.codebook.Codebook`.

The YAML is read with the line of every mapping and key, so each mistake is one
:class:`~pipeline.curation.codebook.CodebookError` naming the line and the fix.
"""

from __future__ import annotations

from pipeline.curation.codebook import _ID, ORDERS, Codebook, CodebookError, Decision, Entry, SplitPart
from pipeline.curation.codebook import check_entries
from pipeline.curation.record import DECISION_FIELDS

__all__ = ["parse_codebook"]


class _Marked(dict):
    """A YAML mapping that remembers its own line and the line of each key."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.line, self.lines = 0, {}


def _loader():
    import yaml

    class Loader(yaml.SafeLoader):
        """Safe YAML that records line numbers of mappings and keys."""

    def mapping(loader, node):
        out = _Marked()
        out.line, out.lines = node.start_mark.line + 1, {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in out:
                raise CodebookError(
                    "",
                    f"the field {key!r} is given twice",
                    "keep one of them",
                    f"line {key_node.start_mark.line + 1}",
                )
            out[key] = loader.construct_object(value_node, deep=True)
            out.lines[key] = key_node.start_mark.line + 1
        return out

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    return Loader


_ENTRY_FIELDS = {
    "id",
    "area",
    "label",
    "name",
    "memo",
    "confirm",
    "exclude",
    "merge_into",
    "split",
    "seeds",
    "pin",
    "match",
    "groups",
}
_MATCH_FIELDS = {"key", "phrases", "statements"}
_PART_FIELDS = {"name", "seeds", "pin", "memo"}


def _text(value, file: str, line: int, field: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise CodebookError(
            file,
            f"{field} must be a text",
            f"write {field}: followed by a text, e.g. {field}: 'Frivillige'",
            f"line {line}",
        )
    return " ".join(str(value).split())


def _memo(value, file: str, line: int) -> str:
    """A memo keeps its line breaks (a block ``|`` text); only the ends are trimmed."""
    if isinstance(value, str):
        return "\n".join(line_.rstrip() for line_ in value.strip().splitlines())
    return _text(value, file, line, "memo")


def _words(value, file: str, line: int, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        value = [value]
    if not isinstance(value, list) or not all(
        isinstance(v, (str, int)) and not isinstance(v, bool) for v in value
    ):
        raise CodebookError(
            file, f"{field} must be a list of texts", f"write {field}: [word, other word]", f"line {line}"
        )
    return tuple(dict.fromkeys(" ".join(str(v).split()) for v in value if str(v).strip()))


def _unknown(data: _Marked, known: set[str], file: str, what: str) -> None:
    for key in data:
        if key not in known:
            raise CodebookError(
                file,
                f"unknown field {key!r} in {what}",
                f"use only: {', '.join(sorted(known))}",
                f"line {data.lines.get(key, data.line)}",
            )


def _part(data, file: str, line: int) -> SplitPart:
    if not isinstance(data, _Marked):
        raise CodebookError(
            file,
            "a split part must be a mapping with name and seeds",
            "write - name: 'Part name'\n    seeds: [word]",
            f"line {line}",
        )
    _unknown(data, _PART_FIELDS, file, "a split part")
    name = _text(data.get("name"), file, data.line, "name")
    seeds = _words(data.get("seeds"), file, data.lines.get("seeds", data.line), "seeds")
    pin = _words(data.get("pin"), file, data.lines.get("pin", data.line), "pin")
    if not name:
        raise CodebookError(
            file, "a split part has no name", "give each part a name: name: 'Part name'", f"line {data.line}"
        )
    if not (seeds or pin):
        raise CodebookError(
            file,
            f"the split part {name!r} has no seeds and no pin",
            "list the words of its key phrases under seeds: (or statement ids under pin:)",
            f"line {data.line}",
        )
    return SplitPart(
        name, seeds, pin, _memo(data.get("memo"), file, data.lines.get("memo", data.line)), data.line
    )


def _flag(data: _Marked, key: str, file: str, entry_id: str) -> bool:
    """A true/false field of an entry (``exclude``, ``confirm``), false when absent."""
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise CodebookError(
            file,
            f"{key}: of {entry_id!r} must be true or false",
            f"write {key}: true (or false)",
            f"line {data.lines.get(key, data.line)}",
        )
    return value


def _entry_head(data, file: str, line: int) -> tuple[str, str]:
    """An entry's id and core area, both required.

    Raises:
        CodebookError: The entry is no mapping, has an unknown field, or no usable id or area.
    """
    if not isinstance(data, _Marked):
        raise CodebookError(
            file,
            "an entry under themes: must be a mapping (id:, area:, ...)",
            "start each entry with '- id: ...' and indent its fields",
            f"line {line}",
        )
    _unknown(data, _ENTRY_FIELDS, file, "an entry")
    at_id = data.lines.get("id", data.line)
    entry_id = _text(data.get("id"), file, at_id, "id")
    if not entry_id or not _ID.match(entry_id):
        raise CodebookError(
            file,
            f"the entry has no usable id ({entry_id!r})",
            "give it an id of letters, digits, '-' or '_', e.g. id: frivillige",
            f"line {at_id}",
        )
    area = _text(data.get("area"), file, data.lines.get("area", data.line), "area")
    if not area:
        raise CodebookError(
            file,
            f"the entry {entry_id!r} has no area",
            "name its core area as in seminar.toml: area: 'Social omsorg'",
            f"line {data.line}",
        )
    return entry_id, area


def _entry_blocks(data: _Marked, file: str, entry_id: str) -> tuple[_Marked, list]:
    """An entry's ``match:`` mapping and ``split:`` list (empty when absent), their shapes checked."""
    match = data.get("match") or _Marked()
    if not isinstance(match, _Marked):
        raise CodebookError(
            file,
            f"match: of {entry_id!r} must be a mapping (key, phrases, statements)",
            "leave the match block as `seminar curate init` wrote it",
            f"line {data.lines.get('match', data.line)}",
        )
    _unknown(match, _MATCH_FIELDS, file, "match:")
    split = data.get("split") or []
    if not isinstance(split, list):
        raise CodebookError(
            file,
            f"split: of {entry_id!r} must be a list of parts",
            "write split: followed by '- name: ...' lines",
            f"line {data.lines.get('split', data.line)}",
        )
    return match, split


def _check_entry(entry: Entry, file: str, at) -> None:
    """A new theme has a name and seeds or pins; seeds only for a new theme; no two exclusive actions."""
    entry_id, problem = entry.id, None
    if entry.is_new and not entry.name:
        problem = (
            f"the new theme {entry_id!r} has no name",
            "name it (name: 'Trafiksikkerhed'), or copy the match: block of an existing theme",
            entry.line,
        )
    elif entry.is_new and not (entry.seeds or entry.pin):
        problem = (
            f"the new theme {entry_id!r} has no seeds and no pin",
            "list words of its key phrases under seeds: or statement ids under pin:",
            entry.line,
        )
    elif entry.seeds and not entry.is_new:
        problem = (
            f"seeds: belongs to new themes, but {entry_id!r} matches an automatic theme",
            "use pin: to add statements to it, or split: to divide it",
            at("seeds"),
        )
    elif entry.exclude and (entry.merge_into or entry.split):
        problem = (
            f"{entry_id!r} is excluded and merged or split at the same time",
            "keep exclude: true or the merge/split, not both",
            at("exclude"),
        )
    elif entry.merge_into and entry.split:
        problem = (
            f"{entry_id!r} is merged and split at the same time",
            "split it, or merge it, not both",
            at("merge_into"),
        )
    if problem is not None:
        raise CodebookError(file, problem[0], problem[1], f"line {problem[2]}")


def _entry(data, file: str, line: int) -> Entry:
    """One entry under ``themes:``, every field checked (the message names the line)."""
    entry_id, area = _entry_head(data, file, line)

    def at(key: str) -> int:  # the line of a field, for messages
        return data.lines.get(key, data.line)

    match, split = _entry_blocks(data, file, entry_id)
    exclude = _flag(data, "exclude", file, entry_id)
    confirm = _flag(data, "confirm", file, entry_id)
    in_match = lambda key: match.lines.get(key, at("match"))  # noqa: E731 - a match field's line
    entry = Entry(
        id=entry_id,
        area=area,
        key=_text(match.get("key"), file, in_match("key"), "key"),
        phrases=_words(match.get("phrases"), file, in_match("phrases"), "phrases"),
        statements=_words(match.get("statements"), file, in_match("statements"), "statements"),
        name=_text(data.get("name"), file, at("name"), "name"),
        memo=_memo(data.get("memo"), file, at("memo")),
        exclude=exclude,
        merge_into=_text(data.get("merge_into"), file, at("merge_into"), "merge_into"),
        split=tuple(_part(p, file, at("split")) for p in split),
        seeds=_words(data.get("seeds"), file, at("seeds"), "seeds"),
        pin=_words(data.get("pin"), file, at("pin"), "pin"),
        confirm=confirm,
        line=data.line,
    )
    _check_entry(entry, file, at)
    return entry


def parse_codebook(text: str, file: str = "codebook.yaml") -> Codebook:
    """Read a codebook from YAML text and check it on its own (without the analysis).

    Args:
        text: The YAML text.
        file: The file name, for messages.

    Returns:
        The :class:`Codebook`.

    Raises:
        CodebookError: The YAML is malformed, or an entry is (message with line and fix).
    """
    import yaml

    try:
        data = yaml.load(text, Loader=_loader())  # a SafeLoader subclass
    except CodebookError as exc:
        raise CodebookError(file, exc.problem, exc.fix, exc.place) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        place = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "whole file"
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise CodebookError(
            file,
            f"not valid YAML ({problem})",
            "check the indentation and quote texts that contain ':' or '#'",
            place,
        ) from None
    if data is None:
        return Codebook(file)
    if not isinstance(data, _Marked):
        raise CodebookError(
            file,
            "the codebook must be a mapping with themes:",
            "start from the file `seminar curate init` writes",
            "line 1",
        )
    _unknown(data, {"version", "order", "themes", "seminar", "suggestions"}, file, "the codebook")
    order = _text(data.get("order", "groups"), file, data.lines.get("order", 1), "order") or "groups"
    if order not in ORDERS:
        raise CodebookError(
            file,
            f"order: {order!r} is not known",
            "write order: groups (most groups first) or order: codebook (the order of the entries)",
            f"line {data.lines['order']}",
        )
    themes = data.get("themes") or []
    if not isinstance(themes, list):
        raise CodebookError(
            file,
            "themes: must be a list of entries",
            "write each entry as '- id: ...' under themes:",
            f"line {data.lines.get('themes', 1)}",
        )
    entries = tuple(_entry(item, file, getattr(item, "line", data.lines.get("themes", 1))) for item in themes)
    check_entries(entries, file)
    decisions = _decisions(data.get("suggestions") or [], file, data.lines.get("suggestions", 1))
    return Codebook(file, entries, order, data.lines.get("order", 0), decisions)


#: The fields of a decision as :func:`pipeline.curation.record.record_decisions` writes it.
_DECISION_FIELDS = {"id", "area", "kind", "decision", *DECISION_FIELDS[3:]}


def _decisions(items, file: str, line: int) -> tuple:
    """The ``suggestions:`` block: one decision per suggestion the analyst accepted or rejected."""
    if not isinstance(items, list):
        raise CodebookError(
            file,
            "suggestions: must be a list",
            "let `seminar curate accept`/`reject` write it",
            f"line {line}",
        )
    out = []
    for item in items:
        if not isinstance(item, _Marked):
            raise CodebookError(
                file,
                "a decision under suggestions: must be a mapping",
                "let `seminar curate accept`/`reject` write it",
                f"line {line}",
            )
        _unknown(item, _DECISION_FIELDS, file, "a decision under suggestions:")
        get = lambda key: _text(item.get(key), file, item.lines.get(key, item.line), key)  # noqa: E731
        verdict = get("decision")
        if verdict not in ("accept", "reject"):
            raise CodebookError(
                file,
                f"decision: {verdict!r} of suggestion {get('id')!r} is not accept or reject",
                "write decision: accept (or reject)",
                f"line {item.lines.get('decision', item.line)}",
            )
        kind = get("kind") or "merge"
        out.append(
            Decision(
                get("id"),
                get("area"),
                kind,
                verdict == "accept",
                get("theme"),
                get("other"),
                get("theme_words"),
                get("other_words"),
                get("theme_key"),
                get("other_key"),
                "",
                item.line,
            )
        )
    return tuple(out)
