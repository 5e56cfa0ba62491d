"""The project's own safety cases (tests/safety_cases/), in the format of the shared safety corpus and run
by its runner, through the command line as a user would: one case per family issue 11 added (pages,
links to drafts, invisible and look-alike characters, encoded links, downloads, data files)."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest

REPO = pathlib.Path(__file__).resolve().parent.parent
CASES = REPO / "tests" / "safety_cases"
# shared/ lies beside the repository (CI, a developer's checkout) or at the workplace's root.
RUNNERS = [p / "safety-corpus" / "run.py" for p in (REPO.parent / "shared", REPO.parent.parent / "shared")]


def runner() -> pathlib.Path:
    found = next((p for p in RUNNERS if p.is_file()), None)
    if found is None:
        pytest.skip(
            "the shared safety corpus runner (shared/safety-corpus/run.py) is not beside the repository"
        )
    return found


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if (p / "case.yaml").is_file()))
def test_case_holds(case: str, tmp_path: pathlib.Path) -> None:
    impactsite = pathlib.Path(sys.executable).with_name("impactsite")
    env = dict(os.environ, TMPDIR=str(tmp_path))
    result = subprocess.run(
        [
            sys.executable,
            str(runner()),
            str(CASES),
            "--project",
            str(REPO),
            "--impactsite",
            str(impactsite),
            "--only",
            case,
        ],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(f"PASS {case}"), result.stdout
