"""Spread independent steps over the machine's cores.

Each worker is a forked copy of the build (it inherits the parsed site instead of receiving it
pickled, and no module-level state is needed to hand it over); it sends its results back through a
pipe, item by item, and the caller gets them in input order, exactly as a serial run would return
them. Where `fork` does not exist (Windows) or the job is small, everything runs in this process.
"""

from __future__ import annotations

import os
import pickle
import selectors
import struct
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
PARALLEL_MIN = 200  # items; below this, forking costs more than it saves
_HEADER = struct.Struct("<IQ")  # item index, payload length


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # type: ignore[attr-defined,unused-ignore]
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _work(fn: Callable[[T], R], items: Sequence[T], share: range, fd: int) -> int:
    """In a worker: each result of its share, framed, down the pipe. The exit status."""
    try:
        with os.fdopen(fd, "wb", buffering=1 << 16) as pipe:
            for i in share:
                data = pickle.dumps(fn(items[i]), protocol=pickle.HIGHEST_PROTOCOL)
                pipe.write(_HEADER.pack(i, len(data)) + data)
    except BaseException:  # noqa: BLE001 - the parent sees the missing results and does them itself
        return 1
    return 0


def fork_map(
    fn: Callable[[T], R],
    items: Sequence[T],
    *,
    progress: Callable[[int], None] = lambda done: None,
    minimum: int | None = None,
    workers: int | None = None,
) -> list[R]:
    """[fn(x) for x in items], in forked workers when that is worth it; `progress(done)` after each."""
    n = len(items)
    count = min(workers or cores(), n)
    if n < (minimum if minimum is not None else PARALLEL_MIN) or count < 2 or not hasattr(os, "fork"):
        out = []
        for i, item in enumerate(items, 1):
            out.append(fn(item))
            progress(i)
        return out
    results: list[R] = [None] * n  # type: ignore[list-item]
    got = bytearray(n)
    pids: list[int] = []
    sel = selectors.DefaultSelector()
    for w in range(count):
        r, wfd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker: compute its share, send each result, and leave without cleanup
            os.close(r)
            os._exit(_work(fn, items, range(w, n, count), wfd))
        os.close(wfd)
        pids.append(pid)
        sel.register(r, selectors.EVENT_READ, bytearray())
    done = 0
    while sel.get_map():
        for key, _ in sel.select():
            buf: bytearray = key.data
            chunk = os.read(key.fd, 1 << 20)
            if not chunk:
                sel.unregister(key.fd)
                os.close(key.fd)
                continue
            buf += chunk
            while len(buf) >= _HEADER.size:
                i, size = _HEADER.unpack_from(buf)
                if len(buf) < _HEADER.size + size:
                    break
                results[i] = pickle.loads(bytes(buf[_HEADER.size : _HEADER.size + size]))
                got[i] = 1
                del buf[: _HEADER.size + size]
                done += 1
                progress(done)
    failed = [pid for pid in pids if os.waitpid(pid, 0)[1] != 0]
    if failed or done != n:
        # A worker died (killed, out of memory): do its share here rather than fail the build.
        for i in range(n):
            if not got[i]:
                results[i] = fn(items[i])
    return results
