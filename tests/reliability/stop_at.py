"""Run the impactsite command line, frozen at one named point of the build, for the crash tests.

    python stop_at.py POINT [--no-exchange] build --site SITE --at ...

This is `python -m generator`, except that one function of the pipeline is wrapped: when the build
reaches POINT the process sends itself SIGSTOP, which it cannot catch or ignore. The test sees the
process stopped (state T in /proc/PID/stat) and SIGKILLs it, so every kill lands exactly where it is
meant to, on every machine, with no timing guesswork. Nothing in generator/ knows about this.

`--no-exchange` makes the platform look as if it had no atomic directory exchange (renameat2), so
the two-rename fallback of generator/output.py is what runs.
"""

from __future__ import annotations

import functools
import os
import signal
import sys
from collections.abc import Callable
from typing import Any

import generator.build
import generator.cache.store
import generator.checks
import generator.content.discover
import generator.output.publish
import generator.output.staging
import generator.output.writer
import generator.render.images
import generator.render.markdown
import generator.safety
from generator.cli import main


def freeze() -> None:
    os.kill(os.getpid(), signal.SIGSTOP)


def stop_before(
    owner: Any, name: str, nth: int = 1, when: Callable[..., bool] = lambda *a, **k: True
) -> None:
    """Replace owner.name by a wrapper that freezes the process just before its nth matching call."""
    original = getattr(owner, name)
    calls = 0

    @functools.wraps(original)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        if when(*args, **kwargs):
            calls += 1
            if calls == nth:
                freeze()
        return original(*args, **kwargs)

    setattr(owner, name, wrapper)


def stop_after(owner: Any, name: str) -> None:
    """Replace owner.name by a wrapper that freezes the process just after its first call returns."""
    original = getattr(owner, name)

    @functools.wraps(original)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        freeze()
        return result

    setattr(owner, name, wrapper)


def _open_for_writing(*args: Any, **kwargs: Any) -> bool:
    mode = args[1] if len(args) > 1 else kwargs.get("mode", "r")
    return "w" in mode


# In pipeline order. Each comment says what has happened when the process freezes.
POINTS: dict[str, Callable[[], None]] = {
    # one source parsed, the others not yet
    "parse": lambda: stop_before(generator.content.discover, "parse_story", nth=2),
    # the safety rules have run on one story
    "check": lambda: stop_before(generator.safety, "check_story", nth=2),
    # the Markdown of the one body that changed about to be rendered (the others are reused)
    "render": lambda: stop_before(generator.render.markdown.MarkdownRenderer, "render", nth=1),
    # inside image processing: the new picture decoded and its first variant encoded
    "image": lambda: stop_before(generator.render.images, "_encode", nth=2),
    # every result (the processed picture among them) computed; the store's one write about to start
    "image-cache": lambda: stop_before(generator.cache.store.Store, "commit"),
    # every page rendered; the output scan about to start
    "scan": lambda: stop_before(generator.checks, "scan_output"),
    # the build lock taken; about to write the first file into the staging folder
    "staging": lambda: stop_before(generator.output.staging.Staging, "put"),
    # ten files of the new build written to the staging folder, the rest not
    "staging-half": lambda: setattr(generator.output.staging, "open", _stopping_open(10)),
    # the whole new build staged; the swap about to happen
    "swap": lambda: stop_before(generator.output.writer, "exchange"),
    # the swap done; the previous build (now in the staging folder) not yet deleted
    "swapped": lambda: stop_after(generator.output.writer, "exchange"),
    # output/ replaced; last-build.json, takedown.txt and next-change.json not yet written
    "state": lambda: stop_before(generator.output.publish, "write_state"),
    # output/ replaced and takedown.txt written; last-build.json not yet
    "state-half": lambda: stop_before(
        os, "replace", when=lambda src, dst, **k: os.path.basename(str(dst)) == "last-build.json"
    ),
    # (with --no-exchange) output/ moved aside, the new build not yet renamed into its place
    "between-renames": lambda: stop_before(
        os, "rename", when=lambda src, dst, **k: os.path.basename(src).startswith("staging-")
    ),
}


def _stopping_open(nth: int) -> Callable[..., Any]:
    """`open` for generator/output/staging.py only (a module global shadows the builtin): freeze at the nth write."""
    calls = 0

    def opener(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        if _open_for_writing(*args, **kwargs):
            calls += 1
            if calls == nth:
                freeze()
        return open(*args, **kwargs)

    return opener


if __name__ == "__main__":
    point, *rest = sys.argv[1:]
    if rest and rest[0] == "--no-exchange":
        rest = rest[1:]
        generator.output.writer.exchange = lambda a, b: False  # type: ignore[assignment]
    POINTS[point]()
    sys.argv = ["impactsite", *rest]
    main()
