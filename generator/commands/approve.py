"""`impactsite approve`: record a safeguarding review of the exact current text."""

from __future__ import annotations

import datetime as dt
import os
import pathlib
import re

from generator import safety
from generator.build import load_site
from generator.content.model import Story
from generator.content.visible import visible_text
from generator.errors import ContentError, UsageError
from generator.findings import Finding, error
from generator.safety.registry import SiteContext, StoryContext
from generator.safety.signoff import text_hash

_SIGNOFF_RULES = {"SIGNOFF-MISSING", "SIGNOFF-STALE", "SIGNOFF-SELF"}


def review_block(reviewer: str, day: dt.date, digest: str) -> str:
    return f'review:\n  reviewer: {reviewer}\n  date: {day.isoformat()}\n  text_hash: "{digest}"\n'


def replace_review(text: str, story: Story, block: str) -> str:
    """Put `block` in place of any existing review in the front matter, keeping everything else as written."""
    lines = text.split("\n")
    fm_end = story.source.body_line - 2  # index of the closing --- line
    start = end = None
    if ("review",) in story.source.front.key_marks:
        start = story.source.front.key_marks[("review",)][0] - 1
        end = start + 1
        while end < fm_end and (lines[end].startswith((" ", "\t", "-")) or not lines[end].strip()):
            end += 1
    if start is None:
        start = end = fm_end
    new = lines[:start] + block.rstrip("\n").split("\n") + lines[end:]
    return "\n".join(new)


def approve(root: pathlib.Path, files: list[pathlib.Path], reviewer: str, at: dt.datetime) -> list[str]:
    """Approve each file, or raise ContentError listing why none could be approved."""
    if not re.fullmatch(r"[\w.@-]+", reviewer):
        raise UsageError("--reviewer must be a staff handle (letters, digits, . _ - @), e.g. safeguarding-01")
    site = load_site(root, at)
    by_path = {s.path: s for s in site.stories}
    # Site-wide errors first: without the denylist key, say, the stories cannot be fully checked,
    # so a review now would vouch for checks that never ran.
    problems: list[Finding] = [
        f
        for f in safety.check_site(SiteContext(site.config, at, site.stories, site.publications, site.extras))
        if f.is_error
    ]
    todo: list[tuple[Story, pathlib.Path]] = []
    for f in files:
        resolved = f.resolve()
        try:
            rel = resolved.relative_to(root.resolve()).as_posix()
        except ValueError:
            raise UsageError(f"{f} is not inside the site at {root}") from None
        story = by_path.get(rel)
        if story is None:
            parse_errors = [p for p in site.findings if p.path == rel]
            if parse_errors:
                problems += parse_errors
                continue
            raise UsageError(f"{f} is not a story (stories live in content/stories/*.md)")
        if story.author.strip().lower() == reviewer.strip().lower():
            problems.append(
                error(
                    rel,
                    *story.source.where(("author",)),
                    "SIGNOFF-SELF",
                    f"{reviewer} wrote this story and cannot approve it",
                    "ask another safeguarding reviewer",
                )
            )
            continue
        ctx = StoryContext(
            site.config, at, site.publications[rel], visible_text(story.source.body), site.extras
        )
        found, _ = safety.check_story(story, ctx)
        blocking = [p for p in found if p.is_error and p.rule not in _SIGNOFF_RULES]
        if blocking:
            problems += blocking
            continue
        todo.append((story, resolved))
    if problems:
        raise ContentError(problems, "not approved: fix these first, then approve again")
    done = []
    day = at.astimezone(site.config.tz).date()
    for story, path in todo:
        text = replace_review(
            story.source.text,
            story,
            review_block(reviewer, day, text_hash(story.source, site.config.content_dir)),
        )
        tmp = path.with_name(f".{path.name}.approve-tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
        done.append(story.path)
    return done
