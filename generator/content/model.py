"""Small typed values that flow through the pipeline: config aside, everything a build reads.

The front-matter fields of Story, Page and their parts are declared here once, with `setting()`
(config/declare.py): the schema that checks a story (content/story_schema.py) and the converter that
builds it (content/parse.py) come from these declarations. SPEC section 3: the names are a contract.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from generator.config.declare import setting
from generator.config.schema import MOMENT
from generator.config.yamlload import Located, Path

Role = Literal["survivor", "relative", "accused", "staff", "official", "partner", "supporter"]
NameType = Literal["pseudonym", "real", "withheld"]
Status = Literal["draft", "review", "published", "withdrawn"]
Giver = Literal["survivor", "guardian", "welfare_authority"]
Channel = Literal["web", "feed", "social", "photo"]
Treatment = Literal["back", "silhouette", "hands", "stock", "illustration", "none"]


@dataclass(frozen=True)
class Person:
    noun: ClassVar[str] = "a person"
    name: str = setting(help="as printed in the text")
    role: Role = setting()
    name_type: NameType = setting()
    minor: bool | None = setting(None, "true if a minor at the time of the events")
    consent: str | None = setting(None, "the id of an entry under consent")
    relation_to: str | None = setting(None, "the name of the person this one is related to")
    relation: str | None = setting(None, "the kind of relation, e.g. mother")
    accused: bool = setting(False)
    guardian: bool = setting(False, "true if this person is the survivor's legal guardian")
    written_authorisation: str | None = setting(
        None, "reference of the survivor's signed authorisation to print their real name"
    )
    index: int = 0  # position in the people list, for locating findings

    @property
    def is_survivor(self) -> bool:
        return self.role == "survivor"


@dataclass(frozen=True)
class Consent:
    noun: ClassVar[str] = "a consent record"
    id: str = setting()
    record: str = setting(help="reference to the record kept offline, never the form itself")
    given_by: tuple[Giver, ...] = setting()
    date: dt.date = setting()
    scope: tuple[Channel, ...] = setting()
    expires: dt.date = setting()
    withdrawn: bool = setting(False)
    guardian: str | None = setting(None, "the name (as in people) of the guardian who consented")
    index: int = 0


@dataclass(frozen=True)
class Review:
    noun: ClassVar[str] = "the review"
    reviewer: str = setting()
    date: dt.date = setting()
    text_hash: str = setting()
    signature: str | None = setting(
        None, "an SSH signature of the review, written by impactsite approve --sign"
    )


@dataclass(frozen=True)
class ImageRef:
    noun: ClassVar[str] = "an image"
    src: str = setting(help="path under content/, e.g. images/hands.jpg")
    alt: str = setting(help="what the picture shows, for people who cannot see it")
    identifiable: bool = setting()
    treatment: Treatment = setting()
    caption: str | None = setting(None)
    subjects: tuple[str, ...] = setting(())
    path: Path = ()  # where it sits in the front matter


@dataclass(frozen=True)
class Waiver:
    """A reviewer's recorded decision to accept a warning, bound to the text it accepted."""

    noun: ClassVar[str] = "a waiver"
    rule: str = setting()
    reviewer: str = setting()
    reason: str = setting()
    index: int = 0
    # The Finding.token of each warning accepted: new text raising the same rule needs a new decision.
    tokens: tuple[str, ...] = setting((), "which warnings were accepted; written by impactsite approve")
    date: dt.date | None = setting(None)
    signature: str | None = setting(
        None, "an SSH signature of the decision, written by impactsite approve --sign"
    )


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


@dataclass(frozen=True, kw_only=True)
class Story:
    """A story; its front matter is declared here in the order the schema lists it."""

    noun: ClassVar[str] = "the story's front matter"
    source: Source
    title: str = setting(convert=str.strip)
    date: dt.date = setting()
    updated: dt.date | None = setting(None)
    author: str = setting(help="your staff handle")
    summary: str = setting(convert=str.strip)
    location: str | None = setting(None)
    region: str | None = setting(None)
    tags: tuple[str, ...] = setting((), allow_single=True)
    status: Status = setting()
    # A date is the start of that day in the site's time zone (content/parse.py makes it a moment).
    publish_on: dt.datetime | None = setting(None, kind=MOMENT)
    unpublish_on: dt.datetime | None = setting(None, kind=MOMENT)
    people: tuple[Person, ...] = setting(())
    consent: tuple[Consent, ...] = setting(())
    review: Review | None = setting(None)
    image: ImageRef | None = setting(None)  # also the first of `images`
    images: tuple[ImageRef, ...] = setting(())  # `image:` and then `images:`
    waivers: tuple[Waiver, ...] = setting(())
    aliases: tuple[str, ...] = setting((), "old URLs that should redirect here", allow_single=True)
    slug: str = setting("")  # the file name when left out (content/parse.py)
    internal_notes: str | None = setting(None, "never published")
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


@dataclass(frozen=True, kw_only=True)
class Page:
    noun: ClassVar[str] = "the page's front matter"
    source: Source
    title: str = setting(convert=str.strip)
    summary: str | None = setting(None, convert=lambda text: text.strip() or None)
    slug: str = setting("")  # the file name when left out (content/parse.py)
    nav_order: int | None = setting(None)
    noindex: bool = setting(False)
    author: str | None = setting(None, "your staff handle")
    # The staff, officials, partners and supporters the page names (a survivor's, a relative's or an
    # accused person's name belongs in a story, with its consent)
    people: tuple[Person, ...] = setting(())
    review: Review | None = setting(None)  # written by impactsite approve, as on a story
    waivers: tuple[Waiver, ...] = setting(())
    internal_notes: str | None = setting(None)

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def url(self) -> str:
        return f"/{self.slug}/"
