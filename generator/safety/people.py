"""Family 1: people and names. Naming the mother names the child."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.content.model import Person, Story
from generator.safety.redact import NAME, redact_hint
from generator.safety.registry import ANY, ERROR, Hit, StoryContext, rules_in, story_rule

FAMILY = "1 People and names"


def _who(p: Person) -> str:
    """A person as messages name them: their place in the list and a hint, never the name itself (it
    may be real, and messages reach CI logs and pull-request annotations)."""
    return f"person {p.index + 1} in people ({redact_hint(p.name, NAME)})"


_NAMEISH = re.compile(r"^[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)*$")


def _kinship_word(name: str, ctx: StoryContext) -> bool:
    """A withheld relative described by a kinship word alone ("Mama", "Nanay", "Tía"): what she is
    called at home, no name; unless people are also called that ("Ama", "Ina", "Lola")."""
    site = ctx.extras.get("site_knowledge")
    if site is None:
        return False
    words = name.casefold().split()
    kinship = site.vocab["kinship"]
    if kinship.match(words, 0) != len(words):
        return False
    know = site.knowledge
    # "Ama", "Ina", "Lola" are names too; "Tau" (a Hindi uncle) is a Setswana name: a common word only
    return not any(know.is_given_name(w) or know.frequency(w) < 4.5 for w in words)


@story_rule(
    "PEOPLE-MINOR-REAL",
    ERROR,
    family=FAMILY,
    scope=ANY,
    title="a child survivor's real name",
    source="POCSO s.23, JJ Act s.74, BNS s.72, UNICEF guideline 3",
)
def minor_real_name(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A survivor who was a minor at the time of the events is never published under their real
    name, whatever the family or the child says: Indian law forbids it and no waiver applies."""
    for p in story.survivors:
        if p.minor and p.name_type == "real":
            yield Hit(
                f"{_who(p)} is a child survivor and cannot be published under a real name (name_type: real)",
                "set name_type: pseudonym and choose a new name (do not keep the real one anywhere in the file)",
                path=("people", p.index, "name_type"),
            )


@story_rule(
    "PEOPLE-MINOR-UNSTATED",
    ERROR,
    family=FAMILY,
    scope=ANY,
    title="knowing whether a survivor is a child",
    source="EJN/ICMPD guidelines: identify whether the source is a minor",
)
def minor_unstated(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """Every rule that protects children depends on knowing who was a child, so each survivor must
    say `minor: true` or `minor: false`."""
    for p in story.survivors:
        if p.minor is None:
            yield Hit(
                f"{_who(p)} does not say whether they were a minor at the time",
                "add `minor: true` (under 18 at the time of the events) or `minor: false`",
                path=("people", p.index),
                key=False,
            )


@story_rule(
    "PEOPLE-REAL-NAME-AUTH",
    ERROR,
    family=FAMILY,
    scope=ANY,
    title="an adult survivor's real name without written authorisation",
    source="BNS s.72(2)(b): the victim's written authorisation",
)
def adult_real_name(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """An adult survivor may choose to be named, but only with a signed authorisation kept on
    record; the story must carry its reference in `written_authorisation`."""
    for p in story.survivors:
        if p.minor is False and p.name_type == "real" and not p.written_authorisation:
            yield Hit(
                f"{_who(p)} is named with their real name but no written authorisation is recorded",
                "add `written_authorisation: <reference of the signed form>` to this person, or use a pseudonym",
                path=("people", p.index, "name_type"),
            )


def _is_relative_of_survivor(story: Story, p_relation_to: str | None) -> bool:
    target = story.person(p_relation_to) if p_relation_to else None
    return target is not None and target.is_survivor


@story_rule(
    "PEOPLE-RELATIVE-NAMED",
    ERROR,
    family=FAMILY,
    scope=ANY,
    title="a survivor's relative named",
    source='POCSO s.23 "family details", UNICEF principle 6, Delhi Cantt (2021)',
)
def relative_named(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A relative of a survivor is described ("her aunt"), never named, not even by a pseudonym:
    a relative's name leads straight to the survivor."""
    for p in story.people:
        relative = p.role == "relative" or (
            p.relation_to
            and p.role != "survivor"
            and _is_relative_of_survivor(story, p.relation_to)
            and p.relation
        )
        if relative and p.name_type != "withheld":
            yield Hit(
                f"{_who(p)} is a relative of a survivor and cannot be named (name_type: {p.name_type})",
                'set name_type: withheld, change name to a description such as "her aunt", and remove the name from the text',
                path=("people", p.index, "name_type"),
            )
        elif (
            p.name_type == "withheld"
            and _NAMEISH.match(p.name)
            and not p.name.lower().startswith(("her ", "his ", "their ", "the "))
            and not _kinship_word(p.name, ctx)
        ):
            yield Hit(
                f"{_who(p)} is withheld but written like a name",
                "describe the person instead, e.g. name: her aunt",
                path=("people", p.index, "name"),
            )


@story_rule(
    "PEOPLE-ACCUSED-RELATIVE",
    ERROR,
    family=FAMILY,
    scope=ANY,
    title="an accused relative of a child named",
    source="UK Editors' Code cl.7, POCSO s.23, Nipun Saxena v UoI (2018)",
)
def accused_relative(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """When someone accused is related to a child survivor, printing their name identifies the
    child, so they are never named, by any name type."""
    for p in story.people:
        target = story.person(p.relation_to) if p.relation_to else None
        if (
            p.accused
            and target is not None
            and target.is_survivor
            and target.minor
            and p.name_type != "withheld"
        ):
            yield Hit(
                f"{_who(p)} is accused and related to a child survivor, so cannot be named",
                'set name_type: withheld and describe them ("a relative"), never by name',
                path=("people", p.index, "name_type"),
            )


@story_rule(
    "PEOPLE-REFERENCE",
    ERROR,
    family=FAMILY,
    scope=ANY,
    title="people and consent references that do not resolve",
    source="impactsite: the checks above rely on them",
)
def references(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """Every `relation_to` names a declared person, every `consent` names a consent entry, and
    names and consent ids are not repeated."""
    names = [p.name for p in story.people]
    ids = [c.id for c in story.consent]
    for p in story.people:
        if names.count(p.name) > 1 and names.index(p.name) != p.index:
            yield Hit(
                f"{_who(p)} is declared twice in people",
                "keep one entry per person",
                path=("people", p.index, "name"),
            )
        if p.relation_to and p.relation_to not in names:
            yield Hit(
                f"the relation_to of {_who(p)} is not a name in people",
                "write the name exactly as it is declared under people (the name: line of that person)",
                path=("people", p.index, "relation_to"),
            )
        if p.consent and p.consent not in ids:
            known = ", ".join(ids) or "none yet"
            yield Hit(
                f'consent "{p.consent}" is not an id under consent (known: {known})',
                "add a consent entry with this id, or correct the id",
                path=("people", p.index, "consent"),
            )
    for c in story.consent:
        if ids.count(c.id) > 1 and ids.index(c.id) != c.index:
            yield Hit(
                f'consent id "{c.id}" is used twice',
                "give each consent entry its own id",
                path=("consent", c.index, "id"),
            )


RULES = rules_in(globals())
