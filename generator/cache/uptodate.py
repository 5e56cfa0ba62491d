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
import importlib.metadata
import json
import os
import pathlib
import platform
import time
from dataclasses import dataclass
from typing import Any

from generator.cache.store import FileDigests
from generator.config.settings import SiteConfig, load_config
from generator.output.state import BuildReport, report_from_json, write_state
from generator.output.writer import build_lock
from generator.safety.denylist_store import KEY_ENV, key_from_env

RECORD = "up-to-date.json"
FORMAT = "impactsite-up-to-date/1"
PACKAGE_DIR = pathlib.Path(__file__).resolve().parents[1]
DEFAULT_THEME = PACKAGE_DIR.parent / "templates"  # theme.DEFAULT_THEME, without importing Jinja
# Libraries whose version can change the bytes a build writes or what the checks find.
LIBRARIES = ("markdown", "nh3", "jinja2", "markupsafe", "pillow", "phonenumbers", "pyyaml")


def _library_versions() -> str:
    out = [platform.python_implementation(), platform.python_version()]
    for name in LIBRARIES:
        try:
            out.append(f"{name}={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            out.append(f"{name}=none")
    return " ".join(out)


def _walk(top: pathlib.Path) -> list[tuple[str, str]]:
    """(path, path relative to `top`) of every file under `top` (links to files included, as the
    build reads them), in a stable order. Plain strings: a Path per file costs more than hashing it."""
    found: list[tuple[str, str]] = []
    base = str(top)
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        rel = os.path.relpath(dirpath, base).replace(os.sep, "/")
        prefix = "" if rel == "." else rel + "/"
        found += [(os.path.join(dirpath, name), prefix + name) for name in sorted(filenames)]
    return found


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
    add("libraries", _library_versions().encode())
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
        for path, rel in _walk(top):
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
                    listing[os.path.relpath(entry.path, output)] = [st.st_size, st.st_mtime_ns]
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
    tmp = state_dir / f".{RECORD}.{os.getpid()}.tmp"
    try:
        tmp.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, state_dir / RECORD)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def intact(output: pathlib.Path, recorded: dict[str, list[int]]) -> bool:
    """output/ holds exactly the files the record lists, none touched since."""
    try:
        return output.is_dir() and output_listing(output) == recorded
    except OSError:
        return False


def answer(root: pathlib.Path, config: SiteConfig, at: dt.datetime, strict: bool) -> BuildReport | None:
    """The recorded report if output/ is already what a build would make now; None otherwise.
    The caller holds the build lock."""
    started = time.monotonic()
    record = load(config.state_dir)
    if (
        record is None
        or not record.holds(fingerprint(root, config, strict), at)
        or not intact(config.output_dir, record.output)
    ):
        return None
    report = report_from_json(record.report, at)
    write_state(config, at, None, (), report.next_change)  # nothing new to take down
    return dataclasses.replace(report, up_to_date=True, seconds=time.monotonic() - started)


def answer_if_current(root: pathlib.Path, at: dt.datetime, strict: bool) -> BuildReport | None:
    """`answer` under the build lock: what the CLI asks before it imports the pipeline at all."""
    config = load_config(root)
    with build_lock(config.state_dir):
        return answer(root, config, at, strict)
