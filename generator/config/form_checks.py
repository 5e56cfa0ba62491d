"""The checks of `forms:` that need several of its settings at once (the provider and a form's mode,
fields and thank-you page); each single setting is checked where forms.py declares it."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from typing import Any

from generator.config.form_fields import CATALOGUE
from generator.config.schema import Problem
from generator.config.yamlload import Path

FORM_KEYS = ("signup", "press")
MAX_REQUIRED = 4  # a sign-up that asks for more loses people (donor-site research, section 3)
Add = Callable[..., None]


def page_path(value: str) -> bool:
    """A site address such as /fundraise/: slashes at both ends, nothing that climbs out."""
    return (
        value.startswith("/")
        and value.endswith("/")
        and "//" not in value
        and ".." not in value
        and " " not in value
    )


def endpoint_ok(url: str) -> bool:
    return url.startswith("https://") or bool(re.match(r"http://(127\.0\.0\.1|localhost)(:\d+)?/", url))


def check_forms(data: dict[str, Any]) -> list[Problem]:
    """Problems between the settings of `forms:` (paths relative to it)."""
    out: list[Problem] = []

    def add(path: Path, message: str, fix: str, *, key: bool = False) -> None:
        out.append(Problem(path, message, fix, at_key=key))

    seen_paths: dict[str, str] = {}
    for key in FORM_KEYS:
        form = data.get(key)
        if isinstance(form, dict):
            _check_form(key, form, data.get("provider"), add, seen_paths)
    return out


def _check_form(key: str, form: dict[str, Any], provider: Any, add: Add, seen_paths: dict[str, str]) -> None:
    where = f"forms.{key}"
    page = form.get("page")
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
        elif isinstance(endpoint, str) and not endpoint_ok(endpoint):
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
        if not page_path(path):
            pass  # the field's own check has said so
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
