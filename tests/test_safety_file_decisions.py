"""A warning is a decision on every surface: data files, site.yaml and downloads record theirs in
safety/decisions.yaml (they have no front matter); pages keep theirs through re-approvals and warm
builds. Everything through the command line, as a reviewer meets it."""

from __future__ import annotations

import pathlib
import re

import yaml
from click.testing import CliRunner, Result
from sitekit import AT, SITE_YAML, make_site

from generator.cli import main

WHEN = AT.isoformat()
REASON = "The inspector agreed in writing to be named in our report."
IMPACT = """heading: What your gifts did
figures:
  - number: 1240
    label: people brought to safety with {who} and child protection teams
    period: "2025"
"""
PAGE = "---\ntitle: Volunteer with us\nauthor: comms-03\n---\n{body}\n"
HALL = "Our volunteers meet every week at the Marigold Hall in Manchester to sort donations."
DEPOT = "We also sort clothes at the Juniper Depot on Saturdays."


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def build(root: pathlib.Path) -> Result:
    return run("build", "--site", str(root), "--at", WHEN)


def tokens(root: pathlib.Path, rel: str) -> list[str]:
    """The --accept arguments `approve` prints for the warnings still needing a decision."""
    listed = run(
        "approve", "--site", str(root), str(root / rel), "--reviewer", "safeguarding-01", "--at", WHEN
    )
    assert listed.exit_code != 0, listed.output
    return re.findall(r"--accept (\S+)", listed.output)


def accept(root: pathlib.Path, rel: str, *accepted: str, reason: str = REASON) -> Result:
    argv = ["approve", "--site", str(root), str(root / rel), "--reviewer", "safeguarding-01", "--at", WHEN]
    for token in accepted:
        argv += ["--accept", token, "--reason", reason]
    return run(*argv)


def test_a_warning_in_a_data_file_stops_the_build_until_a_reviewer_decides(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path, {"content/data/impact.yaml": IMPACT.format(who="Inspector Harlow Penrick")})
    stopped = build(root)
    assert stopped.exit_code == 1, stopped.output
    assert "content/data/impact.yaml:4:" in stopped.output and "DECISION-MISSING" in stopped.output
    assert "approve content/data/impact.yaml" in stopped.output  # the fix names the command
    assert "Harlow" not in stopped.output and "Penrick" not in stopped.output

    found = tokens(root, "content/data/impact.yaml")
    assert len(found) == 1 and found[0].startswith("UNDECLARED-NAME:"), found
    done = accept(root, "content/data/impact.yaml", *found)
    assert done.exit_code == 0, done.output
    recorded = yaml.safe_load((root / "safety/decisions.yaml").read_text())["decisions"]
    assert [(d["file"], d["rule"], d["reviewer"], d["reason"]) for d in recorded] == [
        ("content/data/impact.yaml", "UNDECLARED-NAME", "safeguarding-01", REASON)
    ]
    assert "Harlow" not in (root / "safety/decisions.yaml").read_text()  # a token, never the text
    for _ in range(2):  # cold, then from the store
        built = build(root)
        assert built.exit_code == 0, built.output
        assert "1 waived" in built.output

    # The decision is bound to the text it accepted: another name needs a new one.
    (root / "content/data/impact.yaml").write_text(IMPACT.format(who="Sergeant Odile Marchbank"))
    again = build(root)
    assert again.exit_code == 1 and "DECISION-MISSING" in again.output, again.output


def test_a_warning_in_site_yaml_needs_a_decision_too(tmp_path: pathlib.Path) -> None:
    config = yaml.safe_load(SITE_YAML)
    config["description"] = "Stories told with care; photographs by Harlow Penrick."
    root = make_site(tmp_path, {"site.yaml": yaml.safe_dump(config, allow_unicode=True)})
    stopped = build(root)
    assert stopped.exit_code == 1 and "site.yaml" in stopped.output and "DECISION-MISSING" in stopped.output
    found = tokens(root, "site.yaml")
    assert found, stopped.output
    assert (
        accept(root, "site.yaml", *found, reason="The photographer asked to be credited by name.").exit_code
        == 0
    )
    assert build(root).exit_code == 0


def test_decisions_on_one_file_never_accept_another_files_warnings(tmp_path: pathlib.Path) -> None:
    root = make_site(
        tmp_path,
        {
            "content/data/impact.yaml": IMPACT.format(who="Inspector Harlow Penrick"),
            "content/data/extra.yaml": "note: Thanks to Inspector Harlow Penrick for her help.\n",
        },
    )
    assert accept(root, "content/data/impact.yaml", *tokens(root, "content/data/impact.yaml")).exit_code == 0
    stopped = build(root)
    assert stopped.exit_code == 1
    assert "content/data/extra.yaml" in stopped.output and "DECISION-MISSING" in stopped.output
    assert "content/data/impact.yaml" not in stopped.output


def test_an_unreadable_decisions_file_accepts_nothing(tmp_path: pathlib.Path) -> None:
    root = make_site(tmp_path, {"content/data/impact.yaml": IMPACT.format(who="Inspector Harlow Penrick")})
    assert accept(root, "content/data/impact.yaml", *tokens(root, "content/data/impact.yaml")).exit_code == 0
    decisions = root / "safety/decisions.yaml"
    decisions.write_text(decisions.read_text().replace("    reviewer: safeguarding-01\n", ""))
    stopped = build(root)
    assert stopped.exit_code == 1
    assert "safety/decisions.yaml" in stopped.output and "WAIVER-INVALID" in stopped.output
    assert "DECISION-MISSING" in stopped.output  # a half-read file must not accept anything
    refused = accept(root, "content/data/impact.yaml")
    assert refused.exit_code != 0 and "safety/decisions.yaml" in refused.output  # not overwritten


def test_a_page_keeps_its_decisions_through_a_new_approval_and_a_warm_build(tmp_path: pathlib.Path) -> None:
    """Two defects of the page decisions: a stored page lost its `waivers:` (the second build of an
    approved page stopped), and approving a page again dropped the decisions already made."""
    root = make_site(tmp_path, {"content/pages/volunteer.md": PAGE.format(body=HALL)})
    rel = "content/pages/volunteer.md"
    assert accept(root, rel, *tokens(root, rel)).exit_code == 0
    for _ in range(2):  # the second build reads the page from the store
        built = build(root)
        assert built.exit_code == 0, built.output
    (root / rel).write_text((root / rel).read_text() + DEPOT + "\n")
    new = tokens(root, rel)
    assert len(new) == 1, new  # the hall's decision still holds; only the depot needs one
    assert accept(root, rel, *new, reason="The depot is the charity's public warehouse.").exit_code == 0
    assert (root / rel).read_text().count("- rule: UNDECLARED-NAME") == 2
    for _ in range(2):
        built = build(root)
        assert built.exit_code == 0, built.output
        assert "2 waived" in built.output


def test_a_campaign_named_after_someone_explains_nothing_in_a_story(tmp_path: pathlib.Path) -> None:
    """Red team 20: campaign names explained themselves for a while ('The Okafor Schools Appeal' then
    explained the recruiter 'Okafor' in every story). A campaign's name is checked in its file like any
    text, and a reviewer decides on it there; it explains nothing anywhere else."""
    from sitekit import STORY, story_md

    example = (
        pathlib.Path(__file__).resolve().parent.parent
        / "generator/commands/starter/examples/match-campaign.yaml"
    )
    campaign = example.read_text().replace("The Safe Homes Match", "The Okafor Schools Appeal")
    root = make_site(
        tmp_path,
        {
            "content/campaigns/okafor-appeal.yaml": campaign,
            STORY: story_md("The recruiter, a man called Okafor, took her to Lagos.\n"),
        },
    )
    stopped = build(root)
    assert stopped.exit_code == 1, stopped.output
    named = [line for line in stopped.output.splitlines() if line.startswith(f"{STORY}:") and "NAME" in line]
    assert named, stopped.output
    assert "Okafor" not in stopped.output
