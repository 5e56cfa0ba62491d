"""Source files → Source → Story / Page: front matter split and typed construction, located errors."""

from __future__ import annotations

import datetime as dt

import pytest
from sitekit import STORY, story_md

from generator.content.parse import parse_page, parse_story, read_source

UTC = dt.UTC
PATH = "content/stories/x.md"


def read_errors(raw: bytes) -> list[str]:
    source, findings = read_source(PATH, raw)
    assert source is None
    return [f.format() for f in findings]


def test_a_story_is_split_into_front_matter_and_body() -> None:
    source, findings = read_source(PATH, b"---\ntitle: T\nstatus: draft\n---\nFirst line.\n\nSecond.\n")
    assert findings == [] and source is not None
    assert source.front.data == {"title": "T", "status": "draft"}
    assert source.body == "First line.\n\nSecond.\n"
    assert source.body_line == 5
    assert source.where(("status",)) == (3, 9)
    assert source.body_position(source.body.index("Second")) == (7, 1)


def test_bom_and_crlf_do_not_move_positions() -> None:
    source, findings = read_source(
        PATH, b"\xef\xbb\xbf---\r\ntitle: T\r\nstatus: draft\r\n---\r\nBody\r\nmore\r\n"
    )
    assert findings == [] and source is not None
    assert source.text == "---\ntitle: T\nstatus: draft\n---\nBody\nmore\n"
    assert source.where(("status",)) == (3, 9)
    assert (source.body, source.body_line) == ("Body\nmore\n", 5)


def test_old_mac_line_ends_are_normalised() -> None:
    source, _ = read_source(PATH, b"---\rtitle: T\r---\rBody\r")
    assert source is not None and source.front.data == {"title": "T"} and source.body == "Body\n"


def test_non_utf8_is_located_by_line_and_character() -> None:
    assert read_errors("---\ntitle: café \xff\n---\n".encode().replace(b"\xc3\xbf", b"\xff")) == [
        "content/stories/x.md:2:13: FILE: the file is not UTF-8 text\n  fix: save it with UTF-8 encoding"
    ]
    assert read_errors(b"---\ntitle: Caf\xe9\n---\n") == [
        "content/stories/x.md:2:11: FILE: the file is not UTF-8 text\n  fix: save it with UTF-8 encoding"
    ]


def test_binary_files_are_refused() -> None:
    assert read_errors(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR") == [
        "content/stories/x.md:1:1: FILE: this is not a text file\n  fix: remove it from content/ or save it as Markdown text"
    ]


@pytest.mark.parametrize("raw", [b"", b"  \n\n\t\n"])
def test_empty_files(raw: bytes) -> None:
    assert read_errors(raw) == [
        "content/stories/x.md:1:1: FILE: the file is empty\n  fix: add front matter and text, or delete the file"
    ]


def test_huge_files_are_refused() -> None:
    assert read_errors(b"---\n" + b"a" * (2 * 1024 * 1024)) == [
        "content/stories/x.md:1:1: FILE: the file is larger than 2 MB\n  fix: split it into shorter stories"
    ]


def test_no_opening_fence() -> None:
    assert read_errors(b"title: T\n---\nBody\n") == [
        (
            "content/stories/x.md:1:1: FRONT-MATTER: the file must start with a front matter block\n"
            "  fix: put a line with three dashes (---) at the very top, then the fields, then another --- line"
        )
    ]


def test_no_closing_fence() -> None:
    assert read_errors(b"---\ntitle: T\nBody\n") == [
        (
            "content/stories/x.md:1:1: FRONT-MATTER: the front matter has no closing --- line\n"
            "  fix: add a line with three dashes (---) after the last field"
        )
    ]


@pytest.mark.parametrize(
    "raw", [b"---\n---\nBody\n", b"---\n- a list\n---\nBody\n", b"---\njust words\n---\n"]
)
def test_front_matter_that_is_not_fields(raw: bytes) -> None:
    assert read_errors(raw) == [
        (
            "content/stories/x.md:2:1: FRONT-MATTER: the front matter must be `name: value` lines\n"
            "  fix: write e.g. title: My story"
        )
    ]


def test_yaml_errors_are_located_in_the_file_not_the_front_matter() -> None:
    assert read_errors(b"---\ntitle: T\nsummary: Rescue: what next\n---\n") == [
        (
            "content/stories/x.md:3:16: FRONT-MATTER: a colon inside a value confuses YAML\n"
            '  fix: put the whole value in double quotes, e.g. title: "Rescue: what happened next"'
        )
    ]


def test_a_file_ending_at_the_closing_fence_has_an_empty_body() -> None:
    source, _ = read_source(PATH, b"---\ntitle: T\n---")
    assert source is not None and (source.body, source.body_line) == ("", 4)


def parsed(text: str, stem: str = "story", tz: dt.tzinfo = UTC):  # type: ignore[no-untyped-def]
    source, findings = read_source(STORY, text.encode())
    assert source is not None, findings
    return parse_story(source, stem, tz)


def test_a_story_is_built_with_typed_values() -> None:
    story, findings = parsed(story_md(tags="rescue", publish_on=dt.date(2026, 3, 5), aliases="/old/"))
    assert findings == [] and story is not None
    assert (story.slug, story.url, story.tags, story.aliases) == (
        "story",
        "/stories/story/",
        ("rescue",),
        ("/old/",),
    )
    assert story.publish_on == dt.datetime(
        2026, 3, 5, tzinfo=UTC
    )  # a date is the start of that day in the site's zone
    assert [p.name for p in story.survivors] == ["Asha"] and story.people[1].index == 1
    assert story.consent_for(story.people[0]).expires == dt.date(2028, 3, 1)


def test_publish_on_dates_use_the_site_time_zone() -> None:
    kolkata = dt.timezone(dt.timedelta(hours=5, minutes=30))
    story, _ = parsed(story_md(publish_on=dt.date(2026, 3, 5)), tz=kolkata)
    assert story is not None and story.publish_on == dt.datetime(2026, 3, 5, tzinfo=kolkata)


def test_schema_problems_come_back_as_located_findings() -> None:
    text = story_md(status="live", titel="x")
    story, findings = parsed(text)
    assert story is None
    assert [f.format().partition("\n")[0] for f in findings] == [
        'content/stories/story.md:9:9: FRONT-MATTER: status must be one of draft, review, published, withdrawn, not "live"',
        'content/stories/story.md:27:1: FRONT-MATTER: unknown field "titel" in the story\'s front matter',
    ]


def test_a_missing_required_field_points_at_the_top() -> None:
    story, findings = parsed(story_md(title=None))
    assert story is None
    assert [f.format() for f in findings] == [
        (
            'content/stories/story.md:1:1: FRONT-MATTER: "title" is required in the story\'s front matter\n'
            '  fix: add `title: "some words"`'
        )
    ]


@pytest.mark.parametrize("slug", ["a", "rescue-in-pune", "2026-story"])
def test_valid_slugs(slug: str) -> None:
    story, findings = parsed(story_md(slug=slug))
    assert findings == [] and story is not None and story.url == f"/stories/{slug}/"


@pytest.mark.parametrize(
    ("slug", "fix"),
    [
        ("Rescue-In-Pune", "rescue-in-pune"),
        ("a--b", "a-b"),
        ("-a", "a"),
        ("café", "caf"),
        ("a b", "a-b"),
        ("x" * 121, "x" * 121),
    ],
)
def test_invalid_slugs_are_located_with_a_suggestion(slug: str, fix: str) -> None:
    story, findings = parsed(story_md(slug=slug))
    assert story is None
    assert [f.format() for f in findings] == [
        (
            f'content/stories/story.md:27:7: SLUG: "{slug}" cannot be used in a web address\n'
            f"  fix: use lowercase letters, digits and hyphens, e.g. {fix}"
        )
    ]


def test_a_file_name_that_cannot_be_a_slug_is_reported_at_the_top() -> None:
    story, findings = parsed(story_md(), stem="My Story")
    assert story is None
    assert [f.format() for f in findings] == [
        (
            'content/stories/story.md:1:1: SLUG: "My Story" cannot be used in a web address\n'
            "  fix: use lowercase letters, digits and hyphens, e.g. my-story"
        )
    ]


def test_pages() -> None:
    source, _ = read_source("content/pages/about.md", b"---\ntitle: ' About us '\nnav_order: 2\n---\nText\n")
    assert source is not None
    page, findings = parse_page(source, "about")
    assert findings == [] and page is not None
    assert (page.title, page.url, page.nav_order, page.noindex, page.summary) == (
        "About us",
        "/about/",
        2,
        False,
        None,
    )
    source, _ = read_source("content/pages/about.md", b"---\ntitel: About\n---\n")
    page, findings = parse_page(source, "about")
    assert page is None
    assert [(f.message, f.fix) for f in findings] == [  # one problem, not also "title is required"
        ('unknown field "titel" in the page\'s front matter', 'did you mean "title"?')
    ]
