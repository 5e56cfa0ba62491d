"""A warning is a decision (issue 12, item 3): on anything being published, every warning needs a
reviewer's recorded decision or the build stops; `approve` shows each warning and records decisions
bound to the text they accepted; errors are never waivable. Through the command line, as people use it."""

from __future__ import annotations

import datetime as dt
import os
import pathlib
import pty
import select
import subprocess
import sys

import yaml
from click.testing import CliRunner, Result
from sitekit import AT, BODY, STORY, consent, loc, make_site, story_findings, story_md

from generator.build import check
from generator.cli import main
from generator.content.model import Waiver
from generator.findings import Finding, Severity, warning
from generator.safety.waivers import apply_waivers

WHEN = AT.isoformat()
REASON = "Renewal meeting with the survivor is booked for 1 December."
NAMED = BODY + "\nRavi Kumar, a neighbour, drove her to the training centre.\n"


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input)


def warnings_of(root: pathlib.Path) -> list[Finding]:
    return [f for f in check(root, AT).findings if f.severity is Severity.WARNING]


def front(root: pathlib.Path) -> dict:
    text = (root / STORY).read_text()
    return yaml.safe_load(text.split("---\n")[1])


def test_a_warning_stops_the_build_until_a_reviewer_decides(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path, {STORY: story_md(NAMED)})
    [name] = warnings_of(root)
    assert name.rule == "UNDECLARED-NAME" and name.token
    # No --strict: an undecided warning on a story being published stops the build by itself.
    result = run("build", "--site", str(root), "--at", WHEN)
    assert result.exit_code == 1
    text = (root / STORY).read_text()
    assert (
        f"{loc(text, 'status: |published')}: DECISION-MISSING: 1 warning here needs a safeguarding "
        "reviewer's decision before this can be published\n"
        "  fix: fix it, or ask a safeguarding reviewer to read it and run: impactsite approve "
        "content/stories/story.md --reviewer THEIR-HANDLE\n"
    ) in result.stderr
    assert not (root / "output").exists()
    # A script without a decision: refused, nothing written, and told exactly how to accept it.
    refused = run(
        "approve", "--site", str(root), str(root / STORY), "--reviewer", "safeguarding-01", "--at", WHEN
    )
    assert refused.exit_code == 1
    assert f"--accept UNDECLARED-NAME:{name.token}" in refused.stderr
    assert "not approved: every warning needs a decision" in refused.stderr
    assert (root / STORY).read_text() == text
    ok = run(
        "approve", "--site", str(root), str(root / STORY), "--reviewer", "safeguarding-01", "--at", WHEN,
        "--accept", f"UNDECLARED-NAME:{name.token}", "--reason", "A neighbour who asked to be named in the story.",
    )  # fmt: skip
    assert ok.exit_code == 0, ok.output
    assert ok.stdout == "approved content/stories/story.md (reviewer safeguarding-01)\n"
    assert front(root)["waivers"] == [
        {
            "rule": "UNDECLARED-NAME",
            "tokens": [name.token],
            "reviewer": "safeguarding-01",
            "date": dt.date(2026, 11, 20),
            "reason": "A neighbour who asked to be named in the story.",
        }
    ]
    built = run("build", "--site", str(root), "--at", WHEN)
    assert built.exit_code == 0, built.output
    assert "(0 warning(s), 1 waived)" in built.stdout


def test_new_text_raising_the_same_rule_needs_a_new_decision(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path, {STORY: story_md(NAMED)})
    [first] = warnings_of(root)
    args = ["approve", "--site", str(root), str(root / STORY), "--reviewer", "safeguarding-01", "--at", WHEN]
    accept_first = [
        "--accept",
        f"UNDECLARED-NAME:{first.token}",
        "--reason",
        "A neighbour who agreed to be named.",
    ]
    assert run(*args, *accept_first).exit_code == 0
    path = root / STORY
    path.write_text(path.read_text() + "Sunil Verma, her cousin's friend, found the flat.\n")
    rules = sorted(f.rule for f in check(root, AT).findings)
    assert rules == ["DECISION-MISSING", "SIGNOFF-STALE", "UNDECLARED-NAME"]
    [second] = warnings_of(root)
    assert second.token != first.token  # same rule, new text: the old decision does not cover it
    assert run("build", "--site", str(root), "--at", WHEN).exit_code == 1
    again = run(*args)  # the old decision is shown and kept; only the new warning is asked for
    assert again.exit_code == 1
    assert (
        "already accepted by safeguarding-01 on 2026-11-20: A neighbour who agreed to be named."
        in again.stderr
    )
    assert f"--accept UNDECLARED-NAME:{second.token}" in again.stderr
    assert f"UNDECLARED-NAME:{first.token}" not in again.stderr
    done = run(
        *args,
        "--accept",
        f"UNDECLARED-NAME:{second.token}",
        "--reason",
        "A family friend; named with consent.",
    )
    assert done.exit_code == 0, done.output
    assert [w["tokens"] for w in front(root)["waivers"]] == [[first.token], [second.token]]
    assert run("build", "--site", str(root), "--at", WHEN).exit_code == 0


def test_a_decision_on_text_that_is_gone_is_dropped(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path, {STORY: story_md(NAMED)})
    [name] = warnings_of(root)
    args = ["approve", "--site", str(root), str(root / STORY), "--reviewer", "safeguarding-01", "--at", WHEN]
    assert (
        run(
            *args, "--accept", f"UNDECLARED-NAME:{name.token}", "--reason", "A neighbour, named with consent."
        ).exit_code
        == 0
    )
    path = root / STORY
    path.write_text(path.read_text().replace("Ravi Kumar, a neighbour,", "A neighbour"))
    assert run(*args).exit_code == 0
    assert "waivers" not in front(root)


def test_errors_can_never_be_waived(tmp_path: pathlib.Path) -> None:
    hand = [
        {
            "rule": "PLACEHOLDER",
            "tokens": ["0123456789abcdef"],
            "reviewer": "safeguarding-02",
            "reason": REASON,
        }
    ]
    text = story_md(BODY + "\nTODO: quote.\n", waivers=hand)
    assert story_findings(tmp_path, text) == [
        f"{loc(text, 'status: |published')}: SIGNOFF-MISSING: this story has no safeguarding review",
        f"{loc(text, 'rule: |PLACEHOLDER')}: WAIVER-INVALID: PLACEHOLDER is an error and cannot be waived",
        f'{loc(text, "|TODO:")}: PLACEHOLDER: placeholder "TODO" left in the story',
    ]
    root = make_site(tmp_path / "cli", {STORY: story_md(BODY + "\nTODO: quote.\n")})
    [todo] = [f for f in check(root, AT).findings if f.rule == "PLACEHOLDER"]
    result = run(
        "approve", "--site", str(root), str(root / STORY), "--reviewer", "safeguarding-01", "--at", WHEN,
        "--accept", f"PLACEHOLDER:{todo.token}", "--reason", "We really want to publish it as it is.",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "PLACEHOLDER" in result.stderr and "not approved: fix these first" in result.stderr
    # An error finding is never set aside, whatever a waiver says.
    err = Finding(STORY, 3, 1, "X", Severity.ERROR, "m", token="t")
    assert apply_waivers([err], [Waiver("X", "safeguarding-02", REASON, tokens=("t",))], "comms-03") == (
        [err],
        [],
    )


def test_drafts_show_warnings_without_stopping(tmp_path: pathlib.Path) -> None:
    hand = [{"rule": "CONSENT-EXPIRING", "reviewer": "safeguarding-02", "reason": REASON}]  # accepts nothing
    expiring = [consent(expires=dt.date(2026, 12, 10))]
    root = make_site(tmp_path, {STORY: story_md(NAMED, status="draft", consent=expiring, waivers=hand)})
    assert [f.rule for f in check(root, AT).findings] == ["WAIVER-INVALID"]
    root = make_site(tmp_path / "b", {STORY: story_md(NAMED, status="draft", consent=expiring)})
    assert run("build", "--site", str(root), "--at", WHEN).exit_code == 0


def test_a_decision_counts_only_from_a_reviewer_with_a_reason_and_the_text(tmp_path: pathlib.Path) -> None:
    w = warning(STORY, 9, 1, "UNDECLARED-NAME", "m")
    w = Finding(w.path, w.line, w.column, w.rule, w.severity, w.message, token="abc")
    good = Waiver("UNDECLARED-NAME", "safeguarding-02", REASON, tokens=("abc",))
    assert apply_waivers([w], [good], "comms-03") == ([], [w])
    for bad in (
        Waiver("UNDECLARED-NAME", "Comms-03", REASON, tokens=("abc",)),  # the author
        Waiver("UNDECLARED-NAME", "safeguarding-02", "ok", tokens=("abc",)),  # no real reason
        Waiver("UNDECLARED-NAME", "safeguarding-02", REASON),  # no text: accepts nothing
        Waiver("UNDECLARED-NAME", "safeguarding-02", REASON, tokens=("abd",)),  # other text
        Waiver("DATE-EXACT", "safeguarding-02", REASON, tokens=("abc",)),  # other rule
    ):
        assert apply_waivers([w], [bad], "comms-03") == ([w], []), bad
    assert apply_waivers([w], [good], None) == ([], [w])  # a page without an author


def test_hand_written_waivers_are_explained(tmp_path: pathlib.Path) -> None:
    old = [{"rule": "CONSENT-EXPIRING", "reviewer": "comms-03", "reason": "ok"}]
    text = story_md(status="draft", consent=[consent(expires=dt.date(2026, 12, 10))], waivers=old)
    assert story_findings(tmp_path, text) == [
        f"{loc(text, '- |rule: CONSENT-EXPIRING')}: WAIVER-INVALID: this waiver does not say which text it accepted, so it accepts nothing",
        f"{loc(text, 'reviewer: |comms-03')}: WAIVER-INVALID: a waiver must be recorded by a reviewer, not by the author",
        f"{loc(text, 'reason: |ok')}: WAIVER-INVALID: the waiver's reason is too short to explain the decision",
    ]  # (a draft: CONSENT-EXPIRING itself is checked only once the story is being published)


def test_decisions_from_a_file(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path, {STORY: story_md(NAMED)})
    [name] = warnings_of(root)
    decisions = tmp_path / "decisions.yaml"
    decisions.write_text(
        yaml.safe_dump(
            [{"rule": name.rule, "token": name.token, "reason": "A neighbour, named with consent."}]
        )
    )
    result = run(
        "approve", "--site", str(root), str(root / STORY), "--reviewer", "safeguarding-01", "--at", WHEN,
        "--decisions", str(decisions),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert front(root)["waivers"][0]["reason"] == "A neighbour, named with consent."


def test_accept_needs_a_reason(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path, {STORY: story_md(NAMED)})
    result = run("approve", "--site", str(root), str(root / STORY), "--reviewer", "r-1", "--accept", "X:abc")
    assert result.exit_code == 2
    assert result.stderr == 'Error: --accept needs --reason "why these warnings are acceptable"\n'


def _talk(argv: list[str], answers: list[tuple[str, str]], cwd: pathlib.Path) -> tuple[int, str]:
    """Run the command on a pseudo-terminal; answer each prompt when its text appears."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: the command, with the terminal as its stdin, stdout and stderr
        os.chdir(cwd)
        os.environ["NO_COLOR"] = "1"
        os.execv(sys.executable, [sys.executable, "-m", "generator", *argv])
    seen = b""
    pending = list(answers)
    while True:
        ready, _, _ = select.select([fd], [], [], 60)
        if not ready:
            os.kill(pid, 9)
            raise AssertionError("no output for 60 s:\n" + seen.decode(errors="replace"))
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        while pending and pending[0][0].encode() in seen.rsplit(b"\n", 1)[-1]:
            os.write(fd, pending.pop(0)[1].encode() + b"\r")
            seen += b"\n"
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), seen.decode(errors="replace").replace("\r\n", "\n")


def test_on_a_terminal_approve_asks_for_each_warning(tmp_path: pathlib.Path) -> None:
    two = NAMED + "Sunil Verma, her cousin's friend, found the flat.\n"
    root = make_site(tmp_path, {STORY: story_md(two)})
    first, second = sorted(warnings_of(root), key=lambda f: f.line)
    argv = ["approve", "--site", str(root), STORY, "--reviewer", "safeguarding-01", "--at", WHEN]
    code, out = _talk(
        argv,
        [
            ("Accept this warning for this text? [y/N]", "y"),
            ("no names or places):", "short"),  # too short: asked again
            ("no names or places):", "A neighbour who asked to be named."),
            ("Accept this warning for this text? [y/N]", "n"),
        ],
        root,
    )
    assert code == 1, out
    assert f"{first.location()}: UNDECLARED-NAME (warning)" in out
    assert "a reason needs at least 10 characters" in out
    assert f"{second.location()}: UNDECLARED-NAME (warning)" in out
    assert "not accepted: fix it in the text, then approve again." in out
    assert "waivers" not in (root / STORY).read_text()  # one refusal: nothing written
    code, out = _talk(
        argv,
        [
            ("Accept this warning for this text? [y/N]", "y"),
            ("no names or places):", "A neighbour who asked to be named."),
            ("Accept this warning for this text? [y/N]", "y"),
            ("no names or places):", "A family friend, named with consent."),
        ],
        root,
    )
    assert code == 0, out
    assert "approved content/stories/story.md (reviewer safeguarding-01)" in out
    assert [w["reason"] for w in front(root)["waivers"]] == [
        "A neighbour who asked to be named.",
        "A family friend, named with consent.",
    ]
    assert run("build", "--site", str(root), "--at", WHEN).exit_code == 0


def test_approve_works_on_plain_pages(tmp_path: pathlib.Path) -> None:
    page = "---\ntitle: About us\nauthor: comms-03\n---\nWe run aftercare homes.\n"
    root = make_site(tmp_path, {"content/pages/about.md": page})
    result = run(
        "approve",
        "--site",
        str(root),
        str(root / "content/pages/about.md"),
        "--reviewer",
        "safeguarding-01",
        "--at",
        WHEN,
    )
    assert result.exit_code == 0, result.output
    text = (root / "content/pages/about.md").read_text()
    assert 'review:\n  reviewer: safeguarding-01\n  date: 2026-11-20\n  text_hash: "sha256:' in text
    assert run("build", "--site", str(root), "--at", WHEN).exit_code == 0
    self_review = run(
        "approve", "--site", str(root), str(root / "content/pages/about.md"), "--reviewer", "comms-03"
    )
    assert (
        self_review.exit_code == 1
        and "SIGNOFF-SELF: comms-03 wrote this page and cannot approve it" in self_review.stderr
    )


def test_a_warning_on_a_plain_page_stops_the_build_until_a_reviewer_decides(tmp_path: pathlib.Path) -> None:
    """heldout19 published a volunteer page naming the safe house and its suburb: a page's warnings were
    reported and never blocked. They need a decision now, as a story's do, recorded by `approve`."""
    page = (
        "---\ntitle: Volunteer with us\nauthor: comms-03\n---\n"
        "Most of our volunteering happens at Masibambane House, on a quiet street in Glenwood.\n"
    )
    root = make_site(tmp_path, {"content/pages/volunteer.md": page})
    stopped = run("build", "--site", str(root), "--at", WHEN)
    assert stopped.exit_code == 1 and "DECISION-MISSING" in stopped.output, stopped.output
    assert "Masibambane" not in stopped.output and "Glenwood" not in stopped.output
    listed = run(
        "approve",
        "--site",
        str(root),
        str(root / "content/pages/volunteer.md"),
        "--reviewer",
        "safeguarding-01",
    )
    accepts = [a.split()[0] for a in listed.output.split("--accept ")[1:]]
    assert len(accepts) == 2, listed.output
    argv = ["approve", "--site", str(root), str(root / "content/pages/volunteer.md")]
    argv += ["--reviewer", "safeguarding-01", "--at", WHEN]
    for token in accepts:
        argv += ["--accept", token, "--reason", "Named on the public website with the board's consent."]
    assert run(*argv).exit_code == 0
    assert run("build", "--site", str(root), "--at", WHEN).exit_code == 0


def test_subprocess_entry_point_is_the_same_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "generator", "approve", "--help"], capture_output=True, text=True, check=False
    )
    assert "--accept RULE:TOKEN" in done.stdout and "--decisions" in done.stdout and "--sign" in done.stdout
