"""Family 5: identifying details in text. A phone number, an address or a school names a child.

Every rule here reads the same scan (textscan.scan) of every field a reader or a crawler can see:
the body, title, summary, location, region, tags, alt text, captions, aliases, slug and file name.
The errors run on every story, drafts included, because such details must never be in the sources at
all (they reach git history, previews and backups). The two warnings run on stories meant for
publication.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from generator.config.settings import SafetyPolicy, SiteConfig
from generator.content.model import Story
from generator.safety.detect import gazetteer as gz
from generator.safety.detect import textscan as ts
from generator.safety.detect.fields import Field, Same, visible_fields
from generator.safety.registry import ANY, ERROR, WARNING, Hit, StoryContext, rules_in, story_rule

FAMILY = "5 Identifying details"
_POCSO = 'POCSO s.23(2) "address … school, neighbourhood or any other particulars", JJ Act s.74'


def settings_for(story: Story, ctx: StoryContext) -> ts.Settings:
    """The detectors' view of site.yaml, plus the story's own location as a known city."""
    org = ctx.config.organisation
    return _settings(ctx.config.safety, org.name, org.same_as, story.location or "")


@functools.lru_cache(maxsize=256)
def _settings(policy: SafetyPolicy, org_name: str, same_as: tuple[str, ...], location: str) -> ts.Settings:
    accounts = tuple(policy.org_accounts) + tuple(same_as)
    known_terms = tuple(t.lower() for t in policy.known_terms) + (org_name.lower(),)
    cities = tuple(p.strip().lower() for p in location.split(",") if p.strip())
    return ts.Settings(
        allowed_email_domains=tuple(d.lower().lstrip("@") for d in policy.allowed_email_domains),
        org_accounts=tuple(ts.norm_account(a) for a in accounts if a.strip()),
        allowed_phones=tuple("".join(c for c in p if c.isdigit())[-10:] for p in policy.allowed_phones),
        known_terms=known_terms,
        precision=gz.LEVELS.get(policy.location_precision, gz.CITY),
        known_places=tuple(policy.known_places),
        fine_places=tuple(policy.fine_places),
        cities=cities + tuple(p.lower() for p in policy.known_places),
    )


def site_settings(config: SiteConfig) -> ts.Settings:
    """The detectors' view of site.yaml alone (for pages and data files, which have no location)."""
    org = config.organisation
    return _settings(config.safety, org.name, org.same_as, "")


def found_in(story: Story, ctx: StoryContext) -> tuple[tuple[Field, ts.Found], ...]:
    """Every identifying detail in every visible field of the story, field by field (computed once per
    story: the ten rules of this family read the same list)."""
    return _found_in(Same(story), Same(ctx))


@functools.lru_cache(maxsize=8)
def _found_in(story_key: Same, ctx_key: Same) -> tuple[tuple[Field, ts.Found], ...]:
    story, ctx = story_key.obj, ctx_key.obj
    assert isinstance(story, Story) and isinstance(ctx, StoryContext)
    settings = settings_for(story, ctx)
    return tuple(
        (f, found) for f in visible_fields(story, ctx) for found in ts.scan(f.text, f.kind, settings)
    )


def _hits(story: Story, ctx: StoryContext, rule: str, message: str, fix: str) -> Iterator[Hit]:
    for f, found in found_in(story, ctx):
        if found.rule == rule:
            quoted = " ".join(found.text.split())
            yield f.hit(
                message.format(q=quoted, what=found.what, where=f.where()),
                fix.format(what=found.what),
                found.start,
            )


@story_rule(
    ts.PHONE, ERROR, family=FAMILY, scope=ANY, title="phone numbers", source=_POCSO + "; safeguarding TX-04"
)
def phone(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A phone number in any national format of India, the Philippines, Mexico, Brazil, France, the UK
    and North America (+91 98300 41762, 0917 123 4567, (11) 98765-4321, 06 12 34 56 78), in a wa.me
    link, or written in words in any of the five languages ("nine eight three zero…", "nueve ocho…")
    leads straight to a person: anyone can call it, message it or look it up. Toll-free helplines and
    short codes (1098, 1343, Disque 100, 1-800…) and numbers listed in `safety.allowed_phones` are
    allowed; amounts, years and law citations ("Lei 13.344/2016") are not phone numbers."""
    yield from _hits(
        story,
        ctx,
        ts.PHONE,
        "{what}{where}: a number leads straight to a person, who can be called, messaged or looked up",
        "delete the number; if readers need a contact, point them to the organisation's helpline",
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
    """An e-mail address, plain or written out to pass a filter ("priti (at) gmail (dot) com", "maria
    arroba gmail punto com", "jean arobase orange point fr"), usually carries a name and always reaches
    a person. Only addresses at the organisation's own domains (`safety.allowed_email_domains`) may be
    published."""
    yield from _hits(
        story,
        ctx,
        ts.EMAIL,
        "{what}{where}: an address usually carries a name and always reaches a person",
        "delete the address; only addresses at the domains in safety.allowed_email_domains (site.yaml) may be published",
    )


@story_rule(
    ts.SOCIAL,
    ERROR,
    family=FAMILY,
    scope=ANY,
    title="social media handles and profile links",
    source=_POCSO + "; Nipun Saxena (2018) on social media; safeguarding TX-06",
)
def social(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A handle (@name anywhere, or a name after a platform: "on TikTok she is dancingmona", "insta:
    …", "su Facebook es …") or a link to a profile, post, video, recording, shared file or chat
    (Instagram, Facebook, X, TikTok, YouTube, Google Drive, Dropbox, WeTransfer, WhatsApp groups,
    Telegram…) opens a person's photos, friends and whereabouts to anyone. The organisation's own
    accounts (`safety.org_accounts`, `organisation.same_as`) are allowed."""
    yield from _hits(
        story,
        ctx,
        ts.SOCIAL,
        "{what}{where}: a handle or a link opens a person's photos, videos, friends and whereabouts to anyone",
        'delete it and say "on social media" instead; list the organisation\'s own accounts in safety.org_accounts (site.yaml)',
    )


@story_rule(
    ts.ADDRESS,
    ERROR,
    family=FAMILY,
    scope=ANY,
    title="street addresses",
    source=_POCSO + "; PCC 2011: an address, full or partial; safeguarding TX-07",
)
def address(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A street address in any of the countries' forms, even a partial one (27/3 … Road, House No. 45,
    Sector 15, 12 rue des Lilas, Calle 5 de Mayo 123, Rua Augusta, 1500, apto 32, Blk 5 Lot 12,
    Vill./P.O.), GPS coordinates, a plus code, a what3words address or a map link shows where a
    survivor lived, worked or was found, and where they may still be."""
    yield from _hits(
        story,
        ctx,
        ts.ADDRESS,
        "{what}{where}: an address, even a partial one, or a point on a map shows where a survivor lived or was found",
        "remove the house number and the street; name the city at most",
    )


@story_rule(
    ts.POSTCODE,
    ERROR,
    family=FAMILY,
    scope=ANY,
    title="PIN and postal codes",
    source=_POCSO + "; Dutch DPA: a birth date and a postcode are often unique; safeguarding TX-07",
)
def postcode(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A postal code narrows a place down to a few streets: an Indian PIN after a place or a PIN label,
    a Brazilian CEP, a Mexican código postal, a French code before its town, a Canadian, UK or US
    code, a Philippine ZIP after its city."""
    yield from _hits(
        story,
        ctx,
        ts.POSTCODE,
        "{what}{where}: a postal code narrows a place down to a few streets",
        "remove the code",
    )


@story_rule(
    ts.INSTITUTION,
    ERROR,
    family=FAMILY,
    scope=ANY,
    title="names of schools, workplaces, shelters and establishments",
    source='POCSO s.23(2) "school"; JJ Act s.74 "school"; Alabaster Jar, GCWJ (shelters); safeguarding TX-08, TX-10',
)
def institution(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """The name of a school, college or madrasa, a factory or other workplace, a shelter or aftercare
    home, or a hotel, lodge or bar tells anyone where to find the person (and, for a shelter, every
    other resident). Describe it instead ("a girls' school in the district"). A name the site has
    decided is safe can be listed in `safety.known_terms`."""
    yield from _hits(
        story,
        ctx,
        ts.INSTITUTION,
        'the name of {what} ("{q}"){where}: it tells anyone where to find the person',
        'describe it instead of naming it ("a girls\' school", "a garment workshop", "a shelter home")',
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
    """ID numbers point to one person's records, case numbers to court papers that name the victim:
    Aadhaar, PAN, EPIC, CURP, RFC, INE, CPF, RG, CNH, PhilSys, SSS, TIN, UMID, SIN, NIR, SSN and
    National Insurance numbers, passports, licence plates, FIR, carpeta de investigación, boletim de
    ocorrência, blotter and court case numbers. A number is reported on its shape alone only when the
    shape is specific and its check digit, where it has one, is right (so other 12-digit numbers are
    not Aadhaar numbers); otherwise the document's name must come before it."""
    yield from _hits(
        story,
        ctx,
        ts.NUMBER,
        "{what}{where}: it points to one person's records",
        'delete the number; write "a case was registered" or "her ID papers" instead',
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
    """A date of birth in any of the five languages ("born on 3 May 2010", "DOB: 03/05/2010", "she
    turned 15 on 9 August", "née le 3 mars 2010", "nació el 12 de mayo de 2009", "nasceu em 2 de abril",
    "ipinanganak noong Mayo 4, 2010") singles a person out almost uniquely once a place is known. What
    is born in a figure of speech ("the savings group was born on 8 March") is not a person."""
    yield from _hits(
        story,
        ctx,
        ts.BIRTHDATE,
        "a date of birth{where}: with a place it singles a person out almost uniquely",
        'remove the date; give an age range ("in her teens") if the story needs one',
    )


@story_rule(
    ts.DATE,
    WARNING,
    family=FAMILY,
    title="exact dates in a child's story",
    source="PCC 2011 jigsaw identification; Surrey Advertiser (time frame); safeguarding TX-09",
)
def exact_date(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """In a story about a child survivor, the exact day of an event ("on 22 February", "22/02/2026")
    lets neighbours, classmates and local reporters work out who was involved. Month and year are
    fine. A reviewer may accept a date with a DATE-EXACT waiver."""
    if not story.has_minor_survivor:
        return
    yield from _hits(
        story,
        ctx,
        ts.DATE,
        'an exact date ("{q}"){where} in a story about a child: with the place, the day lets people work out who was involved',
        'give the month and year only ("in February 2026"), or ask a reviewer to record a DATE-EXACT waiver',
    )


@story_rule(
    ts.PLACE,
    WARNING,
    family=FAMILY,
    title="places finer than the site allows",
    source='POCSO s.23(2) "neighbourhood"; GCWJ: "only the country"; safeguarding TX-10',
)
def place(story: Story, ctx: StoryContext) -> Iterator[Hit]:
    """A neighbourhood, a village, a para or basti, a named street or a "south Kolkata"-style part of a
    city is finer than `safety.location_precision` and narrows a story down to a few families. Places in
    `safety.known_places` are allowed, places in `safety.fine_places` always reported."""
    precision = ctx.config.safety.location_precision
    for f, found in found_in(story, ctx):
        if found.rule == ts.PLACE:
            quoted = " ".join(found.text.split())
            yield f.hit(
                f'"{quoted}"{f.where()} is {found.what}, finer than the site allows (location_precision: {precision}): '
                "it narrows the story down to a few families",
                "name the city or district instead; if the place is large enough to be safe, add it to "
                "safety.known_places in site.yaml",
                found.start,
            )


RULES = rules_in(globals())
