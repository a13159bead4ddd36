"""Links to a page's statements as a reader names them: by group and number, not by id.

A statement's id (``73d6cda918d5-01``) is what the tables and the workbook key on, but a line of
ids ("Udsagn: 73d6cda918d5-00 73d6cda918d5-01 10eb13ae62c0-00") tells an analyst nothing and
fills a Word table's column with hex. Every list of statements on an area page is therefore
written by :func:`evidence_runs`: by group, each group's statements by their number in that
group's notes on the page ("gruppe 1 (1 og 3), gruppe 4 (2)"), each number a link to the
statement; when each group has one statement, the group itself is the link ("gruppe 2, 3 og 5").
The notes at the bottom of the page show the same numbers (:func:`statement_numbers`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pipeline.report import blocks as pm
from pipeline.report.theme_runs import da_joined, statement_link
from pipeline.report.wording import group_label

__all__ = ["evidence_runs", "page_evidence", "page_numbers", "statement_numbers"]


def statement_numbers(notes: Iterable[Mapping]) -> dict[str, tuple[int, int]]:
    """Each statement's group and its number among that group's statements on the page (from 1).

    Args:
        notes: The page's notes in their order (``group``, ``statements``: each with its ``id``).

    >>> statement_numbers([{"group": 2, "statements": [{"id": "a-00"}, {"id": "a-01"}]},
    ...                    {"group": 2, "statements": [{"id": "b-00"}]}])
    {'a-00': (2, 1), 'a-01': (2, 2), 'b-00': (2, 3)}
    """
    seen: dict[int, int] = {}
    out: dict[str, tuple[int, int]] = {}
    for note in notes:
        group = int(note["group"])
        for s in note["statements"]:
            seen[group] = seen.get(group, 0) + 1
            out[str(s["id"])] = (group, seen[group])
    return out


def evidence_runs(
    ids: Iterable[str],
    numbers: Mapping[str, tuple[int, int]],
    names: Mapping[int, str] | None = None,
    *,
    short: bool = False,
) -> pm.Inlines:
    """Statements as links named by group and number: ``gruppe 1 (1 og 3), gruppe 4 (2)``.

    Groups in their order, each group's statements by number. When every group has one statement
    the group names are the links (``gruppe 2, 3 og 5``). A statement the page's notes do not hold
    keeps its id as its link's text.

    Args:
        ids: The statements' ids.
        numbers: :func:`statement_numbers` of the page's notes.
        names: The named groups' names by ordinal.
        short: ``gr.`` for ``gruppe`` (in a table).
    """
    ids = list(dict.fromkeys(str(i) for i in ids))
    known = sorted((numbers[i], i) for i in ids if i in numbers)
    unknown = [statement_link(i, i) for i in ids if i not in numbers]
    by_group: dict[int, list[tuple[int, str]]] = {}
    for (group, k), sid in known:
        by_group.setdefault(group, []).append((k, sid))

    def who(group: int) -> str:
        label = group_label(group, names)
        return label.replace("gruppe ", "gr. ") if short else label

    runs: list[pm.Inline | pm.Inlines] = []
    if by_group and all(len(v) == 1 for v in by_group.values()):
        links = [statement_link(v[0][1], who(g)) for g, v in by_group.items()]
        runs = _compact(links, short)
    else:
        for group, said in by_group.items():
            nums = da_joined([statement_link(sid, str(k)) for k, sid in said])
            runs.append((who(group), " (", *nums, ")"))
    runs += unknown
    return pm.inlines(*pm.joined(runs))


def _compact(links: list[pm.Link], short: bool) -> list[pm.Inline | pm.Inlines]:
    """``gruppe 2, 3 og 5``: "gruppe" once, before the first number, when no group has a name."""
    word = "gr. " if short else "gruppe "
    if not all(link.text.startswith(word) for link in links):
        return [da_joined(links)]
    first, *rest = links
    numbered = [pm.Link(link.text[len(word) :], link.href) for link in rest]
    return [(word, pm.Link(first.text[len(word) :], first.href), *_tail(numbered))]


def _tail(links: list[pm.Link]) -> pm.Inlines:
    """The links after the first: ``, 3 og 5``."""
    if not links:
        return ()
    if len(links) == 1:
        return (" og ", links[0])
    return (", ", *da_joined(links))


def page_evidence(ctx, ids: Iterable[str], *, short: bool = False) -> pm.Inlines:
    """:func:`evidence_runs` on an area page: its notes' numbers, its groups' names."""
    return evidence_runs(ids, ctx.numbers, ctx.group_names, short=short)


def page_numbers(ctx, ids: Iterable[str]) -> pm.Inlines:
    """One group's statements by their numbers alone (``2 og 3``), where the line names the group."""
    numbers = ctx.numbers
    return da_joined([statement_link(i, str(numbers[i][1]) if i in numbers else i) for i in ids])
