"""The command line: exact texts and exit codes (0 ok, 1 content errors, 2 usage)."""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import re

import pytest
from click.testing import CliRunner, Result
from sitekit import REVIEWER, SITE_YAML, STORY, approve_story, loc, make_site, story_md, tree

from generator.cli import main
from generator.content.parse import parse_story, read_source
from generator.safety import ALL_RULES

AT = "2026-11-20T00:00:00Z"
KEY = "cli-test-key-0123456789"


def run(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input, env=env)


@pytest.fixture
def approved(tmp_path: pathlib.Path) -> pathlib.Path:
    root = make_site(tmp_path / "site", {STORY: story_md()})
    approve_story(root)
    return root


def test_build_succeeds_with_exit_0_and_says_what_it_did(approved: pathlib.Path) -> None:
    result = run("build", "--site", str(approved), "--at", AT)
    assert result.exit_code == 0, result.output
    assert re.fullmatch(
        rf"Built 1 stories, 18 files into {re.escape(str(approved / 'output'))} in \d+\.\ds \(0 warning\(s\), 0 waived\)\.\n"
        r"Next change by itself: 2028-03-01T00:00:00\+00:00 \(content/stories/story\.md: consent C-1 expires\); "
        r"rebuild then \(see \.impactsite/next-change\.json\)\.\n",
        result.stdout,
    )
    assert (
        result.stderr == "reading 1 item(s)…\nchecking 1 item(s)…\nrendering 1 item(s)…\nscanning output…\n"
    )


def test_site_may_be_given_before_the_command(approved: pathlib.Path) -> None:
    assert run("--site", str(approved), "build", "--at", AT).exit_code == 0


def test_build_with_content_errors_exits_1_and_lists_them(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path, {STORY: story_md()})
    result = run("build", "--site", str(root), "--at", AT)
    assert result.exit_code == 1
    assert result.stderr.endswith(
        "content/stories/story.md:9:9: SIGNOFF-MISSING: this story has no safeguarding review\n"
        "  fix: ask a safeguarding reviewer to run: impactsite approve content/stories/story.md --reviewer THEIR-HANDLE\n"
        "Stopped: 1 error(s), 0 warning(s); nothing was written.\n"
    )
    assert result.stdout == "" and not (root / "output").exists()


def test_malformed_front_matter_gives_file_line_col_exit_1_and_writes_nothing(approved: pathlib.Path) -> None:
    assert run("build", "--site", str(approved), "--at", AT).exit_code == 0
    before = tree(approved / "output")
    bad = "---\ntitle: A story\nsummary: Rescue: what next\n---\nText.\n"
    (approved / "content/stories/broken.md").write_text(bad)
    result = run("build", "--site", str(approved), "--at", AT)
    assert result.exit_code == 1
    assert result.stderr.endswith(
        "content/stories/broken.md:3:16: FRONT-MATTER: a colon inside a value confuses YAML\n"
        '  fix: put the whole value in double quotes, e.g. title: "Rescue: what happened next"\n'
        "Stopped: 1 error(s), 0 warning(s); nothing was written.\n"
    )
    assert tree(approved / "output") == before


@pytest.mark.parametrize(
    ("at", "message"),
    [
        (
            "nonsense",
            "Error: Invalid value for '--at': 'nonsense' is not a date or date-time; write e.g. 2026-12-01T09:00:00+05:30\n",
        ),
        (
            "2026-11-20T10:00",
            "Error: Invalid value for '--at': '2026-11-20T10:00' has no time-zone offset; write e.g. 2026-11-20T10:00+00:00\n",
        ),
    ],
)
def test_a_bad_at_is_a_usage_error(approved: pathlib.Path, at: str, message: str) -> None:
    result = run("build", "--site", str(approved), "--at", at)
    assert result.exit_code == 2
    assert result.stderr.endswith(message)
    assert not (approved / "output").exists()


def test_a_date_alone_is_midnight_in_the_site_zone(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path, {"site.yaml": SITE_YAML + "timezone: Asia/Kolkata\n"})
    result = run("check", "--site", str(root), "--at", "2026-11-20", "--format", "json")
    assert json.loads(result.stdout)["at"] == "2026-11-20T00:00:00+05:30"


def test_a_folder_without_site_yaml_is_a_usage_error(tmp_path: pathlib.Path) -> None:
    result = run("build", "--site", str(tmp_path))
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"Error: no site.yaml in {tmp_path.resolve()}: run impactsite inside a site folder, or pass --site DIR\n"
    )


def test_an_unknown_option_is_a_usage_error(approved: pathlib.Path) -> None:
    result = run("build", "--site", str(approved), "--bogus")
    assert result.exit_code == 2
    assert result.stderr.endswith("Error: No such option '--bogus'.\n")


def test_a_broken_site_yaml_exits_1_with_its_location(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path, {"site.yaml": SITE_YAML + "titel: x\n"})
    result = run("check", "--site", str(root), "--at", AT)
    assert result.exit_code == 1
    assert result.stderr == (
        'site.yaml:5:1: CONFIG: unknown field "titel" in site.yaml\n  fix: did you mean "title"?\n'
        "Stopped: 1 error(s), 0 warning(s); nothing was written.\n"
    )


def test_check_text(tmp_path: pathlib.Path, approved: pathlib.Path) -> None:
    clean = run("check", "--site", str(approved), "--at", AT)
    assert (clean.exit_code, clean.stdout, clean.stderr) == (0, "0 error(s), 0 warning(s), 0 waived.\n", "")
    text = story_md("TODO: the end.\n")
    root = make_site(tmp_path / "other", {STORY: text})
    result = run("check", "--site", str(root), "--at", AT)
    assert result.exit_code == 1
    assert result.stdout == "2 error(s), 0 warning(s), 0 waived.\n"
    assert result.stderr == (
        f"{loc(text, 'status: |published')}: SIGNOFF-MISSING: this story has no safeguarding review\n"
        "  fix: ask a safeguarding reviewer to run: impactsite approve content/stories/story.md --reviewer THEIR-HANDLE\n"
        f'{loc(text, "|TODO")}: PLACEHOLDER: placeholder "TODO" left in the story\n'
        "  fix: finish or remove this part of the text\n"
    )


def test_check_strict_fails_on_warnings(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path, {STORY: story_md(), "content/stories/notes.txt": "not a story\n"})
    approve_story(root)
    assert (
        run("check", "--site", str(root), "--at", AT).exit_code == 0
    )  # a stray file: a warning, no decision
    strict = run("check", "--site", str(root), "--at", AT, "--strict")
    assert strict.exit_code == 1 and strict.stdout == "0 error(s), 1 warning(s), 0 waived.\n"
    assert run("build", "--site", str(root), "--at", AT, "--strict").exit_code == 1
    assert not (root / "output").exists()


def test_check_json(tmp_path: pathlib.Path) -> None:
    text = story_md()
    root = make_site(tmp_path, {STORY: text})
    result = run("check", "--site", str(root), "--at", AT, "--format", "json")
    assert result.exit_code == 1
    line, column = loc(text, "status: |published").split(":")[1:]
    assert json.loads(result.stdout) == {
        "at": "2026-11-20T00:00:00+00:00",
        "errors": 1,
        "warnings": 0,
        "waived": [],
        "findings": [
            {
                "path": STORY,
                "line": int(line),
                "column": int(column),
                "rule": "SIGNOFF-MISSING",
                "severity": "error",
                "message": "this story has no safeguarding review",
                "fix": "ask a safeguarding reviewer to run: impactsite approve content/stories/story.md --reviewer THEIR-HANDLE",
                "token": json.loads(result.stdout)["findings"][0]["token"],
            }
        ],
    }
    assert len(json.loads(result.stdout)["findings"][0]["token"]) == 16  # what approve --accept takes


def test_check_sarif_lists_every_rule_and_the_results(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path, {STORY: story_md()})
    result = run("check", "--site", str(root), "--at", AT, "--format", "sarif")
    assert result.exit_code == 1
    sarif = json.loads(result.stdout)
    run_ = sarif["runs"][0]
    ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    assert {
        "PEOPLE-MINOR-REAL",
        "CONSENT-MINOR",
        "SIGNOFF-MISSING",
        "DENYLIST",
        "PLACEHOLDER",
        "WAIVER-INVALID",
    } <= set(ids)
    [res] = run_["results"]
    assert res["ruleId"] == "SIGNOFF-MISSING" and ids[res["ruleIndex"]] == "SIGNOFF-MISSING"
    assert res["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": STORY},
        "region": {"startLine": 9, "startColumn": 9},
    }


def test_rules_lists_every_rule() -> None:
    result = run("rules")
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.stdout.splitlines() if line and not line.startswith(" ")]
    assert listed == [r.id for r in ALL_RULES]
    assert "PEOPLE-MINOR-REAL  [error]  a child survivor's real name\n" in result.stdout


def test_new_story_writes_a_draft_skeleton_that_parses_and_passes_check(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path)
    result = run("new", "story", "--site", str(root), 'Rescue: A "Quoted" Title')
    assert result.exit_code == 0
    assert result.stdout == (
        "created content/stories/rescue-a-quoted-title.md: fill it in, then ask a reviewer to run "
        "impactsite approve\n"
        "see it as you write: run impactsite serve and open http://127.0.0.1:8000/stories/rescue-a-quoted-title/\n"
    )
    path = root / "content/stories/rescue-a-quoted-title.md"
    source, findings = read_source("content/stories/rescue-a-quoted-title.md", path.read_bytes())
    assert findings == [] and source is not None
    story, findings = parse_story(source, "rescue-a-quoted-title", dt.UTC)
    assert findings == [] and story is not None
    assert (story.title, story.status, [p.name for p in story.people]) == (
        'Rescue: A "Quoted" Title',
        "draft",
        ["Asha"],
    )
    check = run("check", "--site", str(root))
    assert (check.exit_code, check.stdout) == (0, "0 error(s), 0 warning(s), 0 waived.\n")
    again = run("new", "story", "--site", str(root), 'Rescue: A "Quoted" Title')
    assert again.exit_code == 2
    assert again.stderr == (
        "Error: content/stories/rescue-a-quoted-title.md already exists; choose another title or edit that file\n"
    )


def test_approve(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path, {STORY: story_md()})
    result = run("approve", "--site", str(root), str(root / STORY), "--reviewer", REVIEWER, "--at", AT)
    assert (result.exit_code, result.stdout) == (0, f"approved {STORY} (reviewer {REVIEWER})\n")
    assert run("build", "--site", str(root), "--at", AT).exit_code == 0


def test_approve_refuses_the_author(tmp_path: pathlib.Path) -> None:
    text = story_md()
    root = make_site(tmp_path, {STORY: text})
    result = run("approve", "--site", str(root), str(root / STORY), "--reviewer", "comms-03", "--at", AT)
    assert result.exit_code == 1
    assert result.stderr == (
        f"{loc(text, 'author: |comms-03')}: SIGNOFF-SELF: comms-03 wrote this story and cannot approve it\n"
        "  fix: ask another safeguarding reviewer\n"
        "not approved: fix these first, then approve again: 1 error(s), 0 warning(s); nothing was written.\n"
    )
    assert (root / STORY).read_text() == text


def test_approve_needs_a_reviewer(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path, {STORY: story_md()})
    result = run("approve", "--site", str(root), str(root / STORY))
    assert result.exit_code == 2 and result.stderr.endswith("Error: Missing option '--reviewer'.\n")


def test_redact_add_reads_the_term_from_stdin_and_never_stores_it(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path)
    env = {"IMPACTSITE_DENYLIST_KEY": KEY}
    first = run("redact", "add", "--site", str(root), input="Sunita Devi\n", env=env)
    assert (first.exit_code, first.stdout) == (0, "added; the denylist has 1 entry.\n")
    again = run("redact", "add", "--site", str(root), input="  SUNÍTA devi \n", env=env)
    assert (again.exit_code, again.stdout) == (0, "already listed; the denylist has 1 entry.\n")
    second = run("redact", "add", "--site", str(root), input="Rampur\n", env=env)
    assert second.stdout == "added; the denylist has 2 entries.\n"
    stored = (root / "safety" / "denylist.txt").read_text().lower()
    assert "sunita" not in stored and "rampur" not in stored
    for result in (first, again, second):
        assert "Sunita" not in result.output and "Rampur" not in result.output


def test_redact_add_without_the_key_is_a_usage_error(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path)
    result = run("redact", "add", "--site", str(root), input="Sunita Devi\n")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: set IMPACTSITE_DENYLIST_KEY to the denylist key first "
        "(keep it in your password manager or CI secrets)\n"
    )
    assert not (root / "safety").exists()


def test_redact_check(tmp_path: pathlib.Path) -> None:
    text = story_md("Asha left Rampur at dawn.\n")
    root = make_site(tmp_path, {STORY: text})
    env = {"IMPACTSITE_DENYLIST_KEY": KEY}
    clean = run("redact", "check", "--site", str(root), env=env)
    assert (clean.exit_code, clean.stdout) == (0, "0 denylist problem(s).\n")
    run("redact", "add", "--site", str(root), input="rampur\n", env=env)
    hit = run("redact", "check", "--site", str(root), env=env)
    assert hit.exit_code == 1 and hit.stdout == "1 denylist problem(s).\n"
    assert hit.stderr == (
        f"{loc(text, '|Rampur')}: DENYLIST: a denylisted term (R…) appears in the text\n"
        "  fix: remove it or replace it with a description; if it is in a private note, delete the note too\n"
    )
    no_key = run("redact", "check", "--site", str(root))
    assert no_key.exit_code == 1
    assert no_key.stderr.startswith(
        "safety/denylist.txt:1:1: DENYLIST-KEY: the denylist has 1 entry but "
        "IMPACTSITE_DENYLIST_KEY is not set, so it cannot be checked\n"
    )


def test_an_empty_entry_in_a_list_is_a_located_error_not_a_crash(tmp_path: pathlib.Path) -> None:
    """`consent:` with a lone `-` under it (found by the property test: it raised a TypeError)."""
    text = story_md("Asha found work.\n").replace("consent:\n", "consent:\n  -\n", 1)
    root = make_site(tmp_path, {STORY: text})
    result = run("check", "--site", str(root), "--at", AT)
    assert result.exit_code == 1 and "Traceback" not in result.output
    line = text.splitlines().index("  -") + 1
    assert f"content/stories/story.md:{line}:4: FRONT-MATTER: consent[1] is empty\n" in result.output
    assert "fix: fill in its fields, or delete the line with the lone dash" in result.output


def test_an_empty_entry_in_a_list_of_texts_is_a_located_error_not_a_crash(tmp_path: pathlib.Path) -> None:
    """`aliases:` with a lone `-` under it: the property test found `approve` crashing on it
    (AttributeError on None), and check let it through."""
    text = story_md("Asha found work.\n").replace("---\n", "---\naliases:\n  -\n", 1)
    root = make_site(tmp_path, {STORY: text})
    result = run("check", "--site", str(root), "--at", AT)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "content/stories/story.md:3:4: FRONT-MATTER: aliases[1] is empty\n" in result.output
    assert "fix: write it after the dash, or delete the line" in result.output
    approved = run(
        "approve", "--site", str(root), str(root / STORY), "--reviewer", "safeguarding-01", "--at", AT
    )
    assert approved.exit_code == 1 and "Traceback" not in approved.output
