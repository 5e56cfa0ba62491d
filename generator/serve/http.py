"""The dev server's request handling: map a URL to a file of the build held in memory, show the
error of a failed rebuild over the last good page. Only ever answers from that build."""

from __future__ import annotations

import html
import mimetypes
import posixpath
import re
import urllib.parse
from collections.abc import Callable, Iterable
from typing import Any

from generator.serve.rebuild import SiteState

_CSP_META = re.compile(rb'<meta http-equiv="Content-Security-Policy"[^>]*>\s*', re.IGNORECASE)


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
