"""Family 2: pseudonyms. Writers type names plainly; the generator marks them and adds the footnote."""

from __future__ import annotations

from collections.abc import Iterator

from generator.content.model import Story
from generator.content.visible import typed_markers
from generator.safety.redact import person_label, redact_hint
from generator.safety.registry import ANY, ERROR, Hit, StoryContext, rules_in, story_rule

FAMILY = "2 Pseudonyms"


@story_rule(
    "PSEUDONYM-UNDECLARED",
    ERROR,
    family=FAMILY,
    scope=ANY,
    title="a name marked as a pseudonym that nobody checked",
    source="UNICEF guideline 3; the pseudonym convention (Name*, *A pseudonym.)",
)
def undeclared_marker(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A hand-typed `Name*` says "this is a changed name", but only names declared in `people`
    with `name_type: pseudonym` have been through consent and review. A marker on any other name
    may be a real name dressed up as a pseudonym."""
    declared = {p.name: p for p in story.people}
    pseudonyms = {n for n, p in declared.items() if p.name_type == "pseudonym"}
    for m in typed_markers(ctx.visible):
        if any(m.name == n or m.name.endswith(" " + n) for n in pseudonyms):
            continue
        word = m.name.split()[-1]
        person = declared.get(m.name) or declared.get(word)
        if person is not None:
            yield Hit(
                f"a name ({person_label(person.name, person.name_type)}) is marked as a pseudonym but is "
                f"declared with name_type: {person.name_type}",
                "remove the asterisk (the generator marks pseudonyms itself) or correct name_type in people",
                offset=m.offset,
                subject=m.name,
            )
        else:
            yield Hit(
                f'a name ("{redact_hint(word)}") is marked as a pseudonym but is not declared in people: it may be a '
                "real name dressed up as a changed one",
                "if it is a changed name, add it to people with role, name_type: pseudonym and consent, then remove "
                "the asterisk (the generator adds it); if it is a real name, describe the person instead",
                offset=m.name_offset + m.name.rfind(word),
                length=len(word),
                subject=word,
            )


RULES = rules_in(globals())
