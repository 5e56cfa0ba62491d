"""A site published under a path (a GitHub Pages project site: https://org.github.io/impact) works
everywhere: every link and asset of every page, the feed, the sitemap, redirects, _headers and JSON-LD.

The example site is built with such a base_url, its output served under /impact/ over real HTTP, and
every page reachable from the home page is crawled: every internal address must answer 200 and stay
under /impact/.
"""

from __future__ import annotations

import contextlib
import functools
import html.parser
import http.server
import json
import pathlib
import re
import shutil
import threading
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from generator.cli import main

ROOT = pathlib.Path(__file__).resolve().parents[1]
BASE = "https://org.github.io/impact"
PREFIX = "/impact"


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []  # (attribute, value)
        self.json_ld: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        for name in ("href", "src", "action", "poster"):
            if a.get(name):
                self.links.append((name, a[name] or ""))
        if a.get("srcset"):
            for candidate in (a["srcset"] or "").split(","):
                self.links.append(("srcset", candidate.strip().split(" ")[0]))
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh":
            self.links.append(("refresh", (a.get("content") or "").partition("url=")[2]))
        self._in_ld = tag == "script" and a.get("type") == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.json_ld.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_ld = False


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    root = tmp_path_factory.mktemp("subpath-site")
    for name in ("site.yaml", "content", "templates", "safety"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, root / name)
        elif src.is_file():
            shutil.copy2(src, root / name)
    config = root / "site.yaml"
    text = re.sub(r"(?m)^base_url: .*$", f"base_url: {BASE}", config.read_text())
    config.write_text(text)
    # The example has a renamed story (aliases:), so its redirect page is crawled too.
    assert (
        "aliases: [/stories/a-bakery-stall-in-lima/]"
        in (root / "content/stories/bread-savings-and-a-fresh-start-in-lima.md").read_text()
    )
    result = CliRunner().invoke(main, ["build", "--site", str(root), "--at", "2026-11-20T00:00:00Z"])
    assert result.exit_code == 0, result.output
    return root / "output"


@contextlib.contextmanager
def served_under(output: pathlib.Path, prefix: str) -> Iterator[str]:
    """The output folder served at `prefix` (as GitHub Pages serves a project site); 404 elsewhere."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            return None

        def translate_path(self, path: str) -> str:
            clean = urllib.parse.urlsplit(path).path
            if clean != prefix and not clean.startswith(prefix + "/"):
                return str(output / "__outside_the_site__")
            return super().translate_path(path[len(prefix) :] or "/")

    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(output))
    )
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_every_link_of_every_page_works_under_the_path(built: pathlib.Path) -> None:
    with served_under(built, PREFIX) as origin:
        # Start at the home page, plus what no page links to: a redirect, the 404 and thank-you pages.
        todo = [PREFIX + p for p in ("/", "/stories/a-bakery-stall-in-lima/", "/404.html")]
        todo += [PREFIX + "/fundraise/thank-you/", PREFIX + "/media/thank-you/"]
        seen: set[str] = set()
        problems: list[str] = []
        pages = 0
        while todo:
            path = todo.pop()
            if path in seen:
                continue
            seen.add(path)
            try:
                with urllib.request.urlopen(origin + path) as response:
                    body = response.read()
                    kind = response.headers.get("Content-Type", "")
            except urllib.error.HTTPError as exc:
                problems.append(f"{path}: {exc.code}")
                continue
            if "html" not in kind:
                continue
            pages += 1
            parser = _Links()
            parser.feed(body.decode("utf-8"))
            for attr, value in parser.links:
                target = urllib.parse.urlsplit(urllib.parse.urljoin(path, value))
                if target.scheme in ("mailto", "tel") or (target.netloc and target.netloc != "org.github.io"):
                    continue
                if attr == "action":
                    assert target.path.startswith(PREFIX + "/"), f"{path}: form action {value}"
                    continue
                if target.netloc == "org.github.io":  # canonical and social links: absolute, under the path
                    assert target.path.startswith(PREFIX + "/"), f"{path}: {attr}={value}"
                    continue
                if not target.path.startswith(PREFIX + "/"):
                    problems.append(f"{path}: {attr}={value} is outside {PREFIX}/")
                    continue
                todo.append(target.path)
            for block in parser.json_ld:
                for url in re.findall(r'https?://[^"]+', block):
                    if "org.github.io" in url:
                        assert url.startswith(BASE + "/") or url == BASE, f"{path}: JSON-LD {url}"
                json.loads(block)
    assert not problems, "\n".join(problems)
    every_page = {
        PREFIX + "/" + str(f.relative_to(built)).removesuffix("index.html") for f in built.rglob("*.html")
    }
    assert every_page <= seen, sorted(every_page - seen)  # every page was reached and checked
    assert pages == len(every_page) > 30


def test_feed_sitemap_robots_headers_and_redirects_carry_the_path(built: pathlib.Path) -> None:
    feed = ET.parse(built / "feed.xml").getroot()
    links = [el.get("href") for el in feed.iter("{http://www.w3.org/2005/Atom}link")]
    assert links and all(link and link.startswith(BASE + "/") for link in links)
    locs = [el.text for el in ET.parse(built / "sitemap.xml").getroot().iter() if el.tag.endswith("loc")]
    assert locs and all(loc and loc.startswith(BASE + "/") for loc in locs)
    assert f"Sitemap: {BASE}/sitemap.xml" in (built / "robots.txt").read_text()
    headers = (built / "_headers").read_text()
    assert headers.startswith(f"{PREFIX}/*\n") and f"\n{PREFIX}/assets/*\n" in headers
    page = (built / "index.html").read_text()
    assert f'<link rel="canonical" href="{BASE}/">' in page
    assert re.search(
        rf'<meta property="og:image" content="{re.escape(BASE)}/assets/social-card\.[0-9a-f]{{10}}\.png">',
        page,
    )


def test_redirects_for_renamed_stories_carry_the_path(tmp_path: pathlib.Path) -> None:
    from sitekit import STORY, approve_story, make_site, story_md

    root = make_site(
        tmp_path / "site",
        {
            "site.yaml": f"title: T\nbase_url: {BASE}\norganisation:\n  name: Example Trust\n",
            STORY: story_md(aliases=["/stories/old-name/"]),
        },
    )
    approve_story(root)
    assert (
        CliRunner().invoke(main, ["build", "--site", str(root), "--at", "2026-11-20T00:00:00Z"]).exit_code
        == 0
    )
    out = root / "output"
    assert (out / "_redirects").read_text() == f"{PREFIX}/stories/old-name/ {PREFIX}/stories/story/ 301\n"
    moved = (out / "stories/old-name/index.html").read_text()
    assert f'content="0; url={PREFIX}/stories/story/"' in moved and f'href="{PREFIX}/stories/story/"' in moved


def test_a_story_page_weighs_under_30_kb_before_images(built: pathlib.Path) -> None:
    """HTML + CSS + JS of every story page, as a static host sends them (gzip; every host named in
    docs/deploy.md compresses text), stay under 30 KB; uncompressed they stay under 60 KB."""
    import gzip

    stories = [p for p in sorted((built / "stories").glob("*/index.html")) if b"<article" in p.read_bytes()]
    assert len(stories) >= 6  # (redirect pages for renamed stories are left out)
    for page in stories:
        html = page.read_bytes()
        parts = [html]
        for ref in re.findall(rb'(?:href|src)="' + PREFIX.encode() + rb'(/assets/[^"]+\.(?:css|js))"', html):
            parts.append((built / ref.decode().lstrip("/")).read_bytes())
        sent = sum(len(gzip.compress(p, 9)) for p in parts)
        raw = sum(len(p) for p in parts)
        assert len(parts) >= 2, page  # the style sheet was found
        assert sent < 30_000 and raw < 60_000, (page, sent, raw)
