"""Parallel checks give exactly the findings of a single-process run, and a parallel build
exactly the bytes of a serial one."""

from __future__ import annotations

import pathlib

from sitekit import AT, make_site, story_md

from generator import build
from generator.render import bodies


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


def test_parallel_checks_equal_serial_checks(tmp_path: pathlib.Path, monkeypatch) -> None:
    root = make_site(tmp_path, stories(12))
    site = build.load_site(root, AT)
    serial = build.run_checks(site, AT)
    monkeypatch.setattr(build, "PARALLEL_CHECKS_MIN", 2)
    parallel = build.run_checks(site, AT)
    assert parallel == serial and len(serial[0]) > 12


def test_parallel_and_cached_builds_equal_a_cold_serial_build(tmp_path: pathlib.Path, monkeypatch) -> None:
    from sitekit import approve_story

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
    monkeypatch.setattr(build, "PARALLEL_CHECKS_MIN", 2)
    monkeypatch.setattr(bodies, "PARALLEL_MIN", 2)
    build.build(roots[1], AT)
    build.build(roots[1], AT)  # again, from the cache

    def tree(root: pathlib.Path) -> dict[str, bytes]:
        out = root / "output"
        return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}

    assert tree(roots[0]) == tree(roots[1])
