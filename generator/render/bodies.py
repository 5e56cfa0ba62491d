"""Story bodies: Markdown → sanitised HTML, one step per body, spread over the cores on a cold build.

A body's HTML is a pure function of its Markdown, the pseudonyms to mark and the marking mode (the
key), plus the generator's code and the versions of Markdown and nh3 (in every key, keys.py). It is
stored as a large entry; like every entry it is authenticated, so HTML written into the store by
anyone but this site's builds is never used.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from generator.cache.steps import MISSING, Steps
from generator.content.model import Story
from generator.render.markdown import MarkdownRenderer, RenderedBody
from generator.workers import fork_map

Job = tuple[str, tuple[str, ...], bool]  # (body, pseudonyms, mark every mention)


class BodyRenderer:
    """One Markdown instance per process, made on first use (a forked worker makes its own)."""

    def __init__(self) -> None:
        self._md: MarkdownRenderer | None = None

    def __call__(self, job: Job) -> tuple[str, tuple[str, ...]]:
        if self._md is None:
            self._md = MarkdownRenderer()
        body, names, every = job
        r = self._md.render(body, names, every=every)
        return r.html, r.marked


@dataclass(frozen=True)
class BodyInput:
    story: Story
    body_digest: str
    pseudonyms: tuple[str, ...]
    every: bool


def _decode(data: list[Any]) -> RenderedBody:
    html, marked = data
    return RenderedBody(str(html), tuple(str(m) for m in marked))


def body_parts(item: BodyInput) -> tuple[str, ...]:
    return (item.body_digest, "\0".join(item.pseudonyms), "every" if item.every else "first")


def render_bodies(
    items: Sequence[BodyInput],
    steps: Steps,
    progress: Callable[[str, int, int], None],
    renderer: BodyRenderer | None = None,
) -> dict[str, RenderedBody]:
    """Each story's rendered body, by source path: reused by key, the rest rendered in parallel."""
    out: dict[str, RenderedBody] = {}
    todo: dict[str, tuple[Job, list[str]]] = {}
    for item in items:
        key = steps.key("body", *body_parts(item))
        found = steps.lookup(key, _decode)
        if found is MISSING:
            job = (item.story.source.body, item.pseudonyms, item.every)
            todo.setdefault(key, (job, []))[1].append(item.story.path)
        else:
            out[item.story.path] = found
    keys = list(todo)
    render = renderer or BodyRenderer()
    results = fork_map(
        render, [todo[k][0] for k in keys], progress=lambda done: progress("render", done, len(keys))
    )
    for key, (html, marked) in zip(keys, results, strict=True):
        body = RenderedBody(html, marked)
        steps.remember(key, body, lambda b: [b.html, list(b.marked)], large=True)
        for path in todo[key][1]:
            out[path] = body
    return out
