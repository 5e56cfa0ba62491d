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

from generator.config.settings import CONFIG_FILE
from generator.content.model import Story
from generator.findings import Finding, error
from generator.safety.detect.explain import OUR_PROGRAMME
from generator.safety.identifiers import hits
from generator.safety.registry import (
    ERROR,
    WARNING,
    Hit,
    SiteContext,
    StoryContext,
    rules_in,
    site_rule,
    story_rule,
)

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
        about=lambda what: what != OUR_PROGRAMME,
    )
    # "notre programme *Lakou Lespwa*": only site.yaml's programmes explain one (red team 38 named
    # shelters, slums and nicknames so)
    yield from hits(
        ctx,
        "UNDECLARED-NAME",
        '{what} ("{hint}"){where}, but site.yaml\'s programmes do not list it: a name nobody listed may be '
        "a shelter, a neighbourhood or a person",
        'write "our programme" without its name, or ask whoever keeps site.yaml to add the programme under '
        "programmes: (only a programme's name, never a place's or a person's)",
        about=lambda what: what == OUR_PROGRAMME,
    )


@site_rule(
    "EXPLAIN-LIST",
    ERROR,
    family=FAMILY,
    title="a place or a person listed as safe to name",
    source="default deny: an explanation is typed, never a place or a person; issue 12 (a whitelisted village)",
)
def explain_list(ctx: SiteContext) -> Iterator[Finding]:
    """`organisations`, `programmes` and `safety.known_terms` explain the names of organisations,
    programmes and public bodies. A place or a person's name listed there would be printed everywhere
    without anyone checking it again: places the site may name come from the gazetteer (and
    `safety.known_places`), people are declared in each story's `people`."""
    site = ctx.extras.get("site_knowledge")
    located = ctx.config.located
    if site is None:
        return
    know = site.knowledge
    lists = (
        (("organisations",), ctx.config.organisations),
        (("programmes",), ctx.config.programmes),
        (("safety", "known_terms"), ctx.config.safety.known_terms),
    )
    for path, entries in lists:
        for i, entry in enumerate(entries):
            words = entry.split()
            place = know.place(entry, site.countries)
            # `organisations` and `programmes` say what each entry is: an organisation may be called
            # like a person ("Shakti Vahini"), but a lone given name is nobody's organisation.
            declared_kind = path[0] in ("organisations", "programmes")
            person = (
                (len(words) == 1 if declared_kind else 1 <= len(words) <= 3)
                and know.is_given_name(words[0])
                and not _organisation_like(entry, site)
            )
            if place is None and not person:
                continue
            line, col = located.where((*path, i)) if located is not None else (1, 1)
            what = "a place" if place is not None else "a person's name"
            yield error(
                CONFIG_FILE,
                line,
                col,
                "EXPLAIN-LIST",
                f"{'.'.join(path)} entry {i + 1} looks like {what}: listed here it would be printed "
                "everywhere without anyone checking it again",
                "remove it; places at city level or broader need no list, and people are declared in "
                "each story's people",
            )


def _organisation_like(entry: str, site: object) -> bool:
    vocab = getattr(site, "vocab", None)
    if vocab is None:
        return False
    words = entry.casefold().split()
    return any(w in vocab["org_words"] or w in vocab["institution_words"] for w in words)


RULES = rules_in(globals())
