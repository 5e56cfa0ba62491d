"""Removals always go out (issue 11, item 7), through the command line.

Whatever else stops a build (the DENYLIST error that reveals the leak on the very story being
withdrawn, an unrelated draft with a phone number, a broken site.yaml), a story that must come down
does: the build publishes the previous build without it (nothing new or changed), says so, exits 1,
lists every address whose content changed, and leaves no copy in .impactsite/.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib

import pytest
from click.testing import CliRunner, Result
from sitekit import AT, approve_story, consent, make_site, story_md, tree

from generator.cli import main
from generator.safety.denylist_store import add_term

BASE = "https://stories.example.org"
A = "content/stories/a-new-trade.md"
B = "content/stories/b-back-at-school.md"
KEY = "a-denylist-key-long-enough-to-be-sensible"


@pytest.fixture
def site(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> pathlib.Path:
    monkeypatch.setenv("IMPACTSITE_DENYLIST_KEY", KEY)
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
                consent=[consent(expires=dt.date(2026, 12, 20))],
            ),
        },
    )
    add_term(root / "safety/denylist.txt", "Nobody Listed", KEY.encode())
    approve_story(root, A, B)
    assert run(root).exit_code == 0
    return root


def run(root: pathlib.Path, at: dt.datetime = AT) -> Result:
    return CliRunner().invoke(main, ["build", "--site", str(root), "--at", at.isoformat()])


def edit(root: pathlib.Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def shows(root: pathlib.Path, folder: str, *needles: str) -> list[str]:
    files = tree(root / folder) if (root / folder).is_dir() else {}
    return sorted({p for p, d in files.items() for n in needles if n.encode() in d or n in p})


def assert_b_is_down(root: pathlib.Path, result: Result) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "Internal error" not in result.output
    assert shows(root, "output", "b-back-at-school", "Back at School", "Rina") == []
    assert shows(root, ".impactsite/spare-output", "b-back-at-school", "Back at School", "Rina") == []
    assert "/stories/a-new-trade/" in (root / "output/stories/index.html").read_text()
    assert json.loads((root / ".impactsite/outcome.json").read_text())["outcome"] == "removal-only"
    listed = (root / ".impactsite/takedown.txt").read_text().splitlines()
    assert listed[0] == f"{BASE}/stories/b-back-at-school/"
    for changed in ("/", "/stories/", "/stories/a-new-trade/", "/tags/aftercare/", "/regions/south-asia/"):
        assert f"{BASE}{changed}" in listed, changed
    assert f"{BASE}/feed.xml" in listed and f"{BASE}/sitemap.xml" in listed
    assert "what must come down was" in result.stderr


def test_withdrawing_the_leaking_story_goes_out_despite_its_denylist_error(site: pathlib.Path) -> None:
    edit(site, B, "withdrawn: false", "withdrawn: true")
    edit(site, B, "Rina is back at school.", "Rina Leakname is back at school.")
    add_term(site / "safety/denylist.txt", "Rina Leakname", KEY.encode())
    result = run(site)
    assert "DENYLIST" in result.stderr
    assert_b_is_down(site, result)
    assert "Leakname" not in result.output


def test_an_unrelated_draft_with_a_phone_number_does_not_block_a_withdrawal(site: pathlib.Path) -> None:
    (site / "content/stories/c-draft.md").write_text(
        story_md("Call me on +91 98765 43210.\n", title="A Draft", status="draft")
    )
    edit(site, A, "A New Trade in Pune", "A New Trade in Pune, Edited")  # unapproved: must not go out
    edit(site, B, "withdrawn: false", "withdrawn: true")
    result = run(site)
    assert_b_is_down(site, result)
    assert shows(site, "output", "Edited", "A Draft", "c-draft") == []  # nothing new or changed


def test_consent_expiring_while_the_build_is_broken_still_comes_down(site: pathlib.Path) -> None:
    (site / "content/stories/c-broken.md").write_text("---\ntitle: [never closed\n---\n")
    assert_b_is_down(site, run(site, dt.datetime(2026, 12, 21, tzinfo=dt.UTC)))


def test_unpublish_on_and_a_deleted_file_come_down_too(site: pathlib.Path) -> None:
    (site / "content/stories/c-broken.md").write_text("---\ntitle: [never closed\n---\n")
    edit(site, B, "status: published", "status: published\nunpublish_on: 2026-11-19")
    approve_story(site, B)
    assert_b_is_down(site, run(site))
    (site / B).unlink()
    edit(site, A, "A New Trade in Pune", "A New Trade in Pune, Edited")
    result = run(site)  # nothing more must come down: a plain failure, nothing written
    assert result.exit_code == 1 and "nothing was written" in result.stderr
    assert shows(site, "output", "Edited") == []


def test_a_broken_site_yaml_does_not_block_a_withdrawal(site: pathlib.Path) -> None:
    (site / "site.yaml").write_text((site / "site.yaml").read_text() + "title: [broken\n")
    (site / B).unlink()
    assert_b_is_down(site, run(site))


def test_with_no_record_of_the_previous_build_the_takedown_still_goes_out_failing_closed(
    site: pathlib.Path,
) -> None:
    """A deleted store (no record to re-render from) never blocks a takedown: the story's pages and
    every page that shows it come down, nothing else changes."""
    (site / ".impactsite/store.sqlite").unlink()
    before = tree(site / "output")
    (site / "content/stories/c-broken.md").write_text("---\ntitle: [never closed\n---\n")
    edit(site, B, "withdrawn: false", "withdrawn: true")
    result = run(site)
    assert result.exit_code == 1, result.output
    assert shows(site, "output", "b-back-at-school", "Back at School", "Rina") == []
    after = tree(site / "output")
    assert all(before[p] == d for p, d in after.items())  # nothing new or changed, only less
    assert "assets" in {p.split("/")[0] for p in after}
    assert json.loads((site / ".impactsite/outcome.json").read_text())["outcome"] == "removal-only"
    assert f"{BASE}/stories/b-back-at-school/" in (site / ".impactsite/takedown.txt").read_text()
    assert "no record of the previous build" in result.stderr


def test_a_clean_build_after_the_takedown_publishes_normally(site: pathlib.Path) -> None:
    (site / "content/stories/c-broken.md").write_text("---\ntitle: [never closed\n---\n")
    edit(site, B, "withdrawn: false", "withdrawn: true")
    assert_b_is_down(site, run(site))
    (site / "content/stories/c-broken.md").unlink()
    result = run(site)
    assert result.exit_code == 0, result.output
    assert json.loads((site / ".impactsite/outcome.json").read_text())["outcome"] == "published"
    assert shows(site, "output", "b-back-at-school", "Back at School") == []
