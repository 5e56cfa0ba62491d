"""The safety rules, run as steps: one per story, reused while nothing it reads has changed.

A story's checks read the story's file, its publication (state, channels, reason), the day (rules
count whole days) and the rest of the site that rules may look at: site.yaml, the denylist and the
key's check, safety/, and every content file that is not a story (pages, data, campaigns, images).
`site_fingerprint` is one digest of that rest; the generator's code and libraries are in every key.

To add a per-file check (plain pages, data files, downloads…): write a function like `check_stories`
that runs `steps.run("check-<kind>", (site_key, path, digest, …), compute, findings codec)` per file,
and call it from `build.check_all`. Safety is only ever called through `generator.safety`.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import hmac
import os
import pathlib
from collections.abc import Callable
from typing import Any

from generator import safety
from generator.cache.files import FileDigests
from generator.cache.keys import walk
from generator.cache.steps import MISSING, Steps
from generator.cache.store import digest
from generator.config.settings import SiteConfig
from generator.content.model import Story
from generator.content.publication import Publication
from generator.content.records import findings_from_json, findings_to_json
from generator.content.visible import visible_text
from generator.donor import confirmations
from generator.findings import Finding
from generator.render import csp
from generator.render.output import FileChecks
from generator.render.policy import page_problems
from generator.safety.denylist_store import KEY_ENV, Matcher, key_from_env, load_denylist
from generator.safety.image_metadata import verify_outputs
from generator.safety.output_scan import scan_output
from generator.safety.registry import SiteContext, StoryContext
from generator.workers import fork_map

Checked = tuple[list[Finding], list[Finding]]  # (findings, waived warnings)


def site_fingerprint(root: pathlib.Path, config: SiteConfig, files: FileDigests) -> str:
    """Everything a story's checks may read besides the story itself, as one digest."""
    h = hashlib.blake2b(digest_size=20)
    key = key_from_env()
    # A keyed hash of a fixed text: it changes with the key but reveals nothing about it.
    h.update(hmac.new(key, b"impactsite checks", "sha256").digest() if key else b"no key")
    story_dir = str(root / "content" / "stories")
    for label in ("content", "safety"):
        for path, rel in walk(root / label):
            if os.path.dirname(path) == story_dir and path.lower().endswith(".md"):
                continue
            h.update(f"{label}/{rel}\0".encode())
            h.update(files.of(path))
    signers = (config.safety.allowed_signers, config.safety.revoked_signers)  # wherever site.yaml puts them
    for name in ("site.yaml", config.safety.denylist, *signers):
        h.update(f"file/{name}\0".encode())
        h.update(files.of(root / name))
    return h.hexdigest()


def checking_extras(config: SiteConfig) -> dict[str, Any]:
    """What rules read besides config and story: the denylist matcher (or why there is none)."""
    path = config.root / config.safety.denylist
    denylist = load_denylist(path)
    extras: dict[str, Any] = {"rule_severities": safety.rule_severities(), "denylist": None}
    if not len(denylist):
        return extras
    key = key_from_env()
    if key is None:
        extras["denylist_problem"] = (
            f"the denylist has {len(denylist)} entries but {KEY_ENV} is not set, so it cannot be checked"
        )
        return extras
    matcher = Matcher(denylist, key)
    if not matcher.key_matches():
        extras["denylist_problem"] = f"{KEY_ENV} is not the key this denylist was made with"
        return extras
    extras["denylist"] = matcher
    return extras


def check_one(
    config: SiteConfig,
    at: dt.datetime,
    publications: dict[str, Publication],
    extras: dict[str, Any],
    story: Story,
) -> Checked:
    ctx = StoryContext(config, at, publications[story.path], visible_text(story.source.body), extras)
    return safety.check_story(story, ctx)


def _encode(result: Checked) -> Any:
    return [findings_to_json(result[0]), findings_to_json(result[1])]


def _decode(data: Any) -> Checked:
    return findings_from_json(data[0]), findings_from_json(data[1])


def check_stories(
    stories: tuple[Story, ...],
    publications: dict[str, Publication],
    file_digests: dict[str, str],
    config: SiteConfig,
    at: dt.datetime,
    extras: dict[str, Any],
    site_key: str,
    steps: Steps,
    progress: Callable[[str, int, int], None],
) -> Checked:
    """Every story's checks: reused per story, the rest spread over the cores."""
    day = at.astimezone(config.tz).date().isoformat()  # rules read `at` only to count whole days
    findings: list[Finding] = []
    waived: list[Finding] = []
    todo: list[tuple[str, Story]] = []
    for story in stories:
        pub = publications[story.path]
        parts = (
            site_key,
            story.path,
            file_digests[story.path],
            pub.state,
            ",".join(sorted(pub.channels)),
            pub.reason,
            day,
        )
        key = steps.key("check-story", *parts)
        hit = steps.lookup(key, _decode)
        if hit is MISSING:
            todo.append((key, story))
        else:
            findings += hit[0]
            waived += hit[1]
    check = functools.partial(check_one, config, at, publications, extras)
    results = fork_map(check, [s for _, s in todo], progress=lambda done: progress("check", done, len(todo)))
    for (key, _), result in zip(todo, results, strict=True):
        steps.remember(key, result, _encode)
        findings += result[0]
        waived += result[1]
    return findings, waived


def check_site(
    config: SiteConfig,
    at: dt.datetime,
    stories: tuple[Story, ...],
    publications: dict[str, Publication],
    extras: dict[str, Any],
) -> list[Finding]:
    """The rules that look at the whole site (cheap; run every build)."""
    return safety.check_site(SiteContext(config, at, stories, publications, extras))


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


def file_checks(
    root: pathlib.Path,
    site_key: str,
    matcher: Matcher | None,
    names: set[str],
    policy: csp.Policy,
    phrases: list[confirmations.Phrase],
    theme_dirs: list[pathlib.Path],
    theme_key: str,
) -> FileChecks:
    """The checks every output file passes: the output scan (denylist, protected names, comments),
    inline code outside the theme's policy, confirmation sentences off their thank-you page, and
    the metadata proof of every image. Keyed by all they read besides the file."""
    phrase_text = [repr((p.text, sorted(p.allowed))) for p in phrases]  # sets print in any order
    key = digest(site_key, theme_key, policy.header(), *sorted(names), *phrase_text)

    def run_many(files: list[tuple[str, bytes, str]]) -> list[list[Finding]]:
        scanned = scan_output({path: data for path, data, _ in files}, matcher, names)
        by_file: dict[str, list[Finding]] = {}
        for f in scanned:
            by_file.setdefault(f.path.removeprefix("output/"), []).append(f)
        out = []
        for path, data, owner in files:
            found = by_file.get(path, [])
            if path.endswith(".html"):
                found += page_problems(path, data.decode("utf-8", "replace"), policy)
                found += confirmations.misplaced({path: data}, {path: owner}, phrases, theme_dirs, root)
            out.append(found + verify_outputs({path: data}))
        return out

    return FileChecks(key, run_many)
