"""The dev server's HTTP side: pages from memory, the live-reload socket, and the guards a server on
a shared network needs.

- **Host** (DNS rebinding): a web page on another site can point its own name at 127.0.0.1 and then
  read the dev server as if it were that site, drafts and all. Only requests addressed to a name that
  cannot be rebound are answered: an IP address, `localhost` (and `*.localhost`), the `--host` name,
  and this machine's own name when serving on every interface. Anything else gets 403.
- **Origin** of the live-reload websocket: only pages of this server may open it.
- **HEAD** is answered like GET, without a body; other methods get 405.

Tornado (which livereload is built on) serves; livereload's websocket handler speaks its reload
protocol. The browser side is our own small `reload.js`, loaded from a file rather than injected
inline, so pages keep the site's strict Content-Security-Policy while they are served.
"""

from __future__ import annotations

import html
import ipaddress
import json
import mimetypes
import pathlib
import posixpath
import re
import socket
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

from livereload.handlers import LiveReloadHandler
from tornado import web

ASSETS = pathlib.Path(__file__).with_name("assets")
ASSET_PREFIX = "/_impactsite/"  # never a path the site itself can produce (no leading underscore folders)
# The page carries the rebuild it was served from: a page whose reload socket connects after a newer
# rebuild (a rebuild holds the server's one thread, so a page loading meanwhile connects only after
# it) is told to reload at once instead of missing that rebuild's message.
RELOAD_SCRIPT = '<script src="' + ASSET_PREFIX + 'reload.js" data-generation="{}" defer></script>\n'
OVERLAY_STYLE = f'<link rel="stylesheet" href="{ASSET_PREFIX}preview.css">\n'.encode()
_HEAD_END = re.compile(rb"</head>", re.IGNORECASE)
_BODY_START = re.compile(rb"<body[^>]*>", re.IGNORECASE)


class Snapshot(NamedTuple):
    files: dict[str, bytes]  # the last good build
    error: str | None = None  # the last edit could not be built: shown over the last good build
    blocked: tuple[str, str] | None = None  # previews: (heading, what stops the site being published)
    generation: int = 0  # which rebuild this is (every rebuild, good or failed, counts)
    base: str = ""  # the path the site is published under ("/impact"), "" at a domain's root


class Served(Protocol):
    """What the server reads from the site state."""

    def snapshot(self) -> Snapshot: ...


@dataclass(frozen=True)
class Guard:
    """Which names the server answers to (see the module docstring)."""

    bound: str  # the --host address or name
    names: frozenset[str]

    @classmethod
    def for_host(cls, bound: str) -> Guard:
        names = {"localhost", bound.strip("[]").lower()}
        if bound in ("0.0.0.0", "::", ""):
            name = socket.gethostname().lower()
            names |= {name, name.split(".")[0] + ".local"}
        return cls(bound, frozenset(names))

    def host_ok(self, host_header: str | None) -> bool:
        if not host_header:
            return False  # HTTP/1.1 requires it; browsers always send it
        name = _hostname(host_header)
        if name is None:
            return False
        if name in self.names or name.endswith(".localhost"):
            return True
        try:
            ipaddress.ip_address(name)
        except ValueError:
            return False
        return True

    def origin_ok(self, origin: str | None) -> bool:
        if origin is None:
            return True  # not a browser: no page of another site is behind it
        parts = urllib.parse.urlsplit(origin)
        return parts.scheme in ("http", "https") and self.host_ok(parts.netloc)

    def refusal(self) -> str:
        return (
            "This is impactsite's development server. It answers only to addresses such as "
            "http://127.0.0.1 or http://localhost (a protection against DNS rebinding). "
            "Use one of those, or start it with --host NAME for another name.\n"
        )


def _hostname(host_header: str) -> str | None:
    host = host_header.strip().lower()
    if host.startswith("["):
        end = host.find("]")
        return host[1:end] if end > 0 else None
    name, _, port = host.partition(":")
    if port and not port.isdigit():
        return None
    return name.rstrip(".") or None


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


LAST_GOOD = "The last edit could not be built. You are seeing the last good build."


def error_overlay(message: str, heading: str = LAST_GOOD) -> bytes:
    """A problem shown over the page: styled by preview.css (no inline style)."""
    return (
        '<div class="impactsite-overlay" role="alert">'
        f"<strong>{html.escape(heading)}</strong>"
        f"<pre>{html.escape(message)}</pre></div>"
    ).encode()


@dataclass(frozen=True)
class Response:
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes


def respond(
    files: dict[str, bytes],
    error: str | None,
    method: str,
    raw_path: str,
    blocked: tuple[str, str] | None = None,
    generation: int = 0,
    base: str = "",
) -> Response:
    """The answer to one GET or HEAD for a page or file of the site (HEAD: the caller drops the body).
    A site published under a path (`base`, "/impact") is served under it, as it will be hosted: its
    pages' links and assets carry that path; the server's root sends the browser there."""
    if method not in ("GET", "HEAD"):
        return Response(405, (("Allow", "GET, HEAD"), ("Content-Type", "text/plain; charset=utf-8")),
                        b"The development server only serves pages.\n")  # fmt: skip
    if base:
        path_only = raw_path.split("?", 1)[0]
        if path_only in ("", "/", base):
            return Response(302, (("Location", base + "/"),), b"")
        raw_path = raw_path[len(base) :] if path_only.startswith(base + "/") else "/\x00outside"
    key, add_slash = resolve(files, raw_path)
    if add_slash:
        return Response(301, (("Location", base + raw_path.split("?", 1)[0] + "/"),), b"")
    status = 200
    if key is None:
        status = 404
        key = "404.html" if "404.html" in files else None
    if key is None:
        body = b"<!doctype html><html><head><title>impactsite</title></head><body></body></html>"
        key = "error.html"
        status = 500 if error else status
    else:
        body = files[key]
    ctype = mimetypes.guess_type(key)[0] or "application/octet-stream"
    if ctype == "text/html":
        head = OVERLAY_STYLE + RELOAD_SCRIPT.format(generation).encode()
        body = _HEAD_END.sub(lambda m: head + m.group(0), body, count=1)
        overlay = error_overlay(error) if error else error_overlay(blocked[1], blocked[0]) if blocked else b""
        if overlay:
            body = _BODY_START.sub(lambda m: m.group(0) + overlay, body, count=1)
    charset = "; charset=utf-8" if ctype.startswith("text/") or ctype.endswith(("xml", "json")) else ""
    headers = (
        ("Content-Type", ctype + charset),
        ("Cache-Control", "no-store"),
        ("X-Robots-Tag", "noindex"),  # whatever it shows, the dev server is never a page to index
        ("Cross-Origin-Resource-Policy", "same-origin"),
        ("X-Content-Type-Options", "nosniff"),
    )
    return Response(status, headers, body)


class _Guarded(web.RequestHandler):
    guard: Guard

    def initialize(self, guard: Guard, **kwargs: Any) -> None:
        self.guard = guard

    def prepare(self) -> None:
        if not self.guard.host_ok(self.request.headers.get("Host")):
            self.set_status(403)
            self.set_header("Content-Type", "text/plain; charset=utf-8")
            self.finish(self.guard.refusal())

    def send(self, answer: Response) -> None:
        self.set_status(answer.status)
        for name, value in answer.headers:
            self.set_header(name, value)
        # Tornado drops the body of a HEAD answer itself and keeps its Content-Length.
        self.finish(answer.body)


class PageHandler(_Guarded):
    SUPPORTED_METHODS = ("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")  # type: ignore[assignment]

    def initialize(self, guard: Guard, **kwargs: Any) -> None:
        self.guard = guard
        self.state: Served = kwargs["state"]

    def _answer(self, *args: Any) -> None:
        snap = self.state.snapshot()
        method = self.request.method or "GET"
        path = self.request.path
        self.send(respond(snap.files, snap.error, method, path, snap.blocked, snap.generation, snap.base))

    get = head = post = put = delete = patch = options = _answer


class AssetHandler(_Guarded):
    """The dev server's own files (reload.js, preview.css, preview.js), from generator/serve/assets/."""

    SUPPORTED_METHODS = ("GET", "HEAD")  # type: ignore[assignment]

    def get(self, name: str) -> None:
        path = ASSETS / name
        if not name or "/" in name or not path.is_file():
            raise web.HTTPError(404)
        ctype = mimetypes.guess_type(name)[0] or "application/octet-stream"
        self.send(
            Response(
                200,
                (("Content-Type", f"{ctype}; charset=utf-8"), ("Cache-Control", "no-store")),
                path.read_bytes(),
            )
        )

    head = get


class ReloadSocket(LiveReloadHandler):  # type: ignore[misc]
    """livereload's websocket, opened only by pages of this server."""

    guard: Guard = Guard.for_host("127.0.0.1")
    state: Served | None = None

    def on_message(self, message: Any) -> None:
        super().on_message(message)
        shown = self.get_argument("generation", "")
        try:
            hello = json.loads(message).get("command") == "hello"
        except (ValueError, AttributeError):
            hello = False
        # Rebuilt since this page was served: reload now, the rebuild's own message went before it.
        if (
            self.state is not None
            and shown.isdigit()
            and hello
            and int(shown) < self.state.snapshot().generation
        ):
            self.write_message({"command": "reload", "path": "*", "liveCSS": False, "liveImg": True})

    def check_origin(self, origin: str) -> bool:
        return self.guard.origin_ok(origin)

    async def get(self, *args: Any, **kwargs: Any) -> None:
        if not self.guard.host_ok(self.request.headers.get("Host")):
            self.set_status(403)
            self.finish(self.guard.refusal())
            return
        await super().get(*args, **kwargs)


def application(state: Served, guard: Guard, watcher: Any) -> web.Application:
    LiveReloadHandler.watcher = watcher
    LiveReloadHandler.DEFAULT_RELOAD_TIME = 0  # our watcher already debounces bursts of saves
    ReloadSocket.guard = guard
    ReloadSocket.state = state
    return web.Application(
        [
            (r"/livereload", ReloadSocket),
            (ASSET_PREFIX.replace("/", r"\/") + r"([\w.-]+)", AssetHandler, {"guard": guard}),
            (r".*", PageHandler, {"guard": guard, "state": state}),
        ]
    )


def run(
    state: Served,
    watcher: Any,
    *,
    host: str,
    port: int,
    log: Callable[[str], None],
    opened: Callable[[], object] | None = None,
) -> None:
    """Serve until interrupted."""
    from tornado.ioloop import IOLoop

    app = application(state, Guard.for_host(host), watcher)
    app.listen(port, address=host)
    LiveReloadHandler.start_tasks()
    if opened is not None:
        IOLoop.current().call_later(1, opened)
    try:
        IOLoop.current().start()
    except KeyboardInterrupt:
        log("Stopped.")
