"""`impactsite serve`: listens on 127.0.0.1 unless told otherwise (and warns when told), serves only
the build it holds in memory, survives a broken edit, and keeps working through hundreds of rapid
saves without leaking memory or file descriptors.

The server is a real `python -m generator serve` process; its file descriptors and memory are read
from /proc/PID.
"""

from __future__ import annotations

import contextlib
import http.client
import pathlib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from click.testing import CliRunner
from reliability_kit import AT_TEXT, illustration, picture
from sitekit import STORY, approve_story, make_site, story_md

import generator.serve.server
from generator.cli import main

ABOUT = "content/pages/about.md"

pytestmark = pytest.mark.skipif(not pathlib.Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    proc: subprocess.Popen[bytes]
    port: int
    log: pathlib.Path

    def get(self, path: str, host: str = "127.0.0.1", method: str = "GET") -> tuple[int, bytes]:
        """The path exactly as given (no client-side clean-up of `..` or `%2e`)."""
        conn = http.client.HTTPConnection(host, self.port, timeout=10)
        try:
            conn.request(method, path)
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    def wait_for(self, path: str, text: bytes, timeout: float = 30) -> bytes:
        deadline = time.monotonic() + timeout
        body = b""
        while time.monotonic() < deadline:
            body = self.get(path)[1]
            if text in body:
                return body
            time.sleep(0.05)
        raise AssertionError(
            f"{path} never showed {text!r}; last body {body[:300]!r}\n{self.log.read_text()[-2000:]}"
        )

    def open_files(self) -> int:
        return len(list(pathlib.Path(f"/proc/{self.proc.pid}/fd").iterdir()))

    def memory_kb(self) -> int:
        for line in pathlib.Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise AssertionError("no VmRSS")


def a_site(root: pathlib.Path) -> pathlib.Path:
    """A story with a picture (so each build holds a few hundred kilobytes: a leak would show), an
    about page and a draft."""
    root = make_site(
        root,
        {
            STORY: story_md(image=illustration("images/p.png", "A drawing of a garden")),
            "content/images/p.png": picture(4),
            ABOUT: "---\ntitle: About us\n---\nWe help.\n",
            "content/stories/draft.md": story_md(title="Not Ready Yet", status="draft"),
        },
    )
    approve_story(root)
    return root


@contextlib.contextmanager
def serving(site: pathlib.Path, log: pathlib.Path) -> Iterator[Server]:
    port = free_port()
    with open(log, "wb") as out:  # a file, not a pipe: a pipe nobody reads would fill up and stall the server
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "generator",
                "serve",
                "--site",
                str(site),
                "--port",
                str(port),
                "--at",
                AT_TEXT,
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd="/",
        )
    srv = Server(proc, port, log)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if srv.get("/")[0] == 200:
                    break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError("serve did not start:\n" + log.read_text())
            time.sleep(0.1)
        yield srv
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def site(tmp_path: pathlib.Path) -> pathlib.Path:
    return a_site(tmp_path / "site")


@pytest.fixture
def server(site: pathlib.Path, tmp_path: pathlib.Path) -> Iterator[Server]:
    """A server of its own, for a test that edits the site."""
    with serving(site, tmp_path / "serve.log") as srv:
        yield srv


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, pathlib.Path]]:
    """One server for the tests that only make requests."""
    folder = tmp_path_factory.mktemp("serve")
    site = a_site(folder / "site")
    with serving(site, folder / "serve.log") as srv:
        yield srv, site


def listening_addresses(port: int) -> list[str]:
    """Local addresses of sockets listening on `port` (IPv4 and IPv6), from /proc/net."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = pathlib.Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            local, state = row.split()[1], row.split()[3]
            address, _, hexport = local.partition(":")
            if int(hexport, 16) == port and state == "0A":  # LISTEN
                found.append(
                    socket.inet_ntop(socket.AF_INET, bytes.fromhex(address)[::-1])
                    if len(address) == 8
                    else address
                )
    return found


def test_serve_listens_on_127_0_0_1_only(shared: tuple[Server, pathlib.Path]) -> None:
    server, _ = shared
    assert listening_addresses(server.port) == ["127.0.0.1"]
    with pytest.raises(ConnectionRefusedError):
        server.get("/", host="127.0.0.2")  # another loopback address: not bound to every interface


@pytest.mark.parametrize(
    ("host", "warned"),
    [(None, False), ("localhost", False), ("::1", False), ("0.0.0.0", True), ("192.168.1.20", True)],
)
def test_serve_warns_when_told_to_listen_beyond_this_machine(
    site: pathlib.Path, monkeypatch: pytest.MonkeyPatch, host: str | None, warned: bool
) -> None:
    seen: dict[str, Any] = {}
    monkeypatch.setattr(generator.serve.server, "serve", lambda root, **kw: seen.update(kw))
    result = CliRunner().invoke(main, ["serve", "--site", str(site), *(["--host", host] if host else [])])
    assert result.exit_code == 0
    assert seen["host"] == (host or "127.0.0.1")
    warning = (
        f"Warning: serving on {host} makes unpublished drafts' checks and errors visible to your network."
    )
    assert (warning in result.stderr) is warned


TRAVERSALS = [
    "/../site.yaml",
    "/%2e%2e/site.yaml",
    "/stories/..%2f..%2fsite.yaml",
    "/stories/%2e%2e/%2e%2e/site.yaml",
    "//etc/passwd",
    "/..%5c..%5csite.yaml",
    "/site.yaml",
    "/content/stories/story.md",
    "/.impactsite/lock",
    "/assets/../../site.yaml",
    "/index.html%00.yaml",
    "/etc/passwd",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_serve_answers_only_from_the_build_it_holds(shared: tuple[Server, pathlib.Path], path: str) -> None:
    server, _ = shared
    status, body = server.get(path)
    assert status in (400, 404)
    assert b"base_url" not in body and b"root:" not in body and b"Not Ready Yet" not in body


def test_a_draft_is_served_only_as_a_labelled_noindex_preview(shared: tuple[Server, pathlib.Path]) -> None:
    server, _ = shared
    status, body = server.get("/stories/draft/")
    assert status == 200 and b"Preview \xe2\x80\x94 not published." in body and b"status: draft" in body
    assert b'<meta name="robots" content="noindex">' in body
    status, body = server.get("/stories/")
    assert b"/stories/draft/" not in body  # the listings are what build would publish


def test_serve_never_reads_files_from_disk_for_a_request(
    shared: tuple[Server, pathlib.Path], tmp_path: pathlib.Path
) -> None:
    """Links put into the site's folders after the build are not followed: the server has no path
    from a URL to a file, only a table of what the build made."""
    server, site = shared
    secret = tmp_path / "secret.txt"
    secret.write_text("PRIVATE KEY\n")
    (site / "output").mkdir(exist_ok=True)
    (site / "output" / "secret.txt").symlink_to(secret)
    (site / "templates").mkdir(exist_ok=True)
    (site / "templates" / "secret.txt").symlink_to(secret)
    for path in ("/secret.txt", "/output/secret.txt", "/templates/secret.txt"):
        status, body = server.get(path)
        assert status == 404 and b"PRIVATE KEY" not in body
    assert server.get("/", method="POST")[0] == 405


def test_serve_survives_a_broken_edit_and_recovers_when_it_is_fixed(
    server: Server, site: pathlib.Path
) -> None:
    about = site / ABOUT
    about.write_text("---\ntitle: [About us\n---\nHalf-typed.\n")
    body = server.wait_for("/about/", b'role="alert"')
    assert b"We help." in body  # the last good build, with the error over it
    assert b"content/pages/about.md:2:8: FRONT-MATTER: this [ is never closed" in body
    about.write_text("---\ntitle: About us\n---\nWe help again.\n")
    body = server.wait_for("/about/", b"We help again.")
    assert b'role="alert"' not in body


def test_two_hundred_rapid_saves_leak_neither_memory_nor_file_descriptors(
    server: Server, site: pathlib.Path
) -> None:
    about = site / ABOUT

    def save(i: int, text: str | None = None) -> None:
        about.write_text(text or f"---\ntitle: About us\n---\nSave number {i}.\n")

    for i in range(5):  # warm up: first rebuilds fill caches and import lazily loaded modules
        save(-i - 1)
        server.wait_for("/about/", f"Save number {-i - 1}.".encode())
    files_before, memory_before = server.open_files(), server.memory_kb()
    for i in range(200):
        save(i, "---\ntitle: [broken\n---\n" if i % 50 == 29 else None)  # four bursts end on a broken save
        if i % 50 == 29:  # the broken save is built and shown before the next burst, however slow the machine
            server.wait_for("/about/", b'role="alert"')
        time.sleep(0.25 if i % 10 == 9 else 0.002)  # bursts of ten, each followed by a rebuild
    server.wait_for("/about/", b"Save number 199.")
    assert server.get("/")[0] == 200
    assert server.get("/stories/story/")[0] == 200
    # The saves really did make it rebuild, many times (a rebuild that caught a save half-written,
    # the file truncated and not yet refilled, fails and is followed by another: that is fine).
    log = server.log.read_text()
    assert log.count("changed: ") >= 10, log[-2000:]
    assert "this [ is never closed" in log  # a broken save was built, shown, and then recovered from
    print(
        f"open files {files_before} -> {server.open_files()}, RSS {memory_before} -> {server.memory_kb()} kB"
    )
    assert server.open_files() <= files_before + 3
    assert server.memory_kb() <= memory_before + 8_000


def test_a_rebuild_that_fails_in_an_unexpected_way_keeps_the_server_and_the_last_good_build(
    site: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug in a rule, or a file vanishing while it is read, is shown over the page like any other
    error; it used to escape into the server's event loop, which printed a traceback and showed
    nothing in the browser."""
    logged: list[str] = []
    state = generator.serve.server.SiteState(site, None, logged.append)
    assert state.rebuild()
    good = state.files

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise FileNotFoundError(2, "No such file or directory", str(site / ABOUT))

    monkeypatch.setattr(generator.serve.server, "make", broken)
    monkeypatch.setattr(generator.serve.server, "make_preview", broken)  # serve's default: previews
    assert not state.rebuild()
    assert state.files is good
    assert (
        state.error
        == f"Internal error: FileNotFoundError: [Errno 2] No such file or directory: '{site / ABOUT}'"
    )
