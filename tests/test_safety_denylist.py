"""Family 9, the denylist: a never-publish term anywhere in a source is an error, drafts included; a
denylist that cannot be checked stops everything rather than being skipped."""

from __future__ import annotations

import pathlib

import pytest
from sitekit import (
    AT,
    BODY,
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

from generator.build import build
from generator.errors import ContentError
from generator.safety.denylist_store import add_term

KEY = "denylist-test-key"


@pytest.fixture
def key(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("IMPACTSITE_DENYLIST_KEY", KEY)
    return KEY


def denylisted(tmp_path: pathlib.Path, *terms: str) -> dict[str, str]:
    path = tmp_path / "denylist.txt"
    for term in terms:
        add_term(path, term, KEY.encode())
    return {"safety/denylist.txt": path.read_text()}


def test_a_term_in_the_text_fires_even_in_a_draft(tmp_path: pathlib.Path, key: str) -> None:
    text = story_md("Asha left her village, Rampur, at fifteen.\n", status="draft")
    assert story_findings(tmp_path, text, files=denylisted(tmp_path, "Rampur")) == [
        f"{loc(text, '|Rampur')}: DENYLIST: a denylisted term (R…) appears in the text"
    ]


def test_a_term_inside_a_private_note_still_fires(tmp_path: pathlib.Path, key: str) -> None:
    text = story_md(BODY + "<!-- her real name is Sunita Devi -->\n", status="draft")
    assert story_findings(tmp_path, text, files=denylisted(tmp_path, "Sunita Devi")) == [
        f"{loc(text, '|Sunita Devi')}: DENYLIST: a denylisted term (S… D…) appears in the text"
    ]


def test_a_term_in_a_front_matter_field(tmp_path: pathlib.Path, key: str) -> None:
    text = story_md(summary="Asha left Rampur with nothing.", status="draft")
    assert story_findings(tmp_path, text, files=denylisted(tmp_path, "rampur")) == [
        f"{loc(text, 'summary: |Asha left')}: DENYLIST: a denylisted term (R…) appears in summary"
    ]


def test_a_term_in_a_person_entry_is_named_by_its_path(tmp_path: pathlib.Path, key: str) -> None:
    text = story_md(status="draft").replace("name: Anjali Rao", "name: Sunita Devi")
    assert story_findings(tmp_path, text, "DENYLIST", files=denylisted(tmp_path, "Sunita Devi")) == [
        f"{loc(text, 'name: |Sunita Devi')}: DENYLIST: a denylisted term (S… D…) appears in people.1.name"
    ]


def test_a_term_in_the_slug(tmp_path: pathlib.Path, key: str) -> None:
    text = story_md(status="draft", slug="back-from-rampur")
    assert story_findings(tmp_path, text, files=denylisted(tmp_path, "Rampur")) == [
        f"{loc(text, 'slug: |back-from-rampur')}: DENYLIST: a denylisted term (R…) appears in slug"
    ]


def test_a_term_in_the_file_name(tmp_path: pathlib.Path, key: str) -> None:
    root = make_site(
        tmp_path / "site",
        {"content/stories/back-from-rampur.md": story_md(status="draft"), **denylisted(tmp_path, "Rampur")},
    )
    assert heads(check_site(root)) == [
        "content/stories/back-from-rampur.md:1:1: DENYLIST: a denylisted term (R…) appears in the file name"
    ]


def test_near_misses_are_quiet(tmp_path: pathlib.Path, key: str) -> None:
    text = story_md("Asha learnt to program; Ramesh taught her. Devi is a common word in names.\n")
    approved_and_clean(tmp_path, text, files=denylisted(tmp_path, "Ram", "Sunita Devi", "Rampur"))


def test_a_denylist_without_the_key_fails_the_check_and_the_build(tmp_path: pathlib.Path) -> None:
    files = denylisted(tmp_path, "Rampur")
    root = make_site(tmp_path / "site", {STORY: story_md(status="draft"), **files})
    assert story_findings(tmp_path / "again", story_md(status="draft"), files=files) == [
        (
            "safety/denylist.txt:1:1: DENYLIST-KEY: the denylist has 1 entry but IMPACTSITE_DENYLIST_KEY is not set, "
            "so it cannot be checked"
        )
    ]
    with pytest.raises(ContentError) as exc:
        build(root, AT)
    assert [f.rule for f in exc.value.findings] == ["DENYLIST-KEY"]
    assert not (root / "output").exists()


def test_the_wrong_key_fails_too(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = denylisted(tmp_path, "Rampur")
    monkeypatch.setenv("IMPACTSITE_DENYLIST_KEY", "not-the-key-0123456789")
    assert story_findings(tmp_path, story_md(status="draft"), files=files) == [
        "safety/denylist.txt:1:1: DENYLIST-KEY: IMPACTSITE_DENYLIST_KEY is not the key this denylist was made with"
    ]


def test_no_denylist_needs_no_key(tmp_path: pathlib.Path) -> None:
    approved_and_clean(tmp_path, story_md())


def test_a_denylisted_story_is_never_built(tmp_path: pathlib.Path, key: str) -> None:
    root = make_site(tmp_path / "site", {STORY: story_md()})
    approve_story(root)
    (root / "safety").mkdir()
    (root / "safety" / "denylist.txt").write_text(denylisted(tmp_path, "bakery")["safety/denylist.txt"])
    with pytest.raises(ContentError) as exc:
        build(root, AT)
    assert [f.rule for f in exc.value.findings] == ["DENYLIST"]
