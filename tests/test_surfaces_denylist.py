"""Issue 11 item 3, through the command line: the denylist fails closed.

A site that has a denylist can never lose it silently: deleted, emptied, unreadable, without its check
line, a mistyped path, a wrong or short key all stop `check` and `build` with the fix, and the name
is never published. A site that never had one, or switched it off in site.yaml, builds.
"""

from __future__ import annotations

import pathlib

from click.testing import CliRunner, Result
from sitekit import SITE_YAML, STORY, approve_story, make_site, story_md, tree

from generator.cli import main

AT = "2026-11-20T00:00:00Z"
KEY = "fail-closed-test-key-0123456789"
OTHER = "another-key-entirely-0123456789"
BODY = "Asha found work at a bakery in Rampur after months in aftercare.\n"
NAMED = SITE_YAML + "safety:\n  denylist: safety/denylist.txt\n"


def run(*args: str, key: str | None = KEY, input: str | None = None) -> Result:
    env = {"IMPACTSITE_DENYLIST_KEY": key} if key is not None else {"IMPACTSITE_DENYLIST_KEY": ""}
    return CliRunner().invoke(main, list(args), input=input, env=env)


STARTER = "# impactsite denylist v1: HMAC-SHA256 of normalised terms.\ncheck none\n"


def site(tmp_path: pathlib.Path, site_yaml: str = SITE_YAML, body: str = BODY) -> pathlib.Path:
    files = {"site.yaml": site_yaml, STORY: story_md(body)}
    if "denylist.txt" in site_yaml:
        files["safety/denylist.txt"] = STARTER  # a site that names its denylist ships one
    root = make_site(tmp_path / "site", files)
    approve_story(root)
    return root


def add(root: pathlib.Path, term: str, key: str = KEY) -> Result:
    return run("redact", "add", "--site", str(root), key=key, input=term + "\n")


def stopped(root: pathlib.Path, *, key: str | None = KEY) -> str:
    """Run check and build; both must stop, change nothing in output/ and never print the term."""
    before = tree(root / "output") if (root / "output").exists() else None
    check = run("check", "--site", str(root), "--at", AT, key=key)
    build = run("build", "--site", str(root), "--at", AT, key=key)
    assert check.exit_code == 1, check.output
    assert build.exit_code == 1, build.output
    for result in (check, build):
        assert "Rampur" not in result.output
    assert (tree(root / "output") if (root / "output").exists() else None) == before
    return check.output


def test_a_deleted_denylist_stops_the_next_build(tmp_path: pathlib.Path) -> None:
    root = site(tmp_path, body=story_md().split("---\n", 2)[2])
    assert add(root, "Rampur").exit_code == 0
    assert run("build", "--site", str(root), "--at", AT).exit_code == 0  # nothing denylisted yet
    (root / STORY).write_text(story_md(BODY))  # a writer adds the name
    assert "DENYLIST: a denylisted term (" in run("check", "--site", str(root), "--at", AT).output
    (root / "safety" / "denylist.txt").unlink()
    out = stopped(root)
    assert (
        "safety/denylist.txt: DENYLIST-FILE: the denylist the last check used has gone, so nothing could be "
        "checked against it\n  fix: restore it from version control (git checkout -- safety/denylist.txt)"
    ) in out


def test_a_denylist_named_in_site_yaml_must_exist_and_a_typo_is_pointed_out(tmp_path: pathlib.Path) -> None:
    root = site(tmp_path, NAMED)
    assert add(root, "Rampur").exit_code == 0
    (root / "site.yaml").write_text(NAMED.replace("safety/denylist.txt", "safety/denylst.txt"))
    out = stopped(root)
    assert (
        "site.yaml:6:13: DENYLIST-FILE: safety.denylist names safety/denylst.txt, but there is no such file, "
        "so nothing could be checked against it\n"
        "  fix: correct the path (did you mean safety/denylist.txt?)"
    ) in out


def test_an_emptied_denylist_stops(tmp_path: pathlib.Path) -> None:
    root = site(tmp_path)
    assert add(root, "Rampur").exit_code == 0
    (root / "safety" / "denylist.txt").write_text("")
    assert "safety/denylist.txt:1:1: DENYLIST-FILE: the denylist file is empty\n" in stopped(root)


def test_a_denylist_without_its_check_line_and_another_key_stops(tmp_path: pathlib.Path) -> None:
    root = site(tmp_path)
    assert add(root, "Rampur").exit_code == 0
    path = root / "safety" / "denylist.txt"
    path.write_text(
        "".join(line for line in path.read_text().splitlines(True) if not line.startswith("check"))
    )
    out = stopped(root, key=OTHER)
    assert (
        "DENYLIST-FILE: the denylist has no check line, so nobody can tell whether the key is the right one"
        in out
    )
    again = add(root, "Someone Else", key=OTHER)  # and redact add does not repair it with the other key
    assert again.exit_code == 2 and "no check line" in again.output


def test_the_wrong_key_or_a_missing_one_stops(tmp_path: pathlib.Path) -> None:
    root = site(tmp_path)
    assert add(root, "Rampur").exit_code == 0
    assert "DENYLIST-KEY: IMPACTSITE_DENYLIST_KEY is not the key this denylist was made with" in stopped(
        root, key=OTHER
    )
    assert "DENYLIST-KEY: the denylist has 1 entry but IMPACTSITE_DENYLIST_KEY is not set" in stopped(
        root, key=None
    )


def test_a_short_key_is_refused(tmp_path: pathlib.Path) -> None:
    root = site(tmp_path)
    short = add(root, "Rampur", key="secret")
    assert short.exit_code == 2
    assert short.output.startswith(
        "Error: IMPACTSITE_DENYLIST_KEY is only 6 characters long; a denylist key needs at least 16; make one "
        "with python3 -c 'import secrets; print(secrets.token_urlsafe(32))'"
    )
    assert add(root, "Rampur").exit_code == 0
    assert "IMPACTSITE_DENYLIST_KEY is only 6 characters long" in stopped(root, key="secret")


def test_a_denylist_replaced_with_another_keys_stops_until_acknowledged(tmp_path: pathlib.Path) -> None:
    root = site(tmp_path)
    assert add(root, "Rampur").exit_code == 0
    assert run("check", "--site", str(root), "--at", AT).exit_code == 1  # Rampur is in the story
    (root / "safety" / "denylist.txt").unlink()
    assert add(root, "Somewhere Else", key=OTHER).exit_code == 0
    out = stopped(root, key=OTHER)
    assert (
        "DENYLIST-FILE: this denylist was made with a different key from the one the last check used" in out
    )
    (root / ".impactsite" / "denylist.json").unlink()  # the fix, when it was on purpose
    assert run("check", "--site", str(root), "--at", AT, key=OTHER).exit_code == 0


def test_a_new_sites_denylist_needs_no_key_until_its_first_term(tmp_path: pathlib.Path) -> None:
    starter = STARTER
    root = site(tmp_path, NAMED)
    assert run("build", "--site", str(root), "--at", AT, key=None).exit_code == 0
    assert add(root, "Rampur").exit_code == 0
    assert "check none" not in (root / "safety" / "denylist.txt").read_text()
    stopped(root)
    (root / "safety" / "denylist.txt").write_text(starter)  # reset to the starter's: noticed
    assert "DENYLIST-FILE: the denylist was replaced by an empty one since the last check" in stopped(root)


def test_denylist_none_switches_it_off_on_purpose(tmp_path: pathlib.Path) -> None:
    root = site(tmp_path, SITE_YAML + "safety:\n  denylist: none\n")
    assert run("build", "--site", str(root), "--at", AT, key=None).exit_code == 0
    refused = add(root, "Rampur")
    assert refused.exit_code == 2 and "denylist: none" in refused.output


def test_a_site_that_never_had_a_denylist_builds_without_a_key(tmp_path: pathlib.Path) -> None:
    root = site(tmp_path)
    result = run("build", "--site", str(root), "--at", AT, key=None)
    assert result.exit_code == 0, result.output
