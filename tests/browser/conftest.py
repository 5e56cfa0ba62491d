"""The example site, built once into a temporary copy and served over real HTTP on 127.0.0.1,
plus a headless Debian Chromium driven by Playwright.

Nothing here touches the repository's own output/ or .impactsite/: the site is copied first.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import http.server
import os
import pathlib
import shutil
import threading
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
AT = dt.datetime(2026, 11, 20, tzinfo=dt.UTC)  # fixed, so embargoes and expiries are stable
CHROMIUM = os.environ.get("IMPACTSITE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SITE_PARTS = (
    "site.yaml",
    "content",
    "templates",
    "safety",
)  # what a site is; output/ and state are not copied


@dataclass(frozen=True)
class BuiltSite:
    root: pathlib.Path  # the temporary copy of the site
    output: pathlib.Path
    base_url: str  # the production base URL from site.yaml, e.g. https://stories.example

    def sitemap_paths(self) -> list[str]:
        """URL paths listed in sitemap.xml, e.g. "/stories/"."""
        tree = ET.parse(self.output / "sitemap.xml")
        ns = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
        return [
            urllib.parse.urlsplit(loc.text or "").path or "/"
            for loc in tree.getroot().findall("sm:url/sm:loc", ns)
        ]

    def html_files(self) -> list[pathlib.Path]:
        return sorted(self.output.rglob("*.html"))

    def url_path(self, file: pathlib.Path) -> str:
        """The clean URL path a file is served at: stories/a/index.html → /stories/a/."""
        rel = file.relative_to(self.output).as_posix()
        return "/" + rel.removesuffix("index.html")

    def icon_names(self) -> list[str]:
        return sorted(p.stem for p in (self.root / "templates" / "icons").glob("*.svg"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The example site, copied to a temporary folder and built there at a fixed moment."""
    from generator.build import build
    from generator.config.settings import load_config

    root = tmp_path_factory.mktemp("example-site")
    for name in SITE_PARTS:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, root / name)
        elif src.is_file():
            shutil.copy2(src, root / name)
    build(root, AT)
    config = load_config(root)
    return BuiltSite(root, config.output_dir, config.base_url.rstrip("/"))


@pytest.fixture(scope="session")
def init_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """A fresh `impactsite init` site, built as a new charity would build it (the starter's own clock)."""
    from click.testing import CliRunner

    from generator.cli import main
    from generator.config.settings import load_config

    root = tmp_path_factory.mktemp("init") / "site"
    result = CliRunner().invoke(main, ["init", str(root)])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(main, ["build", "--site", str(root), "--at", AT.isoformat()])
    assert result.exit_code == 0, result.output
    config = load_config(root)
    return BuiltSite(root, config.output_dir, config.base_url.rstrip("/"))


@pytest.fixture(scope="session")
def init_server(init_site: BuiltSite) -> Iterator[str]:
    with serving(init_site.output) as origin:
        yield origin


@pytest.fixture(scope="session")
def init_pages(init_site: BuiltSite) -> list[str]:
    return [*init_site.sitemap_paths(), "/404.html"]


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static hosting as Netlify or GitHub Pages do it: /x/ is /x/index.html, a miss gets 404.html."""

    def log_message(self, format: str, *args: object) -> None:
        return None  # a quiet test log; failures say what was requested

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = pathlib.Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def server(built_site: BuiltSite) -> Iterator[str]:
    """The built output over HTTP on 127.0.0.1 (a free port); yields the origin, e.g. http://127.0.0.1:41234."""
    handler = functools.partial(_Handler, directory=str(built_site.output))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, name="test-http-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    """Debian's Chromium, headless. A missing browser fails loudly: a silent skip would let CI pass
    without ever looking at a page. Module-scoped because Playwright's sync API allows one instance
    per thread at a time, and other test modules start their own."""
    if not pathlib.Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}: run `apt-get install -y chromium` (.ci/run does), "
            "or leave the browser tests out with -m 'not browser'",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def site_pages(built_site: BuiltSite) -> list[str]:
    """Every page a visitor can reach: the sitemap plus the 404 page (which is not in it)."""
    paths = built_site.sitemap_paths()
    assert paths, "sitemap.xml lists no pages"
    return [*paths, "/404.html"]


class Browsing:
    """One fresh browser context (no cookies, no cache). Requests to any origin but the test server
    are blocked before they leave the machine, and recorded; so are same-origin error responses."""

    def __init__(self, browser: Any, origin: str, **context_options: Any) -> None:
        self.origin = origin
        self.context = browser.new_context(**context_options)
        self.foreign: list[tuple[str, str]] = []  # (page, requested URL)
        self.errors: list[tuple[str, str, int]] = []  # (page, URL, status)
        self.current = ""
        self.page: Any = None
        self.context.route("**/*", self._route)
        self.context.on("response", self._response)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(self.origin + "/"):
            route.continue_()
        else:
            self.foreign.append((self.current, url))
            route.abort("blockedbyclient")

    def _response(self, response: Any) -> None:
        if response.url.startswith(self.origin + "/") and response.status >= 400:
            self.errors.append((self.current, response.url, response.status))

    def open(self, path: str) -> Any:
        """The session's one tab, navigated to `path` and loaded completely (a new tab per page
        would double the time and test nothing more)."""
        self.current = path
        if self.page is None:
            self.page = self.context.new_page()
        self.page.goto(self.origin + path, wait_until="load")
        return self.page

    def close(self) -> None:
        self.context.close()


@pytest.fixture()
def browsing(chromium: Any, server: str) -> Iterator[Callable[..., Browsing]]:
    """Open Browsing sessions with Playwright context options (viewport, …); all closed afterwards."""
    opened: list[Browsing] = []

    def open_session(**context_options: Any) -> Browsing:
        session = Browsing(chromium, server, **context_options)
        opened.append(session)
        return session

    yield open_session
    for session in opened:
        session.close()


# --- Donor pages (issue 5): the site served with its own _headers, variant builds, a form receiver ---------


def read_headers_file(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """`_headers` (Netlify / Cloudflare Pages syntax): a URL pattern line, then indented `Name: value` lines."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        elif rules:
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def _pattern_matches(pattern: str, path: str) -> bool:
    return path.startswith(pattern[:-1]) if pattern.endswith("*") else path == pattern


class _HeadersHandler(_Handler):
    """The static host above, also sending what the site's _headers asks for (as Netlify would)."""

    header_rules: ClassVar[list[tuple[str, list[tuple[str, str]]]]] = []

    def end_headers(self) -> None:
        path = urllib.parse.urlsplit(self.path).path
        for pattern, headers in self.header_rules:
            if _pattern_matches(pattern, path):
                for name, value in headers:
                    self.send_header(name, value)
        super().end_headers()


@contextlib.contextmanager
def serving(directory: pathlib.Path) -> Iterator[str]:
    """Serve a built output folder on 127.0.0.1 with the headers from its _headers file; yields the origin."""
    headers = directory / "_headers"
    rules = read_headers_file(headers.read_text(encoding="utf-8")) if headers.is_file() else []
    handler_class = type("SiteHeadersHandler", (_HeadersHandler,), {"header_rules": rules})
    handler = functools.partial(handler_class, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, name="test-http-headers-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def headers_server(built_site: BuiltSite) -> Iterator[str]:
    """The example site's output served with its own _headers (CSP, HSTS, …) as real HTTP headers."""
    with serving(built_site.output) as origin:
        yield origin


@pytest.fixture(scope="session")
def build_example(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., BuiltSite]:
    """`build_example(at, edit=None)`: a fresh copy of the example site, changed by `edit(root)` if given,
    built at `at`."""
    from generator.build import build
    from generator.config.settings import load_config

    def make(at: dt.datetime, edit: Callable[[pathlib.Path], None] | None = None) -> BuiltSite:
        root = tmp_path_factory.mktemp("example-variant")
        for name in SITE_PARTS:
            src = ROOT / name
            if src.is_dir():
                shutil.copytree(src, root / name)
            elif src.is_file():
                shutil.copy2(src, root / name)
        if edit is not None:
            edit(root)
        build(root, at)
        config = load_config(root)
        return BuiltSite(root, config.output_dir, config.base_url.rstrip("/"))

    return make


@dataclass
class FormEndpoint:
    """A form receiver on 127.0.0.1: records each POST (path and fields) and answers 303 to `redirects[path]`."""

    origin: str
    received: list[tuple[str, dict[str, list[str]]]]
    redirects: dict[str, str]


@pytest.fixture(scope="session")
def form_endpoint() -> Iterator[FormEndpoint]:
    endpoint = FormEndpoint("", [], {})

    class Receiver(http.server.BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            return None

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8")
            path = urllib.parse.urlsplit(self.path).path
            endpoint.received.append((path, urllib.parse.parse_qs(body, keep_blank_values=True)))
            target = endpoint.redirects.get(path)
            self.send_response(303 if target else 404)
            if target:
                self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, name="test-form-endpoint", daemon=True)
    thread.start()
    endpoint.origin = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        yield endpoint
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def serve_output() -> Callable[[pathlib.Path], contextlib.AbstractContextManager[str]]:
    """`with serve_output(folder) as origin:` serves a built output folder with its _headers applied."""
    return serving


@pytest.fixture(scope="session")
def site_headers(built_site: BuiltSite) -> dict[str, str]:
    """The headers the example site's _headers file sends with every page (its `/*` rule)."""
    rules = read_headers_file((built_site.output / "_headers").read_text(encoding="utf-8"))
    return dict(next(headers for pattern, headers in rules if pattern == "/*"))


@pytest.fixture()
def browsing_at(chromium: Any) -> Iterator[Callable[..., Browsing]]:
    """Like `browsing`, for any origin: `browsing_at(origin, **context_options)`; all closed afterwards."""
    opened: list[Browsing] = []

    def open_session(origin: str, **context_options: Any) -> Browsing:
        session = Browsing(chromium, origin, **context_options)
        opened.append(session)
        return session

    yield open_session
    for session in opened:
        session.close()
