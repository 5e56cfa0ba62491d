"""Source files → Source → Story / Page. Pure functions of the file's bytes (cacheable by hash)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from generator.findings import Finding, error
from generator.model import Consent, ImageRef, Page, Person, Review, Source, Story, Waiver
from generator.schema import validate
from generator.story_schema import PAGE, STORY
from generator.yamlload import YamlProblem, load_yaml

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_FILE_BYTES = 2 * 1024 * 1024


def read_source(rel: str, raw: bytes) -> tuple[Source | None, list[Finding]]:
    """Split a Markdown file's bytes into front matter and body, or explain why it cannot be read."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [error(rel, 1, 1, "FILE", "the file is larger than 2 MB", "split it into shorter stories")]
    if b"\x00" in raw:
        return None, [error(rel, 1, 1, "FILE", "this is not a text file", "remove it from content/ or save it as Markdown text")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        col = len(raw[line_start : exc.start].decode("utf-8", "replace").removeprefix("\ufeff")) + 1  # characters, not bytes
        return None, [error(rel, line, col, "FILE", "the file is not UTF-8 text", "save it with UTF-8 encoding")]
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return None, [error(rel, 1, 1, "FILE", "the file is empty", "add front matter and text, or delete the file")]
    if not text.startswith("---\n"):
        return None, [
            error(rel, 1, 1, "FRONT-MATTER", "the file must start with a front matter block", "put a line with three dashes (---) at the very top, then the fields, then another --- line")
        ]
    end = re.search(r"^---[ \t]*$", text[4:], re.M)
    if end is None:
        return None, [error(rel, 1, 1, "FRONT-MATTER", "the front matter has no closing --- line", "add a line with three dashes (---) after the last field")]
    fm_text = text[4 : 4 + end.start()]
    body_start = 4 + end.end() + 1
    body = text[body_start:] if body_start <= len(text) else ""
    body_line = text[: 4 + end.end()].count("\n") + 2  # the line after the closing fence, even at end of file
    try:
        front = load_yaml(fm_text, line_offset=1)
    except YamlProblem as p:
        return None, [error(rel, p.line, p.column, "FRONT-MATTER", p.message, p.fix)]
    if not isinstance(front.data, dict):
        return None, [error(rel, 2, 1, "FRONT-MATTER", "the front matter must be `name: value` lines", "write e.g. title: My story")]
    return Source(rel, text, front, body, body_line), []


def _schema_findings(source: Source, kind: Any) -> list[Finding]:
    out = []
    for p in validate(source.front.data, kind):
        line, col = source.where(p.path, key=p.at_key)
        if not p.path:
            line, col = 1, 1
        out.append(error(source.path, line, col, "FRONT-MATTER", p.message, p.fix))
    return out


def _slug(source: Source, data: dict[str, Any], stem: str) -> tuple[str, list[Finding]]:
    slug = data.get("slug") or stem
    if isinstance(slug, str) and SLUG_RE.match(slug) and len(slug) <= 120:
        return slug, []
    if "slug" in data:
        line, col = source.where(("slug",))
    else:
        line, col = 1, 1
    fixed = re.sub(r"[^a-z0-9]+", "-", str(slug).lower()).strip("-") or "story"
    return slug if isinstance(slug, str) else str(slug), [
        error(source.path, line, col, "SLUG", f'"{slug}" cannot be used in a web address', f"use lowercase letters, digits and hyphens, e.g. {fixed}")
    ]


def to_moment(value: Any, tz: dt.tzinfo) -> dt.datetime | None:
    """A date means the start of that day in the site's time zone; datetimes keep their offset."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime(value.year, value.month, value.day, tzinfo=tz)


def parse_story(source: Source, stem: str, tz: dt.tzinfo) -> tuple[Story | None, list[Finding]]:
    data = source.front.data
    findings = _schema_findings(source, STORY.kind)
    slug, slug_findings = _slug(source, data, stem)
    findings += slug_findings
    if findings:
        return None, findings
    people = tuple(
        Person(
            name=p["name"],
            role=p["role"],
            name_type=p["name_type"],
            minor=p.get("minor"),
            consent=p.get("consent"),
            relation_to=p.get("relation_to"),
            relation=p.get("relation"),
            accused=bool(p.get("accused")),
            guardian=bool(p.get("guardian")),
            written_authorisation=p.get("written_authorisation"),
            index=i,
        )
        for i, p in enumerate(data.get("people") or ())
    )
    consent = tuple(
        Consent(
            id=c["id"],
            record=c["record"],
            given_by=tuple(c["given_by"]),
            date=c["date"],
            scope=tuple(c["scope"]),
            expires=c["expires"],
            withdrawn=bool(c.get("withdrawn")),
            guardian=c.get("guardian"),
            index=i,
        )
        for i, c in enumerate(data.get("consent") or ())
    )
    review = None
    if data.get("review"):
        r = data["review"]
        review = Review(reviewer=r["reviewer"], date=r["date"], text_hash=r["text_hash"])
    images: list[ImageRef] = []
    if data.get("image"):
        images.append(_image(data["image"], ("image",)))
    for i, img in enumerate(data.get("images") or ()):
        images.append(_image(img, ("images", i)))
    waivers = tuple(
        Waiver(rule=w["rule"], reviewer=w["reviewer"], reason=w["reason"], index=i)
        for i, w in enumerate(data.get("waivers") or ())
    )
    tags = data.get("tags") or ()
    aliases = data.get("aliases") or ()
    story = Story(
        source=source,
        slug=slug,
        title=data["title"].strip(),
        date=data["date"],
        author=data["author"],
        summary=data["summary"].strip(),
        status=data["status"],
        location=data.get("location"),
        region=data.get("region"),
        tags=tuple([tags] if isinstance(tags, str) else tags),
        publish_on=to_moment(data.get("publish_on"), tz),
        unpublish_on=to_moment(data.get("unpublish_on"), tz),
        updated=data.get("updated"),
        people=people,
        consent=consent,
        review=review,
        images=tuple(images),
        waivers=waivers,
        aliases=tuple([aliases] if isinstance(aliases, str) else aliases),
        data=data,
    )
    return story, []


def _image(d: dict[str, Any], path: tuple[str | int, ...]) -> ImageRef:
    return ImageRef(
        src=d["src"],
        alt=d["alt"],
        identifiable=d["identifiable"],
        treatment=d["treatment"],
        caption=d.get("caption"),
        subjects=tuple(d.get("subjects") or ()),
        path=path,
    )


def parse_page(source: Source, stem: str) -> tuple[Page | None, list[Finding]]:
    data = source.front.data
    findings = _schema_findings(source, PAGE.kind)
    slug, slug_findings = _slug(source, data, stem)
    findings += slug_findings
    if findings:
        return None, findings
    return (
        Page(
            source=source,
            slug=slug,
            title=data["title"].strip(),
            summary=(data.get("summary") or "").strip() or None,
            nav_order=data.get("nav_order"),
            noindex=bool(data.get("noindex")),
        ),
        [],
    )
