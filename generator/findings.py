"""Findings: what every check reports, located in a source file, with a fix a writer can follow."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in one place: `path:line:col: RULE message` and a fix."""

    path: str  # relative to the site directory, with forward slashes
    line: int  # 1-based; 0 when the problem is about the whole file
    column: int  # 1-based; 0 when unknown
    rule: str
    severity: Severity
    message: str
    fix: str = ""
    # Characters covered from line:column (0: a point, or the whole field), for marking it in place.
    length: int = 0
    # Binds a reviewer's decision to the text it accepted: a digest of the rule and the matched text
    # (never the text itself, which may be protected). New text raising the same rule gets a new token.
    token: str = ""

    def location(self) -> str:
        if self.line and self.column:
            return f"{self.path}:{self.line}:{self.column}"
        if self.line:
            return f"{self.path}:{self.line}"
        return self.path

    def format(self) -> str:
        """Render the finding the way writers see it on the terminal."""
        label = "" if self.severity is Severity.ERROR else " (warning)"
        text = f"{self.location()}: {self.rule}{label}: {self.message}"
        if self.fix:
            text += f"\n  fix: {self.fix}"
        return text

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def sort_findings(findings: list[Finding] | tuple[Finding, ...]) -> list[Finding]:
    """Order findings by file and position so output is stable."""
    return sorted(set(findings), key=lambda f: (f.path, f.line, f.column, f.rule, f.message))


def error(path: str, line: int, column: int, rule: str, message: str, fix: str = "") -> Finding:
    return Finding(path, line, column, rule, Severity.ERROR, message, fix)


def warning(path: str, line: int, column: int, rule: str, message: str, fix: str = "") -> Finding:
    return Finding(path, line, column, rule, Severity.WARNING, message, fix)
