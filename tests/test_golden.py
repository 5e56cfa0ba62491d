"""The golden site: its whole output compared file by file (names and bytes) with tests/golden/expected/.

After a deliberate change to templates or rendering, regenerate with
    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
and review the diff of tests/golden/expected/ before committing it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import pathlib
import shutil

from sitekit import tree

from generator.build import build

GOLDEN = pathlib.Path(__file__).resolve().parent / "golden"
AT = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30)))


def describe(expected: dict[str, bytes], actual: dict[str, bytes], limit: int = 200) -> str:
    """A readable account of how two output trees differ: missing and extra files, then unified diffs."""
    out: list[str] = []
    for path in sorted(set(expected) - set(actual)):
        out.append(f"missing from the build: {path}")
    for path in sorted(set(actual) - set(expected)):
        out.append(f"not in expected/: {path}")
    for path in sorted(set(expected) & set(actual)):
        if expected[path] == actual[path]:
            continue
        try:
            old, new = expected[path].decode("utf-8"), actual[path].decode("utf-8")
        except UnicodeDecodeError:
            out.append(f"binary file differs: {path} ({len(expected[path])} → {len(actual[path])} bytes)")
            continue
        out += difflib.unified_diff(
            old.splitlines(), new.splitlines(), f"expected/{path}", f"built/{path}", lineterm=""
        )
    if len(out) > limit:
        out = out[:limit] + [f"… {len(out) - limit} more lines"]
    return "\n".join(out)


def test_the_golden_site_builds_exactly_the_expected_files(tmp_path: pathlib.Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(GOLDEN / "site", site, ignore=shutil.ignore_patterns("output", ".impactsite"))
    report = build(site, AT)
    assert report.findings == ()
    assert report.published == (
        "/stories/a-tailoring-business-of-her-own/",
        "/stories/back-in-the-classroom/",
    )
    assert report.excluded == (
        ("content/stories/learning-to-drive-in-dhaka.md", "consent C-2026-027 was withdrawn"),
        ("content/stories/notes-from-a-border-crossing.md", "status is draft"),
    )
    actual = tree(site / "output")
    expected_dir = GOLDEN / "expected"
    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(expected_dir, ignore_errors=True)
        shutil.copytree(site / "output", expected_dir)
    expected = tree(expected_dir)
    assert actual == expected, (
        "the build differs from tests/golden/expected/ (UPDATE_GOLDEN=1 to accept):\n"
        + describe(expected, actual)
    )


def test_the_golden_output_keeps_its_safety_promises() -> None:
    """Independent of the exact bytes: what the golden output must and must not contain."""
    files = {p: d.decode("utf-8", "replace") for p, d in tree(GOLDEN / "expected").items()}
    everything = "\n".join(files.values())
    for secret in (
        "Internal:",
        "Reviewer note",
        "Page note",
        "Nasrin",
        "learning-to-drive",
        "Border Crossing",
        "TODO",
        "comms-0",
        "safeguarding-01",
        "CR-2026",
        "C-2026",
    ):
        assert secret not in everything, secret
    story = files["stories/back-in-the-classroom/index.html"]
    assert "<p>Lata* was still at school" in story and story.count("Lata*") == 1
    assert story.count("*A pseudonym.") == 1
    assert "Lata*" not in files["feed.xml"] and "Lata*" not in files["index.html"]


def test_describe_shows_a_readable_diff() -> None:
    text = describe({"a.html": b"one\ntwo\n", "gone.txt": b""}, {"a.html": b"one\nthree\n", "new.txt": b""})
    assert text.splitlines() == [
        "missing from the build: gone.txt",
        "not in expected/: new.txt",
        "--- expected/a.html",
        "+++ built/a.html",
        "@@ -1,2 +1,2 @@",
        " one",
        "-two",
        "+three",
    ]
