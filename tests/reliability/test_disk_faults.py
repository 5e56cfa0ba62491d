"""A full disk, a read-only disk or an output folder we may not write: a clear error (exit 1, no
traceback) and the previous output exactly as it was.

Where the machine allows it the faults are real: a tiny tmpfs filled to the brim, a read-only bind
mount, permission bits enforced on root by dropping CAP_DAC_OVERRIDE (setpriv). Those tests are
skipped where `mount` or `setpriv` is not allowed; the monkeypatched ones always run.
"""

from __future__ import annotations

import errno
import os
import pathlib
import shutil
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner, Result
from reliability_kit import build_args, change_to_version_2, cli, copy_site, small_site, staging_leftovers
from sitekit import AT, tree

from generator.build import build
from generator.cli import main
from generator.output import staging
from generator.output import writer as output

FULL = "Error: could not write the new build (the disk is full); the previous output is untouched"


def invoke(root: pathlib.Path) -> Result:
    result = CliRunner().invoke(main, build_args(root))
    assert "Traceback" not in result.output and "Internal error" not in result.output, result.output
    return result


def last_line(result: Result | subprocess.CompletedProcess[str]) -> str:
    return result.stderr.strip().splitlines()[-1]


@pytest.fixture
def site(tmp_path: pathlib.Path) -> pathlib.Path:
    """Version 1 built; version 2 in the sources (a new build would change output/)."""
    root = small_site(tmp_path / "site")
    build(root, AT)
    change_to_version_2(root)
    return root


def mount(*args: str) -> None:
    result = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        pytest.skip(f"cannot mount here ({result.stderr.strip() or 'needs root'})")


def unmount(path: pathlib.Path) -> None:
    subprocess.run(["umount", str(path)], capture_output=True, check=True)


@pytest.fixture
def tiny_disk(tmp_path: pathlib.Path) -> Iterator[pathlib.Path]:
    """An 8 MB tmpfs: room for the site, its output and not much more."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mount("-t", "tmpfs", "-o", "size=8m", "tmpfs", str(disk))
    try:
        yield disk
    finally:
        unmount(disk)


def fill(disk: pathlib.Path, leave: int) -> pathlib.Path:
    """Fill the disk until writing fails, then free `leave` bytes again."""
    filler = disk / "filler"
    chunk = b"\0" * 65536
    with open(filler, "wb") as fh:
        try:
            while True:
                fh.write(chunk)
                fh.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
            fh.truncate(max(0, fh.tell() - leave))  # tell(): what the disk actually took
    return filler


@pytest.mark.parametrize("leave", [0, 400_000], ids=["no-space-at-all", "space-for-part-of-the-build"])
def test_a_full_disk_stops_the_build_with_a_clear_error_and_keeps_the_previous_output(
    tiny_disk: pathlib.Path, leave: int
) -> None:
    root = small_site(tiny_disk / "site")
    build(root, AT)
    before = tree(root / "output")
    change_to_version_2(root)
    filler = fill(tiny_disk, leave)
    result = invoke(root)
    assert result.exit_code == 1
    # Which write meets the full disk first depends on how much is left: a cache or the new build.
    assert last_line(result) in (FULL, "Error: could not read or write a file (the disk is full)")
    assert tree(root / "output") == before
    assert staging_leftovers(root) == []
    filler.unlink()
    report = build(root, AT)  # space again: the next build goes through
    assert "/stories/d-new-friends/" in report.published


def test_a_write_that_fails_half_way_through_the_build_leaves_the_previous_output(
    site: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = tree(site / "output")
    writes = 0

    def open_until_the_disk_fills(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        nonlocal writes
        if "w" in mode:
            writes += 1
            if writes == 7:  # seven files of the new build (the lock is filelock's own)
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(file))
        return open(file, mode, *args, **kwargs)

    monkeypatch.setattr(
        staging, "open", open_until_the_disk_fills, raising=False
    )  # shadows the builtin there only
    result = invoke(site)
    assert (result.exit_code, last_line(result)) == (1, FULL)
    assert writes == 7
    assert tree(site / "output") == before
    assert staging_leftovers(site) == []


def test_a_full_disk_when_saving_the_build_state_is_a_clear_error(
    site: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """output/ is already swapped when the state is written; the error says what failed, and the
    next build still lists the withdrawn story for takedown (the record was not advanced)."""
    real_write_bytes = pathlib.Path.write_bytes

    def write_bytes(self: pathlib.Path, *args: Any, **kwargs: Any) -> int:
        if self.name.startswith(".last-build.json"):  # the temporary file it is written through
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))  # as write() reports it: no file name
        return real_write_bytes(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "write_bytes", write_bytes)
    result = invoke(site)
    assert (result.exit_code, last_line(result)) == (
        1,
        "Error: could not read or write a file (the disk is full)",
    )
    monkeypatch.undo()
    report = build(site, AT)
    assert "https://stories.example.org/stories/c-a-safe-home/" in report.takedown


def test_a_read_only_disk_gives_a_clear_error_and_changes_nothing(site: pathlib.Path) -> None:
    before = tree(site / "output")
    mount("--bind", str(site), str(site))
    try:
        mount("-o", "remount,ro,bind", str(site))
        result = invoke(site)
    finally:
        unmount(site)
    assert result.exit_code == 1
    assert last_line(result).startswith("Error: ") and "read-only" in last_line(result)
    assert tree(site / "output") == before


def without_root_privileges() -> list[str]:
    """A command prefix that makes permission bits apply to us: nothing as a normal user; as root,
    setpriv dropping the capabilities that let root ignore them."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permission bits cannot be enforced")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


def build_without_privileges(root: pathlib.Path) -> subprocess.CompletedProcess[str]:
    prefix = without_root_privileges()
    if not prefix:
        return cli(*build_args(root))
    return subprocess.run(
        [*prefix, sys.executable, "-m", "generator", *build_args(root)],
        capture_output=True,
        text=True,
        check=False,
        cwd="/",
    )


@pytest.mark.parametrize(
    ("locked", "message"),
    [
        (
            "output",
            (
                "Error: could not replace {root}/output (no permission to change {root}/output or the folder it "
                "is in); the previous output is untouched"
            ),
        ),
        (
            ".impactsite",
            "Error: could not write the new build (permission denied); the previous output is untouched",
        ),
        (
            ".impactsite/lock",
            "Error: cannot write to {root}/.impactsite (permission denied); nothing was changed",
        ),
    ],
    ids=["output", "build-state", "build-state-without-a-lock-file"],
)
def test_a_folder_we_may_not_write_gives_a_clear_error_and_keeps_the_previous_output(
    site: pathlib.Path, tmp_path: pathlib.Path, locked: str, message: str
) -> None:
    root = copy_site(site, tmp_path / "copy")
    before = tree(root / "output")
    if locked.endswith("/lock"):
        (root / locked).unlink()  # a first build in a fresh checkout whose .impactsite came from elsewhere
        locked = ".impactsite"
    (root / locked).chmod(0o555)
    try:
        result = build_without_privileges(root)
    finally:
        (root / locked).chmod(0o755)
    assert "Traceback" not in result.stderr and "Internal error" not in result.stderr, result.stderr
    assert (result.returncode, last_line(result)) == (1, message.format(root=root))
    assert tree(root / "output") == before
    assert staging_leftovers(root) == []


def test_without_an_atomic_exchange_a_failed_rename_puts_the_previous_output_back(
    site: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The two-rename fallback moves output/ aside first. If the new build then cannot be moved in,
    the previous one goes back; it used to stay in .impactsite/previous-output while the message
    said the output was untouched."""
    before = tree(site / "output")
    real_rename = os.rename

    def rename(src: Any, dst: Any) -> None:
        if pathlib.Path(src).name.startswith("staging-"):
            raise OSError(errno.EACCES, os.strerror(errno.EACCES), str(src), None, str(dst))
        real_rename(src, dst)

    monkeypatch.setattr(output, "exchange", lambda a, b: False)
    monkeypatch.setattr(os, "rename", rename)
    result = invoke(site)
    assert (result.exit_code, last_line(result)) == (
        1,
        (
            f"Error: could not replace {site}/output (no permission to change {site}/output or the folder it is in); "
            "the previous output is untouched"
        ),
    )
    assert tree(site / "output") == before
    assert staging_leftovers(site) == []
