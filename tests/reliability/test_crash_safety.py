"""Crash safety: a build killed at any moment leaves output/ exactly as the last good build left it,
and the next build succeeds.

Each test starts a real `impactsite build` in another process and SIGKILLs it (no handler, no
`finally`, as if the power went). To kill at an exact point, the build runs through stop_at.py, which
freezes the process (SIGSTOP) when it reaches a named function; the test waits for the freeze, then
kills. The timed tests kill a plain `python -m generator build` after a delay instead, with no hook at all.

The site: version 1 is built (the last good build); version 2 edits a story, adds a story with a
new picture and withdraws a story's consent. Until the swap, output/ must be version 1 byte for byte;
from the swap on, version 2. Never anything else. The withdrawn story must also still be listed for
takedown by the next build, whatever the kill interrupted.
"""

from __future__ import annotations

import pathlib
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from reliability_kit import (
    build_args,
    change_to_version_2,
    copy_site,
    kill,
    small_site,
    staging_leftovers,
    start_stopping_build,
    wait_until_stopped,
)
from sitekit import AT, tree

from generator.build import build

WITHDRAWN = "https://stories.example.org/stories/c-a-safe-home/"
BEFORE_THE_SWAP = [
    "parse",
    "check",
    "render",
    "image",
    "scan",
    "staging",
    "staging-half",
    "swap",
]
AFTER_THE_SWAP = ["swapped", "image-cache", "state"]  # image-cache: the store's one write, after the swap

pytestmark = pytest.mark.skipif(not pathlib.Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")


@dataclass(frozen=True)
class Versions:
    site: pathlib.Path  # output/ and .impactsite/ of version 1, sources of version 2
    v1: dict[str, bytes]
    v2: dict[str, bytes]


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> Versions:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("IMPACTSITE_NO_FSYNC", "1")
        site = small_site(tmp_path_factory.mktemp("crash") / "site")
        build(site, AT)
        v1 = tree(site / "output")
        change_to_version_2(site)
        reference = copy_site(site, site.parent / "reference")
        build(reference, AT)
        v2 = tree(reference / "output")
    assert v1 != v2
    return Versions(site, v1, v2)


def next_build_succeeds(root: pathlib.Path, versions: Versions) -> None:
    """The next build publishes version 2 whole, leaves nothing behind, and the withdrawn story is
    listed for takedown by it, unless the killed build got as far as listing it itself."""
    takedown = root / ".impactsite" / "takedown.txt"
    listed_already = WITHDRAWN in takedown.read_text()
    report = build(root, AT)
    assert tree(root / "output") == versions.v2
    assert staging_leftovers(root) == []
    assert listed_already or (WITHDRAWN in report.takedown and WITHDRAWN + "\n" in takedown.read_text())


@dataclass(frozen=True)
class Frozen:
    root: pathlib.Path
    proc: subprocess.Popen[bytes]
    log: pathlib.Path


@pytest.fixture(scope="module")
def frozen_builds(
    versions: Versions, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Frozen]]:
    """One build per stop point, each on its own copy of the site, all started at once (startup
    is most of their time, so this is several times faster than one after the other)."""
    started: dict[str, Frozen] = {}
    try:
        for point in BEFORE_THE_SWAP + AFTER_THE_SWAP:
            root = copy_site(versions.site, tmp_path_factory.mktemp(point) / "site")
            log = root.parent / "build.log"
            started[point] = Frozen(root, start_stopping_build(root, point, log=log), log)
        yield started
    finally:
        for frozen in started.values():
            kill(frozen.proc)


@pytest.mark.parametrize("point", BEFORE_THE_SWAP + AFTER_THE_SWAP)
def test_a_build_killed_at_any_stage_leaves_one_whole_build_in_output(
    point: str, versions: Versions, frozen_builds: dict[str, Frozen]
) -> None:
    frozen = frozen_builds[point]
    wait_until_stopped(frozen.proc, frozen.log)
    kill(frozen.proc)
    assert tree(frozen.root / "output") == (versions.v1 if point in BEFORE_THE_SWAP else versions.v2)
    next_build_succeeds(frozen.root, versions)


def test_several_kills_in_a_row_then_a_build(versions: Versions, tmp_path: pathlib.Path) -> None:
    root = copy_site(versions.site, tmp_path / "site")
    for point in ("image", "staging-half"):
        log = tmp_path / f"{point}.log"
        proc = start_stopping_build(root, point, log=log)
        wait_until_stopped(proc, log)
        kill(proc)
        assert tree(root / "output") == versions.v1
    next_build_succeeds(root, versions)


def test_without_an_atomic_exchange_a_kill_between_the_two_renames_is_repaired_by_the_next_build(
    versions: Versions, tmp_path: pathlib.Path
) -> None:
    """The fallback for platforms without renameat2 has one instant that cannot be atomic: output/
    has been moved aside and the new build not yet moved in. The previous build is then whole in
    .impactsite/previous-output, and the next build puts it back before doing anything else."""
    root = copy_site(versions.site, tmp_path / "site")
    log = tmp_path / "build.log"
    proc = start_stopping_build(root, "between-renames", "--no-exchange", log=log)
    wait_until_stopped(proc, log)
    kill(proc)
    assert not (root / "output").exists()
    assert tree(root / ".impactsite" / "previous-output") == versions.v1
    next_build_succeeds(root, versions)


@pytest.fixture(scope="module")
def plain_build_seconds(versions: Versions, tmp_path_factory: pytest.TempPathFactory) -> float:
    """How long an unhurried `python -m generator build` of version 2 takes on this machine."""
    root = copy_site(versions.site, tmp_path_factory.mktemp("timed") / "site")
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "generator", *build_args(root)],
        capture_output=True,
        text=True,
        check=False,
        cwd="/",
    )
    assert result.returncode == 0, result.stderr
    assert tree(root / "output") == versions.v2
    return time.monotonic() - started


@pytest.mark.parametrize("fraction", [0.6, 0.9])
def test_a_plain_build_killed_after_a_delay_leaves_one_whole_build(
    fraction: float, plain_build_seconds: float, versions: Versions, tmp_path: pathlib.Path
) -> None:
    root = copy_site(versions.site, tmp_path / "site")
    with open(tmp_path / "build.log", "wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "generator", *build_args(root)],
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd="/",
        )
    time.sleep(plain_build_seconds * fraction)
    kill(proc)
    assert tree(root / "output") in (versions.v1, versions.v2)
    next_build_succeeds(root, versions)


def test_a_kill_before_the_store_is_written_costs_only_time(
    versions: Versions, tmp_path: pathlib.Path
) -> None:
    """The store is written in one SQLite transaction after the swap: a build killed before it
    leaves the previous store, and the next build (which finds the new output already in place)
    is a correct one."""
    root = copy_site(versions.site, tmp_path / "site")
    log = tmp_path / "build.log"
    proc = start_stopping_build(root, "image-cache", log=log)
    wait_until_stopped(proc, log)
    kill(proc)
    build(root, AT)
    assert tree(root / "output") == versions.v2
    assert not (root / ".impactsite" / "store.sqlite-journal").exists()


def test_a_kill_while_writing_the_build_state_never_loses_the_takedown_list(
    versions: Versions, tmp_path: pathlib.Path
) -> None:
    root = copy_site(versions.site, tmp_path / "site")
    log = tmp_path / "build.log"
    proc = start_stopping_build(root, "state-half", log=log)
    wait_until_stopped(proc, log)
    kill(proc)
    assert tree(root / "output") == versions.v2
    next_build_succeeds(root, versions)
