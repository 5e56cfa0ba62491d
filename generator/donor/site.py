"""The pages that raise money, gathered and checked with the site, rendered as SiteRenderer hooks:

- match-gift banners (campaigns.py) on the pages each campaign names, inside its window;
- media contacts (contacts.py) on the press page, in every page's footer and in JSON-LD;
- the fundraiser sign-up and press forms (forms.py, form_adapters.py) with separate thank-you pages
  and the fundraising guide, plus the check that no confirmation sentence is shown anywhere else
  (confirmations.py);
- redirect pages and `_redirects` for renamed stories (redirects.py);
- the Content-Security-Policy and other headers (security.py): `_headers` and a <meta> in every page.

`load_donor` runs with the other sources (so `impactsite check` reports every problem, located);
`Donor.context` is what templates see (`donor`), and `Donor.hooks` add pages and files once the
stories and plain pages are rendered.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import pathlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from generator.config.forms import FormSpec, FormsSettings, Platform
from generator.config.settings import SiteConfig
from generator.content.model import Page, Story
from generator.content.publication import Publication
from generator.donor import campaigns as campaigns_mod
from generator.donor import confirmations
from generator.donor.campaigns import BannerView, Campaign
from generator.donor.contacts import Contact, load_contacts
from generator.donor.form_adapters import GuideView, form_markup, form_origin, human_size, read_guide
from generator.donor.impact import Impact, load_impact
from generator.donor.redirects import Redirect, check_aliases, redirects_file, redirects_for
from generator.errors import ContentError
from generator.findings import Finding, error
from generator.render import csp as security
from generator.render.views import Link, PageMeta
from generator.safety.downloads import Download, linked_addresses
from generator.safety.downloads import collect as collect_downloads

if TYPE_CHECKING:
    from generator.render.site import SiteRenderer


@dataclass(frozen=True)
class SectionView:
    """What a page with a form (or a platform link, or the press contacts) shows after its text."""

    key: str  # signup or press
    heading: str
    form: Markup = field(default_factory=Markup)
    platform: Platform | None = None
    platform_url: str = ""
    guide: GuideView | None = None
    contacts: tuple[Contact, ...] = ()


@dataclass(frozen=True)
class Donor:
    config: SiteConfig
    at: dt.datetime
    campaigns: tuple[Campaign, ...] = ()
    contacts: tuple[Contact, ...] = ()
    redirects: tuple[Redirect, ...] = ()
    guides: Mapping[str, tuple[GuideView, bytes]] = field(default_factory=dict)  # form key → guide
    impact: Impact | None = None  # content/data/impact.yaml, for the home page
    downloads: tuple[Download, ...] = ()  # checked and cleaned (safety/downloads.py), the guides among them

    @property
    def forms(self) -> FormsSettings | None:
        return self.config.forms

    # --- what templates see ---------------------------------------------------------------------

    @property
    def context(self) -> dict[str, Any]:
        return {
            "donor": DonorView(self, self._banners(), self._sections()),
            "contact_points": self.contact_points,
        }

    @property
    def contact_points(self) -> list[dict[str, Any]]:
        return [c.contact_point() for c in self.contacts]

    def _banners(self) -> tuple[tuple[Campaign, BannerView], ...]:
        out = []
        for c in sorted(self.campaigns, key=lambda c: (c.end, c.id)):
            url = _tracked(c.donate_url, self.config, campaign=c.id)
            view = campaigns_mod.banner(c, self.config, self.at, url)
            if view is not None:
                out.append((c, view))
        return tuple(out)

    def _sections(self) -> dict[str, SectionView]:
        out: dict[str, SectionView] = {}
        settings = self.forms
        if settings is not None:
            for form in settings.forms:
                guide = self.guides.get(form.key, (None, b""))[0]
                if form.is_form:
                    markup = form_markup(
                        form,
                        settings.provider,
                        self._thank_you_action(form),
                        self.config.path(settings.privacy_page),
                    )
                    out[form.page] = SectionView(
                        form.key,
                        form.heading,
                        markup,
                        guide=None,
                        contacts=self.contacts if form.key == "press" else (),
                    )
                else:
                    assert form.platform is not None
                    out[form.page] = SectionView(
                        form.key,
                        form.heading,
                        platform=form.platform,
                        platform_url=form.platform.url,
                        guide=guide,
                    )
        media = self.media_url
        if self.contacts and media and media not in out:
            out[media] = SectionView("press", "", contacts=self.contacts)
        return out

    @property
    def media_url(self) -> str:
        press = self.forms.form("press") if self.forms else None
        return press.page if press else ""

    def _thank_you_action(self, form: FormSpec) -> str:
        assert form.thank_you is not None and self.forms is not None
        if self.forms.provider == "formspree":
            return self.config.absolute(form.thank_you.path)  # Formspree sends people back from its own site
        return self.config.path(form.thank_you.path)

    # --- what the build adds ---------------------------------------------------------------------

    def changes(self) -> list[tuple[dt.datetime, str]]:
        """When the output changes by itself because of a campaign."""
        return campaigns_mod.changes(self.campaigns, self.at)

    @property
    def hooks(self) -> tuple[Callable[[SiteRenderer], None], ...]:
        return (self.add_pages, self.finish)

    def add_pages(self, r: SiteRenderer) -> None:
        """Campaign pages, thank-you pages, the guide file and the redirect pages."""
        campaigns_mod.add_campaign_pages(r, self.campaigns, self.config, self.at)
        settings = self.forms
        if settings is not None:
            for form in settings.forms:
                guide = self.guides.get(form.key)
                if not form.is_form or form.thank_you is None:
                    continue
                ty = form.thank_you
                back = Link(
                    "Back to " + ("our media page" if form.key == "press" else "fundraising with us"),
                    form.page,
                )
                r.page(
                    "thank_you.html",
                    PageMeta(ty.path, ty.heading, noindex=True),
                    "site.yaml",
                    thank_you=ty,
                    guide=guide[0] if guide else None,
                    back=back,
                )
        for d in self.downloads:  # only what the scan could read, as cleaned (no PDF metadata)
            r.files.add(d.url.lstrip("/"), d.data, d.path)
        for rd in self.redirects:
            page = r.theme.render(
                "redirect.html", **r.common(), redirect=rd, canonical=self.config.absolute(rd.target)
            )
            r.files.add(rd.file, page, rd.owner)

    def finish(self, r: SiteRenderer) -> None:
        """Checks on the rendered pages, then the security headers. Runs after every page is rendered."""
        files = r.files
        html = sorted(p for p in files.data if p.endswith(".html"))
        findings = confirmations.misplaced(
            files.data, files.owners, self._phrases(), r.theme.dirs, self.config.root, memo=r.derive
        )
        # Each step is reused for an identical page (serve: most pages, after an edit).
        texts = [
            r.derive("utf-8-text", files.data[p], functools.partial(bytes.decode, files.data[p], "utf-8"))
            for p in html
        ]
        policy, problems = security.policy_for(
            texts,
            self._form_origins(),
            inline=lambda page: r.derive("inline-code", page, lambda: security.inline_code(page)),
        )
        for i, found in sorted(problems.items()):
            for p in found:
                findings.append(error(f"output/{html[i]}", p.line, p.column, "CSP", p.message, p.fix))
        r.note_csp_tag(security.meta_tag(policy))
        for path, text in zip(html, texts):
            final = r.derive("csp-meta", (text, policy), functools.partial(security.with_meta, text, policy))
            files.rewrite(path, r.derive("utf-8", final, functools.partial(str.encode, final)))
        files.add("_headers", security.headers_file(policy, self.config.base_path), "site.yaml")
        if self.redirects:
            at_path = [
                dataclasses.replace(
                    rd, source=self.config.path(rd.source), target=self.config.path(rd.target)
                )
                for rd in self.redirects
            ]
            files.add("_redirects", redirects_file(at_path), "content/stories")
        if findings:
            raise ContentError(files.clashes + findings)

    def _phrases(self) -> list[confirmations.Phrase]:
        settings = self.forms
        phrases = settings.phrases() if settings else FormsSettings("netlify").phrases()
        pages = {f.thank_you.heading: f for f in settings.forms if f.thank_you} if settings else {}
        every = (
            frozenset(_file(f.thank_you.path) for f in settings.forms if f.thank_you)
            if settings
            else frozenset()
        )
        out = []
        for text in phrases:
            own = pages.get(text)
            out.append(
                confirmations.Phrase(
                    text, frozenset({_file(own.thank_you.path)}) if own and own.thank_you else every
                )
            )
        return out

    def _form_origins(self) -> list[str]:
        if self.forms is None:
            return []
        return [form_origin(self.forms.provider, f) for f in self.forms.forms if f.is_form]


class DonorView:
    """The template-facing side: `donor.banners(page.url)`, `donor.section(page.url)`, … Read-only."""

    def __init__(
        self, donor: Donor, banners: tuple[tuple[Campaign, BannerView], ...], sections: dict[str, SectionView]
    ) -> None:
        self._donor = donor
        self._banners = banners
        self._sections = sections

    def memo_key(self) -> str:
        """Everything templates can get from this view, as text, for the page cache: the donor
        data without its moment (which reaches templates only through the banners), the banners
        and the form sections."""
        donor = dataclasses.replace(
            self._donor, at=dt.datetime(2000, 1, 1, tzinfo=dt.UTC), guides={}, downloads=()
        )
        guides = sorted((k, v[0], hashlib.sha256(v[1]).hexdigest()) for k, v in self._donor.guides.items())
        downloads = [(d.url, hashlib.sha256(d.data).hexdigest()) for d in self._donor.downloads]
        return repr((donor, guides, downloads, self._banners, sorted(self._sections.items())))

    def banners(self, url: str) -> tuple[BannerView, ...]:
        return tuple(view for c, view in self._banners if c.shows_on(url))

    def section(self, url: str) -> SectionView | None:
        return self._sections.get(url)

    def json_ld(self, url: str) -> tuple[Markup, ...]:
        from generator.render.site import json_ld

        if url != self._donor.media_url or not self._donor.contacts:
            return ()
        c = self._donor.config
        return (
            json_ld(
                {
                    "@context": "https://schema.org",
                    "@type": "NGO",
                    "name": c.organisation.name,
                    "url": c.organisation.url or c.base_url,
                    "contactPoint": self._donor.contact_points,
                }
            ),
        )

    @property
    def impact(self) -> Impact | None:
        return self._donor.impact

    def campaign_url(self, campaign_id: str) -> str:
        return next((c.url for c in self._donor.campaigns if c.id == campaign_id), "")

    @property
    def press_contact(self) -> Contact | None:
        return self._donor.contacts[0] if self._donor.contacts else None

    @property
    def media_url(self) -> str:
        return self._donor.media_url


def _file(url: str) -> str:
    return url.strip("/") + "/index.html" if url != "/" else "index.html"


def _tracked(url: str, config: SiteConfig, **overrides: str) -> str:
    from generator.render.site import tracked

    return tracked(url, config, **overrides)


def load_donor(
    root: pathlib.Path,
    config: SiteConfig,
    stories: Sequence[Story],
    pages: Sequence[Page],
    publications: Mapping[str, Publication],
    at: dt.datetime,
) -> tuple[Donor, list[Finding]]:
    """Campaigns, contacts, forms and aliases, checked whole; returns what the build needs and every problem.

    The media contacts' own numbers are added to `safety.allowed_phones`, so a story may quote the press
    office's number without tripping the phone-number rule (the contacts file is the one place to list them)."""
    findings: list[Finding] = []
    campaigns, problems = campaigns_mod.load_campaigns(root, config, at, frozenset(s.slug for s in stories))
    findings += problems
    contacts, problems = load_contacts(root, config)
    findings += problems
    guides, problems = _check_forms(config, pages)
    findings += problems
    # Downloads: content/downloads/ and every file under content/ a published source links to.
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
    phones = tuple(
        c.phone_e164 for c in contacts if c.phone_e164 and c.phone_e164 not in config.safety.allowed_phones
    )
    if phones:
        config = dataclasses.replace(
            config,
            safety=dataclasses.replace(config.safety, allowed_phones=config.safety.allowed_phones + phones),
        )
    return Donor(config, at, campaigns, contacts, redirects, guides, impact, tuple(downloads)), findings


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
