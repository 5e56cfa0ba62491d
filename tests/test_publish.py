"""Who may be seen where at a given moment: status, embargo, unpublish_on, consent per channel."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sitekit import AT, STORY, consent, person, story_md, survivor

from generator.content.model import Story
from generator.content.parse import parse_story, read_source
from generator.content.publication import EMBARGOED, ENDED, HIDDEN, INVALID, LIVE, decide, next_changes

UTC = dt.UTC
KOLKATA = dt.timezone(dt.timedelta(hours=5, minutes=30))


def story(tz: dt.tzinfo = UTC, **overrides: Any) -> Story:
    source, findings = read_source(STORY, story_md(**overrides).encode())
    assert source is not None, findings
    parsed, findings = parse_story(source, "story", tz)
    assert parsed is not None, findings
    return parsed


def test_a_published_story_is_live_on_the_channels_its_consent_covers() -> None:
    pub = decide(story(), AT, UTC)
    assert (pub.state, pub.channels, pub.reason) == (
        LIVE,
        frozenset({"web", "feed", "social"}),
        "not consented for: photo",
    )
    assert pub.live and pub.publishing and pub.on("feed") and not pub.on("photo")


def test_a_story_without_survivors_is_on_every_channel() -> None:
    pub = decide(story(people=[person("Anjali Rao", "staff", "real")], consent=None), AT, UTC)
    assert (pub.state, pub.channels, pub.reason) == (LIVE, frozenset({"web", "feed", "social", "photo"}), "")


@pytest.mark.parametrize(("status", "state"), [("draft", HIDDEN), ("review", HIDDEN), ("withdrawn", ENDED)])
def test_status_other_than_published(status: str, state: str) -> None:
    pub = decide(story(status=status), AT, UTC)
    assert (pub.state, pub.channels, pub.reason) == (state, frozenset(), f"status is {status}")
    assert not pub.live and not pub.publishing


def test_an_embargo_holds_until_its_moment_given_by_at() -> None:
    s = story(publish_on=dt.datetime(2026, 11, 20, 9, tzinfo=KOLKATA))  # 03:30 UTC
    before = decide(s, dt.datetime(2026, 11, 20, 3, 29, 59, tzinfo=UTC), UTC)
    assert (before.state, before.live, before.publishing) == (EMBARGOED, False, True)
    assert before.reason == "embargoed until 2026-11-20T09:00:00+05:30"
    assert decide(s, dt.datetime(2026, 11, 20, 3, 30, tzinfo=UTC), UTC).state == LIVE


def test_unpublish_on_ends_the_story_at_its_moment() -> None:
    s = story(unpublish_on=dt.date(2026, 11, 20))
    assert decide(s, AT - dt.timedelta(seconds=1), UTC).state == LIVE
    ended = decide(s, AT, UTC)
    assert (ended.state, ended.channels, ended.reason) == (
        ENDED,
        frozenset(),
        "unpublished since 2026-11-20T00:00:00+00:00",
    )


def test_expired_consent_ends_the_story_at_the_start_of_its_expiry_day_in_the_site_zone() -> None:
    s = story(tz=KOLKATA, consent=[consent(expires=dt.date(2026, 11, 20))])
    start = dt.datetime(2026, 11, 19, 18, 30, tzinfo=UTC)
    assert decide(s, start - dt.timedelta(seconds=1), KOLKATA).state == LIVE
    ended = decide(s, start, KOLKATA)
    assert (ended.state, ended.reason) == (ENDED, "consent C-1 expired on 2026-11-20")


def test_withdrawn_consent_ends_the_story() -> None:
    pub = decide(story(consent=[consent(withdrawn=True)]), AT, UTC)
    assert (pub.state, pub.channels, pub.reason) == (ENDED, frozenset(), "consent C-1 was withdrawn")


def test_withdrawal_wins_over_an_embargo() -> None:
    pub = decide(story(consent=[consent(withdrawn=True)], publish_on=dt.date(2027, 1, 1)), AT, UTC)
    assert pub.state == ENDED and not pub.publishing


def test_a_channel_outside_the_scope_leaves_only_that_channel() -> None:
    pub = decide(story(consent=[consent(scope=["web", "social"])]), AT, UTC)
    assert (pub.state, pub.channels, pub.reason) == (
        LIVE,
        frozenset({"web", "social"}),
        "not consented for: feed, photo",
    )


def test_without_web_consent_the_story_is_out_everywhere() -> None:
    pub = decide(story(consent=[consent(scope=["feed"])]), AT, UTC)
    assert (pub.state, pub.channels, pub.reason) == (ENDED, frozenset(), "consent does not cover the web")


def test_two_survivors_publish_only_where_both_consented() -> None:
    s = story(
        people=[survivor("Asha"), survivor("Rina", consent="C-2")],
        consent=[consent("C-1", scope=["web", "feed"]), consent("C-2", scope=["web", "social"])],
    )
    assert decide(s, AT, UTC).channels == frozenset({"web"})


def test_a_survivor_without_consent_makes_the_story_invalid_and_unpublished() -> None:
    pub = decide(story(people=[survivor(consent=None)]), AT, UTC)
    assert (pub.state, pub.channels, pub.reason, pub.publishing) == (
        INVALID,
        frozenset(),
        "no consent recorded for Asha",
        True,
    )


def test_next_changes_lists_every_future_moment_in_order() -> None:
    s = story(
        publish_on=dt.date(2026, 12, 1),
        unpublish_on=dt.date(2027, 6, 1),
        consent=[
            consent(expires=dt.date(2027, 3, 1)),
            consent("C-old", expires=dt.date(2026, 1, 1)),
            consent("C-gone", withdrawn=True, expires=dt.date(2027, 2, 1)),
        ],
    )
    draft = story(status="draft", publish_on=dt.date(2026, 12, 2))
    assert next_changes((s, draft), AT, UTC) == [
        (dt.datetime(2026, 12, 1, tzinfo=UTC), "content/stories/story.md: embargo lifts"),
        (dt.datetime(2027, 3, 1, tzinfo=UTC), "content/stories/story.md: consent C-1 expires"),
        (dt.datetime(2027, 6, 1, tzinfo=UTC), "content/stories/story.md: unpublish_on reached"),
    ]


def test_next_changes_lists_only_moments_the_output_changes() -> None:
    s = story(consent=[consent(expires=dt.date(2026, 12, 1))])
    assert next_changes((s,), AT, UTC) == [
        (dt.datetime(2026, 12, 1, tzinfo=UTC), "content/stories/story.md: consent C-1 expires")
    ]
