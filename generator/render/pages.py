"""The render stage: published stories → bodies, pictures and views → every page and file.

Order: story bodies (one step each, in parallel when cold) → pictures (re-encoded, stored) → the
views templates see → related rankings (one step per story) → the pages (site.py), each through the
page step and the file checks into the sink. The Content-Security-Policy is the theme's (policy.py),
known before any page is rendered, so each page is final when it is made.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import pathlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from jinja2.bccache import Bucket, BytecodeCache
from markupsafe import Markup

from generator.cache.steps import Steps
from generator.config.settings import PseudonymPolicy
from generator.content.model import Story
from generator.content.publication import Publication
from generator.render import csp
from generator.render.bodies import BodyInput, render_bodies
from generator.render.images import ImageStore
from generator.render.markdown import RenderedBody, mark_plain
from generator.render.output import Emitter, FileChecks, Produced, Sink
from generator.render.policy import theme_policy
from generator.render.related import related_slugs
from generator.render.site import SiteRenderer
from generator.render.theme import Theme, theme_dirs, theme_fingerprint
from generator.render.values import Extra, LiveStory, RenderedPage, story_view
from generator.render.views import ImageView, StoryView

if TYPE_CHECKING:
    from generator.build import Site

Progress = Callable[[str, int, int], None]
ChecksFor = Callable[[csp.Policy, Theme], FileChecks]


class StoreBlobs:
    """The image cache's view of the store: one entry per processed picture, under the one key function."""

    def __init__(self, steps: Steps) -> None:
        self.steps = steps

    def get(self, key: str) -> bytes | None:
        return self.steps.store.get(self.steps.key("image", key))

    def put(self, key: str, data: bytes) -> None:
        self.steps.store.put(self.steps.key("image", key), data, large=True)


def theme_for(root: pathlib.Path, steps: Steps) -> Theme:
    """The theme, reused by serve while no template or asset changed (Jinja compiles each once)."""
    fingerprint = theme_fingerprint(theme_dirs(root))
    return steps.keep_object("theme", fingerprint, lambda: _theme(root, fingerprint, steps))


def _theme(root: pathlib.Path, fingerprint: str, steps: Steps) -> Theme:
    theme = Theme(root)
    theme._fingerprint = fingerprint
    theme.env.bytecode_cache = StoredTemplates(steps)
    return theme


class StoredTemplates(BytecodeCache):
    """Jinja's compiled templates kept in the store (authenticated like every entry), so a new
    process does not compile every template again. Keyed by the template's name and source
    checksum; Jinja's version is in every key (keys.py)."""

    def __init__(self, steps: Steps) -> None:
        self.steps = steps

    def _key(self, bucket: Bucket) -> str:
        return self.steps.key("template", bucket.key, bucket.checksum)

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self.steps.store.get(self._key(bucket))
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.steps.store.put(self._key(bucket), bucket.bytecode_to_string(), large=True)


def story_views(
    site: Site, live: list[Story], bodies: dict[str, RenderedBody], images: ImageStore, steps: Steps
) -> list[LiveStory]:
    marks = site.config.pseudonyms
    out = []
    for story in live:
        pub = site.publications[story.path]
        figures = images.views_for(story, pub)
        names = _pseudonyms(story)
        body = bodies[story.path]
        key = repr((site.file_digests[story.path], pub.state, sorted(pub.channels), body, figures, marks))
        view = steps.memo("view", key, lambda: _view(story, pub, body, figures, names, marks))  # noqa: B023
        out.append(LiveStory(story, pub, view))
    return out


def _pseudonyms(story: Story) -> tuple[str, ...]:
    return tuple(p.name for p in story.people if p.name_type == "pseudonym")


def _view(
    story: Story,
    pub: Publication,
    body: RenderedBody,
    figures: tuple[ImageView, ...],
    pseudonyms: tuple[str, ...],
    marks: PseudonymPolicy,
) -> StoryView:
    view = story_view(story, pub, Markup(body.html), body.footnote, figures[0] if figures else None)
    return dataclasses.replace(
        view,
        figures=figures[1:],
        plain_title=story.title,
        title=mark_plain(story.title, pseudonyms) if marks.in_titles else story.title,
        feed_title=mark_plain(story.title, pseudonyms) if marks.in_feed else story.title,
        feed_summary=mark_plain(story.summary, pseudonyms) if marks.in_feed else story.summary,
    )


def render_site(
    site: Site,
    at: dt.datetime,
    steps: Steps,
    sink: Sink,
    checks_for: ChecksFor,
    progress: Progress,
    *,
    drop_failing: bool = False,
    context: dict[str, Any] | None = None,
) -> Produced:
    """Every page and file into `sink`. `context` adds to what every template sees (serve's
    previews: `preview`; a build never has it)."""
    config = site.config
    theme = theme_for(config.root, steps)
    donor = site.donor
    policy = theme_policy(theme.dirs, donor.form_origins())
    live = [s for s in site.stories if site.publications[s.path].live]
    every = config.pseudonyms.mark == "every"
    items = [BodyInput(s, site.body_digests[s.path], _pseudonyms(s), every) for s in live]
    items += [BodyInput(p, site.body_digests[p.path], (), False) for p in site.pages]  # type: ignore[arg-type]
    bodies = render_bodies(items, steps, progress)
    images = ImageStore(config.content_dir, StoreBlobs(steps))
    stories = story_views(site, live, bodies, images, steps)
    pages = [RenderedPage(p, Markup(bodies[p.path].html)) for p in site.pages]
    related = related_slugs(live, config.related_stories, steps)
    emitter = Emitter(steps, sink, checks_for(policy, theme), drop_failing=drop_failing)
    renderer = SiteRenderer(
        config,
        theme,
        emitter,
        context={**donor.context, **(context or {})},
        finish_page=lambda html: csp.with_meta(html, policy),
        policy_key=policy.header(),
    )
    extras = donor.extras()
    extras.append(Extra("_headers", "site.yaml", data=csp.headers_file(policy, config.base_path)))
    extras += [Extra(path, owner, data=data) for path, (data, owner) in sorted(images.files.items())]
    progress("scan", 0, 1)
    produced = renderer.render(stories, pages, related, extras)
    progress("scan", 1, 1)
    return produced
