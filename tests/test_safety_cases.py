"""The project's own safety cases (tests/safety_cases/), run as a user would: approve, then build.

Each case folder holds `case.yaml` (what must happen) and a story, in the format of the shared safety
corpus: `leak` (the build stops and no `absent` text reaches output/), `leak-or-strip` (the text never
reaches output/), `exclude` (the build succeeds without the story), `clean` (it builds, with its
`present` text and its pseudonym marked). Optional: `denylist` (terms added with `redact add`), `at`,
and a folder `site/` laid over the site (pages, data files, downloads). The site is this project's
example site without its stories. Every story is approved by a reviewer who accepts no warning.
"""

from __future__ import annotations

import pathlib
import re
import shutil
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main

HERE = pathlib.Path(__file__).parent
CASES = sorted(d for d in (HERE / "safety_cases").iterdir() if (d / "case.yaml").is_file())
PROJECT = HERE.parent
KEY = "impactsite-safety-cases-key-0123456789"
AT = "2026-11-20T00:00:00+00:00"


def _site(tmp: pathlib.Path, case: pathlib.Path) -> pathlib.Path:
    site = tmp / "site"
    site.mkdir(parents=True)
    shutil.copy2(PROJECT / "site.yaml", site / "site.yaml")
    shutil.copytree(PROJECT / "content", site / "content", ignore=shutil.ignore_patterns("stories"))
    for folder in ("templates", "safety"):  # safety/: the denylist site.yaml names, which must exist
        if (PROJECT / folder).is_dir():
            shutil.copytree(PROJECT / folder, site / folder)
    (site / "content" / "stories").mkdir(exist_ok=True)
    for md in case.glob("*.md"):
        shutil.copy2(md, site / "content" / "stories" / md.name)
    if (case / "site").is_dir():
        shutil.copytree(case / "site", site, dirs_exist_ok=True)
    return site


def _output_text(site: pathlib.Path) -> list[tuple[str, str]]:
    out = site / "output"
    files = [p for p in out.rglob("*") if p.is_file()] if out.is_dir() else []
    return [(p.relative_to(out).as_posix().lower(), p.read_bytes().decode("utf-8", "replace")) for p in files]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_safety_case(case: pathlib.Path, tmp_path: pathlib.Path) -> None:
    meta: dict[str, Any] = yaml.safe_load((case / "case.yaml").read_text(encoding="utf-8"))
    site = _site(tmp_path, case)
    run = CliRunner()
    env = {"IMPACTSITE_DENYLIST_KEY": KEY, "NO_COLOR": "1"}
    log = []
    for term in meta.get("denylist", []):
        r = run.invoke(main, ["redact", "add", "--site", str(site)], input=term + "\n", env=env)
        log.append(f"redact add -> {r.exit_code}")
    for story in sorted((site / "content" / "stories").glob("*.md")):
        r = run.invoke(
            main,
            ["approve", str(story), "--reviewer", "safeguarding-01", "--site", str(site), "--at", AT],
            env=env,
        )
        log.append(f"approve {story.name} -> {r.exit_code} {r.output.strip()[-300:]}")
    r = run.invoke(main, ["build", "--site", str(site), "--at", meta.get("at", AT)], env=env)
    log.append(f"build -> {r.exit_code} {r.output.strip()[-600:]}")
    outputs = _output_text(site)
    leaked = [
        t
        for t in meta.get("absent", [])
        for path, text in outputs
        if t.lower() in text.lower() or t.lower() in path
    ]
    kind = meta["kind"]
    trail = "\n".join(log)
    assert not leaked, f"leaked {leaked}\n{trail}"
    if kind == "leak":
        assert r.exit_code == 1, trail
    elif kind in ("clean", "exclude"):
        assert r.exit_code == 0, trail
    if kind == "clean":
        pages = [re.sub(r"<[^>]+>", "", text) for path, text in outputs if path.endswith(".html")]
        for term in meta.get("present", []):
            assert any(term in page for page in pages), f"{term!r} not on any page\n{trail}"
        if meta.get("pseudonym"):
            marked = re.compile(re.escape(meta["pseudonym"]) + r"\s*\*")
            assert any(marked.search(page) for page in pages), f"pseudonym not marked\n{trail}"
