"""Family 3: consent, per survivor and per channel; withdrawal and expiry are handled in publish.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from generator.content.model import Story
from generator.content.publication import consent_start
from generator.safety.redact import person_label
from generator.safety.registry import ERROR, WARNING, Hit, StoryContext, rules_in, story_rule

FAMILY = "3 Consent"


@story_rule(
    "CONSENT-MISSING",
    ERROR,
    family=FAMILY,
    title="publishing without a survivor's consent",
    source="Dignified Storytelling pledge 4, WHO 2003 P6, BBC consent guidance",
)
def consent_missing(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """Every survivor in a story meant for publication has a recorded consent entry (a reference to
    the record kept offline, never the form itself)."""
    for p in story.survivors:
        if not p.consent:
            yield Hit(
                f"survivor {person_label(p.name, p.name_type)} has no consent recorded",
                "add `consent: <id>` to this person and a matching entry under consent:",
                path=("people", p.index),
            )


@story_rule(
    "CONSENT-MINOR",
    ERROR,
    family=FAMILY,
    title="a child's consent without assent and a guardian",
    source="UNICEF interview guidelines 4-5, UK Editors' Code cl.6, BNS s.72 (inference)",
)
def consent_minor(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A child's consent needs the child's own assent plus a guardian or a welfare authority. A
    guardian who is accused cannot consent; when a relative is accused, only a welfare authority
    (or a named guardian who is not accused) can."""
    for p in story.survivors:
        c = story.consent_for(p)
        if not p.minor or c is None:
            continue
        where = ("consent", c.index, "given_by")
        if "survivor" not in c.given_by:
            yield Hit(
                f"consent {c.id} for {person_label(p.name, p.name_type)} lacks the child's own assent",
                "add survivor to given_by once the child has agreed",
                path=where,
            )
        if not {"guardian", "welfare_authority"} & set(c.given_by):
            yield Hit(
                f"consent {c.id} for {person_label(p.name, p.name_type)}, a minor, needs a guardian or welfare authority",
                "add guardian or welfare_authority to given_by",
                path=where,
            )
        if "guardian" in c.given_by:
            accused = [q for q in story.people if q.accused and q.relation_to == p.name]
            named = story.person(c.guardian) if c.guardian else None
            guardians = [q for q in story.people if q.guardian and q.relation_to == p.name]
            bad = [q for q in ([named] if named else guardians) if q is not None and q.accused]
            if bad:
                yield Hit(
                    f"the guardian who consented for {person_label(p.name, p.name_type)} ({bad[0].name}) is accused",
                    "consent must come from a welfare authority (e.g. the Child Welfare Committee): use welfare_authority",
                    path=where,
                )
            elif accused and named is None and "welfare_authority" not in c.given_by:
                yield Hit(
                    f"a relative of {person_label(p.name, p.name_type)} is accused, so a guardian's consent cannot be relied on",
                    "get consent from a welfare authority (given_by: [survivor, welfare_authority]), or name the guardian who consented with `guardian: <name>`",
                    path=where,
                )


@story_rule(
    "CONSENT-EXPIRING",
    WARNING,
    family=FAMILY,
    title="consent about to expire",
    source="Dignified Storytelling pledge 4: consent is not forever",
)
def consent_expiring(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """Consent that ends within the warning window (30 days by default) is flagged so the team can
    renew it with the survivor before the story disappears from the site."""
    days = ctx.config.safety.consent_warning_days
    for c in story.consent:
        end = consent_start(c.expires, ctx.config.tz)
        if not c.withdrawn and ctx.at < end <= ctx.at + dt.timedelta(days=days):
            left = (end - ctx.at).days
            yield Hit(
                f"consent {c.id} expires on {c.expires.isoformat()} (in {left} days); the story will then be taken down",
                "renew consent with the survivor and update expires, or plan the takedown",
                path=("consent", c.index, "expires"),
                subject=f"{c.id} {c.expires.isoformat()}",  # a decision holds until the date changes, not for a day
            )


@story_rule(
    "CONSENT-FUTURE",
    ERROR,
    family=FAMILY,
    title="consent dated after the build",
    source="Dignified Storytelling pledge 4: consent comes before publication",
)
def consent_future(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A consent dated after today was not given when the story goes out: a typo in the date, or a
    consent still to be collected. Either way the story cannot rely on it yet."""
    today = ctx.at.astimezone(ctx.config.tz).date()
    for c in story.consent:
        if c.date > today:
            yield Hit(
                f"consent {c.id} is dated {c.date.isoformat()}, after today ({today.isoformat()}): "
                "it was not given when this story is published",
                "check the date on the signed record; publish only once consent has been given",
                path=("consent", c.index, "date"),
            )


RULES = rules_in(globals())
