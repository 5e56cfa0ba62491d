"""Loading the pages that raise money with the other sources, so `impactsite check` reports every
problem, located: campaigns, media contacts, forms (the pages they need, the guide) and aliases.
Returns values only; `checking_config` is what the safety rules read (site.yaml, with the media
contacts' own numbers allowed), made by the pipeline where it can be seen."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pathlib
from collections.abc import Mapping, Sequence

from generator.config.settings import SiteConfig
from generator.content.model import Page, Story
from generator.content.publication import Publication
from generator.donor import campaigns as campaigns_mod
from generator.donor.contacts import load_contacts
from generator.donor.form_adapters import GuideView, human_size, read_guide
from generator.donor.impact import load_impact
from generator.donor.redirects import check_aliases, redirects_for
from generator.donor.site import Donor
from generator.findings import Finding, error
from generator.safety.downloads import collect as collect_downloads
from generator.safety.downloads import linked_addresses


def load_donor(
    root: pathlib.Path,
    config: SiteConfig,
    stories: Sequence[Story],
    pages: Sequence[Page],
    publications: Mapping[str, Publication],
    at: dt.datetime,
) -> tuple[Donor, list[Finding]]:
    """Campaigns, contacts, forms and aliases, checked whole; returns what the build needs and every problem.

    The media contacts' own numbers may be quoted in stories: `checking_config` adds them to what the
    phone-number rule allows (the contacts file is the one place to list them)."""
    findings: list[Finding] = []
    campaigns, problems = campaigns_mod.load_campaigns(root, config, at, frozenset(s.slug for s in stories))
    findings += problems
    contacts, problems = load_contacts(root, config)
    findings += problems
    guides, problems = _check_forms(config, pages)
    findings += problems
    # Downloads: content/downloads/ and every file under content/ a published source links to, each
    # published only if the scan can read it, and as cleaned (safety/downloads.py).
    sources = [(s.path, s.source.body) for s in stories if publications[s.path].publishing]
    sources += [(p.path, p.source.body) for p in pages]
    required = [f.guide.file for f in config.forms.forms if f.guide] if config.forms else []
    downloads, problems = collect_downloads(root, linked_addresses(sources), required)
    refused = (
        {"content/" + f.guide.file for f in config.forms.forms if f.guide and f.key not in guides}
        if config.forms
        else set()
    )
    findings += [p for p in problems if p.path not in refused]  # (a refused guide is reported once, above)
    cleaned = {d.url: d.data for d in downloads}
    guides = {  # the guide as published: its cleaned copy, its size from that copy
        k: (dataclasses.replace(view, size=human_size(len(cleaned[view.url]))), cleaned[view.url])
        for k, (view, _) in guides.items()
        if view.url in cleaned
    }
    impact, problems = load_impact(root)
    findings += problems
    findings += check_aliases(stories)
    live = [s for s in stories if publications[s.path].live]
    redirects = redirects_for(live) if not any(f.rule == "ALIAS" for f in findings) else ()
    return Donor(config, at, campaigns, contacts, redirects, guides, impact, tuple(downloads)), findings


def checking_config(config: SiteConfig, donor: Donor) -> SiteConfig:
    """The settings the safety rules read: site.yaml's, with the media contacts' numbers allowed."""
    phones = tuple(
        c.phone_e164
        for c in donor.contacts
        if c.phone_e164 and c.phone_e164 not in config.safety.allowed_phones
    )
    if not phones:
        return config
    allowed = config.safety.allowed_phones + phones
    return dataclasses.replace(config, safety=dataclasses.replace(config.safety, allowed_phones=allowed))


def _check_forms(
    config: SiteConfig, pages: Sequence[Page]
) -> tuple[dict[str, tuple[GuideView, bytes]], list[Finding]]:
    """What only the whole site can tell: the form pages exist, the guide is a real file."""
    settings = config.forms
    if settings is None:
        return {}, []
    findings: list[Finding] = []
    guides: dict[str, tuple[GuideView, bytes]] = {}
    urls = {p.url for p in pages}

    def add(path: tuple[str | int, ...], message: str, fix: str) -> None:
        line, col = config.located.where(("forms",) + path) if config.located else (1, 1)
        findings.append(error("site.yaml", line, col, "CONFIG", message, fix))

    if settings.forms and settings.privacy_page not in urls:
        add(
            ("privacy_page",) if "privacy_page" in (config.raw.get("forms") or {}) else ("provider",),
            f"the privacy page {settings.privacy_page} does not exist, and every form links to it",
            "write content/pages/privacy.md, or set forms.privacy_page to your privacy page's address",
        )
    for form in settings.forms:
        if form.page not in urls:
            add(
                (form.key, "page"),
                f"there is no page at {form.page} to show forms.{form.key} on",
                f"write content/pages/{form.page.strip('/').replace('/', '-') or 'index'}.md, or correct the address",
            )
        if form.thank_you is not None and form.thank_you.path in urls:
            add(
                (form.key, "thank_you", "path"),
                f"{form.thank_you.path} is already the address of a page in content/pages/",
                "give the thank-you page its own address",
            )
        if form.guide is not None:
            view, data, problem = read_guide(config.content_dir, form.guide)
            if view is None:
                add(
                    (form.key, "guide", "file"),
                    problem,
                    "put the guide in content/downloads/ and write its path here",
                )
            else:
                guides[form.key] = (view, data)
    return guides, findings
