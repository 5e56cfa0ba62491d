"""Links to this site's own addresses that this build does not publish (rule LINK-UNPUBLISHED).

A published story that links to a draft ships the draft's address, and a draft's address is its
file name: often a real name and a village. A link to a missing, withdrawn or deleted page is a
broken promise to the reader. So every link in a published source (story or page text, data files,
site.yaml's navigation and forms settings) to an address of this site must lead to something this
build publishes. The finding gives the file, line and column, never the address itself.

The addresses a build publishes are computed here from the same facts the renderer uses (the live
stories, the pages, their tags and regions, the forms' thank-you pages, redirects, downloads);
tests/test_surfaces_links.py checks them against a real build's output.
"""

from __future__ import annotations

import posixpath
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from generator.content.model import Source
from generator.findings import Finding, error
from generator.render.views import slugify
from generator.safety.registry import ERROR, rules_in
from generator.safety.surfaces import SurfaceContext, links_in, read_yaml, source_links, surface_rule

FAMILY = "12 Every surface"
RULE = "LINK-UNPUBLISHED"
# Addresses the writer never types by hand (fingerprinted assets, re-encoded images): not checked.
_GENERATED = ("/assets/", "/images/")


def published_addresses(ctx: SurfaceContext) -> set[str]:
    """Every address (path) this build publishes, as readers type it."""
    config = ctx.config
    live = [s for s in ctx.stories if ctx.publications[s.path].live]
    per = max(1, config.stories_per_page)
    urls = {"/", "/feed.xml", "/sitemap.xml", "/robots.txt", "/404.html"}

    def listing(base: str, count: int) -> None:
        urls.add(base)
        for n in range(2, max(1, -(-count // per)) + 1):
            urls.add(f"{base}page/{n}/")

    listing("/stories/", len(live))
    urls.update({"/tags/", "/regions/"})
    tags: dict[str, set[str]] = {}
    regions: dict[str, set[str]] = {}
    for s in live:
        urls.add(s.url)
        for t in s.tags:
            tags.setdefault(slugify(t), set()).add(s.url)
        if s.region:
            regions.setdefault(slugify(s.region), set()).add(s.url)
        for alias in s.aliases:
            urls.add(_canonical(alias if alias.startswith("/") else f"/stories/{alias}/"))
    for key, members in tags.items():
        listing(f"/tags/{key}/", len(members))
    for key, members in regions.items():
        listing(f"/regions/{key}/", len(members))
    urls.update(p.url for p in ctx.pages)
    donor = ctx.extras.get("donor")
    if donor is not None:
        urls.update(_canonical(rd.source) for rd in donor.redirects)
        for view, _ in donor.guides.values():
            urls.add(view.url)
        urls.update(d.url for d in getattr(donor, "downloads", ()))
        urls.update(c.url for c in getattr(donor, "campaigns", ()))  # every campaign has its own page
    forms = config.forms
    if forms is not None:
        for form in forms.forms:
            if form.thank_you is not None:
                urls.add(_canonical(form.thank_you.path))
    return urls


@dataclass(frozen=True)
class Addresses:
    published: frozenset[str]  # what the build publishes
    hidden: frozenset[str]  # stories it has but does not publish (drafts, embargoed, withdrawn…)


def addresses(ctx: SurfaceContext) -> Addresses:
    known = ctx.extras.get("site_addresses")
    if isinstance(known, Addresses):
        return known
    hidden = frozenset(s.url for s in ctx.stories if not ctx.publications[s.path].live)
    return Addresses(frozenset(published_addresses(ctx)), hidden)


def site_addresses(site: Any, decided: dict[str, Any] | None = None) -> Addresses:
    """The addresses of the whole `site` (the build's Site), with some stories' publication decided
    otherwise. Approve checks one story as if published on a site cut down to it; its links are
    still judged against everything the site publishes (extras["site_addresses"])."""
    publications = {**site.publications, **(decided or {})}
    extras = {**site.extras, "site_addresses": None}
    return addresses(SurfaceContext(site.config, site.stories, site.pages, publications, extras))


def _canonical(path: str) -> str:
    """/about, /about/ and /about/index.html are one address."""
    path = urllib.parse.unquote(path)
    path = posixpath.normpath(path) + ("/" if path.endswith("/") and path != "/" else "")
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    last = path.rsplit("/", 1)[-1]
    if last and "." not in last:
        path += "/"
    return path if path.startswith("/") else "/" + path


def own_address(target: str, base_url: str, here: str) -> str | None:
    """The path `target` leads to on this site, or None for another site, mail, phone or a fragment."""
    target = target.strip()
    if not target or target.startswith(("#", "mailto:", "tel:", "data:", "javascript:")):
        return None
    parts = urllib.parse.urlsplit(target)
    if parts.scheme or parts.netloc:
        own = urllib.parse.urlsplit(base_url)
        if parts.scheme not in ("http", "https", "") or parts.netloc.lower() != own.netloc.lower():
            return None
        path = parts.path or "/"
        prefix = own.path.rstrip("/")
        if prefix and path.startswith(prefix):
            path = path[len(prefix) :] or "/"
    else:
        path = parts.path
        if not path:
            return None  # only a query or a fragment: the same page
        if not path.startswith("/"):
            path = posixpath.join(here if here.endswith("/") else posixpath.dirname(here) + "/", path)
    return _canonical(path)


def _problem(path: str, line: int, column: int, target: str, hidden: set[str], pages: set[str]) -> Finding:
    why = (
        "a story that is not public (a draft, under review, embargoed, withdrawn or past its consent)"
        if target in hidden
        else "nothing on this site has that address (a missing, renamed or deleted page or story)"
    )
    meant = page_meant(target, pages)
    fix = (
        f"a page in content/pages/ is published at the site's top level: write the link as {meant}"
        if meant is not None
        else "remove the link or point it at a published page; the address is not repeated here because it "
        "may contain a name"
    )
    return error(
        path, line, column, RULE, f"this link leads to an address this site does not publish: {why}", fix
    )


def page_meant(target: str, pages: set[str]) -> str | None:
    """The published page a link to its source means: "/pages/get-help/", "/content/pages/get-help.md",
    "../pages/get-help.md" and "get-help.md" mean the page content/pages/get-help.md, published at
    /get-help/ (as Hugo or MkDocs would publish it elsewhere). Only a published page's own address is
    offered: it is public, unlike a draft story's, which may hold a name."""
    parts = [p for p in target.split("/") if p and p != ".."]
    if not parts:
        return None
    stem = parts[-1].removesuffix(".md").removesuffix(".html")
    if stem == "index" and len(parts) > 1:
        stem = parts[-2]
    from_pages = "pages" in parts[:-1] or parts[-1].endswith(".md")
    candidate = f"/{stem}/"
    return candidate if from_pages and candidate in pages else None


def unpublished_links(ctx: SurfaceContext) -> Iterator[Finding]:
    book = addresses(ctx)
    published, hidden = set(book.published), set(book.hidden)
    pages = {p.url for p in ctx.pages}
    base = ctx.config.base_url

    def bad(target: str, here: str) -> str | None:
        path = own_address(target, base, here)
        if path is None or path.startswith(_GENERATED) or path in published:
            return None
        return path

    for s in ctx.stories:
        if not ctx.publications[s.path].publishing:
            continue  # a draft links where it likes; it is checked when it is about to be published
        yield from _in_markdown(s.source, s.url, bad, hidden, pages)
    for p in ctx.pages:
        yield from _in_markdown(p.source, p.url, bad, hidden, pages)
    for rel, text, located in _yaml_sources(ctx):
        for path, value in _strings(located.data, ()):
            if path and (path[-1] in ("file", "logo") or "pages" in path):
                continue  # files and a campaign's page patterns, not links
            if rel == "site.yaml" and path[:1] in (("base_url",), ("safety",)):
                continue
            if rel == "site.yaml" and path[:1] == ("forms",) and path[-1] in ("page", "privacy_page"):
                continue  # the forms' own pages: CONFIG reports a missing one (config/forms.py)
            for link in _targets(value):
                target = bad(link, "/")
                if target is not None:
                    line, column = located.where(path)
                    yield _problem(rel, line, column, target, hidden, pages)


def _targets(value: str) -> list[str]:
    v = value.strip()
    if " " not in v and (v.startswith("/") or "://" in v):
        return [v]
    return [link.target for link in links_in(value)]


def _in_markdown(
    source: Source,
    here: str,
    bad: Callable[[str, str], str | None],
    hidden: set[str],
    pages: set[str],
) -> Iterator[Finding]:
    for link in source_links(source.body):
        target = bad(link.target, here)
        if target is not None:
            line, column = source.body_position(link.start)
            yield _problem(source.path, line, column, target, hidden, pages)


def _yaml_sources(ctx: SurfaceContext) -> Iterator[tuple[str, str, Any]]:
    root = ctx.root
    site = read_yaml(root, "site.yaml")
    if site is not None:
        yield site.path, site.text, site.located
    for folder in ("campaigns", "data"):
        base = root / "content" / folder
        if base.is_dir():
            for p in sorted(base.iterdir()):
                if p.is_file() and p.suffix.lower() in (".yaml", ".yml") and not p.name.startswith("."):
                    f = read_yaml(root, p.relative_to(root).as_posix())
                    if f is not None:
                        yield f.path, f.text, f.located


def _strings(value: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _strings(v, path + (i,))


@surface_rule(
    RULE,
    ERROR,
    family=FAMILY,
    title="links to what this build does not publish",
    source="impactsite issue 11: a draft's address is its file name, often a real name",
)
def link_unpublished(ctx: SurfaceContext) -> Iterator[Finding]:
    """A link in any published source (story or page text, data files, site.yaml's navigation and
    forms settings) to an address of this site must lead to something this build publishes: not a
    draft, an embargoed, withdrawn or expired story, nor a missing or deleted page. The finding
    never repeats the address: a draft's address is its file name, which may be a real name."""
    yield from unpublished_links(ctx)


RULES = rules_in(globals())
