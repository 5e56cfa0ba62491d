"""Determinism: the same sources built with the same --at give byte-identical output, whatever the
hash seed, the order the file system lists files in, the machine's time zone and locale, the folder
the command runs from, and whether the caches are cold or warm.

The site is the example site shipped in the repository (stories, pages, a picture). The builds that
vary the process's environment run `python -m generator build` in a new process each.
"""

from __future__ import annotations

import os
import pathlib
import random
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from typing import Any, Self

import pytest
from reliability_kit import REPO, build_args, cli
from sitekit import AT, tree

from generator.build import build


def example_site(dst: pathlib.Path) -> pathlib.Path:
    shutil.copytree(REPO / "content", dst / "content")
    shutil.copy(REPO / "site.yaml", dst / "site.yaml")
    return dst


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """A build in a new process with a fixed hash seed, in UTC, in the C.UTF-8 locale."""
    root = example_site(tmp_path_factory.mktemp("reference"))
    result = cli(
        *build_args(root),
        env={"PYTHONHASHSEED": "0", "TZ": "UTC", "LC_ALL": "C.UTF-8", "IMPACTSITE_NO_FSYNC": "1"},
    )
    assert result.returncode == 0, result.stderr
    files = tree(root / "output")
    assert any(p.startswith("images/") for p in files) and len(files) > 30  # a real site, pictures included
    return files


ELSEWHERE = [
    pytest.param({"PYTHONHASHSEED": "1", "TZ": "Pacific/Kiritimati"}, "+1400", id="hash-seed-1-UTC+14"),
    pytest.param(
        {"PYTHONHASHSEED": "random", "TZ": "America/St_Johns", "LC_ALL": "C"},
        "-0330",
        id="random-hash-seed-UTC-03:30-C-locale",
    ),
]


@pytest.mark.parametrize(("env", "offset"), ELSEWHERE)
def test_another_process_seed_time_zone_and_locale_give_the_same_bytes(
    env: dict[str, str], offset: str, reference: dict[str, bytes], tmp_path: pathlib.Path
) -> None:
    # First prove the machine really is in that time zone for a process with this environment.
    probe = subprocess.run(
        [sys.executable, "-c", "import time; print(time.strftime('%z', time.localtime(1795000000)))"],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=True,
    )
    assert probe.stdout.strip() == offset
    root = example_site(tmp_path / "somewhere" / "else")
    result = cli(*build_args(root), env={**env, "IMPACTSITE_NO_FSYNC": "1"})
    assert result.returncode == 0, result.stderr
    assert tree(root / "output") == reference


class Listing:
    """What os.scandir returns (an iterator and a context manager), over a list we chose the order of."""

    def __init__(self, entries: list[os.DirEntry[str]]) -> None:
        self.entries = iter(entries)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def __iter__(self) -> Self:
        return self

    def __next__(self) -> os.DirEntry[str]:
        return next(self.entries)

    def close(self) -> None:
        return None


ORDERS: dict[str, Callable[[list[Any]], list[Any]]] = {
    "reversed": lambda names: names[::-1],
    "shuffled": lambda names: random.Random(len(names)).sample(names, len(names)),
}


@pytest.fixture(params=sorted(ORDERS))
def listing_order(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Every directory listing (os.listdir, os.scandir, so pathlib's iterdir, glob and rglob too)
    comes back in another order than the file system's."""
    order = ORDERS[request.param]
    real_scandir, real_listdir = os.scandir, os.listdir
    calls = 0

    def scandir(path: Any = ".") -> Listing:
        nonlocal calls
        calls += 1
        with real_scandir(path) as it:
            return Listing(order(list(it)))

    def listdir(path: Any = ".") -> list[Any]:
        nonlocal calls
        calls += 1
        return order(real_listdir(path))

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "listdir", listdir)
    yield request.param
    assert calls > 0  # the build did list folders through them


def test_the_order_folders_are_listed_in_does_not_matter(
    listing_order: str, reference: dict[str, bytes], tmp_path: pathlib.Path
) -> None:
    root = example_site(tmp_path / "site")
    build(root, AT)
    assert tree(root / "output") == reference


def test_warm_caches_give_the_same_bytes_as_cold_ones(
    reference: dict[str, bytes], tmp_path: pathlib.Path
) -> None:
    root = example_site(tmp_path / "site")
    build(root, AT)
    assert (root / ".impactsite" / "store.sqlite").is_file()
    shutil.rmtree(root / "output")
    build(root, AT)  # every picture and body from the cache
    assert tree(root / "output") == reference
