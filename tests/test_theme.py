"""The theme through the CLI: a site overrides the default theme file by file and block by block;
every theme file stays inside its theme folder (issue 11, item 9); template mistakes are located."""

from __future__ import annotations

import os
import pathlib

import pytest
from click.testing import CliRunner, Result
from sitekit import STORY, approve_story, make_site, story_md

from generator.cli import main
from generator.render.themedir import DEFAULT_THEME

AT = "2026-11-20T00:00:00Z"
MARKER = "IMPACTSITE_THEME_TEST_SECRET"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def site(tmp_path: pathlib.Path) -> pathlib.Path:
    root = make_site(tmp_path / "site", {STORY: story_md()})
    approve_story(root)
    return root


def build(root: pathlib.Path) -> Result:
    return run("build", "--site", str(root), "--at", AT)


def published_text(root: pathlib.Path) -> str:
    out = root / "output"
    if not out.is_dir():
        return ""
    return "\n".join(p.read_bytes().decode("utf-8", "replace") for p in sorted(out.rglob("*")) if p.is_file())


# --- every theme file inside its theme folder ---------------------------------------------------


@pytest.fixture
def secret_env(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv(MARKER, "denylist-key-would-leak-here")
    return "denylist-key-would-leak-here"


def assert_refused(result: Result, root: pathlib.Path, where: str, secret: str | None = None) -> None:
    assert result.exit_code == 1, result.output
    assert f"{where}: THEME: " in result.stderr, result.stderr
    assert "Internal error" not in result.output
    assert not (root / "output").exists()
    if secret:
        assert secret not in result.output


def test_an_icon_linked_to_the_process_environment_stops_the_build(
    site: pathlib.Path, secret_env: str
) -> None:
    icons = site / "templates" / "icons"
    icons.mkdir(parents=True)
    (icons / "heart.svg").symlink_to("/proc/self/environ")
    result = build(site)
    assert_refused(result, site, "templates/icons/heart.svg", secret_env)
    assert "a link to a file outside the theme folder (templates/)" in result.stderr
    assert "fix: replace the link with a copy of the file itself" in result.stderr


def test_an_icons_folder_linked_outside_the_theme_stops_the_build(
    site: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "heart.svg").write_text('<svg viewBox="0 0 1 1"><text>outside</text></svg>')
    (site / "templates").mkdir()
    (site / "templates" / "icons").symlink_to(elsewhere, target_is_directory=True)
    result = build(site)
    assert_refused(result, site, "templates/icons")
    assert "a link to a folder outside the theme folder" in result.stderr


def test_an_assets_folder_linked_outside_the_theme_stops_the_build(
    site: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    elsewhere = tmp_path / "private"
    elsewhere.mkdir()
    (elsewhere / "notes.txt").write_text("private notes")
    (site / "templates").mkdir()
    (site / "templates" / "assets").symlink_to(elsewhere, target_is_directory=True)
    result = build(site)
    assert_refused(result, site, "templates/assets", "private notes")


def test_an_asset_linked_outside_the_theme_stops_the_build(
    site: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    (tmp_path / "secret.css").write_text("/* private */")
    assets = site / "templates" / "assets"
    assets.mkdir(parents=True)
    (assets / "extra.css").symlink_to(tmp_path / "secret.css")
    assert_refused(build(site), site, "templates/assets/extra.css", "private")


def test_a_template_linked_outside_the_theme_stops_the_build(site: pathlib.Path, secret_env: str) -> None:
    partials = site / "templates" / "partials"
    partials.mkdir(parents=True)
    (partials / "social.html").symlink_to("/proc/self/environ")
    assert_refused(build(site), site, "templates/partials/social.html", secret_env)


def test_the_sites_templates_folder_linked_outside_the_site_stops_the_build(
    site: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    elsewhere = tmp_path / "other-theme"
    elsewhere.mkdir()
    (elsewhere / "404.html").write_text("{% extends 'base.html' %}")
    (site / "templates").symlink_to(elsewhere, target_is_directory=True)
    result = build(site)
    assert_refused(result, site, "templates")
    assert "the theme folder is a link to a folder outside the site" in result.stderr


def test_a_pipe_in_the_theme_stops_the_build_instead_of_hanging(site: pathlib.Path) -> None:
    icons = site / "templates" / "icons"
    icons.mkdir(parents=True)
    os.mkfifo(icons / "heart.svg")
    result = build(site)
    assert_refused(result, site, "templates/icons/heart.svg")
    assert "neither a file nor a folder" in result.stderr


def test_check_reports_the_escaping_link_too(site: pathlib.Path, secret_env: str) -> None:
    icons = site / "templates" / "icons"
    icons.mkdir(parents=True)
    (icons / "tag.svg").symlink_to("/proc/self/environ")
    result = run("check", "--site", str(site), "--at", AT)
    assert result.exit_code == 1
    assert "templates/icons/tag.svg: THEME: " in result.stderr
    assert secret_env not in result.output


def test_links_that_stay_inside_the_theme_are_fine(site: pathlib.Path) -> None:
    icons = site / "templates" / "icons"
    icons.mkdir(parents=True)
    (icons / "my-heart.svg").write_text('<svg viewBox="0 0 24 24"><path d="M1 1h2v2z" id="own-heart"/></svg>')
    (icons / "feed.svg").symlink_to("my-heart.svg")
    result = build(site)
    assert result.exit_code == 0, result.output
    assert 'id="own-heart"' in (site / "output" / "index.html").read_text()


# --- overriding the default theme -----------------------------------------------------------------


def test_a_site_overrides_one_block_of_the_default_base_template(site: pathlib.Path) -> None:
    (site / "templates").mkdir()
    (site / "templates" / "base.html").write_text(
        '{% extends "default/base.html" %}\n'
        '{% block footer %}<footer class="site-footer"><p>Our own footer</p></footer>{% endblock %}\n'
    )
    assert build(site).exit_code == 0
    home = (site / "output" / "index.html").read_text()
    story = (site / "output" / "stories" / "story" / "index.html").read_text()
    for page in (home, story):
        assert "<p>Our own footer</p>" in page
        assert 'class="skip-link"' in page  # the rest of the default base template is still there
    assert "A Fresh Start in Pune" in story


def test_a_site_overrides_a_whole_template_file(site: pathlib.Path) -> None:
    (site / "templates").mkdir()
    (site / "templates" / "404.html").write_text(
        '{% extends "base.html" %}{% block main %}<h1>Lost?</h1>{% endblock %}'
    )
    assert build(site).exit_code == 0
    assert "<h1>Lost?</h1>" in (site / "output" / "404.html").read_text()
    assert "Lost?" not in (site / "output" / "index.html").read_text()


# --- template mistakes are located ----------------------------------------------------------------


def test_a_syntax_error_names_the_template_and_line(site: pathlib.Path) -> None:
    (site / "templates").mkdir()
    (site / "templates" / "404.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n{% if page %}\n<h1>x</h1>\n{% endblock %}\n'
    )
    result = build(site)
    assert result.exit_code == 1
    assert "templates/404.html:5: THEME: this template cannot be read: " in result.stderr
    assert "Internal error" not in result.output and "a bug in impactsite" not in result.output
    assert not (site / "output").exists()


def test_an_undefined_variable_is_an_error_with_its_line(site: pathlib.Path) -> None:
    (site / "templates").mkdir()
    (site / "templates" / "404.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n<h1>{{ page.title }}</h1>\n<p>{{ no_such_thing }}</p>\n{% endblock %}\n'
    )
    result = build(site)
    assert result.exit_code == 1
    assert (
        "templates/404.html:4: THEME: 'no_such_thing' is undefined: the template uses a value that this page does not have"
        in result.stderr
    )


def test_a_missing_template_is_a_located_error(site: pathlib.Path) -> None:
    (site / "templates").mkdir()
    (site / "templates" / "404.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n{% include "partials/nothing.html" %}\n{% endblock %}\n'
    )
    result = build(site)
    assert result.exit_code == 1
    assert 'templates/404.html:3: THEME: there is no template named "partials/nothing.html"' in result.stderr
    assert "fix: create templates/partials/nothing.html, or correct the name" in result.stderr


def test_a_missing_asset_is_a_located_error(site: pathlib.Path) -> None:
    (site / "templates").mkdir()
    (site / "templates" / "404.html").write_text(
        '{% extends "base.html" %}\n{% block head %}\n<link rel="stylesheet" href="{{ asset(\'nope.css\') }}">\n{% endblock %}\n'
    )
    result = build(site)
    assert result.exit_code == 1
    assert (
        "templates/404.html:3: THEME: this template failed: the theme has no asset named 'nope.css'"
        in result.stderr
    )


def test_the_default_theme_is_found(site: pathlib.Path) -> None:
    assert (DEFAULT_THEME / "base.html").is_file()
