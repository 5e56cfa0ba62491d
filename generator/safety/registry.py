"""The rule registry: each rule a small function from parsed content to hits, with a stable id.

A rule module defines functions decorated with @story_rule or @site_rule and lists them in RULES;
`generator.safety.ALL_RULES` gathers the modules. Adding a rule touches one module and its tests.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from generator.config.settings import SiteConfig
from generator.config.yamlload import Path
from generator.content.model import Source, Story
from generator.content.publication import Publication
from generator.findings import Finding, Severity

ERROR = Severity.ERROR
WARNING = Severity.WARNING

# Where a story rule applies.
ANY = "any"  # every story file, drafts included: identities must never be in the sources at all
PUBLISHING = "publishing"  # stories meant to be public, now or after an embargo


@dataclass(frozen=True)
class Hit:
    """What a rule reports; the runner adds the rule id, severity and file position."""

    message: str
    fix: str = ""
    path: Path | None = None  # a front-matter path …
    offset: int | None = None  # … or a character offset in the body
    key: bool = False  # point at the key of `path`, not its value
    line: int | None = None  # explicit position (rarely needed)
    column: int | None = None
    length: int = 0  # characters covered in the source, for marking the finding in place
    subject: str = ""  # the matched text: only ever hashed into Finding.token, never shown


@dataclass(frozen=True)
class StoryContext:
    """Everything a story rule may look at besides the story itself."""

    config: SiteConfig
    at: dt.datetime
    publication: Publication
    visible: str  # the body with private content blanked, offsets unchanged
    extras: dict[str, Any] = field(default_factory=dict)  # denylist, site knowledge… (read-only)
    # Every text detector's findings in every visible field, computed once per story by check_story.
    text: tuple[tuple[Any, Any], ...] = ()


@dataclass(frozen=True)
class SiteContext:
    config: SiteConfig
    at: dt.datetime
    stories: tuple[Story, ...]
    publications: dict[str, Publication]
    extras: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    family: str
    title: str  # what it protects, in a few words
    explanation: str  # one paragraph, for `impactsite rules` and docs/safety-rules.md
    source: str  # the guideline or law it comes from
    scope: str  # ANY, PUBLISHING or "site"
    check: Callable[..., Iterable[Hit | Finding]]
    minor_error: bool = False  # a warning elsewhere, an error on a child's story (default deny)

    def severity_for(self, minor: bool) -> Severity:
        return Severity.ERROR if self.minor_error and minor else self.severity


def story_rule(
    id: str,
    severity: Severity,
    *,
    family: str,
    title: str,
    source: str,
    scope: str = PUBLISHING,
    minor_error: bool = False,
) -> Callable[[Callable[[Story, StoryContext], Iterable[Hit]]], Rule]:
    def wrap(fn: Callable[[Story, StoryContext], Iterable[Hit]]) -> Rule:
        return Rule(id, severity, family, title, _doc(fn), source, scope, fn, minor_error)

    return wrap


def site_rule(
    id: str, severity: Severity, *, family: str, title: str, source: str
) -> Callable[[Callable[[SiteContext], Iterable[Finding]]], Rule]:
    def wrap(fn: Callable[[SiteContext], Iterable[Finding]]) -> Rule:
        return Rule(id, severity, family, title, _doc(fn), source, "site", fn)

    return wrap


def _doc(fn: Callable[..., Any]) -> str:
    return " ".join((fn.__doc__ or "").split())


def locate(rule: Rule, source: Source, hit: Hit, severity: Severity | None = None) -> Finding:
    if hit.line is not None:
        line, col = hit.line, hit.column or 1
    elif hit.offset is not None:
        line, col = source.body_position(hit.offset)
    elif hit.path is not None:
        line, col = source.where(hit.path, key=hit.key)
    else:
        line, col = 1, 1
    return Finding(
        source.path,
        line,
        col,
        rule.id,
        severity or rule.severity,
        hit.message,
        hit.fix,
        hit.length,
        decision_token(rule.id, hit),
    )


def decision_token(rule_id: str, hit: Hit) -> str:
    """What a waiver records to say which text it accepted (see Finding.token)."""
    subject = " ".join((hit.subject or hit.message).casefold().split())
    return hashlib.sha256(f"{rule_id}\0{subject}".encode()).hexdigest()[:16]


def rules_in(namespace: dict[str, Any]) -> tuple[Rule, ...]:
    """The rules a module defines, in definition order."""
    return tuple(v for v in namespace.values() if isinstance(v, Rule))
