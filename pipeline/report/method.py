"""The method appendix of every page: counts, settings, how the themes were found, package versions."""

from __future__ import annotations

from importlib import metadata
from typing import TYPE_CHECKING

from pipeline.config import SeminarConfig
from pipeline.report.wording import count, da_decimal

if TYPE_CHECKING:
    from pipeline.flows.analysis import Analysis

__all__ = ["CURATION_ACTIONS", "curation_context", "method_facts", "package_versions"]

#: The codebook's actions as the method appendix names them.
CURATION_ACTIONS = {
    "match": "ikke fundet",
    "confirm": "bekræftet",
    "rename": "nyt navn",
    "memo": "memo",
    "merge": "lagt sammen",
    "split": "delt",
    "new": "nyt tema",
    "pin": "udsagn fastgjort",
    "exclude": "udeladt",
    "point": "holdt som punkt",
}


def _agreement_text(a: dict) -> str:
    share = da_decimal(100 * a["share_moved"], 1)
    return (
        f"{a['moved']} af {count(a['units'], 'nøglefrase', 'nøglefraser')} flyttet ({share} %), Cohens kappa "
        f"{da_decimal(a['kappa'])}"
    )


def curation_context(analysis: Analysis, area: str | None = None) -> dict:
    """What the method appendix says about the analyst's codebook.

    Every change applied and every entry that did not apply, with the reason.

    Args:
        analysis: The analysis (``curation`` None: no codebook, an empty dict).
        area: Only this core area's entries (None: all).
    """
    curation = getattr(analysis, "curation", None)
    if curation is None:
        return {}
    log = curation.log if area is None else curation.log[curation.log["core_area"] == area]
    row_word = (
        "række" if curation.file.lower().endswith(".xlsx") else "linje"
    )  # a workbook's entries are rows
    lines = lambda rows: [  # noqa: E731
        {
            "entry": r.entry,
            "line": int(r.line),
            "place": f"{row_word} {int(r.line)}",
            "action": CURATION_ACTIONS[r.action],
            "reason": r.reason,
            "area": r.core_area,
        }
        for r in rows.itertuples()
    ]
    agree = curation.agreement["areas"].get(area) if area is not None else curation.agreement["total"]
    name = curation.file.replace(chr(92), "/").rsplit("/", 1)[-1]
    joins = [
        j for j in analysis.quality.get("curation", {}).get("joins", []) if area is None or j["area"] == area
    ]
    return {
        "file": name,
        "known": [
            (
                f"»{j['theme']}« er et punkt (kendt fra {j['source']})"
                if j.get("kind") == "point"
                else f"»{j['theme']}« og »{j['other']}« er ét punkt (kendt fra {j['source']})"
            )
            for j in joins
            if j["source"] and j["applied"]
        ],
        "applied": lines(log[log["applied"]]),
        "skipped": lines(log[~log["applied"]]),
        "agreement": _agreement_text(agree) if agree else "",
        "total": _agreement_text(curation.agreement["total"]),
    }


def package_versions() -> dict[str, str]:
    """Versions of the packages that shape the results."""
    versions = {}
    for name in ("seminar-themes", "bertopic", "spacy", "scikit-learn", "pandas", "plotly"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def method_facts(analysis: Analysis, cfg: SeminarConfig, *, recurring_from: int) -> dict[str, str]:
    """What the method appendix of every page shows: counts, settings, how themes were found, versions.

    ``recurring_from`` is the number of groups from which a theme is recurring, as the pages state it.
    """
    q = analysis.quality
    areas = q.get("areas", {})
    cuts = "; ".join(
        f"{a}: {count(v['themes'], 'tema', 'temaer')} af {count(v['units'], 'nøglefrase', 'nøglefraser')} "
        f"(silhuet {da_decimal(v['silhouette'])})"
        for a, v in areas.items()
    )
    facts = {
        "Seminar": f"{cfg.seminar_label} ({cfg.municipality})",
        "Noter analyseret / afvist": f"{len(analysis.notes)} / {len(analysis.rejects)}",
        "Udsagn / nøglefraser": f"{len(analysis.statements)} / {q.get('n_units', 0)}",
        "Temaer pr. kerneområde": cuts or "ingen",
        "Tværgående temaer": str(q.get("n_cross_themes", 0)),
        "Tilbagevendende fra": count(recurring_from, "gruppe", "grupper"),
        "Sprogmodel (betydning)": str(q.get("embedding", "")),
        "NLP": analysis.nlp_name,
        "Versioner": ", ".join(f"{k} {v}" for k, v in package_versions().items()),
    }
    cur = curation_context(analysis)
    if cur:
        facts["Kuratering"] = (
            f"analytikerens kodebog ({cur['file']}): {count(len(cur['applied']), 'ændring', 'ændringer')} "
            "anvendt, "
            f"{len(cur['skipped'])} ikke anvendt; i alt {cur['total']}"
        )
    return facts
