"""Whether a build would change nothing, so it can leave output/ alone (issue 7: "unchanged" rebuilds).

The pipeline is deterministic: the same inputs at a moment that changes no decision give the same
bytes. So after publishing, a build records

- the fingerprint of everything it read: every file under content/, templates/ and safety/, the
  theme it falls back to, site.yaml and the denylist; a keyed check of the denylist key (never the
  key); the generator's own files; the versions of Python and of every library that shapes the
  output; and the --strict flag;
- the moments its result holds for: from its `at` up to the first of the next change it already
  reports (an embargo lifting, consent ending, a banner going up or down) and the next midnight in
  the site's zone (day-counting messages such as "consent expires in 9 days" change then);
- its report, and the size and modification time of every file it left in output/.

A later build reads the same fingerprint at a moment inside that range and finds output/ exactly as
the record says: it reports the recorded result and writes nothing to output/. Anything else (a
missing, corrupt or older record, one byte changed anywhere, a file touched in output/) means a
full build. The record is JSON (it can never run code) and is removed before a build publishes, so a
killed build cannot leave a record that describes output it did not write.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import hmac
import json
import os
import pathlib
import time
from dataclasses import dataclass
from typing import Any

from generator.cache.files import FileDigests
from generator.cache.keys import PACKAGE_DIR, library_versions, walk
from generator.config.settings import SiteConfig, load_config
from generator.errors import ContentError
from generator.output.state import BuildReport, atomic_write, report_from_json, write_state
from generator.output.writer import build_lock
from generator.render.themedir import DEFAULT_THEME  # theme.DEFAULT_THEME, without importing Jinja
from generator.safety.denylist_store import KEY_ENV, key_from_env

RECORD = "up-to-date.json"
FORMAT = "impactsite-up-to-date/2"


def fingerprint(
    root: pathlib.Path,
    config: SiteConfig,
    strict: bool,
    *,
    stories: bool = True,
    files: FileDigests | None = None,
) -> str:
    """One hash of everything a build reads. Contents, not times: a fresh clone has new mtimes.

    With stories=False, the stories themselves are left out: what every story's checks depend on
    besides the story (caches.py keys per-story results on it)."""
    h = hashlib.blake2b(digest_size=32)
    files = files if files is not None else FileDigests()
    story_dir = str(root / "content" / "stories")

    def add(label: str, data: bytes) -> None:
        h.update(f"{label}\0{len(data)}\0".encode())
        h.update(data)

    add("format", FORMAT.encode())
    add("libraries", library_versions().encode())
    add("strict", b"1" if strict else b"0")
    key = key_from_env()
    # A keyed hash of a fixed text: it changes with the key but reveals nothing about it.
    add("key", hmac.new(key, b"impactsite up-to-date", "sha256").digest() if key else b"none")
    add("key-env", KEY_ENV.encode())
    tops: list[tuple[str, pathlib.Path]] = [("generator", PACKAGE_DIR)]
    if DEFAULT_THEME.is_dir():
        tops.append(("default-theme", DEFAULT_THEME))
    tops += [(name, root / name) for name in ("content", "templates", "safety")]
    for label, top in tops:
        for path, rel in walk(top):
            if not stories and os.path.dirname(path) == story_dir and path.lower().endswith(".md"):
                continue
            add(f"{label}/{rel}", files.of(path))
    signers = (config.safety.allowed_signers, config.safety.revoked_signers)  # wherever site.yaml puts them
    for name in ("site.yaml", config.safety.denylist, *signers):
        add(f"file/{name}", files.of(str(root / name)))
    return h.hexdigest()


def holds_until(at: dt.datetime, tz: dt.tzinfo, next_change: dt.datetime | None) -> dt.datetime:
    """The first moment after `at` at which the same inputs could give a different result."""
    local = at.astimezone(tz)
    midnight = dt.datetime.combine(local.date() + dt.timedelta(days=1), dt.time(), tzinfo=tz)
    return min(midnight, next_change) if next_change is not None else midnight


def output_listing(output: pathlib.Path) -> dict[str, list[int]]:
    """Every file in output/ with its size and modification time (nanoseconds)."""
    listing: dict[str, list[int]] = {}
    stack = [output]
    while stack:
        folder = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(pathlib.Path(entry.path))
                else:
                    st = entry.stat(follow_symlinks=False)
                    listing[os.path.relpath(entry.path, output).replace(os.sep, "/")] = [
                        st.st_size,
                        st.st_mtime_ns,
                    ]
    return listing


@dataclass(frozen=True)
class Record:
    fingerprint: str
    at: dt.datetime
    until: dt.datetime
    report: dict[str, Any]  # the BuildReport's fields, as JSON
    output: dict[str, list[int]]

    def holds(self, fingerprint: str, at: dt.datetime) -> bool:
        return fingerprint == self.fingerprint and self.at <= at < self.until


def load(state_dir: pathlib.Path) -> Record | None:
    try:
        data = json.loads((state_dir / RECORD).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return None
        return Record(
            str(data["fingerprint"]),
            dt.datetime.fromisoformat(data["at"]),
            dt.datetime.fromisoformat(data["until"]),
            dict(data["report"]),
            {str(k): [int(v[0]), int(v[1])] for k, v in data["output"].items()},
        )
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None  # missing or corrupt: never trusted, the build simply runs


def forget(state_dir: pathlib.Path) -> None:
    """Remove the record before publishing. If it cannot be removed it is still harmless: it lists
    the previous output's files with their modification times, which the new output will not match."""
    try:
        (state_dir / RECORD).unlink()
    except OSError:
        pass


def save(state_dir: pathlib.Path, record: Record) -> None:
    """Write the record; a record that cannot be written only means the next build runs in full."""
    data = {
        "format": FORMAT,
        "fingerprint": record.fingerprint,
        "at": record.at.isoformat(),
        "until": record.until.isoformat(),
        "report": record.report,
        "output": record.output,
    }
    with contextlib.suppress(OSError):
        atomic_write(state_dir / RECORD, json.dumps(data, separators=(",", ":")))


def intact(output: pathlib.Path, recorded: dict[str, list[int]]) -> bool:
    """output/ holds exactly the files the record lists, none touched since."""
    try:
        return output.is_dir() and output_listing(output) == recorded
    except OSError:
        return False


def answer(
    root: pathlib.Path, config: SiteConfig, at: dt.datetime, strict: bool, inputs: str | None = None
) -> BuildReport | None:
    """The recorded report if output/ is already what a build would make now; None otherwise.
    The caller holds the build lock; `inputs` is the fingerprint when it already has it."""
    started = time.monotonic()
    record = load(config.state_dir)
    if (
        record is None
        or not record.holds(inputs if inputs is not None else fingerprint(root, config, strict), at)
        or not intact(config.output_dir, record.output)
    ):
        return None
    report = report_from_json(record.report, at)
    write_state(config, at, None, (), report.next_change)  # nothing new to take down
    return dataclasses.replace(report, up_to_date=True, seconds=time.monotonic() - started)


def answer_if_current(root: pathlib.Path, at: dt.datetime, strict: bool) -> BuildReport | None:
    """`answer` under the build lock: what the CLI asks before it imports the pipeline at all."""
    try:
        config = load_config(root)
    except ContentError:
        return None  # the build reports it (and still publishes any removal)
    if not (config.state_dir / RECORD).is_file():
        return None  # no record: no need to wait for the lock to learn that
    with build_lock(config.state_dir):
        return answer(root, config, at, strict)
