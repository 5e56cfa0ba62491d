"""The fields a form can ask for, each with its label, input type and autocomplete token (WCAG 1.3.5)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class FieldKind:
    """A field the forms can ask for."""

    label: str
    type: str = "text"  # text, email, tel, date, textarea
    autocomplete: str = ""  # only for the person's own details
    hint: str = ""
    maxlength: int = 0


CATALOGUE: Mapping[str, FieldKind] = MappingProxyType(
    {
        "first_name": FieldKind("First name", autocomplete="given-name"),
        "last_name": FieldKind("Last name", autocomplete="family-name"),
        "name": FieldKind("Full name", autocomplete="name"),
        "email": FieldKind("Email address", "email", "email"),
        "phone": FieldKind("Phone number", "tel", "tel"),
        "organisation": FieldKind("Organisation", autocomplete="organization"),
        "event": FieldKind(
            "What are you planning?", hint="A sponsored run, a bake sale, a birthday fundraiser…"
        ),
        "event_date": FieldKind("Date of your event", "date"),
        "goal": FieldKind("How much do you hope to raise?", hint="A rough figure is fine."),
        "deadline": FieldKind("Your deadline", hint="When you need our answer, for example Friday at 5 pm."),
        "subject": FieldKind("Subject"),
        "message": FieldKind("Message", "textarea", maxlength=2000),
    }
)


@dataclass(frozen=True)
class FormField:
    """One field as a form shows it: the catalogue's entry with the site's label, hint and required."""

    key: str  # the submitted name
    label: str
    type: str
    autocomplete: str
    hint: str
    required: bool
    maxlength: int = 0
