"""What a build reports, and the state it leaves beside output/ (.impactsite/).

Kept apart from the pipeline (build.py) so that an up-to-date build (uptodate.py) can answer without
importing the checks, Markdown, Jinja or Pillow.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import pathlib
from dataclasses import dataclass
from typing import Any

from generator.config.settings import SiteConfig
from generator.findings import Finding


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
    changed: tuple[str, ...] = ()  # addresses whose content changed in a build that took something down
    removal_only: bool = False  # errors stopped the build; only what must come down was published
    notes: tuple[str, ...] = ()  # things the reader should know (a store that was ignored, …)
    work: str = ""  # which steps ran and which were reused (shown with --debug)

    @property
    def purge(self) -> tuple[str, ...]:
        """Every address a CDN or search engine should drop or fetch again."""
        return tuple(self.takedown) + tuple(u for u in self.changed if u not in self.takedown)

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


from generator.content.records import finding_from_json, finding_to_json


def previous_urls(state_dir: pathlib.Path, out: pathlib.Path, *, look: bool = True) -> set[str]:
    """The addresses of the previous build: its record, and (`look`) what output/ holds now."""
    last = state_dir / "last-build.json"
    try:
        previous = set(json.loads(last.read_text(encoding="utf-8")).get("urls", []))
    except (OSError, ValueError, AttributeError):
        previous = set()
    if look and out.is_dir():
        for p in out.rglob("*"):
            rel = p.relative_to(out).as_posix()
            if rel.endswith(".html") or rel.startswith("images/"):
                previous.add("/" + rel.removesuffix("index.html"))
    return previous


def url_of(path: str) -> str:
    """The address of an output file."""
    return "/" + path.removesuffix("index.html")


def takedown_since_last(config: SiteConfig, urls: list[str]) -> tuple[str, ...]:
    """URLs live in the previous build that this build drops."""
    gone = sorted(previous_urls(config.state_dir, config.output_dir) - set(urls))
    return tuple(config.absolute(u) for u in gone)


def write_state(
    config: SiteConfig,
    at: dt.datetime,
    urls: list[str] | None,
    takedown: tuple[str, ...],
    nxt: tuple[dt.datetime, str] | None,
    outcome: dict[str, object] | None = None,
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
    atomic_write(state / "outcome.json", json.dumps(outcome or {"outcome": "published"}, indent=1) + "\n")
    atomic_write(state / "next-change.json", json.dumps(manifest, indent=1) + "\n")
    if urls is not None:  # None: an up-to-date build, whose URLs are the recorded ones
        atomic_write(
            state / "last-build.json", json.dumps({"at": at.isoformat(), "urls": urls}, indent=1) + "\n"
        )


def atomic_write(path: pathlib.Path, text: str | bytes) -> None:
    """The one writer of files in .impactsite/: a temporary file, then an atomic rename."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
