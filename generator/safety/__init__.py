"""The safety rules: one module per family, each rule a small registered function.

`check_story` and `check_site` run them; waivers are applied here, in one place.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any, cast
from urllib.parse import urlsplit

from generator.config.settings import SiteConfig
from generator.content.model import Page, Story
from generator.findings import Finding
from generator.safety import (
    consent,
    consistency,
    decisions_file,
    denylist,
    downloads,
    identifiers,
    images,
    jigsaw,
    links,
    names,
    people,
    placeholders,
    private,
    pseudonyms,
    redact,
    relatives,
    signoff,
    surfaces,
    waivers,
)
from generator.safety.identifiers import site_settings
from generator.safety.registry import ANY, PUBLISHING, Hit, Rule, SiteContext, StoryContext, locate
from generator.safety.surfaces import SURFACE, SurfaceContext

ALL_RULES: tuple[Rule, ...] = (
    people.RULES
    + consistency.RULES
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
    + links.RULES
)

RULES_BY_ID = {r.id: r for r in ALL_RULES}
assert len(RULES_BY_ID) == len(ALL_RULES), "rule ids must be unique"


def denylist_extras(config: SiteConfig) -> dict[str, Any]:
    """The site's denylist for every check, failing closed (safety/denylist_store.site_denylist).

    Also registers a first protector for report writers (denylisted terms and identifiers), so even
    a command that never reaches check_surfaces (approve) masks what it prints."""
    extras = denylist.site_extras(config)
    redact.remember(redact.Protector(extras.get("denylist"), (), site_settings(config), None, config.root))
    return extras


def rule_severities() -> dict[str, str]:
    return {r.id: r.severity.value for r in ALL_RULES}


def site_extras(
    config: SiteConfig,
    stories: Sequence[Story] = (),
    *,
    sponsors: Iterable[str] = (),
    contacts: Iterable[str] = (),
    links: Iterable[str] = (),
    knowledge: Any = None,
    vocab: Any = None,
) -> dict[str, Any]:
    """What every check reads besides the file it checks: what explains a name on this site (built once
    per build: the organisation, its partners, programmes, sponsors and media contacts, the places it
    may name, its countries, the sites it links to on purpose (`links`: each campaign's donate button))
    and the rules' severities."""
    from generator.safety.detect.analysis import site_knowledge
    from generator.safety.identifiers import site_settings

    org = config.organisation
    policy = config.safety
    phrases = [org.name, *policy.known_terms, *sponsors, *contacts]
    phrases += [*config.organisations, *config.programmes]
    # A fundraising platform the site links to is named and addressed in site.yaml on purpose.
    platforms = (
        [f.platform for f in (config.forms.signup, config.forms.press) if f and f.platform]
        if config.forms
        else []
    )
    phrases += [p.name for p in platforms]
    hosts = [
        urlsplit(u).hostname or ""
        for u in (
            config.base_url,
            org.url,
            config.donate_url,
            *org.same_as,
            *(p.url for p in platforms),
            *links,
        )
        if u
    ]
    hosts += [*policy.allowed_email_domains, *policy.allowed_link_domains]
    site = site_knowledge(
        config.root,
        settings=site_settings(config),
        phrases=phrases,
        places=policy.known_places,
        hosts=hosts,
        locations=[s.location for s in stories if s.location],
        precision=policy.location_precision,
        language=config.language,
        knowledge=knowledge,
        vocab=vocab,
    )
    return {"site_knowledge": site, "rule_severities": rule_severities()}


def analyse_story(story: Story, ctx: StoryContext) -> StoryContext:
    """The context with the story's one text analysis filled in (every text rule reads it)."""
    from generator.safety.detect.analysis import Document, analyse
    from generator.safety.detect.fields import visible_fields

    site = ctx.extras.get("site_knowledge")
    if site is None or ctx.text:
        return ctx
    doc = Document(story.people, story.location or "")
    return dataclasses.replace(ctx, text=analyse(visible_fields(story, ctx), doc, site))


def check_story(
    story: Story, ctx: StoryContext, rules: tuple[Rule, ...] = ALL_RULES
) -> tuple[list[Finding], list[Finding]]:
    """Run every story rule that applies; return (findings, waived warnings)."""
    findings: list[Finding] = []
    publishing = ctx.publication.publishing
    ctx = analyse_story(story, ctx)
    minor = story.has_minor_survivor
    for rule in rules:
        if rule.scope not in (ANY, PUBLISHING) or (rule.scope == PUBLISHING and not publishing):
            continue
        severity = rule.severity_for(minor)
        for hit in rule.check(story, ctx):
            findings.append(hit if isinstance(hit, Finding) else locate(rule, story.source, hit, severity))
    # A warning is a decision: accepted ones are set aside; any still open stops a story being published.
    verified = signoff.decision_verifier(ctx.config, story.path)
    findings, waived = waivers.apply_waivers(findings, story.waivers, story.author, verified)
    if publishing:
        findings += waivers.decisions_needed(story.source, findings, rules)
    return findings, waived


def check_surfaces(site: Any) -> tuple[list[Finding], list[Finding]]:
    """Every surface that is not a story's own text (pages, data files, site.yaml, links, downloads),
    through the same detectors and denylist as story bodies, with the reviewers' decisions on their
    warnings applied: (findings, warnings a decision accepted). Also registers the protector every
    report writer masks with (safety/redact.py). `site` is the build's Site: config, stories, pages,
    publications and extras."""
    ctx = SurfaceContext(site.config, site.stories, site.pages, site.publications, site.extras)
    redact.remember(
        redact.Protector(
            site.extras.get("denylist"),
            redact.protected_names(site.stories),
            site_settings(site.config),
            {d.path: d.source.text for d in (*site.stories, *site.pages)},
            site.config.root,
        )
    )
    findings = surfaces.check_surfaces(ctx)
    donor = site.extras.get("donor")
    if donor is not None:  # downloads were read (and cleaned) with the donor data
        findings += downloads.check_downloads(donor.downloads, site.config, site.extras)
    for rule in ALL_RULES:
        if rule.scope == SURFACE:
            findings.extend(cast("Iterable[Finding]", rule.check(ctx)))
    return file_decisions((*site.stories, *site.pages), findings, site.config)


def file_decisions(
    sources: Iterable[Page | Story], findings: list[Finding], config: SiteConfig
) -> tuple[list[Finding], list[Finding]]:
    """A warning is a decision on every surface, not only in a story's own text: the warnings a reviewer
    accepted (a story's or a page's own `waivers`; for every other file (data files, site.yaml,
    downloads wherever they are), safety/decisions.yaml; all written by `impactsite approve`) are set
    aside; any still open stops the build with one DECISION-MISSING per file. Returns (findings,
    warnings accepted)."""
    by_path = {source.path: source for source in sources}
    recorded, problems = decisions_file.read_decisions(config.root)
    out: list[Finding] = list(problems)
    waived: list[Finding] = []
    per_file: dict[str, list[Finding]] = {}
    for f in findings:
        per_file.setdefault(f.path, []).append(f)
    for path, found in per_file.items():
        verified = signoff.decision_verifier(config, path)
        source = by_path.get(path)
        if source is not None:
            still_open, accepted = waivers.apply_waivers(found, source.waivers, source.author, verified)
            where = ("title",) if isinstance(source, Page) else ("status",)
            out += still_open + waivers.decisions_needed(source.source, still_open, ALL_RULES, where)
        else:
            still_open, accepted = waivers.apply_waivers(found, recorded.get(path, ()), None, verified)
            first = min(((f.line, f.column) for f in still_open), default=(1, 1))
            out += still_open + waivers.decisions_needed_at(path, *first, still_open, ALL_RULES)
        waived += accepted
    return out, waived


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
    "analyse_story",
    "check_site",
    "check_story",
    "check_surfaces",
    "file_decisions",
    "site_extras",
]
