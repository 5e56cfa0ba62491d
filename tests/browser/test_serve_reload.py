"""`impactsite serve` for real: a browser on the page sees it reload after an edit, sees the error
after a YAML mistake (over the last good build), and sees it clean again once the mistake is fixed."""

from __future__ import annotations

import os
import pathlib
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

pytestmark = pytest.mark.browser

ROOT = pathlib.Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AT = "2026-11-20T00:00:00+00:00"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def served_site(tmp_path: pathlib.Path):
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(ROOT / "site.yaml", site / "site.yaml")
    shutil.copytree(ROOT / "content", site / "content")
    shutil.copytree(ROOT / "templates", site / "templates")
    port = free_port()
    env = dict(os.environ, NO_COLOR="1")
    log = open(tmp_path / "serve.log", "w")  # noqa: SIM115 - a file, not a pipe: a full pipe would stall the server
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--site", str(site), "--port", str(port), "--at", AT],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/", timeout=1).read()
            break
        except OSError:
            if proc.poll() is not None:
                log.close()
                raise AssertionError("serve exited early:\n" + (tmp_path / "serve.log").read_text())
            time.sleep(0.2)
    else:
        proc.kill()
        raise AssertionError("serve did not start within 30 s")
    yield site, url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    log.close()


@pytest.fixture()
def page():
    from playwright.sync_api import sync_playwright

    if not pathlib.Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pg = browser.new_page()
        yield pg
        browser.close()


def approve(site: pathlib.Path, story: pathlib.Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "approve",
            "--site",
            str(site),
            str(story),
            "--reviewer",
            "safeguarding-01",
            "--at",
            AT,
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def test_edit_reloads_the_page_and_a_yaml_mistake_shows_the_error(served_site, page) -> None:
    site, url = served_site
    story = min((site / "content" / "stories").glob("*.md"))
    slug = story.stem
    page.goto(f"{url}/stories/{slug}/")
    page.wait_for_function("() => window.impactsiteReload === 'connected'", timeout=15000)
    page.evaluate("() => { window.__marker = 'before-reload'; }")

    original = story.read_text()
    title_line = next(line for line in original.splitlines() if line.startswith("title:"))
    story.write_text(original.replace(title_line, "title: A Title Edited While Serving", 1))
    approve(site, story)
    page.wait_for_function("() => window.__marker === undefined", timeout=15000)  # the page reloaded
    page.wait_for_selector("h1:has-text('A Title Edited While Serving')", timeout=15000)

    edited = story.read_text()
    page.evaluate("() => { window.__marker = 'before-error'; }")
    story.write_text(edited.replace("status: published", "status: [published", 1))  # a YAML mistake
    page.wait_for_function("() => window.__marker === undefined", timeout=15000)
    alert = page.locator("[role=alert]")
    alert.wait_for(timeout=15000)
    assert "could not be read" in alert.inner_text()  # a story: its last good version stays under the problem
    assert f"content/stories/{story.name}" in alert.inner_text()
    assert (
        page.locator("h1").first.inner_text() == "A Title Edited While Serving"
    )  # last good build still shown

    page.evaluate("() => { window.__marker = 'before-fix'; }")
    story.write_text(edited)
    page.wait_for_function("() => window.__marker === undefined", timeout=15000)
    page.wait_for_load_state()
    assert page.locator("[role=alert]").count() == 0
