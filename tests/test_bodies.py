"""Stored and parallel body rendering give exactly what a cold, single-process render gives."""

from __future__ import annotations

import pathlib

import pytest

from generator import workers
from generator.cache.steps import Steps
from generator.cache.store import Store
from generator.content.model import Page
from generator.content.records import LazySource
from generator.render.bodies import BodyInput, render_bodies
from generator.render.markdown import MarkdownRenderer

TEXTS = [
    (f'Asha{i % 3} met *Rina* on day {i}.\n\n> "Hello," Asha{i % 3} said.\n', (f"Asha{i % 3}",), i % 2 == 0)
    for i in range(40)
]


def items() -> list[BodyInput]:
    out = []
    for i, (body, names, every) in enumerate(TEXTS):
        raw = f"---\ntitle: t\n---\n{body}".encode()
        page = Page(source=LazySource(f"content/pages/p{i}.md", raw), slug=f"p{i}", title="t")
        out.append(BodyInput(page, f"digest-{i}", names, every))  # type: ignore[arg-type]
    return out


def serial() -> list[tuple[str, tuple[str, ...]]]:
    r = MarkdownRenderer()
    return [(b.html, b.marked) for b in (r.render(body, names, every=every) for body, names, every in TEXTS)]


def rendered(steps: Steps) -> list[tuple[str, tuple[str, ...]]]:
    got = render_bodies(items(), steps, lambda *a: None)
    return [(got[i.story.path].html, got[i.story.path].marked) for i in items()]


def test_parallel_cold_render_equals_a_single_process_render(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "PARALLEL_MIN", 2)
    assert rendered(Steps(Store.memory())) == serial()


def test_stored_bodies_are_reused(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    steps = Steps(Store.open(tmp_path))
    first = rendered(steps)
    steps.finish(success=True)
    again = Steps(Store.open(tmp_path))
    assert rendered(again) == first and again.ran == {} and again.reused["body"] == len(TEXTS)
