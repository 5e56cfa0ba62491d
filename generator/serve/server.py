"""`impactsite serve`: build in memory, serve on 127.0.0.1, rebuild on save, reload the browser.

The site is held in memory (the dev server never writes output/), so it can only ever serve what
the last good build made: no path can reach a file outside it. A save starts a rebuild once the
files have been quiet for a moment (a burst of saves gives one rebuild). A broken edit keeps the
last good build on screen with the error shown over it; fixing the edit reloads the page clean.
The HTTP side (pages, the reload socket, Host and Origin checks) is generator/serve/http.py.
"""

from __future__ import annotations

import datetime as dt
import os
import pathlib
import threading
import time
from collections.abc import Callable
from typing import Any

from generator.build import make
from generator.cache.files import FileDigests
from generator.cache.steps import Steps
from generator.cache.store import Store
from generator.errors import ContentError, ImpactsiteError
from generator.render.output import MemorySink
from generator.safety.redact import mask_finding
from generator.serve.http import Snapshot
from generator.serve.preview import make_preview

Log = Callable[[str], None]


class SiteState:
    """The last good build (path → bytes) and the current error, if the latest rebuild failed."""

    def __init__(
        self, root: pathlib.Path, at: dt.datetime | dt.date | None, log: Log, *, as_published: bool = False
    ) -> None:
        self.root = root
        self.at = at
        self.log = log
        self.as_published = as_published  # False: unpublished stories are shown as previews (preview.py)
        self.files: dict[str, bytes] = {}
        self.error: str | None = None
        self.blocked: tuple[str, str] | None = None  # previews: (heading, what stops the site publishing)
        self.lock = threading.Lock()
        self.builds = 0
        self.base = ""  # the path the site is published under ("" at a domain's root): served there too
        self.generation = 0  # every rebuild, good or failed: what a page on screen was served from
        # Kept between rebuilds: every step's result in memory, so a save re-runs only the steps whose
        # inputs it changed (the same steps as `build`); nothing is written to disk.
        self.steps = Steps(Store.memory(), in_memory=True)
        self.inputs = FileDigests(keep_contents=True)  # files read again only when their stamp changes
        self.digests: dict[str, str] = {}

    def moment(self) -> dt.datetime:
        if isinstance(self.at, dt.datetime):
            return self.at
        if isinstance(self.at, dt.date):
            return dt.datetime(self.at.year, self.at.month, self.at.day, tzinfo=dt.UTC)
        return dt.datetime.now(dt.UTC).replace(microsecond=0)

    def rebuild(self) -> bool:
        started = time.monotonic()
        with self.lock:
            self.generation += 1
        try:
            if self.as_published:
                sink = MemorySink(self.files, self.digests)
                made = make(self.root, self.moment(), steps=self.steps, sink=sink, files=self.inputs)
                files, blocked, base = made.files, None, made.site.config.base_path
                self.digests = dict(made.produced.digests)
            else:
                real_now = dt.datetime.now(dt.UTC) if self.at is not None else None
                shown = make_preview(self.root, self.moment(), self.steps, real_now, self.files, self.inputs)
                files, blocked, base = shown.files, shown.problems, shown.base
            self.steps.finish(success=True)
        except ContentError as exc:
            self.steps.finish(success=False)
            text = "\n".join(mask_finding(f).format() for f in exc.findings if f.is_error) or str(exc)
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
            self.files = files
            self.base = base
            self.error = None
            self.blocked = blocked
            self.builds += 1

        self.log(f"rebuilt {len(files)} files in {time.monotonic() - started:.2f}s")
        if blocked:
            self.log(f"{blocked[0]}\n{blocked[1]}")
        return True

    def snapshot(self) -> Snapshot:
        """The files to serve and what to show over them (for generator/serve/http.py)."""
        with self.lock:
            return Snapshot(self.files, self.error, self.blocked, self.generation, self.base)


class SiteWatcher:
    """Rebuilds once the site's sources have changed and then been quiet for `quiet` seconds.

    The file system reports saves as they happen (inotify, through watchdog), so a save is seen at
    once and a rebuild starts `quiet` seconds later; the sources are also polled every `interval`
    seconds, as a safety net and where no such reports exist. Implements the interface livereload's
    handler expects (watch, start, examine, filepath).
    """

    # With reports, 15 ms of quiet covers an editor's write-then-rename and the poll is only a safety net.
    REPORTED_QUIET = 0.015
    SAFETY_POLL = 0.5

    def __init__(self, state: SiteState, interval: float = 0.05, quiet: float = 0.08) -> None:
        self.state = state
        self.interval = interval  # how often to poll when the file system cannot report changes
        self.quiet = quiet
        self.observer: Any = None
        self._tasks: dict[str, Any] = {"site": True}
        self._changes: list[tuple[str, Any]] = []
        self.filepath: str | None = None
        self.snapshot = self._scan()
        self.pending: tuple[dict[str, tuple[int, int]], float] | None = None

    def watch(
        self, path: str, func: Any = None, delay: Any = None, ignore: Any = None
    ) -> None:  # livereload API
        return None

    def _scan(self) -> dict[str, tuple[int, int]]:
        root = self.state.root
        out: dict[str, tuple[int, int]] = {}
        for top in ("content", "templates", "safety"):  # safety/: denylist and decisions
            stack = [root / top]
            while stack:
                d = stack.pop()
                try:
                    entries = list(os.scandir(d))
                except OSError:
                    continue
                for e in entries:
                    if e.name.startswith(".") or e.name.endswith(("~", ".swp", ".tmp")):
                        continue
                    if e.is_dir(follow_symlinks=False):
                        stack.append(pathlib.Path(e.path))
                    else:
                        try:
                            st = e.stat()
                        except OSError:
                            continue
                        out[e.path] = (st.st_mtime_ns, st.st_size)
        for extra in ("site.yaml",):
            p = root / extra
            try:  # not exists() then stat(): the file can vanish in between (an editor saving by rename)
                st = p.stat()
            except OSError:
                continue
            out[str(p)] = (st.st_mtime_ns, st.st_size)
        return out

    def start(self, callback: Callable[[], None]) -> bool:
        from tornado import ioloop

        loop = ioloop.IOLoop.current()

        def nudge() -> None:  # on the loop's thread: look now, and again once the quiet time has passed
            callback()
            loop.call_later(self.quiet * 1.2, callback)

        self.observer = self._observe(lambda: loop.add_callback(nudge))
        if self.observer is not None:
            self.quiet, self.interval = self.REPORTED_QUIET, self.SAFETY_POLL
        ioloop.PeriodicCallback(callback, self.interval * 1000).start()
        return True

    def _observe(self, notify: Callable[[], None]) -> Any:
        """Start reporting changes under content/ and templates/ and to site.yaml; None if unavailable."""
        try:
            from watchdog.events import FileSystemEventHandler
            from watchdog.observers import Observer
        except ImportError:
            return None

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event: Any) -> None:
                if event.event_type not in (
                    "opened",
                    "closed_no_write",
                ):  # reads (our own rebuild's) are not changes
                    notify()

        observer = Observer()
        handler = Handler()
        try:
            for top in ("content", "templates", "safety"):
                if (self.state.root / top).is_dir():
                    observer.schedule(handler, str(self.state.root / top), recursive=True)
            observer.schedule(handler, str(self.state.root), recursive=False)  # site.yaml
            observer.daemon = True
            observer.start()
        except OSError as exc:  # e.g. the system's inotify watch limit: polling still works
            self.state.log(
                f"file-system change reports unavailable ({exc}); polling every {self.interval:g}s"
            )
            return None
        return observer

    def examine(self) -> tuple[str | None, Any]:
        if self._changes:
            return self._changes.pop()
        self.filepath = None
        now = time.monotonic()
        current = self._scan()
        if current != self.snapshot:
            if self.pending is None or self.pending[0] != current:
                self.pending = (current, now)
                return None, None
            if now - self.pending[1] < self.quiet:
                return None, None
            changed = sorted(
                k for k in set(current) | set(self.snapshot) if current.get(k) != self.snapshot.get(k)
            )
            self.snapshot = current
            self.pending = None
            self.state.log("changed: " + ", ".join(os.path.relpath(c, self.state.root) for c in changed[:5]))
            self.state.rebuild()
            self.filepath = changed[0] if changed else "*"
            return self.filepath, None
        self.pending = None
        return None, None


def serve(
    root: pathlib.Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    at: dt.datetime | dt.date | None = None,
    open_browser: bool = False,
    log: Log = print,
    as_published: bool = False,
) -> None:
    """Serve the site until interrupted (the HTTP side is generator/serve/http.py)."""
    import webbrowser

    from generator.serve import http

    state = SiteState(root, at, log, as_published=as_published)
    state.rebuild()
    watcher = SiteWatcher(state)
    home = f"http://{host}:{port}{state.base}/"  # under the site's base path, as it will be hosted
    log(f"Serving {root} on {home} (Ctrl+C to stop)")
    if not as_published:
        log(f"Every story, published or not, is listed at {home}_impactsite/")
    opened = (lambda: webbrowser.open(home)) if open_browser else None
    http.run(state, watcher, host=host, port=port, log=log, opened=opened)
