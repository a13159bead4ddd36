"""Build ``pipeline/danish/data/place_nouns.txt``: the DanNet nouns that name a place.

Usage:
    python training/build_place_nouns.py [--thesaurus ../shared/data/dannet-thesaurus/th_da_DK_dannet.dat]
        [--out PATH]

A noun names a place when one of its broader words is a place word, or a broader word's broader
word a concrete one (:func:`pipeline.danish.places.place_nouns`). Deterministic: one lemma a
line, sorted.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

from dannet_list import main as build_list  # noqa: E402

from pipeline.danish.places import TABLE, place_nouns  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    """Command line: ``--thesaurus`` the DanNet .dat file, ``--out`` the list."""
    build_list(
        argv,
        description=__doc__.splitlines()[0],
        table=TABLE,
        extract=place_nouns,
        header="Danish nouns that name a place (from DanNet; see pipeline/danish/places.py)",
        what="place nouns",
    )


if __name__ == "__main__":
    main()
