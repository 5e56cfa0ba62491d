"""Family 4, sign-off: a published story needs a review by someone other than its author, of the
exact current text."""

from __future__ import annotations

import pathlib

from sitekit import (
    REVIEWER,
    STORY,
    approve_story,
    approved_and_clean,
    check_site,
    heads,
    loc,
    make_site,
    story_findings,
    story_md,
)


def test_a_published_story_without_review(tmp_path: pathlib.Path) -> None:
    text = story_md()
    assert story_findings(tmp_path, text) == [
        f"{loc(text, 'status: |published')}: SIGNOFF-MISSING: this story has no safeguarding review"
    ]


def test_a_draft_needs_no_review_yet(tmp_path: pathlib.Path) -> None:
    assert story_findings(tmp_path, story_md(status="draft")) == []


def test_a_review_by_the_author(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path, {STORY: story_md()})
    approve_story(root)
    path = root / STORY
    path.write_text(path.read_text().replace(f"reviewer: {REVIEWER}", "reviewer: Comms-03"))
    assert heads(check_site(root)) == [
        f"{loc(path.read_text(), 'reviewer: |Comms-03')}: SIGNOFF-SELF: the story was approved by its own author (comms-03)"
    ]


def test_a_review_by_someone_else(tmp_path: pathlib.Path) -> None:
    approved_and_clean(tmp_path, story_md())


def test_an_edit_after_review(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path, {STORY: story_md()})
    approve_story(root)
    path = root / STORY
    path.write_text(path.read_text().replace("name: Anjali Rao", "name: Anjali Rao-Mehta"))
    assert heads(check_site(root)) == [
        f"{loc(path.read_text(), 'text_hash: |')}: SIGNOFF-STALE: the story changed after {REVIEWER} approved it on 2026-11-20"
    ]


def test_trailing_whitespace_and_internal_notes_do_not_void_the_review(tmp_path: pathlib.Path) -> None:
    root = approved_and_clean(tmp_path, story_md())
    path = root / STORY
    text = path.read_text().replace("aftercare.\n", "aftercare.   \n")
    path.write_text(
        text.replace("status: published", "status: published\ninternal_notes: call back in May") + "\n\n"
    )
    assert check_site(root) == []


def test_swapping_a_declared_image_after_review_voids_it(tmp_path: pathlib.Path) -> None:
    from PIL import Image

    image = {
        "src": "images/cup.png",
        "alt": "A cup of tea on a table",
        "identifiable": False,
        "treatment": "illustration",
        "caption": "Illustration, not the survivor.",
    }
    root = make_site(tmp_path, {STORY: story_md(image=image)})
    (root / "content" / "images").mkdir()
    Image.new("RGB", (40, 30), (200, 180, 150)).save(root / "content" / "images" / "cup.png")
    approve_story(root)
    assert check_site(root) == []
    Image.new("RGB", (40, 30), (20, 20, 20)).save(
        root / "content" / "images" / "cup.png"
    )  # a different picture
    path = root / STORY
    assert heads(check_site(root)) == [
        f"{loc(path.read_text(), 'text_hash: |')}: SIGNOFF-STALE: the story changed after {REVIEWER} approved it on 2026-11-20"
    ]
