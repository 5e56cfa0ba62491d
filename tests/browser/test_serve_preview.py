"""The writer's loop in a real browser (issue 13): a new draft is at once visible in `serve` as a
labelled preview with its problems marked in the text; fixing them one by one, the marks disappear
on save; approved, it is published. `--as-published` shows only what build publishes. The preview
page is axe-clean under the site's strict Content-Security-Policy."""

from __future__ import annotations

import os
import pathlib
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator

import pytest

pytestmark = pytest.mark.browser

ROOT = pathlib.Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
AT = "2026-11-20T00:00:00+00:00"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SLUG = "a-new-start-at-the-market"
DRAFT_BODY = """Asha was 19 when she came to our aftercare home. Today she runs a vegetable stall of her own.

"I count every rupee myself now," she says. You can reach her on 98765 43210 to order vegetables.

TODO: add a quote from the programme lead.
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def impactsite(site: pathlib.Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args, "--site", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ, NO_COLOR="1"),
    )


@pytest.fixture()
def site(tmp_path: pathlib.Path) -> pathlib.Path:
    root = tmp_path / "site"
    root.mkdir()
    shutil.copy(ROOT / "site.yaml", root / "site.yaml")
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copytree(ROOT / "templates", root / "templates")
    shutil.copytree(ROOT / "safety", root / "safety")  # the denylist site.yaml names
    return root


@pytest.fixture()
def serve(tmp_path: pathlib.Path) -> Iterator[Callable[..., str]]:
    procs: list[subprocess.Popen[str]] = []
    logs: list[object] = []

    def start(root: pathlib.Path, *extra: str) -> str:
        port = free_port()
        log = open(tmp_path / f"serve-{port}.log", "w")  # noqa: SIM115 - a file, not a pipe that could fill up
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "generator",
                "serve",
                "--site",
                str(root),
                "--port",
                str(port),
                "--at",
                AT,
                *extra,
            ],
            cwd=ROOT,
            env=dict(os.environ, NO_COLOR="1"),
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
        )
        procs.append(proc)
        logs.append(log)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(url + "/", timeout=2).read()
                return url
            except urllib.error.HTTPError:
                return url
            except OSError:
                if proc.poll() is not None:
                    raise AssertionError(
                        "serve exited:\n" + (tmp_path / f"serve-{port}.log").read_text()
                    ) from None
                time.sleep(0.2)
        raise AssertionError("serve did not start within 60 s")

    yield start
    for proc in procs:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    for log in logs:
        log.close()  # type: ignore[attr-defined]


@pytest.fixture()
def page() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    if not pathlib.Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pg = browser.new_page(viewport={"width": 1280, "height": 900})
        pg.add_init_script(
            "window.__csp = []; document.addEventListener('securitypolicyviolation',"
            " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
        )
        yield pg
        browser.close()


def write_draft(root: pathlib.Path, body: str = DRAFT_BODY) -> pathlib.Path:
    done = impactsite(root, "new", "story", "A New Start at the Market")
    assert done.returncode == 0, done.stderr
    path = root / "content" / "stories" / f"{SLUG}.md"
    text = path.read_text()
    text = text.replace("author: your-handle ", "author: comms-03    ")
    text = text.replace("location: City, Country ", "location: Pune, India    ")
    # `new` dates the consent today; these tests serve the site at AT, which today may be after
    text = re.sub(r"(?m)^(    date: )\d{4}-\d\d-\d\d", r"\g<1>2026-11-01", text)
    head, _, _ = text.rpartition("---\n")
    path.write_text(head + "---\n\n" + body)
    return path


def until(page, condition: str, timeout: float = 30) -> None:
    """Wait for a JavaScript condition, across the reloads the server causes (never by navigating)."""
    from playwright.sync_api import Error

    deadline = time.monotonic() + timeout
    while True:
        try:
            page.wait_for_function(condition, timeout=2000)
            return
        except Error:  # a timeout, or the page reloading under the wait
            if time.monotonic() > deadline:
                raise


def reloaded_after(page, edit: Callable[[], None], condition: str) -> None:
    """Edit a file; the page reloads by itself until `condition` holds."""
    until(page, "() => window.impactsiteReload === 'connected'")
    edit()
    until(page, condition)
    page.wait_for_load_state()


def marks(page) -> list[str]:
    return page.locator("mark.impactsite-mark[id]").evaluate_all("els => els.map(e => e.id)")


def test_a_new_draft_is_previewed_with_its_problems_marked_and_they_go_as_they_are_fixed(
    site: pathlib.Path, serve, page
) -> None:
    url = serve(site)
    path = write_draft(site)
    # The server saw the new file by itself: the draft is there, as a preview.
    from playwright.sync_api import Error

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            response = page.goto(f"{url}/stories/{SLUG}/")
            if response is not None and response.status == 200 and "TODO" in page.content():
                break
        except Error:  # the server's reload navigated the page under us (a slow machine): ask again
            pass
        time.sleep(0.3)
    until(page, "() => document.querySelectorAll('mark.impactsite-mark[id]').length === 2")
    band = page.locator(".impactsite-band")
    assert band.is_visible()
    assert "Preview — not published." in band.inner_text()
    assert "draft (status: draft)" in band.inner_text()
    assert page.locator('meta[name="robots"][content="noindex"]').count() == 1
    assert page.locator("h1").inner_text() == "A New Start at the Market"  # the page as it will look
    # Each problem in the text is highlighted and followed by its note; the panel links to each.
    assert len(marks(page)) == 2
    assert page.locator("mark.impactsite-error", has_text="98765").count() == 1
    assert page.locator("mark.impactsite-error", has_text="TODO").count() == 1
    notes = page.locator(".impactsite-note")
    assert notes.count() == 2 and "Fix:" in notes.first.inner_text()
    panel = page.locator(".impactsite-panel li")
    assert panel.count() == 3  # the two in the text, then what only a reviewer settles (no review yet)
    assert "no safeguarding review" in panel.last.inner_text()
    link = page.locator("a.impactsite-show").first
    target = link.get_attribute("href")
    link.click()  # the panel's link takes keyboard focus to the highlight
    assert page.evaluate("() => '#' + document.activeElement.id") == target
    # Fix the phone number and save: the page reloads by itself and its mark is gone.
    reloaded_after(
        page,
        lambda: path.write_text(
            path.read_text().replace(" You can reach her on 98765 43210 to order vegetables.", "")
        ),
        "() => document.querySelectorAll('mark.impactsite-mark[id]').length === 1",
    )
    assert page.locator("mark.impactsite-error", has_text="98765").count() == 0
    assert len(marks(page)) == 1
    reloaded_after(
        page,
        lambda: path.write_text(path.read_text().replace("TODO: add a quote from the programme lead.\n", "")),
        "() => document.querySelectorAll('mark.impactsite-mark').length === 0",
    )
    assert marks(page) == []
    assert page.locator(".impactsite-band").is_visible()  # still a draft
    # Ask for review, and a reviewer approves it: it is published, the band goes.
    reloaded_after(
        page,
        lambda: path.write_text(path.read_text().replace("status: draft ", "status: published")),
        "() => /safeguarding review/.test(document.querySelector('.impactsite-band').innerText)",
    )
    assert "waiting for a safeguarding review" in page.locator(".impactsite-band").inner_text()
    approved = impactsite(site, "approve", str(path), "--reviewer", "safeguarding-01", "--at", AT)
    assert approved.returncode == 0, approved.stderr
    until(page, "() => !document.querySelector('.impactsite-band')")
    page.wait_for_load_state()
    assert (
        page.locator(".impactsite-preview").count() == 0
        and page.locator("h1").inner_text() == "A New Start at the Market"
    )
    page.goto(f"{url}/stories/")
    assert page.locator(f'a[href="/stories/{SLUG}/"]').count() >= 1  # now in the listing too
    assert page.evaluate("() => window.__csp") == []  # the strict policy held throughout


def test_as_published_shows_only_what_build_publishes(site: pathlib.Path, serve, page) -> None:
    write_draft(site, "Asha runs a vegetable stall of her own.\n\nTODO: a quote.\n")  # a draft build accepts
    published = min((site / "content" / "stories").glob("a-*.md")).stem
    url = serve(site, "--as-published")
    response = page.goto(f"{url}/stories/{SLUG}/")
    assert response is not None and response.status == 404
    assert page.locator(".impactsite-band").count() == 0
    page.goto(f"{url}/stories/{published}/")
    assert page.locator(".impactsite-preview").count() == 0
    page.goto(f"{url}/_impactsite/")
    assert page.locator(".impactsite-index").count() == 0  # no list of previews either


def test_the_preview_page_is_axe_clean_under_the_strict_policy(site: pathlib.Path, serve, page) -> None:
    from axe_playwright_python.sync_playwright import Axe

    write_draft(site)
    url = serve(site)
    for path in (f"/stories/{SLUG}/", "/_impactsite/"):
        page.goto(url + path)
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == (
            1 if path != "/_impactsite/" else 0
        )
        options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
        results = Axe().run(page, options=options).response
        assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in results["violations"]] == [], path
    # Keyboard: the preview's first stop after the skip link is the band's link, then the panel.
    page.goto(f"{url}/stories/{SLUG}/")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "skip-link"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.getAttribute('href')") == "/_impactsite/"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.tagName") == "SUMMARY"
    assert page.evaluate("() => window.__csp") == []


def test_serve_at_labels_a_story_that_is_live_only_at_that_moment(site: pathlib.Path, serve, page) -> None:
    path = write_draft(site, "Asha runs a vegetable stall of her own.\n")
    text = (
        path.read_text()
        .replace("status: draft ", "status: published")
        .replace("# publish_on: ", "publish_on: 2099-01-01T09:00:00+00:00 # ")
    )
    text = re.sub(r"expires: \d{4}-\d\d-\d\d", "expires: 2100-01-01", text)  # consent outlasts the embargo
    path.write_text(text)
    approved = impactsite(site, "approve", str(path), "--reviewer", "safeguarding-01", "--at", AT)
    assert approved.returncode == 0, approved.stderr
    url = serve(site, "--at", "2099-06-01T00:00:00+00:00")
    page.goto(f"{url}/stories/{SLUG}/")
    band = page.locator(".impactsite-band")
    assert "Preview — not published." in band.inner_text()
    assert "Embargoed until 1 January 2099, 14:30 (UTC+05:30)" in band.inner_text()  # the site's zone
