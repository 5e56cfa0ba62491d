"""Run the impactsite command line as if on a system without Linux's extras (macOS, Windows):

    python without_linux.py build --site SITE --at ...

`fcntl` cannot be imported, libc has no `renameat2` (no atomic exchange), `os.fork` and
`os.sched_getaffinity` do not exist. Every module of the package is imported first, so an import of
a Linux-only module anywhere at module level fails here, not in a user's hands.
"""

from __future__ import annotations

import importlib
import importlib.abc
import os
import pkgutil
import sys

BLOCKED = {"fcntl", "termios", "resource"}


class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name in BLOCKED:
            raise ImportError(f"{name} is not available on this system (simulated)")


sys.meta_path.insert(0, Block())
for name in BLOCKED:
    sys.modules.pop(name, None)
for attr in ("fork", "sched_getaffinity"):
    if hasattr(os, attr):
        delattr(os, attr)

import ctypes


class NoRenameat2:
    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def __getattr__(self, name: str) -> object:
        raise AttributeError(name)


ctypes.CDLL = NoRenameat2  # type: ignore[misc,assignment]

import generator

for module in pkgutil.walk_packages(generator.__path__, "generator."):
    if module.name != "generator.__main__":
        importlib.import_module(module.name)

from generator.cli import main

if __name__ == "__main__":
    sys.argv = ["impactsite", *sys.argv[1:]]
    main()
