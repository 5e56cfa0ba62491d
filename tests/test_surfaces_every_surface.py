"""Issue 11 item 1, through the command line: every surface goes through the same detectors and
denylist as story bodies: plain pages, data files, site.yaml's visible strings, decoded links."""

from __future__ import annotations

import pathlib

from click.testing import CliRunner, Result
from sitekit import SITE_YAML, STORY, approve_story, loc, make_site, story_md, tree, write

from generator.cli import main

AT = "2026-11-20T00:00:00Z"
KEY = "every-surface-test-key-0123456789"

VOLUNTEER = """\
---
title: Volunteer with us
summary: Help in our shelters.
---
Volunteers cook, teach and listen.

You can call our coordinator on +91 98765 43210 or write to sunita.devi@gmail.com.
"""


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input, env={"IMPACTSITE_DENYLIST_KEY": KEY})


def site(tmp_path: pathlib.Path, files: dict[str, str | bytes]) -> pathlib.Path:
    """The story approved first; then the surface under test is added (approve refuses while the
    site has errors)."""
    root = make_site(tmp_path / "site", {STORY: story_md()})
    approve_story(root)
    write(root, files)
    return root


def stops(root: pathlib.Path) -> str:
    check = run("check", "--site", str(root), "--at", AT)
    build = run("build", "--site", str(root), "--at", AT)
    assert check.exit_code == 1, check.output
    assert build.exit_code == 1 and not (root / "output").exists(), build.output
    return check.output


def test_a_plain_page_is_checked_like_a_story(tmp_path: pathlib.Path) -> None:
    root = site(tmp_path, {"content/pages/volunteer.md": VOLUNTEER})
    out = stops(root)
    page = "content/pages/volunteer.md"
    assert f"{loc(VOLUNTEER, '|+91 98765', page)}: ID-PHONE: a phone number (+91 98••• •••10)" in out
    assert f"{loc(VOLUNTEER, '|sunita.devi@', page)}: ID-EMAIL: an e-mail address (s…@g…)" in out
    assert "98765" not in out and "sunita" not in out.lower()


def test_a_denylisted_term_in_a_page_title_file_name_or_summary(tmp_path: pathlib.Path) -> None:
    page = "---\ntitle: Remembering Rampur\nsummary: A village we worked in.\n---\nText.\n"
    root = site(tmp_path, {"content/pages/rampur-days.md": page})
    assert run("redact", "add", "--site", str(root), input="Rampur\n").exit_code == 0
    out = stops(root)
    assert "content/pages/r…-days.md:2:20: DENYLIST: a denylisted term (R…) appears in the title" in out
    assert "DENYLIST: a denylisted term (R…) appears in the file name" in out
    assert "Rampur" not in out and "rampur-days" not in out  # the file's own name is masked too


def test_campaign_and_contact_files_are_checked_but_a_contacts_own_details_are_declarations(
    tmp_path: pathlib.Path,
) -> None:
    contacts = (
        "media:\n"
        "  - name: Nadia Brennan\n"
        "    title: Head of Media Relations\n"
        "    email: press@example.org\n"
        '    phone: "+44 20 7946 0958"\n'
        "    hours: Monday to Friday, or call her sister on +91 98765 43210\n"
    )
    site_yaml = SITE_YAML + "safety:\n  allowed_email_domains: [example.org]\n"
    root = site(tmp_path, {"site.yaml": site_yaml, "content/data/contacts.yaml": contacts})
    out = stops(root)
    where = loc(contacts, "|+91 98765", "content/data/contacts.yaml")
    assert f"{where}: ID-PHONE: a phone number (+91 98••• •••10) in media.0.hours" in out
    assert out.count("ID-") == 1  # her own name, e-mail and phone are what the file declares


def test_site_yaml_visible_strings_are_checked(tmp_path: pathlib.Path) -> None:
    site_yaml = (
        SITE_YAML
        + "description: Call our founder's daughter on +91 98765 43210.\n"
        + "navigation:\n  - title: Stories\n    url: /stories/\n"
    )
    root = site(tmp_path, {"site.yaml": site_yaml})
    out = stops(root)
    assert (
        f"{loc(site_yaml, '|+91', 'site.yaml')}: ID-PHONE: a phone number (+91 98••• •••10) in description"
        in out
    )


def test_a_denylisted_term_in_site_yaml_stops_before_rendering(tmp_path: pathlib.Path) -> None:
    site_yaml = SITE_YAML + "description: In memory of Sunita Devi.\n"
    root = site(tmp_path, {"site.yaml": site_yaml})
    assert run("redact", "add", "--site", str(root), input="Sunita Devi\n").exit_code == 0
    out = stops(root)
    assert (
        f"{loc(site_yaml, '|Sunita', 'site.yaml')}: DENYLIST: a denylisted term (S… D…) appears in description"
        in out
    )
    assert "Sunita" not in out


def test_a_percent_encoded_identifier_in_a_link_is_found(tmp_path: pathlib.Path) -> None:
    text = story_md("Asha found work. [Call her](https://example.org/call?number=%2B91%2098765%2043210).\n")
    root = make_site(tmp_path / "site", {STORY: text})
    out = run("check", "--site", str(root), "--at", AT).output
    assert (
        f"{loc(text, '|https://example.org/call')}: ID-PHONE: a phone number (+91 98••• •••10) in a link's address"
        in out
    )


def test_the_starter_site_still_builds_clean(tmp_path: pathlib.Path) -> None:
    repo = pathlib.Path(__file__).resolve().parent.parent
    import shutil

    root = tmp_path / "starter"
    root.mkdir()
    for name in ("site.yaml", "content", "templates", "safety"):
        src = repo / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, root / name)
    result = run("build", "--site", str(root), "--at", AT)
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr and tree(root / "output")


def test_an_address_with_a_host_and_port_is_not_read_as_a_phone_number(tmp_path: pathlib.Path) -> None:
    forms = (
        "forms:\n  provider: custom\n  privacy_page: /privacy/\n  press:\n    page: /media/\n"
        "    endpoint: http://127.0.0.1:43567/press\n    fields: [name, email, message]\n    required: [email]\n"
        "    thank_you: {path: /media/thank-you/, heading: Thank you for your enquiry}\n"
    )
    pages = {
        "content/pages/media.md": "---\ntitle: Media\n---\nOur press office answers journalists.\n",
        "content/pages/privacy.md": "---\ntitle: Privacy\n---\nWhat we keep and why.\n",
    }
    root = site(tmp_path, {"site.yaml": SITE_YAML + forms, **pages})
    result = run("check", "--site", str(root), "--at", AT)
    assert result.exit_code == 0, result.output


GALA = """\
---
title: Our autumn gala
people:
  - name: Priya Raman
    role: staff
    name_type: real
  - name: Daniel Okoro
    role: supporter
    name_type: real
---
Our director Priya Raman will welcome guests, and our patron Daniel Okoro will speak about the year.
"""


def test_a_page_names_the_staff_and_supporters_it_declares(tmp_path: pathlib.Path) -> None:
    """A plain page declares the people it names in public roles, as a story does: they are explained,
    and anyone else it names is still a name to review."""
    root = site(tmp_path, {"content/pages/gala.md": GALA})
    check = run("check", "--site", str(root), "--at", AT)
    assert check.exit_code == 0, check.output
    assert "UNDECLARED-NAME" not in check.output
    root2 = site(
        tmp_path / "two", {"content/pages/gala.md": GALA.replace("Daniel Okoro", "Daniel Okafor", 1)}
    )
    out = run("check", "--site", str(root2), "--at", AT).output
    assert "content/pages/gala.md" in out and "UNDECLARED-NAME (warning)" in out


def test_a_page_cannot_declare_a_survivor(tmp_path: pathlib.Path) -> None:
    """A survivor, a relative or an accused person is named in a story, under its consent and review."""
    page = GALA.replace("role: supporter", "role: survivor")
    root = site(tmp_path, {"content/pages/gala.md": page})
    out = stops(root)
    assert "content/pages/gala.md:8:11: FRONT-MATTER: a page cannot declare a survivor" in out


PRIVACY = """\
---
title: Privacy
---
Example Trust is a registered charity in England and Wales, number 1180000. Write to us at
10 Example Street, London, EC1A 1AA, or call +44 20 7946 0000 for anything else.
"""

OWN_IDENTITY = SITE_YAML.replace(
    "  name: Example Trust\n",
    '  name: Example Trust\n  charity_number: "1180000"\n'
    "  address: [Example Trust, 10 Example Street, London, EC1A 1AA]\n",
)


def test_a_page_prints_the_charitys_own_address_and_number(tmp_path: pathlib.Path) -> None:
    """The registered number, address and postcode that site.yaml declares are the charity's own, printed
    on purpose (as the footer prints them); any other number on the page is still a finding."""
    root = site(tmp_path, {"site.yaml": OWN_IDENTITY, "content/pages/privacy.md": PRIVACY})
    out = stops(root)  # the phone number is no part of the declared identity
    assert "ID-PHONE" in out
    for rule in ("ID-ADDRESS", "ID-POSTCODE", "UNEXPLAINED-NUMBER", "PLACE-PRECISION", "UNDECLARED-NAME"):
        assert rule not in out, out
    root2 = site(tmp_path / "two", {"site.yaml": SITE_YAML, "content/pages/privacy.md": PRIVACY})
    out2 = stops(root2)  # without the declaration, the same address is a street address
    assert "ID-ADDRESS" in out2 or "ID-POSTCODE" in out2
