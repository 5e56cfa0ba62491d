"""An unchanged rebuild leaves output/ alone, and anything that could change the result forces a full
build: a byte in any input, the moment passing a decision (or midnight), the key, --strict, a file
touched in output/, a corrupt record."""

from __future__ import annotations

import datetime as dt
import json
import os
import pathlib

import pytest
from sitekit import AT, STORY, approve_story, consent, make_site, story_md, tree

from generator import build as build_mod
from generator.build import build
from generator.errors import ContentError
from generator.safety.denylist_store import add_term

RECORD = ".impactsite/up-to-date.json"


def site(tmp_path: pathlib.Path, **overrides: object) -> pathlib.Path:
    root = make_site(tmp_path / "site", {STORY: story_md(**overrides)})
    approve_story(root, STORY)
    return root


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts real builds (make), so a test can tell an up-to-date build from a full one."""
    calls: list[int] = []
    real = build_mod.make

    def counted(*args: object, **kwargs: object) -> build_mod.Made:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(build_mod, "make", counted)
    return calls


def inodes(root: pathlib.Path) -> dict[str, tuple[int, int]]:
    out = root / "output"
    return {
        p.relative_to(out).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in out.rglob("*")
        if p.is_file()
    }


def test_an_unchanged_rebuild_writes_nothing_and_reports_the_same(
    tmp_path: pathlib.Path, renders: list[int]
) -> None:
    root = site(tmp_path, consent=[consent(expires=dt.date(2026, 12, 10))])  # a warning to carry over
    first = build(root, AT)
    before, files = inodes(root), tree(root / "output")
    second = build(root, AT + dt.timedelta(hours=1))
    assert len(renders) == 1
    assert inodes(root) == before and tree(root / "output") == files
    assert second.at == AT + dt.timedelta(hours=1)
    assert (
        second.findings,
        second.waived,
        second.published,
        second.excluded,
        second.files,
        second.next_change,
    ) == (first.findings, first.waived, first.published, first.excluded, first.files, first.next_change)
    assert [f.rule for f in second.waived] == ["CONSENT-EXPIRING"]
    assert (root / ".impactsite/takedown.txt").read_text() == ""


def test_an_unchanged_rebuild_gives_what_a_full_build_would(tmp_path: pathlib.Path) -> None:
    root = site(tmp_path)
    build(root, AT)
    build(root, AT + dt.timedelta(hours=2))  # up to date
    kept = tree(root / "output")
    (root / RECORD).unlink()
    build(root, AT + dt.timedelta(hours=2))  # full
    assert tree(root / "output") == kept


@pytest.mark.parametrize(
    "change", ["story", "new story", "deleted story", "template", "site.yaml", "image", "campaign"]
)
def test_any_changed_input_means_a_full_build(
    tmp_path: pathlib.Path, renders: list[int], change: str
) -> None:
    root = site(tmp_path)
    build(root, AT)
    story = root / STORY
    if change == "story":
        story.write_text(story.read_text().replace("withdrawn: false", "withdrawn: true"))
    elif change == "new story":
        (root / "content/stories/draft.md").write_text(story_md(status="draft", title="Another"))
    elif change == "deleted story":
        story.unlink()
    elif change == "template":
        base = root / "templates" / "base.html"
        base.parent.mkdir(exist_ok=True)
        base.write_text((build_mod.uptodate.DEFAULT_THEME / "base.html").read_text() + "\n")
    elif change == "site.yaml":
        cfg = root / "site.yaml"
        cfg.write_text(cfg.read_text() + "\n# a comment\n")
    elif change == "image":
        (root / "content/images").mkdir(parents=True, exist_ok=True)
        (root / "content/images/unused.png").write_bytes(b"not really")
    elif change == "campaign":
        (root / "content/campaigns").mkdir(parents=True, exist_ok=True)
        (root / "content/campaigns/x.yaml").write_text("nonsense: [\n")
    try:
        report = build(root, AT)
    except ContentError:
        report = None
    assert len(renders) == 2
    if change == "story":
        assert report is not None and report.published == () and not (root / "output/stories/story").exists()
    if change == "deleted story":
        assert report is not None and report.published == ()


def test_a_decision_falling_due_means_a_full_build(tmp_path: pathlib.Path, renders: list[int]) -> None:
    root = site(tmp_path, consent=[consent(expires=dt.date(2026, 11, 25))])
    first = build(root, AT)
    assert first.published and first.next_change is not None
    build(root, AT + dt.timedelta(hours=3))
    assert len(renders) == 1
    gone = build(root, dt.datetime(2026, 11, 25, 0, 0, 1, tzinfo=dt.UTC))  # consent has ended
    assert len(renders) == 2 and gone.published == ()


def test_midnight_and_an_earlier_moment_mean_a_full_build(tmp_path: pathlib.Path, renders: list[int]) -> None:
    root = site(tmp_path)
    build(root, AT + dt.timedelta(hours=12))
    build(root, AT + dt.timedelta(hours=23, minutes=59))
    assert len(renders) == 1
    build(root, AT + dt.timedelta(days=1))  # day counts in messages change at midnight (site zone: UTC)
    assert len(renders) == 2
    build(root, AT + dt.timedelta(hours=1))  # before the recorded build: decisions may differ
    assert len(renders) == 3


def test_a_touched_or_missing_output_file_means_a_full_build(
    tmp_path: pathlib.Path, renders: list[int]
) -> None:
    root = site(tmp_path)
    build(root, AT)
    kept = tree(root / "output")
    page = root / "output/index.html"
    page.write_bytes(page.read_bytes().replace(b"</body>", b"<p>hand edit</p></body>"))
    build(root, AT)
    assert len(renders) == 2 and tree(root / "output") == kept
    (root / "output/robots.txt").unlink()
    build(root, AT)
    assert len(renders) == 3 and tree(root / "output") == kept
    (root / "output/extra.html").write_text("<p>stray</p>")
    build(root, AT)
    assert len(renders) == 4 and tree(root / "output") == kept


@pytest.mark.parametrize("damage", ["garbage", "empty", "wrong format", "missing"])
def test_a_corrupt_or_missing_record_is_never_trusted(
    tmp_path: pathlib.Path, renders: list[int], damage: str
) -> None:
    root = site(tmp_path)
    build(root, AT)
    record = root / RECORD
    if damage == "garbage":
        record.write_bytes(os.urandom(64))
    elif damage == "empty":
        record.write_text("")
    elif damage == "wrong format":
        data = json.loads(record.read_text())
        record.write_text(json.dumps({**data, "format": "something else"}))
    else:
        record.unlink()
    build(root, AT)
    assert len(renders) == 2 and record.is_file()


def test_strict_is_part_of_the_fingerprint(tmp_path: pathlib.Path, renders: list[int]) -> None:
    root = site(tmp_path)
    (root / "content/stories/notes.txt").write_text("not a story\n")  # a warning that only --strict stops
    build(root, AT)
    with pytest.raises(ContentError):
        build(root, AT, strict=True)  # the warning now blocks: never answered from the non-strict record
    assert len(renders) == 2


def test_the_denylist_key_is_part_of_the_fingerprint(
    tmp_path: pathlib.Path, renders: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = site(tmp_path)
    monkeypatch.setenv("IMPACTSITE_DENYLIST_KEY", "key-one")
    add_term(root / "safety/denylist.txt", "Nobody Here", b"key-one")
    build(root, AT)
    monkeypatch.setenv("IMPACTSITE_DENYLIST_KEY", "key-two")
    with pytest.raises(ContentError) as exc:
        build(root, AT)
    assert "DENYLIST-KEY" in {f.rule for f in exc.value.findings}
    assert len(renders) == 2
    assert "key-one" not in (root / RECORD).read_text() and "key-two" not in (root / RECORD).read_text()


def test_a_failed_build_keeps_no_record_that_could_answer_for_it(
    tmp_path: pathlib.Path, renders: list[int]
) -> None:
    root = site(tmp_path)
    build(root, AT)
    story = root / STORY
    good = story.read_text()
    story.write_text(
        good.replace("name_type: pseudonym", "name_type: real", 1).replace("minor: false", "minor: true", 1)
    )
    with pytest.raises(ContentError):
        build(root, AT)
    story.write_text(good)  # back as it was: the old record still describes output/ exactly
    build(root, AT)
    assert len(renders) == 2  # the failed build ran; the restored sources are up to date again


def test_the_cli_says_when_output_was_already_up_to_date(tmp_path: pathlib.Path) -> None:
    from click.testing import CliRunner

    from generator.cli import main

    root = site(tmp_path)
    args = ["build", "--site", str(root), "--at", AT.isoformat()]
    first = CliRunner().invoke(main, args)
    second = CliRunner().invoke(main, args)
    assert first.exit_code == 0 and first.stdout.startswith("Built 1 stories")
    assert second.exit_code == 0 and second.stdout.startswith(
        f"Up to date: nothing has changed since the last build; {root / 'output'} holds its 1 stories, "
    )


def test_the_default_theme_path_matches_the_themes(tmp_path: pathlib.Path) -> None:
    from generator.cache import uptodate
    from generator.render import theme

    assert uptodate.DEFAULT_THEME == theme.DEFAULT_THEME
