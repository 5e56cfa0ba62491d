"""The whole pipeline: what a build writes, what it leaves out, what it takes down, and what a failed
build leaves behind (nothing new)."""

from __future__ import annotations

import datetime as dt
import pathlib
import shutil

import pytest
from sitekit import AT, STORY, approve_story, consent, make_site, story_md, tree

from generator.build import build
from generator.errors import ContentError

BASE = "https://stories.example.org"
A, B = "content/stories/a-new-trade.md", "content/stories/b-back-at-school.md"


def two_stories(tmp_path: pathlib.Path, **b_overrides: object) -> pathlib.Path:
    """Two approved stories sharing tags and region, so each links to the other as related."""
    root = make_site(
        tmp_path / "site",
        {
            A: story_md(title="A New Trade in Pune", date=dt.date(2026, 3, 2)),
            B: story_md(
                "Rina is back at school.\n",
                title="Back at School in Nashik",
                date=dt.date(2026, 4, 2),
                summary="Rina is studying for her exams.",
                people=[
                    {
                        "name": "Rina",
                        "role": "survivor",
                        "name_type": "pseudonym",
                        "minor": False,
                        "consent": "C-1",
                    }
                ],
                **b_overrides,
            ),
        },
    )
    approve_story(root, A, B)
    return root


def mentions(files: dict[str, bytes], *needles: str) -> list[str]:
    return sorted(p for p, data in files.items() for n in needles if n.encode() in data or n in p)


def test_a_build_writes_every_page_and_the_state_beside_output(tmp_path: pathlib.Path) -> None:
    root = two_stories(tmp_path)
    report = build(root, AT)
    assert report.published == ("/stories/a-new-trade/", "/stories/b-back-at-school/")
    files = tree(root / "output")
    assert {
        "index.html",
        "404.html",
        "feed.xml",
        "sitemap.xml",
        "robots.txt",
        "stories/index.html",
        "stories/a-new-trade/index.html",
        "stories/b-back-at-school/index.html",
        "tags/index.html",
        "tags/aftercare/index.html",
        "regions/south-asia/index.html",
        ".impactsite-output",
    } <= set(files)
    assert "/stories/b-back-at-school/" in files["stories/a-new-trade/index.html"].decode()  # related
    assert sorted(p.name for p in (root / ".impactsite").iterdir()) == [
        "last-build.json",
        "lock",
        "next-change.json",
        "outcome.json",
        "store.key",
        "store.sqlite",
        "takedown.txt",
        "up-to-date.json",
    ]
    assert (root / ".impactsite" / "takedown.txt").read_text() == ""


def test_withdrawn_consent_removes_the_story_from_every_file_and_lists_it_for_takedown(
    tmp_path: pathlib.Path,
) -> None:
    root = two_stories(tmp_path)
    build(root, AT)
    assert mentions(tree(root / "output"), "b-back-at-school", "Back at School")
    path = root / B
    path.write_text(path.read_text().replace("withdrawn: false", "withdrawn: true"))
    report = build(root, AT)
    files = tree(root / "output")
    assert mentions(files, "b-back-at-school", "Back at School", "Rina") == []
    assert report.takedown == (f"{BASE}/stories/b-back-at-school/",)
    # Every address whose content changed because of the removal is listed after it, for CDN purges:
    # the home page, the lists, its tags and region, the other story's related card, feed, sitemap.
    listed = (root / ".impactsite" / "takedown.txt").read_text().splitlines()
    assert listed[0] == f"{BASE}/stories/b-back-at-school/"
    assert {
        f"{BASE}/",
        f"{BASE}/stories/",
        f"{BASE}/stories/a-new-trade/",
        f"{BASE}/tags/aftercare/",
        f"{BASE}/regions/south-asia/",
        f"{BASE}/feed.xml",
        f"{BASE}/sitemap.xml",
    } <= set(listed[1:])
    assert report.changed == tuple(listed[1:])
    assert report.excluded == ((B, "consent C-1 was withdrawn"),)
    assert "/stories/a-new-trade/" in files["tags/aftercare/index.html"].decode()


def test_expired_consent_removes_the_story_from_every_file(tmp_path: pathlib.Path) -> None:
    root = two_stories(tmp_path, consent=[consent(expires=dt.date(2026, 11, 21))])
    first = build(root, AT)
    assert "/stories/b-back-at-school/" in first.published
    assert [f.rule for f in first.waived] == ["CONSENT-EXPIRING"]  # accepted in review
    assert first.next_change == (dt.datetime(2026, 11, 21, tzinfo=dt.UTC), f"{B}: consent C-1 expires")
    report = build(root, AT + dt.timedelta(days=2))
    assert mentions(tree(root / "output"), "b-back-at-school", "Back at School", "Rina") == []
    assert report.takedown == (f"{BASE}/stories/b-back-at-school/",)


def test_without_feed_consent_the_story_stays_on_the_web_but_out_of_the_feed(tmp_path: pathlib.Path) -> None:
    root = two_stories(tmp_path, consent=[consent(scope=["web", "social"])])
    build(root, AT)
    files = tree(root / "output")
    assert "stories/b-back-at-school/index.html" in files
    assert "/stories/b-back-at-school/" in files["stories/index.html"].decode()
    assert "/stories/b-back-at-school/" in files["sitemap.xml"].decode()
    assert (
        "b-back-at-school" not in files["feed.xml"].decode() and "a-new-trade" in files["feed.xml"].decode()
    )


def test_a_deleted_story_leaves_no_trace(tmp_path: pathlib.Path) -> None:
    root = two_stories(tmp_path)
    build(root, AT)
    (root / B).unlink()
    report = build(root, AT)
    files = tree(root / "output")
    assert mentions(files, "b-back-at-school", "Back at School", "Rina") == []
    assert report.takedown == (f"{BASE}/stories/b-back-at-school/",)
    assert build(root, AT).takedown == ()  # listed once, by the build that took it down


def test_drafts_and_embargoed_stories_are_written_nowhere(tmp_path: pathlib.Path) -> None:
    root = two_stories(tmp_path, publish_on=dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC))
    (root / "content/stories/c-draft.md").write_text(story_md(title="Draft About Somewhere", status="draft"))
    report = build(root, AT)
    assert (
        mentions(tree(root / "output"), "b-back-at-school", "Back at School", "c-draft", "Draft About") == []
    )
    assert report.excluded == (
        (B, "embargoed until 2026-12-01T09:00:00+00:00"),
        ("content/stories/c-draft.md", "status is draft"),
    )
    assert report.next_change == (dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC), f"{B}: embargo lifts")
    build(root, dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC))
    assert "stories/b-back-at-school/index.html" in tree(root / "output")


def test_a_failing_build_leaves_the_previous_output_byte_identical(tmp_path: pathlib.Path) -> None:
    root = two_stories(tmp_path)
    build(root, AT)
    before, state = tree(root / "output"), tree(root / ".impactsite")
    path = root / B
    path.write_text(path.read_text().replace("title: Back at School in Nashik", "title: Back: at School"))
    with pytest.raises(ContentError) as exc:
        build(root, AT)
    assert [f.format().partition("\n")[0] for f in exc.value.findings] == [
        f"{B}:2:12: FRONT-MATTER: a colon inside a value confuses YAML"
    ]
    assert tree(root / "output") == before
    # The reports are unchanged; only the store (results to reuse, never published by themselves) grew.
    assert without_store(tree(root / ".impactsite")) == without_store(state)


def without_store(files: dict[str, bytes]) -> dict[str, bytes]:
    return {p: d for p, d in files.items() if not p.startswith(("store.", "spare-output/"))}


def test_a_first_build_that_fails_creates_no_output(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path, {STORY: story_md()})  # not approved
    with pytest.raises(ContentError):
        build(root, AT)
    assert not (root / "output").exists()
    # The whole build holds the lock; what it computed is kept in the store for the next build.
    assert sorted(p.name for p in (root / ".impactsite").iterdir()) == ["lock", "store.key", "store.sqlite"]


def test_two_builds_with_the_same_at_are_byte_identical_wherever_the_site_lives(
    tmp_path: pathlib.Path,
) -> None:
    root = two_stories(tmp_path)
    build(root, AT)
    first = tree(root / "output")
    build(root, AT)
    assert tree(root / "output") == first
    elsewhere = tmp_path / "copy"
    shutil.copytree(root, elsewhere, ignore=shutil.ignore_patterns("output", ".impactsite"))
    build(elsewhere, AT)
    assert tree(elsewhere / "output") == first


def test_two_files_writing_one_url_is_an_error(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path, {"content/pages/stories.md": "---\ntitle: Stories\n---\nx\n"})
    with pytest.raises(ContentError) as exc:
        build(root, AT)
    assert [f.format() for f in exc.value.findings] == [
        (
            "content/pages/stories.md:1:1: URL-CLASH: content/pages/stories.md and content/stories both produce /stories/index.html\n"
            "  fix: give one of them a different file name or slug"
        )
    ]


def test_the_example_site_builds_clean(tmp_path: pathlib.Path) -> None:
    repo = pathlib.Path(__file__).resolve().parent.parent
    site = tmp_path / "example"
    shutil.copytree(repo / "content", site / "content")
    shutil.copy(repo / "site.yaml", site / "site.yaml")
    if (repo / "safety").is_dir():
        shutil.copytree(repo / "safety", site / "safety")
    report = build(site, AT)
    assert report.findings == () and len(report.published) >= 6


def test_pseudonym_marks_in_titles_and_feed_only_when_configured(tmp_path: pathlib.Path) -> None:
    root = two_stories(tmp_path)
    path = root / B
    path.write_text(
        path.read_text().replace("title: Back at School in Nashik", "title: Rina Goes Back to School")
    )
    approve_story(root, B)
    build(root, AT)
    story = (root / "output/stories/b-back-at-school/index.html").read_text()
    feed = (root / "output/feed.xml").read_text()
    assert "<h1>Rina Goes Back to School</h1>" in story and "<title>Rina Goes Back to School</title>" in feed
    site = root / "site.yaml"
    site.write_text(site.read_text() + "pseudonyms:\n  in_titles: true\n  in_feed: true\n")
    build(root, AT)
    story = (root / "output/stories/b-back-at-school/index.html").read_text()
    feed = (root / "output/feed.xml").read_text()
    assert "<h1>Rina* Goes Back to School</h1>" in story
    assert '<meta property="og:title" content="Rina Goes Back to School">' in story  # social cards stay plain
    assert (
        "<title>Rina* Goes Back to School</title>" in feed
        and "<summary>Rina* is studying for her exams.</summary>" in feed
    )
