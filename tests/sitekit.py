"""Helpers for writing throwaway sites in tests: a story with sensible defaults, approval, locations.

Kept out of conftest.py so test modules can import them (`from sitekit import ...`) without relying
on which conftest module pytest last imported under the name "conftest".
"""

from __future__ import annotations

import datetime as dt
import pathlib
from collections.abc import Mapping
from typing import Any

import yaml

from generator.build import check
from generator.commands.approve import Interaction, approve
from generator.findings import Finding

UTC = dt.UTC
AT = dt.datetime(2026, 11, 20, tzinfo=UTC)
REVIEWER = "safeguarding-01"
STORY = "content/stories/story.md"

SITE_YAML = """\
title: Test Stories
base_url: https://stories.example.org
organisation:
  name: Example Trust
"""

BODY = """\
Asha found work at a bakery after months in aftercare.

"She decided every step herself," said Anjali Rao, who leads the programme.
"""


def survivor(name: str = "Asha", **fields: Any) -> dict[str, Any]:
    """A survivor entry: an adult under a pseudonym with consent C-1, unless overridden."""
    person = {"name": name, "role": "survivor", "name_type": "pseudonym", "minor": False, "consent": "C-1"}
    return _merge(person, fields)


def person(name: str, role: str, name_type: str, **fields: Any) -> dict[str, Any]:
    return _merge({"name": name, "role": role, "name_type": name_type}, fields)


def consent(id: str = "C-1", **fields: Any) -> dict[str, Any]:
    """A consent record valid at AT for web, feed and social, given by the survivor."""
    record = {
        "id": id,
        "record": "CR-2026-0001",
        "given_by": ["survivor"],
        "date": dt.date(2026, 3, 1),
        "scope": ["web", "feed", "social"],
        "expires": dt.date(2028, 3, 1),
        "withdrawn": False,
    }
    return _merge(record, fields)


def _merge(base: dict[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in changes.items():
        if v is None:
            out.pop(k, None)
        else:
            out[k] = v
    return out


def story_fields(**overrides: Any) -> dict[str, Any]:
    """The front matter of a valid, publishable story (approve it before building); None removes a key."""
    fields: dict[str, Any] = {
        "title": "A Fresh Start in Pune",
        "date": dt.date(2026, 3, 2),
        "author": "comms-03",
        "summary": "With a job and a flat of her own, she is building a life on her own terms.",
        "location": "Pune, India",
        "region": "South Asia",
        "tags": ["aftercare", "livelihoods"],
        "status": "published",
        "people": [survivor(), person("Anjali Rao", "staff", "real")],
        "consent": [consent()],
    }
    return _merge(fields, overrides)


def _scalar(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000)
    return text.removesuffix("\n...\n").rstrip("\n")


def _flow(values: list[Any]) -> str:
    return "[" + ", ".join(_scalar(v) for v in values) + "]"


def to_yaml(fields: Mapping[str, Any]) -> str:
    """Front matter the way a writer types it: lists of words in brackets, people as indented blocks."""
    lines: list[str] = []
    for key, value in fields.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            lines.append(f"{key}:")
            for item in value:
                for i, (k, v) in enumerate(item.items()):
                    shown = _flow(v) if isinstance(v, list) else _scalar(v)
                    lines.append(f"{'  - ' if i == 0 else '    '}{k}: {shown}")
        elif isinstance(value, dict):
            lines.append(f"{key}:")
            for k, v in value.items():
                lines.append(f"  {k}: {_flow(v) if isinstance(v, list) else _scalar(v)}")
        elif isinstance(value, list):
            lines.append(f"{key}: {_flow(value)}")
        else:
            lines.append(f"{key}: {_scalar(value)}")
    return "\n".join(lines) + "\n"


def story_md(body: str = BODY, **overrides: Any) -> str:
    """A whole story file: front matter (defaults plus overrides) and body."""
    return "---\n" + to_yaml(story_fields(**overrides)) + "---\n" + body


def write(root: pathlib.Path, files: Mapping[str, str | bytes]) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def make_site(root: pathlib.Path, files: Mapping[str, str | bytes] | None = None) -> pathlib.Path:
    """Write a throwaway site into `root` (a default site.yaml unless `files` has one)."""
    root.mkdir(parents=True, exist_ok=True)
    write(root, {"site.yaml": SITE_YAML, **(files or {})})
    return root.resolve()


ACCEPTED = "Read in review: acceptable in this story."


def approve_story(
    root: pathlib.Path,
    *rels: str,
    at: dt.datetime = AT,
    reviewer: str = REVIEWER,
    accept: str | None = ACCEPTED,
) -> list[str]:
    """Approve stories the way `impactsite approve` does, the reviewer accepting every warning with
    the reason `accept` (None: refusing every one, as a script that gives no decisions)."""
    talk = Interaction(decide=lambda path, finding: accept)
    return approve(root, [root / r for r in rels or (STORY,)], reviewer, at, talk)


def pos(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    """1-based line and column of the nth occurrence of `needle` in `text`. A `|` in the needle marks
    the column to report: `pos(text, "name_type: |real")` points at "real"."""
    before, bar, after = needle.partition("|")
    whole = before + after if bar else needle
    index = -1
    for _ in range(nth):
        index = text.index(whole, index + 1)
    index += len(before) if bar else 0
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def loc(text: str, needle: str, path: str = STORY, nth: int = 1) -> str:
    """`path:line:col` of `needle` in a file's text: what a finding there should say."""
    line, column = pos(text, needle, nth)
    return f"{path}:{line}:{column}"


def tree(folder: pathlib.Path) -> dict[str, bytes]:
    """Every file under `folder`, by relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def check_site(root: pathlib.Path, at: dt.datetime = AT) -> list[Finding]:
    """Every finding `impactsite check` would report for the site."""
    return list(check(root, at).findings)


def heads(findings: list[Finding], rule: str | None = None) -> list[str]:
    """`path:line:col: RULE: message` of each finding (of one rule, when given): what writers read first."""
    return [f.format().partition("\n")[0] for f in findings if rule is None or f.rule == rule]


def story_findings(
    tmp_path: pathlib.Path,
    text: str,
    rule: str | None = None,
    *,
    at: dt.datetime = AT,
    files: Mapping[str, str | bytes] | None = None,
) -> list[str]:
    """Write a site with this story (at content/stories/story.md) and return the findings' first lines."""
    root = make_site(tmp_path / "site", {STORY: text, **(files or {})})
    return heads(check_site(root, at), rule)


def approved_and_clean(
    tmp_path: pathlib.Path, text: str, *, files: Mapping[str, str | bytes] | None = None, at: dt.datetime = AT
) -> pathlib.Path:
    """A near miss: the story can be approved and then has no finding at all."""
    root = make_site(tmp_path / "site", {STORY: text, **(files or {})})
    approve_story(root, at=at)
    assert heads(check_site(root, at)) == []
    return root
