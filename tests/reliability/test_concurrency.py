"""Two builds at once on one site: the second waits for the first (or, past its patience, stops with a
clear message); output/ always holds one whole build, never a mix of two.

The first build is a real process frozen inside the build lock (stop_at.py "swap": its new build is
staged, the swap not yet done); the second is started while it is frozen.
"""

from __future__ import annotations

import functools
import os
import pathlib
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from reliability_kit import (
    B,
    build_args,
    change_to_version_2,
    copy_site,
    kill,
    small_site,
    staging_leftovers,
    start_stopping_build,
    wait_until_stopped,
)
from sitekit import AT, approve_story, tree

import generator.build
import generator.output.publish
from generator.build import build
from generator.cli import main
from generator.output import writer as output

pytestmark = pytest.mark.skipif(not pathlib.Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")


@pytest.fixture
def site(tmp_path: pathlib.Path) -> pathlib.Path:
    """Version 1 built, version 2 in the sources."""
    root = small_site(tmp_path / "site")
    build(root, AT)
    change_to_version_2(root)
    return root


def change_to_version_3(root: pathlib.Path) -> None:
    path = root / B
    path.write_text(path.read_text().replace("Back at School in Nashik", "Top of the Class in Nashik"))
    approve_story(root, B)


def built_elsewhere(root: pathlib.Path, tmp_path: pathlib.Path, name: str) -> dict[str, bytes]:
    """What a build of the site's current sources gives, made in a copy."""
    copy = copy_site(root, tmp_path / name)
    build(copy, AT)
    return tree(copy / "output")


def start_plain_build(root: pathlib.Path, log: pathlib.Path) -> subprocess.Popen[bytes]:
    with open(log, "wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "generator", *build_args(root)],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd="/",
        )


def wait_for_text(log: pathlib.Path, text: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while text not in log.read_text():
        if proc.poll() is not None or time.monotonic() > deadline:
            kill(proc)
            raise AssertionError(f"never printed {text!r}:\n{log.read_text()}")
        time.sleep(0.02)


def wait_at_lock(log: pathlib.Path, proc: subprocess.Popen[bytes]) -> None:
    """The lock covers the whole build, reading included: a waiting build has read nothing yet."""
    time.sleep(1.5)
    assert proc.poll() is None, log.read_text()
    assert "reading" not in log.read_text()


def test_a_second_build_waits_for_the_first_then_swaps_in_its_own_build_whole(
    site: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    v1 = tree(site / "output")
    first_log, second_log = tmp_path / "first.log", tmp_path / "second.log"
    first = start_stopping_build(site, "swap", log=first_log)
    second = None
    try:
        wait_until_stopped(first, first_log)  # holds the lock, its version 2 staged
        change_to_version_3(site)
        v3 = built_elsewhere(site, tmp_path, "v3")
        second = start_plain_build(site, second_log)
        wait_at_lock(second_log, second)
        time.sleep(0.5)
        assert second.poll() is None, second_log.read_text()  # still waiting
        assert tree(site / "output") == v1
        os.kill(first.pid, signal.SIGCONT)
        assert first.wait(timeout=60) == 0, first_log.read_text()
        assert second.wait(timeout=60) == 0, second_log.read_text()
    finally:
        kill(first)
        if second is not None:
            kill(second)
    assert "Built 3 stories" in first_log.read_text() and "Built 3 stories" in second_log.read_text()
    assert tree(site / "output") == v3  # the later build, whole
    assert staging_leftovers(site) == []


def test_a_second_build_that_cannot_wait_longer_stops_with_a_clear_message(
    site: pathlib.Path, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    v1 = tree(site / "output")
    log = tmp_path / "first.log"
    first = start_stopping_build(site, "swap", log=log)
    try:
        wait_until_stopped(first, log)
        monkeypatch.setattr(
            generator.output.publish, "build_lock", functools.partial(output.build_lock, wait_seconds=0.3)
        )
        result = CliRunner().invoke(main, build_args(site))
    finally:
        kill(first)
    assert result.exit_code == 1
    assert (
        result.stderr.splitlines()[-1]
        == "Error: another impactsite build is running on this site; try again when it has finished"
    )
    assert "Traceback" not in result.output
    assert tree(site / "output") == v1


def test_a_build_killed_while_another_waits_does_not_block_it(
    site: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    """The lock is an flock: the kernel releases it when its holder dies, so a crash never leaves
    a stale lock behind, and the waiting build also clears the dead one's staging folder."""
    first_log, second_log = tmp_path / "first.log", tmp_path / "second.log"
    v2 = built_elsewhere(site, tmp_path, "v2")
    first = start_stopping_build(site, "swap", log=first_log)
    second = None
    try:
        wait_until_stopped(first, first_log)
        second = start_plain_build(site, second_log)
        wait_at_lock(second_log, second)
        kill(first)
        assert second.wait(timeout=60) == 0, second_log.read_text()
    finally:
        kill(first)
        if second is not None:
            kill(second)
    assert tree(site / "output") == v2
    assert staging_leftovers(site) == []


def test_a_build_of_older_sources_never_replaces_a_newer_build(
    site: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    import threading

    log = tmp_path / "first.log"
    first = start_stopping_build(site, "scan", log=log)  # holds the lock, has read version 2
    errors: list[BaseException] = []
    try:
        wait_until_stopped(first, log)
        path = site / B
        path.write_text(path.read_text().replace("withdrawn: false", "withdrawn: true"))

        def second_build() -> None:  # the newer sources: it must wait, then publish last
            try:
                build(site, AT)
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        waiter = threading.Thread(target=second_build)
        waiter.start()
        time.sleep(1.0)
        assert waiter.is_alive()  # waiting for the lock, not building from a stale read
        os.kill(first.pid, signal.SIGCONT)
        assert first.wait(timeout=60) == 0, log.read_text()
        waiter.join(timeout=120)
    finally:
        kill(first)
    assert errors == []
    newer = tree(site / "output")
    assert not any("b-back-at-school" in p for p in newer)  # the withdrawn story stayed out
