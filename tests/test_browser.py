"""An area report opened in headless Chromium: the charts are drawn and the page logs no errors."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from pipeline.report import render_seminar_pages

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--virtual-time-budget=5000",
]

pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None, reason="needs Chromium: apt-get install chromium (make test installs it)"
    ),
    pytest.mark.slow,  # a real browser opens every kind of page
]


@pytest.fixture(scope="module")
def area_page(tmp_path_factory, analysis_2024, cfg_2024):
    pages = render_seminar_pages(analysis_2024, cfg_2024)
    folder = tmp_path_factory.mktemp("report")
    for name, page in pages.items():
        if isinstance(page, str):
            (folder / name).write_text(page, encoding="utf-8")  # the pages and the plotly.min.js beside them
    return folder


@pytest.fixture(scope="module")
def comparison_page(tmp_path_factory, cfg_2024):
    """The comparison page of two small comparison tables (the rendering, not the matching, is under test)."""
    import pandas as pd

    from pipeline.compare import Comparison
    from pipeline.report.compare_page import comparison_pages
    from pipeline.compare.tables import MATCH_COLUMNS, PREVALENCE_COLUMNS, QUOTE_COLUMNS, STATUS_COLUMNS

    area, years = "Social omsorg", (2024, 2025)
    points = [
        ("Frivillige", (3, 2), "vedvarende"),
        ("Demens", (0, 3), "ny"),
        ("Kommunikation", (2, 0), "forsvundet"),
    ]
    prevalence = pd.DataFrame(
        [
            [
                i,
                label,
                area,
                y,
                "" if not n[j] else str(i),
                label if n[j] else "",
                n[j],
                n[j],
                "",
                5,
                n[j] / 5,
                " ".join(map(str, range(1, n[j] + 1))),
                f"{y}/social-omsorg.html#emne-{i}" if n[j] else "",
            ]
            for i, (label, n, _) in enumerate(points)
            for j, y in enumerate(years)
        ],
        columns=PREVALENCE_COLUMNS,
    )
    status = pd.DataFrame(
        [
            [
                i,
                label,
                area,
                2024,
                2025,
                n[0],
                n[1],
                n[0] / 5,
                n[1] / 5,
                (n[1] - n[0]) / 5,
                s,
                2024,
                n[0],
                s,
                f"{n[0]} → {n[1]}",
                "",
                "",
            ]
            for i, (label, n, s) in enumerate(points)
        ],
        columns=STATUS_COLUMNS,
    )
    quotes = pd.DataFrame(
        [[1, area, 2025, area, 2, "abc-00", "Gruppe 2 talte om demens."]], columns=QUOTE_COLUMNS
    )
    comparison = Comparison(
        years,
        2024,
        2025,
        prevalence,
        status,
        quotes,
        pd.DataFrame(columns=MATCH_COLUMNS),
        {2024: "2024", 2025: "2025"},
    )
    folder = tmp_path_factory.mktemp("compare")
    for name, page in comparison_pages(
        comparison, cfg_2024, links={2024: "../2024", 2025: "../2025"}
    ).items():
        if isinstance(page, str):
            (folder / name).write_text(page, encoding="utf-8")
    return folder / "hvad-er-nyt.html"


def _chromium(args, tmp_path):
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("width", [1400, 420])
def test_area_report_draws_its_charts_without_errors(area_page, tmp_path, width):
    page = area_page / "social-omsorg.html"
    dom = _chromium(
        [f"--window-size={width},2000", "--enable-logging=stderr", "--v=0", "--dump-dom", page.as_uri()],
        tmp_path,
    )
    assert dom.returncode == 0, dom.stderr[-2000:]
    # Plotly replaces each figure's empty div with its SVG when it draws (from plotly.min.js beside the page).
    assert dom.stdout.count('class="plot-container plotly"') == 2
    console = [line for line in dom.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert not console, console


@pytest.mark.parametrize("width", [1400, 420])
def test_comparison_page_draws_its_charts_without_errors(comparison_page, tmp_path, width):
    dom = _chromium(
        [
            f"--window-size={width},2000",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
            comparison_page.as_uri(),
        ],
        tmp_path,
    )
    assert dom.returncode == 0, dom.stderr[-2000:]
    expected = comparison_page.read_text(encoding="utf-8").count("Plotly.newPlot")
    assert (
        expected >= 1 and dom.stdout.count('class="plot-container plotly"') == expected
    )  # every chart drawn
    console = [line for line in dom.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert not console, console


def test_screenshot_of_an_area_report(area_page, tmp_path):
    shot = tmp_path / "social-omsorg.png"
    proc = _chromium(
        ["--window-size=1200,3000", f"--screenshot={shot}", (area_page / "social-omsorg.html").as_uri()],
        tmp_path,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000  # a rendered page, not a blank one


@pytest.mark.parametrize("width", [1400, 420])
def test_overview_opens_without_errors(area_page, tmp_path, width):
    dom = _chromium(
        [
            f"--window-size={width},2000",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
            (area_page / "overblik.html").as_uri(),
        ],
        tmp_path,
    )
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "grupper pegede på" in dom.stdout and 'href="social-omsorg.html"' in dom.stdout
    console = [line for line in dom.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert not console, console
