"""Steps: the units of work a build reuses (parse a file, check a story, render a body or a page,
check a page). Like a Bazel action, a step is a pure function of what it reads; its key (Store.key)
is the digest of exactly that, so an edit re-runs exactly the steps whose inputs changed, and a
result found under a key is the result a cold build would compute.

`Steps` puts the store and, for `serve`, an in-memory layer of decoded results in front of each
step. It holds no module-level state: `build` makes one per run, `serve` keeps one between rebuilds.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from generator.cache.store import Store

T = TypeVar("T")
Encode = Callable[[Any], Any]  # result → JSON-able value
Decode = Callable[[Any], Any]  # JSON value → result


def _identity(value: Any) -> Any:
    return value


class Steps:
    def __init__(self, store: Store, *, in_memory: bool = False) -> None:
        self.store = store
        self.in_memory = in_memory  # serve: keep decoded results between rebuilds
        self._memory: dict[str, Any] = {}
        self._used: set[str] = set()
        self._objects: dict[str, tuple[str, Any]] = {}
        self._memos: dict[Any, Any] = {}
        self._next_memos: dict[Any, Any] = {}
        self.ran: dict[str, int] = {}  # kind → steps computed (not reused) in this build
        self.reused: dict[str, int] = {}

    def key(self, kind: str, *parts: str | bytes) -> str:
        return self.store.key(kind, *parts)

    def run(
        self,
        kind: str,
        parts: tuple[str | bytes, ...],
        compute: Callable[[], T],
        encode: Encode = _identity,
        decode: Decode = _identity,
        *,
        large: bool = False,
        keep: bool = True,
    ) -> T:
        """The result of `compute()`, reused when a step of this kind read the same `parts` before.
        `keep=False`: computed fresh every time and never stored (a step whose result can be wrong
        to reuse, e.g. one that read nothing stable)."""
        key = self.key(kind, *parts)
        found = self.lookup(key, decode)
        if found is not _MISSING:
            return found  # type: ignore[no-any-return]
        value = compute()
        if keep:
            self.remember(key, value, encode, large=large)
        else:
            self._count(self.ran, key)
        return value

    @staticmethod
    def _count(table: dict[str, int], key: str) -> None:
        kind = key.partition(":")[0]
        table[kind] = table.get(kind, 0) + 1

    def lookup(self, key: str, decode: Decode = _identity) -> Any:
        if self.in_memory and key in self._memory:
            self._used.add(key)
            self.store.keep((key,))
            self._count(self.reused, key)
            return self._memory[key]
        raw = self.store.get(key)
        if raw is None:
            return _MISSING
        try:
            value = decode(json.loads(raw))
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            return _MISSING  # authentic but unreadable (cannot happen unless the code is wrong): recompute
        if self.in_memory:
            self._memory[key] = value
            self._used.add(key)
        self._count(self.reused, key)
        return value

    def remember(self, key: str, value: Any, encode: Encode = _identity, *, large: bool = False) -> None:
        self._count(self.ran, key)
        data = json.dumps(encode(value), separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        self.store.put(key, data, large=large)
        if self.in_memory:
            self._memory[key] = value
            self._used.add(key)

    def keep_object(self, kind: str, key: str, make: Callable[[], T]) -> T:
        """An object reused only within this process while `key` is the same (serve keeps a
        compiled theme this way); never stored."""
        if not self.in_memory:
            return make()
        slot = self._objects.get(kind)
        if slot is None or slot[0] != key:
            slot = self._objects[kind] = (key, make())
        return slot[1]  # type: ignore[no-any-return]

    def memo(self, kind: str, key: str, make: Callable[[], T]) -> T:
        """An in-memory result reused between serve's rebuilds while `key` (everything `make`
        reads) is the same: the same object, so what it caches on itself stays warm. Never stored."""
        if not self.in_memory:
            return make()
        full = kind + ":" + key
        found = self._memos.get(full, _MISSING)
        if found is _MISSING:
            found = make()
        self._next_memos[full] = found
        return found  # type: ignore[no-any-return]

    def memo_value(self, kind: str, key: Hashable, make: Callable[[], T]) -> T:
        """Like `memo`, keyed by a value's hash and equality (serve: equal page contexts, whose
        views are the same objects as last time, find their page key without hashing any text)."""
        if not self.in_memory:
            return make()
        try:
            found = self._memos.get((kind, key), _MISSING)
        except TypeError:  # something in the key cannot be hashed: no reuse
            return make()
        if found is _MISSING:
            found = make()
        self._next_memos[(kind, key)] = found
        return found  # type: ignore[no-any-return]

    def finish(self, *, success: bool) -> None:
        """After a build: keep what it used. A failed build keeps everything, so the next rebuild
        still finds the results of the last good one."""
        if success:
            if self.in_memory:
                self._memory = {k: v for k, v in self._memory.items() if k in self._used}
                self._memos, self._next_memos = self._next_memos, {}
            self.store.commit(prune=not self.in_memory)
        else:
            self.store.commit(prune=False)  # what was computed is still right; nothing is dropped
        self._used = set()

    def summary(self) -> str:
        kinds = sorted(set(self.ran) | set(self.reused))
        return ", ".join(f"{k} {self.ran.get(k, 0)} run/{self.reused.get(k, 0)} reused" for k in kinds)

    def reset_counts(self) -> None:
        self.ran.clear()
        self.reused.clear()


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


_MISSING: Any = _Missing()
MISSING = _MISSING
