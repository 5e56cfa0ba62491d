"""`impactsite serve`: build in memory, serve on 127.0.0.1, rebuild on save, reload the browser.

The site is held in memory (the dev server never writes output/), so it can only ever serve what
the last good build made: no path can reach a file outside it. A save starts a rebuild once the
files have been quiet for a moment (a burst of saves gives one rebuild). A broken edit keeps the
last good build on screen with the error shown over it; fixing the edit reloads the page clean.
livereload (tornado) provides the server and the browser side of reloading.
"""

from __future__ import annotations

import datetime as dt
import gc
import html
import mimetypes
import os
import pathlib
import posixpath
import re
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable
from typing import Any

from generator.build import make
from generator.cache.store import Caches
from generator.errors import ContentError, ImpactsiteError
from generator.safety.redact import mask_finding

Log = Callable[[str], None]
_CSP_META = re.compile(rb'<meta http-equiv="Content-Security-Policy"[^>]*>\s*', re.IGNORECASE)


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
        # Kept between rebuilds: only what an edit touched is redone. Saved to disk after the first
        # build only (writing it after every save would cost more than the edit's rebuild).
        self.caches = Caches(root / ".impactsite" / "cache", in_memory=True, save_once=True)

    def moment(self) -> dt.datetime:
        if isinstance(self.at, dt.datetime):
            return self.at
        if isinstance(self.at, dt.date):
            return dt.datetime(self.at.year, self.at.month, self.at.day, tzinfo=dt.UTC)
        return dt.datetime.now(dt.UTC).replace(microsecond=0)

    def tidy(self) -> None:
        """Collect the last rebuild's garbage, then set what survives (caches, the site) aside so
        the collector stops walking it during rebuilds. Run once the browser has been told to reload."""
        gc.collect()
        gc.freeze()

    def rebuild(self) -> bool:
        started = time.monotonic()
        try:
            made = make(self.root, self.moment(), caches=self.caches)
        except ContentError as exc:
            text = "\n".join(mask_finding(f).format() for f in exc.findings if f.is_error) or str(exc)
            with self.lock:
                self.error = text
            self.log(f"build failed; still serving the last good build:\n{text}")
            return False
        except ImpactsiteError as exc:
            with self.lock:
                self.error = str(exc)
            self.log(f"build failed: {exc}")
            return False
        except Exception as exc:  # noqa: BLE001 - a bug or a file vanishing mid-save must not stop the server
            with self.lock:
                self.error = f"Internal error: {type(exc).__name__}: {exc}"
            self.log(
                f"build failed with an internal error (a bug in impactsite): {type(exc).__name__}: {exc}"
            )
            return False
        with self.lock:
            self.files = made.files
            self.error = None
            self.builds += 1

        self.log(f"rebuilt {len(made.files)} files in {time.monotonic() - started:.2f}s")
        return True


def resolve(files: dict[str, bytes], raw_path: str) -> tuple[str | None, bool]:
    """Map a URL path to a key of `files`: (key or None, whether to redirect to add a slash)."""
    path = urllib.parse.unquote(raw_path.split("?", 1)[0])
    if "\x00" in path or "\\" in path:
        return None, False
    norm = posixpath.normpath("/" + path.lstrip("/"))
    if any(part == ".." for part in path.split("/")):
        return None, False
    rel = norm.lstrip("/")
    if rel in files:
        return rel, False
    index = (rel + "/index.html").lstrip("/")
    if index in files:
        return index, not path.endswith("/")
    return None, False


def error_overlay(message: str) -> bytes:
    return (
        '<div role="alert" style="position:sticky;top:0;z-index:1000;background:#7a1010;color:#fff;'
        'padding:1rem;font:15px/1.5 system-ui,sans-serif;box-shadow:0 2px 8px #0006">'
        "<strong>The last edit could not be built. You are seeing the last good build.</strong>"
        f'<pre style="white-space:pre-wrap;margin:.5rem 0 0;font:13px/1.45 monospace">{html.escape(message)}</pre></div>'
    ).encode()


class App:
    """The WSGI application livereload wraps (it injects its script before </head>)."""

    def __init__(self, state: SiteState) -> None:
        self.state = state

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            start_response("405 Method Not Allowed", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"The development server only serves pages.\n"]
        with self.state.lock:
            files = self.state.files
            error = self.state.error
        key, add_slash = resolve(files, environ.get("PATH_INFO", "/"))
        if add_slash:
            start_response("301 Moved Permanently", [("Location", environ.get("PATH_INFO", "/") + "/")])
            return [b""]
        status = "200 OK"
        if key is None:
            status = "404 Not Found"
            key = "404.html" if "404.html" in files else None
        if key is None:
            body = b"<!doctype html><html><head><title>impactsite</title></head><body></body></html>"
            key = "error.html"
            status = "500 Internal Server Error" if error else status
        else:
            body = files[key]
        ctype = mimetypes.guess_type(key)[0] or "application/octet-stream"
        if ctype == "text/html":
            # Dev only: the page's meta CSP would block livereload's inline snippet.
            body = _CSP_META.sub(b"", body)
            if error:
                body = re.sub(rb"(<body[^>]*>)", lambda m: m.group(1) + error_overlay(error), body, count=1)
        headers = [
            (
                "Content-Type",
                ctype
                + ("; charset=utf-8" if ctype.startswith("text/") or ctype.endswith(("xml", "json")) else ""),
            ),
            ("Cache-Control", "no-store"),
        ]
        start_response(status, headers)
        return [body]


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

    def _tidy_later(self) -> None:
        from tornado import ioloop

        loop = ioloop.IOLoop.current(instance=False)
        if loop is not None:
            loop.call_later(0.25, self.state.tidy)  # after the reload message has gone out

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
            self._tidy_later()
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
) -> None:
    """Serve the site until interrupted."""
    from livereload import Server
    from livereload.handlers import LiveReloadHandler

    state = SiteState(root, at, log)
    state.rebuild()
    watcher = SiteWatcher(state)
    LiveReloadHandler.DEFAULT_RELOAD_TIME = 0  # our watcher already debounces bursts of saves
    server = Server(app=App(state), watcher=watcher)  # type: ignore[arg-type]
    log(f"Serving {root} on http://{host}:{port}/ (Ctrl+C to stop)")
    server.serve(
        port=port, host=host, debug=False, open_url_delay=1 if open_browser else None, restart_delay=0
    )
