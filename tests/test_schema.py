"""The declarative schema and the story/page front-matter contract: every field type-checked, every
problem reported at once, unknown keys answered with "did you mean"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from generator.config.schema import DATE, DATETIME, MOMENT, TEXT, Field, Problem, enum, list_of, obj, validate
from generator.content.story_schema import PAGE, STORY

KOLKATA = dt.timezone(dt.timedelta(hours=5, minutes=30))


def valid_story() -> dict[str, Any]:
    return {
        "title": "T",
        "date": dt.date(2026, 3, 2),
        "author": "comms-03",
        "summary": "S",
        "status": "published",
        "location": "Pune, India",
        "region": "South Asia",
        "tags": ["rescue"],
        "publish_on": dt.datetime(2026, 3, 5, 9, tzinfo=KOLKATA),
        "unpublish_on": dt.date(2027, 3, 5),
        "updated": dt.date(2026, 4, 1),
        "people": [
            {
                "name": "Mona",
                "role": "survivor",
                "name_type": "pseudonym",
                "minor": True,
                "consent": "C-1",
                "guardian": False,
                "accused": False,
                "relation_to": "x",
                "relation": "y",
                "written_authorisation": "WA-1",
            }
        ],
        "consent": [
            {
                "id": "C-1",
                "record": "CR-1",
                "given_by": ["survivor", "welfare_authority"],
                "date": dt.date(2026, 3, 2),
                "scope": ["web", "feed", "social", "photo"],
                "expires": dt.date(2028, 3, 2),
                "withdrawn": False,
                "guardian": "her aunt",
            }
        ],
        "review": {"reviewer": "safeguarding-01", "date": dt.date(2026, 3, 4), "text_hash": "sha256:x"},
        "image": {
            "src": "images/a.jpg",
            "alt": "Hands",
            "identifiable": False,
            "treatment": "hands",
            "caption": "c",
            "subjects": ["Mona"],
        },
        "images": [{"src": "images/b.jpg", "alt": "Tea", "identifiable": False, "treatment": "stock"}],
        "waivers": [
            {"rule": "CONSENT-EXPIRING", "reviewer": "safeguarding-01", "reason": "Renewal is booked."}
        ],
        "aliases": ["/old/"],
        "slug": "a-story",
        "internal_notes": "n",
    }


def messages(problems: list[Problem]) -> list[tuple[tuple[Any, ...], str]]:
    return [(p.path, p.message) for p in problems]


def test_a_complete_story_using_every_field_is_valid() -> None:
    assert validate(valid_story(), STORY.kind) == []


# Every field of the SPEC's story schema, given a value of the wrong type.
WRONG = [
    (("title",), 5, "title must be text, not 5"),
    (("date",), "2026-03-02", 'date must be a date, not "2026-03-02"'),
    (("date",), dt.datetime(2026, 3, 2, tzinfo=dt.UTC), "date must be a date, not 2026-03-02 00:00:00+00:00"),
    (("updated",), "soon", 'updated must be a date, not "soon"'),
    (("author",), ["a"], "author must be text, not ['a']"),
    (("summary",), True, "summary must be text, not True"),
    (("location",), 3, "location must be text, not 3"),
    (("region",), 3, "region must be text, not 3"),
    (("tags",), {"a": 1}, "tags must be a list of text"),
    (("tags", 0), 7, "tags[1] must be text, not 7"),
    (("status",), "live", 'status must be one of draft, review, published, withdrawn, not "live"'),
    (("publish_on",), dt.datetime(2026, 3, 5, 9), "publish_on has no time-zone offset"),
    (
        ("publish_on",),
        "tomorrow",
        'publish_on must be a date, or a date and time with a time-zone offset, not "tomorrow"',
    ),
    (("unpublish_on",), 5, "unpublish_on must be a date, or a date and time with a time-zone offset, not 5"),
    (("people",), "Mona", "people must be a list of a person"),
    (("people", 0, "name"), 1, "people[1].name must be text, not 1"),
    (
        ("people", 0, "role"),
        "hero",
        'people[1].role must be one of survivor, relative, accused, staff, official, partner, supporter, not "hero"',
    ),
    (
        ("people", 0, "name_type"),
        "nickname",
        'people[1].name_type must be one of pseudonym, real, withheld, not "nickname"',
    ),
    (("people", 0, "minor"), "yes please", 'people[1].minor must be true or false, not "yes please"'),
    (("people", 0, "consent"), 14, "people[1].consent must be text, not 14"),
    (("people", 0, "relation_to"), 1, "people[1].relation_to must be text, not 1"),
    (("people", 0, "relation"), 1, "people[1].relation must be text, not 1"),
    (("people", 0, "accused"), "no", 'people[1].accused must be true or false, not "no"'),
    (("people", 0, "guardian"), 1, "people[1].guardian must be true or false, not 1"),
    (("people", 0, "written_authorisation"), 1, "people[1].written_authorisation must be text, not 1"),
    (("consent", 0, "id"), 2026, "consent[1].id must be text, not 2026"),
    (("consent", 0, "record"), 1, "consent[1].record must be text, not 1"),
    (
        ("consent", 0, "given_by"),
        ["survivor", "mother"],
        'consent[1].given_by[2] must be one of survivor, guardian, welfare_authority, not "mother"',
    ),
    (("consent", 0, "date"), "March", 'consent[1].date must be a date, not "March"'),
    (
        ("consent", 0, "scope"),
        ["web", "print"],
        'consent[1].scope[2] must be one of web, feed, social, photo, not "print"',
    ),
    (("consent", 0, "scope"), "web", "consent[1].scope must be a list of one of web, feed, social, photo"),
    (("consent", 0, "expires"), "never", 'consent[1].expires must be a date, not "never"'),
    (("consent", 0, "withdrawn"), "no", 'consent[1].withdrawn must be true or false, not "no"'),
    (("consent", 0, "guardian"), True, "consent[1].guardian must be text, not True"),
    (("review", "reviewer"), 1, "review.reviewer must be text, not 1"),
    (("review", "date"), "today", 'review.date must be a date, not "today"'),
    (("review", "text_hash"), 1, "review.text_hash must be text, not 1"),
    (("image", "src"), 1, "image.src must be text, not 1"),
    (("image", "alt"), 1, "image.alt must be text, not 1"),
    (("image", "identifiable"), "no", 'image.identifiable must be true or false, not "no"'),
    (
        ("image", "treatment"),
        "blur",
        'image.treatment must be one of back, silhouette, hands, stock, illustration, none, not "blur"',
    ),
    (("image", "caption"), 1, "image.caption must be text, not 1"),
    (("image", "subjects"), "Mona", "image.subjects must be a list of text"),
    (("images", 0, "alt"), 1, "images[1].alt must be text, not 1"),
    (("waivers", 0, "rule"), 1, "waivers[1].rule must be text, not 1"),
    (("waivers", 0, "reviewer"), 1, "waivers[1].reviewer must be text, not 1"),
    (("waivers", 0, "reason"), 1, "waivers[1].reason must be text, not 1"),
    (("aliases",), {"a": 1}, "aliases must be a list of text"),
    (("slug",), 1, "slug must be text, not 1"),
    (("internal_notes",), 1, "internal_notes must be text, not 1"),
]


@pytest.mark.parametrize(("path", "value", "message"), WRONG, ids=[m for _, _, m in WRONG])
def test_every_story_field_is_type_checked(path: tuple[Any, ...], value: Any, message: str) -> None:
    data = valid_story()
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    problems = validate(data, STORY.kind)
    assert [p.message for p in problems] == [message]
    assert problems[0].path[: len(path)] == path  # located at the value (or inside it, for list items)


def test_all_problems_are_reported_at_once() -> None:
    data = valid_story()
    del data["title"]
    data["status"] = "live"
    data["people"][0]["role"] = "hero"
    data["consent"][0]["scope"] = ["print"]
    data["titel"] = "x"
    assert messages(validate(data, STORY.kind)) == [
        (("status",), 'status must be one of draft, review, published, withdrawn, not "live"'),
        (
            ("people", 0, "role"),
            'people[1].role must be one of survivor, relative, accused, staff, official, partner, supporter, not "hero"',
        ),
        (
            ("consent", 0, "scope", 0),
            'consent[1].scope[1] must be one of web, feed, social, photo, not "print"',
        ),
        (("titel",), 'unknown field "titel" in the story\'s front matter'),  # not also: title required
    ]


def test_unknown_keys_get_did_you_mean_or_the_allowed_list() -> None:
    data = valid_story()
    data["people"][0]["minorr"] = True
    data["zzz"] = 1
    found = {p.message: (p.fix, p.at_key) for p in validate(data, STORY.kind)}
    assert found['unknown field "minorr" in people[1]'] == ('did you mean "minor"?', True)
    fix, at_key = found['unknown field "zzz" in the story\'s front matter']
    assert fix.startswith("allowed: aliases, author, consent, date, ") and at_key


def test_required_fields_point_at_their_parent_or_their_empty_key() -> None:
    data = valid_story()
    del data["consent"][0]["record"]
    data["people"][0]["name"] = ""
    problems = validate(data, STORY.kind)
    assert [(p.path, p.message, p.fix, p.at_key) for p in problems] == [
        (
            ("people", 0, "name"),
            '"name" is required in people[1]',
            'add `name: "some words"` (as printed in the text)',
            True,
        ),
        (
            ("consent", 0),
            '"record" is required in consent[1]',
            'add `record: "some words"` (reference to the record kept offline, never the form itself)',
            False,
        ),
    ]


def test_empty_optional_values_are_fine_but_empty_required_ones_are_not() -> None:
    data = valid_story()
    data.update(tags=None, people=None, review=None, image=None, region=None)
    assert validate(data, STORY.kind) == []
    data["title"] = None
    assert messages(validate(data, STORY.kind)) == [
        (("title",), '"title" is required in the story\'s front matter')
    ]


def test_a_single_tag_may_be_written_without_a_list() -> None:
    data = valid_story()
    data["tags"] = "rescue"
    assert validate(data, STORY.kind) == []


def test_moment_accepts_a_date_or_an_offset_datetime_and_datetime_requires_the_offset() -> None:
    assert validate(dt.date(2026, 1, 1), MOMENT) == []
    assert validate(dt.datetime(2026, 1, 1, tzinfo=KOLKATA), MOMENT) == []
    assert messages(validate(dt.date(2026, 1, 1), DATETIME, ("ends",))) == [
        (("ends",), "ends must be a date and time with a time-zone offset, not 2026-01-01")
    ]
    assert messages(validate(dt.datetime(2026, 1, 1), DATETIME, ("ends",))) == [
        (("ends",), "ends has no time-zone offset")
    ]
    assert validate(dt.date(2026, 1, 1), DATE) == []


def test_bools_are_not_numbers_and_numbers_are_not_text() -> None:
    kind = obj({"n": Field(list_of(TEXT)), "e": Field(enum("a", "b"))})
    assert messages(validate({"n": [True], "e": 1}, kind)) == [
        (("n", 0), "n[1] must be text, not True"),
        (("e",), "e must be one of a, b, not 1"),
    ]


def test_a_top_level_value_that_is_not_a_mapping() -> None:
    assert messages(validate(["a"], STORY.kind)) == [
        ((), "the story's front matter must be `key: value` lines")
    ]


def test_page_schema() -> None:
    assert (
        validate(
            {
                "title": "About",
                "summary": "s",
                "slug": "about",
                "nav_order": 2,
                "noindex": True,
                "internal_notes": "n",
            },
            PAGE.kind,
        )
        == []
    )
    assert messages(validate({"title": "About", "nav_order": "2", "autor": "x"}, PAGE.kind)) == [
        (("nav_order",), 'nav_order must be a whole number, not "2"'),
        (("autor",), 'unknown field "autor" in the page\'s front matter'),
    ]
