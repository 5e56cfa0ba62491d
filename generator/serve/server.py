"""`impactsite serve`: build in memory, serve on 127.0.0.1, rebuild on save, reload the browser.

The site is held in memory (the dev server never writes output/), so it can only ever serve what
the last good build made: no path can reach a file outside it. A save starts a rebuild once the
files have been quiet for a moment (watcher.py); the rebuild re-runs only the steps the save
touched (rebuild.py); requests are answered by http.py. livereload (tornado) provides the server
and the browser side of reloading.
"""

from __future__ import annotations

import datetime as dt
import pathlib

from generator.serve.http import App, error_overlay, resolve
from generator.serve.rebuild import Log, SiteState
from generator.serve.watcher import SiteWatcher

__all__ = ["App", "SiteState", "SiteWatcher", "error_overlay", "resolve", "serve"]


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
