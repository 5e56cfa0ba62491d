"""Noticing saves: the file system's change reports (watchdog), polling as a safety net, and a
short quiet period so a burst of saves gives one rebuild."""

from __future__ import annotations

import os
import pathlib
import time
from collections.abc import Callable
from typing import Any

from generator.serve.rebuild import SiteState


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
        for top in ("content", "templates"):
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
            for top in ("content", "templates"):
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
