"""The dev server's pieces without a browser: path resolution, error overlay, debounced rebuilds."""

from __future__ import annotations

import pathlib
import time

from generator.serve.http import resolve, respond
from generator.serve.server import SiteState, SiteWatcher

FILES = {
    "index.html": b"<html><head></head><body><p>home</p></body></html>",
    "stories/a/index.html": b'<html><head><meta http-equiv="Content-Security-Policy" content="x"></head><body>a</body></html>',
    "404.html": b"<html><head></head><body>missing</body></html>",
    "assets/site.css": b"body{}",
}


def call(state: SiteState, path: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    snap = state.snapshot()
    answer = respond(snap.files, snap.error, method, path, snap.blocked, snap.generation)
    return answer.status, dict(answer.headers), answer.body


def test_resolve_maps_clean_urls_and_refuses_traversal() -> None:
    assert resolve(FILES, "/") == ("index.html", False)
    assert resolve(FILES, "/stories/a/") == ("stories/a/index.html", False)
    assert resolve(FILES, "/stories/a") == ("stories/a/index.html", True)
    assert resolve(FILES, "/../../etc/passwd") == (None, False)
    assert resolve(FILES, "/stories/%2e%2e/%2e%2e/site.yaml") == (None, False)
    assert resolve(FILES, "/assets/site.css%00.html") == (None, False)


def state_with(
    files: dict[str, bytes], error: str | None = None, root: pathlib.Path = pathlib.Path(".")
) -> SiteState:
    state = SiteState(root, None, lambda m: None)
    state.files = dict(files)
    state.error = error
    return state


def test_pages_keep_their_policy_and_load_the_reload_script_from_a_file() -> None:
    state = state_with(FILES)
    state.generation = 7
    status, headers, body = call(state, "/stories/a/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    # The page's own strict policy stays: the reload client is a file ('self'), not an inline snippet.
    assert b'<meta http-equiv="Content-Security-Policy" content="x">' in body
    # The rebuild the page was served from: a page that connects after a newer rebuild reloads at once.
    assert b'<script src="/_impactsite/reload.js" data-generation="7" defer></script>\n</head>' in body
    assert b"<script>" not in body and b"style=" not in body
    assert headers["X-Robots-Tag"] == "noindex"


def test_the_last_good_build_is_served_with_the_error_over_it() -> None:
    status, _, body = call(
        state_with(FILES, error="content/stories/a.md:3:9: FRONT-MATTER: bad <b>"), "/stories/a/"
    )
    assert status == 200
    assert b'class="impactsite-overlay" role="alert"' in body and b"bad &lt;b&gt;" in body
    assert b">a</body>" in body and b"style=" not in body


def test_app_answers_404_with_the_404_page_and_refuses_posts() -> None:
    status, _, body = call(state_with(FILES), "/nope/")
    assert status == 404 and b"missing" in body
    status, headers, _ = call(state_with(FILES), "/", method="POST")
    assert status == 405 and headers["Allow"] == "GET, HEAD"


class CountingState(SiteState):
    def rebuild(self) -> bool:
        self.builds += 1
        return True


def test_a_burst_of_saves_gives_one_rebuild(tmp_path: pathlib.Path) -> None:
    (tmp_path / "content" / "stories").mkdir(parents=True)
    (tmp_path / "templates").mkdir()
    story = tmp_path / "content" / "stories" / "a.md"
    story.write_text("v0")
    state = CountingState(tmp_path, None, lambda m: None)
    watcher = SiteWatcher(state, interval=0.01, quiet=0.2)
    for i in range(20):  # twenty saves, each well inside the quiet period of the last
        story.write_text(f"v{i + 1}" * (i + 1))
        assert watcher.examine() == (None, None)
        time.sleep(0.005)
    assert state.builds == 0
    deadline = time.monotonic() + 2
    while state.builds == 0 and time.monotonic() < deadline:
        watcher.examine()
        time.sleep(0.02)
    assert state.builds == 1
    for _ in range(5):
        watcher.examine()
    assert state.builds == 1  # nothing changed since: no more rebuilds


def test_a_save_is_reported_by_the_file_system_not_found_by_polling(
    tmp_path: pathlib.Path, monkeypatch
) -> None:
    import asyncio
    import threading

    from tornado import ioloop

    (tmp_path / "content" / "stories").mkdir(parents=True)
    (tmp_path / "templates").mkdir()
    story = tmp_path / "content" / "stories" / "a.md"
    story.write_text("v0")
    state = CountingState(tmp_path, None, lambda m: None)
    monkeypatch.setattr(SiteWatcher, "SAFETY_POLL", 600.0)  # polling alone would take ten minutes
    watcher = SiteWatcher(state)
    started = threading.Event()
    loops: list[ioloop.IOLoop] = []

    def run() -> None:
        asyncio.set_event_loop(asyncio.new_event_loop())
        loop = ioloop.IOLoop.current()
        loops.append(loop)
        loop.add_callback(lambda: watcher.start(watcher.examine) and started.set())
        loop.start()
        loop.close(all_fds=True)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert started.wait(10) and watcher.observer is not None
    story.write_text("v1, saved")
    deadline = time.monotonic() + 10
    while state.builds == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    loops[0].add_callback(loops[0].stop)
    thread.join(10)
    watcher.observer.stop()
    assert state.builds == 1


def test_a_site_published_under_a_path_is_served_under_it() -> None:
    files = {"index.html": b"<html><head></head><body>home</body></html>", "assets/site.css": b"body{}"}
    home = respond(files, None, "GET", "/impact/", base="/impact")
    assert home.status == 200 and b"home" in home.body
    assert respond(files, None, "GET", "/impact/assets/site.css", base="/impact").body == b"body{}"
    assert dict(respond(files, None, "GET", "/", base="/impact").headers)["Location"] == "/impact/"
    assert dict(respond(files, None, "GET", "/impact", base="/impact").headers)["Location"] == "/impact/"
    assert (
        respond(files, None, "GET", "/assets/site.css", base="/impact").status == 404
    )  # not where it is hosted
    assert respond(files, None, "GET", "/impactx/", base="/impact").status == 404
    files["stories/a/index.html"] = b"<html><head></head><body>a</body></html>"
    slash = respond(files, None, "GET", "/impact/stories/a", base="/impact")
    assert slash.status == 301 and dict(slash.headers)["Location"] == "/impact/stories/a/"
