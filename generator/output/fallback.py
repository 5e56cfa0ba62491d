"""When there is no record of the previous build (a deleted or damaged store), a takedown still goes
out, failing closed: the live output/ without the pages of every story that must come down and
without every page, feed or list that shows its address or title (they cannot be re-rendered
without the record, so they come down too until the next good build), and without pictures no
remaining page uses. Nothing is added or changed."""

from __future__ import annotations

import datetime as dt
import os
import pathlib
import re

from generator.content.discover import parse_story_file
from generator.content.publication import decide
from generator.output.staging import Staging
from generator.output.state import previous_urls
from generator.output.writer import MARKER

_TEXT = (".html", ".xml", ".txt", ".json", "_redirects")
_IMAGE = re.compile(rb"/images/[A-Za-z0-9._-]+")


def stories_to_take_down(
    root: pathlib.Path, state_dir: pathlib.Path, at: dt.datetime, tz: dt.tzinfo
) -> dict[str, list[str]]:
    """Address of each previously published story that must come down → texts that show it."""
    before = {u for u in previous_urls(state_dir, root / "output") if re.fullmatch(r"/stories/[^/]+/", u)}
    current: dict[str, tuple[str, bool]] = {}  # url → (title, live)
    folder = root / "content" / "stories"
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        rel = path.relative_to(root).as_posix()
        story, _, _ = parse_story_file(rel, path.read_bytes(), tz)
        if story is not None:
            current[story.url] = (story.title, decide(story, at, tz).live)
    down: dict[str, list[str]] = {}
    for url in sorted(before):
        found = current.get(url)
        if found is None:
            slug = url.strip("/").split("/")[-1]
            if (folder / f"{slug}.md").exists():
                continue  # a file we cannot read now: whether it must come down is unknown
            down[url] = [url]  # deleted
        elif not found[1]:
            down[url] = [url, found[0]]
    return down


def publish_without(root: pathlib.Path, state_dir: pathlib.Path, down: dict[str, list[str]]) -> list[str]:
    """Publish output/ without those stories and whatever shows them; the paths left out."""
    output = root / "output"
    files: dict[str, bytes] = {}
    for dirpath, _, names in os.walk(output):
        for name in names:
            rel = os.path.relpath(os.path.join(dirpath, name), output).replace(os.sep, "/")
            if rel != MARKER:
                files[rel] = pathlib.Path(dirpath, name).read_bytes()
    needles = [n.encode() for texts in down.values() for n in texts if n]
    prefixes = tuple(url.lstrip("/") for url in down)
    dropped = {
        rel
        for rel, data in files.items()
        if rel.startswith(prefixes) or (rel.endswith(_TEXT) and any(n in data for n in needles))
    }
    used = {
        m.decode().lstrip("/")
        for rel, data in files.items()
        if rel not in dropped
        for m in _IMAGE.findall(data)
    }
    dropped |= {rel for rel in files if rel.startswith("images/") and rel not in used}
    staging = Staging(root, output, state_dir, {})
    kept = {rel: "" for rel in files if rel not in dropped}
    for rel in sorted(kept):
        staging.put(rel, files[rel])
    staging.complete(kept)
    staging.swap()
    return sorted(dropped)
