"""Lighthouse (npm's lighthouse 12.2.3, pinned in tests/browser/package.json) against Debian's Chromium:
95 or more for performance, accessibility, best practices and SEO on the home, story and campaign
pages, at phone and desktop sizes.

The example site is built with its base_url set to the local server's address, so the canonical links
and link previews point where Lighthouse is looking, as they do on the real host.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import pathlib
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.lighthouse, pytest.mark.slow]

ROOT = pathlib.Path(__file__).resolve().parents[2]
NODE_MODULES = pathlib.Path(__file__).resolve().parent / "node_modules"
CHROMIUM = os.environ.get("IMPACTSITE_CHROMIUM", "/usr/bin/chromium")
PAGES = {
    "home": "/",
    "story": "/stories/two-teenagers-begin-again-in-howrah/",
    "campaign": "/campaigns/safe-homes-match/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
THRESHOLD = 0.95


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return None


@pytest.fixture(scope="module")
def origin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from click.testing import CliRunner

    from generator.cli import main

    root = tmp_path_factory.mktemp("lighthouse-site")
    for name in ("site.yaml", "content", "templates", "safety"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, root / name)
        elif src.is_file():
            shutil.copy2(src, root / name)
    output = root / "output"
    output.mkdir()
    handler = functools.partial(_Quiet, directory=str(output))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    address = f"http://127.0.0.1:{httpd.server_address[1]}"
    config = root / "site.yaml"
    config.write_text(re.sub(r"(?m)^base_url: .*$", f"base_url: {address}", config.read_text()))
    output.rmdir()
    result = CliRunner().invoke(main, ["build", "--site", str(root), "--at", "2026-11-20T00:00:00Z"])
    assert result.exit_code == 0, result.output
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield address
    finally:
        httpd.shutdown()
        httpd.server_close()


def lighthouse() -> pathlib.Path:
    cli = NODE_MODULES / ".bin" / "lighthouse"
    if not cli.exists():
        pytest.fail(
            "Lighthouse is not installed: run `npm ci --prefix tests/browser` (.ci/run does), "
            "or leave this test out with -m 'not lighthouse'",
            pytrace=False,
        )
    return cli


def audit(url: str, form_factor: str, report: pathlib.Path) -> dict:
    """One Lighthouse run: its JSON report."""
    # Timed scores assume a machine doing nothing else, and the suite's other worker shares the two
    # cores: as root (CI), Lighthouse and the Chromium it starts run ahead of it (nice -15).
    first = ["nice", "-n", "-15"] if os.geteuid() == 0 and shutil.which("nice") else []
    command = [
        *first,
        str(lighthouse()),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
    ]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    run = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=False,
    )
    assert report.is_file(), run.stderr[-3000:]
    result: dict = json.loads(report.read_text())
    return result


def failing(result: dict) -> dict[str, float | None]:
    scores = {c: result["categories"][c]["score"] for c in CATEGORIES}
    return {c: s for c, s in scores.items() if s is None or s < THRESHOLD}


def judged_run(url: str, form_factor: str, folder: pathlib.Path) -> tuple[dict, list[float]]:
    """One run when it passes; when it does not, the median of it and two more.

    The performance score is timed on this machine's CPU, and the suite runs two test workers on two
    cores, so one run can lose a few points to whatever the other worker is doing (0.94 once in CI
    on a page that scores 0.99-1.0 on a quiet machine). Lighthouse's documentation advises the median
    of several runs for that. A failing first run is therefore judged again on the median of three,
    which passes only when both further runs pass. A real regression fails all three. Accessibility,
    best practices and SEO are not timed and are judged on the same run.
    """
    runs = [audit(url, form_factor, folder / "report-0.json")]
    if failing(runs[0]):
        runs += [audit(url, form_factor, folder / f"report-{n}.json") for n in (1, 2)]
        runs.sort(key=lambda r: r["categories"]["performance"]["score"] or 0)
    performance = [r["categories"]["performance"]["score"] or 0 for r in runs]
    return runs[len(runs) // 2], performance


@pytest.mark.parametrize("form_factor", ["mobile", "desktop"])
@pytest.mark.parametrize("page", list(PAGES))
def test_lighthouse_scores_95_or_more(
    origin: str, page: str, form_factor: str, tmp_path: pathlib.Path
) -> None:
    result, performance = judged_run(origin + PAGES[page], form_factor, tmp_path)
    bad = failing(result)
    scores = {c: result["categories"][c]["score"] for c in CATEGORIES}
    details = [f"  performance in each run: {performance}"]
    for c in bad:
        for ref in result["categories"][c]["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                details.append(f"  {c}: {ref['id']} = {audit['score']} ({audit.get('displayValue', '')})")
    assert not bad, f"{page} [{form_factor}] scores {scores}:\n" + "\n".join(details)
