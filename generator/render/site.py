"""Plan and render every page of the site from the published stories: one place decides the URL
set, so a story that is out is out of every listing, tag, region, related link, feed and sitemap."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from markupsafe import Markup

from generator.cache.steps import MISSING
from generator.config.settings import SiteConfig
from generator.render import lists
from generator.render.brand import Brand, brand_key, make_brand
from generator.render.keys import common_key, stable_text
from generator.render.links import json_ld, out_path, tracked
from generator.render.output import Emitter, Produced, file_digest
from generator.render.theme import Theme
from generator.render.values import Extra, LiveStory, RenderedPage, story_view
from generator.render.views import (
    FrozenMap,
    PageMeta,
    StoryView,
    human_date,
)


class SiteRenderer:
    """Plans every page and hands it to the emitter: a page whose inputs (template, common context,
    values passed) are those of an earlier build is not rendered again; its digest is reused."""

    def __init__(
        self,
        config: SiteConfig,
        theme: Theme,
        emitter: Emitter,
        *,
        context: Mapping[str, Any] | None = None,
        finish_page: Callable[[str], str] = lambda html: html,
        policy_key: str = "",
    ) -> None:
        self.config = config
        self.theme = theme
        self.emitter = emitter
        self.steps = emitter.steps
        self.context = dict(context or {})
        self.finish_page = finish_page  # e.g. the Content-Security-Policy <meta>
        self._donate_ld: Markup | None = None
        self.story_views: dict[str, StoryView] = {}  # live stories by slug (a campaign page shows one)
        brand = brand_key(config)
        self.brand: Brand = self.steps.keep_object(
            "brand", repr(brand), lambda: make_brand(config, theme.assets["site.css"].data)
        )
        self.assets = {**theme.assets, **self.brand.assets}
        self._common_key = common_key(config, theme.fingerprint(), self.context, policy_key + repr(brand))

    def render_page(self, template: str, path: str, owner: str, **ctx: Any) -> None:
        """Render `template` to `path` (through the page step), unless nothing it reads changed."""

        def make() -> bytes:
            return self.finish_page(self.theme.render(template, **self.common(), **ctx)).encode("utf-8")

        if self.steps.in_memory:  # serve: equal contexts (the same view objects) give the same key
            same = (
                self._common_key,
                template,
                tuple((k, type(v), tuple(v) if type(v) is list else v) for k, v in sorted(ctx.items())),
            )
            key = self.steps.memo_value("page-key", same, lambda: self._page_key(template, ctx))
        else:
            key = self._page_key(template, ctx)
        if key is None:
            self.emitter.emit(path, owner, None, make)
            return
        digest = self.steps.lookup(key)
        made: list[bytes] = []

        def make_and_remember() -> bytes:
            data = make()
            if not made:
                made.append(data)
                self.steps.remember(key, file_digest(data))
            return data

        self.emitter.emit(path, owner, None if digest is MISSING else digest, make_and_remember)

    def _page_key(self, template: str, ctx: Mapping[str, Any]) -> str | None:
        if self._common_key is None:
            return None
        parts = [self._common_key, template]
        for name, value in sorted(ctx.items()):
            text = stable_text(value)
            if text is None:
                return None
            parts += [name, type(value).__name__, text]
        return self.steps.key("page", *parts)

    def common(self) -> dict[str, Any]:
        c = self.config
        return {
            "site": c,
            "nav": c.navigation,
            "donate_url": tracked(c.donate_url, c),
            "feed_url": "/feed.xml",
            "url": c.path,  # every internal link in a template goes through url(): the site's base path
            "base_path": c.base_path,
            "assets": self.assets,
            "brand": self.brand,
            "social_card": c.absolute(self.assets["social-card.png"].url),
            **self.context,
        }

    def page(
        self, template: str, meta: PageMeta, owner: str, *, sitemap_date: dt.date | None = None, **ctx: Any
    ) -> None:
        meta = self.steps.memo_value("complete-meta", meta, lambda: self._complete(meta))
        self.render_page(template, out_path(meta.url), owner, page=meta, **ctx)
        if not meta.noindex:
            self.emitter.produced.sitemap.append((meta.url, sitemap_date))

    def file(self, path: str, owner: str, data: str | bytes) -> None:
        """A file made directly (feed, sitemap, assets, downloads): cheap, so always made."""
        raw = data.encode("utf-8") if isinstance(data, str) else data
        self.emitter.emit(path, owner, None, lambda: raw)

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

    def render(
        self,
        stories: Sequence[LiveStory],
        pages: Sequence[RenderedPage],
        related: Mapping[str, tuple[str, ...]],
        extras: Sequence[Extra] = (),
    ) -> Produced:
        """Every page and file of the site, in a fixed order (stories newest first)."""
        stories = sorted(stories, key=lambda s: (s.story.date, s.story.slug), reverse=True)
        org = self._organisation()
        self._lists(stories, org)
        self._stories(stories, related, org)
        for p in pages:
            meta = PageMeta(p.page.url, p.page.title, p.page.summary or "", noindex=p.page.noindex)
            self.page("page.html", meta, p.page.path, content=p.body, title=p.page.title)
        c = self.config
        page404 = PageMeta("/404.html", "Page not found", noindex=True, canonical=c.absolute("/404.html"))
        self.render_page("404.html", "404.html", "templates/404.html", page=page404)
        for extra in extras:
            if extra.meta is not None:
                ctx: dict[str, Any] = dict(extra.context)
                if extra.story_slug is not None:
                    ctx["story"] = self.story_views.get(extra.story_slug)
                self.page(extra.template, extra.meta, extra.owner, **ctx)
            elif extra.template:
                self.render_alone(extra.template, extra.path, extra.owner, extra.context)
            else:
                self.file(extra.path, extra.owner, extra.data)
        lists.feed(self, [s for s in stories if s.publication.on("feed")])
        lists.sitemap(self)
        self.file(
            "robots.txt", "site.yaml", f"User-agent: *\nAllow: /\n\nSitemap: {c.absolute('/sitemap.xml')}\n"
        )
        for name, asset in sorted(self.assets.items()):
            owner = (
                "templates/assets/" + name
                if name in self.theme.assets and name != "site.css"
                else "site.yaml"
            )
            self.file(asset.url.lstrip("/"), owner, asset.data)
        return self.emitter.finish()

    def _organisation(self) -> dict[str, Any]:
        c = self.config
        org: dict[str, Any] = {
            "@type": "NGO",
            "name": c.organisation.name,
            "url": c.organisation.url or c.base_url,
        }
        if c.organisation.same_as:
            org["sameAs"] = list(c.organisation.same_as)
        return org

    def _lists(self, stories: Sequence[LiveStory], org: dict[str, Any]) -> None:
        """The home page, /stories/ and the tag and region pages."""
        c = self.config
        views = [s.view for s in stories]
        contact_points = self.context.get("contact_points")
        home = {
            "@context": "https://schema.org",
            **org,
            **({"contactPoint": contact_points} if contact_points else {}),
        }
        meta = PageMeta("/", c.title, c.description, json_ld=(json_ld(home),))
        self.page(
            "home.html", meta, "site.yaml", stories=views[:7]
        )  # the featured story and the latest cards
        lists.paginated(self, "/stories/", "Stories", f"Stories from {c.organisation.name}", views)
        lists.taxonomy(
            self, [(t, s.view) for s in stories for t in s.story.tags], "/tags/", "Topic", "Topics"
        )
        regions = [(s.story.region, s.view) for s in stories if s.story.region]
        lists.taxonomy(self, regions, "/regions/", "Region", "Regions")

    def _stories(
        self, stories: Sequence[LiveStory], related: Mapping[str, tuple[str, ...]], org: dict[str, Any]
    ) -> None:
        """Each story's page, with its related cards."""
        by_slug = {s.story.slug: s.view for s in stories}
        self.story_views = by_slug
        memo = self.steps.memo_value  # serve: the same objects as last time when nothing changed
        for s in stories:
            cards = tuple(by_slug[slug] for slug in related[s.story.slug])
            v = memo("with-related", (s.view, cards), lambda s=s, cards=cards: replace(s.view, related=cards))  # type: ignore[misc]
            self.page(
                "story.html",
                memo("story-meta", v, lambda v=v: self._story_meta(v, org)),  # type: ignore[misc]
                s.story.path,
                sitemap_date=v.updated or v.date,
                story=v,
            )

    def render_alone(self, template: str, path: str, owner: str, ctx: Mapping[str, Any]) -> None:
        """A template rendered outside the page step (a redirect page: tiny, never reused)."""
        html = self.theme.render(template, **self.common(), **ctx)
        self.file(path, owner, self.finish_page(html) if path.endswith(".html") else html)

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


__all__ = [
    "Extra",
    "LiveStory",
    "RenderedPage",
    "SiteRenderer",
    "human_date",
    "json_ld",
    "story_view",
    "tracked",
]
