"""Every internal link and asset reference on every built page resolves to a file in the output,
and every #fragment to an element on the page it names; in the browser, no same-origin request fails."""

from __future__ import annotations

import html.parser
import pathlib
import urllib.parse

import pytest

pytestmark = pytest.mark.browser

URL_ATTRS = {"href", "src", "poster", "action", "data"}
SRCSET_ATTRS = {"srcset", "imagesrcset"}
SKIP_SCHEMES = {"mailto", "tel", "sms", "javascript", "data"}


class References(html.parser.HTMLParser):
    """Collect (tag, attribute, URL) for every reference in a page, and every id it defines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name in URL_ATTRS and not (tag == "form" and name == "action" and not value):
                self.refs.append((tag, name, value.strip()))
            elif name in SRCSET_ATTRS:
                for candidate in value.split(","):
                    if candidate.strip():
                        self.refs.append((tag, name, candidate.split()[0]))


def parse(file: pathlib.Path) -> References:
    parser = References()
    parser.feed(file.read_text(encoding="utf-8"))
    parser.close()
    return parser


def target_file(output: pathlib.Path, path: str) -> pathlib.Path | None:
    """The file a static host serves for a URL path: /x/ → x/index.html, /x → x or x.html or x/index.html."""
    rel = urllib.parse.unquote(path).lstrip("/")
    candidates = (
        [rel + "index.html"] if rel.endswith("/") or rel == "" else [rel, rel + ".html", rel + "/index.html"]
    )
    for c in candidates:
        f = output / c
        if f.is_file() and f.resolve().is_relative_to(output.resolve()):
            return f
    return None


def test_every_internal_reference_resolves(built_site) -> None:
    output = built_site.output
    base = urllib.parse.urlsplit(built_site.base_url)
    pages = {built_site.url_path(f): f for f in built_site.html_files()}
    assert "/" in pages and "/404.html" in pages
    parsed = {url: parse(f) for url, f in pages.items()}
    problems = []
    checked = 0
    for page_url, refs in sorted(parsed.items()):
        for tag, attr, ref in refs.refs:
            where = f'{page_url}: <{tag} {attr}="{ref}">'
            if not ref:
                problems.append(f"{where} is empty")
                continue
            url = urllib.parse.urlsplit(urllib.parse.urljoin(page_url, ref))
            if url.scheme in SKIP_SCHEMES:
                continue
            if url.scheme or url.netloc:
                if (url.scheme, url.netloc) != (base.scheme, base.netloc):
                    continue  # another site (the donate page, the organisation): not ours to check
                if not url.path.startswith(base.path.rstrip("/") + "/") and url.path != base.path:
                    continue
            checked += 1
            target = target_file(output, url.path)
            if target is None:
                problems.append(f"{where} → {url.path} is not a file in the output")
                continue
            if url.fragment and target.suffix == ".html":
                ids = parsed.get(built_site.url_path(target), References()).ids or parse(target).ids
                if urllib.parse.unquote(url.fragment) not in ids:
                    problems.append(f'{where} → no element with id "{url.fragment}" on {url.path}')
    assert checked > len(pages), "suspiciously few internal references were checked"
    assert not problems, "\n".join(problems)


def test_no_same_origin_request_fails_in_the_browser(browsing, site_pages: list[str]) -> None:
    session = browsing(viewport={"width": 1280, "height": 900})
    for path in site_pages:
        session.open(path)
    assert session.errors == [], "\n".join(
        f"{p}: {url} answered {status}" for p, url, status in session.errors
    )


def test_the_server_answers_a_missing_page_with_the_404_page(browsing) -> None:
    session = browsing()
    page = session.context.new_page()
    response = page.goto(session.origin + "/stories/no-such-story/")
    assert response is not None and response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
