"""Parallel steps give exactly what a single process gives: checks, bodies and whole builds."""

from __future__ import annotations

import pathlib

import pytest
from sitekit import AT, approve_story, make_site, story_md, tree

from generator import build, workers
from generator.cache.steps import Steps
from generator.cache.store import Store


def stories(n: int) -> dict[str, str]:
    files = {}
    for i in range(n):
        body = (
            f"Asha found work in month {i}. TODO check.\n\nCall +91 98300 4{i:04d} for news.\n"
            if i % 3 == 0
            else f"Asha found work, story {i}.\n"
        )
        files[f"content/stories/s{i:02d}.md"] = story_md(body, title=f"Story {i}")
    return files


def checks_of(root: pathlib.Path) -> tuple[list[object], list[object]]:
    steps = Steps(Store.memory())
    site = build.load_site(root, AT, steps=steps)
    return build.check_all(site, AT, steps, "site")  # type: ignore[return-value]


def test_parallel_checks_equal_serial_checks(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_site(tmp_path, stories(12))
    serial = checks_of(root)
    monkeypatch.setattr(workers, "PARALLEL_MIN", 2)
    parallel = checks_of(root)
    assert parallel == serial and len(serial[0]) > 12


def test_fork_map_keeps_order_and_survives_a_dead_worker() -> None:
    items = list(range(50))
    assert workers.fork_map(lambda x: x * x, items, minimum=2, workers=3) == [x * x for x in items]

    def dies_in_a_worker(x: int) -> int:
        import os

        if x == 7 and os.getpid() != parent:
            os._exit(9)  # a worker killed mid-way: its share is done by the caller
        return x + 1

    import os

    parent = os.getpid()
    assert workers.fork_map(dies_in_a_worker, items, minimum=2, workers=2) == [x + 1 for x in items]


def test_parallel_and_stored_builds_equal_a_cold_serial_build(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        f"content/stories/s{i:02d}.md": story_md(f"Asha found work, story {i}.\n", title=f"Story {i}")
        for i in range(8)
    }
    roots = []
    for name in ("serial", "parallel"):
        root = make_site(tmp_path / name, files)
        approve_story(root, *files)
        roots.append(root)
    build.build(roots[0], AT)
    monkeypatch.setattr(workers, "PARALLEL_MIN", 2)
    build.build(roots[1], AT)
    (roots[1] / ".impactsite/up-to-date.json").unlink()
    build.build(roots[1], AT)  # again, from the store
    assert tree(roots[0] / "output") == tree(roots[1] / "output")
