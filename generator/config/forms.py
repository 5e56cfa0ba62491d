"""The `forms:` section of site.yaml: which form provider, the fundraiser sign-up and the press enquiry
form, their fields, thank-you pages and the fundraising guide. Declared once (config/declare.py);
the checks that need several settings at once are in form_checks.py.

The markup each provider expects is in donor/form_adapters.py; the pages are planned in donor/site.py.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, ClassVar, Literal

from generator.config.declare import build, setting
from generator.config.form_checks import FORM_KEYS, check_forms, page_path
from generator.config.form_fields import CATALOGUE, FieldKind, FormField
from generator.config.schema import Check, Problem

__all__ = (
    "CATALOGUE",
    "FieldKind",
    "FormField",
    "FormSpec",
    "FormsSettings",
    "Guide",
    "Platform",
    "ThankYou",
)

DEFAULT_PHRASES = (
    "Thank you for signing up",
    "Thanks for signing up",
    "Thank you for your enquiry",
    "Thanks for your enquiry",
    "Your message has been sent",
    "We have received your message",
)
HONEYPOTS = MappingProxyType({"netlify": "bot-field", "formspree": "_gotcha", "custom": "bot-field"})
DEFAULT_SUBMIT = MappingProxyType({"signup": "Sign up", "press": "Send your enquiry"})
DEFAULT_HEADING = MappingProxyType(
    {
        "signup": "Sign up to fundraise",
        "press": "Send us an enquiry",
        "platform_link": "Start your fundraising page",
    }
)
DEFAULT_NOTE = MappingProxyType(
    {
        "signup": "We use these details only to support your fundraiser, and we never sell or share them.",
        "press": "We use these details only to reply to your enquiry, and we never sell or share them.",
    }
)


def _page_address(example: str) -> Check:
    def check(value: str, label: str) -> tuple[str, str] | None:
        return None if page_path(value) else (f'"{value}" is not a page address', f"write it like {example}")

    return check


def _sentence(value: str, label: str) -> tuple[str, str] | None:
    if len(value.split()) >= 2:
        return None
    return (
        f'"{value}" is too short to be a confirmation sentence',
        'write the whole sentence, e.g. "Thank you for signing up"',
    )


def _https_platform(value: str, label: str) -> tuple[str, str] | None:
    if value.startswith("https://"):
        return None
    return "the platform's url must start with https://", "copy the full address from the platform"


def _download(file: str, label: str) -> tuple[str, str] | None:
    parts = file.split("/")
    if file.startswith("/") or ".." in parts or "\\" in file or not file.strip():
        return (
            f'"{file}" is not a file under content/',
            "write its path inside content/, e.g. downloads/fundraising-guide.pdf",
        )
    if parts[0] in ("stories", "pages", "campaigns", "data", "images"):
        return (
            f'"{file}" is in content/{parts[0]}/, which is not for downloads',
            "put the guide in content/downloads/",
        )
    return None


@dataclass(frozen=True)
class ThankYou:
    noun: ClassVar[str] = "the thank-you page"
    path: str = setting(
        help="its address, e.g. /fundraise/thank-you/", check=_page_address("/fundraise/thank-you/")
    )
    heading: str = setting(
        help="the confirmation sentence, e.g. Thank you for signing up; it may appear on no other page",
        convert=str.strip,
    )
    lead: str = setting("", "a sentence under the heading", convert=str.strip)
    next_steps: tuple[str, ...] = setting((), "what happens next, one line per step", convert=str.strip)


@dataclass(frozen=True)
class Guide:
    noun: ClassVar[str] = "the guide"
    file: str = setting(help="under content/, e.g. downloads/fundraising-guide.pdf", check=_download)
    title: str = setting(help="the link's words, e.g. Your fundraising guide")

    @property
    def url(self) -> str:
        return "/" + self.file


@dataclass(frozen=True)
class Platform:
    noun: ClassVar[str] = "the fundraising platform"
    name: str = setting(help="e.g. JustGiving")
    url: str = setting(
        help="the platform's start-a-fundraiser address for your charity", check=_https_platform
    )


@dataclass(frozen=True)
class FormSpec:
    """One form (forms.signup or forms.press); FormsSettings fills in what depends on the others."""

    noun: ClassVar[str] = "a form"
    page: str = setting(
        help="the address of the page in content/pages/ that shows the form, e.g. /fundraise/",
        check=_page_address("/fundraise/ (the page's address, with slashes)"),
    )
    mode: Literal["lead_form", "platform_link"] = setting(
        "lead_form", "lead_form (our own form) or platform_link (a link to a fundraising platform)"
    )
    id: str = setting("", "Netlify: the form's name; Formspree: the form's id, e.g. xyzkqwbr")
    endpoint: str = setting("", "custom provider: the address that receives the POST")
    honeypot: str = setting(
        "", "the hidden spam-trap field's name; bot-field when left out (Formspree: always _gotcha)"
    )
    field_names: tuple[str, ...] = setting((), "from: " + ", ".join(CATALOGUE), key="fields")
    required: tuple[str, ...] = setting((), "which of the fields must be filled in (at most four)")
    labels: dict[str, str] = setting(
        {}, "your own words for a field's label, e.g. message: Your question", keys=CATALOGUE
    )
    hints: dict[str, str] = setting({}, "a line of help under a field's label", keys=CATALOGUE)
    heading: str = setting("", "the heading above the form")
    submit: str = setting("", "the button's words")
    privacy_note: str = setting("", "one sentence on what you do with the answers")
    thank_you: ThankYou | None = setting(None, "the page people reach after sending the form")
    platform: Platform | None = setting(None, "platform_link mode: the platform people start their page on")
    guide: Guide | None = setting(None, "a download offered with the form, e.g. a fundraising guide")
    key: str = ""  # signup or press: which form this is

    @property
    def is_form(self) -> bool:
        return self.mode == "lead_form"

    @property
    def fields(self) -> tuple[FormField, ...]:
        """The fields as the form shows them, with the site's own labels and hints."""
        return tuple(
            FormField(
                name,
                self.labels.get(name) or CATALOGUE[name].label,
                CATALOGUE[name].type,
                CATALOGUE[name].autocomplete,
                self.hints[name] if name in self.hints else CATALOGUE[name].hint,
                name in self.required,
                CATALOGUE[name].maxlength,
            )
            for name in self.field_names
        )


@dataclass(frozen=True)
class FormsSettings:
    noun: ClassVar[str] = "forms"
    provider: Literal["netlify", "formspree", "custom"] = setting(
        help="the service that receives the forms: netlify, formspree or custom"
    )
    privacy_page: str = setting(
        "/privacy/", "the privacy notice every form links to", check=_page_address("/privacy/")
    )
    confirmation_phrases: tuple[str, ...] = setting(
        DEFAULT_PHRASES, "sentences that may appear only on thank-you pages", check=_sentence
    )
    signup: FormSpec | None = setting(None, "the fundraiser sign-up form")
    press: FormSpec | None = setting(None, "the press enquiry form")

    def __post_init__(self) -> None:
        # The defaults of a form that depend on the provider and on which form it is.
        for key in FORM_KEYS:
            form = getattr(self, key)
            if form is not None:
                object.__setattr__(self, key, _complete(form, key, self.provider))

    @staticmethod
    def cross_check(data: dict[str, Any]) -> list[Problem]:
        return check_forms(data)

    @property
    def forms(self) -> tuple[FormSpec, ...]:
        return tuple(f for f in (self.signup, self.press) if f is not None)

    def form(self, key: str) -> FormSpec | None:
        return next((f for f in self.forms if f.key == key), None)

    def phrases(self) -> tuple[str, ...]:
        """Every confirmation sentence: the configured ones and each thank-you page's heading."""
        own = tuple(f.thank_you.heading for f in self.forms if f.thank_you)
        return tuple(dict.fromkeys(self.confirmation_phrases + own))


def _complete(form: FormSpec, key: str, provider: str) -> FormSpec:
    return dataclasses.replace(
        form,
        key=key,
        honeypot=HONEYPOTS["formspree"] if provider == "formspree" else form.honeypot or HONEYPOTS[provider],
        heading=form.heading or DEFAULT_HEADING["platform_link" if form.mode == "platform_link" else key],
        submit=form.submit or DEFAULT_SUBMIT[key],
        privacy_note=form.privacy_note or DEFAULT_NOTE[key],
    )


def settings_from(data: dict[str, Any] | None) -> FormsSettings | None:
    """The settings from a checked `forms:` section."""
    return build(FormsSettings, data) if data else None
