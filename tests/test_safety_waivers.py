"""Waivers: a reviewer may accept a warning with a reason; errors cannot be waived; authors cannot waive."""

from __future__ import annotations

import datetime as dt
import pathlib

from sitekit import AT, BODY, STORY, approve_story, consent, loc, make_site, story_findings, story_md

from generator.build import check

EXPIRING = [consent(expires=dt.date(2026, 12, 10))]
REASON = "Renewal meeting with the survivor is booked for 1 December."


def waiver(
    rule: str = "CONSENT-EXPIRING", reviewer: str = "safeguarding-02", reason: str = REASON
) -> list[dict[str, str]]:
    return [{"rule": rule, "reviewer": reviewer, "reason": reason}]


def test_a_waived_warning_disappears_from_the_findings(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path, {STORY: story_md(consent=EXPIRING, waivers=waiver())})
    approve_story(root)
    report = check(root, AT)
    assert report.findings == ()
    assert [(f.rule, f.message) for f in report.waived] == [
        (
            "CONSENT-EXPIRING",
            "consent C-1 expires on 2026-12-10 (in 20 days); the story will then be taken down",
        )
    ]


def test_without_the_waiver_the_warning_is_shown(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path, {STORY: story_md(consent=EXPIRING)})
    approve_story(root)
    assert [f.rule for f in check(root, AT).findings] == ["CONSENT-EXPIRING"]


def test_an_error_cannot_be_waived(tmp_path: pathlib.Path) -> None:
    text = story_md(BODY + "\nTODO: quote.\n", waivers=waiver("PLACEHOLDER"))
    assert story_findings(tmp_path, text) == [
        f"{loc(text, 'status: |published')}: SIGNOFF-MISSING: this story has no safeguarding review",
        f"{loc(text, 'rule: |PLACEHOLDER')}: WAIVER-INVALID: PLACEHOLDER is an error and cannot be waived",
        f'{loc(text, "|TODO:")}: PLACEHOLDER: placeholder "TODO" left in the story',
    ]


def test_an_author_cannot_waive(tmp_path: pathlib.Path) -> None:
    text = story_md(consent=EXPIRING, waivers=waiver(reviewer="comms-03"), status="draft")
    assert story_findings(tmp_path, text) == [
        f"{loc(text, 'reviewer: |comms-03')}: WAIVER-INVALID: a waiver must be recorded by a reviewer, not the story's author"
    ]
    published = story_md(consent=EXPIRING, waivers=waiver(reviewer="comms-03"))
    assert (
        len(story_findings(tmp_path / "p", published, "CONSENT-EXPIRING")) == 1
    )  # the warning is not waived


def test_a_waiver_needs_a_real_reason_and_a_known_rule(tmp_path: pathlib.Path) -> None:
    text = story_md(status="draft", waivers=waiver(reason="ok") + waiver(rule="JIGSAWW"))
    assert story_findings(tmp_path, text) == [
        f"{loc(text, 'reason: |ok')}: WAIVER-INVALID: the waiver's reason is too short to explain the decision",
        f'{loc(text, "rule: |JIGSAWW")}: WAIVER-INVALID: waiver for unknown rule "JIGSAWW"',
    ]


def test_a_valid_waiver_is_quiet(tmp_path: pathlib.Path) -> None:
    assert story_findings(tmp_path, story_md(status="draft", waivers=waiver())) == []
