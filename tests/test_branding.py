"""Branding in site.yaml: a logo, colours as CSS custom properties (a partial override changes only what
it names), WCAG AA contrast checked at build time with the fix in the message, favicons and a social
card made from the logo; and a charity that changes its logo and two colours and overrides only the
footer block changes nothing else."""

from __future__ import annotations

import io
import pathlib
import re

import pytest
from click.testing import CliRunner, Result
from PIL import Image
from sitekit import SITE_YAML, STORY, approve_story, loc, make_site, story_md, tree

from generator.cli import main
from generator.config.branding import contrast, nearest_passing, nearest_passing_all

AT = "2026-11-20T00:00:00Z"
LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40" width="120" height="40">'
    '<rect width="120" height="40" rx="8" fill="#7a1f5c"/><circle cx="20" cy="20" r="10" fill="#fff"/></svg>'
)
PAGES = {
    "content/pages/about.md": "---\ntitle: About us\n---\nWe support survivors.\n",
    "content/pages/privacy.md": "---\ntitle: Privacy\n---\nWe set no cookies.\n",
}


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def site_with(
    tmp_path: pathlib.Path, extra_yaml: str = "", files: dict[str, str | bytes] | None = None
) -> pathlib.Path:
    root = make_site(tmp_path / "site", {STORY: story_md(), **PAGES, **(files or {})})
    approve_story(root)  # before the settings under test, which may be wrong on purpose
    (root / "site.yaml").write_text(SITE_YAML + extra_yaml, encoding="utf-8")
    return root


def errors(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if ": CONFIG: " in line or line.startswith("  fix:")]


# --- contrast -------------------------------------------------------------------------------------


def test_contrast_is_wcag_relative_luminance() -> None:
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#0b5394", "#ffffff"), 1) == 7.8
    assert round(contrast("#f5c400", "#ffffff"), 1) == 1.6
    shade = nearest_passing("#f5c400", "#ffffff", 4.5)
    assert (
        contrast(shade, "#ffffff") >= 4.5
        and contrast(nearest_passing("#f5c400", "#ffffff", 4.0), "#ffffff") < 4.6
    )


def test_a_primary_too_light_for_links_is_an_error_naming_a_shade_that_passes(tmp_path: pathlib.Path) -> None:
    yaml = 'theme:\n  colors:\n    primary: "#f5c400"\n'
    root = site_with(tmp_path, yaml)
    result = run("check", "--site", str(root), "--at", AT)
    assert result.exit_code == 1
    text = SITE_YAML + yaml
    shade = nearest_passing_all("#f5c400", ("#ffffff", "#f4f1ea"), 4.5)  # on the page and in boxes
    assert errors(result) == [
        (
            f"{loc(text, 'primary: |', 'site.yaml')}: CONFIG: links: link #f5c400 on surface #f4f1ea is 1.5:1, "
            "below the 4.5:1 WCAG AA needs"
        ),
        f'  fix: add link: "{shade}" under theme.colors (a shade of your primary that passes), or choose a darker primary',
    ]
    fixed = site_with(tmp_path / "fixed", yaml + f'    link: "{shade}"\n')
    assert run("build", "--site", str(fixed), "--at", AT).exit_code == 0


def test_text_that_is_hard_to_read_is_an_error(tmp_path: pathlib.Path) -> None:
    yaml = 'theme:\n  colors:\n    text: "#999999"\n'
    result = run("build", "--site", str(site_with(tmp_path, yaml)), "--at", AT)
    assert result.exit_code == 1
    first = errors(result)[0]
    assert first.endswith(
        "CONFIG: body text: text #999999 on surface #f4f1ea is 2.5:1, below the 4.5:1 WCAG AA needs"
    )
    shade = nearest_passing_all("#999999", ("#ffffff", "#f4f1ea"), 4.5)  # on the page and in boxes
    assert f'use text: "{shade}", the nearest shade that passes' in result.stderr
    assert contrast(shade, "#f4f1ea") >= 4.5


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("#0b5394", "colors.primary has no value (in YAML, # starts a note, so #rrggbb needs quotes)"),
        ('"blue"', 'theme.colors.primary "blue" is not a colour written as #rrggbb'),
    ],
)
def test_colours_are_written_as_quoted_hex(tmp_path: pathlib.Path, value: str, message: str) -> None:
    result = run(
        "check", "--site", str(site_with(tmp_path, f"theme:\n  colors:\n    primary: {value}\n")), "--at", AT
    )
    assert result.exit_code == 1
    assert f"CONFIG: {message}" in result.stderr


def test_a_partial_override_changes_only_what_it_names(tmp_path: pathlib.Path) -> None:
    root = site_with(tmp_path, 'theme:\n  colors:\n    accent: "#e8a33d"\n')
    assert run("build", "--site", str(root), "--at", AT).exit_code == 0
    css = next((root / "output/assets").glob("site.*.css")).read_text()
    block = css[css.index("/* site.yaml theme.colors */") :]
    assert re.findall(r"--[a-z-]+(?=:)", block) == ["--color-accent"]


# --- logo, favicons, social card ------------------------------------------------------------------


def test_the_logo_favicons_and_social_card_are_made_from_an_svg_logo(tmp_path: pathlib.Path) -> None:
    root = site_with(tmp_path, "theme:\n  logo: images/logo.svg\n", {"content/images/logo.svg": LOGO})
    result = run("build", "--site", str(root), "--at", AT)
    assert result.exit_code == 0, result.output
    out = root / "output"
    home = (out / "index.html").read_text()
    logo = re.search(
        r'<img class="brand-logo" src="(/assets/logo\.[0-9a-f]{10}\.svg)" width="120" height="40" alt="">',
        home,
    )
    assert logo and (out / logo.group(1).lstrip("/")).read_text() == LOGO
    icon = re.search(
        r'<link rel="icon" href="(/assets/icon-32\.[0-9a-f]{10}\.png)" type="image/png" sizes="32x32">', home
    )
    touch = re.search(
        r'<link rel="apple-touch-icon" href="(/assets/apple-touch-icon\.[0-9a-f]{10}\.png)">', home
    )
    card = re.search(
        r'<meta property="og:image" content="https://stories\.example\.org(/assets/social-card\.[0-9a-f]{10}\.png)">',
        home,
    )
    assert icon and touch and card
    sizes = {}
    for m in (icon, touch, card):
        with Image.open(io.BytesIO((out / m.group(1).lstrip("/")).read_bytes())) as im:
            sizes[m.group(1).split("/")[-1].split(".")[0]] = im.size
            if m is icon:
                assert im.getpixel((16, 16))[:3] == (0x7A, 0x1F, 0x5C)  # drawn from the logo's own colour
    assert sizes == {"icon-32": (32, 32), "apple-touch-icon": (180, 180), "social-card": (1200, 630)}


def test_a_logo_that_could_run_code_is_refused(tmp_path: pathlib.Path) -> None:
    evil = LOGO.replace("</svg>", "<script>alert(1)</script></svg>")
    yaml = "theme:\n  logo: images/logo.svg\n"
    root = site_with(tmp_path, yaml, {"content/images/logo.svg": evil})
    result = run("build", "--site", str(root), "--at", AT)
    assert result.exit_code == 1
    assert (
        f'{loc(SITE_YAML + yaml, "logo: |", "site.yaml")}: THEME: the logo "images/logo.svg" cannot be published: '
        "it contains <script>, which is not allowed in a logo" in result.stderr
    )


def test_a_logo_outside_content_is_refused(tmp_path: pathlib.Path) -> None:
    root = site_with(tmp_path, "theme:\n  logo: ../secret.png\n")
    result = run("build", "--site", str(root), "--at", AT)
    assert result.exit_code == 1 and 'the image "../secret.png" points outside content/' in result.stderr


def test_without_a_logo_the_favicon_is_the_initials(tmp_path: pathlib.Path) -> None:
    root = site_with(tmp_path)
    assert run("build", "--site", str(root), "--at", AT).exit_code == 0
    assert '<span class="brand-name">Example Trust</span>' in (root / "output/index.html").read_text()
    assert list((root / "output/assets").glob("icon-32.*.png"))


# --- the charity that changes its logo, two colours and its footer, and nothing else ---------------

_FINGERPRINT = re.compile(r"(/assets/[a-z0-9-]+)\.[0-9a-f]{10}\.(css|js|png|svg)")
_HEADER = re.compile(r'<header class="site-header">.*?</header>\n', re.DOTALL)
_FOOTER = re.compile(r'<footer class="site-footer">.*?</footer>\n', re.DOTALL)


def _rest_of(page: str) -> str:
    page = _FINGERPRINT.sub(r"\1.\2", page)
    page = re.sub(r'<meta name="theme-color" content="[^"]*">', "", page)  # the primary colour
    page = page.replace('<link rel="icon" href="/assets/icon.svg" type="image/svg+xml">\n', "")  # the logo
    page = _HEADER.sub("<header/>", page)
    return _FOOTER.sub("<footer/>", page)


def test_a_new_logo_two_colours_and_a_footer_override_change_nothing_else(tmp_path: pathlib.Path) -> None:
    plain = site_with(tmp_path / "plain")
    branded = site_with(
        tmp_path / "branded",
        'theme:\n  logo: images/logo.svg\n  colors:\n    primary: "#7a1f5c"\n    accent: "#e8a33d"\n',
        {
            "content/images/logo.svg": LOGO,
            "templates/base.html": '{% extends "default/base.html" %}\n{% block footer %}'
            '<footer class="site-footer"><p>Registered charity 123. Our own footer.</p></footer>\n{% endblock %}\n',
        },
    )
    for root in (plain, branded):
        result = run("build", "--site", str(root), "--at", AT)
        assert result.exit_code == 0, result.output
    a, b = tree(plain / "output"), tree(branded / "output")
    brand_files = (
        "assets/logo.",
        "assets/icon.",
        "assets/icon-32.",
        "assets/apple-touch-icon.",
        "assets/social-card.",
        "assets/site.",
    )

    def others(files: dict[str, bytes]) -> dict[str, bytes]:
        return {
            _FINGERPRINT.sub(r"\1.\2", "/" + p): d for p, d in files.items() if not p.startswith(brand_files)
        }

    oa, ob = others(a), others(b)
    assert sorted(oa) == sorted(ob)
    changed = []
    for path in sorted(oa):
        if path.endswith(".html"):
            if _rest_of(oa[path].decode()) != _rest_of(ob[path].decode()):
                changed.append(path)
            assert "Our own footer" in ob[path].decode() or "This story has moved" in ob[path].decode()
        elif oa[path] != ob[path]:
            changed.append(path)
    assert changed == []
    css_a = next(d for p, d in a.items() if p.startswith("assets/site.")).decode()
    css_b = next(d for p, d in b.items() if p.startswith("assets/site.")).decode()
    assert css_b.startswith(css_a)
    added = css_b[len(css_a) :]
    assert sorted(re.findall(r"--[a-z-]+(?=:)", added)) == [
        "--color-accent",
        "--color-link",
        "--color-primary",
    ]
    assert "#7a1f5c" in added and "#e8a33d" in added
    assert (
        '<img class="brand-logo"' in b["index.html"].decode()
        and '<img class="brand-logo"' not in a["index.html"].decode()
    )
