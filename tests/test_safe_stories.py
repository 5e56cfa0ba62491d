"""The false alarms on tests/eval/safe-stories/ (30 safe stories in five languages) can only go down.

bench/false_alarms.py checks each language's stories as one site through the CLI and counts every
finding but the missing review. Issue 12's goal is none; the figures below are where the detectors
stood when the stories were added (151 false alarms on 29 stories before the first fixes). Lower
them when a change removes false alarms; never raise them.
"""

from __future__ import annotations

import pathlib
import re
import subprocess
import sys

REPO = pathlib.Path(__file__).resolve().parent.parent
MOST_FALSE_ALARMS = 15
MOST_ERRORS = 7
MOST_STORIES_STOPPED = 12


def test_false_alarms_on_the_safe_stories_only_go_down() -> None:
    cli = pathlib.Path(sys.executable).parent / "impactsite"
    out = subprocess.run(
        [sys.executable, str(REPO / "bench" / "false_alarms.py"), "--impactsite", str(cli)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    m = re.search(r"(?m)^all\s+(\d+) false alarms \((\d+) errors\), (\d+)/30 stories stopped", out)
    assert m is not None, out
    alarms, errors, stopped = (int(g) for g in m.groups())
    assert alarms <= MOST_FALSE_ALARMS and errors <= MOST_ERRORS and stopped <= MOST_STORIES_STOPPED, out
