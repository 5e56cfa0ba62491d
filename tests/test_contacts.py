"""Media contacts: one data file, shown the same everywhere, with E.164 tel: links, ContactPoint JSON-LD,
located validation, and never mistaken for a survivor's details by the safety checks."""

from __future__ import annotations

import json
import pathlib
import re

import pytest
from sitekit import AT, SITE_YAML, STORY, approve_story, check_site, heads, loc, make_site, story_md, tree

from generator.build import build, make, protected_names
from generator.safety.denylist_store import Denylist, Matcher, add_term, load_denylist
from generator.safety.output_scan import scan_output

FILE = "content/data/contacts.yaml"
CONTACTS = """\
media:
  - name: Nadia Brennan
    title: Head of Media Relations
    email: press@safepassage.example
    phone: "+44 20 7946 0958"
    languages: [English]
"""
PHONE_AT = 'phone: |"020'
YAML = SITE_YAML + "safety:\n  allowed_email_domains: [safepassage.example]\n"
FORMS = (
    "forms:\n  provider: netlify\n  press:\n    page: /media/\n    id: press-enquiry\n    fields: [name, email, message]\n"
    "    required: [email, message]\n    thank_you: {path: /media/thank-you/, heading: Thank you for your enquiry}\n"
)
PAGES = {
    "content/pages/media.md": "---\ntitle: Media enquiries\n---\nOur press office answers journalists.\n",
    "content/pages/privacy.md": "---\ntitle: Privacy\n---\nWhat we keep.\n",
}


def contact_site(
    tmp_path: pathlib.Path, contacts: str = CONTACTS, body: str | None = None, yaml: str = YAML
) -> pathlib.Path:
    root = make_site(
        tmp_path / "site",
        {"site.yaml": yaml + FORMS, FILE: contacts, **PAGES, STORY: story_md(body) if body else story_md()},
    )
    approve_story(root)
    return root


def contact_errors(tmp_path: pathlib.Path, contacts: str, yaml: str = YAML) -> list[str]:
    root = make_site(tmp_path / "site", {"site.yaml": yaml, FILE: contacts})
    return [f.format() for f in check_site(root) if f.rule == "CONTACTS"]


def test_every_page_shows_the_same_contact_from_the_one_file(tmp_path: pathlib.Path) -> None:
    root = contact_site(tmp_path)
    build(root, AT)
    files = {p: d.decode("utf-8", "replace") for p, d in tree(root / "output").items()}
    footer = (
        '<p>Nadia Brennan, Head of Media Relations<br><a href="mailto:press@safepassage.example">'
        'press@safepassage.example</a><br><a href="tel:+442079460958">+44 20 7946 0958</a></p>\n'
        '      <p><a href="/media/">Our media page</a></p>'
    )
    pages = [p for p in files if p.endswith(".html")]
    assert all(footer in files[p] for p in pages), [p for p in pages if footer not in files[p]]
    media = files["media/index.html"]
    assert '<p>Phone: <a href="tel:+442079460958">+44 20 7946 0958</a></p>' in media
    assert '<form class="site-form" name="press-enquiry" method="POST" action="/media/thank-you/"' in media
    ld = [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', media)
    ]
    points = [b["contactPoint"] for b in ld if "contactPoint" in b]
    assert points == [
        [
            {
                "@type": "ContactPoint",
                "contactType": "media relations",
                "name": "Nadia Brennan",
                "email": "press@safepassage.example",
                "telephone": "+442079460958",
                "availableLanguage": ["English"],
            }
        ]
    ]
    assert '"contactPoint":[{"@type":"ContactPoint"' in files["index.html"]


def test_phone_and_email_are_checked_where_they_are_written(tmp_path: pathlib.Path) -> None:
    text = CONTACTS.replace('"+44 20 7946 0958"', '"020 7946 0958"').replace(
        "press@safepassage.example", "nadia@gmail.com"
    )
    assert contact_errors(tmp_path, text) == [
        (
            f'{loc(text, "email: |nadia", FILE)}: CONTACTS: "nadia@gmail.com" is not at one of the organisation\'s own domains '
            "(safepassage.example)\n  fix: use the press office's address at the organisation's domain, or add that domain to "
            "safety.allowed_email_domains in site.yaml"
        ),
        (
            f'{loc(text, PHONE_AT, FILE)}: CONTACTS: "020 7946 0958" is not a phone number that can be dialled from '
            "abroad\n  fix: write it in international form with the country code, e.g. +44 20 7946 0958"
        ),
    ]


def test_unknown_keys_and_missing_fields_are_located(tmp_path: pathlib.Path) -> None:
    text = CONTACTS.replace("    title: Head of Media Relations\n", "").replace("languages:", "langauges:")
    assert contact_errors(tmp_path, text) == [
        (
            f'{loc(text, "|name: Nadia", FILE)}: CONTACTS: "title" is required in media[1]\n'
            '  fix: add `title: "some words"` (their job title, e.g. Press Officer)'
        ),
        (
            f'{loc(text, "|langauges", FILE)}: CONTACTS: unknown field "langauges" in media[1]\n'
            '  fix: did you mean "languages"?'
        ),
    ]


def test_a_story_may_quote_the_press_office_but_not_another_number(tmp_path: pathlib.Path) -> None:
    ok = "Asha found work at a bakery.\n\nJournalists can call our press office on +44 20 7946 0958.\n"
    root = contact_site(tmp_path, body=ok)
    assert heads(check_site(root)) == []
    other = "Asha found work at a bakery.\n\nJournalists can call our press office on +44 20 7946 0123.\n"
    root = make_site(
        tmp_path / "other", {"site.yaml": YAML + FORMS, FILE: CONTACTS, **PAGES, STORY: story_md(other)}
    )
    assert [f.rule for f in check_site(root) if f.rule.endswith("PHONE")] == ["ID-PHONE"]


def test_the_output_scan_does_not_flag_the_organisations_own_contact(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = "contacts-test-key"
    monkeypatch.setenv("IMPACTSITE_DENYLIST_KEY", key)
    deny = tmp_path / "denylist.txt"
    add_term(deny, "Sunita Devi", key.encode())
    root = contact_site(tmp_path)
    (root / "safety").mkdir()
    (root / "safety" / "denylist.txt").write_text(deny.read_text())
    made = make(root, AT)  # scans every file and would raise on a hit
    assert b"press@safepassage.example" in made.files["media/index.html"]
    matcher = Matcher(load_denylist(root / "safety" / "denylist.txt"), key.encode())
    assert scan_output(made.files, matcher, protected_names(made.site.stories)) == []
    assert isinstance(load_denylist(deny), Denylist)
