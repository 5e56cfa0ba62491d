"""What templates see: small read-only views built from stories and pages. Nothing private is in
them (no people list, consent, review or internal notes), so no template can print those."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field, fields, replace

from markupsafe import Markup


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def human_date(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class ImageView:
    src: str
    alt: str
    width: int
    height: int
    srcset: str = ""
    sizes: str = ""
    caption: str | None = None
    sources: tuple[tuple[str, str], ...] = ()  # (mime type, srcset) for <picture> <source>s


@dataclass(frozen=True)
class StoryView:
    url: str
    slug: str
    title: str
    summary: str
    date: dt.date
    location: str | None
    region: Link | None
    tags: tuple[Link, ...]
    body: Markup = Markup("")  # noqa: RUF009 (an immutable str)
    footnote: str | None = None
    image: ImageView | None = None  # the hero image, above the fold
    figures: tuple[ImageView, ...] = ()  # further images, after the text (lazy-loaded)
    related: tuple[StoryView, ...] = ()
    updated: dt.date | None = None
    social: bool = True  # consent covers social cards
    plain_title: str = ""  # never marked: <title>, social cards, JSON-LD
    feed_title: str = ""  # marked only with pseudonyms.in_feed
    feed_summary: str = ""

    def __hash__(self) -> int:
        """Computed once per view: views key the page cache, and a list page holds many of them."""
        cached: int | None = self.__dict__.get("_hash")
        if cached is None:
            cached = hash(tuple(getattr(self, f.name) for f in fields(self)))
            object.__setattr__(self, "_hash", cached)
        return cached

    def stable_digest(self) -> str:
        """A digest of the view's text form, the same in every process (the page record's keys)."""
        cached: str | None = self.__dict__.get("_stable")
        if cached is None:
            own = repr(replace(self, related=()))
            text = own + "".join(r.stable_digest() for r in self.related)
            cached = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()
            object.__setattr__(self, "_stable", cached)
        return cached

    @property
    def date_iso(self) -> str:
        return self.date.isoformat()

    @property
    def date_display(self) -> str:
        return human_date(self.date)


@dataclass(frozen=True)
class PageMeta:
    """Per-page head data: title, description, canonical URL, social card."""

    url: str
    title: str
    description: str = ""
    canonical: str = ""
    noindex: bool = False
    og_type: str = "website"
    image: str = ""
    image_alt: str = ""
    json_ld: tuple[Markup, ...] = ()
    extra: FrozenMap = field(default_factory=lambda: FrozenMap())


class FrozenMap(dict[str, object]):
    """A dict that is never changed after it is made, so a page's values can key the page cache."""

    def __hash__(self) -> int:  # type: ignore[override]
        cached: int | None = getattr(self, "_hash", None)
        if cached is None:
            cached = self._hash = hash(tuple(sorted(self.items())))
        return cached


@dataclass(frozen=True)
class TermView:
    """A topic or region on the Topics and Regions pages: its name, how many stories, and the
    newest of its stories that has a picture that may be published (None: a placeholder)."""

    title: str
    url: str
    count: int
    image: ImageView | None = None


@dataclass(frozen=True)
class Pagination:
    page: int
    pages: int
    prev_url: str | None
    next_url: str | None
