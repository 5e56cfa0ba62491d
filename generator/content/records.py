"""Parsed sources as stored results: a story's front matter in JSON, rebuilt into the same `Story`.

A stored story carries everything planning, publication and rendering read, but not the positions
of its front matter or its body: those are read again from the file's bytes the moment anything
asks for them (a rule that runs again, a finding that needs its line, a body to render). So an
unchanged story costs a JSON decode, not a YAML parse.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.content.model import Page, Source, Story
from generator.findings import Finding, Severity

_DATE = "\x00date"
_MOMENT = "\x00datetime"


class LazySource(Source):
    """A Source whose text, front matter and body are read from the file's bytes on first use."""

    def __init__(self, path: str, raw: bytes) -> None:
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "_raw", raw)

    def __getattr__(self, name: str) -> Any:
        if name not in ("text", "front", "body", "body_line"):
            raise AttributeError(name)
        from generator.content.parse import read_source, split_text

        if name != "front" and (parts := split_text(self.__dict__["_raw"])) is not None:
            for field, value in zip(("text", "body", "body_line"), parts, strict=True):
                object.__setattr__(self, field, value)
            return getattr(self, name)  # the front matter stays unread until something asks for it

        source, _ = read_source(self.path, self.__dict__["_raw"])
        if source is None:  # the bytes read before: cannot happen unless the parser changed under us
            raise RuntimeError(f"{self.path} could not be read again")
        for field in ("text", "front", "body", "body_line"):
            object.__setattr__(self, field, getattr(source, field))
        return getattr(self, name)


def _to_json(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return {_MOMENT: value.isoformat()}
    if isinstance(value, dt.date):
        return {_DATE: value.isoformat()}
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise TypeError("only text keys can be stored")
        return {k: _to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_to_json(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot store a {type(value).__name__}")


def _from_json(value: Any) -> Any:
    if isinstance(value, dict):
        if len(value) == 1:
            if _MOMENT in value:
                return dt.datetime.fromisoformat(value[_MOMENT])
            if _DATE in value:
                return dt.date.fromisoformat(value[_DATE])
        return {k: _from_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_from_json(v) for v in value]
    return value


def finding_to_json(f: Finding) -> list[Any]:
    return [f.path, f.line, f.column, f.rule, f.severity.value, f.message, f.fix, f.length, f.token]


def finding_from_json(v: list[Any]) -> Finding:
    length, token = (int(v[7]), str(v[8])) if len(v) > 8 else (0, "")
    return Finding(
        str(v[0]), int(v[1]), int(v[2]), str(v[3]), Severity(v[4]), str(v[5]), str(v[6]), length, token
    )


def findings_to_json(findings: list[Finding]) -> list[Any]:
    return [finding_to_json(f) for f in findings]


def findings_from_json(data: list[Any]) -> list[Finding]:
    return [finding_from_json(f) for f in data]


# A parsed file as stored: (kind, slug, front matter, body digest) or None, and its findings.
def story_to_json(result: tuple[Story | None, list[Finding], str]) -> Any:
    story, findings, body_digest = result
    record = None if story is None else [story.slug, _to_json(story.data), body_digest]
    return [record, findings_to_json(findings)]


def story_from_json(
    data: Any, path: str, raw: bytes, tz: dt.tzinfo
) -> tuple[Story | None, list[Finding], str]:
    from generator.content.parse import story_from

    record, findings = data
    if record is None:
        return None, findings_from_json(findings), ""
    slug, front, body_digest = record
    story = story_from(LazySource(path, raw), str(slug), _from_json(front), tz)
    return story, findings_from_json(findings), str(body_digest)


def page_to_json(result: tuple[Page | None, list[Finding], str]) -> Any:
    """A page is stored as its whole front matter (author, review and waivers included: a stored
    page must decide exactly as the file does)."""
    page, findings, body_digest = result
    record = None if page is None else [page.slug, _to_json(page.source.front.data)]
    return [record, findings_to_json(findings), body_digest]


def page_from_json(data: Any, path: str, raw: bytes) -> tuple[Page | None, list[Finding], str]:
    from generator.content.parse import page_from

    record, findings, body_digest = data
    if record is None:
        return None, findings_from_json(findings), ""
    slug, front = record
    page = page_from(LazySource(path, raw), str(slug), _from_json(front))
    return page, findings_from_json(findings), str(body_digest)
