"""Family 4: safeguarding sign-off. A reviewer other than the author approves the exact text."""

from __future__ import annotations

import hashlib
import json
import pathlib
from collections.abc import Iterator
from typing import Any

from generator.content.model import Source, Story
from generator.safety.registry import ERROR, Hit, StoryContext, rules_in, story_rule

FAMILY = "4 Sign-off"
# Front matter that can change without a new review: scheduling, workflow state, the review itself
# and internal notes (never published). Everything else a reader can see or a rule relies on is hashed.
UNHASHED = frozenset({"review", "status", "publish_on", "unpublish_on", "internal_notes"})


def _image_sources(data: dict[str, Any]) -> list[str]:
    found = []
    for entry in [data.get("image")] + list(data.get("images") or []):
        if isinstance(entry, dict) and isinstance(entry.get("src"), str):
            found.append(entry["src"])
    return sorted(set(found))


def _file_digest(content_dir: pathlib.Path, src: str) -> str:
    """The bytes the reviewer saw: a swapped picture voids the review like an edited sentence."""
    try:
        path = (content_dir / src).resolve()
        if not path.is_relative_to(content_dir.resolve()):
            return "outside"
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "unreadable"


def text_hash(source: Source, content_dir: pathlib.Path | None = None) -> str:
    """sha256 over the body, every safety-relevant front-matter field (canonically serialised), the
    file name (the story's address) and, given `content_dir`, the bytes of every image it declares."""
    data: dict[str, Any] = {k: v for k, v in source.front.data.items() if k not in UNHASHED}
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))
    body = "\n".join(line.rstrip() for line in source.body.strip("\n").split("\n"))
    # The address: renaming the file (the slug, unless one is declared above) changes what readers see.
    text = canonical + "\n---\n" + body + "\n---file " + source.path.rsplit("/", 1)[-1]
    if content_dir is not None:
        for src in _image_sources(source.front.data):
            text += f"\n---image {src} {_file_digest(content_dir, src)}"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return f"sha256:{digest}"


@story_rule(
    "SIGNOFF-MISSING",
    ERROR,
    family=FAMILY,
    title="publishing without a safeguarding review",
    source="UNICEF principle 5, Dignified Storytelling: pre-publication checkpoints",
)
def signoff_missing(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A story is published only after a safeguarding reviewer has read it and run
    `impactsite approve`, which records who approved which text."""
    if story.review is None:
        yield Hit(
            "this story has no safeguarding review",
            f"ask a safeguarding reviewer to run: impactsite approve {story.path} --reviewer THEIR-HANDLE",
            path=("status",),
        )


@story_rule(
    "SIGNOFF-SELF",
    ERROR,
    family=FAMILY,
    title="authors approving their own stories",
    source="UNICEF principle 5: consult others before publishing",
)
def signoff_self(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """The reviewer must be someone other than the author: a second pair of eyes is the point."""
    if story.review is not None and story.review.reviewer.strip().lower() == story.author.strip().lower():
        yield Hit(
            f"the story was approved by its own author ({story.author})",
            "ask a different safeguarding reviewer to run impactsite approve",
            path=("review", "reviewer"),
        )


@story_rule(
    "SIGNOFF-STALE",
    ERROR,
    family=FAMILY,
    title="text changed after review",
    source="Dignified Storytelling: editorial review; FM-13",
)
def signoff_stale(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """Any edit to the body, to safety-relevant front matter or to a declared image file after
    approval voids it: the reviewer approved a particular text and pictures, not whatever the
    files say now."""
    if story.review is not None and story.review.text_hash != text_hash(story.source, ctx.config.content_dir):
        yield Hit(
            f"the story changed after {story.review.reviewer} approved it on {story.review.date.isoformat()}",
            f"ask a safeguarding reviewer to read it again and run: impactsite approve {story.path} --reviewer THEIR-HANDLE",
            path=("review", "text_hash"),
        )


RULES = rules_in(globals())
