"""The dev server on a shared network (issue 13, item 5), over real HTTP and a real websocket: a
foreign Host is refused (DNS rebinding), a foreign page cannot open the live-reload socket, HEAD is
answered without crashing, other methods get 405."""

from __future__ import annotations

import asyncio
import http.client
import json
import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from tornado import httpclient, ioloop, websocket

from generator.serve.http import Guard, Snapshot, application

FILES = {
    "index.html": b"<!doctype html><html><head><title>t</title></head><body><p>home</p></body></html>",
    "assets/site.css": b"body{}",
}


class Fixed:
    def snapshot(self) -> Snapshot:
        return Snapshot(FILES)


class Watcher:
    def __init__(self) -> None:
        self._tasks = {"site": True}
        self.filepath = None

    def start(self, callback: object) -> bool:
        return True

    def examine(self) -> tuple[None, None]:
        return None, None


@pytest.fixture(scope="module")
def server() -> Iterator[int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    ready = threading.Event()
    loops: list[ioloop.IOLoop] = []
    servers: list[Any] = []

    def serve() -> None:
        asyncio.set_event_loop(asyncio.new_event_loop())
        app = application(Fixed(), Guard.for_host("127.0.0.1"), Watcher())
        servers.append(app.listen(port, address="127.0.0.1"))
        loops.append(ioloop.IOLoop.current())
        ready.set()
        loops[0].start()
        loops[0].close(all_fds=True)  # the server socket and the loop's own

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    assert ready.wait(10)
    yield port

    async def shut() -> None:
        # Every connection closed before the loop stops: none is left for the garbage collector to
        # find open (pytest turns that ResourceWarning into a failure of whichever test runs then).
        servers[0].stop()
        await servers[0].close_all_connections()
        loops[0].stop()

    loops[0].add_callback(shut)
    thread.join(10)


def ask(
    port: int, method: str, path: str = "/", host: str | None = None
) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.putrequest(method, path, skip_host=True)
    conn.putheader("Host", f"127.0.0.1:{port}" if host is None else host)
    conn.endheaders()
    answer = conn.getresponse()
    body = answer.read()
    conn.close()
    return answer.status, {k.lower(): v for k, v in answer.getheaders()}, body


def test_pages_answer_to_loopback_names_and_addresses(server: int) -> None:
    for host in (
        f"127.0.0.1:{server}",
        f"localhost:{server}",
        "localhost",
        f"[::1]:{server}",
        f"app.localhost:{server}",
        "192.168.1.20:8000",
    ):
        status, _, body = ask(server, "GET", host=host)
        assert status == 200 and b"<p>home</p>" in body, host


@pytest.mark.parametrize("host", ["evil.example", f"evil.example:{8000}", "127.0.0.1.evil.example", ""])
def test_a_foreign_host_is_refused(server: int, host: str) -> None:
    status, headers, body = ask(server, "GET", "/", host=host)
    assert status == 403
    assert headers["content-type"] == "text/plain; charset=utf-8"
    assert b"<p>home</p>" not in body and b"DNS rebinding" in body
    assert ask(server, "GET", "/assets/site.css", host=host)[0] == 403
    assert ask(server, "GET", "/_impactsite/reload.js", host=host)[0] == 403


def test_a_host_that_is_not_a_name_is_refused(server: int) -> None:
    assert ask(server, "GET", "/", host="local host")[0] == 400  # tornado refuses it before we see it
    assert ask(server, "GET", "/", host="localhost:80x")[0] == 403


def test_head_is_answered_like_get_without_a_body(server: int) -> None:
    status, headers, body = ask(server, "HEAD", "/")
    get_status, get_headers, get_body = ask(server, "GET", "/")
    assert (status, get_status) == (200, 200)
    assert body == b"" and int(headers["content-length"]) == len(get_body)
    assert headers["content-type"] == get_headers["content-type"] == "text/html; charset=utf-8"
    assert ask(server, "HEAD", "/nope/")[0] == 404
    assert ask(server, "HEAD", "/_impactsite/reload.js")[0] == 200
    assert ask(server, "HEAD", "/", host="evil.example")[0] == 403


def test_other_methods_get_405(server: int) -> None:
    for method in ("POST", "PUT", "DELETE"):
        status, headers, _ = ask(server, method, "/")
        assert status == 405 and headers["allow"] == "GET, HEAD", method


def _socket(port: int, origin: str | None, host: str | None = None) -> str:
    """Open the live-reload socket with these headers; its hello answer, or the refusal's status."""

    async def go() -> str:
        headers = {}
        if origin is not None:
            headers["Origin"] = origin
        if host is not None:
            headers["Host"] = host
        request = httpclient.HTTPRequest(f"ws://127.0.0.1:{port}/livereload", headers=headers)
        try:
            conn = await websocket.websocket_connect(request)
        except httpclient.HTTPClientError as exc:
            return f"refused {exc.code}"
        conn.write_message(
            json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]})
        )
        answer = await conn.read_message()
        conn.close()
        await asyncio.wait_for(conn.read_message(), 10)  # None once the server has closed it too
        return json.loads(str(answer))["command"]

    # In a thread of its own: asyncio.run in the main thread would replace (and leave unclosed) the
    # loop another test made there.
    result: list[str] = []
    thread = threading.Thread(target=lambda: result.append(asyncio.run(go())))
    thread.start()
    thread.join(30)
    return result[0]


def test_the_reload_socket_opens_only_for_pages_of_this_server(server: int) -> None:
    assert _socket(server, f"http://127.0.0.1:{server}") == "hello"
    assert _socket(server, f"http://localhost:{server}") == "hello"
    assert _socket(server, None) == "hello"  # not a browser: no foreign page behind it
    assert _socket(server, "http://evil.example") == "refused 403"
    assert _socket(server, "null") == "refused 403"
    assert _socket(server, f"http://127.0.0.1:{server}", host="evil.example") == "refused 403"


def test_the_guard_for_every_interface_knows_this_machine() -> None:
    guard = Guard.for_host("0.0.0.0")
    assert guard.host_ok(socket.gethostname() + ":8000") and guard.host_ok("10.0.0.5:8000")
    assert not guard.host_ok("evil.example:8000")
    assert Guard.for_host("laptop.example").host_ok("laptop.example:8000")
