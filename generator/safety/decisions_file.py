"""safety/decisions.yaml: reviewers' decisions on the warnings of files that have no front matter to
record them in — data files (content/campaigns/, content/data/), site.yaml and downloads (wherever
they are under content/).

A story or a page keeps its decisions in its own `waivers:`. These files cannot, so `impactsite approve
FILE` writes them here, one entry per decision, each naming its file. They work exactly like a story's
waivers (waivers.py): bound to the text they accepted (tokens), from a reviewer, with a reason, signed
when the site requires it, and never for an error.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
from dataclasses import dataclass
from typing import ClassVar

from generator.config.declare import Group, setting
from generator.content.datafiles import read_data_file
from generator.content.model import Waiver
from generator.findings import Finding
from generator.safety.waivers import waiver_entry

DECISIONS_FILE = "safety/decisions.yaml"
RULE = "WAIVER-INVALID"  # a decision that cannot be read counts for nothing, like a story's waiver
# The files whose decisions live here: site.yaml and every file under content/ but the stories and the
# pages, which record their own (data files, campaigns, downloads wherever they are).
_OWN_DECISIONS = ("content/stories/", "content/pages/")


def decided_here(path: str) -> bool:
    """Whether the decisions on `path`'s warnings are recorded in safety/decisions.yaml."""
    return path == "site.yaml" or (path.startswith("content/") and not path.startswith(_OWN_DECISIONS))


@dataclass(frozen=True)
class FileDecision:
    """One decision: a warning of `file` a reviewer accepted, with why."""

    noun: ClassVar[str] = "a decision"
    file: str = setting(help="the file it is about, e.g. content/data/impact.yaml")
    rule: str = setting()
    reviewer: str = setting()
    reason: str = setting()
    tokens: tuple[str, ...] = setting((), "which warnings were accepted; written by impactsite approve")
    date: dt.date | None = setting(None)
    signature: str | None = setting(
        None, "an SSH signature of the decision, written by impactsite approve --sign"
    )

    def waiver(self, index: int) -> Waiver:
        return Waiver(self.rule, self.reviewer, self.reason, index, self.tokens, self.date, self.signature)


@dataclass(frozen=True)
class DecisionsFile:
    noun: ClassVar[str] = DECISIONS_FILE
    decisions: tuple[FileDecision, ...] = setting(
        (), "reviewers' decisions on data files, site.yaml and downloads; written by impactsite approve"
    )


DECISIONS = Group.of(DecisionsFile)

HEADER = (
    "# Safeguarding reviewers' decisions on the warnings of data files, site.yaml and downloads,\n"
    "# which have no front matter of their own. Written by `impactsite approve FILE --reviewer HANDLE`;\n"
    "# each decision is bound to the text it accepted: new text that raises a warning needs a new one.\n"
)


def read_decisions(root: pathlib.Path) -> tuple[dict[str, tuple[Waiver, ...]], list[Finding]]:
    """Each file's decisions, and the problems of a decisions file that cannot be used (then none
    counts: a half-read file must not accept anything)."""
    if not (root / DECISIONS_FILE).is_file():
        return {}, []
    file, problems = read_data_file(root, DECISIONS_FILE, DECISIONS.kind, RULE)
    if file is None or problems:
        return {}, problems
    read = DECISIONS.build(file.data)
    out: dict[str, list[Waiver]] = {}
    for i, d in enumerate(read.decisions):
        out.setdefault(d.file, []).append(d.waiver(i))
    return {k: tuple(v) for k, v in out.items()}, []


def decisions_text(files: dict[str, tuple[Waiver, ...]]) -> str:
    """The whole decisions file, sorted by file so that it reads the same whatever order the reviews
    happened in."""
    lines = [HEADER.rstrip("\n"), "decisions:"]
    for rel in sorted(files):
        for w in files[rel]:
            lines += waiver_entry(w, first=f"file: {json.dumps(rel, ensure_ascii=False)}")
    if lines[-1] == "decisions:":
        lines[-1] = "decisions: []"
    return "\n".join(lines) + "\n"
