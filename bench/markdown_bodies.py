"""Time the story-body renderer on the bench corpus: N bodies through MarkdownRenderer.render.

    python bench/markdown_bodies.py --corpus DIR [--baseline OLD_markdown.py] [--rounds 5]

DIR holds the corpus's stories (`python3 bench/make_corpus.py --n 1000 --out DIR --flavor impactsite`).
Each --baseline (repeatable), a copy of another generator/render/markdown.py, is timed in the same
run, rounds alternating, so all see the same machine load. Prints the best and median seconds per round.
"""

from __future__ import annotations

import argparse
import importlib.util
import pathlib
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from generator.render import markdown as current


def bodies(corpus: pathlib.Path) -> list[tuple[str, tuple[str, ...]]]:
    """Each story's body and its pseudonyms (as the build passes them)."""
    import yaml

    out = []
    for path in sorted(corpus.glob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        people = yaml.safe_load(front).get("people") or []
        out.append((body, tuple(p["name"] for p in people if p.get("name_type") == "pseudonym")))
    return out


def load(path: pathlib.Path) -> Any:
    spec = importlib.util.spec_from_file_location(f"markdown_{path.stem}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def timer(module: Any, items: list[tuple[str, tuple[str, ...]]]) -> Callable[[], float]:
    renderer = module.MarkdownRenderer()

    def run() -> float:
        start = time.perf_counter()
        for body, names in items:
            renderer.render(body, names)
        return time.perf_counter() - start

    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=pathlib.Path, required=True)
    parser.add_argument("--baseline", type=pathlib.Path, action="append", default=[])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--n", type=int, default=1000)
    args = parser.parse_args(argv)
    items = bodies(args.corpus)[: args.n]
    runs = {"current": timer(current, items)}
    for path in args.baseline:
        runs[path.stem] = timer(load(path), items)
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.rounds):
        for name, run in runs.items():
            times[name].append(run())
    print(f"{len(items)} bodies, {args.rounds} rounds")
    for name, ts in times.items():
        print(f"{name:16} best {min(ts):.3f} s  median {statistics.median(ts):.3f} s")
    for path in args.baseline:
        ratio = statistics.median(times["current"]) / statistics.median(times[path.stem])
        print(f"current / {path.stem} (medians): {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
