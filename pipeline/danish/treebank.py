"""Dependency trees of the Copenhagen Dependency Treebank (CoNLL-X), as the parser sees them.

One place for the two choices the parser's training and its evaluation share:

* **Multiword tokens.** CDT joins some expressions with ``_`` (``i_lørdags``, ``i_hvert_fald``);
  our tokenizer does not. Such a token is split into its words; the first word takes the
  token's head and relation and every later word attaches to the first with the relation
  ``fixed`` (UD's relation for fixed expressions, headed by their first word). Dependents of the
  token attach to the first word.
* **Unattached words.** About one CDT sentence in four has more than one word with head 0: the
  extra ones are words the annotators left unattached (verb particles such as ``på`` in "gik på
  banen", adverbs, an appended place name). The main root is the first root that is a verb
  (else the first root); every other root attaches to it as ``mod``, so that a sentence is one
  tree (the pipeline splits sentences before it parses). Evaluation does not score these words
  (:attr:`CdtTree.scored` is False for them): their gold head is a guess.

Relations keep CDT's names (``subj``, ``dobj``, ``pobj``, ``nobj``, ``mod``, ``possd``, ``conj``,
``coord``, ``pnct``, ...); the root's relation is ``ROOT``.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

#: Relation of the later words of a split multiword token.
FIXED = "fixed"
#: Relation given to an unattached word (an extra root) of a CDT sentence.
UNATTACHED = "mod"
#: CDT's relation for punctuation (not scored when punctuation is excluded).
PUNCT_REL = "pnct"


@dataclass(frozen=True)
class CdtTree:
    """One sentence as the parser learns it: words, 0-based heads (the root points to itself)."""

    words: tuple[str, ...]
    heads: tuple[int, ...]
    deps: tuple[str, ...]
    cpos: tuple[str, ...]  # DDT coarse tag of the original token (``XP`` punctuation)
    scored: tuple[bool, ...]  # False for words CDT left unattached

    def is_punct(self, i: int) -> bool:
        """Whether word ``i`` is punctuation (CDT tag ``XP``/``XS`` or relation ``pnct``)."""
        return self.cpos[i] in {"XP", "XS"} or self.deps[i] == PUNCT_REL


def _parts(form: str, lemma: str) -> list[str]:
    fparts, lparts = form.split("_"), lemma.split("_")
    if "_" in form and len(form) > 1 and len(fparts) == len(lparts):
        return [fp for fp in fparts if fp] or [form]
    return [form]


def cdt_tree(rows: Sequence[Sequence[str]]) -> CdtTree:
    """Convert the CoNLL-X rows of one CDT sentence (id, form, lemma, cpos, tag, feats, head, rel).

    Forms are HTML-unescaped (CDT writes ``&amp;``). See the module docstring for the rules.
    """
    first: dict[str, int] = {}  # CoNLL id -> index of its (first) word
    words: list[str] = []
    owner: list[int] = []  # word -> row
    for r, c in enumerate(rows):
        first[c[0]] = len(words)
        for w in _parts(html.unescape(c[1]), html.unescape(c[2])):
            words.append(w)
            owner.append(r)
    roots = [r for r, c in enumerate(rows) if c[6] in {"0", "_"} or c[6] not in first]
    verbal = [r for r in roots if rows[r][3] in {"VA", "VE"}]
    main = (verbal or roots or [0])[0]
    heads: list[int] = []
    deps: list[str] = []
    scored: list[bool] = []
    for i, r in enumerate(owner):
        c = rows[r]
        if i > 0 and owner[i - 1] == r:  # a later word of a multiword token
            heads.append(first[c[0]])
            deps.append(FIXED)
            scored.append(True)
        elif r == main:
            heads.append(i)
            deps.append("ROOT")
            scored.append(True)
        elif r in roots:
            heads.append(first[rows[main][0]])
            deps.append(UNATTACHED)
            scored.append(False)
        else:
            heads.append(first[c[6]])
            deps.append(c[7])
            scored.append(True)
    return CdtTree(
        words=tuple(words),
        heads=tuple(heads),
        deps=tuple(deps),
        cpos=tuple(rows[r][3] for r in owner),
        scored=tuple(scored),
    )


def read_conllx(text: str) -> list[list[list[str]]]:
    """Sentences of column lists from CoNLL-X text (blank-line separated, ``#`` lines skipped)."""
    out: list[list[list[str]]] = []
    cur: list[list[str]] = []
    for line in [*text.splitlines(), ""]:
        if not line.strip():
            if cur:
                out.append(cur)
            cur = []
        elif not line.startswith("#"):
            cur.append(line.rstrip("\n").split("\t"))
    return out


_UPOS = frozenset("ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X _".split())


def is_conllx(text: str) -> bool:
    """Whether the text is CoNLL-X as CDT writes it rather than CoNLL-U.

    Decided by the first word line: CDT's coarse tags (``NC``, ``VA``) are not Universal POS.
    """
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        return len(cols) >= 8 and cols[3] not in _UPOS
    return False
