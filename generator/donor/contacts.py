"""Media contacts: one data file (content/data/contacts.yaml), so every page that shows a press contact
shows the same name, e-mail and number (the CMS put the press e-mail on one story and not the next).

Phone numbers are parsed with `phonenumbers` (Google's libphonenumber data): `tel:` links get E.164,
readers get the international format. E-mail addresses must be at one of the organisation's own
domains (`safety.allowed_email_domains`), the same rule stories follow.
"""

from __future__ import annotations

import pathlib
import re
from dataclasses import dataclass
from typing import Any

import phonenumbers

from generator.config.schema import TEXT, Field, Schema, list_of, obj
from generator.config.settings import SiteConfig
from generator.content.datafiles import DataFile, read_data_file
from generator.findings import Finding

RULE = "CONTACTS"
CONTACTS_FILE = "content/data/contacts.yaml"

PERSON = {
    "name": Field(TEXT, required=True),
    "title": Field(TEXT, required=True, help="their job title, e.g. Press Officer"),
    "email": Field(TEXT, required=True),
    "phone": Field(TEXT, help="in international form, e.g. +44 20 7946 0958"),
    "languages": Field(
        list_of(TEXT, allow_single=True), help="languages they take calls in, e.g. [English, Hindi]"
    ),
    "hours": Field(TEXT, help="when they answer, e.g. Monday to Friday, 9 am to 6 pm UK time"),
}

CONTACTS = Schema(
    "the contacts file",
    {
        "media": Field(
            list_of(obj(PERSON, "a contact")), required=True, help="the press office, first contact first"
        )
    },
)

_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)$")


@dataclass(frozen=True)
class Contact:
    name: str
    title: str
    email: str
    phone_e164: str = ""  # for tel: links and JSON-LD
    phone_display: str = ""  # what readers see
    languages: tuple[str, ...] = ()
    hours: str = ""

    @property
    def mailto(self) -> str:
        return f"mailto:{self.email}"

    @property
    def tel(self) -> str:
        return f"tel:{self.phone_e164}" if self.phone_e164 else ""

    def contact_point(self) -> dict[str, Any]:
        """schema.org ContactPoint for JSON-LD."""
        point: dict[str, Any] = {
            "@type": "ContactPoint",
            "contactType": "media relations",
            "name": self.name,
            "email": self.email,
        }
        if self.phone_e164:
            point["telephone"] = self.phone_e164
        if self.languages:
            point["availableLanguage"] = list(self.languages)
        if self.hours:
            point["hoursAvailable"] = self.hours
        return point


def load_contacts(root: pathlib.Path, config: SiteConfig) -> tuple[tuple[Contact, ...], list[Finding]]:
    """The media contacts, or none when the site has no contacts file."""
    if not (root / CONTACTS_FILE).exists():
        return (), []
    file, findings = read_data_file(root, CONTACTS_FILE, CONTACTS.kind, RULE)
    if file is None or findings:
        return (), findings
    contacts = []
    for i, person in enumerate(file.data["media"]):
        contact, problems = _contact(file, i, person, config)
        findings += problems
        if contact is not None:
            contacts.append(contact)
    if not file.data["media"]:
        findings.append(
            file.finding(
                ("media",), "the media list is empty", "add the press office's contact, or delete the file"
            )
        )
    return (tuple(contacts) if not findings else ()), findings


def allowed_domain(domain: str, config: SiteConfig) -> bool:
    allowed = [d.lower().lstrip("@") for d in config.safety.allowed_email_domains]
    return any(domain == d or domain.endswith("." + d) for d in allowed)


def _contact(
    file: DataFile, i: int, d: dict[str, Any], config: SiteConfig
) -> tuple[Contact | None, list[Finding]]:
    out: list[Finding] = []
    email = d["email"].strip()
    m = _EMAIL.match(email)
    if m is None:
        out.append(
            file.finding(
                ("media", i, "email"), f'"{email}" is not an e-mail address', "write e.g. press@example.org"
            )
        )
    elif not allowed_domain(m.group(1).lower(), config):
        domains = ", ".join(config.safety.allowed_email_domains) or "none listed"
        out.append(
            file.finding(
                ("media", i, "email"),
                f'"{email}" is not at one of the organisation\'s own domains ({domains})',
                "use the press office's address at the organisation's domain, or add that domain to "
                "safety.allowed_email_domains in site.yaml",
            )
        )
    e164 = display = ""
    if d.get("phone"):
        phone = d["phone"].strip()
        try:
            number = phonenumbers.parse(phone, None)
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            out.append(
                file.finding(
                    ("media", i, "phone"),
                    f'"{phone}" is not a phone number that can be dialled from abroad',
                    "write it in international form with the country code, e.g. +44 20 7946 0958",
                )
            )
        else:
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            display = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    if out:
        return None, out
    langs = d.get("languages") or ()
    return Contact(
        name=d["name"].strip(),
        title=d["title"].strip(),
        email=email,
        phone_e164=e164,
        phone_display=display,
        languages=tuple([langs] if isinstance(langs, str) else langs),
        hours=(d.get("hours") or "").strip(),
    ), []
