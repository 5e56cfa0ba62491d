"""site.yaml → SiteConfig: validated whole, every problem located, did-you-mean for unknown keys."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import pathlib

import pytest
from sitekit import SITE_YAML

from generator.config.declare import declared
from generator.config.docs import settings_markdown
from generator.config.settings import NavItem, SiteConfig, find_site, load_config, parse_timezone
from generator.errors import ContentError, UsageError


def config_errors(tmp_path: pathlib.Path, text: str | bytes) -> list[str]:
    (tmp_path / "site.yaml").write_bytes(text.encode() if isinstance(text, str) else text)
    with pytest.raises(ContentError) as exc:
        load_config(tmp_path)
    return [f.format() for f in exc.value.findings]


def test_a_minimal_site_gets_defaults(tmp_path: pathlib.Path) -> None:
    (tmp_path / "site.yaml").write_text(SITE_YAML)
    config = load_config(tmp_path)
    assert (config.title, config.base_url, config.organisation.name) == (
        "Test Stories",
        "https://stories.example.org",
        "Example Trust",
    )
    assert (config.language, config.timezone, config.stories_per_page, config.related_stories) == (
        "en",
        "UTC",
        10,
        3,
    )
    assert config.pseudonyms.mark == "first" and not config.pseudonyms.in_titles
    assert config.output_dir == tmp_path / "output" and config.state_dir == tmp_path / ".impactsite"
    assert config.absolute("/stories/a/") == "https://stories.example.org/stories/a/"


def test_a_trailing_slash_on_base_url_is_dropped(tmp_path: pathlib.Path) -> None:
    (tmp_path / "site.yaml").write_text(SITE_YAML.replace("example.org", "example.org/"))
    assert load_config(tmp_path).absolute("/") == "https://stories.example.org/"


def test_every_problem_is_reported_with_its_line_and_a_fix(tmp_path: pathlib.Path) -> None:
    text = (
        "titel: Stories\n"
        "base_url: stories.example.org\n"
        "organisation:\n"
        "  name: Example Trust\n"
        "  urll: https://example.org\n"
        "timezone: Mars/Olympus\n"
        "stories_per_page: 0\n"
        "pseudonyms:\n"
        "  mark: all\n"
    )
    # In the file's order; a misspelt key is one problem (not also "title is required").
    assert config_errors(tmp_path, text) == [
        'site.yaml:1:1: CONFIG: unknown field "titel" in site.yaml\n  fix: did you mean "title"?',
        "site.yaml:2:11: CONFIG: base_url must start with https://\n  fix: write e.g. base_url: https://stories.example.org",
        'site.yaml:5:3: CONFIG: unknown field "urll" in organisation\n  fix: did you mean "url"?',
        'site.yaml:6:11: CONFIG: unknown time zone "Mars/Olympus"\n  fix: use a name like Asia/Kolkata or an offset like +05:30',
        "site.yaml:7:19: CONFIG: stories_per_page must be at least 1\n  fix: set stories_per_page: 10",
        'site.yaml:9:9: CONFIG: pseudonyms.mark must be one of first, every, not "all"\n  fix: write e.g. mark: first',
    ]


def test_an_empty_site_yaml_lists_what_is_required(tmp_path: pathlib.Path) -> None:
    assert [e.partition("\n")[0] for e in config_errors(tmp_path, "")] == [
        'site.yaml:1:1: CONFIG: "title" is required in site.yaml',
        'site.yaml:1:1: CONFIG: "base_url" is required in site.yaml',
        'site.yaml:1:1: CONFIG: "organisation" is required in site.yaml',
    ]


def test_an_empty_required_group_is_reported_once_at_its_key(tmp_path: pathlib.Path) -> None:
    text = "title: T\nbase_url: https://x.org\norganisation:\n"
    assert config_errors(tmp_path, text) == [
        'site.yaml:3:1: CONFIG: "organisation" is required in site.yaml\n  fix: add `organisation: …` (who publishes the site)'
    ]


def test_site_yaml_that_is_a_list(tmp_path: pathlib.Path) -> None:
    assert config_errors(tmp_path, "- title\n") == [
        "site.yaml:1:1: CONFIG: site.yaml must be `key: value` lines\n  fix: indent its fields below it"
    ]


def test_yaml_syntax_errors_are_located(tmp_path: pathlib.Path) -> None:
    assert config_errors(tmp_path, SITE_YAML + "title: again\n") == [
        'site.yaml:5:1: CONFIG: the key "title" appears twice (first on line 1)\n  fix: keep only one of them'
    ]


def test_not_utf8(tmp_path: pathlib.Path) -> None:
    assert config_errors(tmp_path, b"title: Caf\xe9\n") == [
        "site.yaml:1:1: CONFIG: site.yaml is not UTF-8 text\n  fix: save it as UTF-8"
    ]


def test_bom_and_crlf_are_fine(tmp_path: pathlib.Path) -> None:
    (tmp_path / "site.yaml").write_bytes(b"\xef\xbb\xbf" + SITE_YAML.replace("\n", "\r\n").encode())
    assert load_config(tmp_path).title == "Test Stories"


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("UTC", dt.timedelta(0)),
        ("+05:30", dt.timedelta(hours=5, minutes=30)),
        ("-03:00", dt.timedelta(hours=-3)),
        ("+02", dt.timedelta(hours=2)),
    ],
)
def test_timezones_as_offsets(text: str, offset: dt.timedelta) -> None:
    assert parse_timezone(text).utcoffset(None) == offset


def test_timezones_by_name(tmp_path: pathlib.Path) -> None:
    (tmp_path / "site.yaml").write_text(SITE_YAML + "timezone: Asia/Kolkata\n")
    tz = load_config(tmp_path).tz
    assert dt.datetime(2026, 1, 1, tzinfo=tz).utcoffset() == dt.timedelta(hours=5, minutes=30)


@pytest.mark.parametrize("bad", ["+5:30", "+99:00", "", "Asia/../../etc/passwd", "+05:xx"])
def test_bad_timezones_are_config_errors_not_crashes(tmp_path: pathlib.Path, bad: str) -> None:
    errors = config_errors(tmp_path, SITE_YAML + f"timezone: '{bad}'\n")
    assert errors == [
        f'site.yaml:5:11: CONFIG: unknown time zone "{bad}"\n  fix: use a name like Asia/Kolkata or an offset like +05:30'
    ]


def test_find_site_needs_site_yaml(tmp_path: pathlib.Path) -> None:
    with pytest.raises(UsageError) as exc:
        find_site(tmp_path)
    assert (
        str(exc.value)
        == f"no site.yaml in {tmp_path.resolve()}: run impactsite inside a site folder, or pass --site DIR"
    )
    (tmp_path / "site.yaml").write_text(SITE_YAML)
    assert find_site(tmp_path) == tmp_path.resolve()


def test_zero_consent_warning_days_is_kept_and_a_negative_threshold_is_refused(
    tmp_path: pathlib.Path,
) -> None:
    from generator.config.settings import load_config
    from generator.errors import ContentError

    base = "title: T\nbase_url: https://example.org\norganisation:\n  name: X\nsafety:\n"
    (tmp_path / "site.yaml").write_text(base + "  consent_warning_days: 0\n")
    assert load_config(tmp_path).safety.consent_warning_days == 0
    (tmp_path / "site.yaml").write_text(base + "  jigsaw_threshold: 0\n")
    try:
        load_config(tmp_path)
    except ContentError as exc:
        assert [f.format() for f in exc.findings] == [
            "site.yaml:6:21: CONFIG: safety.jigsaw_threshold must be at least 1\n  fix: set jigsaw_threshold: 4"
        ]
    else:
        raise AssertionError("a zero jigsaw threshold was accepted")


def test_docs_settings_md_is_generated_from_the_declarations() -> None:
    """docs/settings.md is generated; regenerate it with UPDATE_GOLDEN=1."""
    docs = pathlib.Path(__file__).resolve().parent.parent / "docs" / "settings.md"
    text = settings_markdown()
    if os.environ.get("UPDATE_GOLDEN"):
        docs.write_text(text, encoding="utf-8")
    assert docs.read_text(encoding="utf-8") == text, (
        "docs/settings.md is out of date: run `python -m generator.config.docs > docs/settings.md`"
    )


def test_every_setting_says_what_it_is_for() -> None:
    def walk(cls: type, prefix: str) -> list[str]:
        out = []
        for d in declared(cls):
            out += [] if d.meta.help else [prefix + d.key]
            for group in (d.type, *getattr(d.type, "__args__", ())):
                if dataclasses.is_dataclass(group) and isinstance(group, type):
                    out += walk(group, prefix + d.key + ".")
        return out

    assert walk(SiteConfig, "") == []


def test_every_group_and_setting_is_read_into_the_config(tmp_path: pathlib.Path) -> None:
    text = SITE_YAML.replace(
        "  name: Example Trust\n", "  name: Example Trust\n  same_as: [https://x.example/t]\n"
    ) + (
        "tracking: {source: stories, campaign: spring}\n"
        "navigation:\n  - {title: Stories, url: /stories/}\n"
        "pseudonyms: {mark: every, in_feed: true}\n"
        "safety:\n  known_terms: [Harbour House]\n  jigsaw_threshold: 6\n  location_precision: state\n"
    )
    (tmp_path / "site.yaml").write_text(text)
    config = load_config(tmp_path)
    assert config.organisation.same_as == ("https://x.example/t",)
    assert config.tracking.params == (("utm_campaign", "spring"), ("utm_source", "stories"))
    assert config.navigation == (NavItem("Stories", "/stories/"),)
    assert (config.pseudonyms.mark, config.pseudonyms.in_titles, config.pseudonyms.in_feed) == (
        "every",
        False,
        True,
    )
    assert config.safety.known_terms == ("Harbour House",)
    assert (config.safety.jigsaw_threshold, config.safety.location_precision) == (6, "state")
    assert (config.safety.consent_warning_days, config.safety.denylist) == (30, "safety/denylist.txt")
    assert config.feed_entries == 20 and config.forms is None
    assert config.located is not None and config.located.where(("safety", "jigsaw_threshold")) == (12, 21)


def test_a_removed_setting_is_an_unknown_field(tmp_path: pathlib.Path) -> None:
    """organisation.nonprofit_status was accepted and never used; it is gone."""
    text = SITE_YAML + "  nonprofit_status: UK charity\n"
    assert config_errors(tmp_path, text) == [
        'site.yaml:5:3: CONFIG: unknown field "nonprofit_status" in organisation\n'
        + "  fix: allowed: address, charity_number, company_number, logo, name, registered_in, same_as, social, url"
    ]
