"""`impactsite approve`: a safeguarding reviewer's decision on every warning, then the review of the
exact current text, optionally signed with the reviewer's SSH key.

The checks run as if the file were being published (a draft is approved for what it will be). Any
error refuses the approval: errors are never waived. Each warning is shown; one already accepted by a
sound decision for this very text is kept, every other one needs a decision now (`Interaction.decide`:
the command line asks on a terminal, or takes `--accept RULE:TOKEN` from a script). A decision is
recorded in `waivers:` with the warning's token, so new text that raises the same rule needs a new
one. The library never prints or prompts: the command line supplies the interaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import os
import pathlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from generator import checks
from generator.build import Site, load_site, run_checks
from generator.cache.steps import Steps
from generator.cache.store import Store
from generator.content.model import Page, Review, Source, Story, Waiver
from generator.content.parse import read_source
from generator.content.publication import decide
from generator.errors import ContentError, UsageError
from generator.findings import Finding, Severity, error, sort_findings
from generator.safety import decisions_file, signoff, sshsig, waivers
from generator.safety.links import Addresses, site_addresses

# What approve itself puts right by writing new review and waivers blocks.
RESOLVED_HERE = {r.id for r in signoff.RULES + waivers.RULES} - {"SIGNOFF-SIGNERS"}
MISSING = "DECISION-MISSING"  # on other files: their own approval puts it right


@dataclass(frozen=True)
class Interaction:
    """How approve talks to the reviewer: `shown` for a warning a sound decision already accepted,
    `decide` for one that needs a decision now (a reason to accept it, or None to refuse)."""

    decide: Callable[[str, Finding], str | None]
    shown: Callable[[str, Finding, Waiver], None] = lambda path, finding, waiver: None


REFUSE_ALL = Interaction(decide=lambda path, finding: None)


@dataclass(frozen=True)
class _Item:
    path: str
    file: pathlib.Path
    source: Source | None  # None for a file without front matter: its decisions go to safety/decisions.yaml
    author: str | None
    waivers: tuple[Waiver, ...]
    kind: str  # "story", "page" or "file", for messages


def review_block(review: Review) -> str:
    text = f'review:\n  reviewer: {review.reviewer}\n  date: {review.date.isoformat()}\n  text_hash: "{review.text_hash}"\n'
    if review.signature:
        text += "  signature: |\n" + _indent(review.signature, 4)
    return text


def waivers_block(decisions: list[Waiver]) -> str:
    if not decisions:
        return ""
    lines = ["waivers:"]
    for w in decisions:
        lines += waivers.waiver_entry(w)
    return "\n".join(lines) + "\n"


def _indent(text: str, n: int) -> str:
    return "".join(" " * n + line + "\n" for line in text.strip().splitlines())


def replace_block(text: str, source: Source, key: str, block: str) -> str:
    """Put `block` in place of the top-level front-matter entry `key` (or before the closing fence),
    keeping everything else as written. An empty block removes the entry."""
    lines = text.split("\n")
    fm_end = source.body_line - 2  # index of the closing --- line
    if (key,) in source.front.key_marks:
        start = source.front.key_marks[(key,)][0] - 1
        end = start + 1
        while end < fm_end and (lines[end].startswith((" ", "\t", "-")) or not lines[end].strip()):
            end += 1
    else:
        start = end = fm_end
    new = block.rstrip("\n").split("\n") if block else []
    return "\n".join(lines[:start] + new + lines[end:])


def replace_review(text: str, story: Story, block: str) -> str:
    return replace_block(text, story.source, "review", block)


def _as_published(site: Site, story: Story, at: dt.datetime, whole: Callable[[], Addresses]) -> Site:
    """The site with `story` decided as if its status were published: a draft is approved for what
    it will be, with every publication rule applied. `whole` gives the site's addresses as they are
    (worked out once for all the files approved: a story already published changes none of them)."""
    pub = decide(dataclasses.replace(story, status="published"), at, site.config.tz)
    same = site.publications.get(story.path) == pub
    extras = {**site.extras, "site_addresses": whole() if same else site_addresses(site, {story.path: pub})}
    return dataclasses.replace(
        site, stories=(story,), pages=(), publications={story.path: pub}, extras=extras
    )


def _only_page(site: Site, page: Page) -> Site:
    extras = {**site.extras, "site_addresses": site_addresses(site)}  # its links, against the whole site
    return dataclasses.replace(site, stories=(), pages=(page,), publications={}, extras=extras)


def _only_surfaces(site: Site) -> Site:
    """The site cut down to what is not a story or a page: data files, site.yaml and downloads are
    read from the site itself."""
    extras = {**site.extras, "site_addresses": site_addresses(site)}
    return dataclasses.replace(site, stories=(), pages=(), publications={}, extras=extras)


def _item(
    root: pathlib.Path,
    site: Site,
    f: pathlib.Path,
    at: dt.datetime,
    whole: Callable[[], Addresses],
    stories: dict[str, Story],
    recorded: dict[str, tuple[Waiver, ...]],
) -> tuple[_Item, Site] | list[Finding]:
    resolved = f.resolve()
    try:
        rel = resolved.relative_to(root.resolve()).as_posix()
    except ValueError:
        raise UsageError(f"{f} is not inside the site at {root}") from None
    story = stories.get(rel)
    if story is not None:
        return _Item(rel, resolved, story.source, story.author, story.waivers, "story"), _as_published(
            site, story, at, whole
        )
    page = next((p for p in site.pages if p.path == rel), None)
    if page is not None:
        return _Item(rel, resolved, page.source, page.author, page.waivers, "page"), _only_page(site, page)
    parse_errors = [p for p in site.findings if p.path == rel]
    if parse_errors:
        return parse_errors
    donor = site.extras.get("donor")
    downloads = {d.path for d in donor.downloads} if donor is not None else set()
    data = rel == "site.yaml" or rel.startswith(("content/campaigns/", "content/data/")) or rel in downloads
    if data and decisions_file.decided_here(rel) and resolved.is_file():
        return _Item(rel, resolved, None, None, recorded.get(rel, ()), "file"), _only_surfaces(site)
    raise UsageError(
        f"{f} is not a story, a page, a data file, site.yaml or a download (stories live in "
        "content/stories/, pages in content/pages/, data files in content/campaigns/ and content/data/)"
    )


def approve(
    root: pathlib.Path,
    files: list[pathlib.Path],
    reviewer: str,
    at: dt.datetime,
    interaction: Interaction = REFUSE_ALL,
    key: pathlib.Path | None = None,
) -> list[str]:
    """Record the reviewer's decisions and review in each file, or raise ContentError saying why
    none was approved (one refused file means none is written)."""
    if not re.fullmatch(r"[\w.@-]+", reviewer):
        raise UsageError("--reviewer must be a staff handle (letters, digits, . _ - @), e.g. safeguarding-01")
    site = load_site(root, at)
    config = site.config
    if config.safety.signed_reviews and key is None:
        raise UsageError(
            "this site requires signed reviews: add --sign with your SSH key, e.g. --sign ~/.ssh/id_ed25519 "
            f"(its public half must be listed for {reviewer} in {config.safety.allowed_signers})"
        )
    problems: list[Finding] = []
    refused: list[Finding] = []
    todo: list[tuple[_Item, list[Waiver]]] = []
    day = at.astimezone(config.tz).date()
    whole = functools.cache(lambda: site_addresses(site))
    # One store and one fingerprint of what the checks read besides each story, for all the files:
    # worked out per file, both walked the whole site each time (quadratic on a large site).
    steps = Steps(Store.memory())
    site_key = checks.site_fingerprint(config.root, config, site.files)
    stories = {s.path: s for s in site.stories}
    recorded, unreadable = decisions_file.read_decisions(root)
    problems += unreadable  # rewriting a decisions file that cannot be read would lose what it says
    for f in files:
        got = _item(root, site, f, at, whole, stories, recorded)
        if isinstance(got, list):
            problems += got
            continue
        item, alone = got
        if item.source is not None and waivers.same_person(item.author, reviewer):
            problems.append(
                error(
                    item.path,
                    *item.source.where(("author",)),
                    "SIGNOFF-SELF",
                    f"{reviewer} wrote this {item.kind} and cannot approve it",
                    "ask another safeguarding reviewer",
                )
            )
            continue
        found, accepted = run_checks(alone, at, steps=steps, site_key=site_key)
        mine = [x for x in found if x.path == item.path]
        blocking = [x for x in mine if x.is_error and x.rule not in RESOLVED_HERE]
        # Site-wide errors too (config, denylist key, signers): a review would vouch for checks that never ran.
        blocking += [
            x
            for x in found
            if x.is_error and not x.path.startswith("content/") and x.path != item.path and x.rule != MISSING
        ]
        if blocking:
            problems += blocking
            continue
        warnings = [x for x in mine + accepted if x.severity is Severity.WARNING and x.path == item.path]
        decisions, declined = _decide(item, warnings, reviewer, day, interaction, site)
        refused += declined
        todo.append((item, decisions))
    if problems:
        raise ContentError(sort_findings(problems), "not approved: fix these first, then approve again")
    if refused:
        raise ContentError(
            sort_findings(refused),
            "not approved: every warning needs a decision; fix the text or accept each warning with a reason",
        )
    texts: list[tuple[pathlib.Path, str]] = []
    for item, decisions in todo:
        if item.source is None:
            recorded = {**recorded, item.path: tuple(_signed(item.path, decisions, key))}
        else:
            texts.append((item.file, _approved_text(item, decisions, reviewer, day, key, site)))
    if any(item.source is None for item, _ in todo):
        texts.append((root / decisions_file.DECISIONS_FILE, decisions_file.decisions_text(recorded)))
    for file, text in texts:
        file.parent.mkdir(parents=True, exist_ok=True)
        tmp = file.with_name(f".{file.name}.approve-tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, file)
    return [item.path for item, _ in todo]


def _decide(
    item: _Item, warnings: list[Finding], reviewer: str, day: dt.date, interaction: Interaction, site: Site
) -> tuple[list[Waiver], list[Finding]]:
    """(the decisions to record, the warnings refused)."""
    verified = signoff.decision_verifier(site.config, item.path)
    kept: list[Waiver] = []
    new: list[Waiver] = []
    refused: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    for finding in sort_findings(warnings):
        pair = (finding.rule, finding.token)
        if pair in seen:  # the same text raising the same rule again: one decision covers both
            continue
        seen.add(pair)
        old = next(
            (
                w
                for w in item.waivers
                if w.rule == finding.rule
                and finding.token in w.tokens
                and waivers.sound(w, item.author)
                and (verified is None or verified(w))
            ),
            None,
        )
        if old is not None:
            interaction.shown(item.path, finding, old)
            if old not in kept:
                kept.append(old)
            continue
        reason = interaction.decide(item.path, finding)
        if reason is None or len(reason.strip()) < waivers.MIN_REASON:
            accept = f'--accept {finding.rule}:{finding.token} --reason "why it is acceptable"'
            refused.append(
                dataclasses.replace(finding, fix=f"{finding.fix}; or a reviewer accepts it: {accept}")
            )
            continue
        new.append(Waiver(finding.rule, reviewer, reason.strip(), tokens=(finding.token,), date=day))
    return kept + new, refused


def _approved_text(
    item: _Item, decisions: list[Waiver], reviewer: str, day: dt.date, key: pathlib.Path | None, site: Site
) -> str:
    config = site.config
    assert item.source is not None
    decisions = _signed(item.path, decisions, key)
    text = replace_block(item.source.text, item.source, "waivers", waivers_block(decisions))
    source = _reread(item.path, text)
    review = Review(reviewer, day, signoff.text_hash(source, config.content_dir))
    if key is not None:
        payload = signoff.review_payload(item.path, review)
        review = dataclasses.replace(review, signature=sshsig.sign(payload, key))
        _check_own_signature(site, item, review, payload, reviewer)
    return replace_block(text, source, "review", review_block(review))


def _signed(path: str, decisions: list[Waiver], key: pathlib.Path | None) -> list[Waiver]:
    """The decisions, each signed with `key` (when given) unless it already carries a signature."""
    if key is None:
        return decisions
    return [
        w
        if w.signature
        else dataclasses.replace(w, signature=sshsig.sign(signoff.decision_payload(path, w), key))
        for w in decisions
    ]


def _reread(path: str, text: str) -> Source:
    source, problems = read_source(path, text.encode("utf-8"))
    if source is None:  # cannot happen: only whole YAML blocks were written
        raise ContentError(problems, "approve could not write valid front matter; nothing was written")
    return source


def _check_own_signature(site: Site, item: _Item, review: Review, payload: bytes, reviewer: str) -> None:
    """Say now, not at the next build, when the key is not one the site accepts for this reviewer."""
    config = site.config
    if not signoff.signer_files(config)[0].is_file():
        if config.safety.signed_reviews:
            raise UsageError(
                f"this site requires signed reviews but {config.safety.allowed_signers} does not exist"
            )
        return
    verdict = signoff.check_signature(config, payload, review.signature, reviewer)
    problem = signoff.signature_problem(verdict, "your signature", reviewer, item.author, config, "")
    if problem is not None:
        raise UsageError(
            f"not approved: {problem[0]}. The key you signed with must be listed for {reviewer} in "
            f"{config.safety.allowed_signers} (README: Signed reviews)"
        )
