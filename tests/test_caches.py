"""Reused results (serve's memory, the store in .impactsite/ between builds) never change a result:
after any sequence of edits, a warm make() — in memory, as serve does, or through the store, as a new
`build` process does — gives exactly the files and findings of a cold one, and a change anywhere a
rule can see means the rule runs again."""

from __future__ import annotations

import datetime as dt
import pathlib
import shutil

import pytest
from sitekit import AT, approve_story, make_site, story_md, tree

from generator import build, checks
from generator.cache.steps import Steps
from generator.cache.store import Store
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
    return build.make(copy, at)


def serve_steps() -> Steps:
    return Steps(Store.memory(), in_memory=True)


def disk_steps(root: pathlib.Path) -> Steps:
    """What a new `build` process starts from: the site's store on disk."""
    return Steps(Store.open(root / ".impactsite"))


def warm_make(root: pathlib.Path, at: dt.datetime, steps: Steps) -> build.Made:
    made = build.make(root, at, steps=steps)
    steps.finish(success=True)
    return made


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


@pytest.mark.parametrize("kind", ["serve", "store"])
def test_a_warm_make_after_each_edit_equals_a_cold_one(
    site: pathlib.Path, tmp_path: pathlib.Path, kind: str
) -> None:
    memory = serve_steps()

    def warm_steps() -> Steps:
        return memory if kind == "serve" else disk_steps(site)

    same(warm_make(site, AT, warm_steps()), cold(site, tmp_path))
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
        warm = warm_make(site, AT, warm_steps())
        same(warm, cold(site, tmp_path))
        assert warm.files, name


def test_pages_are_reused_only_when_everything_they_show_is_the_same(
    site: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps = serve_steps()
    state = build.MemorySink()
    made = build.make(site, AT, steps=steps, sink=state)
    steps.finish(success=True)
    rendered = rendered_urls(monkeypatch)
    previous = build.MemorySink(made.files, made.produced.digests)
    made = build.make(site, AT, steps=steps, sink=previous)
    steps.finish(success=True)
    assert rendered == []  # nothing changed: every page reused
    edit(site, "content/stories/s3.md", "title: Story 3", "title: A New Title")
    approve_story(site, "content/stories/s3.md")
    build.make(site, AT, steps=steps, sink=build.MemorySink(made.files, made.produced.digests))
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
    steps = serve_steps()
    for day in (AT, AT + dt.timedelta(days=1), AT + dt.timedelta(days=5)):
        warm = warm_make(site, day, steps)
        same(warm, cold(site, tmp_path, day))
        # accepted in review: the decision holds from day to day (it is bound to the consent's date)
        assert [f.rule for f in warm.report.waived] == ["CONSENT-EXPIRING"]


def test_a_new_denylist_term_is_found_in_a_story_whose_checks_were_cached(
    site: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IMPACTSITE_DENYLIST_KEY", "k")
    add_term(site / "safety/denylist.txt", "Nothing Like This", b"k")
    steps = serve_steps()
    warm_make(site, AT, steps)
    build.build(site, AT)
    add_term(site / "safety/denylist.txt", "story 4", b"k")  # already in s4's text
    with pytest.raises(ContentError) as exc:
        build.make(site, AT, steps=steps)
    assert {f.path for f in exc.value.findings if f.rule == "DENYLIST"} == {"content/stories/s4.md"}
    with pytest.raises(ContentError):  # and from the store on disk, in a new process
        build.make(site, AT, steps=disk_steps(site))


def test_a_new_protected_name_is_looked_for_in_pages_scanned_clean_before(
    site: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps = serve_steps()
    warm_make(site, AT, steps)
    # A protected name always fails its own story's checks first, so the scan is a second line:
    # pretend that line is all there is, with a name every page already shows.
    monkeypatch.setattr(checks, "protected_names", lambda stories: {"Story"})
    with pytest.raises(ContentError) as exc:
        build.make(site, AT, steps=steps)
    assert any(f.rule == "OUTPUT-SCAN" for f in exc.value.findings)


def test_a_corrupt_cache_file_is_ignored(site: pathlib.Path, tmp_path: pathlib.Path) -> None:
    build.build(site, AT)
    cache = site / ".impactsite/store.sqlite"
    assert cache.is_file()
    good = cache.read_bytes()
    for damage in (b"", b"{", good[:4096] + b"\xff" * 200 + good[4296:], b"\xff\xfe" * 5000):
        cache.write_bytes(damage)
        steps = disk_steps(site)
        same(warm_make(site, AT, steps), cold(site, tmp_path))


def test_a_failed_make_keeps_what_serve_needs_for_the_next_one(
    site: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps = serve_steps()
    warm_make(site, AT, steps)
    good = (site / "content/stories/s3.md").read_text()
    (site / "content/stories/s3.md").write_text(
        good.replace("title: Story 3", "title: Story 3 changed")
    )  # unapproved
    with pytest.raises(ContentError):
        build.make(site, AT, steps=steps)
    steps.finish(success=False)
    (site / "content/stories/s3.md").write_text(good)
    checked: list[str] = []
    real = checks.check_one
    monkeypatch.setattr(
        checks, "check_one", lambda c, at, p, e, story: checked.append(story.path) or real(c, at, p, e, story)
    )
    build.make(site, AT, steps=steps)
    assert checked == []  # every story's result survived the failed rebuild


def rendered_urls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    rendered: list[str] = []
    real = build.Theme.render

    def spy(self: build.Theme, template: str, **context: object) -> str:
        rendered.append(getattr(context.get("page"), "url", template))
        return real(self, template, **context)

    monkeypatch.setattr(build.Theme, "render", spy)
    return rendered


def test_a_build_renders_only_the_pages_whose_inputs_changed(
    site: pathlib.Path, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build.build(site, AT)
    edit(site, "content/stories/s3.md", "title: Story 3", "title: A New Title")
    approve_story(site, "content/stories/s3.md")
    build.build(site, AT)  # the spare (the build before) now lags by this edit
    edit(site, "content/stories/s3.md", "title: A New Title", "title: Another Title")
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


def test_rendering_never_reads_output(site: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build.build(site, AT)
    edit(site, "content/stories/s3.md", "title: Story 3", "title: A New Title")
    approve_story(site, "content/stories/s3.md")
    real_open = open
    output = str(site / "output")

    def spy(path: object, *args: object, **kwargs: object) -> object:
        assert not str(path).startswith(output + "/"), f"read {path}"
        return real_open(path, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", spy)
    build.build(site, AT)


def test_a_page_changed_in_output_by_hand_is_put_right(
    site: pathlib.Path, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build.build(site, AT)
    edit(site, "content/stories/s3.md", "title: Story 3", "title: A New Title")
    approve_story(site, "content/stories/s3.md")
    build.build(site, AT)
    page = site / "output/stories/s4/index.html"
    page.write_bytes(page.read_bytes().replace(b"</main>", b"<p>added by hand</p></main>"))
    before = "A New Title"
    for title in ("Third Title", "Fourth Title"):  # the hand-edited folder becomes the spare, then staging
        edit(site, "content/stories/s3.md", f"title: {before}", f"title: {title}")
        approve_story(site, "content/stories/s3.md")
        build.build(site, AT)
        before = title
    assert b"added by hand" not in page.read_bytes()
    assert b"added by hand" not in b"".join(tree(site / ".impactsite/spare-output").values())
    assert {p: d for p, d in tree(site / "output").items() if p != ".impactsite-output"} == cold(
        site, tmp_path
    ).files


@pytest.mark.parametrize("damage", ["record", "store"])
def test_a_record_that_does_not_describe_the_spare_is_never_trusted(
    site: pathlib.Path, tmp_path: pathlib.Path, damage: str
) -> None:
    """As after a build killed between publishing and recording, or a spare changed by hand: the
    stamps do not match, so the files are read or written again, never assumed."""
    build.build(site, AT)
    edit(site, "content/stories/s3.md", "title: Story 3", "title: A New Title")
    approve_story(site, "content/stories/s3.md")
    build.build(site, AT)
    spare = site / ".impactsite/spare-output/stories/s0/index.html"
    if damage == "record":
        data = spare.read_bytes()
        assert b"Story 0" in data
        spare.write_bytes(data.replace(b"Story 0", b"Story X"))
    else:
        (site / ".impactsite/store.sqlite").unlink()
    edit(site, "content/stories/s2.md", "story 2.", "story two.")
    approve_story(site, "content/stories/s2.md")
    build.build(site, AT)
    assert {p: d for p, d in tree(site / "output").items() if p != ".impactsite-output"} == cold(
        site, tmp_path
    ).files


def test_a_new_process_reuses_every_step_an_edit_did_not_touch(site: pathlib.Path) -> None:
    """Keys are the same in every process (no hash seed, no object identity in them): after an
    edit, a build in a new process renders and checks the edited story's pages, not the site."""
    import os
    import subprocess
    import sys

    def run(seed: str) -> str:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "generator",
                "--debug",
                "build",
                "--site",
                str(site),
                "--at",
                AT.isoformat(),
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        )
        return next(line for line in result.stderr.splitlines() if line.startswith("steps: "))

    run("1")
    edit(site, "content/stories/s4.md", "story 4.", "story four, longer now.")
    approve_story(site, "content/stories/s4.md")
    work = run("2")
    assert "check-story 1 run/" in work and "body 1 run/" in work
    pages = int(work.split("page ")[1].split(" run")[0])
    files = int(work.split("check-file ")[1].split(" run")[0])
    # Its page and the pages that show it (lists, related cards): rendered again; only the story's
    # own page changed bytes, so only it is checked again.
    assert 0 < pages < 12 and files == 1, work
