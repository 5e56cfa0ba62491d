"""Forms: the exact markup each provider expects, located validation of site.yaml's `forms:`, the
thank-you pages and the guide, and the check that a confirmation sentence appears nowhere else."""

from __future__ import annotations

import pathlib
import re
from typing import Any

import pytest
import yaml
from sitekit import AT, SITE_YAML, STORY, approve_story, check_site, heads, loc, make_site, story_md, tree

from generator.build import build
from generator.config.forms import settings_from
from generator.config.settings import load_config
from generator.donor.form_adapters import form_markup, human_size
from generator.errors import ContentError

FORMS = """\
forms:
  provider: netlify
  signup:
    page: /fundraise/
    id: fundraiser-signup
    fields: [first_name, last_name, email, phone]
    required: [first_name, email]
    thank_you:
      path: /fundraise/thank-you/
      heading: Thank you for signing up
      next_steps: [We will e-mail you within two working days.]
    guide:
      file: downloads/guide.pdf
      title: Your fundraising guide
  press:
    page: /media/
    id: press-enquiry
    fields: [name, email, message]
    required: [name, email, message]
    thank_you:
      path: /media/thank-you/
      heading: Thank you for your enquiry
"""
PDF = b"%PDF-1.7\n" + b"x" * 3000 + b"\n%%EOF\n"
PAGES = {
    "content/pages/privacy.md": "---\ntitle: Privacy\n---\nWhat we keep and why.\n",
    "content/pages/fundraise.md": "---\ntitle: Fundraise for us\n---\nRun, bake or cycle for survivors.\n",
    "content/pages/media.md": "---\ntitle: Media enquiries\n---\nOur press office answers journalists.\n",
    "content/downloads/guide.pdf": PDF,
}


def forms_site(
    tmp_path: pathlib.Path, forms: str = FORMS, files: dict[str, Any] | None = None, story: str | None = None
) -> pathlib.Path:
    root = make_site(
        tmp_path / "site",
        {"site.yaml": SITE_YAML + forms, STORY: story or story_md(), **PAGES, **(files or {})},
    )
    approve_story(root)
    return root


def config_errors(tmp_path: pathlib.Path, forms: str) -> list[str]:
    root = make_site(tmp_path / "site", {"site.yaml": SITE_YAML + forms})
    with pytest.raises(ContentError) as exc:
        load_config(root)
    return [f.format() for f in exc.value.findings]


def settings(forms: str) -> Any:
    return settings_from(yaml.safe_load(forms)["forms"])


# --- the exact markup of each provider ----------------------------------------------------------

SMALL = """\
forms:
  provider: {provider}
  signup:
    page: /fundraise/
    {ident}
    fields: [name, email]
    required: [email]
    thank_you: {{path: /fundraise/thank-you/, heading: Thank you for signing up}}
"""
FIELDS = """\
<div class="form-field">
<label for="signup-name">Full name</label>
<input type="text" id="signup-name" name="name" autocomplete="name">
</div>
<div class="form-field">
<label for="signup-email">Email address <span class="form-required">(required)</span></label>
<input type="email" id="signup-email" name="email" autocomplete="email" required>
</div>
"""
TAIL = """\
<p class="form-privacy">We use these details only to support your fundraiser, and we never sell or share them. \
Read our <a href="/privacy/">privacy notice</a>.</p>
<button type="submit" class="button">Sign up</button>
</form>"""


def trap(name: str) -> str:
    return (
        '<div class="form-trap">\n<label for="signup-trap">Leave this field empty</label>\n'
        f'<input type="text" id="signup-trap" name="{name}" tabindex="-1" autocomplete="off">\n</div>\n'
    )


def markup(provider: str, ident: str, thank_you: str) -> str:
    s = settings(SMALL.format(provider=provider, ident=ident))
    return str(form_markup(s.form("signup"), s.provider, thank_you, s.privacy_page))


def test_netlify_markup_is_exactly_what_netlify_detects() -> None:
    assert markup("netlify", "id: fundraiser-signup", "/fundraise/thank-you/") == (
        '<form class="site-form" name="fundraiser-signup" method="POST" action="/fundraise/thank-you/" '
        'data-netlify="true" data-netlify-honeypot="bot-field">\n'
        '<input type="hidden" name="form-name" value="fundraiser-signup">\n'
        + FIELDS
        + trap("bot-field")
        + TAIL
    )


def test_formspree_markup_posts_to_the_form_endpoint_with_its_gotcha_honeypot() -> None:
    assert markup("formspree", "id: xyzkqwbr", "https://stories.example.org/fundraise/thank-you/") == (
        '<form class="site-form" method="POST" action="https://formspree.io/f/xyzkqwbr">\n'
        '<input type="hidden" name="_next" value="https://stories.example.org/fundraise/thank-you/">\n'
        + FIELDS
        + trap("_gotcha")
        + TAIL
    )


def test_custom_markup_posts_anywhere_and_says_which_form_it_was() -> None:
    assert markup("custom", "endpoint: https://forms.example.org/in", "/fundraise/thank-you/") == (
        '<form class="site-form" method="POST" action="https://forms.example.org/in">\n'
        '<input type="hidden" name="form-name" value="signup">\n' + FIELDS + trap("bot-field") + TAIL
    )


def test_labels_hints_and_limits_are_written_for_people() -> None:
    s = settings(
        FORMS.replace(
            "fields: [name, email, message]",
            "fields: [name, email, message]\n"
            "    labels: {message: Your enquiry}\n    hints: {email: We reply from our press office.}",
        )
    )
    html = str(form_markup(s.form("press"), "netlify", "/media/thank-you/", "/privacy/"))
    assert (
        '<label for="press-email">Email address <span class="form-required">(required)</span></label>\n'
        '<p class="hint" id="press-email-hint">We reply from our press office.</p>\n'
        '<input type="email" id="press-email" name="email" autocomplete="email" required aria-describedby="press-email-hint">'
        in html
    )
    assert (
        '<label for="press-message">Your enquiry <span class="form-required">(required)</span></label>\n'
        '<p class="hint" id="press-message-hint">Up to 2,000 characters.</p>\n'
        '<textarea id="press-message" name="message" maxlength="2000" required aria-describedby="press-message-hint" rows="6"></textarea>'
        in html
    )


# --- validation of forms: in site.yaml ------------------------------------------------------------


def test_a_lead_form_may_require_at_most_four_fields(tmp_path: pathlib.Path) -> None:
    forms = FORMS.replace(
        "    fields: [first_name, last_name, email, phone]\n    required: [first_name, email]",
        "    fields: [first_name, last_name, email, phone, event]\n"
        "    required: [first_name, last_name, email, phone, event]",
    )
    text = SITE_YAML + forms
    assert config_errors(tmp_path, forms) == [
        (
            f"{loc(text, '|required: [first', 'site.yaml')}: CONFIG: the sign-up form requires 5 fields; "
            "a lead form may require at most 4\n  fix: make the others optional (remove them from required) and ask for them "
            "after people have signed up"
        )
    ]
    near = FORMS.replace("required: [first_name, email]", "required: [first_name, last_name, email, phone]")
    load_config(make_site(tmp_path / "four", {"site.yaml": SITE_YAML + near}))  # exactly four: fine


def test_unknown_fields_get_did_you_mean_and_required_ones_must_be_asked(tmp_path: pathlib.Path) -> None:
    forms = (
        FORMS.replace(
            "fields: [first_name, last_name, email, phone]", "fields: [first_name, last_name, email, fone]"
        )
        .replace("required: [first_name, email]", "required: [first_name, email, organisation]")
        .replace("    id: press-enquiry\n", "")
    )
    text = SITE_YAML + forms
    assert config_errors(tmp_path, forms) == [
        (
            f"{loc(text, 'fields: [first_name, last_name, email, |fone]', 'site.yaml')}: CONFIG: "
            'unknown field "fone" in forms.signup.fields\n  fix: did you mean "phone"?'
        ),
        (
            f"{loc(text, 'required: [first_name, email, |organisation]', 'site.yaml')}: CONFIG: "
            '"organisation" is required but is not one of forms.signup.fields\n  fix: add it to fields, or remove it here'
        ),
        (
            f'{loc(text, "|press:", "site.yaml")}: CONFIG: "id" is required in forms.press for the netlify '
            "provider\n  fix: add `id:` (the form's name in Netlify, e.g. fundraiser-signup)"
        ),
    ]


def test_unknown_keys_in_forms_get_did_you_mean(tmp_path: pathlib.Path) -> None:
    forms = FORMS.replace("    guide:\n", "    gide:\n")
    text = SITE_YAML + forms
    assert config_errors(tmp_path, forms) == [
        (
            f'{loc(text, "|gide", "site.yaml")}: CONFIG: unknown field "gide" in forms.signup\n'
            '  fix: did you mean "guide"?'
        )
    ]


def test_the_custom_provider_needs_a_secure_endpoint(tmp_path: pathlib.Path) -> None:
    forms = (
        FORMS.replace("provider: netlify", "provider: custom")
        .replace("    id: fundraiser-signup\n", "    endpoint: http://forms.example.org/in\n")
        .replace("    id: press-enquiry\n", "    endpoint: http://127.0.0.1:8080/press\n")
    )
    text = SITE_YAML + forms
    assert config_errors(tmp_path, forms) == [
        (
            f"{loc(text, 'endpoint: |http://forms', 'site.yaml')}: CONFIG: endpoint must start with https://\n"
            "  fix: write the full address; plain http:// is allowed only for 127.0.0.1 and localhost, for testing"
        )
    ]


def test_a_platform_link_needs_the_platform_and_no_form_settings(tmp_path: pathlib.Path) -> None:
    forms = (
        "forms:\n  provider: netlify\n  signup:\n    page: /fundraise/\n    mode: platform_link\n    id: x\n"
    )
    text = SITE_YAML + forms
    assert config_errors(tmp_path, forms) == [
        (
            f"{loc(text, '|signup:', 'site.yaml')}: CONFIG: forms.signup links to a platform but does not "
            "say which\n  fix: add platform: with its name and url"
        ),
        (
            f"{loc(text, '|id: x', 'site.yaml')}: CONFIG: forms.signup.id is not used when mode is "
            "platform_link\n  fix: remove id, or set mode: lead_form"
        ),
    ]


def test_the_form_page_and_guide_must_exist(tmp_path: pathlib.Path) -> None:
    root = make_site(
        tmp_path / "site",
        {
            "site.yaml": SITE_YAML + FORMS,
            "content/pages/privacy.md": PAGES["content/pages/privacy.md"],
            "content/pages/media.md": PAGES["content/pages/media.md"],
            "content/downloads/guide.pdf": b"not a pdf",
        },
    )
    text = SITE_YAML + FORMS
    assert [f.format() for f in check_site(root)] == [
        (
            f"{loc(text, 'page: |/fundraise/', 'site.yaml')}: CONFIG: there is no page at /fundraise/ to "
            "show forms.signup on\n  fix: write content/pages/fundraise.md, or correct the address"
        ),
        (
            f"{loc(text, 'file: |downloads', 'site.yaml')}: CONFIG: content/downloads/guide.pdf is not "
            "really a PDF file\n  fix: put the guide in content/downloads/ and write its path here"
        ),
    ]


# --- the pages ----------------------------------------------------------------------------------


def test_the_sign_up_page_shows_the_form_and_works_without_javascript(tmp_path: pathlib.Path) -> None:
    build(forms_site(tmp_path), AT)
    page = (tmp_path / "site/output/fundraise/index.html").read_text()
    assert "Run, bake or cycle for survivors." in page
    assert (
        '<form class="site-form" name="fundraiser-signup" method="POST" action="/fundraise/thank-you/"'
        in page
    )
    assert "<script" not in page.replace('<script type="application/ld+json">', "")
    assert "Thank you for signing up" not in page


def test_thank_you_pages_are_separate_noindex_and_left_out_of_sitemap_and_feed(
    tmp_path: pathlib.Path,
) -> None:
    root = forms_site(tmp_path)
    build(root, AT)
    files = {p: d.decode("utf-8", "replace") for p, d in tree(root / "output").items()}
    page = files["fundraise/thank-you/index.html"]
    assert "<h1>Thank you for signing up</h1>" in page and '<meta name="robots" content="noindex">' in page
    assert (
        "<h2>What happens next</h2>" in page
        and "<li>We will e-mail you within two working days.</li>" in page
    )
    assert (
        '<p class="download"><a href="/downloads/guide.pdf" download>Your fundraising guide (PDF, 3 KB)</a></p>'
        in page
    )
    assert files["downloads/guide.pdf"] == PDF.decode()
    assert "<h1>Thank you for your enquiry</h1>" in files["media/thank-you/index.html"]
    assert "thank-you" not in files["sitemap.xml"] and "thank-you" not in files["feed.xml"]
    assert "/fundraise/" in files["sitemap.xml"]


def test_the_guide_size_is_computed_from_the_file() -> None:
    assert [human_size(n) for n in (900, 3070, 2_500_000)] == ["900 bytes", "3 KB", "2.4 MB"]


def test_a_platform_link_offers_the_platform_and_the_guide(tmp_path: pathlib.Path) -> None:
    forms = (
        "forms:\n  provider: netlify\n  signup:\n    page: /fundraise/\n    mode: platform_link\n"
        "    platform: {name: GiveTogether, url: 'https://givetogether.example/start/safe-passage'}\n"
        "    guide: {file: downloads/guide.pdf, title: Your fundraising guide}\n"
    )
    root = forms_site(tmp_path, forms)
    build(root, AT)
    page = (root / "output/fundraise/index.html").read_text()
    assert (
        '<a class="button" href="https://givetogether.example/start/safe-passage">Start your page on GiveTogether</a>'
        in page
    )
    assert '<a href="/downloads/guide.pdf" download>Your fundraising guide (PDF, 3 KB)</a>' in page
    assert "<form" not in page and not (root / "output/fundraise/thank-you").exists()


# --- the confirmation check ---------------------------------------------------------------------


def test_a_confirmation_sentence_on_another_page_stops_the_build(tmp_path: pathlib.Path) -> None:
    body = "Asha found work at a bakery.\n\nThank you for signing up to hear more!\n"
    root = forms_site(tmp_path, story=story_md(body))
    text = (root / STORY).read_text()  # as approved
    with pytest.raises(ContentError) as exc:
        build(root, AT)
    assert [f.format() for f in exc.value.findings] == [
        (
            f'{loc(text, "|Thank you for")}: FORM-CONFIRMATION: the confirmation "Thank you for signing up" is on '
            "/stories/story/, which is not its thank-you page\n  fix: remove it here: it belongs only on /fundraise/thank-you/, "
            "which people reach after they have sent the form"
        )
    ]
    assert not (root / "output").exists()


def test_a_confirmation_in_a_template_is_located_in_the_template(tmp_path: pathlib.Path) -> None:
    template = (
        '{% extends "base.html" %}\n{% block main %}\n<p>Latest news.</p>\n'
        '<p hidden role="status">Thanks for signing\n  up! We will be in touch.</p>\n{% endblock %}\n'
    )
    root = forms_site(tmp_path, files={"templates/home.html": template})
    with pytest.raises(ContentError) as exc:
        build(root, AT)
    assert heads(exc.value.findings) == [
        (
            f'{loc(template, "|Thanks for", "templates/home.html")}: FORM-CONFIRMATION: the confirmation "Thanks for signing '
            'up" is on /, which is not its thank-you page'
        )
    ]


def test_near_misses_stay_quiet(tmp_path: pathlib.Path) -> None:
    body = "Asha found work at a bakery.\n\nThank you for reading. Signing up to our newsletter takes a minute.\n"
    root = forms_site(tmp_path, story=story_md(body))
    build(root, AT)  # no error
    assert "Thank you for reading" in (root / "output/stories/story/index.html").read_text()


def test_configured_phrases_are_checked_too(tmp_path: pathlib.Path) -> None:
    forms = FORMS.replace(
        "  provider: netlify\n", "  provider: netlify\n  confirmation_phrases: [Welcome to the team]\n"
    )
    root = forms_site(tmp_path, forms, story=story_md("Asha found work.\n\nWelcome to the team, Asha.\n"))
    with pytest.raises(ContentError) as exc:
        build(root, AT)
    assert [f.rule for f in exc.value.findings] == ["FORM-CONFIRMATION"]
    assert re.search(r'"Welcome to the team" is on /stories/story/', exc.value.findings[0].message)
