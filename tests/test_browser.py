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

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium: apt-get install chromium (make test installs it)")


@pytest.fixture(scope="module")
def area_page(tmp_path_factory, analysis_2024, cfg_2024):
    pages = render_seminar_pages(analysis_2024, cfg_2024)
    folder = tmp_path_factory.mktemp("report")
    for name, page in pages.items():
        if name.endswith(".html"):
            (folder / name).write_text(page, encoding="utf-8")
    return folder


def _chromium(args, tmp_path):
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_area_report_draws_its_charts_without_errors(area_page, tmp_path):
    page = area_page / "social-omsorg.html"
    dom = _chromium(["--enable-logging=stderr", "--v=0", "--dump-dom", page.as_uri()], tmp_path)
    assert dom.returncode == 0, dom.stderr[-2000:]
    # Plotly replaces each figure's empty div with its SVG when it draws.
    assert dom.stdout.count('class="main-svg"') >= 3
    assert dom.stdout.count('class="plot-container plotly"') == 3
    console = [line for line in dom.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert not console, console


def test_screenshot_of_an_area_report(area_page, tmp_path):
    shot = tmp_path / "social-omsorg.png"
    proc = _chromium(["--window-size=1200,3000", f"--screenshot={shot}", (area_page / "social-omsorg.html").as_uri()], tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000  # a rendered page, not a blank one
