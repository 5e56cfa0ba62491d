"""Who may be seen where, at a given moment: status, embargo, expiry and consent, per channel.

One function decides for every output (page, listings, tags, regions, related links, feed, sitemap,
social cards), so a story that is out is out everywhere.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.content.model import Story
from generator.content.story_schema import CHANNELS

LIVE = "live"  # published now
EMBARGOED = "embargoed"  # will go live by itself later: checked as if live
HIDDEN = "hidden"  # draft, review: not meant to be public yet
ENDED = "ended"  # withdrawn, unpublished, consent ended or out of scope: removed everywhere
INVALID = "invalid"  # meant to be public but a survivor has no consent: an error, and never published


@dataclass(frozen=True)
class Publication:
    story: Story
    channels: frozenset[str]  # empty when the story is not published at all
    reason: str = ""  # why it is out (or out of a channel), for the build report
    state: str = LIVE

    @property
    def publishing(self) -> bool:
        """Meant to be public now or later: every publication rule applies."""
        return self.state in (LIVE, EMBARGOED, INVALID)

    @property
    def live(self) -> bool:
        return "web" in self.channels

    def on(self, channel: str) -> bool:
        return channel in self.channels


def consent_start(day: dt.date, tz: dt.tzinfo) -> dt.datetime:
    """Consent ends at the start of its `expires` day in the site's time zone (the cautious reading)."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=tz)


def decide(story: Story, at: dt.datetime, tz: dt.tzinfo) -> Publication:
    """Decide where `story` appears at moment `at`."""
    if story.status != "published":
        state = ENDED if story.status == "withdrawn" else HIDDEN
        return Publication(story, frozenset(), f"status is {story.status}", state)
    if story.unpublish_on is not None and story.unpublish_on <= at:
        return Publication(story, frozenset(), f"unpublished since {story.unpublish_on.isoformat()}", ENDED)
    channels = set(CHANNELS)
    for person in story.survivors:
        consent = story.consent_for(person)
        if consent is None:
            return Publication(story, frozenset(), f"no consent recorded for {person.name}", INVALID)
        if consent.withdrawn:
            return Publication(story, frozenset(), f"consent {consent.id} was withdrawn", ENDED)
        if consent_start(consent.expires, tz) <= at:
            return Publication(
                story, frozenset(), f"consent {consent.id} expired on {consent.expires.isoformat()}", ENDED
            )
        channels &= set(consent.scope)
    if "web" not in channels:
        return Publication(story, frozenset(), "consent does not cover the web", ENDED)
    if story.publish_on is not None and story.publish_on > at:
        return Publication(story, frozenset(), f"embargoed until {story.publish_on.isoformat()}", EMBARGOED)
    missing = sorted(set(CHANNELS) - channels)
    reason = ("not consented for: " + ", ".join(missing)) if missing else ""
    return Publication(story, frozenset(channels), reason)


def next_changes(stories: tuple[Story, ...], at: dt.datetime, tz: dt.tzinfo) -> list[tuple[dt.datetime, str]]:
    """Moments after `at` when a story's visibility changes by itself (embargo, expiry, consent)."""
    out: list[tuple[dt.datetime, str]] = []
    for s in stories:
        if s.status != "published":
            continue
        if s.publish_on and s.publish_on > at:
            out.append((s.publish_on, f"{s.path}: embargo lifts"))
        if s.unpublish_on and s.unpublish_on > at:
            out.append((s.unpublish_on, f"{s.path}: unpublish_on reached"))
        for c in s.consent:
            end = consent_start(c.expires, tz)
            if not c.withdrawn and end > at:
                out.append((end, f"{s.path}: consent {c.id} expires"))
    return sorted(out)
