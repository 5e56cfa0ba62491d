"""`approve`: writes the review block for the exact current text, refuses while errors remain."""

from __future__ import annotations

import datetime as dt
import pathlib

import pytest
from sitekit import AT, REVIEWER, STORY, approve_story, check_site, heads, loc, make_site, story_md

from generator.commands.approve import approve
from generator.content.parse import read_source
from generator.errors import ContentError, UsageError
from generator.safety.denylist_store import add_term
from generator.safety.signoff import text_hash


def test_approve_writes_the_review_block_and_nothing_else(tmp_path: pathlib.Path) -> None:
    text = story_md()
    root = make_site(tmp_path, {STORY: text})
    assert heads(check_site(root)) == [
        f"{loc(text, 'status: |published')}: SIGNOFF-MISSING: this story has no safeguarding review"
    ]
    assert approve_story(root) == [STORY]
    after = (root / STORY).read_text()
    source, _ = read_source(STORY, text.encode())
    assert source is not None
    fence = text.index("---\n", 4)
    assert after == (
        text[:fence] + f"review:\n  reviewer: {REVIEWER}\n  date: 2026-11-20\n"
        f'  text_hash: "{text_hash(source)}"\n' + text[fence:]
    )
    assert check_site(root) == []


def test_the_review_date_is_the_day_in_the_site_time_zone(tmp_path: pathlib.Path) -> None:
    root = make_site(
        tmp_path,
        {
            STORY: story_md(),
            "site.yaml": "title: T\nbase_url: https://x.org\norganisation: {name: O}\n"
            "timezone: Asia/Kolkata\n",
        },
    )
    approve_story(root, at=dt.datetime(2026, 11, 20, 20, 0, tzinfo=dt.UTC))
    assert "  date: 2026-11-21\n" in (root / STORY).read_text()


def test_approving_again_replaces_the_review(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path, {STORY: story_md()})
    approve_story(root)
    path = root / STORY
    path.write_text(path.read_text().replace("found work", "found steady work"))
    assert [f.rule for f in check_site(root)] == ["SIGNOFF-STALE"]
    approve_story(root, reviewer="safeguarding-02")
    text = path.read_text()
    assert text.count("review:") == 1 and "reviewer: safeguarding-02" in text and REVIEWER not in text
    assert check_site(root) == []


def test_a_later_edit_voids_the_review_but_scheduling_does_not(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path, {STORY: story_md()})
    approve_story(root)
    path = root / STORY
    approved = path.read_text()
    path.write_text(approved.replace("status: published", "status: draft\npublish_on: 2026-12-01"))
    path.write_text(path.read_text().replace("status: draft", "status: published"))
    assert check_site(root) == []  # status and embargo are scheduling, not text
    path.write_text(approved.replace("Pune, India", "Mumbai, India"))
    assert heads(check_site(root)) == [
        f"{loc(path.read_text(), 'text_hash: |')}: SIGNOFF-STALE: the story changed after {REVIEWER} approved it on 2026-11-20"
    ]


def test_refuses_while_errors_remain_and_writes_nothing(tmp_path: pathlib.Path) -> None:
    text = story_md("TODO: finish this.\n")
    root = make_site(tmp_path, {STORY: text})
    with pytest.raises(ContentError) as exc:
        approve_story(root)
    assert str(exc.value) == "not approved: fix these first, then approve again"
    assert heads(exc.value.findings) == [
        f'{loc(text, "|TODO")}: PLACEHOLDER: placeholder "TODO" left in the story'
    ]
    assert (root / STORY).read_text() == text


def test_refuses_self_approval(tmp_path: pathlib.Path) -> None:
    text = story_md()
    root = make_site(tmp_path, {STORY: text})
    with pytest.raises(ContentError) as exc:
        approve(root, [root / STORY], "Comms-03", AT)
    assert [f.format() for f in exc.value.findings] == [
        (
            f"{loc(text, 'author: |comms-03')}: SIGNOFF-SELF: Comms-03 wrote this story and cannot approve it\n"
            "  fix: ask another safeguarding reviewer"
        )
    ]
    assert (root / STORY).read_text() == text


def test_one_refused_file_means_none_is_approved(tmp_path: pathlib.Path) -> None:
    good, bad = story_md(), story_md("Lorem ipsum.\n")
    root = make_site(tmp_path, {"content/stories/good.md": good, "content/stories/bad.md": bad})
    with pytest.raises(ContentError):
        approve_story(root, "content/stories/good.md", "content/stories/bad.md")
    assert (root / "content/stories/good.md").read_text() == good


def test_refuses_a_file_that_does_not_parse(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path, {STORY: "---\ntitle: [x\n---\n"})
    with pytest.raises(ContentError) as exc:
        approve_story(root)
    assert heads(exc.value.findings) == [f"{STORY}:2:8: FRONT-MATTER: this [ is never closed"]


def test_refuses_while_the_denylist_cannot_be_checked(tmp_path: pathlib.Path) -> None:
    text = story_md()
    root = make_site(tmp_path, {STORY: text})
    add_term(root / "safety" / "denylist.txt", "Sunita Devi", b"k")
    with pytest.raises(ContentError) as exc:
        approve_story(root)
    assert heads(exc.value.findings) == [
        "safety/denylist.txt:1:1: DENYLIST-KEY: the denylist has 1 entry but IMPACTSITE_DENYLIST_KEY is not set, so it cannot be checked"
    ]
    assert (root / STORY).read_text() == text


@pytest.mark.parametrize(
    ("reviewer", "rel", "message"),
    [
        (
            "safe guarding",
            STORY,
            "--reviewer must be a staff handle (letters, digits, . _ - @), e.g. safeguarding-01",
        ),
        (
            REVIEWER,
            "content/notes.md",
            (
                "is not a story, a page, a data file, site.yaml or a download (stories live in "
                "content/stories/, pages in content/pages/, data files in content/campaigns/ and content/data/)"
            ),
        ),
    ],
)
def test_usage_errors(tmp_path: pathlib.Path, reviewer: str, rel: str, message: str) -> None:
    root = make_site(tmp_path, {STORY: story_md(), "content/notes.md": "---\ntitle: About\n---\nx\n"})
    with pytest.raises(UsageError) as exc:
        approve(root, [root / rel], reviewer, AT)
    assert str(exc.value) == (message if rel == STORY else f"{root / rel} {message}")


def test_refuses_a_file_outside_the_site(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path / "site", {STORY: story_md()})
    stray = tmp_path / "stray.md"
    stray.write_text(story_md())
    with pytest.raises(UsageError) as exc:
        approve(root, [stray], REVIEWER, AT)
    assert str(exc.value) == f"{stray} is not inside the site at {root}"


def test_a_review_in_the_middle_of_the_front_matter_is_replaced_in_place(tmp_path: pathlib.Path) -> None:
    text = story_md(
        review={"reviewer": "someone-else", "date": dt.date(2026, 1, 1), "text_hash": "sha256:old"},
        waivers=[
            {
                "rule": "CONSENT-EXPIRING",
                "reviewer": "safeguarding-02",
                "reason": "Renewal is already booked.",
            }
        ],
    )
    root = make_site(tmp_path, {STORY: text})
    approve_story(root)
    after = (root / STORY).read_text()
    assert "someone-else" not in after and "sha256:old" not in after and after.count("review:") == 1
    assert after.index("review:") == text.index("review:")  # where it was
    assert "waivers:" not in after  # it named no text, so it accepted nothing: approve dropped it
    assert check_site(root) == []
