"""The pipeline, in the order it runs:

site.yaml → SiteConfig → discover sources → parse → decide publication → safety rules →
render bodies → plan and render pages → scan output → write atomically.

Nothing is written unless every step succeeded. The library never prints: progress goes through a
callback and problems come back as findings or one ContentError / OutputError.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import datetime as dt
import functools
import gc
import multiprocessing
import os
import pathlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from generator import safety
from generator.cache import uptodate
from generator.cache.store import Caches, digest
from generator.config.settings import PseudonymPolicy, SiteConfig, load_config
from generator.content.model import Page, Story
from generator.content.parse import parse_page, parse_story, read_source
from generator.content.publication import Publication, decide, next_changes
from generator.content.visible import visible_text
from generator.donor.site import load_donor
from generator.errors import ContentError
from generator.findings import Finding, Severity, error, sort_findings
from generator.output.state import BuildReport, report_to_json, takedown_since_last
from generator.output.state import write_state as _write_state
from generator.output.writer import build_lock, publish
from generator.render.bodies import render_bodies
from generator.render.images import ImageStore
from generator.render.markdown import RenderedBody, mark_plain, render_plain
from generator.render.site import LiveStory, RenderedPage, SiteRenderer, story_view
from generator.render.theme import Theme
from generator.render.views import ImageView, StoryView
from generator.safety.denylist_store import KEY_ENV, Matcher, key_from_env, load_denylist
from generator.safety.detect.knowledge import load_knowledge
from generator.safety.detect.vocab import load_vocabulary, vocabulary_key
from generator.safety.image_metadata import verify_outputs
from generator.safety.output_scan import scan_output
from generator.safety.registry import SiteContext, StoryContext

Progress = Callable[[str, int, int], None]


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


@dataclass(frozen=True)
class Site:
    config: SiteConfig
    stories: tuple[Story, ...]
    pages: tuple[Page, ...]
    publications: dict[str, Publication]
    findings: tuple[Finding, ...]  # parse and discovery problems
    extras: dict[str, Any] = field(default_factory=dict)


def discover(
    root: pathlib.Path, folder: str, read: Callable[[str], bytes] | None = None
) -> tuple[list[tuple[str, bytes]], list[Finding]]:
    """Markdown files in content/<folder>/, sorted, refusing links that lead outside the site."""
    base = root / "content" / folder
    found: list[tuple[str, bytes]] = []
    findings: list[Finding] = []
    if not base.is_dir():
        return found, findings
    site = root.resolve()
    base_inside = base.resolve().is_relative_to(site)
    seen: dict[str, str] = {}
    entries = {e.name: e for e in os.scandir(base)}
    for name in sorted(entries):
        entry = entries[name]
        p = base / name
        rel = p.relative_to(root).as_posix()
        if name.startswith(".") or entry.is_dir():
            continue
        if p.suffix.lower() != ".md":
            findings.append(
                Finding(
                    rel,
                    0,
                    0,
                    "FILE",
                    Severity.WARNING,
                    "this file is not Markdown and is ignored",
                    "move it out of content/" + folder + " (images go in content/images)",
                )
            )
            continue
        # Only a link (or a linked folder) can lead outside; resolving every file costs 0.2 ms each.
        if (entry.is_symlink() or not base_inside) and not p.resolve().is_relative_to(site):
            findings.append(
                error(
                    rel,
                    1,
                    1,
                    "FILE",
                    "this file is a link to somewhere outside the site",
                    "replace the link with the file itself",
                )
            )
            continue
        lower = p.stem.lower()
        if lower in seen:
            findings.append(
                error(
                    rel,
                    1,
                    1,
                    "FILE",
                    f"this name differs from {seen[lower]} only by capital letters",
                    "rename one of them",
                )
            )
            continue
        seen[lower] = rel
        try:
            found.append((rel, read(str(p)) if read is not None else p.read_bytes()))
        except OSError as exc:
            findings.append(
                error(rel, 1, 1, "FILE", f"cannot read the file: {exc.strerror}", "check its permissions")
            )
    return found, findings


def _parse_story_file(rel: str, raw: bytes, tz: dt.tzinfo) -> tuple[Story | None, list[Finding]]:
    source, problems = read_source(rel, raw)
    if source is None:
        return None, problems
    story, more = parse_story(source, pathlib.PurePosixPath(rel).stem, tz)
    return story, problems + more


def _parse_page_file(rel: str, raw: bytes) -> tuple[Page | None, list[Finding]]:
    source, problems = read_source(rel, raw)
    if source is None:
        return None, problems
    page, more = parse_page(source, pathlib.PurePosixPath(rel).stem)
    return page, problems + more


def load_site(
    root: pathlib.Path, at: dt.datetime, progress: Progress = _no_progress, caches: Caches | None = None
) -> Site:
    config = load_config(root)
    tz = config.tz
    caches = caches if caches is not None else Caches()
    zone = str(tz)
    findings: list[Finding] = []
    stories: list[Story] = []
    pages: list[Page] = []
    story_files, f1 = discover(root, "stories", caches.files.read)
    page_files, f2 = discover(root, "pages", caches.files.read)
    findings += f1 + f2
    total = len(story_files) + len(page_files)
    used = set()
    for i, (rel, raw) in enumerate(story_files, 1):
        used.add((rel, raw, zone))
        story, problems = caches.parse(rel, raw, zone, functools.partial(_parse_story_file, rel, raw, tz))
        findings += problems
        if story is not None:
            stories.append(story)
        progress("read", i, total)
    for i, (rel, raw) in enumerate(page_files, len(story_files) + 1):
        used.add((rel, raw, "page"))
        page, problems = caches.parse(rel, raw, "page", functools.partial(_parse_page_file, rel, raw))
        findings += problems
        if page is not None:
            pages.append(page)
        progress("read", i, total)
    caches.forget_parsed_except(used)
    publications = {s.path: decide(s, at, tz) for s in stories}
    donor, problems = load_donor(
        root, config, stories, pages, publications, at
    )  # campaigns, contacts, forms, aliases
    findings += problems
    config = donor.config  # the media contacts' numbers join safety.allowed_phones
    extras = _denylist_extras(config)
    knowledge = caches.derive("safety-knowledge", "packaged", load_knowledge)  # the same data all along
    vocab, problems = caches.derive(
        "safety-vocabulary", vocabulary_key(root), functools.partial(load_vocabulary, root)
    )
    findings += problems
    extras.update(
        safety.site_extras(
            config,
            stories,
            sponsors=[c.sponsor for c in donor.campaigns if c.sponsor],
            contacts=[c.name for c in donor.contacts],
            knowledge=knowledge,
            vocab=vocab,
        )
    )
    extras["donor"] = donor
    return Site(config, tuple(stories), tuple(pages), publications, tuple(findings), extras)


def _denylist_extras(config: SiteConfig) -> dict[str, Any]:
    path = config.root / config.safety.denylist
    denylist = load_denylist(path)
    if not len(denylist):
        return {"denylist": None}
    key = key_from_env()
    if key is None:
        return {
            "denylist": None,
            "denylist_problem": f"the denylist has {len(denylist)} entries but {KEY_ENV} is not set, so it cannot be checked",
        }
    matcher = Matcher(denylist, key)
    if not matcher.key_matches():
        return {"denylist": None, "denylist_problem": f"{KEY_ENV} is not the key this denylist was made with"}
    return {"denylist": matcher}


PARALLEL_CHECKS_MIN = 200  # stories; below this, forking workers costs more than it saves
_FORKED: tuple[Site, dt.datetime] | None = None  # the site a forked checker inherits (read-only)


def _check_one(site: Site, at: dt.datetime, story: Story) -> tuple[list[Finding], list[Finding]]:
    ctx = StoryContext(
        site.config, at, site.publications[story.path], visible_text(story.source.body), site.extras
    )
    return safety.check_story(story, ctx)


def _check_some(indices: list[int]) -> list[tuple[list[Finding], list[Finding]]]:
    assert _FORKED is not None
    site, at = _FORKED
    return [_check_one(site, at, site.stories[i]) for i in indices]


def run_checks(
    site: Site,
    at: dt.datetime,
    progress: Progress = _no_progress,
    caches: Caches | None = None,
    site_key: str | None = None,
) -> tuple[list[Finding], list[Finding]]:
    """Every safety rule on every source: (findings, waived warnings).

    Each story's checks are a pure function of the story, its publication, the day and everything
    else the site reads (`site_key`, see caches.py), so their result is reused when none of those
    changed. The rest run in forked worker processes on a large site (they inherit the parsed site
    instead of receiving it pickled); findings are sorted afterwards, so the result is the same as
    a single-process run.
    """
    global _FORKED
    findings = list(site.findings)
    waived: list[Finding] = []
    day = at.astimezone(site.config.tz).date()  # rules read `at` only to count whole days (consent expiring)
    keys: list[str | None] = []
    todo: list[int] = []
    for i, story in enumerate(site.stories):
        pub = site.publications[story.path]
        key = (
            None
            if caches is None or site_key is None
            else Caches.check_key(
                site_key, story.path, story.source.text, pub.state, pub.channels, pub.reason, day
            )
        )
        keys.append(key)
        hit = caches.checked(key) if caches is not None and key is not None else None
        if hit is not None:
            findings += hit[0]
            waived += hit[1]
        else:
            todo.append(i)
    n = len(todo)
    results: list[tuple[list[Finding], list[Finding]]] = []
    workers = os.cpu_count() or 1
    if n >= PARALLEL_CHECKS_MIN and workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        size = max(1, -(-n // (workers * 4)))
        chunks = [todo[i : i + size] for i in range(0, n, size)]
        _FORKED = (site, at)
        try:
            with concurrent.futures.ProcessPoolExecutor(
                workers, mp_context=multiprocessing.get_context("fork")
            ) as pool:
                done = 0
                for chunk_results in pool.map(_check_some, chunks):
                    results += chunk_results
                    done += len(chunk_results)
                    progress("check", done, n)
        finally:
            _FORKED = None
    else:
        for done, i in enumerate(todo, 1):
            results.append(_check_one(site, at, site.stories[i]))
            progress("check", done, n)
    for i, (f, w) in zip(todo, results, strict=True):
        findings += f
        waived += w
        key = keys[i]
        if caches is not None and key is not None:
            caches.remember_checks(key, (f, w))
    findings += safety.check_site(SiteContext(site.config, at, site.stories, site.publications, site.extras))
    return sort_findings(findings), sort_findings(waived)


def protected_names(stories: tuple[Story, ...]) -> set[str]:
    """Real names that must never reach output: minors' and relatives' (declared by mistake or not)."""
    names = set()
    for s in stories:
        for p in s.people:
            target = s.person(p.relation_to) if p.relation_to else None
            kin_of_survivor = (
                target is not None and target.is_survivor and (p.relation is not None or p.accused)
            )
            if p.name_type == "real" and (p.minor or p.role == "relative" or kin_of_survivor):
                names.add(p.name)
    return names


def render_site(
    site: Site,
    progress: Progress = _no_progress,
    caches: Caches | None = None,
    *,
    context: dict[str, Any] | None = None,
    prune: bool = True,
) -> dict[str, bytes]:
    """Every page and file of the site. `context` adds to what templates see (serve's previews:
    `preview`); `prune=False` keeps image cache entries this render did not use (serve renders twice)."""
    config = site.config
    theme = caches.theme(config.root) if caches is not None else Theme(config.root)
    live: list[LiveStory] = []
    published = [s for s in site.stories if site.publications[s.path].live]
    every = config.pseudonyms.mark == "every"
    images = ImageStore(config.content_dir, config.state_dir / "cache" / "images")
    names = {s.path: tuple(p.name for p in s.people if p.name_type == "pseudonym") for s in published}
    bodies = render_bodies(
        [(s.source.body, names[s.path], every) for s in published],
        config.state_dir / "cache",
        memory=caches.bodies if caches is not None else None,
    )
    for i, (story, body) in enumerate(zip(published, bodies, strict=True), 1):
        pseudonyms = names[story.path]
        pub = site.publications[story.path]
        # Images: re-encoded from their pixels (cached); the first is the story's hero, the rest follow the text.
        figures = images.views_for(story, pub)
        marks = config.pseudonyms
        # The view is a pure function of these; reusing the same object keeps page-cache keys cheap.
        key = (
            story.path,
            story.source.text,
            pub.state,
            pub.channels,
            body.html,
            body.marked,
            figures,
            marks.in_titles,
            marks.in_feed,
        )
        view = (
            caches.derive(
                "story-view", key, functools.partial(_view, story, pub, body, figures, pseudonyms, marks)
            )
            if caches is not None
            else _view(story, pub, body, figures, pseudonyms, marks)
        )
        live.append(LiveStory(story, pub, view))
        progress("render", i, len(published))
    pages = [RenderedPage(p, Markup(render_plain(p.source.body))) for p in site.pages]
    donor = site.extras["donor"]
    files = SiteRenderer(
        config, theme, hooks=donor.hooks, context={**donor.context, **(context or {})}, memo=caches
    ).render(live, pages)
    for path, (data, owner) in sorted(images.files.items()):
        files.add(path, data, owner)
    if prune:
        images.prune()
    if files.clashes:
        raise ContentError(files.clashes)
    return files.data


def _view(
    story: Story,
    pub: Publication,
    body: RenderedBody,
    figures: tuple[ImageView, ...],
    pseudonyms: tuple[str, ...],
    marks: PseudonymPolicy,
) -> StoryView:
    view = story_view(story, pub, Markup(body.html), body.footnote, figures[0] if figures else None)
    return dataclasses.replace(
        view,
        figures=figures[1:],
        plain_title=story.title,
        title=mark_plain(story.title, pseudonyms) if marks.in_titles else story.title,
        feed_title=mark_plain(story.title, pseudonyms) if marks.in_feed else story.title,
        feed_summary=mark_plain(story.summary, pseudonyms) if marks.in_feed else story.summary,
    )


@dataclass(frozen=True)
class Made:
    """A finished, checked and scanned build held in memory, not yet written anywhere."""

    site: Site
    files: dict[str, bytes]
    report: BuildReport
    caches: Caches | None = None


def make(
    root: pathlib.Path,
    at: dt.datetime,
    *,
    strict: bool = False,
    progress: Progress = _no_progress,
    caches: Caches | None = None,
) -> Made:
    """Check, render and scan the site in memory; raise ContentError if anything must stop it.

    `caches` carries results between calls (serve keeps one); by default they are read from and,
    after success, saved to .impactsite/cache/."""
    # The cyclic garbage collector would walk every cached object many times over a build (a
    # tenth of a warm rebuild); nothing here depends on it, so it waits until the build is done.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _make(root, at, strict=strict, progress=progress, caches=caches)
    finally:
        if collecting:
            gc.enable()


def _make(
    root: pathlib.Path, at: dt.datetime, *, strict: bool, progress: Progress, caches: Caches | None
) -> Made:
    started = time.monotonic()
    site = load_site(root, at, progress, caches)
    if caches is None:
        caches = Caches(site.config.state_dir / "cache", output_dir=site.config.output_dir)
    site_key = uptodate.fingerprint(root, site.config, False, stories=False, files=caches.files)
    caches.site_key = site_key
    findings, waived = run_checks(site, at, progress, caches, site_key)
    blocking = [f for f in findings if f.is_error or (strict and f.severity is Severity.WARNING)]
    if blocking:
        raise ContentError(findings)
    files = render_site(site, progress, caches)
    progress("scan", 0, 1)
    names = protected_names(site.stories)
    scan_key = scan_fingerprint(site_key, names)
    leaks = scan_output(
        files, site.extras.get("denylist"), names, known_clean=functools.partial(caches.is_clean, scan_key)
    )
    if leaks:
        raise ContentError(findings + leaks, "the output scan found protected text; nothing was published")
    # Every published image is read back to prove it carries no metadata and nothing after its end.
    unclean = verify_outputs(files)
    if unclean:
        raise ContentError(
            findings + unclean, "a published image failed its metadata check; nothing was published"
        )
    progress("scan", 1, 1)
    config = site.config
    changes = sorted(next_changes(site.stories, at, config.tz) + site.extras["donor"].changes())
    report = BuildReport(
        at=at,
        findings=tuple(findings),
        waived=tuple(waived),
        published=tuple(sorted(s.url for s in site.stories if site.publications[s.path].live)),
        excluded=tuple(
            sorted((s.path, p.reason) for s in site.stories if not (p := site.publications[s.path]).live)
        ),
        files=len(files),
        next_change=changes[0] if changes else None,
        seconds=time.monotonic() - started,
    )
    caches.finish(scan_key)
    return Made(site, files, report, caches)


def scan_fingerprint(site_key: str, names: set[str]) -> str:
    """What the output scan's verdict on a file depends on besides the file: the site (denylist,
    key, code) and the protected names."""
    return digest("scan", site_key, *sorted(names))


def build(
    root: pathlib.Path, at: dt.datetime, *, strict: bool = False, progress: Progress = _no_progress
) -> BuildReport:
    """Make the site and, if all is well, swap it into output/ whole; write the reports beside it.

    The lock covers reading as well as writing: a build that read older sources (a consent not yet
    withdrawn) must never publish after one that read newer sources."""
    started = time.monotonic()
    config = load_config(root)
    state_dir = config.state_dir
    with build_lock(state_dir):
        current = uptodate.answer(root, config, at, strict)
        if current is not None:  # nothing read has changed, no decision falls due: output/ is already right
            return current
        inputs = uptodate.fingerprint(root, config, strict)
        made = make(root, at, strict=strict, progress=progress)
        config = made.site.config
        urls = sorted("/" + p.removesuffix("index.html") for p in made.files if p.endswith(".html"))
        urls += sorted(
            "/" + p for p in made.files if p.startswith("images/")
        )  # a removed story's pictures are purged too
        takedown = takedown_since_last(config, urls)
        uptodate.forget(state_dir)
        if made.caches is not None:
            made.caches.forget_page_record()  # until the new output is in place, no record describes it
        publish(root, config.output_dir, config.state_dir, made.files)
        if made.caches is not None:
            made.caches.save_page_record()
        _write_state(config, at, urls, takedown, made.report.next_change)
        nxt = made.report.next_change
        # Recorded only if the inputs did not change while the build read them.
        if uptodate.fingerprint(root, config, strict) == inputs:
            until = uptodate.holds_until(at, config.tz, nxt[0] if nxt else None)
            uptodate.save(
                state_dir,
                uptodate.Record(
                    inputs, at, until, report_to_json(made.report), uptodate.output_listing(config.output_dir)
                ),
            )
    return dataclasses.replace(made.report, takedown=takedown, seconds=time.monotonic() - started)


def check(root: pathlib.Path, at: dt.datetime, progress: Progress = _no_progress) -> BuildReport:
    """Run every rule on every source without writing anything.

    When the sources are clean, the site is also rendered in memory and scanned exactly as a build
    would, so `check` passing means `build` will too (URL clashes, output scan, image checks).
    """
    site = load_site(root, at, progress)
    caches = Caches(site.config.state_dir / "cache")  # read, never written: check writes nothing
    site_key = uptodate.fingerprint(root, site.config, False, stories=False, files=caches.files)
    findings, waived = run_checks(site, at, progress, caches, site_key)
    if not any(f.is_error for f in findings):
        try:
            files = render_site(site, progress, caches)
            names = protected_names(site.stories)
            findings += scan_output(
                files,
                site.extras.get("denylist"),
                names,
                known_clean=functools.partial(caches.is_clean, scan_fingerprint(site_key, names)),
            )
            findings += verify_outputs(files)
        except ContentError as exc:
            findings += exc.findings
    return BuildReport(at=at, findings=tuple(sort_findings(findings)), waived=tuple(waived))
