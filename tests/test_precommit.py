"""Before a commit (issue 13, item 4): `.pre-commit-hooks.yaml` runs `impactsite check` on the staged
stories and pages, so a real name is stopped before it enters git history. A real `git commit` with
pre-commit installed, in a temporary repository; the hook's own entry command is run directly too."""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import sys

import pytest
import yaml
from click.testing import CliRunner
from sitekit import AT, STORY, make_site, story_md

from generator.cli import main
from generator.safety.denylist_store import add_term

ROOT = pathlib.Path(__file__).resolve().parents[1]
HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
KEY = "a-key-kept-in-the-password-manager"
LEAK = "Her real name is Sunita Devi and she is fifteen.\n"
SAFE = "She is fifteen and back at school.\n"


def site(tmp_path: pathlib.Path) -> pathlib.Path:
    root = make_site(tmp_path / "site", {"README.md": "A site.\n"})
    add_term(root / "safety" / "denylist.txt", "Sunita Devi", KEY.encode())
    return root


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), env={"IMPACTSITE_DENYLIST_KEY": KEY})
    return result.exit_code, result.output


def test_the_hook_is_impactsite_check_on_staged_stories_and_pages() -> None:
    [hook] = HOOKS
    assert hook["id"] == "impactsite-check" and hook["language"] == "python"
    assert hook["entry"] == "impactsite check --before-commit" and hook["pass_filenames"] is True
    import re

    files = re.compile(hook["files"])
    assert files.search("content/stories/a-story.md") and files.search("content/pages/about.md")
    assert not files.search("content/campaigns/x.yaml") and not files.search("README.md")


def test_the_entry_command_stops_a_name_and_lets_a_story_awaiting_review_through(
    tmp_path: pathlib.Path,
) -> None:
    root = site(tmp_path)
    (root / STORY).parent.mkdir(parents=True, exist_ok=True)
    (root / STORY).write_text(story_md(LEAK, status="draft"))
    entry = HOOKS[0]["entry"].split()[1:]  # what pre-commit runs, with the staged file names after it
    code, out = run("--site", str(root), *entry, str(root / STORY), "--at", AT.isoformat())
    assert code == 1 and "DENYLIST" in out and "Sunita" not in out  # the name itself is never printed
    # Published and waiting for its review: the writer must be able to commit it to ask for one.
    (root / STORY).write_text(story_md(SAFE))
    code, out = run("--site", str(root), *entry, str(root / STORY), "--at", AT.isoformat())
    assert (code, out) == (0, "0 error(s), 0 warning(s), 0 waived.\n")
    code, out = run("--site", str(root), "check", str(root / STORY), "--at", AT.isoformat())
    assert code == 1 and "SIGNOFF-MISSING" in out  # without --before-commit, review counts as usual


def test_only_the_named_files_are_reported(tmp_path: pathlib.Path) -> None:
    root = site(tmp_path)
    other = root / "content/stories/other.md"
    other.parent.mkdir(parents=True, exist_ok=True)
    other.write_text(story_md(LEAK, status="draft"))  # not staged: another writer's problem
    (root / STORY).write_text(story_md(SAFE, status="draft"))
    code, out = run("--site", str(root), "check", "--before-commit", str(root / STORY))
    assert (code, out) == (0, "0 error(s), 0 warning(s), 0 waived.\n")


def git(repo: pathlib.Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=False)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_real_commit_with_a_name_is_refused(tmp_path: pathlib.Path) -> None:
    pre_commit = pathlib.Path(sys.executable).with_name("pre-commit")
    if not pre_commit.exists():
        pytest.skip("pre-commit is not installed (it is in the test extras)")
    root = site(tmp_path)
    env = dict(
        os.environ,
        IMPACTSITE_DENYLIST_KEY=KEY,
        PRE_COMMIT_HOME=str(tmp_path / "cache"),
        GIT_AUTHOR_NAME="Comms Three",
        GIT_AUTHOR_EMAIL="comms-03@example.org",
        GIT_COMMITTER_NAME="Comms Three",
        GIT_COMMITTER_EMAIL="comms-03@example.org",
        PATH=str(pathlib.Path(sys.executable).parent) + os.pathsep + os.environ["PATH"],
    )
    # The hook exactly as .pre-commit-hooks.yaml defines it, run from this checkout's installed
    # impactsite ("system") rather than from a fresh virtualenv that pre-commit would download into.
    hook = dict(HOOKS[0], language="system")
    (root / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]})
    )
    assert git(root, "init", "-q", "-b", "main", env=env).returncode == 0
    assert git(root, "add", "-A", env=env).returncode == 0
    assert git(root, "commit", "-q", "-m", "The site", "--no-verify", env=env).returncode == 0
    installed = subprocess.run(
        [str(pre_commit), "install"], cwd=root, env=env, capture_output=True, text=True, check=False
    )
    assert installed.returncode == 0, installed.stderr
    (root / STORY).parent.mkdir(parents=True, exist_ok=True)
    (root / STORY).write_text(story_md(LEAK, status="draft"))
    git(root, "add", STORY, env=env)
    refused = git(root, "commit", "-m", "A new story", env=env)
    assert refused.returncode == 1
    assert "impactsite check (stories and pages)" in refused.stdout + refused.stderr
    assert "DENYLIST" in refused.stdout + refused.stderr and "Sunita" not in refused.stdout + refused.stderr
    assert git(root, "log", "--format=%s", env=env).stdout == "The site\n"  # nothing entered the history
    (root / STORY).write_text(story_md(SAFE, status="draft"))
    git(root, "add", STORY, env=env)
    done = git(root, "commit", "-m", "A new story", env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert git(root, "log", "--format=%s", env=env).stdout == "A new story\nThe site\n"


@pytest.mark.slow
def test_pre_commit_installs_and_runs_the_hook_from_this_repository(tmp_path: pathlib.Path) -> None:
    """`language: python` for real: pre-commit builds its own environment from this checkout (pip)."""
    pre_commit = pathlib.Path(sys.executable).with_name("pre-commit")
    if not pre_commit.exists() or not (ROOT / ".git").exists():
        pytest.skip("needs pre-commit (test extras) and this repository's git checkout")
    root = site(tmp_path)
    env = dict(os.environ, IMPACTSITE_DENYLIST_KEY=KEY, PRE_COMMIT_HOME=str(tmp_path / "cache"))
    git(root, "init", "-q", "-b", "main", env=env)
    (root / STORY).parent.mkdir(parents=True, exist_ok=True)
    (root / STORY).write_text(story_md(LEAK, status="draft"))
    git(root, "add", "-A", env=env)
    tried = subprocess.run(
        [str(pre_commit), "try-repo", str(ROOT), "impactsite-check", "--files", STORY],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    out = tried.stdout + tried.stderr
    assert tried.returncode == 1, out
    assert "impactsite check (stories and pages)" in out and "Failed" in out and "DENYLIST" in out
    assert "Sunita" not in out
