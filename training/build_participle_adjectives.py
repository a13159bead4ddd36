"""Build ``pipeline/danish/data/participle_adjectives.txt``: the "-ende" words DanNet holds as adjectives.

Usage:
    python training/build_participle_adjectives.py
        [--thesaurus ../shared/data/dannet-thesaurus/th_da_DK_dannet.dat] [--out PATH]

A present participle with an adjective entry of its own in the dictionary ("lignende",
"tilsvarende") keeps its form as its lemma (:mod:`pipeline.danish.participles`). Deterministic:
one word a line, sorted.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

from dannet_list import main as build_list  # noqa: E402

from pipeline.danish.participles import TABLE, participle_adjectives  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    """Command line: ``--thesaurus`` the DanNet .dat file, ``--out`` the list."""
    build_list(
        argv,
        description=__doc__.splitlines()[0],
        table=TABLE,
        extract=participle_adjectives,
        header="Present participles DanNet holds as adjectives (see pipeline/danish/participles.py)",
        what="participle adjectives",
    )


if __name__ == "__main__":
    main()
