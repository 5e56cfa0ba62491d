"""`impactsite serve`'s previews: every story, drafts and unapproved edits included, exactly as it
will look, with a "Preview — not published" band, the reason it is not live, and its findings
marked in the text (generator/serve/marks.py) and listed in a panel.

One rebuild renders the site twice, as the build would:
1. what `build` would publish: every live story with nothing stopping it (a story with a problem is
   left out here, as if it were a draft, instead of stopping the whole site);
2. every story as if it were live, with `preview` in the templates' context: the pages of the
   stories that (1) left out are taken from this one, their findings marked in place.
`serve --as-published` uses the build itself (`generator.build.make`) and shows only (1).
A build never has `preview`, so no preview can reach `output/`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import html
import pathlib
import re
from collections import defaultdict
from dataclasses import dataclass, field

from generator import safety
from generator.build import Site, check_all, load_site, render_files
from generator.cache.files import FileDigests
from generator.cache.steps import Steps
from generator.checks import site_fingerprint
from generator.commands.check_files import REVIEW_RULES
from generator.content.model import Story
from generator.content.publication import EMBARGOED, ENDED, HIDDEN, INVALID, LIVE, Publication, decide
from generator.content.story_schema import CHANNELS
from generator.content.visible import visible_text
from generator.findings import Finding, sort_findings
from generator.render.markdown import MarkdownRenderer
from generator.safety.redact import mask_finding
from generator.safety.registry import StoryContext
from generator.serve import marks as marks_mod
from generator.serve.marks import Mark

INDEX = "_impactsite/index.html"  # the list of previews, at /_impactsite/
_HEAD = re.compile(r"<head[^>]*>\n?", re.IGNORECASE)


@dataclass(frozen=True)
class Notice:
    """What the band and the panel of one preview say (templates/partials/preview.html)."""

    path: str  # the source file
    reason: str  # why it is not live, in plain words
    marks: tuple[Mark, ...] = ()
    findings: tuple[Finding, ...] = ()  # the same, in the same order, with their positions

    @property
    def summary(self) -> str:
        errors = sum(m.severity == "error" for m in self.marks)
        warnings = len(self.marks) - errors
        parts = []
        if errors:
            parts.append(f"{errors} must be fixed")
        if warnings:
            parts.append(f"{warnings} need{'s' if warnings == 1 else ''} a reviewer's decision")
        n = len(self.marks)
        return (
            f"{n} problem{'s' if n != 1 else ''} stop{'s' if n == 1 else ''} it being published: "
            + ", ".join(parts)
        )


@dataclass(frozen=True)
class Previews:
    """The `preview` templates see: the notice for a page's URL, if that page is a preview."""

    notices: dict[str, Notice] = field(default_factory=dict)

    def notice(self, url: str) -> Notice | None:
        return self.notices.get(url)

    def memo_key(self) -> str:
        return hashlib.blake2b(repr(sorted(self.notices.items())).encode(), digest_size=16).hexdigest()


WHOLE_SITE = "These problems stop the whole site from being published (build would publish nothing):"
UNREADABLE = "A file could not be read: you are seeing the last good version of its page. Fix this:"


@dataclass(frozen=True)
class PreviewMade:
    files: dict[str, bytes]
    problems: tuple[str, str] | None  # (heading, text): what stops the whole site (config, a page…)
    previews: dict[str, Notice]  # by URL
    base: str = ""  # the path the site is published under (site.yaml's base_url)


def make_preview(
    root: pathlib.Path,
    at: dt.datetime,
    steps: Steps,
    now: dt.datetime | None = None,
    previous: dict[str, bytes] | None = None,
    inputs: FileDigests | None = None,
) -> PreviewMade:
    """The site as `build` would publish it, plus a labelled preview of every other story.
    `now` is the real clock when `at` was set by `serve --at`: a story live at `at` but not yet
    live now is labelled as a preview too. `previous` is the last files served: a story that no
    longer parses keeps its last page there, under the problem, instead of vanishing."""
    site = load_site(root, at, steps=steps, files=inputs)
    site_key = site_fingerprint(root, site.config, site.files)
    findings, _ = check_all(site, at, steps, site_key)
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_path[f.path].append(f)
    story_paths = {s.path for s in site.stories}
    blocked = {s.path for s in site.stories if any(f.is_error for f in by_path[s.path])}
    shown = {
        s.path: (
            site.publications[s.path]
            if s.path not in blocked
            else Publication(s, frozenset(), "it has problems to fix", HIDDEN)
        )
        for s in site.stories
    }
    published = dataclasses.replace(site, publications=shown)
    files, file_findings = render_files(published, at, steps, site_key)
    problems = [f for f in findings if f.is_error and f.path not in story_paths]
    problems += [f for f in file_findings if f.is_error]  # the output scan and the other file checks
    notices: dict[str, Notice] = {}
    forced: dict[str, Publication] = {}
    for story in site.stories:
        real = shown[story.path]
        early = now is not None and real.live and not decide(story, now, site.config.tz).live
        if real.live and not early:
            continue
        # The text's problems first, in reading order; what a reviewer settles afterwards last.
        found = sorted(
            _as_published_findings(site, story, at, by_path[story.path]),
            key=lambda f: (f.rule in REVIEW_RULES, f.line, f.column),
        )
        numbered = tuple(_mark(story, f, i) for i, f in enumerate(found, 1))
        reason = _reason(story, site.publications[story.path], found, site, early)
        notices[story.url] = Notice(story.path, reason, numbered, tuple(found))
        forced[story.path] = _forced_live(story, at, site)
    if notices:
        everything = dataclasses.replace(site, publications={**shown, **forced})
        previews = Previews(notices)
        rendered, _ = render_files(everything, at, steps, site_key, context={"preview": previews})
        notices = _mark_bodies(site, rendered, notices)
        previews = Previews(notices)  # with the marks that could be placed in the text
        rendered, _ = render_files(everything, at, steps, site_key, context={"preview": previews})
        for story in site.stories:
            if story.url in notices:
                page = "stories/" + story.slug + "/index.html"
                files[page] = _finish_page(site, story, rendered[page].decode(), notices[story.url])
        for path, data in rendered.items():
            if path.startswith("images/"):
                files.setdefault(path, data)
    # A story or page that no longer reads keeps its last page, under the problem.
    unread = {f.path for f in problems if f.path.startswith(("content/stories/", "content/pages/"))}
    unread -= story_paths | {p.path for p in site.pages}
    for path in unread:
        stem = pathlib.PurePosixPath(path).stem
        page = f"stories/{stem}/index.html" if path.startswith("content/stories/") else f"{stem}/index.html"
        if previous and page in previous and page not in files:
            files[page] = previous[page]
    files[INDEX] = index_page(site, shown, notices).encode()
    if not problems:
        return PreviewMade(files, None, notices, site.config.base_path)
    heading = UNREADABLE if all(f.path in unread for f in problems) else WHOLE_SITE
    shown_problems = "\n".join(
        mask_finding(f).format() for f in sort_findings(problems)
    )  # never a protected value
    return PreviewMade(files, (heading, shown_problems), notices, site.config.base_path)


def _as_published_findings(site: Site, story: Story, at: dt.datetime, found: list[Finding]) -> list[Finding]:
    """A draft is checked only for what must never be in a source; its preview shows everything
    that would stop it being published."""
    pub = site.publications[story.path]
    if pub.publishing:
        return sort_findings(found)
    as_published = decide(dataclasses.replace(story, status="published"), at, site.config.tz)
    if not as_published.publishing:
        return sort_findings(found)
    ctx = StoryContext(site.config, at, as_published, visible_text(story.source.body), site.extras)
    more, _ = safety.check_story(story, ctx)
    return sort_findings(found + more)


def _forced_live(story: Story, at: dt.datetime, site: Site) -> Publication:
    pub = decide(dataclasses.replace(story, status="published", publish_on=None), at, site.config.tz)
    return Publication(story, pub.channels or frozenset(CHANNELS), "", LIVE)


def _mark(story: Story, f: Finding, number: int) -> Mark:
    in_body = marks_mod.body_offset(story.source, f) is not None
    if f.line and f.column:
        where = f"line {f.line}, column {f.column}"
    else:
        where = f"line {f.line}" if f.line else "the whole file"
    if not in_body and f.line:
        where = "front matter, " + where
    label = "Must fix" if f.is_error else "Warning"
    shown = mask_finding(f)  # the overlay never repeats a protected value
    return Mark(number, f.severity.value, label, f.rule, where, shown.message, shown.fix)


def _reason(story: Story, pub: Publication, found: list[Finding], site: Site, early: bool) -> str:
    rules = {f.rule for f in found if f.is_error}
    errors = sum(f.is_error for f in found)
    if early and pub.state == LIVE:
        when = _moment(story.publish_on, site) if story.publish_on else "later"
        return f"Embargoed until {when}: you are looking at the site as it will be then (serve --at)."
    if story.status == "draft":
        return "This story is a draft (status: draft). It is not published, whatever it says."
    if story.status == "review":
        return "This story is waiting for review (status: review). It is not published yet."
    if story.status == "withdrawn":
        return "This story is withdrawn (status: withdrawn) and is not published."
    if pub.state == ENDED:
        return f"This story has been taken down: {pub.reason}."
    if pub.state == INVALID:
        return f"This story cannot be published: {pub.reason}."
    if "SIGNOFF-STALE" in rules:
        why = "It changed after it was reviewed: a safeguarding reviewer must read it again."
    elif "SIGNOFF-MISSING" in rules:
        why = "It is waiting for a safeguarding review."
    elif "DECISION-MISSING" in rules:
        why = "A safeguarding reviewer has not yet decided on its warnings."
    elif errors:
        why = "It has problems that must be fixed first."
    elif pub.state == EMBARGOED and story.publish_on:
        return f"Embargoed until {_moment(story.publish_on, site)}: it goes live then by itself."
    else:
        why = "It is not live yet."
    return "Not live: " + why


def _moment(when: dt.datetime, site: Site) -> str:
    local = when.astimezone(site.config.tz)
    offset = local.strftime("%z")
    return f"{local.day} {local:%B %Y, %H:%M} (UTC{offset[:3]}:{offset[3:]})"


def _mark_bodies(site: Site, rendered: dict[str, bytes], notices: dict[str, Notice]) -> dict[str, Notice]:
    """Notices whose marks say which could be placed in the text (the anchor to link to)."""
    out = {}
    for story in site.stories:
        notice = notices.get(story.url)
        if notice is None:
            continue
        _, placed = _marked_body(site, story, notice)
        marks = tuple(
            dataclasses.replace(m, anchor=f"impactsite-problem-{m.number}") if m.number in placed else m
            for m in notice.marks
        )
        out[story.url] = dataclasses.replace(notice, marks=marks)
    return out


def _marked_body(site: Site, story: Story, notice: Notice) -> tuple[tuple[str, str], set[int]]:
    """((the body as the build renders it, the same with the marks), the marks placed)."""
    pseudonyms = tuple(p.name for p in story.people if p.name_type == "pseudonym")
    every = site.config.pseudonyms.mark == "every"
    renderer = MarkdownRenderer()
    plain = renderer.render(story.source.body, pseudonyms, every=every).html
    marked_source = marks_mod.with_markers(story.source, notice.findings)
    raw = renderer.render(marked_source, pseudonyms, every=every).html
    marked, placed = marks_mod.place(raw, {m.number: m for m in notice.marks})
    return (plain, marked), placed


def _finish_page(site: Site, story: Story, page: str, notice: Notice) -> bytes:
    """The preview page: noindex, and its text with the findings marked in place."""
    (plain, marked), _ = _marked_body(site, story, notice)
    if plain and plain in page:
        page = page.replace(plain, marked, 1)
    page = _HEAD.sub(lambda m: m.group(0) + '<meta name="robots" content="noindex">\n', page, count=1)
    return page.encode()


def index_page(site: Site, shown: dict[str, Publication], notices: dict[str, Notice]) -> str:
    """/_impactsite/: every story, live or previewed, with why and how many problems."""
    rows = []
    for story in sorted(site.stories, key=lambda s: (s.url not in notices, s.title.lower())):
        notice = notices.get(story.url)
        state = "Published" if notice is None else "Preview"
        why = "" if notice is None else notice.reason
        count = "" if notice is None or not notice.marks else notice.summary
        rows.append(
            f'<tr><th scope="row"><a href="{html.escape(site.config.path(story.url))}">{html.escape(story.title)}</a></th>'
            f"<td>{state}</td><td>{html.escape(why)} {html.escape(count)}</td>"
            f"<td><code>{html.escape(story.path)}</code></td></tr>"
        )
    body = (
        "\n".join(rows) or '<tr><td colspan="4">No stories yet: run impactsite new story "A title".</td></tr>'
    )
    title = f"Previews · {site.config.title}"
    return (
        f'<!doctype html>\n<html lang="{html.escape(site.config.language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        f'<title>{html.escape(title)}</title>\n</head>\n<body class="impactsite-index">\n'
        f'<main id="main">\n<h1>Every story, and whether it is published</h1>\n'
        "<p>Previews are shown only here, by <code>impactsite serve</code>: a build never contains them. "
        "Open a story to see it as it will look, with its problems marked in the text. "
        f'<a href="{html.escape(site.config.path("/"))}">The site as published</a>.</p>\n'
        '<table>\n<thead><tr><th scope="col">Story</th><th scope="col">State</th>'
        '<th scope="col">Why</th><th scope="col">File</th></tr></thead>\n'
        f"<tbody>\n{body}\n</tbody>\n</table>\n</main>\n</body>\n</html>\n"
    )
