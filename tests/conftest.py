"""Shared fixtures: throwaway sites written from a dict of small texts (absolute paths, no chdir).

The helpers themselves live in `sitekit.py` so test modules can import them (`from sitekit import ...`)
as well as use them as fixtures here: `make_site(tmp_path, files={...})`, `story_md(body, **front_matter)`
(a valid, publishable story; a value of None removes a key), `approve_story(root, *paths)` (runs
`generator.commands.approve.approve(root, [path], "safeguarding-01", AT)`, accepting every warning
with a fixed reason unless `accept=None`), `loc(text, "key: |value")` (the
`path:line:col` a finding there must report) and the fixed clock `AT = 2026-11-20T00:00Z`.
A module cannot import from conftest.py safely: pytest re-imports every conftest under that one name.
"""

from __future__ import annotations

import pathlib
from collections.abc import Callable, Iterator, Mapping

import pytest

pytest.register_assert_rewrite("sitekit")  # its helpers assert; show the values when they fail

import sitekit

MakeSite = Callable[..., pathlib.Path]


@pytest.fixture(autouse=True)
def _quiet_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No key from the developer's shell, no fsync (speed), plain output."""
    monkeypatch.delenv("IMPACTSITE_DENYLIST_KEY", raising=False)
    monkeypatch.setenv("IMPACTSITE_NO_FSYNC", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    yield


@pytest.fixture
def make_site() -> MakeSite:
    """`make_site(tmp_path, files={...})`: write a site (default site.yaml unless given) and return its root."""

    def make(root: pathlib.Path, files: Mapping[str, str | bytes] | None = None) -> pathlib.Path:
        return sitekit.make_site(root, files)

    return make


@pytest.fixture
def write_story() -> Callable[..., pathlib.Path]:
    """`write_story(root, body=..., name="story", **front_matter)`: write a story file and return its path."""

    def write(
        root: pathlib.Path, body: str = sitekit.BODY, name: str = "story", **fields: object
    ) -> pathlib.Path:
        path = root / "content" / "stories" / f"{name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(sitekit.story_md(body, **fields), encoding="utf-8")
        return path

    return write


@pytest.fixture
def approve_story() -> Callable[..., list[str]]:
    """`approve_story(root, "content/stories/x.md", ...)`: approve as safeguarding-01 at AT."""
    return sitekit.approve_story
