"""The lists of stories (/stories/, topics, regions, paginated), the feed and the sitemap: pages
planned from many stories at once, handed to the renderer like any other."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from generator.render import feeds
from generator.render.links import page_url
from generator.render.values import LiveStory
from generator.render.views import PageMeta, Pagination, StoryView, TermView, slugify

if TYPE_CHECKING:
    from generator.render.site import SiteRenderer


def taxonomy(
    r: SiteRenderer, pairs: list[tuple[str, StoryView]], base: str, label: str, heading: str
) -> None:
    groups: dict[str, list[StoryView]] = defaultdict(list)
    names: dict[str, str] = {}
    members: set[tuple[str, str]] = set()
    for name, view in pairs:
        key = slugify(name)
        names.setdefault(key, name)
        if (key, view.url) not in members:
            members.add((key, view.url))
            groups[key].append(view)
    index = [
        TermView(
            names[k],
            f"{base}{k}/",
            len(groups[k]),
            next((v.image for v in groups[k] if v.image is not None), None),
        )
        for k in sorted(groups)
    ]
    r.page(
        "terms.html",
        PageMeta(base, heading, f"{heading} of our stories"),
        "content/stories",
        heading=heading,
        terms=index,
    )
    for key in sorted(groups):
        n = len(groups[key])
        paginated(
            r,
            f"{base}{key}/",
            names[key],
            f"Stories about {names[key]}",
            groups[key],
            eyebrow=label,
            intro=f"{n} {'story' if n == 1 else 'stories'} about {names[key]}"
            if label == "Topic"
            else f"{n} {'story' if n == 1 else 'stories'} from {names[key]}",
            others=tuple(t for t in index if t.url != f"{base}{key}/"),
        )


def paginated(
    r: SiteRenderer,
    base: str,
    heading: str,
    description: str,
    views: Sequence[StoryView],
    *,
    eyebrow: str = "",
    intro: str = "",
    others: tuple[TermView, ...] = (),
) -> None:
    """A list of stories, stories_per_page to a page: base, then base/page/2/, … (a long list on
    one page is slow to load and, with `serve`, slow to redo after every edit)."""
    per = r.config.stories_per_page
    total = max(1, -(-len(views) // per))
    for n in range(1, total + 1):
        pg = Pagination(
            n,
            total,
            page_url(base, n - 1) if n > 1 else None,
            page_url(base, n + 1) if n < total else None,
        )
        title = heading if n == 1 else f"{heading}, page {n} of {total}"
        r.page(
            "list.html",
            PageMeta(page_url(base, n), title, description),
            "content/stories",
            stories=views[(n - 1) * per : n * per],
            pagination=pg,
            heading=title,
            eyebrow=eyebrow,
            intro=intro,
            others=others,
        )


def feed(r: SiteRenderer, stories: Sequence[LiveStory]) -> None:
    c = r.config
    entries = [
        feeds.Entry(
            title=s.view.feed_title or s.view.title,
            url=c.absolute(s.view.url),
            published=s.view.date,
            updated=s.view.updated or s.view.date,
            summary=s.view.feed_summary or s.view.summary,
            categories=tuple(t.title for t in s.view.tags),
        )
        for s in stories[: c.feed_entries]
    ]
    feed = feeds.atom_feed(
        title=c.title,
        language=c.language,
        self_url=c.absolute("/feed.xml"),
        home_url=c.absolute("/"),
        author=c.organisation.name,
        entries=entries,
    )
    r.file("feed.xml", "content/stories", feed)


def sitemap(r: SiteRenderer) -> None:
    urls = [(r.config.absolute(url), day) for url, day in r.emitter.produced.sitemap]
    r.file("sitemap.xml", "content/stories", feeds.sitemap(urls))
