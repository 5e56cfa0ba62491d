"""The pipeline, in the order it runs:

site.yaml → SiteConfig → discover and parse sources → decide publication → donor data → safety
checks → render bodies → plan and render pages (each file checked on its way out) → write atomically.

Each per-file step runs through `Steps` (cache/steps.py), so an edit re-runs exactly the steps whose
inputs changed. Nothing is published unless every step succeeded, except removals: a build stopped by
errors still takes down what must come down (output/takedown.py). The library never prints:
progress goes through a callback and problems come back as findings or one ContentError / OutputError.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import pathlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generator import checks, safety
from generator.cache import uptodate
from generator.cache.files import FileDigests
from generator.cache.steps import Steps
from generator.cache.store import Store
from generator.config.settings import SiteConfig, load_config
from generator.content.discover import discover, parse_sources
from generator.content.model import Page, Story
from generator.content.publication import Publication, decide, next_changes
from generator.donor.load import checking_config, load_donor
from generator.donor.site import Donor
from generator.errors import ContentError
from generator.findings import Finding, Severity, sort_findings
from generator.output import publish
from generator.output.state import BuildReport
from generator.render import csp
from generator.render.output import FileChecks, MemorySink, NullSink, Produced, RecentSink, Sink
from generator.render.pages import ChecksFor, render_site
from generator.render.theme import Theme
from generator.safety.detect.knowledge import load_knowledge
from generator.safety.detect.vocab import load_vocabulary

Progress = Callable[[str, int, int], None]


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


@dataclass(frozen=True)
class Site:
    config: SiteConfig  # what the rules read: site.yaml, with the media contacts' numbers allowed
    stories: tuple[Story, ...]
    pages: tuple[Page, ...]
    publications: dict[str, Publication]
    findings: tuple[Finding, ...]  # discovery and parse problems
    extras: dict[str, Any] = field(default_factory=dict)  # denylist matcher, donor, …
    file_digests: dict[str, str] = field(default_factory=dict)
    body_digests: dict[str, str] = field(default_factory=dict)
    files: FileDigests = field(default_factory=FileDigests)

    @property
    def donor(self) -> Donor:
        donor: Donor = self.extras["donor"]
        return donor


def load_site(
    root: pathlib.Path,
    at: dt.datetime,
    progress: Progress = _no_progress,
    steps: Steps | None = None,
    files: FileDigests | None = None,
) -> Site:
    """Read and parse every source and decide what is published at `at`."""
    config = load_config(root)
    steps = steps if steps is not None else Steps(Store.memory())
    files = files if files is not None else FileDigests()
    story_files, f1 = discover(root, "stories", files.read)
    page_files, f2 = discover(root, "pages", files.read)
    parsed = parse_sources(story_files, page_files, config.tz, steps, progress)
    publications = {s.path: decide(s, at, config.tz) for s in parsed.stories}
    donor, problems = load_donor(root, config, parsed.stories, parsed.pages, publications, at)
    checking = checking_config(config, donor)  # site.yaml, with the media contacts' own numbers allowed
    extras = checks.checking_extras(config)
    # What explains a name: each loader reads its files once per process while they are unchanged.
    knowledge = load_knowledge()
    vocab, vocab_problems = load_vocabulary(root)
    extras.update(
        safety.site_extras(
            checking,
            parsed.stories,
            sponsors=[c.sponsor for c in donor.campaigns if c.sponsor],
            contacts=[c.name for c in donor.contacts],
            links=[c.donate_url for c in donor.campaigns],
            knowledge=knowledge,
            vocab=vocab,
        )
    )
    extras["donor"] = donor
    return Site(
        checking,
        parsed.stories,
        parsed.pages,
        publications,
        tuple(f1 + f2) + parsed.findings + tuple(problems) + tuple(vocab_problems),
        extras,
        parsed.file_digests,
        parsed.body_digests,
        files,
    )


def check_all(
    site: Site, at: dt.datetime, steps: Steps, site_key: str, progress: Progress = _no_progress
) -> tuple[list[Finding], list[Finding]]:
    """Every safety rule on every source: (findings, waived warnings), sorted."""
    findings, waived = checks.check_stories(
        site.stories,
        site.publications,
        site.file_digests,
        site.config,
        at,
        site.extras,
        site_key,
        steps,
        progress,
    )
    findings += checks.check_site(site.config, at, site.stories, site.publications, site.extras)
    on_surfaces, accepted = safety.check_surfaces(site)  # pages, data files, site.yaml, links, downloads
    findings += on_surfaces
    return sort_findings(list(site.findings) + findings), sort_findings(waived + accepted)


def run_checks(
    site: Site,
    at: dt.datetime,
    progress: Progress = _no_progress,
    steps: Steps | None = None,
    site_key: str | None = None,
) -> tuple[list[Finding], list[Finding]]:
    """`check_all` for callers that hold only a Site (approve, the pre-commit check). A caller that
    checks many cut-down copies of one site passes the same `steps` and `site_key` to each."""
    steps = steps if steps is not None else Steps(Store.memory())
    if site_key is None:
        site_key = checks.site_fingerprint(site.config.root, site.config, site.files)
    return check_all(site, at, steps, site_key, progress)


@dataclass(frozen=True)
class Made:
    """A finished, checked build: its report and every file's digest (the bytes are in the sink)."""

    site: Site
    report: BuildReport
    produced: Produced
    files: dict[str, bytes] = field(default_factory=dict)  # with a MemorySink: every file


def make(
    root: pathlib.Path,
    at: dt.datetime,
    *,
    strict: bool = False,
    progress: Progress = _no_progress,
    steps: Steps | None = None,
    sink: Sink | None = None,
    removal: bool = False,
    files: FileDigests | None = None,
) -> Made:
    """Check, render and check every output file; raise ContentError if anything must stop it.

    `steps` carries results between calls (serve keeps one; by default a store-less one, so
    nothing is reused or kept); `sink` receives the files (by default: memory, in `Made.files`).
    `removal`: the sources were published before and are only being re-rendered without what
    must come down, so their checks are not run again and a file that fails its checks is left out
    rather than stopping the build."""
    started = time.monotonic()
    steps = steps if steps is not None else Steps(Store.memory())
    sink = sink if sink is not None else MemorySink()
    site = load_site(root, at, progress, steps, files)
    findings: list[Finding] = []
    waived: list[Finding] = []
    site_key = checks.site_fingerprint(root, site.config, site.files)
    if not removal:
        findings, waived = check_all(site, at, steps, site_key, progress)
        if any(f.is_error or (strict and f.severity is Severity.WARNING) for f in findings):
            steps.finish(success=False)
            raise ContentError(findings)
    checks_for = _checks_for(site, site_key)
    produced = render_site(site, at, steps, sink, checks_for, progress, drop_failing=removal)
    errors = [f for f in produced.findings if f.is_error]
    if errors and not removal:
        steps.finish(success=False)
        what = (
            "the output scan found protected text"
            if any(f.rule == "OUTPUT-SCAN" for f in errors)
            else "a generated file failed its checks"
        )
        raise ContentError(findings + produced.findings, f"{what}; nothing was published")
    changes = sorted(next_changes(site.stories, at, site.config.tz) + site.donor.changes())
    live = [s for s in site.stories if site.publications[s.path].live]
    report = BuildReport(
        at=at,
        findings=tuple(findings),
        waived=tuple(waived),
        published=tuple(sorted(s.url for s in live)),
        excluded=tuple(
            sorted((s.path, p.reason) for s in site.stories if not (p := site.publications[s.path]).live)
        ),
        files=len(produced.digests),
        next_change=changes[0] if changes else None,
        seconds=time.monotonic() - started,
    )
    return Made(site, report, produced, sink.files if isinstance(sink, MemorySink) else {})


def render_files(
    site: Site, at: dt.datetime, steps: Steps, site_key: str, *, context: dict[str, Any] | None = None
) -> tuple[dict[str, bytes], list[Finding]]:
    """Every file of `site` in memory, and the findings of the file checks (serve's previews render
    the site twice this way; `context` adds `preview` to what templates see)."""
    sink = RecentSink(steps.keep_object("recent-files", "bytes by digest", dict))
    produced = render_site(site, at, steps, sink, _checks_for(site, site_key), _no_progress, context=context)
    sink.forget_old()
    return sink.files, produced.findings


def _checks_for(site: Site, site_key: str) -> ChecksFor:
    """The file checks, once the render stage knows the theme and its policy."""
    names = checks.protected_names(site.stories)

    def make(policy: csp.Policy, theme: Theme) -> FileChecks:
        return checks.file_checks(
            site.config.root,
            site_key,
            site.extras.get("denylist"),
            names,
            policy,
            site.donor.phrases(),
            theme.dirs,
            theme.fingerprint(),
        )

    return make


def build(
    root: pathlib.Path, at: dt.datetime, *, strict: bool = False, progress: Progress = _no_progress
) -> BuildReport:
    """Make the site and, if all is well, swap it into output/ whole; write the reports beside it.
    If errors stop it, still publish what must come down (the previous build minus it).

    The lock covers reading as well as writing: a build that read older sources (a consent not yet
    withdrawn) must never publish after one that read newer sources."""
    started = time.monotonic()
    root = root.resolve()
    state_dir = root / ".impactsite"
    return publish.locked_build(root, state_dir, at, strict, progress, _attempt, started)


def _attempt(
    root: pathlib.Path,
    at: dt.datetime,
    strict: bool,
    progress: Progress,
    store: Store,
    staging: Sink,
    files: FileDigests,
) -> Made:
    steps = Steps(store)
    made = make(root, at, strict=strict, progress=progress, steps=steps, sink=staging, files=files)
    return dataclasses.replace(made, report=dataclasses.replace(made.report, work=steps.summary()))


def check(root: pathlib.Path, at: dt.datetime, progress: Progress = _no_progress) -> BuildReport:
    """Run every rule on every source and every output file without writing anything.

    When the sources are clean, the site is also rendered in memory and every file checked exactly
    as a build would, so `check` passing means `build` will too. The store is only read."""
    config = load_config(root)
    steps = Steps(Store.open(config.state_dir, readonly=True))
    site = load_site(root, at, progress, steps)
    site_key = checks.site_fingerprint(root, site.config, site.files)
    findings, waived = check_all(site, at, steps, site_key, progress)
    if not any(f.is_error for f in findings):
        try:
            produced = render_site(site, at, steps, NullSink(), _checks_for(site, site_key), progress)
            findings += produced.findings
        except ContentError as exc:
            findings += exc.findings
    steps.store.close()
    return BuildReport(at=at, findings=tuple(sort_findings(findings)), waived=tuple(waived))


protected_names = checks.protected_names
__all__ = [
    "BuildReport",
    "Made",
    "Site",
    "build",
    "check",
    "load_site",
    "make",
    "protected_names",
    "uptodate",
]
