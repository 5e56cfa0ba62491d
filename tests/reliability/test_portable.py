"""Issue 14 item 7: the package runs where Linux's extras do not exist. The real command line builds,
rebuilds and publishes a removal with `fcntl`, `renameat2`, `fork` and `sched_getaffinity` gone
(see without_linux.py), and gives the same bytes as on Linux."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

from reliability_kit import AT_TEXT, change_to_version_2, small_site
from sitekit import AT, tree

from generator.build import build

HERE = pathlib.Path(__file__).resolve().parent


def portable_build(root: pathlib.Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(HERE / "without_linux.py"), "build", "--site", str(root), "--at", AT_TEXT],
        capture_output=True,
        text=True,
        cwd="/",
        env={**os.environ, "IMPACTSITE_NO_FSYNC": "1"},
        check=False,
        timeout=300,
    )


def test_the_cli_builds_without_linux_only_calls(tmp_path: pathlib.Path) -> None:
    portable = small_site(tmp_path / "portable")
    linux = small_site(tmp_path / "linux")
    first = portable_build(portable)
    assert first.returncode == 0, first.stderr
    assert "Traceback" not in first.stderr
    build(linux, AT)
    assert tree(portable / "output") == tree(linux / "output")
    for root in (portable, linux):
        change_to_version_2(root)
    second = portable_build(portable)  # the two-rename swap, the spare corrected without exchange
    assert second.returncode == 0, second.stderr
    build(linux, AT)
    assert tree(portable / "output") == tree(linux / "output")
    assert not (portable / ".impactsite" / "previous-output").exists()
