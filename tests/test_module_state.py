"""No module-level mutable state in config/, content/, the Markdown renderer and the engine (cache/,
render/, donor/, output/, serve/, the pipeline) (issue 15): no caches kept between calls (lru_cache,
weak dictionaries) and no mutable containers a call could change."""

from __future__ import annotations

import collections
import importlib
import pkgutil
import types
import weakref
from typing import Any

import pytest

import generator.cache
import generator.config
import generator.content
import generator.output
import generator.serve

MUTABLE = (
    dict,
    list,
    set,
    bytearray,
    collections.deque,
    weakref.WeakKeyDictionary,
    weakref.WeakValueDictionary,
)


def modules() -> list[str]:
    names = ["generator.build", "generator.checks", "generator.workers", "generator.donor.site"]
    names += [
        f"generator.render.{m}"
        for m in (
            "markdown",
            "sanitize",
            "bodies",
            "site",
            "pages",
            "output",
            "keys",
            "links",
            "values",
            "related",
            "policy",
        )
    ]
    for package in (generator.cache, generator.config, generator.content, generator.output, generator.serve):
        names += [f"{package.__name__}.{m.name}" for m in pkgutil.iter_modules(package.__path__)]
    return sorted(names)


def state(value: Any) -> str | None:
    if isinstance(value, MUTABLE):
        return type(value).__name__
    if callable(value) and hasattr(value, "cache_info"):
        return "a cache (lru_cache)"
    return None


@pytest.mark.parametrize("name", modules())
def test_no_module_level_mutable_state(name: str) -> None:
    module = importlib.import_module(name)
    found = {
        attr: what
        for attr, value in vars(module).items()
        if not attr.startswith("__")
        and not isinstance(value, types.ModuleType)
        and getattr(value, "__module__", name) in (name, None, "builtins", "collections", "weakref")
        and (what := state(value))
    }
    assert found == {}


def test_the_check_sees_a_cache_and_a_mutable_dict() -> None:
    import functools

    @functools.lru_cache
    def cached() -> int:
        return 1

    assert (state(cached), state({}), state(types.MappingProxyType({})), state(frozenset())) == (
        "a cache (lru_cache)",
        "dict",
        None,
        None,
    )
