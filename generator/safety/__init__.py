"""The safety rules: one module per family, each rule a small registered function.

`check_story` and `check_site` run them; waivers are applied here, in one place.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from generator.content.model import Story
from generator.findings import Finding
from generator.safety import (
    consent,
    denylist,
    identifiers,
    images,
    jigsaw,
    names,
    people,
    placeholders,
    private,
    pseudonyms,
    relatives,
    signoff,
    waivers,
)
from generator.safety.registry import ANY, PUBLISHING, Hit, Rule, SiteContext, StoryContext, locate

ALL_RULES: tuple[Rule, ...] = (
    people.RULES
    + relatives.RULES
    + pseudonyms.RULES
    + consent.RULES
    + signoff.RULES
    + private.RULES
    + denylist.RULES
    + placeholders.RULES
    + identifiers.RULES
    + names.RULES
    + jigsaw.RULES
    + images.RULES
    + waivers.RULES
)

RULES_BY_ID = {r.id: r for r in ALL_RULES}
assert len(RULES_BY_ID) == len(ALL_RULES), "rule ids must be unique"


def rule_severities() -> dict[str, str]:
    return {r.id: r.severity.value for r in ALL_RULES}


def check_story(
    story: Story, ctx: StoryContext, rules: tuple[Rule, ...] = ALL_RULES
) -> tuple[list[Finding], list[Finding]]:
    """Run every story rule that applies; return (findings, waived warnings)."""
    findings: list[Finding] = []
    publishing = ctx.publication.publishing
    for rule in rules:
        if rule.scope not in (ANY, PUBLISHING) or (rule.scope == PUBLISHING and not publishing):
            continue
        for hit in rule.check(story, ctx):
            findings.append(hit if isinstance(hit, Finding) else locate(rule, story.source, hit))
    # A warning is a decision: accepted ones are set aside; any still open stops a story being published.
    verified = signoff.decision_verifier(ctx.config, story.path)
    findings, waived = waivers.apply_waivers(findings, story.waivers, story.author, verified)
    if publishing:
        findings += waivers.decisions_needed(story.source, findings, rules)
    return findings, waived


def check_site(ctx: SiteContext, rules: tuple[Rule, ...] = ALL_RULES) -> list[Finding]:
    out: list[Finding] = []
    for rule in rules:
        if rule.scope == "site":
            out.extend(cast("Iterable[Finding]", rule.check(ctx)))  # site rules locate their own findings
    return out


__all__ = [
    "ALL_RULES",
    "ANY",
    "PUBLISHING",
    "Hit",
    "Rule",
    "SiteContext",
    "StoryContext",
    "check_site",
    "check_story",
]
