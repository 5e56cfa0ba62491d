"""The pages that raise money, gathered and checked with the site, handed to the render stage as values:

- match-gift banners (campaigns.py) on the pages each campaign names, inside its window;
- media contacts (contacts.py) on the press page, in every page's footer and in JSON-LD;
- the fundraiser sign-up and press forms (forms.py, form_adapters.py) with separate thank-you pages
  and the fundraising guide, plus the confirmation sentences that may appear only on their
  thank-you pages (confirmations.py, checked on every page by the file checks);
- redirect pages and `_redirects` for renamed stories (redirects.py).

`load_donor` runs with the other sources (so `impactsite check` reports every problem, located);
`Donor.context` is what templates see (`donor`), `Donor.extras()` the pages and files it adds.
Data flows one way: the donor stage never calls the renderer, and returns no second SiteConfig
(`checking_config` is what the safety rules read, made explicitly by the pipeline).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from generator.config.forms import FormSpec, FormsSettings, Platform
from generator.config.settings import SiteConfig
from generator.donor import campaigns as campaigns_mod
from generator.donor import confirmations
from generator.donor.campaigns import BannerView, Campaign
from generator.donor.contacts import Contact
from generator.donor.form_adapters import GuideView, form_markup, form_origin
from generator.donor.impact import Impact
from generator.donor.redirects import Redirect, redirects_file
from generator.render.links import json_ld, tracked
from generator.render.values import Extra
from generator.render.views import Link, PageMeta


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

    def extras(self) -> list[Extra]:
        """Thank-you pages, the guides, the redirect pages and `_redirects`: values the render
        stage turns into files (the donor never calls the renderer, the renderer never calls back)."""
        out = self._campaign_pages()
        settings = self.forms
        if settings is not None:
            for form in settings.forms:
                guide = self.guides.get(form.key)
                if guide is not None:
                    out.append(Extra(guide[0].url.lstrip("/"), "content" + guide[0].url, data=guide[1]))
                if not form.is_form or form.thank_you is None:
                    continue
                ty = form.thank_you
                back = Link(
                    "Back to " + ("our media page" if form.key == "press" else "fundraising with us"),
                    form.page,
                )
                ctx: dict[str, Any] = {"thank_you": ty, "guide": guide[0] if guide else None, "back": back}
                meta = PageMeta(ty.path, ty.heading, noindex=True)
                out.append(Extra(_file(ty.path), "site.yaml", "thank_you.html", meta, ctx))
        for rd in self.redirects:
            rd_ctx: dict[str, Any] = {
                "redirect": rd,
                "canonical": self.config.absolute(rd.target),
            }
            out.append(Extra(rd.file, rd.owner, "redirect.html", context=rd_ctx))
        if self.redirects:
            at_path = [
                dataclasses.replace(
                    rd, source=self.config.path(rd.source), target=self.config.path(rd.target)
                )
                for rd in self.redirects
            ]
            out.append(Extra("_redirects", "content/stories", data=redirects_file(at_path)))
        return out

    def _campaign_pages(self) -> list[Extra]:
        """A page per campaign at /campaigns/<id>/: the match in words, its dates and progress, one
        story, a donate button and the questions donors ask. An ended campaign's page stays, says
        so in its first sentence and is left out of search (noindex, not in the sitemap)."""
        out = []
        for c in sorted(self.campaigns, key=lambda c: c.id):
            view = campaigns_mod.page_view(
                c, self.config, self.at, _tracked(c.donate_url, self.config, campaign=c.id)
            )
            description = c.summary or (
                campaigns_mod.short_sentence(c) if view.state == "running" else view.lead
            )
            meta = PageMeta(c.url, c.name, description, noindex=view.state == "ended")
            story = view.story_slug or ""
            out.append(
                Extra(_file(c.url), c.path, "campaign.html", meta, {"campaign": view}, story_slug=story)
            )
        return out

    def phrases(self) -> list[confirmations.Phrase]:
        """The confirmation sentences, each with the pages it may appear on (a per-page check)."""
        return self._phrases()

    def form_origins(self) -> list[str]:
        return self._form_origins()

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
        donor = dataclasses.replace(self._donor, at=dt.datetime(2000, 1, 1, tzinfo=dt.UTC), guides={})
        guides = sorted((k, v[0], hashlib.sha256(v[1]).hexdigest()) for k, v in self._donor.guides.items())
        return repr((donor, guides, self._banners, sorted(self._sections.items())))

    def banners(self, url: str) -> tuple[BannerView, ...]:
        return tuple(view for c, view in self._banners if c.shows_on(url))

    def section(self, url: str) -> SectionView | None:
        return self._sections.get(url)

    def json_ld(self, url: str) -> tuple[Markup, ...]:
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
    return tracked(url, config, **overrides)
