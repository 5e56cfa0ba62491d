"""Publishing a build under the site's lock: up to date? make it, swap it in, write the reports,
record what was published; and, when errors stop it, publish the removals alone (takedown.py).

What is recorded in the store's state (authenticated like everything in it):
- `output`: the live output's and the spare's files (digest and stamp of each), so the next build
  writes only what differs, and the takedown report can say which addresses changed;
- `published`: every source file the published build read (content/, templates/, safety/,
  site.yaml) by digest, with the bytes kept as store entries, and which stories were live: the
  previous build that a stopped build re-renders without what must come down.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import pathlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from generator.cache import uptodate
from generator.cache.files import FileDigests
from generator.cache.keys import walk
from generator.cache.store import Store
from generator.config.settings import load_config
from generator.errors import ContentError
from generator.output import takedown
from generator.output.staging import Staging, purge_spare
from generator.output.state import BuildReport, report_to_json, url_of, write_state
from generator.output.writer import Manifest, build_lock

if TYPE_CHECKING:
    from generator.build import Made
    from generator.render.output import Sink

Progress = Callable[[str, int, int], None]
Attempt = Callable[[pathlib.Path, dt.datetime, bool, Progress, Store, "Sink", FileDigests], "Made"]
SOURCE_TOPS = ("content", "templates", "safety")


@dataclass
class Record:
    """What the store says about output/ and what was published (empty when it knows nothing)."""

    live: Manifest = field(default_factory=dict)
    spare: Manifest = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # source path → digest
    stories: dict[str, str] = field(default_factory=dict)  # live story path → its URL

    @classmethod
    def load(cls, store: Store) -> Record:
        record = cls()
        try:
            raw = store.get_state("output")
            if raw is not None:
                data = json.loads(raw)
                record.live = {k: tuple(v) for k, v in data["live"].items()}  # type: ignore[misc]
                record.spare = {k: tuple(v) for k, v in data["spare"].items()}  # type: ignore[misc]
            raw = store.get_state("published")
            if raw is not None:
                data = json.loads(raw)
                record.files = {str(k): str(v) for k, v in data["files"].items()}
                record.stories = {str(k): str(v) for k, v in data["stories"].items()}
        except (ValueError, KeyError, TypeError, AttributeError):
            store.notes.append("note: the record of the last build could not be read; it is rebuilt")
            return cls()
        return record

    def save_output(self, store: Store) -> None:
        store.put_state("output", json.dumps({"live": self.live, "spare": self.spare}).encode())

    def save_published(self, store: Store) -> None:
        data = {"files": self.files, "stories": self.stories}
        store.put_state("published", json.dumps(data, sort_keys=True).encode())


def source_key(store: Store, digest: str) -> str:
    return store.key("source", digest)


def snapshot(root: pathlib.Path, store: Store, record: Record, made: Made) -> Record:
    """The sources this build read, kept in the store (only new contents are written)."""
    files: dict[str, str] = {}
    digests = made.site.files
    kept = set(record.files.values())  # contents already in the store
    tops = [(top, root / top) for top in SOURCE_TOPS] + [("", root)]
    for label, top in tops:
        entries = walk(top) if label else [(str(root / "site.yaml"), "site.yaml")]
        for path, rel in entries:
            name = f"{label}/{rel}" if label else rel
            value = digests.of(path)
            if value.startswith(b"\0"):
                continue
            digest = value.hex()
            files[name] = digest
            key = source_key(store, digest)
            if digest in kept:
                store.keep((key,))
                continue
            try:
                data = pathlib.Path(path).read_bytes()
            except OSError:
                continue
            if digests.of(path).hex() != digest:
                return Record(record.live, record.spare)  # changed while building: no snapshot
            store.put(key, data, large=True)
    stories = {s.path: s.url for s in made.site.stories if made.site.publications[s.path].live}
    return Record(record.live, record.spare, files, stories)


def locked_build(
    root: pathlib.Path,
    state_dir: pathlib.Path,
    at: dt.datetime,
    strict: bool,
    progress: Progress,
    attempt: Attempt,
    started: float,
) -> BuildReport:
    with build_lock(state_dir):
        try:
            config = load_config(root)
        except ContentError as exc:  # a broken site.yaml must not block a takedown either
            return _stopped(root, state_dir, at, progress, exc, None)
        files = FileDigests()  # every input read and hashed once, here and by the build
        inputs = uptodate.fingerprint(root, config, strict, files=files)
        current = uptodate.answer(root, config, at, strict, inputs)
        if current is not None:  # nothing read has changed, no decision falls due: output/ is right
            return current
        store = Store.open(state_dir)
        try:
            record = Record.load(store)
            staging = Staging(root, config.output_dir, state_dir, record.spare, record.live)
            try:
                made = attempt(root, at, strict, progress, store, staging, files)
            except ContentError as exc:
                record.spare = staging.abandon()
                record.save_output(store)
                store.commit(prune=False)
                return _stopped(root, state_dir, at, progress, exc, store)
            except BaseException:
                record.spare = staging.abandon()
                record.save_output(store)
                store.commit(prune=False)
                raise
            report = finish(root, config.output_dir, state_dir, store, record, staging, made, at)
            nxt = report.next_change
            if uptodate.fingerprint(root, config, strict, files=files) == inputs:  # unchanged while building
                until = uptodate.holds_until(at, config.tz, nxt[0] if nxt else None)
                listing = listing_of(config.output_dir, record.live)
                uptodate.save(state_dir, uptodate.Record(inputs, at, until, report_to_json(report), listing))
            return dataclasses.replace(report, seconds=time.monotonic() - started)
        finally:
            store.close()


def listing_of(output: pathlib.Path, live: Manifest) -> dict[str, list[int]]:
    """What output/ holds (size and modification time of each file), from the stamps the writer
    recorded; the marker is the one file it does not list."""
    from generator.output.writer import MARKER

    listing = {path: [entry[1], entry[2]] for path, entry in live.items()}
    try:
        st = (output / MARKER).stat()
    except OSError:
        return uptodate.output_listing(output)
    listing[MARKER] = [st.st_size, st.st_mtime_ns]
    return listing


def finish(
    root: pathlib.Path,
    output: pathlib.Path,
    state_dir: pathlib.Path,
    store: Store,
    record: Record,
    staging: Staging,
    made: Made,
    at: dt.datetime,
    *,
    removal: takedown.Removal | None = None,
) -> BuildReport:
    """Swap the made build in, purge the spare, record it all, write the reports."""
    config = made.site.config
    digests = made.produced.digests
    staging.complete(digests)
    uptodate.forget(state_dir)  # until the new output is in place, no record describes it
    staging.swap()
    before = record.live
    live = dict(staging.now)
    spare = purge_spare(state_dir, before, live)
    urls = sorted(url_of(p) for p in digests if p.endswith(".html")) + sorted(
        url_of(p) for p in digests if p.startswith("images/")
    )
    gone = takedown.removed_urls(state_dir, output, urls, before)
    changed: list[str] = []
    if gone and before:
        changed = sorted(url_of(p) for p, e in live.items() if p in before and before[p][0] != e[0])
    published = snapshot(root, store, record, made) if removal is None else removal.record
    published.live, published.spare = live, spare
    record.live = live
    published.save_output(store)
    if published.files:
        published.save_published(store)
    store.commit(prune=True)
    taken = tuple(config.absolute(u) for u in gone)
    report = dataclasses.replace(
        made.report,
        takedown=taken,
        changed=tuple(config.absolute(u) for u in changed),
        notes=tuple(store.notes),
    )
    outcome: dict[str, Any] = {"outcome": "removal-only" if removal else "published", "at": at.isoformat()}
    write_state(config, at, urls, report.purge, report.next_change, outcome)
    return report


def _stopped(
    root: pathlib.Path,
    state_dir: pathlib.Path,
    at: dt.datetime,
    progress: Progress,
    error: ContentError,
    store: Store | None,
) -> BuildReport:
    """Errors stopped the build: publish what must come down, if anything must, then stop."""
    own = store is None
    store = store if store is not None else Store.open(state_dir)
    try:
        report = takedown.publish_removals(root, state_dir, at, progress, store, error, finish)
    finally:
        if own:
            store.close()
    if report is None:
        raise error
    raise takedown.RemovalPublished(error.findings, report)
