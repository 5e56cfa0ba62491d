"""Waivers: a warning is a decision. A reviewer (not the author) accepts a warning with a reason,
and the decision is bound to the text it accepted: it lists the `Finding.token` of each warning, so
new text that raises the same rule needs a new decision. Errors can never be waived.

`apply_waivers` splits findings into those still open and those a sound decision accepted;
`decisions_needed` turns the warnings still open on anything being published into the one error
that stops it (DECISION-MISSING). Both work from Finding values only, for stories and pages alike.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from generator.config.yamlload import Path
from generator.content.model import Source, Story, Waiver
from generator.findings import Finding, Severity
from generator.safety.registry import (
    ANY,
    ERROR,
    Hit,
    Rule,
    StoryContext,
    decision_token,
    locate,
    rules_in,
    story_rule,
)

FAMILY = "Waivers"
# Scope of a rule that runs after every other rule of a file, on the warnings they left open.
DECISIONS = "decisions"
MIN_REASON = 10  # characters: "ok" or "fine" explains nothing


def same_person(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a.strip().lower() == b.strip().lower()


def sound(waiver: Waiver, author: str | None) -> bool:
    """Whether a waiver counts: it names the text it accepted, comes from someone other than the
    author, and gives a reason. (Signatures, when a site requires them, are checked by signoff.py.)"""
    return (
        bool(waiver.tokens)
        and not same_person(waiver.reviewer, author)
        and len(waiver.reason.strip()) >= MIN_REASON
    )


def apply_waivers(
    findings: Iterable[Finding],
    waivers: Iterable[Waiver],
    author: str | None,
    verified: Callable[[Waiver], bool] | None = None,
) -> tuple[list[Finding], list[Finding]]:
    """(findings still open, warnings accepted by a sound decision). An error is never accepted.
    `verified`, when the site requires signatures, says whether a decision's signature holds
    (signoff.decision_verifier); a decision without a valid one accepts nothing."""
    accepted = {
        (w.rule, t)
        for w in waivers
        if sound(w, author) and (verified is None or verified(w))
        for t in w.tokens
    }
    still: list[Finding] = []
    waived: list[Finding] = []
    for f in findings:
        if f.severity is Severity.WARNING and (f.rule, f.token) in accepted:
            waived.append(f)
        else:
            still.append(f)
    return still, waived


def waiver_entry(w: Waiver, *, first: str | None = None) -> list[str]:
    """One decision as the YAML list item `approve` writes (in a story's `waivers:` and in
    safety/decisions.yaml, where `first` names its file): a JSON string is YAML, so the reason is
    written as one."""
    fields = [f"rule: {w.rule}", f"tokens: [{', '.join(w.tokens)}]", f"reviewer: {w.reviewer}"]
    if w.date is not None:
        fields.append(f"date: {w.date.isoformat()}")
    fields.append(f"reason: {json.dumps(w.reason, ensure_ascii=False)}")
    if w.signature:
        fields.append("signature: |")
    fields = ([first] if first is not None else []) + fields
    lines = ["  - " + fields[0]] + ["    " + f for f in fields[1:]]
    if w.signature:
        lines += ["      " + line for line in w.signature.strip().splitlines()]
    return lines


def decision_rule(
    id: str, *, title: str, source: str
) -> Callable[[Callable[[str, list[Finding]], Iterable[Hit]]], Rule]:
    def wrap(fn: Callable[[str, list[Finding]], Iterable[Hit]]) -> Rule:
        return Rule(id, ERROR, FAMILY, title, " ".join((fn.__doc__ or "").split()), source, DECISIONS, fn)

    return wrap


@decision_rule(
    "DECISION-MISSING",
    title="warnings published without a reviewer's decision",
    source="SPEC section 4: a warning is a question for a human",
)
def decision_missing(path: str, warnings: list[Finding]) -> Iterator[Hit]:
    """A warning is a decision, not advice. On anything being published, each warning needs a
    safeguarding reviewer (not the author) to accept it with a reason in `impactsite approve`, or
    the build stops. The decision names the text it accepted: after an edit, new text that raises
    the same warning needs a new decision. Drafts show their warnings without stopping."""
    if warnings:
        n = len(warnings)
        them = "it" if n == 1 else "them"
        yield Hit(
            f"{n} warning{'' if n == 1 else 's'} here need{'s' if n == 1 else ''} a safeguarding "
            "reviewer's decision before this can be published",
            f"fix {them}, or ask a safeguarding reviewer to read {them} and run: "
            f"impactsite approve {path} --reviewer THEIR-HANDLE",
        )


def _missing(path: str, still_open: Iterable[Finding], rules: Iterable[Rule]) -> Iterator[tuple[Rule, Hit]]:
    warnings = [f for f in still_open if f.severity is Severity.WARNING]
    for rule in rules:
        if rule.scope == DECISIONS:
            for hit in rule.check(path, warnings):
                assert isinstance(hit, Hit)
                yield rule, hit


def decisions_needed(
    source: Source, still_open: Iterable[Finding], rules: Iterable[Rule], where: Path = ("status",)
) -> list[Finding]:
    """The DECISION-MISSING error for a file being published whose warnings are still open (if that
    rule is among `rules`), located at `where` in its front matter."""
    return [
        locate(rule, source, Hit(hit.message, hit.fix, path=where, subject=hit.subject))
        for rule, hit in _missing(source.path, still_open, rules)
    ]


def decisions_needed_at(
    path: str, line: int, column: int, still_open: Iterable[Finding], rules: Iterable[Rule]
) -> list[Finding]:
    """The same for a file without front matter (a data file, site.yaml, a download), at a place in it."""
    return [
        Finding(
            path, line, column, rule.id, rule.severity, hit.message, hit.fix, 0, decision_token(rule.id, hit)
        )
        for rule, hit in _missing(path, still_open, rules)
    ]


@story_rule(
    "WAIVER-INVALID",
    ERROR,
    family=FAMILY,
    scope=ANY,
    title="waivers that do not count",
    source="SPEC section 4: warnings waived only by a reviewer with a reason",
)
def invalid_waiver(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A waiver names a warning rule and the text it accepted (written by `impactsite approve`), a
    reviewer who is not the author, and a reason. Errors cannot be waived: they protect people in
    ways no reviewer may set aside."""
    yield from waiver_problems(story.waivers, story.author, story.path, ctx.extras)


def waiver_problems(
    waivers: Iterable[Waiver], author: str | None, path: str, extras: dict[str, Any]
) -> Iterator[Hit]:
    severities = extras.get("rule_severities", {})
    for w in waivers:
        where = ("waivers", w.index, "rule")
        if w.rule not in severities:
            yield Hit(
                f'waiver for unknown rule "{w.rule}"',
                f"ask a safeguarding reviewer to run impactsite approve {path} again: it records the warnings there are now",
                path=where,
            )
        elif severities[w.rule] == "error":
            yield Hit(
                f"{w.rule} is an error and cannot be waived",
                "fix the problem in the text instead",
                path=where,
            )
        elif not w.tokens:
            yield Hit(
                "this waiver does not say which text it accepted, so it accepts nothing",
                f"ask a safeguarding reviewer to run impactsite approve {path}: it records the decision with the text",
                path=("waivers", w.index),
                key=False,
            )
        if same_person(w.reviewer, author):
            yield Hit(
                "a waiver must be recorded by a reviewer, not by the author",
                "ask a safeguarding reviewer to record the decision with impactsite approve",
                path=("waivers", w.index, "reviewer"),
            )
        if len(w.reason.strip()) < MIN_REASON:
            yield Hit(
                "the waiver's reason is too short to explain the decision",
                "write a sentence on why the warning is acceptable",
                path=("waivers", w.index, "reason"),
            )


RULES = rules_in(globals())
