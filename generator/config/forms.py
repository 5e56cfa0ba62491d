"""The `forms:` section of site.yaml: which form provider, the fundraiser sign-up and the press enquiry
form, their fields, thank-you pages and the fundraising guide. Checked whole, every problem located.

The markup each provider expects is in form_adapters.py; the pages are planned in donor.py.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from generator.config.schema import TEXT, Field, enum, list_of, obj
from generator.config.yamlload import Located, Path
from generator.findings import Finding, error

PROVIDERS = ("netlify", "formspree", "custom")
MODES = ("lead_form", "platform_link")
MAX_REQUIRED = 4  # a sign-up that asks for more loses people (donor-site research, section 3)
DEFAULT_PHRASES = (
    "Thank you for signing up",
    "Thanks for signing up",
    "Thank you for your enquiry",
    "Thanks for your enquiry",
    "Your message has been sent",
    "We have received your message",
)
FORM_KEYS = ("signup", "press")


@dataclass(frozen=True)
class FieldKind:
    """A field the forms can ask for: its label, input type and autocomplete token (WCAG 1.3.5)."""

    label: str
    type: str = "text"  # text, email, tel, date, textarea
    autocomplete: str = ""  # only for the person's own details
    hint: str = ""
    maxlength: int = 0


CATALOGUE: dict[str, FieldKind] = {
    "first_name": FieldKind("First name", autocomplete="given-name"),
    "last_name": FieldKind("Last name", autocomplete="family-name"),
    "name": FieldKind("Full name", autocomplete="name"),
    "email": FieldKind("Email address", "email", "email"),
    "phone": FieldKind("Phone number", "tel", "tel"),
    "organisation": FieldKind("Organisation", autocomplete="organization"),
    "event": FieldKind("What are you planning?", hint="A sponsored run, a bake sale, a birthday fundraiser…"),
    "event_date": FieldKind("Date of your event", "date"),
    "goal": FieldKind("How much do you hope to raise?", hint="A rough figure is fine."),
    "deadline": FieldKind("Your deadline", hint="When you need our answer, for example Friday at 5 pm."),
    "subject": FieldKind("Subject"),
    "message": FieldKind("Message", "textarea", maxlength=2000),
}

THANK_YOU = {
    "path": Field(TEXT, required=True, help="its address, e.g. /fundraise/thank-you/"),
    "heading": Field(TEXT, required=True, help="the confirmation sentence, e.g. Thank you for signing up"),
    "lead": Field(TEXT),
    "next_steps": Field(list_of(TEXT), help="what happens next, one line per step"),
}
GUIDE = {
    "file": Field(TEXT, required=True, help="under content/, e.g. downloads/fundraising-guide.pdf"),
    "title": Field(TEXT, required=True),
}
PLATFORM = {
    "name": Field(TEXT, required=True, help="e.g. JustGiving"),
    "url": Field(TEXT, required=True, help="the platform's start-a-fundraiser address for your charity"),
}
_TEXTS = {k: Field(TEXT) for k in CATALOGUE}
FORM = {
    "page": Field(
        TEXT,
        required=True,
        help="the address of the page in content/pages/ that shows the form, e.g. /fundraise/",
    ),
    "mode": Field(
        enum(*MODES), help="lead_form (our own form) or platform_link (a link to a fundraising platform)"
    ),
    "id": Field(TEXT, help="Netlify: the form's name; Formspree: the form's id, e.g. xyzkqwbr"),
    "endpoint": Field(TEXT, help="custom provider: the address that receives the POST"),
    "honeypot": Field(TEXT, help="the hidden spam-trap field's name (custom and Netlify providers)"),
    "fields": Field(list_of(TEXT), help="from: " + ", ".join(CATALOGUE)),
    "required": Field(list_of(TEXT)),
    "labels": Field(obj(_TEXTS, "labels")),
    "hints": Field(obj(_TEXTS, "hints")),
    "heading": Field(TEXT, help="the heading above the form"),
    "submit": Field(TEXT, help="the button's words"),
    "privacy_note": Field(TEXT, help="one sentence on what you do with the answers"),
    "thank_you": Field(obj(THANK_YOU, "the thank-you page")),
    "platform": Field(obj(PLATFORM, "the fundraising platform")),
    "guide": Field(obj(GUIDE, "the guide")),
}
FORMS = obj(
    {
        "provider": Field(enum(*PROVIDERS), required=True),
        "privacy_page": Field(TEXT, help="the privacy notice every form links to; /privacy/ when left out"),
        "confirmation_phrases": Field(
            list_of(TEXT), help="sentences that may appear only on thank-you pages"
        ),
        "signup": Field(obj(FORM, "the sign-up form")),
        "press": Field(obj(FORM, "the press form")),
    },
    "forms",
)

HONEYPOTS = {"netlify": "bot-field", "formspree": "_gotcha", "custom": "bot-field"}
DEFAULT_SUBMIT = {"signup": "Sign up", "press": "Send your enquiry"}
DEFAULT_HEADING = {
    "signup": "Sign up to fundraise",
    "press": "Send us an enquiry",
    "platform_link": "Start your fundraising page",
}
DEFAULT_NOTE = {
    "signup": "We use these details only to support your fundraiser, and we never sell or share them.",
    "press": "We use these details only to reply to your enquiry, and we never sell or share them.",
}


@dataclass(frozen=True)
class FormField:
    key: str  # the submitted name
    label: str
    type: str
    autocomplete: str
    hint: str
    required: bool
    maxlength: int = 0


@dataclass(frozen=True)
class ThankYou:
    path: str
    heading: str
    lead: str = ""
    next_steps: tuple[str, ...] = ()


@dataclass(frozen=True)
class Guide:
    file: str  # under content/
    title: str

    @property
    def url(self) -> str:
        return "/" + self.file


@dataclass(frozen=True)
class Platform:
    name: str
    url: str


@dataclass(frozen=True)
class FormSpec:
    key: str  # signup or press
    page: str
    mode: str  # lead_form or platform_link
    id: str = ""
    endpoint: str = ""
    honeypot: str = "bot-field"
    fields: tuple[FormField, ...] = ()
    heading: str = ""
    submit: str = "Send"
    privacy_note: str = ""
    thank_you: ThankYou | None = None
    platform: Platform | None = None
    guide: Guide | None = None

    @property
    def is_form(self) -> bool:
        return self.mode == "lead_form"


@dataclass(frozen=True)
class FormsSettings:
    provider: str
    privacy_page: str = "/privacy/"
    confirmation_phrases: tuple[str, ...] = DEFAULT_PHRASES
    forms: tuple[FormSpec, ...] = ()

    def form(self, key: str) -> FormSpec | None:
        return next((f for f in self.forms if f.key == key), None)

    def phrases(self) -> tuple[str, ...]:
        """Every confirmation sentence: the configured ones and each thank-you page's heading."""
        own = tuple(f.thank_you.heading for f in self.forms if f.thank_you)
        return tuple(dict.fromkeys(self.confirmation_phrases + own))


def _page_path(value: str) -> bool:
    return (
        value.startswith("/")
        and value.endswith("/")
        and "//" not in value
        and ".." not in value
        and " " not in value
    )


def check_values(data: Any, located: Located, file: str = "site.yaml") -> list[Finding]:
    """Problems the schema cannot see in `forms:` (its structure is already valid)."""
    if not isinstance(data, dict):
        return []
    out: list[Finding] = []

    def add(path: Path, message: str, fix: str, *, key: bool = False) -> None:
        line, col = located.where(("forms",) + path, key=key)
        out.append(error(file, line, col, "CONFIG", message, fix))

    provider = data.get("provider")
    privacy = data.get("privacy_page")
    if isinstance(privacy, str) and not _page_path(privacy):
        add(("privacy_page",), f'"{privacy}" is not a page address', "write it like /privacy/")
    for i, phrase in enumerate(data.get("confirmation_phrases") or ()):
        if isinstance(phrase, str) and len(phrase.split()) < 2:
            add(
                ("confirmation_phrases", i),
                f'"{phrase}" is too short to be a confirmation sentence',
                'write the whole sentence, e.g. "Thank you for signing up"',
            )
    seen_paths: dict[str, str] = {}
    for key in FORM_KEYS:
        form = data.get(key)
        if isinstance(form, dict):
            _check_form(key, form, provider, add, seen_paths)
    return out


def _check_form(key: str, form: dict[str, Any], provider: Any, add: Any, seen_paths: dict[str, str]) -> None:
    where = f"forms.{key}"
    page = form.get("page")
    if isinstance(page, str) and not _page_path(page):
        add(
            (key, "page"),
            f'"{page}" is not a page address',
            "write it like /fundraise/ (the page's address, with slashes)",
        )
    mode = form.get("mode") or "lead_form"
    if key == "press" and mode != "lead_form":
        add((key, "mode"), "the press form can only be a lead_form", "remove mode from forms.press")
        return
    if mode == "platform_link":
        platform = form.get("platform")
        if not platform:
            add(
                (key,),
                f"{where} links to a platform but does not say which",
                "add platform: with its name and url",
                key=True,
            )
        elif (
            isinstance(platform, dict)
            and isinstance(platform.get("url"), str)
            and not platform["url"].startswith("https://")
        ):
            add(
                (key, "platform", "url"),
                "the platform's url must start with https://",
                "copy the full address from the platform",
            )
        for extra in ("fields", "required", "thank_you", "id", "endpoint"):
            if extra in form:
                add(
                    (key, extra),
                    f"{where}.{extra} is not used when mode is platform_link",
                    f"remove {extra}, or set mode: lead_form",
                    key=True,
                )
        return
    if "platform" in form:
        add(
            (key, "platform"),
            f"{where}.platform is only used when mode is platform_link",
            "remove it, or set mode: platform_link",
            key=True,
        )
    # The provider's id or endpoint.
    ident, endpoint = form.get("id"), form.get("endpoint")
    if provider in ("netlify", "formspree") and not ident:
        what = (
            "the form's name in Netlify, e.g. fundraiser-signup"
            if provider == "netlify"
            else "the form's id from the Formspree dashboard, e.g. xyzkqwbr"
        )
        add(
            (key,),
            f'"id" is required in {where} for the {provider} provider',
            f"add `id:` ({what})",
            key=True,
        )
    elif provider == "netlify" and isinstance(ident, str) and not re.fullmatch(r"[A-Za-z0-9_-]+", ident):
        add(
            (key, "id"),
            f'"{ident}" cannot be a Netlify form name',
            "use letters, digits and hyphens, e.g. fundraiser-signup",
        )
    elif provider == "formspree" and isinstance(ident, str) and not re.fullmatch(r"[A-Za-z0-9]+", ident):
        add(
            (key, "id"),
            f'"{ident}" is not a Formspree form id',
            "copy the id from the form's endpoint, https://formspree.io/f/ID",
        )
    if provider == "custom":
        if not endpoint:
            add(
                (key,),
                f'"endpoint" is required in {where} for the custom provider',
                "add `endpoint:` (the address that receives the form, e.g. https://forms.example.org/signup)",
                key=True,
            )
        elif isinstance(endpoint, str) and not _endpoint_ok(endpoint):
            add(
                (key, "endpoint"),
                "endpoint must start with https://",
                "write the full address; plain http:// is allowed only for 127.0.0.1 and localhost, for testing",
            )
    elif endpoint:
        add(
            (key, "endpoint"),
            f"{where}.endpoint is used only by the custom provider",
            "remove it, or set provider: custom",
            key=True,
        )
    honeypot = form.get("honeypot")
    if honeypot and provider == "formspree":
        add((key, "honeypot"), "Formspree's spam trap is always called _gotcha", "remove honeypot", key=True)
    elif isinstance(honeypot, str) and not re.fullmatch(r"[A-Za-z0-9_-]+", honeypot):
        add(
            (key, "honeypot"),
            f'"{honeypot}" cannot be a field name',
            "use letters, digits, hyphens and underscores",
        )
    # Fields.
    fields = form.get("fields")
    if fields is None or fields == []:
        at: Path = (key, "fields") if "fields" in form else (key,)
        add(
            at,
            f'"fields" is required in {where}',
            "add e.g. fields: [first_name, last_name, email]",
            key=True,
        )
    if not isinstance(fields, list):
        fields = []  # the schema has said what is wrong with it
    listed: list[str] = []
    for i, name in enumerate(fields):
        if not isinstance(name, str):
            continue
        if name not in CATALOGUE:
            guess = difflib.get_close_matches(str(name), list(CATALOGUE), n=1, cutoff=0.6)
            add(
                (key, "fields", i),
                f'unknown field "{name}" in {where}.fields',
                f'did you mean "{guess[0]}"?' if guess else "choose from: " + ", ".join(CATALOGUE),
            )
        elif name in listed:
            add((key, "fields", i), f'"{name}" is listed twice in {where}.fields', "keep only one")
        else:
            listed.append(name)
    required = (
        [r for r in form.get("required") or [] if isinstance(r, str)]
        if isinstance(form.get("required"), list)
        else []
    )
    for i, name in enumerate(required):
        if name not in listed and name in CATALOGUE:
            add(
                (key, "required", i),
                f'"{name}" is required but is not one of {where}.fields',
                "add it to fields, or remove it here",
            )
        elif name not in CATALOGUE:
            guess = difflib.get_close_matches(str(name), listed or list(CATALOGUE), n=1, cutoff=0.6)
            add(
                (key, "required", i),
                f'unknown field "{name}" in {where}.required',
                f'did you mean "{guess[0]}"?'
                if guess
                else "choose from this form's fields: " + ", ".join(listed),
            )
    if key == "signup" and len(set(required)) > MAX_REQUIRED:
        add(
            (key, "required"),
            f"the sign-up form requires {len(set(required))} fields; a lead form may require at most {MAX_REQUIRED}",
            "make the others optional (remove them from required) and ask for them after people have signed up",
            key=True,
        )
    if listed and not {"email", "phone"} & set(required):
        add(
            (key, "required"),
            f"{where} does not require an e-mail address or a phone number, so nobody could reply",
            "add email (or phone) to required",
            key="required" in form,
        )
    # The thank-you page.
    thank_you = form.get("thank_you")
    if not thank_you:
        add(
            (key,),
            f'"thank_you" is required in {where}',
            "add thank_you: with its path and heading",
            key=True,
        )
    elif isinstance(thank_you, dict) and isinstance(thank_you.get("path"), str):
        path = thank_you["path"]
        if not _page_path(path):
            add(
                (key, "thank_you", "path"),
                f'"{path}" is not a page address',
                "write it like /fundraise/thank-you/",
            )
        elif path == page:
            add(
                (key, "thank_you", "path"),
                "the thank-you page cannot be the form's own page",
                "give it its own address, e.g. " + (page or "/form/") + "thank-you/",
            )
        elif path in seen_paths:
            add(
                (key, "thank_you", "path"),
                f"forms.{seen_paths[path]} already uses {path} as its thank-you page",
                "give each form its own thank-you page",
            )
        seen_paths[path] = key
    guide = form.get("guide")
    if isinstance(guide, dict) and isinstance(guide.get("file"), str):
        _check_guide_path(guide["file"], (key, "guide", "file"), add)


def _endpoint_ok(url: str) -> bool:
    return url.startswith("https://") or bool(re.match(r"http://(127\.0\.0\.1|localhost)(:\d+)?/", url))


def _check_guide_path(file: str, at: Path, add: Any) -> None:
    parts = file.split("/")
    if file.startswith("/") or ".." in parts or "\\" in file or not file.strip():
        add(
            at,
            f'"{file}" is not a file under content/',
            "write its path inside content/, e.g. downloads/fundraising-guide.pdf",
        )
    elif parts[0] in ("stories", "pages", "campaigns", "data", "images"):
        add(
            at,
            f'"{file}" is in content/{parts[0]}/, which is not for downloads',
            "put the guide in content/downloads/",
        )


def settings_from(data: dict[str, Any] | None) -> FormsSettings | None:
    """Build the settings from checked data."""
    if not data:
        return None
    provider = data["provider"]
    forms = []
    for key in FORM_KEYS:
        d = data.get(key)
        if not d:
            continue
        mode = d.get("mode") or "lead_form"
        required = set(d.get("required") or ())
        labels = d.get("labels") or {}
        hints = d.get("hints") or {}
        fields = tuple(
            FormField(
                name,
                labels.get(name) or CATALOGUE[name].label,
                CATALOGUE[name].type,
                CATALOGUE[name].autocomplete,
                str(hints[name]) if hints.get(name) is not None else CATALOGUE[name].hint,
                name in required,
                CATALOGUE[name].maxlength,
            )
            for name in d.get("fields") or ()
        )
        ty = d.get("thank_you")
        thank_you = (
            ThankYou(
                ty["path"],
                ty["heading"].strip(),
                (ty.get("lead") or "").strip(),
                tuple(s.strip() for s in ty.get("next_steps") or ()),
            )
            if ty
            else None
        )
        g = d.get("guide")
        p = d.get("platform")
        forms.append(
            FormSpec(
                key=key,
                page=d["page"],
                mode=mode,
                id=d.get("id") or "",
                endpoint=d.get("endpoint") or "",
                honeypot=HONEYPOTS["formspree"]
                if provider == "formspree"
                else (d.get("honeypot") or HONEYPOTS[provider]),
                fields=fields,
                heading=d.get("heading")
                or DEFAULT_HEADING["platform_link" if mode == "platform_link" else key],
                submit=d.get("submit") or DEFAULT_SUBMIT[key],
                privacy_note=d.get("privacy_note") or DEFAULT_NOTE[key],
                thank_you=thank_you,
                platform=Platform(p["name"], p["url"]) if p else None,
                guide=Guide(g["file"], g["title"]) if g else None,
            )
        )
    return FormsSettings(
        provider=provider,
        privacy_page=data.get("privacy_page") or "/privacy/",
        confirmation_phrases=tuple(data["confirmation_phrases"])
        if data.get("confirmation_phrases")
        else DEFAULT_PHRASES,
        forms=tuple(forms),
    )
