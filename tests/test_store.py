"""Nothing stored can publish what a cold build would not (issue 11 item 8, issue 15 item 2).

Every attack goes through the command line, as someone who can write .impactsite/ (a poisoned CI
cache, a copied folder) would try it: HTML written into a stored body, a stored result from an older
sanitiser, a forged findings entry, inline code that did not come from the theme. `check` writes
nothing; a corrupt store is a note, never an error.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import pathlib
import sqlite3

import pytest
from click.testing import CliRunner, Result
from sitekit import AT, STORY, approve_story, make_site, story_md, tree

from generator.cli import main

BODY = "Asha found work at a bakery after months in aftercare, and she chose every step.\n"


@pytest.fixture
def site(tmp_path: pathlib.Path) -> pathlib.Path:
    root = make_site(tmp_path / "site", {STORY: story_md(BODY)})
    approve_story(root)
    assert build(root).exit_code == 0
    return root


def build(root: pathlib.Path, *extra: str) -> Result:
    return CliRunner().invoke(main, ["build", "--site", str(root), "--at", AT.isoformat(), *extra])


def retitle(root: pathlib.Path, title: str) -> None:
    """Change the story's title only: its page is made again, its body is taken from the store."""
    path = root / STORY
    text = path.read_text()
    path.write_text(text.replace("title: A Fresh Start in Pune", f"title: {title}", 1))
    approve_story(root)


def tamper(root: pathlib.Path, old: bytes, new: bytes) -> int:
    """Replace `old` by `new` (padded to the same length) in every file under .impactsite/."""
    assert len(new) <= len(old)
    new = new + b" " * (len(old) - len(new))
    count = 0
    for path in (root / ".impactsite").rglob("*"):
        if path.is_file() and old in (data := path.read_bytes()):
            path.write_bytes(data.replace(old, new))
            count += 1
    return count


def test_a_script_written_into_a_stored_body_is_never_published(site: pathlib.Path) -> None:
    assert tamper(site, b"found work at a bakery after months", b"<script>alert(1)</script>") > 0
    retitle(site, "A New Title")
    result = build(site)
    assert result.exit_code == 0, result.output
    published = b"".join(tree(site / "output").values())
    assert b"alert(1)" not in published and b"found work at a bakery after months" in published
    assert "failed their authenticity check" in result.stderr


def test_a_new_sanitiser_reaches_stored_bodies(site: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new nh3 (simulated: a version number and a sanitiser that also drops <em>) must re-render
    every body, not serve the old sanitiser's output from the store."""
    import importlib.metadata

    import nh3

    story = site / STORY
    story.write_text(story.read_text().replace("at a bakery", "at a *bakery*"))
    approve_story(site)
    assert build(site).exit_code == 0
    assert b"<em>bakery</em>" in (site / "output/stories/story/index.html").read_bytes()
    real_version, real_cleaner = importlib.metadata.version, nh3.Cleaner

    def version(name: str) -> str:
        return "99.0.0" if name == "nh3" else real_version(name)

    class Stricter:
        def __init__(self, **options: object) -> None:
            self.inner = real_cleaner(**options)

        def clean(self, html: str) -> str:
            return self.inner.clean(html).replace("<em>", "").replace("</em>", "")

    monkeypatch.setattr(importlib.metadata, "version", version)
    monkeypatch.setattr(nh3, "Cleaner", Stricter)
    retitle(site, "A New Title")
    assert build(site).exit_code == 0
    assert b"<em>" not in (site / "output/stories/story/index.html").read_bytes()


def test_a_forged_findings_entry_never_hides_a_finding(site: pathlib.Path) -> None:
    """The attacker knows how keys are made (the code is public) and writes 'no findings' for a
    story with a phone number in it, with a MAC copied from an authentic entry."""
    from generator import checks
    from generator.cache.steps import Steps
    from generator.cache.store import Store
    from generator.content.discover import file_digest

    story = site / STORY
    story.write_text(
        story.read_text().replace("chose every step.", "chose every step. Call +91 98765 43210.")
    )
    steps = Steps(Store.open(site / ".impactsite", readonly=True))
    from generator.build import load_site

    loaded = load_site(site, AT, steps=steps)
    pub = loaded.publications[STORY]
    site_key = checks.site_fingerprint(site, loaded.config, loaded.files)
    parts = (
        site_key,
        STORY,
        file_digest(story.read_bytes()),
        pub.state,
        ",".join(sorted(pub.channels)),
        pub.reason,
    )
    key = steps.key("check-story", *parts, AT.date().isoformat())
    steps.store.close()
    with contextlib.closing(sqlite3.connect(site / ".impactsite/store.sqlite")) as db, db:
        mac = db.execute("SELECT mac FROM small WHERE key LIKE 'check-story:%'").fetchone()[0]
        db.execute("INSERT OR REPLACE INTO small VALUES (?, ?, ?)", (key, b"[[],[]]", mac))
    result = build(site)
    assert result.exit_code == 1
    assert "PHONE" in result.stderr and "SIGNOFF" in result.stderr
    assert "+91 98765 43210" not in tree(site / "output").get("stories/story/index.html", b"").decode()


def test_the_policy_allows_only_inline_code_written_in_the_theme(tmp_path: pathlib.Path) -> None:
    from generator.render.theme import DEFAULT_THEME

    root = make_site(tmp_path / "site", {STORY: story_md(BODY)})
    approve_story(root)
    base = (DEFAULT_THEME / "base.html").read_text()
    (root / "templates").mkdir()
    literal = "<script>document.documentElement.className = 'js';</script>"
    (root / "templates/base.html").write_text(base.replace("</head>", literal + "\n</head>", 1))
    assert build(root).exit_code == 0
    headers = (root / "output/_headers").read_text()
    assert headers.count("'sha256-") == 1  # the theme's own script, by hash
    # A script whose text comes from the page (here: its title) is not the theme's: refused.
    dynamic = "<script>var title = '{{ page.title }}';</script>"
    (root / "templates/base.html").write_text(base.replace("</head>", dynamic + "\n</head>", 1))
    result = build(root)
    assert result.exit_code == 1
    assert "CSP: an inline <script> that is not part of the theme reached this page" in result.stderr


def test_check_writes_nothing(site: pathlib.Path) -> None:
    retitle(site, "A New Title")
    before = {
        p: (d, (site / ".impactsite" / p).stat().st_mtime_ns) for p, d in tree(site / ".impactsite").items()
    }
    result = CliRunner().invoke(main, ["check", "--site", str(site), "--at", AT.isoformat()])
    assert result.exit_code == 0, result.output
    after = {
        p: (d, (site / ".impactsite" / p).stat().st_mtime_ns) for p, d in tree(site / ".impactsite").items()
    }
    assert after == before


@pytest.mark.parametrize("damage", ["garbage", "truncated", "wrong key", "open permissions"])
def test_corrupt_state_is_a_note_and_the_build_is_a_cold_one(site: pathlib.Path, damage: str) -> None:
    store, key = site / ".impactsite/store.sqlite", site / ".impactsite/store.key"
    if damage == "garbage":
        store.write_bytes(b"not a database at all" * 100)
    elif damage == "truncated":
        store.write_bytes(store.read_bytes()[:3000])
    elif damage == "wrong key":
        key.write_text("00" * 32)
    else:
        key.chmod(0o666)
    retitle(site, "A New Title")
    result = build(site)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and "Internal error" not in result.output
    assert "note:" in result.stderr or damage == "truncated"
    cold = make_site(site.parent / "cold", {STORY: (site / STORY).read_text()})
    assert build(cold).exit_code == 0
    assert tree(site / "output") == tree(cold / "output")
    if damage == "open permissions":
        assert key.stat().st_mode & 0o077 == 0


def test_the_store_key_is_private(site: pathlib.Path) -> None:
    assert (site / ".impactsite/store.key").stat().st_mode & 0o777 == 0o600


def test_a_store_key_from_the_environment_is_used_and_never_written(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IMPACTSITE_STORE_KEY", "from-a-ci-secret")
    root = make_site(tmp_path / "site", {STORY: story_md(BODY)})
    approve_story(root)
    assert build(root).exit_code == 0
    assert not (root / ".impactsite/store.key").exists()
    assert "from-a-ci-secret" not in json.dumps([str(p) for p in (root / ".impactsite").rglob("*")])
    _ = dt
