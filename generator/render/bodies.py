"""Story bodies rendered once: cached by content hash, and spread over every core on a cold build.

Rendering a body is a pure function of (body text, pseudonyms, marking mode, generator version), so
its result can be reused across builds and computed in worker processes. The cache is a JSON file
in .impactsite/cache/ (never pickle: the cache must not be able to run code); a missing, stale or
corrupt cache is simply rebuilt, and entries not used by a build are dropped.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import json
import os
import pathlib
from collections.abc import Sequence

import markdown

from generator import __version__
from generator.render.markdown import MarkdownRenderer, RenderedBody

CACHE_VERSION = f"bodies-2/{__version__}/markdown-{markdown.__version__}"
PARALLEL_MIN = 200  # below this, starting workers costs more than it saves

Job = tuple[str, tuple[str, ...], bool]  # (body, pseudonyms, mark every mention)

_worker_renderer: MarkdownRenderer | None = None


def _key(job: Job) -> str:
    body, names, every = job
    h = hashlib.sha256(CACHE_VERSION.encode())
    h.update(json.dumps([names, every]).encode())
    h.update(body.encode("utf-8"))
    return h.hexdigest()


def _render_chunk(jobs: Sequence[Job]) -> list[tuple[str, tuple[str, ...]]]:
    global _worker_renderer
    if _worker_renderer is None:
        _worker_renderer = MarkdownRenderer()
    out = []
    for body, names, every in jobs:
        r = _worker_renderer.render(body, names, every=every)
        out.append((r.html, r.marked))
    return out


def _load(path: pathlib.Path) -> dict[str, list]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if (
        not isinstance(data, dict)
        or data.get("version") != CACHE_VERSION
        or not isinstance(data.get("bodies"), dict)
    ):
        return {}
    return data["bodies"]


def render_bodies(
    jobs: Sequence[Job],
    cache_dir: pathlib.Path | None,
    workers: int | None = None,
    memory: dict[str, tuple[str, tuple[str, ...]]] | None = None,
) -> list[RenderedBody]:
    """Render every job, reusing the cache and using worker processes for a large remainder.

    `memory` (serve keeps one between rebuilds) is looked at first; the file only when it lacks
    something, and it then holds exactly this call's bodies."""
    cache_file = cache_dir / "bodies.json" if cache_dir is not None else None
    keys = [_key(j) for j in jobs]
    results: dict[str, tuple[str, tuple[str, ...]]] = {}
    if memory is not None:
        results = {k: memory[k] for k in keys if k in memory}
    # serve keeps bodies in memory: once it has them, the file (megabytes of JSON) is neither read
    # nor rewritten for the one or two bodies an edit changes.
    use_file = cache_file is not None and not memory
    cached = (
        _load(cache_file) if use_file and cache_file is not None and len(results) < len(set(keys)) else {}
    )
    for k in keys:
        entry = cached.get(k)
        if k not in results and isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], str):
            results[k] = (entry[0], tuple(entry[1]))
    todo = [(k, j) for k, j in zip(keys, jobs, strict=True) if k not in results]
    todo = list({k: (k, j) for k, j in todo}.values())
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if len(todo) >= PARALLEL_MIN and workers > 1:
        size = max(1, -(-len(todo) // (workers * 4)))
        chunks = [todo[i : i + size] for i in range(0, len(todo), size)]
        with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
            for chunk, rendered in zip(
                chunks, pool.map(_render_chunk, [[j for _, j in c] for c in chunks]), strict=True
            ):
                for (k, _), r in zip(chunk, rendered, strict=True):
                    results[k] = r
    elif todo:
        for (k, _), r in zip(todo, _render_chunk([j for _, j in todo]), strict=True):
            results[k] = r
    if memory is not None:
        memory.clear()
        memory.update((k, results[k]) for k in keys)
    if use_file and cache_file is not None and (todo or (cached and len(cached) != len(set(keys)))):
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache_file.with_suffix(".tmp")
        used = {k: [results[k][0], list(results[k][1])] for k in sorted(set(keys))}
        tmp.write_text(
            json.dumps({"version": CACHE_VERSION, "bodies": used}, ensure_ascii=False), encoding="utf-8"
        )
        os.replace(tmp, cache_file)
    return [RenderedBody(*results[k]) for k in keys]
