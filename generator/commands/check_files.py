"""`impactsite check FILE...`: the rules on some stories and pages only, quickly enough for a
pre-commit hook (`.pre-commit-hooks.yaml`), so a real name is stopped before it enters git history.

Each named file is checked in the whole site's context (its config, denylist, people), as its
publication stands; nothing is rendered. With `before_commit`, what only a reviewer can settle later
(sign-off, waiver decisions) does not stop the commit: a writer must be able to commit a story to
ask for its review.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import pathlib

from generator.build import load_site, run_checks
from generator.errors import UsageError
from generator.findings import Finding, sort_findings
from generator.output.state import BuildReport
from generator.safety import signoff, waivers

# Settled by a reviewer in `impactsite approve`, after the commit that asks for the review.
REVIEW_RULES = frozenset(r.id for r in signoff.RULES + waivers.RULES) - {"SIGNOFF-SIGNERS"}


def check_files(
    root: pathlib.Path, at: dt.datetime, files: list[pathlib.Path], *, before_commit: bool = False
) -> BuildReport:
    """Findings for `files` (paths inside the site) and for the site as a whole."""
    site = load_site(root, at)
    wanted = set()
    for f in files:
        resolved = (f if f.is_absolute() else pathlib.Path.cwd() / f).resolve()
        try:
            wanted.add(resolved.relative_to(root.resolve()).as_posix())
        except ValueError:
            raise UsageError(f"{f} is not inside the site at {root}") from None
    only = dataclasses.replace(
        site,
        stories=tuple(s for s in site.stories if s.path in wanted),
        pages=tuple(p for p in site.pages if p.path in wanted),
        publications={k: v for k, v in site.publications.items() if k in wanted},
    )
    found, waived = run_checks(only, at)
    mine = [f for f in found if f.path in wanted or not f.path.startswith("content/")]
    if before_commit:
        mine = [f for f in mine if f.rule not in REVIEW_RULES]
    return BuildReport(at=at, findings=tuple(sort_findings(mine)), waived=tuple(_in(waived, wanted)))


def _in(findings: list[Finding], wanted: set[str]) -> list[Finding]:
    return [f for f in findings if f.path in wanted]
