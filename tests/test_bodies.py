"""Cached and parallel body rendering give exactly what a cold, single-process render gives."""

from __future__ import annotations

import json
import pathlib

from generator.render import bodies
from generator.render.bodies import render_bodies
from generator.render.markdown import MarkdownRenderer

JOBS = [
    (f'Asha{i % 3} met *Rina* on day {i}.\n\n> "Hello," Asha{i % 3} said.\n', (f"Asha{i % 3}",), i % 2 == 0)
    for i in range(240)
]


def serial() -> list[tuple[str, tuple[str, ...]]]:
    r = MarkdownRenderer()
    return [(b.html, b.marked) for b in (r.render(body, names, every=every) for body, names, every in JOBS)]


def test_parallel_cold_render_equals_a_single_process_render(tmp_path: pathlib.Path) -> None:
    got = render_bodies(JOBS, tmp_path, workers=2)
    assert len(JOBS) >= bodies.PARALLEL_MIN
    assert [(b.html, b.marked) for b in got] == serial()


def test_cache_is_reused_and_a_corrupt_cache_is_rebuilt(tmp_path: pathlib.Path, monkeypatch) -> None:
    first = render_bodies(JOBS[:10], tmp_path, workers=1)
    calls: list[int] = []
    original = bodies._render_chunk
    monkeypatch.setattr(bodies, "_render_chunk", lambda jobs: calls.append(len(jobs)) or original(jobs))
    assert render_bodies(JOBS[:10], tmp_path, workers=1) == first and calls == []
    (tmp_path / "bodies.json").write_text("{not json")
    assert render_bodies(JOBS[:10], tmp_path, workers=1) == first and calls == [10]
    data = json.loads((tmp_path / "bodies.json").read_text())
    key = next(iter(data["bodies"]))
    data["bodies"][key] = ["<p>tampered</p>"]  # malformed entry: not trusted
    (tmp_path / "bodies.json").write_text(json.dumps(data))
    assert render_bodies(JOBS[:10], tmp_path, workers=1) == first


def test_unused_entries_are_dropped(tmp_path: pathlib.Path) -> None:
    render_bodies(JOBS[:10], tmp_path, workers=1)
    render_bodies(JOBS[:3], tmp_path, workers=1)
    assert len(json.loads((tmp_path / "bodies.json").read_text())["bodies"]) == 3
