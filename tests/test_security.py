"""Security headers: `_headers` for Netlify and Cloudflare Pages, the same Content-Security-Policy as a
<meta> in every page, build-time hashes for inline code, and inline handlers refused."""

from __future__ import annotations

import base64
import hashlib
import pathlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sitekit import AT, SITE_YAML, STORY, approve_story, make_site, story_md, tree

from generator.build import build
from generator.errors import ContentError
from generator.render.csp import Policy, headers_file, inline_code, with_meta

POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)
HEADERS = f"""\
/*
  Content-Security-Policy: {POLICY}; frame-ancestors 'none'
  Strict-Transport-Security: max-age=31536000; includeSubDomains
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
  Permissions-Policy: accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), \
magnetometer=(), microphone=(), midi=(), payment=(), usb=(), browsing-topics=()
  X-Frame-Options: DENY
  Cross-Origin-Opener-Policy: same-origin

/assets/*
  Cache-Control: public, max-age=31536000, immutable
"""


def site(tmp_path: pathlib.Path, files: dict[str, str] | None = None, yaml_extra: str = "") -> pathlib.Path:
    root = make_site(
        tmp_path / "site",
        {
            "site.yaml": SITE_YAML + "donate_url: https://example.org/give\n" + yaml_extra,
            STORY: story_md(),
            **(files or {}),
        },
    )
    approve_story(root)
    return root


def output(root: pathlib.Path) -> dict[str, str]:
    build(root, AT)
    return {p: d.decode("utf-8", "replace") for p, d in tree(root / "output").items()}


def test_headers_file_sets_a_strict_policy_and_the_other_security_headers(tmp_path: pathlib.Path) -> None:
    files = output(site(tmp_path))
    assert files["_headers"] == HEADERS
    assert "unsafe-inline" not in files["_headers"] and "unsafe-eval" not in files["_headers"]


def test_every_page_carries_the_policy_as_a_meta_tag_right_after_its_charset(tmp_path: pathlib.Path) -> None:
    files = output(site(tmp_path))
    pages = [p for p in files if p.endswith(".html")]
    assert len(pages) >= 8
    for p in pages:
        head = files[p].split("</head>")[0]
        assert head.startswith(
            f'<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
        ), p
        assert "frame-ancestors" not in head  # ignored in a <meta> policy; _headers carries it
        assert head.count('http-equiv="Content-Security-Policy"') == 1  # `impactsite serve` keeps it too


def test_an_inline_script_is_allowed_by_its_hash_and_json_ld_needs_none(tmp_path: pathlib.Path) -> None:
    script = "document.documentElement.classList.add('js');"
    template = (
        '{% extends "base.html" %}\n{% block head %}<script>' + script + "</script>\n{% endblock %}\n"
        "{% block main %}<p>Hello.</p>{% endblock %}\n"
    )
    files = output(site(tmp_path, {"templates/home.html": template}))
    digest = "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"
    assert f"script-src 'self' {digest};" in files["_headers"]
    assert f"script-src 'self' {digest};" in files["stories/index.html"]  # one policy for the whole site
    assert files["index.html"].count("sha256-") == 1


def test_json_ld_blocks_are_data_and_are_not_hashed() -> None:
    scripts, styles, problems = inline_code(
        '<script type="application/ld+json">{"@type":"NGO"}</script>'
        '<script src="/assets/match.js" defer></script>'
    )
    assert (scripts, styles, problems) == ([], [], [])


def test_inline_handlers_and_styles_stop_the_build(tmp_path: pathlib.Path) -> None:
    template = (
        '{% extends "base.html" %}\n{% block main %}\n<p>Hello.</p>\n'
        '<button type="button" onclick="go()">Go</button>\n<p style="color: red">Red</p>\n{% endblock %}\n'
    )
    with pytest.raises(ContentError) as exc:
        output(site(tmp_path, {"templates/home.html": template}))
    heads = [f.format().partition("\n")[0] for f in exc.value.findings]
    page = next(p for p in heads if "onclick" in p)
    assert re.fullmatch(
        r"output/index\.html:\d+:1: CSP: <button onclick=…> is inline code, which the "
        r"Content-Security-Policy blocks",
        page,
    )
    assert any(
        re.fullmatch(
            r'output/index\.html:\d+:1: CSP: <p style="…"> is an inline style, which the '
            r"Content-Security-Policy blocks",
            h,
        )
        for h in heads
    )


def test_form_action_allows_the_form_provider(tmp_path: pathlib.Path) -> None:
    forms = (
        "forms:\n  provider: formspree\n  press:\n    page: /about/\n    id: xyzkqwbr\n    fields: [name, email]\n"
        "    required: [email]\n    thank_you: {path: /about/thank-you/, heading: Thank you for your enquiry}\n"
    )
    root = site(
        tmp_path,
        {
            "content/pages/about.md": "---\ntitle: About\n---\nAbout us.\n",
            "content/pages/privacy.md": "---\ntitle: Privacy\n---\nPrivacy.\n",
        },
        forms,
    )
    files = output(root)
    assert "form-action 'self' https://formspree.io; frame-ancestors 'none'" in files["_headers"]
    assert "form-action 'self' https://formspree.io\">" in files["about/index.html"]
    assert (
        '<form class="site-form" method="POST" action="https://formspree.io/f/xyzkqwbr">'
        in files["about/index.html"]
    )


def test_with_meta_inserts_after_the_charset_or_the_head() -> None:
    policy = Policy(("'sha256-abc'",), (), ("https://formspree.io",))
    assert policy.header().endswith("form-action 'self' https://formspree.io; frame-ancestors 'none'")
    assert with_meta("<html><head>\n<title>x</title>", policy).startswith(
        "<html><head>\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' "
        "'sha256-abc'; style-src"
    )
    assert with_meta("no head here", policy) == "no head here"
    assert headers_file(policy).startswith(
        "/*\n  Content-Security-Policy: default-src 'self'; script-src 'self' 'sha256-abc';"
    )


@settings(max_examples=400, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("<>=/ \t\nscriptyleonclkjav:+SCRIPTONJAVAſKİı\"'ld-") + ["\u212a"]),
        max_size=40,
    )
)
def test_the_fast_inline_prefilter_never_misses_what_the_full_one_finds(text: str) -> None:
    from generator.render.csp import _MAYBE_INLINE, maybe_inline

    if _MAYBE_INLINE.search(text):
        assert maybe_inline(text)


@pytest.mark.parametrize(
    "page",
    [
        '<p onclick="x()">',
        '<P ONCLICK = "x">',
        '<div style="a">',
        "<STYLE>p{}</STYLE>",
        '<a href="JavaScript:x">',
        "<script>x()</script>",
        '<a href="java\u017fcript:x">',
    ],
)
def test_the_fast_inline_prefilter_sees_inline_code(page: str) -> None:
    from generator.render.csp import maybe_inline

    assert maybe_inline(page)
