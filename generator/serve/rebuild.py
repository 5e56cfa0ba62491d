"""How a save becomes a rebuild: the site held in memory, rebuilt through the same steps as `build`.

`SiteState` keeps one `Steps` with every result in memory between rebuilds, so a save re-runs only
the steps whose inputs it changed (its parse, its checks, its body, the pages that show it) and the
rest is reused, exactly as a warm `build` does. A failed rebuild keeps the last good build, and
everything computed, for the next one.
"""

from __future__ import annotations

import datetime as dt
import pathlib
import threading
import time
from collections.abc import Callable

from generator.build import Made, make
from generator.cache.files import FileDigests
from generator.cache.steps import Steps
from generator.cache.store import Store
from generator.errors import ContentError, ImpactsiteError
from generator.render.output import MemorySink

Log = Callable[[str], None]


class SiteState:
    """The last good build (path → bytes) and the current error, if the latest rebuild failed."""

    def __init__(self, root: pathlib.Path, at: dt.datetime | dt.date | None, log: Log) -> None:
        self.root = root
        self.at = at
        self.log = log
        self.files: dict[str, bytes] = {}
        self.error: str | None = None
        self.lock = threading.Lock()
        self.builds = 0
        self.digests: dict[str, str] = {}
        # Kept between rebuilds: every step's result, so a save re-runs only the steps it touched.
        # Nothing is written to disk: the store is this process's own.
        self.steps = Steps(Store.memory(), in_memory=True)
        self.inputs = FileDigests(keep_contents=True)  # files read again only when their stamp changes
        self.last: Made | None = None

    def moment(self) -> dt.datetime:
        if isinstance(self.at, dt.datetime):
            return self.at
        if isinstance(self.at, dt.date):
            return dt.datetime(self.at.year, self.at.month, self.at.day, tzinfo=dt.UTC)
        return dt.datetime.now(dt.UTC).replace(microsecond=0)

    def rebuild(self) -> bool:
        started = time.monotonic()
        try:
            sink = MemorySink(self.files, self.digests)
            made = make(self.root, self.moment(), steps=self.steps, sink=sink, files=self.inputs)
            self.steps.finish(success=True)
        except ContentError as exc:
            self.steps.finish(success=False)
            text = "\n".join(f.format() for f in exc.findings if f.is_error) or str(exc)
            with self.lock:
                self.error = text
            self.log(f"build failed; still serving the last good build:\n{text}")
            return False
        except ImpactsiteError as exc:
            self.steps.finish(success=False)
            with self.lock:
                self.error = str(exc)
            self.log(f"build failed: {exc}")
            return False
        except Exception as exc:  # noqa: BLE001 - a bug or a file vanishing mid-save must not stop the server
            self.steps.finish(success=False)
            with self.lock:
                self.error = f"Internal error: {type(exc).__name__}: {exc}"
            self.log(
                f"build failed with an internal error (a bug in impactsite): {type(exc).__name__}: {exc}"
            )
            return False
        with self.lock:
            self.files = made.files
            self.digests = dict(made.produced.digests)
            self.error = None
            self.builds += 1
            self.last = made

        self.log(f"rebuilt {len(made.files)} files in {time.monotonic() - started:.2f}s")
        return True
