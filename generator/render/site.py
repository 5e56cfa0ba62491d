"""Plan and render every page of the site from the published stories: one place decides the URL
set, so a story that is out is out of every listing, tag, region, related link, feed and sitemap."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import urllib.parse
from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol, TypeVar
from xml.sax.saxutils import escape as xml_escape

from markupsafe import Markup

from generator.config.settings import SiteConfig
from generator.content.model import Page, Story
from generator.content.publication import Publication
from generator.findings import Finding, error
from generator.render.theme import Theme
from generator.render.views import FrozenMap, Link, PageMeta, Pagination, StoryView, human_date, slugify


@dataclass(frozen=True)
class LiveStory:
    story: Story
    publication: Publication
    view: StoryView  # body rendered, image processed


@dataclass(frozen=True)
class RenderedPage:
    page: Page
    body: Markup


class Files:
    """The build's output, path → bytes. Two writes to one path are an error, never an overwrite."""

    def __init__(self) -> None:
        self.data: dict[str, bytes] = {}
        self.owners: dict[str, str] = {}
        self.clashes: list[Finding] = []

    def add(self, path: str, content: str | bytes, owner: str) -> None:
        if path in self.data:
            first = self.owners[path]
            self.clashes.append(
                error(
                    owner,
                    1,
                    1,
                    "URL-CLASH",
                    f"{owner} and {first} both produce /{path}",
                    "give one of them a different file name or slug",
                )
            )
            return
        self.data[path] = content.encode("utf-8") if isinstance(content, str) else content
        self.owners[path] = owner

    def rewrite(self, path: str, content: str | bytes) -> None:
        """Replace a file this build already made (post-processing, e.g. the CSP <meta>); its owner stays."""
        if path not in self.data:
            raise KeyError(f"/{path} was never produced, so it cannot be rewritten")
        self.data[path] = content.encode("utf-8") if isinstance(content, str) else content


def json_ld(data: dict[str, Any]) -> Markup:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def tracked(url: str, config: SiteConfig, **overrides: str) -> str:
    """Add the site's campaign tracking parameters to a donate link (`campaign="spring-match"` overrides
    utm_campaign); parameters the link already has are kept, and a #fragment stays last."""
    params = dict(config.tracking.params) | {f"utm_{k}": v for k, v in overrides.items() if v}
    if not url or not params:
        return url
    base, hash_, fragment = url.partition("#")
    present = {
        k for k, _ in urllib.parse.parse_qsl(urllib.parse.urlsplit(base).query, keep_blank_values=True)
    }
    extra = urllib.parse.urlencode([(k, v) for k, v in sorted(params.items()) if k not in present])
    if not extra:
        return url
    return base + ("&" if "?" in base else "?") + extra + hash_ + fragment


RELATED_POOL = 24  # newest stories considered per shared tag or region


class RelatedIndex:
    """Related stories without comparing every pair (10,000 stories would be 100 million pairs).

    The candidates for a story are the RELATED_POOL newest stories of each of its tags and of its
    region; among them, a shared tag scores 2 and the same region 1, newest first among equals, and
    the newest stories overall fill any gap. It is a pure function of the live stories, so cached,
    parallel and cold builds agree.
    """

    def __init__(self, stories: Sequence[LiveStory]) -> None:
        newest = sorted(stories, key=lambda o: (o.story.date, o.story.slug), reverse=True)
        self.newest = newest
        self.groups: dict[tuple[str, str], list[LiveStory]] = defaultdict(list)
        for o in newest:
            for t in set(o.story.tags):
                group = self.groups[("tag", t)]
                if len(group) < RELATED_POOL + 1:
                    group.append(o)
            if o.story.region:
                group = self.groups[("region", o.story.region)]
                if len(group) < RELATED_POOL + 1:
                    group.append(o)

    @staticmethod
    def signature(stories: Sequence[LiveStory]) -> str:
        """Everything the ranking reads, as one digest: equal signatures give equal rankings."""
        parts = sorted(repr((o.story.slug, o.story.date, o.story.tags, o.story.region)) for o in stories)
        return hashlib.blake2b("\n".join(parts).encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()

    def ranked(self, target: LiveStory, count: int) -> tuple[str, ...]:
        """The slugs of the stories related to `target`, best first."""
        tags = set(target.story.tags)
        keys = [("tag", t) for t in sorted(tags)] + (
            [("region", target.story.region)] if target.story.region else []
        )
        candidates = {
            o.story.slug: o for k in keys for o in self.groups.get(k, ()) if o.story.slug != target.story.slug
        }

        def score(o: LiveStory) -> tuple[int, dt.date, str]:
            s = 2 * len(tags & set(o.story.tags)) + (
                1 if o.story.region and o.story.region == target.story.region else 0
            )
            return (s, o.story.date, o.story.slug)

        ranked = sorted(candidates.values(), key=score, reverse=True)[:count]
        for o in self.newest:
            if len(ranked) >= count:
                break
            if o.story.slug != target.story.slug and o.story.slug not in candidates:
                ranked.append(o)
        return tuple(o.story.slug for o in ranked)


T = TypeVar("T")


class Memo(Protocol):
    """Results kept between renderings (caches.Caches)."""

    in_memory: bool
    site_key: str

    def page(self, key: Hashable, render: Callable[[], str]) -> str: ...
    def derive(self, namespace: str, key: Hashable, compute: Callable[[], Any]) -> Any: ...
    def previous_page(self, path: str, inputs: str) -> str | None: ...
    def rendered(self, path: str, inputs: str, html: str) -> None: ...
    def note_csp_tag(self, tag: str) -> None: ...


def stable_text(value: Any) -> str | None:
    """A text form of a value passed to a template that is the same in every process for equal
    values (None when there is none: such a page is always rendered)."""
    if isinstance(value, StoryView):
        return value.stable_digest()
    if isinstance(value, (tuple, list)):
        parts = [stable_text(v) for v in value]
        return (
            None if any(p is None for p in parts) else "(" + ",".join(p for p in parts if p is not None) + ")"
        )
    text = repr(value)
    return None if " at 0x" in text else text


def page_url(base: str, n: int) -> str:
    return base if n == 1 else f"{base}page/{n}/"


def out_path(url: str) -> str:
    return url.strip("/") + "/index.html" if url != "/" else "index.html"


class SiteRenderer:
    """`hooks` run once the stories and pages are rendered and may add pages and files (donor.py's do);
    `context` is added to what every template sees (e.g. `donor`, `contact_points`)."""

    def __init__(
        self,
        config: SiteConfig,
        theme: Theme,
        hooks: Sequence[Callable[[SiteRenderer], None]] = (),
        context: Mapping[str, Any] | None = None,
        memo: Memo | None = None,
    ) -> None:
        self.config = config
        self.theme = theme
        self.files = Files()
        self.hooks = hooks
        self.context = dict(context or {})
        self.sitemap: list[tuple[str, dt.date | None]] = []
        self.memo = memo
        self._donate_ld: Markup | None = None
        self._common_key: str | None = self._key_of_common() if memo is not None else None

    def _key_of_common(self) -> str | None:
        """One digest of what every page sees (config, templates, the donor context), or None when
        some part has no stable text form (then pages are simply rendered, never reused)."""
        parts = [repr(self.config), self.theme.fingerprint()]
        for name, value in sorted(self.context.items()):
            key_of = getattr(value, "memo_key", None)
            parts += [name, key_of() if callable(key_of) else repr(value)]
        if any(" at 0x" in p for p in parts):
            return None
        return hashlib.blake2b("\0".join(parts).encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()

    def render_page(self, template: str, path: str | None = None, **ctx: Any) -> str:
        """The template rendered with the common context; reused when every value passed (and
        its type) equals those of an earlier rendering with the same common context: from memory
        (serve), or from the previous build's file at `path` (build: keyed by a digest of the
        values' text forms, see caches.previous_page)."""
        if self.memo is None or self._common_key is None:
            return self.theme.render(template, **self.common(), **ctx)
        if self.memo.in_memory:
            key = (
                self._common_key,
                template,
                tuple((k, type(v), tuple(v) if type(v) is list else v) for k, v in sorted(ctx.items())),
            )
            return self.memo.page(key, lambda: self.theme.render(template, **self.common(), **ctx))
        inputs = self._inputs_digest(template, ctx) if path is not None else None
        if inputs is None or path is None:
            return self.theme.render(template, **self.common(), **ctx)
        html = self.memo.previous_page(path, inputs)
        if html is None:
            html = self.theme.render(template, **self.common(), **ctx)
        self.memo.rendered(path, inputs, html)
        return html

    def _inputs_digest(self, template: str, ctx: Mapping[str, Any]) -> str | None:
        parts = [self.memo.site_key if self.memo is not None else "", self._common_key or "", template]
        for name, value in sorted(ctx.items()):
            text = stable_text(value)
            if text is None:
                return None
            parts += [name, type(value).__name__, text]
        return hashlib.blake2b("\0".join(parts).encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()

    def derive(self, namespace: str, key: Hashable, compute: Callable[[], T]) -> T:
        """compute(), reused from the memo for an equal key (a pure function of the key only)."""
        return compute() if self.memo is None else self.memo.derive(namespace, key, compute)

    def note_csp_tag(self, tag: str) -> None:
        if self.memo is not None:
            self.memo.note_csp_tag(tag)

    def derive_site(self, namespace: str, key: Hashable, compute: Callable[[], T]) -> T:
        """Like derive, for a result that also depends on the config and the theme."""
        if self.memo is None or self._common_key is None:
            return compute()
        return self.memo.derive(namespace, (self._common_key, key), compute)

    def common(self) -> dict[str, Any]:
        c = self.config
        return {
            "site": c,
            "nav": c.navigation,
            "donate_url": tracked(c.donate_url, c),
            "feed_url": "/feed.xml",
            **self.context,
        }

    def page(
        self, template: str, meta: PageMeta, owner: str, *, sitemap_date: dt.date | None = None, **ctx: Any
    ) -> None:
        meta = self.derive_site("meta", meta, functools.partial(self._complete, meta))
        html = self.render_page(template, path=out_path(meta.url), page=meta, **ctx)
        # The same text gives the same bytes object, so later per-file steps find their cached results at once.
        self.files.add(
            out_path(meta.url), self.derive("utf-8", html, functools.partial(str.encode, html)), owner
        )
        if not meta.noindex:
            self.sitemap.append((meta.url, sitemap_date))

    def _complete(self, meta: PageMeta) -> PageMeta:
        meta = replace(meta, canonical=meta.canonical or self.config.absolute(meta.url))
        if (
            self.config.donate_url
        ):  # every page carries a donate link (the header's), so it says so in JSON-LD
            if self._donate_ld is None:
                self._donate_ld = self._donate_action()
            meta = replace(meta, json_ld=meta.json_ld + (self._donate_ld,))
        return meta

    def _donate_action(self) -> Markup:
        c = self.config
        return json_ld(
            {
                "@context": "https://schema.org",
                "@type": "DonateAction",
                "recipient": {
                    "@type": "NGO",
                    "name": c.organisation.name,
                    "url": c.organisation.url or c.base_url,
                },
                "target": {"@type": "EntryPoint", "urlTemplate": tracked(c.donate_url, c)},
            }
        )

    def render(self, stories: Sequence[LiveStory], pages: Sequence[RenderedPage]) -> Files:
        c = self.config
        stories = sorted(stories, key=lambda s: (s.story.date, s.story.slug), reverse=True)
        views = [s.view for s in stories]
        org: dict[str, Any] = {
            "@type": "NGO",
            "name": c.organisation.name,
            "url": c.organisation.url or c.base_url,
        }
        if c.organisation.same_as:
            org["sameAs"] = list(c.organisation.same_as)
        contact_points = self.context.get("contact_points")
        home_ld = json_ld(
            {
                "@context": "https://schema.org",
                **org,
                **({"contactPoint": contact_points} if contact_points else {}),
            }
        )
        self.page(
            "home.html",
            PageMeta("/", c.title, c.description, json_ld=(home_ld,)),
            "site.yaml",
            stories=views[:6],
        )

        self._paginated("/stories/", "Stories", f"Stories from {c.organisation.name}", views)

        self._taxonomy([(t, s.view) for s in stories for t in s.story.tags], "/tags/", "Tag", "Topics")
        self._taxonomy(
            [(s.story.region, s.view) for s in stories if s.story.region], "/regions/", "Region", "Regions"
        )

        index: RelatedIndex | None = None
        signature = RelatedIndex.signature(stories)
        by_slug = {s.story.slug: s.view for s in stories}
        for s in stories:

            def rank(s: LiveStory = s) -> tuple[str, ...]:
                nonlocal index
                index = index or RelatedIndex(stories)  # built only if some ranking is not reused
                return index.ranked(s, c.related_stories)

            slugs = self.derive("related", (signature, c.related_stories, s.story.slug), rank)
            related = tuple(by_slug[slug] for slug in slugs)
            v = self.derive(
                "with-related", (s.view, related), functools.partial(replace, s.view, related=related)
            )
            meta = self.derive_site("story-meta", v, functools.partial(self._story_meta, v, org))
            self.page("story.html", meta, s.story.path, sitemap_date=v.updated or v.date, story=v)

        for p in pages:
            meta = PageMeta(p.page.url, p.page.title, p.page.summary or "", noindex=p.page.noindex)
            self.page("page.html", meta, p.page.path, content=p.body, title=p.page.title)

        self.files.add(
            "404.html",
            self.render_page(
                "404.html",
                page=PageMeta("/404.html", "Page not found", noindex=True, canonical=c.absolute("/404.html")),
            ),
            "templates/404.html",
        )
        for hook in self.hooks:
            hook(self)
        self._feed([s for s in stories if s.publication.on("feed")])
        self._sitemap()
        self.files.add(
            "robots.txt", f"User-agent: *\nAllow: /\n\nSitemap: {c.absolute('/sitemap.xml')}\n", "site.yaml"
        )
        for asset in self.theme.assets.values():
            self.files.add(asset.url.lstrip("/"), asset.data, "templates/assets/" + asset.name)
        return self.files

    def _story_meta(self, v: StoryView, org: dict[str, Any]) -> PageMeta:
        c = self.config
        ld: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": v.plain_title or v.title,
            "datePublished": v.date_iso,
            "dateModified": (v.updated or v.date).isoformat(),
            "mainEntityOfPage": c.absolute(v.url),
            "publisher": org,
            "author": org,
        }
        if v.social:  # no `social` consent: no summary and no picture for any card or preview
            ld["description"] = v.summary
        image = ""
        if v.image is not None and v.social:
            image = c.absolute(v.image.src)
            ld["image"] = [image]
        meta = PageMeta(
            v.url,
            v.plain_title or v.title,
            v.summary if v.social else "",
            og_type="article",
            image=image,
            image_alt=v.image.alt if image and v.image else "",
            json_ld=(json_ld(ld),),
            extra=FrozenMap(published_time=v.date_iso, modified_time=(v.updated or v.date).isoformat()),
        )
        return meta

    def _taxonomy(self, pairs: list[tuple[str, StoryView]], base: str, label: str, heading: str) -> None:
        groups: dict[str, list[StoryView]] = defaultdict(list)
        names: dict[str, str] = {}
        members: set[tuple[str, str]] = set()
        for name, view in pairs:
            key = slugify(name)
            names.setdefault(key, name)
            if (key, view.url) not in members:
                members.add((key, view.url))
                groups[key].append(view)
        index = [Link(f"{names[k]} ({len(groups[k])})", f"{base}{k}/") for k in sorted(groups)]
        self.page(
            "terms.html",
            PageMeta(base, heading, f"{heading} of our stories"),
            "content/stories",
            heading=heading,
            terms=index,
        )
        for key in sorted(groups):
            self._paginated(
                f"{base}{key}/", f"{label}: {names[key]}", f"Stories about {names[key]}", groups[key]
            )

    def _paginated(self, base: str, heading: str, description: str, views: Sequence[StoryView]) -> None:
        """A list of stories, stories_per_page to a page: base, then base/page/2/, … (a long list on
        one page is slow to load and, with `serve`, slow to redo after every edit)."""
        per = self.config.stories_per_page
        total = max(1, -(-len(views) // per))
        for n in range(1, total + 1):
            pg = Pagination(
                n,
                total,
                page_url(base, n - 1) if n > 1 else None,
                page_url(base, n + 1) if n < total else None,
            )
            title = heading if n == 1 else f"{heading}, page {n} of {total}"
            self.page(
                "list.html",
                PageMeta(page_url(base, n), title, description),
                "content/stories",
                stories=views[(n - 1) * per : n * per],
                pagination=pg,
                heading=title,
            )

    def _feed(self, stories: Sequence[LiveStory]) -> None:
        c = self.config
        entries = stories[: c.feed_entries]
        updated = max((s.story.updated or s.story.date for s in entries), default=dt.date(2000, 1, 1))
        parts = [
            '<?xml version="1.0" encoding="utf-8"?>',
            f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{xml_escape(c.language)}">',
            f"<title>{xml_escape(c.title)}</title>",
            f'<link href="{xml_escape(c.absolute("/feed.xml"))}" rel="self"/>',
            f'<link href="{xml_escape(c.absolute("/"))}"/>',
            f"<id>{xml_escape(c.absolute('/'))}</id>",
            f"<updated>{updated.isoformat()}T00:00:00Z</updated>",
            f"<author><name>{xml_escape(c.organisation.name)}</name></author>",
        ]
        for s in entries:
            v = s.view
            day = (v.updated or v.date).isoformat()
            parts += [
                "<entry>",
                f"<title>{xml_escape(v.feed_title or v.title)}</title>",
                f'<link href="{xml_escape(c.absolute(v.url))}"/>',
                f"<id>{xml_escape(c.absolute(v.url))}</id>",
                f"<published>{v.date_iso}T00:00:00Z</published>",
                f"<updated>{day}T00:00:00Z</updated>",
                f"<summary>{xml_escape(v.feed_summary or v.summary)}</summary>",
                *(f'<category term="{xml_escape(t.title)}"/>' for t in v.tags),
                "</entry>",
            ]
        parts.append("</feed>\n")
        self.files.add("feed.xml", "\n".join(parts), "content/stories")

    def _sitemap(self) -> None:
        lines = [
            '<?xml version="1.0" encoding="utf-8"?>',
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        ]
        for url, day in sorted(self.sitemap):
            lastmod = f"<lastmod>{day.isoformat()}</lastmod>" if day else ""
            lines.append(f"<url><loc>{xml_escape(self.config.absolute(url))}</loc>{lastmod}</url>")
        lines.append("</urlset>\n")
        self.files.add("sitemap.xml", "\n".join(lines), "content/stories")


def story_view(
    story: Story, publication: Publication, body: Markup, footnote: str | None, image: Any
) -> StoryView:
    return StoryView(
        url=story.url,
        slug=story.slug,
        title=story.title,
        summary=story.summary,
        date=story.date,
        location=story.location,
        region=Link(story.region, f"/regions/{slugify(story.region)}/") if story.region else None,
        tags=tuple(Link(t, f"/tags/{slugify(t)}/") for t in story.tags),
        body=body,
        footnote=footnote,
        image=image,
        updated=story.updated,
        social=publication.on("social"),
    )


__all__ = ["Files", "LiveStory", "RenderedPage", "SiteRenderer", "human_date", "story_view", "tracked"]
