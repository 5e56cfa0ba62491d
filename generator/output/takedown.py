"""Removals always go out, whatever else is broken.

When errors stop a build (an unrelated draft with a phone number, the DENYLIST error that reveals
the leak on the very story being withdrawn, a broken site.yaml), the stories that must come down
still do: withdrawn, consent withdrawn or expired, `unpublish_on` reached, status no longer
`published`, or the file deleted. The stopped build re-renders the previous build (its recorded
sources, publish.py) without them, so nothing new or changed goes out, publishes that, says so and
exits 1. The previous build's sources were checked when they were published, so they are not
checked again; every re-rendered file still passes the file checks (the output scan with today's
denylist), and a file that fails them is left out too.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import os
import pathlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generator.config.settings import load_config, parse_timezone
from generator.content.discover import file_digest, parse_story_file
from generator.content.publication import decide
from generator.errors import ContentError
from generator.findings import Finding
from generator.output.staging import Staging
from generator.output.state import BuildReport, atomic_write, previous_urls
from generator.output.writer import Manifest

if TYPE_CHECKING:
    from generator.cache.store import Store
    from generator.output.publish import Record

Progress = Callable[[str, int, int], None]


class RemovalPublished(ContentError):
    """The build stopped on errors, and only what had to come down was published."""

    def __init__(self, findings: list[Finding], report: BuildReport) -> None:
        super().__init__(findings, "Stopped")
        self.report = report


@dataclass
class Removal:
    stories: dict[str, str]  # source path → why it came down
    record: Record  # the previous build's record, without them


def removed_urls(
    state_dir: pathlib.Path, output: pathlib.Path, urls: list[str], before: Manifest
) -> list[str]:
    """Addresses the previous build had (its record, last-build.json, output/) that this one drops."""
    from generator.output.state import url_of

    previous = {url_of(p) for p in before if p.endswith(".html") or p.startswith("images/")}
    # Without a record of output/ (a new or damaged store), look at what it holds.
    previous |= previous_urls(state_dir, output, look=not before)
    return sorted(previous - set(urls))


def must_come_down(
    root: pathlib.Path, record: Record, store: Store, at: dt.datetime, tz: dt.tzinfo
) -> dict[str, str]:
    """The stories live in the previous build that must come down now, with the reason."""
    out: dict[str, str] = {}
    for rel in sorted(record.stories):
        path = root / rel
        versions: list[bytes] = []
        try:
            versions.append(path.read_bytes())
        except FileNotFoundError:
            out[rel] = "the file was deleted"
            continue
        except OSError:
            pass  # unreadable now: judged by its published version alone
        published = store.get(store.key("source", record.files.get(rel, "")))
        if published is not None:
            versions.append(published)
        for raw in versions:
            story, _, _ = parse_story_file(rel, raw, tz)
            if story is None:
                continue  # cannot be read: whether it should come down is unknown; it stays as it was
            pub = decide(story, at, tz)
            if not pub.live:
                out[rel] = pub.reason or f"status is {story.status}"
                break
    return out


def materialise(record: Record, store: Store, drop: set[str], folder: pathlib.Path) -> bool:
    """Write the previous build's sources (less `drop` and stories that were not live) to `folder`."""
    shutil.rmtree(folder, ignore_errors=True)
    for rel, digest in sorted(record.files.items()):
        if rel in drop or (
            rel.startswith("content/stories/") and rel.endswith(".md") and rel not in record.stories
        ):
            continue
        data = store.get(store.key("source", digest))
        if data is None or file_digest(data) != digest:
            return False
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return (folder / "site.yaml").is_file()


def publish_removals(
    root: pathlib.Path,
    state_dir: pathlib.Path,
    at: dt.datetime,
    progress: Progress,
    store: Store,
    error: ContentError,
    finish: Callable[..., BuildReport],
) -> BuildReport | None:
    """Publish the previous build minus what must come down; None when nothing must."""
    from generator.build import make
    from generator.cache.steps import Steps
    from generator.output.publish import Record

    record = Record.load(store)
    tz = _zone(root, record, store)
    if not record.files or not record.stories:
        return _fail_closed(root, state_dir, at, tz, error, store)
    down = must_come_down(root, record, store, at, tz)
    if not down:
        return None
    folder = state_dir / f"removal-{os.getpid()}"
    try:
        if not materialise(record, store, set(down), folder):
            store.notes.append(
                "note: the record of the previous build is incomplete; nothing could be re-rendered"
            )
            return None
        output = root / "output"
        staging = Staging(root, output, state_dir, record.spare, record.live)
        steps = Steps(store)
        try:
            made = make(folder, at, progress=progress, steps=steps, sink=staging, removal=True)
        except (ContentError, OSError):
            record.spare = staging.abandon()
            return None
        config = dataclasses.replace(made.site.config, root=root)
        made = dataclasses.replace(made, site=dataclasses.replace(made.site, config=config))
        kept = Record(
            record.live,
            record.spare,
            {k: v for k, v in record.files.items() if k not in down},
            {k: v for k, v in record.stories.items() if k not in down},
        )
        report = finish(
            root, output, state_dir, store, record, staging, made, at, removal=Removal(down, kept)
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    dropped = made.produced.dropped
    notes = list(report.notes) + [f"taken down: {rel} ({why})" for rel, why in sorted(down.items())]
    if dropped:
        notes.append(f"also left out: {len(dropped)} file(s) that fail today's output checks")
    return dataclasses.replace(report, removal_only=True, findings=tuple(error.findings), notes=tuple(notes))


def _fail_closed(
    root: pathlib.Path,
    state_dir: pathlib.Path,
    at: dt.datetime,
    tz: dt.tzinfo,
    error: ContentError,
    store: Store,
) -> BuildReport | None:
    """No record of the previous build: take down the stories that must come down, and every page
    that shows them, from the live output itself (fallback.py)."""
    from generator.output.fallback import publish_without, stories_to_take_down

    down = stories_to_take_down(root, state_dir, at, tz)
    if not down:
        return None
    dropped = publish_without(root, state_dir, down)
    base = _base_url(root, store)
    gone = tuple(base + "/" + p.removesuffix("index.html") for p in dropped)
    atomic_write(state_dir / "takedown.txt", "".join(u + "\n" for u in gone))
    atomic_write(
        state_dir / "outcome.json", json.dumps({"outcome": "removal-only", "at": at.isoformat()}) + "\n"
    )
    why = (
        "note: there is no record of the previous build, so the pages that showed what came down could "
        f"not be re-rendered: {len(dropped)} file(s) were taken down with it until the next good build"
    )
    notes = [
        why,
        *(f"taken down: {url}" for url in sorted(down)),
    ]
    return BuildReport(
        at=at, findings=tuple(error.findings), takedown=gone, removal_only=True, notes=tuple(notes)
    )


def _base_url(root: pathlib.Path, store: Store) -> str:
    with contextlib.suppress(ContentError, OSError, ValueError):
        return load_config(root).base_url.rstrip("/")
    return ""


def _zone(root: pathlib.Path, record: Record, store: Store) -> dt.tzinfo:
    with contextlib.suppress(ContentError, OSError, ValueError):
        return load_config(root).tz
    raw = store.get(store.key("source", record.files.get("site.yaml", "")))
    with contextlib.suppress(ValueError, AttributeError, TypeError, KeyError):
        import yaml

        data: Any = yaml.safe_load(raw or b"")
        return parse_timezone(str(data.get("timezone") or "UTC"))
    return dt.UTC
