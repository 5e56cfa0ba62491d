"""The command line's side of `impactsite approve`: it shows each warning and asks for a decision on
a terminal, or takes the decisions a script gives (`--accept RULE:TOKEN --reason …`, `--decisions
FILE`). Only cli.py calls this; like cli.py, it prints.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import IO, Any

import click
import yaml

from generator.commands.approve import Interaction
from generator.content.model import Waiver
from generator.errors import UsageError
from generator.findings import Finding
from generator.safety.waivers import MIN_REASON


def _color() -> bool | None:
    return None if not os.environ.get("NO_COLOR") else False


def show_warning(finding: Finding) -> None:
    head, _, rest = finding.format().partition("\n")
    click.secho(head, fg="yellow", err=True, color=_color())
    if rest:
        click.echo(rest, err=True)


def given_decisions(
    accepts: Iterable[str], reason: str | None, decisions_file: IO[str] | None
) -> dict[tuple[str, str], str]:
    """(rule, token) → reason, from --accept/--reason and --decisions."""
    out: dict[tuple[str, str], str] = {}
    accepts = list(accepts)
    if accepts and not (reason and reason.strip()):
        raise UsageError('--accept needs --reason "why these warnings are acceptable"')
    if reason and not accepts:
        raise UsageError("--reason goes with --accept RULE:TOKEN")
    for text in accepts:
        rule, sep, token = text.strip().partition(":")
        if not sep or not rule or not token:
            raise UsageError(f"--accept {text}: write RULE:TOKEN, as approve or check --format json shows it")
        out[(rule, token)] = reason or ""
    if decisions_file is not None:
        try:
            data: Any = yaml.safe_load(decisions_file)
        except yaml.YAMLError as exc:
            raise UsageError(f"--decisions: not YAML ({exc})") from None
        if not isinstance(data, list):
            raise UsageError("--decisions: the file must be a list of {rule, token, reason}")
        for i, d in enumerate(data, 1):
            if not (
                isinstance(d, dict) and all(isinstance(d.get(k), str) for k in ("rule", "token", "reason"))
            ):
                raise UsageError(f"--decisions: entry {i} needs rule, token and reason, each a text")
            out[(d["rule"].strip(), d["token"].strip())] = d["reason"]
    return out


def interaction_for(
    accepts: Iterable[str], reason: str | None, decisions_file: IO[str] | None, *, ask: bool
) -> Interaction:
    """Decisions from the script first; on a terminal, ask for the rest; otherwise refuse them."""
    given = given_decisions(accepts, reason, decisions_file)

    def shown(path: str, finding: Finding, waiver: Waiver) -> None:
        show_warning(finding)
        when = f" on {waiver.date.isoformat()}" if waiver.date else ""
        click.echo(f"  already accepted by {waiver.reviewer}{when}: {waiver.reason}", err=True)

    def decide(path: str, finding: Finding) -> str | None:
        if (finding.rule, finding.token) in given:
            show_warning(finding)
            click.echo("  accepted (given on the command line)", err=True)
            return given[(finding.rule, finding.token)]
        if not ask:
            return None
        show_warning(finding)
        if not click.confirm("Accept this warning for this text?", default=False, err=True):
            click.echo("  not accepted: fix it in the text, then approve again.", err=True)
            return None
        while True:
            why: str = click.prompt(
                "Why is it acceptable? (a sentence for the record; no names or places)", err=True
            )
            if len(why.strip()) >= MIN_REASON:
                return why.strip()
            click.echo(f"  a reason needs at least {MIN_REASON} characters: say why.", err=True)

    return Interaction(decide=decide, shown=shown)
