"""Shared pieces of the reliability tests: a small site with work for every stage of a build, and
ways to run the real command line in another process.

A test module imports these (`from reliability_kit import ...`); pytest puts this folder on
sys.path because its test modules live here.
"""

from __future__ import annotations

import io
import os
import pathlib
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Mapping

from PIL import Image
from sitekit import approve_story, make_site, story_md

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[1]
AT_TEXT = "2026-11-20T00:00:00+00:00"
STOP_AT = HERE / "stop_at.py"

A = "content/stories/a-new-trade.md"
B = "content/stories/b-back-at-school.md"
C = "content/stories/c-a-safe-home.md"
D = "content/stories/d-new-friends.md"


def picture(seed: int, size: tuple[int, int] = (640, 420)) -> bytes:
    """A PNG of seeded noise: the same bytes every time, and real work for the image pipeline."""
    rng = random.Random(seed)
    pixels = bytes(rng.getrandbits(8) for _ in range(size[0] * size[1] * 3))
    buf = io.BytesIO()
    Image.frombytes("RGB", size, pixels).save(buf, "PNG")
    return buf.getvalue()


def illustration(src: str, alt: str) -> dict[str, object]:
    return {"src": src, "alt": alt, "identifiable": False, "treatment": "illustration"}


def small_site(root: pathlib.Path) -> pathlib.Path:
    """Version 1 of a small site: three approved stories (two with pictures) and an about page."""
    root = make_site(
        root,
        {
            A: story_md(title="A New Trade in Pune"),
            B: story_md(
                "Rina is back at school.\n\nShe walks there with her friends.\n",
                title="Back at School in Nashik",
                summary="Rina is studying for her exams.",
                people=[
                    {
                        "name": "Rina",
                        "role": "survivor",
                        "name_type": "pseudonym",
                        "minor": False,
                        "consent": "C-1",
                    }
                ],
                image=illustration("images/school.png", "A drawing of a school gate in the morning"),
            ),
            C: story_md(
                "Meera has a home of her own.\n",
                title="A Safe Home in Mysuru",
                summary="Meera has moved into a flat.",
                people=[
                    {
                        "name": "Meera",
                        "role": "survivor",
                        "name_type": "pseudonym",
                        "minor": False,
                        "consent": "C-1",
                    }
                ],
                image=illustration("images/home.png", "A drawing of a small house with a lit window"),
            ),
            "content/pages/about.md": "---\ntitle: About us\n---\nWe help people rebuild their lives.\n",
            "content/images/school.png": picture(1),
            "content/images/home.png": picture(2),
        },
    )
    approve_story(root, A, B, C)
    return root


def change_to_version_2(root: pathlib.Path) -> None:
    """Edit a story, add a story with a new picture and withdraw C's consent (so its pages come down)."""
    path = root / A
    path.write_text(path.read_text().replace("A New Trade in Pune", "A New Trade, and a New Start, in Pune"))
    (root / "content/images/friends.png").write_bytes(picture(3))
    (root / D).write_text(
        story_md(
            "Sita has made new friends.\n",
            title="New Friends in Thane",
            summary="Sita has joined a club.",
            people=[
                {
                    "name": "Sita",
                    "role": "survivor",
                    "name_type": "pseudonym",
                    "minor": False,
                    "consent": "C-1",
                }
            ],
            image=illustration("images/friends.png", "A drawing of three friends on a bench"),
        )
    )
    path = root / C
    path.write_text(path.read_text().replace("withdrawn: false", "withdrawn: true"))
    approve_story(root, A, D)


def copy_site(src: pathlib.Path, dst: pathlib.Path) -> pathlib.Path:
    """A copy with its output and build state (the marker and cache come along, symlinks stay links)."""
    shutil.copytree(src, dst, symlinks=True)
    return dst


def cli(
    *args: str, env: Mapping[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run `python -m generator ARGS` in a new process, from a folder that is not the repository."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        cwd="/",
        check=False,
    )


def build_args(root: pathlib.Path) -> list[str]:
    return ["build", "--site", str(root), "--at", AT_TEXT]


def start_stopping_build(
    root: pathlib.Path, point: str, *extra: str, log: pathlib.Path
) -> subprocess.Popen[bytes]:
    """Start `impactsite build` in a new process that freezes itself at `point` (see stop_at.py)."""
    with open(log, "wb") as out:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(
            [sys.executable, str(STOP_AT), point, *extra, *build_args(root)],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd="/",
        )


def process_state(pid: int) -> str:
    """R, S, T (stopped), Z (exited, not yet reaped)… from /proc/PID/stat."""
    stat = pathlib.Path(f"/proc/{pid}/stat").read_text()
    return stat[stat.rindex(")") + 2]


def wait_until_stopped(proc: subprocess.Popen[bytes], log: pathlib.Path, timeout: float = 60) -> None:
    """Wait until the build has frozen itself at its stop point; fail if it ends or never gets there."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = process_state(proc.pid)
        if state == "T":
            return
        if state == "Z" or proc.poll() is not None:
            proc.wait()
            raise AssertionError(f"the build ended before its stop point:\n{log.read_text()}")
        time.sleep(0.01)
    kill(proc)
    raise AssertionError(f"the build did not reach its stop point in {timeout} s:\n{log.read_text()}")


def kill(proc: subprocess.Popen[bytes]) -> None:
    """SIGKILL: no handler, no cleanup, no finally; as if the machine's power went for that process."""
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def staging_leftovers(root: pathlib.Path) -> list[str]:
    state = root / ".impactsite"
    return (
        sorted(p.name for p in state.iterdir() if p.name.startswith(("staging-", "previous-output")))
        if state.is_dir()
        else []
    )
