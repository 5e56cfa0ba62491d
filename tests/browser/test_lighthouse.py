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


@pytest.mark.parametrize("form_factor", ["mobile", "desktop"])
@pytest.mark.parametrize("page", list(PAGES))
def test_lighthouse_scores_95_or_more(
    origin: str, page: str, form_factor: str, tmp_path: pathlib.Path
) -> None:
    report = tmp_path / "report.json"
    command = [
        str(lighthouse()),
        origin + PAGES[page],
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
    result = json.loads(report.read_text())
    scores = {c: result["categories"][c]["score"] for c in CATEGORIES}
    failing = {c: s for c, s in scores.items() if s is None or s < THRESHOLD}
    details = []
    for c in failing:
        for ref in result["categories"][c]["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                details.append(f"  {c}: {ref['id']} = {audit['score']} ({audit.get('displayValue', '')})")
    assert not failing, f"{page} [{form_factor}] scores {scores}:\n" + "\n".join(details)
