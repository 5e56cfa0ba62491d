"""Source files → Source → Story / Page. Pure functions of the file's bytes (cacheable by hash)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from types import MappingProxyType
from typing import Any

from generator.config.schema import validate
from generator.config.yamlload import YamlProblem, load_yaml
from generator.content.model import Page, Source, Story
from generator.content.story_schema import PAGE, STORY
from generator.findings import Finding, error

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_FILE_BYTES = 2 * 1024 * 1024

# Python-Markdown recurses once per level of nested lists or quotes (a few hundred levels exhaust
# Python's stack) and takes time that grows with the square of a paragraph's length, of the number
# of paragraphs and of the brackets left open in one. These limits are far beyond any story (a long
# one is 30,000 characters) and keep the worst text a hostile file can hold to a few seconds.
MAX_BODY_CHARS = 100_000  # about 15,000 words
MAX_BODY_LINES = 5_000
MAX_BLOCK_CHARS = 20_000  # one paragraph, list or quote: text without a blank line in it
MAX_NESTING = 16  # lists and quotes inside each other
MAX_OPEN_BRACKETS = 32  # [ ( or < not yet closed within one paragraph
_BLANK_LINES_RE = re.compile(r"\n[ \t]*\n")
# A line can only be nested MAX_NESTING deep if it starts with more than MAX_NESTING of these.
_DEEP_CANDIDATE_RE = re.compile(rf"\n([ \t>*+\-0-9.)]{{{MAX_NESTING + 1},}})")  # "\n", not ^: 7x faster
_CONTAINER_RE = re.compile(r">[ ]?|(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)")
_BRACKET_RE = re.compile(r"\\.|[\[\]()<>]|\n[ \t]*\n", re.DOTALL)
_CLOSES = MappingProxyType({"]": "[", ")": "("})
_RULE_LINE_RE = re.compile(r"[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*")  # `- - -`: a horizontal rule, not a list


_FENCE_RE = re.compile(r"^---[ \t]*$", re.MULTILINE)


def _body(text: str, end: re.Match[str]) -> tuple[str, int]:
    """The body after the front matter's closing fence, and the line it starts on."""
    body_start = 4 + end.end() + 1
    body = text[body_start:] if body_start <= len(text) else ""
    # The line after the closing fence, even at end of file.
    return body, text[: 4 + end.end()].count("\n") + 2


def _lines(text: str) -> str:
    """The text as read: without a byte-order mark, every line ending a plain newline."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def split_text(raw: bytes) -> tuple[str, str, int] | None:
    """The text, body and body line of a file `read_source` read before, without reading its front
    matter again (a stored story's body is needed far more often than its YAML); None when the
    bytes do not split (then `read_source` says why)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    text = _lines(text)
    end = _FENCE_RE.search(text[4:]) if text.startswith("---\n") else None
    if end is None:
        return None
    body, body_line = _body(text, end)
    return text, body, body_line


def read_source(rel: str, raw: bytes) -> tuple[Source | None, list[Finding]]:
    """Split a Markdown file's bytes into front matter and body, or explain why it cannot be read."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            error(rel, 1, 1, "FILE", "the file is larger than 2 MB", "split it into shorter stories")
        ]
    if b"\x00" in raw:
        return None, [
            error(
                rel,
                1,
                1,
                "FILE",
                "this is not a text file",
                "remove it from content/ or save it as Markdown text",
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        col = (
            len(raw[line_start : exc.start].decode("utf-8", "replace").removeprefix("\ufeff")) + 1
        )  # characters, not bytes
        return None, [
            error(rel, line, col, "FILE", "the file is not UTF-8 text", "save it with UTF-8 encoding")
        ]
    text = _lines(text)
    if not text.strip():
        return None, [
            error(rel, 1, 1, "FILE", "the file is empty", "add front matter and text, or delete the file")
        ]
    if not text.startswith("---\n"):
        return None, [
            error(
                rel,
                1,
                1,
                "FRONT-MATTER",
                "the file must start with a front matter block",
                "put a line with three dashes (---) at the very top, then the fields, then another --- line",
            )
        ]
    end = _FENCE_RE.search(text[4:])
    if end is None:
        return None, [
            error(
                rel,
                1,
                1,
                "FRONT-MATTER",
                "the front matter has no closing --- line",
                "add a line with three dashes (---) after the last field",
            )
        ]
    fm_text = text[4 : 4 + end.start()]
    body, body_line = _body(text, end)
    try:
        front = load_yaml(fm_text, line_offset=1)
    except YamlProblem as p:
        return None, [error(rel, p.line, p.column, "FRONT-MATTER", p.message, p.fix)]
    if not isinstance(front.data, dict):
        return None, [
            error(
                rel,
                2,
                1,
                "FRONT-MATTER",
                "the front matter must be `name: value` lines",
                "write e.g. title: My story",
            )
        ]
    source = Source(rel, text, front, body, body_line)
    problem = markdown_problem(body)
    if problem is not None:
        offset, message, fix = problem
        return None, [error(rel, *source.body_position(offset), "MARKDOWN", message, fix)]
    return source, []


def markdown_problem(body: str) -> tuple[int, str, str] | None:
    """The first thing in `body` beyond what the Markdown renderer can take safely: (offset, message, fix)."""
    if len(body) > MAX_BODY_CHARS:
        return (
            MAX_BODY_CHARS,
            f"the text is longer than {MAX_BODY_CHARS:,} characters",
            "split it into shorter stories",
        )
    if body.count("\n") > MAX_BODY_LINES:
        offset = -1
        for _ in range(MAX_BODY_LINES):
            offset = body.index("\n", offset + 1)
        return (
            offset + 1,
            f"the text is longer than {MAX_BODY_LINES:,} lines",
            "split it into shorter stories",
        )
    if len(body) > MAX_BLOCK_CHARS:
        start = 0
        for blank in [*_BLANK_LINES_RE.finditer(body), None]:
            end = blank.start() if blank else len(body)
            if end - start > MAX_BLOCK_CHARS:
                return (
                    start,
                    f"this paragraph is longer than {MAX_BLOCK_CHARS:,} characters",
                    "break it up with blank lines between paragraphs",
                )
            start = blank.end() if blank else end
    for candidate in _DEEP_CANDIDATE_RE.finditer("\n" + body):
        start = candidate.start()  # of the line, in `body`
        line_end = body.find("\n", start)
        if _RULE_LINE_RE.fullmatch(body, start, len(body) if line_end < 0 else line_end):
            continue
        if _nesting(candidate.group(1)) > MAX_NESTING:
            return (
                start,
                f"lists and quotes are nested more than {MAX_NESTING} levels deep here",
                "flatten the lists and quotes",
            )
    if max(body.count("["), body.count("("), body.count("<")) > MAX_OPEN_BRACKETS:
        open_count = {"[": 0, "(": 0, "<": 0}
        for m in _BRACKET_RE.finditer(body):
            c = m.group(0)
            if c in open_count:
                open_count[c] += 1
                if open_count[c] > MAX_OPEN_BRACKETS:
                    return (
                        m.start(),
                        f'more than {MAX_OPEN_BRACKETS} "{c}" are left open in this paragraph',
                        f'close each "{c}", or write it as "\\{c}" when it is meant as text',
                    )
            elif c == ">":
                open_count["<"] = 0
            elif c in _CLOSES:
                open_count[_CLOSES[c]] = max(0, open_count[_CLOSES[c]] - 1)
            elif c[0] == "\n":  # a blank line ends the paragraph
                open_count = dict.fromkeys(open_count, 0)
    return None


def _nesting(prefix: str) -> int:
    """How many lists and quotes a line's start opens: its markers plus its indentation in steps of
    four (indentation alone, without a marker, is a code block and opens nothing)."""
    markers = columns = i = 0
    while i < len(prefix):
        if prefix[i] == " ":
            columns += 1
        elif prefix[i] == "\t":
            columns += 4 - columns % 4
        else:
            m = _CONTAINER_RE.match(prefix, i)
            if m is None:
                break
            markers += 1
            i = m.end()
            continue
        i += 1
    return markers + columns // 4 if markers else 0


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
        error(
            source.path,
            line,
            col,
            "SLUG",
            f'"{slug}" cannot be used in a web address',
            f"use lowercase letters, digits and hyphens, e.g. {fixed}",
        )
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
    return story_from(source, slug, data, tz), []


def story_from(source: Source, slug: str, data: dict[str, Any], tz: dt.tzinfo) -> Story:
    """The Story for front matter that passed the schema (also used to rebuild a stored one)."""
    story = STORY.build(data, source=source, data=data)
    images = ((replace(story.image, path=("image",)),) if story.image else ()) + tuple(
        replace(img, path=("images", i)) for i, img in enumerate(story.images)
    )
    return replace(
        story,
        slug=slug,
        publish_on=to_moment(story.publish_on, tz),
        unpublish_on=to_moment(story.unpublish_on, tz),
        people=tuple(replace(p, index=i) for i, p in enumerate(story.people)),
        consent=tuple(replace(c, index=i) for i, c in enumerate(story.consent)),
        waivers=tuple(replace(w, index=i) for i, w in enumerate(story.waivers)),
        images=images,
    )


def parse_page(source: Source, stem: str) -> tuple[Page | None, list[Finding]]:
    data = source.front.data
    findings = _schema_findings(source, PAGE.kind)
    slug, slug_findings = _slug(source, data, stem)
    findings += slug_findings
    if findings:
        return None, findings
    page = page_from(source, slug, data)
    findings += _page_people(page)
    return (None, findings) if findings else (page, [])


# Who a plain page may name: people who speak or act in public for the charity or with it.
PAGE_ROLES = ("staff", "official", "partner", "supporter")


def _page_people(page: Page) -> list[Finding]:
    """A page declares only the staff, officials, partners and supporters it names: a survivor, a
    relative or an accused person is named in a story, under its consent and review."""
    out = []
    for i, person in enumerate(page.people):
        if person.role not in PAGE_ROLES:
            line, col = page.source.where(("people", i, "role"))
            out.append(
                error(
                    page.path,
                    line,
                    col,
                    "FRONT-MATTER",
                    f"a page cannot declare a {person.role}: a plain page names only staff, officials, "
                    "partners and supporters (role: staff, official, partner or supporter)",
                    "tell a survivor's story in content/stories/, with their consent; on this page, "
                    "describe them without a name",
                )
            )
    return out


def page_from(source: Source, slug: str, data: dict[str, Any]) -> Page:
    """The Page for front matter that passed the schema (also used to rebuild a stored one)."""
    page = PAGE.build(data, source=source)
    return replace(
        page,
        slug=slug,
        people=tuple(replace(p, index=i) for i, p in enumerate(page.people)),
        waivers=tuple(replace(w, index=i) for i, w in enumerate(page.waivers)),
    )
