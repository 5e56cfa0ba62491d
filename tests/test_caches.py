"""Cached results (serve's memory, .impactsite/cache/ between builds) never change a result: after any
sequence of edits, a warm make() gives exactly the files and findings of a cold one, and a change
anywhere a rule can see means the rule runs again."""

from __future__ import annotations

import datetime as dt
import pathlib
import shutil

import pytest
from sitekit import AT, approve_story, make_site, story_md, tree

from generator import build
from generator.cache.store import Caches
from generator.errors import ContentError
from generator.safety.denylist_store import add_term

STORIES = {
    f"content/stories/s{i}.md": story_md(
        f"Asha found work, story {i}.\n",
        title=f"Story {i}",
        date=dt.date(2026, 1, 1 + i),
        tags=["livelihoods", "aftercare"] if i % 2 else ["education"],
    )
    for i in range(7)
}


def cold(root: pathlib.Path, tmp: pathlib.Path, at: dt.datetime = AT) -> build.Made:
    """make() on a copy of the site with no cache of any kind."""
    copy = tmp / f"cold-{len(list(tmp.glob('cold-*')))}"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".impactsite", "output"))
    return build.make(copy, at, caches=Caches(None))


def same(warm: build.Made, fresh: build.Made) -> None:
    assert warm.files == fresh.files
    assert warm.report.findings == fresh.report.findings and warm.report.waived == fresh.report.waived


def edit(root: pathlib.Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


@pytest.fixture
def site(tmp_path: pathlib.Path) -> pathlib.Path:
    root = make_site(tmp_path / "site", STORIES)
    approve_story(root, *STORIES)
    return root


def test_a_warm_make_after_each_edit_equals_a_cold_one(site: pathlib.Path, tmp_path: pathlib.Path) -> None:
    caches = Caches(site / ".impactsite" / "cache", in_memory=True)
    same(build.make(site, AT, caches=caches), cold(site, tmp_path))
    steps = [
        ("title", lambda: edit(site, "content/stories/s3.md", "title: Story 3", "title: A New Title")),
        ("body", lambda: edit(site, "content/stories/s4.md", "story 4.", "story four, longer now.")),
        ("tags", lambda: edit(site, "content/stories/s5.md", "tags: [livelihoods", "tags: [housing")),
        ("date", lambda: edit(site, "content/stories/s1.md", "date: 2026-01-02", "date: 2026-02-20")),
        (
            "new",
            lambda: (site / "content/stories/s9.md").write_text(
                story_md("Asha, new.\n", title="Nine", tags=["education"])
            ),
        ),
        ("deleted", lambda: (site / "content/stories/s2.md").unlink()),
        ("withdrawn", lambda: edit(site, "content/stories/s6.md", "withdrawn: false", "withdrawn: true")),
        (
            "template",
            lambda: (
                (site / "templates").mkdir()
                or (site / "templates/story.html").write_text(
                    (build.uptodate.DEFAULT_THEME / "story.html")
                    .read_text()
                    .replace("</article>", "<p>Edited.</p></article>")
                )
            ),
        ),
        ("config", lambda: edit(site, "site.yaml", "title:", "title: Renamed —")),
    ]
    for name, change in steps:
        change()
        rels = [r for r in STORIES if (site / r).exists()] + (
            ["content/stories/s9.md"] if (site / "content/stories/s9.md").exists() else []
        )
        approve_story(site, *rels)
        warm = build.make(site, AT, caches=caches)
        same(warm, cold(site, tmp_path))
        assert warm.files, name


def test_pages_are_reused_only_when_everything_they_show_is_the_same(
    site: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    caches = Caches(None, in_memory=True)
    build.make(site, AT, caches=caches)
    rendered = rendered_urls(monkeypatch)
    build.make(site, AT, caches=caches)
    assert rendered == []  # nothing changed: every page reused
    edit(site, "content/stories/s3.md", "title: Story 3", "title: A New Title")
    approve_story(site, "content/stories/s3.md")
    build.make(site, AT, caches=caches)
    # Its own page, and every list that shows its title: the home page, /stories/, its tags (and the
    # pages of stories that show it as related); never the unrelated rest.
    assert "/stories/s3/" in rendered and "/tags/aftercare/" in rendered and "/tags/livelihoods/" in rendered
    assert (
        "/tags/education/" not in rendered and "/stories/s0/" not in rendered
    )  # s0: education only, nothing shared
    assert len(rendered) < 12


def test_cached_checks_follow_the_day(site: pathlib.Path, tmp_path: pathlib.Path) -> None:
    edit(site, "content/stories/s1.md", "expires: 2028-03-01", "expires: 2026-12-10")
    approve_story(site, "content/stories/s1.md")
    caches = Caches(site / ".impactsite" / "cache", in_memory=True)
    for day in (AT, AT + dt.timedelta(days=1), AT + dt.timedelta(days=5)):
        warm = build.make(site, day, caches=caches)
        same(warm, cold(site, tmp_path, day))
        # accepted in review: the decision holds from day to day (it is bound to the consent's date)
        assert [f.rule for f in warm.report.waived] == ["CONSENT-EXPIRING"]


def test_a_new_denylist_term_is_found_in_a_story_whose_checks_were_cached(
    site: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IMPACTSITE_DENYLIST_KEY", "k")
    add_term(site / "safety/denylist.txt", "Nothing Like This", b"k")
    caches = Caches(site / ".impactsite" / "cache", in_memory=True)
    build.make(site, AT, caches=caches)
    add_term(site / "safety/denylist.txt", "story 4", b"k")  # already in s4's text
    with pytest.raises(ContentError) as exc:
        build.make(site, AT, caches=caches)
    assert {f.path for f in exc.value.findings if f.rule == "DENYLIST"} == {"content/stories/s4.md"}
    with pytest.raises(ContentError):  # and from the cache on disk, in a new process
        build.make(site, AT, caches=Caches(site / ".impactsite" / "cache"))


def test_a_new_protected_name_is_looked_for_in_pages_scanned_clean_before(
    site: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    caches = Caches(site / ".impactsite" / "cache", in_memory=True)
    build.make(site, AT, caches=caches)
    # A protected name always fails its own story's checks first, so the scan is a second line:
    # pretend that line is all there is, with a name every page already shows.
    monkeypatch.setattr(build, "protected_names", lambda stories: {"Story"})
    with pytest.raises(ContentError) as exc:
        build.make(site, AT, caches=caches)
    assert any(f.rule == "OUTPUT-SCAN" for f in exc.value.findings)


def test_a_corrupt_cache_file_is_ignored(site: pathlib.Path, tmp_path: pathlib.Path) -> None:
    build.build(site, AT)
    cache = site / ".impactsite/cache/results.json"
    assert cache.is_file()
    for damage in (
        b"",
        b"{",
        b'{"format": "impactsite-results/1", "checks": {"x": 5}, "clean": {}}',
        b"\xff\xfe",
    ):
        cache.write_bytes(damage)
        same(build.make(site, AT), cold(site, tmp_path))


def test_a_failed_make_keeps_what_serve_needs_for_the_next_one(
    site: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    caches = Caches(None, in_memory=True)
    build.make(site, AT, caches=caches)
    good = (site / "content/stories/s3.md").read_text()
    (site / "content/stories/s3.md").write_text(
        good.replace("title: Story 3", "title: Story 3 changed")
    )  # unapproved
    with pytest.raises(ContentError):
        build.make(site, AT, caches=caches)
    (site / "content/stories/s3.md").write_text(good)
    checked: list[str] = []
    real = build._check_one
    monkeypatch.setattr(
        build, "_check_one", lambda s, at, story: checked.append(story.path) or real(s, at, story)
    )
    build.make(site, AT, caches=caches)
    assert checked == []  # every story's result survived the failed rebuild


def rendered_urls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    rendered: list[str] = []
    real = build.Theme.render

    def spy(self: build.Theme, template: str, **context: object) -> str:
        rendered.append(getattr(context.get("page"), "url", template))
        return real(self, template, **context)

    monkeypatch.setattr(build.Theme, "render", spy)
    return rendered


def test_a_build_reads_back_the_pages_whose_inputs_did_not_change(
    site: pathlib.Path, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build.build(site, AT)
    edit(site, "content/stories/s3.md", "title: Story 3", "title: A New Title")
    approve_story(site, "content/stories/s3.md")
    rendered = rendered_urls(monkeypatch)
    build.build(site, AT)
    assert (
        "/stories/s3/" in rendered and "/tags/education/" not in rendered and "/stories/s0/" not in rendered
    )
    assert len([u for u in rendered if u.startswith("/")]) < 12
    monkeypatch.undo()
    fresh = cold(site, tmp_path)
    assert {p: d for p, d in tree(site / "output").items() if p != ".impactsite-output"} == fresh.files


def test_a_page_changed_in_output_by_hand_is_rendered_again(
    site: pathlib.Path, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build.build(site, AT)
    page = site / "output/stories/s4/index.html"
    page.write_bytes(page.read_bytes().replace(b"</main>", b"<p>added by hand</p></main>"))
    edit(
        site, "content/stories/s3.md", "title: Story 3", "title: A New Title"
    )  # so the build is not "up to date"
    approve_story(site, "content/stories/s3.md")
    rendered = rendered_urls(monkeypatch)
    build.build(site, AT)
    assert "/stories/s4/" in rendered
    monkeypatch.undo()
    assert b"added by hand" not in page.read_bytes()
    assert {p: d for p, d in tree(site / "output").items() if p != ".impactsite-output"} == cold(
        site, tmp_path
    ).files


def test_a_record_that_does_not_describe_output_is_never_trusted(
    site: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    """As after a build killed between publishing and saving its page record: the old record, the
    new output, and sources changed back to what the old record describes."""
    build.build(site, AT)
    record = (site / ".impactsite/cache/pages.json").read_bytes()
    before = (site / "content/stories/s3.md").read_text()
    edit(site, "content/stories/s3.md", "title: Story 3", "title: A New Title")
    approve_story(site, "content/stories/s3.md")
    build.build(site, AT)
    (site / ".impactsite/cache/pages.json").write_bytes(record)
    (site / "content/stories/s3.md").write_text(before)
    build.build(site, AT)
    assert b"A New Title" not in b"".join(tree(site / "output").values())
    assert {p: d for p, d in tree(site / "output").items() if p != ".impactsite-output"} == cold(
        site, tmp_path
    ).files
