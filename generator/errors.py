"""The one exception family the library raises; the CLI turns them into text and exit codes."""

from __future__ import annotations

from generator.findings import Finding


class ImpactsiteError(Exception):
    """Base class: something stopped the command. `exit_code` is what the CLI should return."""

    exit_code = 1


class UsageError(ImpactsiteError):
    """The command was called wrongly (bad option value, missing site)."""

    exit_code = 2


class ContentError(ImpactsiteError):
    """Sources or safety rules produced errors; nothing was written."""

    def __init__(self, findings: list[Finding], summary: str = "") -> None:
        self.findings = findings
        super().__init__(summary or f"{sum(f.is_error for f in findings)} error(s) found")


class OutputError(ImpactsiteError):
    """The output directory cannot be written safely (not ours, contains sources, locked, disk full)."""
