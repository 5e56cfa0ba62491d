"""Waivers: a reviewer may accept a warning, with a reason; errors cannot be waived."""

from __future__ import annotations

from collections.abc import Iterator

from generator.content.model import Story
from generator.safety.registry import ANY, ERROR, Hit, StoryContext, rules_in, story_rule

FAMILY = "Waivers"


@story_rule(
    "WAIVER-INVALID",
    ERROR,
    family=FAMILY,
    scope=ANY,
    title="waivers that do not count",
    source="SPEC section 4: warnings waived only by a reviewer with a reason",
)
def invalid_waiver(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A waiver names a warning rule, a reviewer who is not the author, and a reason. Errors cannot
    be waived: they protect people in ways no reviewer may set aside."""
    severities = ctx.extras.get("rule_severities", {})
    for w in story.waivers:
        where = ("waivers", w.index, "rule")
        if w.rule not in severities:
            yield Hit(
                f'waiver for unknown rule "{w.rule}"', "use a rule id from `impactsite rules`", path=where
            )
        elif severities[w.rule] == "error":
            yield Hit(
                f"{w.rule} is an error and cannot be waived",
                "fix the problem in the story instead",
                path=where,
            )
        if w.reviewer.strip().lower() == story.author.strip().lower():
            yield Hit(
                "a waiver must be recorded by a reviewer, not the story's author",
                "ask a safeguarding reviewer to record the waiver",
                path=("waivers", w.index, "reviewer"),
            )
        if len(w.reason.strip()) < 10:
            yield Hit(
                "the waiver's reason is too short to explain the decision",
                "write a sentence on why the warning is acceptable",
                path=("waivers", w.index, "reason"),
            )


RULES = rules_in(globals())
