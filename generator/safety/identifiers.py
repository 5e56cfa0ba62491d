"""Family 5: identifying details in text. A phone number, an address or a school names a child.

Every rule here reads one analysis of every field a reader or a crawler can see (the body, title,
summary, location, region, tags, alt text, captions, aliases, slug and file name): `ctx.text`,
computed once per story by `check_story` (detect/analysis.py). The identifiers are errors on every
story, drafts included, because they must never be in the sources at all (they reach git history,
previews and backups). What default deny adds — a place finer than a city, an exact date, a number
or a link nobody explained — is a warning that needs a reviewer's decision, and an error on a
child's story. No message repeats what it found: it says where, with a hint.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from generator.config.settings import SafetyPolicy, SiteConfig
from generator.content.model import Story
from generator.safety.detect import numbers
from generator.safety.detect import textscan as ts
from generator.safety.detect.knowledge import LEVEL_WORDS, LEVELS
from generator.safety.redact import redact_hint
from generator.safety.registry import ANY, ERROR, WARNING, Hit, StoryContext, rules_in, story_rule

FAMILY = "5 Identifying details"
_POCSO = 'POCSO s.23(2) "address … school, neighbourhood or any other particulars", JJ Act s.74'


def site_settings(config: SiteConfig) -> ts.Settings:
    """The identifier detectors' view of site.yaml."""
    org = config.organisation
    # the accounts the footer links to are the organisation's own, as `same_as` is
    settings = settings_of(config.safety, org.name, (*org.same_as, *(item.url for item in org.social)))
    identity = (*org.address, org.charity_number, org.company_number)
    return replace(settings, own_identity=tuple(ts.own_form(x) for x in identity if x.strip()))


def settings_of(policy: SafetyPolicy, org_name: str, same_as: tuple[str, ...]) -> ts.Settings:
    accounts = tuple(policy.org_accounts) + tuple(same_as)
    return ts.Settings(
        allowed_email_domains=tuple(d.lower().lstrip("@") for d in policy.allowed_email_domains),
        org_accounts=tuple(ts.norm_account(a) for a in accounts if a.strip()),
        allowed_phones=tuple("".join(c for c in p if c.isdigit())[-10:] for p in policy.allowed_phones),
        known_terms=tuple(t.lower() for t in policy.known_terms) + (org_name.lower(),),
        known_places=tuple(policy.known_places),
        fine_places=tuple(policy.fine_places),
        cities=tuple(p.lower() for p in policy.known_places),
    )


def hits(
    ctx: StoryContext,
    rule: str,
    message: str,
    fix: str,
    kind: str = "term",
    about: Callable[[str], bool] = lambda what: True,
) -> Iterator[Hit]:
    """A hit for every finding of `rule` in the story's analysis (those whose `what` is `about`);
    `message` may use {what}, {where} and {hint} (a redacted hint, never the text itself)."""
    for f, found in ctx.text:
        if found.rule == rule and about(found.what):
            yield f.hit(
                message.format(what=found.what, where=f.where(), hint=redact_hint(found.text, kind)),
                fix.format(what=found.what),
                found.start,
                length=found.end - found.start,
                subject=found.text,
            )


@story_rule(
    ts.PHONE, ERROR, family=FAMILY, scope=ANY, title="phone numbers", source=_POCSO + "; safeguarding TX-04"
)
def phone(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A phone number in any written form (+91 98300 41762, 098300-41762, spelled out in words, wa.me/…
    links) leads straight to a person: anyone can call it, message it or look it up. Public helplines
    and numbers listed in `safety.allowed_phones` are allowed."""
    yield from hits(
        ctx,
        ts.PHONE,
        "{what} ({hint}){where}: a number leads straight to a person, who can be called, messaged or looked up",
        "delete the number; if readers need a contact, point them to the organisation's helpline",
        "phone",
    )


@story_rule(
    ts.EMAIL,
    ERROR,
    family=FAMILY,
    scope=ANY,
    title="e-mail addresses",
    source=_POCSO + "; safeguarding TX-05",
)
def email(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """An e-mail address, however it is written ("name (at) mail (dot) com"), usually carries a name
    and always reaches a person. Only addresses at the organisation's own domains
    (`safety.allowed_email_domains`) may be published."""
    yield from hits(
        ctx,
        ts.EMAIL,
        "{what} ({hint}){where}: an address usually carries a name and always reaches a person",
        "delete the address; to invite readers to write, give the organisation's own address",
        "email",
    )


@story_rule(
    ts.SOCIAL,
    ERROR,
    family=FAMILY,
    scope=ANY,
    title="social media handles, profiles, videos and recordings",
    source=_POCSO + "; Nipun Saxena (2018) on social media; safeguarding TX-06",
)
def social(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A handle (@name, or a name after a platform's name), a link to a profile, a page, a chat, a video
    or a recording opens a person's photos, friends, voice and whereabouts to anyone. The
    organisation's own accounts (`safety.org_accounts`, `organisation.same_as`) are allowed."""
    yield from hits(
        ctx,
        ts.SOCIAL,
        "{what}{where}: a handle, profile or recording opens a person's photos, friends and whereabouts to anyone",
        'delete it and write "on social media" instead',
    )


@story_rule(
    ts.ADDRESS,
    ERROR,
    family=FAMILY,
    scope=ANY,
    title="street addresses and map positions",
    source=_POCSO + "; PCC 2011: an address, full or partial; safeguarding TX-07",
)
def address(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A street address in any country's form, even a partial one, GPS coordinates, a plus code or a
    map link shows where a survivor lived, worked or was found, and where they may still be."""
    yield from hits(
        ctx,
        ts.ADDRESS,
        "{what}{where}: an address, even a partial one, shows where a survivor lived or was found",
        "remove the house number, the street and any map position; name the city at most",
    )


@story_rule(
    ts.POSTCODE,
    ERROR,
    family=FAMILY,
    scope=ANY,
    title="postal codes",
    source=_POCSO + "; Dutch DPA: a birth date and a postcode are often unique; safeguarding TX-07",
)
def postcode(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A PIN, CEP, código postal, French or Canadian postcode, UK postcode or ZIP narrows a place down to
    a few streets."""
    yield from hits(
        ctx,
        ts.POSTCODE,
        "{what}{where}: a postal code narrows a place down to a few streets",
        "remove the code",
    )


@story_rule(
    "ID-INSTITUTION",
    ERROR,
    family=FAMILY,
    scope=ANY,
    title="names of schools, workplaces, shelters and places of worship",
    source='POCSO s.23(2) "school"; JJ Act s.74 "school"; Alabaster Jar, GCWJ (shelters); safeguarding TX-08, TX-10',
)
def institution(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """The name of a school ("… High", "Escuela …", "Preparatoria 12"), a clinic, a shelter, a farm, an
    inn, a workshop or a church she attends tells anyone where to find her (and, for a shelter, every
    other resident)."""
    yield from hits(
        ctx,
        "ID-INSTITUTION",
        'the name of {what} ("{hint}"){where}: it tells anyone where to find her',
        'describe it instead of naming it ("a girls\' school", "a garment workshop", "a shelter")',
    )


@story_rule(
    ts.NUMBER,
    ERROR,
    family=FAMILY,
    scope=ANY,
    title="ID, vehicle and case numbers",
    source="Nipun Saxena (2018): FIRs are not put in the public domain; safeguarding TX-13",
)
def number(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """Identity numbers (Aadhaar, PAN, CURP, RFC, CPF, PhilSys, SIN, SSN, NI, passports), licence plates
    and police or court case numbers each point to one person's records."""
    yield from hits(
        ctx,
        ts.NUMBER,
        "{what} ({hint}){where}: it points to one person's records",
        'delete the number; write "a case was registered" or "her ID papers" instead',
        "number",
    )


@story_rule(
    ts.BIRTHDATE,
    ERROR,
    family=FAMILY,
    scope=ANY,
    title="dates of birth",
    source="scrubadub DOB; Staffordshire Newsletter (PCC); safeguarding TX-09",
)
def birthdate(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A date of birth ("born on 3 May 2010", "turned 15 on 9 August", "née le 3 mars 2010") singles a
    person out almost uniquely once a place is known. A group or a project "born" on a date is not one."""
    yield from hits(
        ctx,
        ts.BIRTHDATE,
        "a date of birth{where}: with a place it singles a person out almost uniquely",
        'remove the date; give an age range ("in her teens") if the story needs one',
    )


@story_rule(
    ts.DATE,
    WARNING,
    family=FAMILY,
    title="exact dates tied to a person",
    source="PCC 2011 jigsaw identification; Surrey Advertiser (time frame); safeguarding TX-09",
    minor_error=True,
)
def exact_date(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """The exact day of something that happened to a person ("rescued on 22 February") lets
    neighbours, classmates and local reporters work out who was involved. Month and year are fine.
    An error on a child's story; elsewhere a reviewer decides."""
    yield from hits(
        ctx,
        ts.DATE,
        "an exact date{where}: with the place, the day lets people work out who was involved",
        'give the month and year only ("in February 2026")',
    )


@story_rule(
    "PLACE-PRECISION",
    WARNING,
    family=FAMILY,
    title="places finer than the site allows",
    source='POCSO s.23(2) "neighbourhood"; GCWJ: "only the country"; safeguarding TX-10',
    minor_error=True,
)
def place(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A village, a neighbourhood, a barangay or colonia, a street, a landmark near a home or a town too
    small to be "a city" is finer than `safety.location_precision` and narrows a story down to a few
    families. An error on a child's story; elsewhere a reviewer decides."""
    allowed = LEVEL_WORDS.get(LEVELS.get(ctx.config.safety.location_precision, 2), "a city")
    yield from hits(
        ctx,
        "PLACE-PRECISION",
        '{what} ("{hint}"){where} is finer than the site may publish: it narrows the story down to a few families',
        f'say it without the name, at most {allowed} ("a village in Bihar", "a neighbourhood of the city")',
    )


@story_rule(
    numbers.UNEXPLAINED_NUMBER,
    WARNING,
    family=FAMILY,
    title="long numbers and codes nobody explained",
    source="default deny: every number a reader sees says what it is; safeguarding TX-13",
    minor_error=True,
)
def unexplained_number(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A long number or a code of letters and digits that is not a year, an amount, a count, a
    percentage or a law's number may be an identity card, a case file, a phone or a plate."""
    yield from hits(
        ctx,
        numbers.UNEXPLAINED_NUMBER,
        "{what} ({hint}){where}: a number nobody explained may be an ID, a case file, a phone or a plate",
        'delete it; a count, an amount or a year can stay when it reads as one ("2,000 families", "₹5,000", "in 2023")',
        "number",
    )


@story_rule(
    numbers.UNEXPLAINED_LINK,
    WARNING,
    family=FAMILY,
    title="links to sites nobody checked",
    source="default deny: a link may show or reach a person; safeguarding TX-06",
    minor_error=True,
)
def unexplained_link(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A link to a video, a drive folder, a news page or anyone's site shows readers something nobody
    reviewed, perhaps the survivor herself. Links to the site, the organisation's own domains and
    public bodies (government and UN sites) are explained."""
    yield from hits(
        ctx,
        numbers.UNEXPLAINED_LINK,
        "{hint}{where}: nobody checked what it shows, perhaps the survivor herself",
        "remove the link, or link to the organisation's own page instead",
        "link",
    )


RULES = rules_in(globals())
