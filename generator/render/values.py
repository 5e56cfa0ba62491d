"""The values the render stage hands around: a published story with its view, a plain page with
its body, and a page or file another stage adds."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from generator.content.model import Page, Story
from generator.content.publication import Publication
from generator.render.views import Link, PageMeta, StoryView, slugify


@dataclass(frozen=True)
class LiveStory:
    story: Story
    publication: Publication
    view: StoryView  # body rendered, image processed


@dataclass(frozen=True)
class RenderedPage:
    page: Page
    body: Markup


@dataclass(frozen=True)
class Extra:
    """A page or file another stage adds (the donor pages): `meta` set → a page with the common
    context; `template` alone → rendered with `context` only; neither → the bytes in `data`."""

    path: str
    owner: str
    template: str = ""
    meta: PageMeta | None = None
    context: Mapping[str, Any] = field(default_factory=dict)
    data: str | bytes = b""
    story_slug: str | None = None  # a page that shows one live story (a campaign's): its view as `story`


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
