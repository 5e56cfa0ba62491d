"""What a build reports, and the state it leaves beside output/ (.impactsite/).

Kept apart from the pipeline (build.py) so that an up-to-date build (uptodate.py) can answer without
importing the checks, Markdown, Jinja or Pillow.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import pathlib
from dataclasses import dataclass
from typing import Any

from generator.config.settings import SiteConfig
from generator.findings import Finding, Severity


@dataclass(frozen=True)
class BuildReport:
    at: dt.datetime
    findings: tuple[Finding, ...] = ()
    waived: tuple[Finding, ...] = ()
    published: tuple[str, ...] = ()  # story URLs
    excluded: tuple[tuple[str, str], ...] = ()  # (source path, reason)
    files: int = 0
    takedown: tuple[str, ...] = ()
    next_change: tuple[dt.datetime, str] | None = None
    seconds: float = 0.0
    up_to_date: bool = False  # True: nothing had changed, output/ was left as it was

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.is_error]


def report_to_json(r: BuildReport) -> dict[str, Any]:
    return {
        "findings": [finding_to_json(f) for f in r.findings],
        "waived": [finding_to_json(f) for f in r.waived],
        "published": list(r.published),
        "excluded": [list(e) for e in r.excluded],
        "files": r.files,
        "next_change": [r.next_change[0].isoformat(), r.next_change[1]] if r.next_change else None,
    }


def report_from_json(d: dict[str, Any], at: dt.datetime) -> BuildReport:
    nxt = d.get("next_change")
    return BuildReport(
        at=at,
        findings=tuple(finding_from_json(f) for f in d["findings"]),
        waived=tuple(finding_from_json(f) for f in d["waived"]),
        published=tuple(d["published"]),
        excluded=tuple((str(a), str(b)) for a, b in d["excluded"]),
        files=int(d["files"]),
        next_change=(dt.datetime.fromisoformat(nxt[0]), str(nxt[1])) if nxt else None,
    )


def finding_to_json(f: Finding) -> list[Any]:
    return [f.path, f.line, f.column, f.rule, f.severity.value, f.message, f.fix, f.length, f.token]


def finding_from_json(v: list[Any]) -> Finding:
    length, token = (int(v[7]), str(v[8])) if len(v) > 8 else (0, "")
    return Finding(
        str(v[0]), int(v[1]), int(v[2]), str(v[3]), Severity(v[4]), str(v[5]), str(v[6]), length, token
    )


def takedown_since_last(config: SiteConfig, urls: list[str]) -> tuple[str, ...]:
    """URLs live in the previous build (its record, and what output/ holds now) that this build drops."""
    last = config.state_dir / "last-build.json"
    try:
        previous = set(json.loads(last.read_text(encoding="utf-8")).get("urls", []))
    except (OSError, ValueError):
        previous = set()
    out = config.output_dir
    if out.is_dir():
        for p in out.rglob("*"):
            rel = p.relative_to(out).as_posix()
            if rel.endswith(".html") or rel.startswith("images/"):
                previous.add("/" + rel.removesuffix("index.html"))
    gone = sorted(previous - set(urls))
    return tuple(config.absolute(u) for u in gone)


def write_state(
    config: SiteConfig,
    at: dt.datetime,
    urls: list[str] | None,
    takedown: tuple[str, ...],
    nxt: tuple[dt.datetime, str] | None,
) -> None:
    """Reports kept outside output/: the URL list (for the next takedown diff), the takedown list
    and when the output will next change by itself."""
    state = config.state_dir
    state.mkdir(parents=True, exist_ok=True)
    manifest = {
        "built_at": at.isoformat(),
        "next_change_at": nxt[0].isoformat() if nxt else None,
        "reason": nxt[1] if nxt else None,
    }
    # The takedown list first and the URL record last, each replaced atomically: a build killed in
    # between then leaves the old record, and the next build lists the same takedowns again.
    atomic_write(state / "takedown.txt", "".join(u + "\n" for u in takedown))
    atomic_write(state / "next-change.json", json.dumps(manifest, indent=1) + "\n")
    if urls is not None:  # None: an up-to-date build, whose URLs are the recorded ones
        atomic_write(
            state / "last-build.json", json.dumps({"at": at.isoformat(), "urls": urls}, indent=1) + "\n"
        )


def atomic_write(path: pathlib.Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
