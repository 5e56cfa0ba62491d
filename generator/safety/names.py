"""Family 6: undeclared names. A name nobody declared is a name nobody checked.

Default deny: every capitalised name a reader sees must be explained — a person declared in `people`
(where consent, name type and relation are reviewed), the organisation and its partners, programmes,
sponsors and media contacts, a place at or above the site's precision found in the gazetteer, a public
body, a law, a festival, a common word of the language — or it is a finding. On a child's story an
unexplained name is an error; elsewhere a reviewer decides (a warning blocks publishing until a
decision is recorded). The detection is detect/explain.py's, read from the story's one analysis. The
fix never suggests making a place or a person "known": a name that is safe to print is declared.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.content.model import Story
from generator.safety.identifiers import hits
from generator.safety.registry import WARNING, Hit, StoryContext, rules_in, story_rule

FAMILY = "6 Undeclared names"


@story_rule(
    "UNDECLARED-NAME",
    WARNING,
    family=FAMILY,
    title="a name nobody declared or explained",
    source="POCSO s.23; UNICEF principle 1; Dignified Storytelling; safeguarding 1f (NER is unreliable on Indian names)",
    minor_error=True,
)
def undeclared_name(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A capitalised name that is not a declared person, the organisation or its partners and
    programmes, a place the site may name, a public body, a law or a common word may be a real name,
    or a village, and nobody has checked it. An error on a child's story; elsewhere a warning that
    needs a reviewer's decision."""
    yield from hits(
        ctx,
        "UNDECLARED-NAME",
        '{what} ("{hint}"){where}: it may be a real person or a small place, and nobody has checked it',
        'describe the person instead ("another girl", "a neighbour") or name the city at most; '
        "if the story must name this person, add them to people with their role and name_type",
    )


RULES = rules_in(globals())
