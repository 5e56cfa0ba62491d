"""Small typed values that flow through the pipeline: config aside, everything a build reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from generator.config.yamlload import Located, Path


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    name_type: str
    minor: bool | None = None
    consent: str | None = None
    relation_to: str | None = None
    relation: str | None = None
    accused: bool = False
    guardian: bool = False
    written_authorisation: str | None = None
    index: int = 0  # position in the people list, for locating findings

    @property
    def is_survivor(self) -> bool:
        return self.role == "survivor"


@dataclass(frozen=True)
class Consent:
    id: str
    record: str
    given_by: tuple[str, ...]
    date: dt.date
    scope: tuple[str, ...]
    expires: dt.date
    withdrawn: bool = False
    guardian: str | None = None
    index: int = 0


@dataclass(frozen=True)
class Review:
    reviewer: str
    date: dt.date
    text_hash: str
    signature: str | None = None  # an SSH signature (ssh-keygen -Y sign) of what was reviewed


@dataclass(frozen=True)
class ImageRef:
    src: str
    alt: str
    identifiable: bool
    treatment: str
    caption: str | None = None
    subjects: tuple[str, ...] = ()
    path: Path = ()  # where it sits in the front matter


@dataclass(frozen=True)
class Waiver:
    """A reviewer's recorded decision to accept a warning, bound to the text it accepted."""

    rule: str
    reviewer: str
    reason: str
    index: int = 0
    tokens: tuple[str, ...] = ()  # the Finding.token of each warning accepted: new text needs a new decision
    date: dt.date | None = None
    signature: str | None = None


@dataclass(frozen=True)
class Source:
    """A Markdown file split into front matter and body, with positions kept."""

    path: str  # relative to the site, forward slashes
    text: str  # the whole file, normalised to \n line ends, no BOM
    front: Located
    body: str
    body_line: int  # 1-based line number of the body's first line

    def where(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        return self.front.where(path, key=key)

    def body_position(self, offset: int) -> tuple[int, int]:
        """Line and column in the file of a character offset in the body."""
        before = self.body[:offset]
        line = self.body_line + before.count("\n")
        column = offset - (before.rfind("\n") + 1) + 1
        return line, column


@dataclass(frozen=True)
class Story:
    source: Source
    slug: str
    title: str
    date: dt.date
    author: str
    summary: str
    status: str
    location: str | None = None
    region: str | None = None
    tags: tuple[str, ...] = ()
    publish_on: dt.datetime | None = None
    unpublish_on: dt.datetime | None = None
    updated: dt.date | None = None
    people: tuple[Person, ...] = ()
    consent: tuple[Consent, ...] = ()
    review: Review | None = None
    images: tuple[ImageRef, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    aliases: tuple[str, ...] = ()
    data: dict[str, Any] = field(default_factory=dict)  # the front matter as read

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def url(self) -> str:
        return f"/stories/{self.slug}/"

    @property
    def survivors(self) -> tuple[Person, ...]:
        return tuple(p for p in self.people if p.is_survivor)

    @property
    def has_minor_survivor(self) -> bool:
        return any(p.minor for p in self.survivors)

    def consent_for(self, person: Person) -> Consent | None:
        return next((c for c in self.consent if c.id == person.consent), None)

    def person(self, name: str) -> Person | None:
        return next((p for p in self.people if p.name == name), None)

    def waived(self, rule: str) -> Waiver | None:
        return next((w for w in self.waivers if w.rule == rule), None)


@dataclass(frozen=True)
class Page:
    source: Source
    slug: str
    title: str
    summary: str | None = None
    nav_order: int | None = None
    noindex: bool = False
    author: str | None = None
    review: Review | None = None
    waivers: tuple[Waiver, ...] = ()

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def url(self) -> str:
        return f"/{self.slug}/"
