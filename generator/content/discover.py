"""Find the site's Markdown sources and parse each one: the first stage after site.yaml.

`discover` lists content/<folder>/*.md (refusing links out of the site and names that differ only
by case); `parse_stories` / `parse_pages` turn each file into a Story or Page, one step per file,
reused while the file's bytes (and, for stories, the site's time zone) are unchanged.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import pathlib
from collections.abc import Callable
from dataclasses import dataclass

from generator.cache.steps import Steps
from generator.content import records
from generator.content.model import Page, Story
from generator.content.parse import parse_page, parse_story, read_source
from generator.findings import Finding, Severity, error


@dataclass(frozen=True)
class SourceFile:
    rel: str  # relative to the site, forward slashes
    raw: bytes
    digest: str


def file_digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=20).hexdigest()


def discover(
    root: pathlib.Path, folder: str, read: Callable[[str], bytes] | None = None
) -> tuple[list[SourceFile], list[Finding]]:
    """Markdown files in content/<folder>/, sorted, refusing links that lead outside the site."""
    base = root / "content" / folder
    found: list[SourceFile] = []
    findings: list[Finding] = []
    if not base.is_dir():
        return found, findings
    site = root.resolve()
    base_inside = base.resolve().is_relative_to(site)
    seen: dict[str, str] = {}
    entries = {e.name: e for e in os.scandir(base)}
    for name in sorted(entries):
        entry = entries[name]
        if name.startswith(".") or entry.is_dir():
            continue
        rel = f"content/{folder}/{name}"
        problem = _refused(base / name, rel, folder, entry.is_symlink() or not base_inside, site, seen)
        if problem is not None:
            findings.append(problem)
            continue
        try:
            raw = read(str(base / name)) if read is not None else (base / name).read_bytes()
        except OSError as exc:
            findings.append(
                error(rel, 1, 1, "FILE", f"cannot read the file: {exc.strerror}", "check its permissions")
            )
            continue
        found.append(SourceFile(rel, raw, file_digest(raw)))
    return found, findings


def _refused(
    p: pathlib.Path, rel: str, folder: str, may_lead_out: bool, site: pathlib.Path, seen: dict[str, str]
) -> Finding | None:
    """Why a file in the folder is not read as a source (not Markdown, a link out, a case clash)."""
    if p.suffix.lower() != ".md":
        return Finding(
            rel,
            0,
            0,
            "FILE",
            Severity.WARNING,
            "this file is not Markdown and is ignored",
            "move it out of content/" + folder + " (images go in content/images)",
        )
    # Only a link (or a linked folder) can lead outside; resolving every file costs 0.2 ms each.
    if may_lead_out and not p.resolve().is_relative_to(site):
        return error(
            rel,
            1,
            1,
            "FILE",
            "this file is a link to somewhere outside the site",
            "replace the link with the file itself",
        )
    lower = p.stem.lower()
    if lower in seen:
        return error(
            rel,
            1,
            1,
            "FILE",
            f"this name differs from {seen[lower]} only by capital letters",
            "rename one of them",
        )
    seen[lower] = rel
    return None


def _body_digest(source_body: str) -> str:
    return hashlib.blake2b(source_body.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


def parse_story_file(rel: str, raw: bytes, tz: dt.tzinfo) -> tuple[Story | None, list[Finding], str]:
    """A story file's bytes → (Story or None, findings, digest of its body)."""
    source, problems = read_source(rel, raw)
    if source is None:
        return None, problems, ""
    story, more = parse_story(source, pathlib.PurePosixPath(rel).stem, tz)
    return story, problems + more, _body_digest(source.body)


def parse_page_file(rel: str, raw: bytes) -> tuple[Page | None, list[Finding], str]:
    source, problems = read_source(rel, raw)
    if source is None:
        return None, problems, ""
    page, more = parse_page(source, pathlib.PurePosixPath(rel).stem)
    return page, problems + more, _body_digest(source.body)


@dataclass(frozen=True)
class Parsed:
    stories: tuple[Story, ...]
    pages: tuple[Page, ...]
    body_digests: dict[str, str]  # source path → digest of its Markdown body
    file_digests: dict[str, str]  # source path → digest of its bytes
    findings: tuple[Finding, ...]


def parse_sources(
    story_files: list[SourceFile],
    page_files: list[SourceFile],
    tz: dt.tzinfo,
    steps: Steps,
    progress: Callable[[str, int, int], None],
) -> Parsed:
    """One parse step per file, reused while the file's bytes (and the site's zone) are the same."""
    zone = str(tz)
    stories: list[Story] = []
    pages: list[Page] = []
    bodies: dict[str, str] = {}
    findings: list[Finding] = []
    total = len(story_files) + len(page_files)
    for i, f in enumerate(story_files, 1):
        story, problems, body = steps.run(
            "parse-story",
            (f.rel, f.digest, zone),
            functools.partial(parse_story_file, f.rel, f.raw, tz),
            records.story_to_json,
            functools.partial(records.story_from_json, path=f.rel, raw=f.raw, tz=tz),
        )
        findings += problems
        if story is not None:
            stories.append(story)
            bodies[f.rel] = body
        progress("read", i, total)
    for i, f in enumerate(page_files, len(story_files) + 1):
        page, problems, body = steps.run(
            "parse-page",
            (f.rel, f.digest),
            functools.partial(parse_page_file, f.rel, f.raw),
            records.page_to_json,
            functools.partial(records.page_from_json, path=f.rel, raw=f.raw),
        )
        findings += problems
        if page is not None:
            pages.append(page)
            bodies[f.rel] = body
        progress("read", i, total)
    digests = {f.rel: f.digest for f in story_files + page_files}
    return Parsed(tuple(stories), tuple(pages), bodies, digests, tuple(findings))
