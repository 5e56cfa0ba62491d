"""The command line: the only place that prints, colours, shows progress and picks exit codes.

Exit codes: 0 ok, 1 content or safety errors (or an output problem), 2 usage.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import pathlib
import sys
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

import click

from generator import __version__
from generator.config.settings import find_site, load_config
from generator.errors import ContentError, ImpactsiteError, UsageError
from generator.findings import Finding, sort_findings
from generator.output.state import BuildReport

F = TypeVar("F", bound=Callable[..., Any])


def parse_at(value: str | None) -> dt.datetime | dt.date | None:
    if value is None:
        return None
    text = value.strip().replace(" ", "T")
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date or date-time; write e.g. 2026-12-01T09:00:00+05:30", param_hint="'--at'"
        ) from None
    if moment.tzinfo is None:
        raise click.BadParameter(
            f"{value!r} has no time-zone offset; write e.g. {text}+00:00", param_hint="'--at'"
        )
    return moment


def resolve_at(at: dt.datetime | dt.date | None, root: pathlib.Path) -> dt.datetime:
    if at is None:
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
    if isinstance(at, dt.datetime):
        return at
    tz = load_config(root).tz
    return dt.datetime(at.year, at.month, at.day, tzinfo=tz)


class Reporter:
    """Progress on a terminal (a bar), plain lines elsewhere (CI logs)."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty() and not os.environ.get("CI")
        self.stage = ""
        self.bar: Any = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != self.stage:
            self.close()
            self.stage = stage
            label = {
                "read": "reading",
                "check": "checking",
                "render": "rendering",
                "scan": "scanning output",
            }.get(stage, stage)
            if self.tty and total > 20:
                self.bar = click.progressbar(length=total, label=label.ljust(16), file=sys.stderr)
                self.bar.__enter__()
            elif not self.tty and total:
                click.echo(f"{label} {total} item(s)…" if stage != "scan" else f"{label}…", err=True)
        if self.bar is not None:
            self.bar.update(done - self.bar.pos)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def print_findings(findings: list[Finding] | tuple[Finding, ...]) -> None:
    color = None if not os.environ.get("NO_COLOR") else False
    for f in sort_findings(list(findings)):
        head, _, rest = f.format().partition("\n")
        click.secho(head, fg="red" if f.is_error else "yellow", err=True, color=color)
        if rest:
            click.echo(rest, err=True)


def handle_errors(fn: F) -> F:
    """Turn library exceptions into messages and exit codes; tracebacks only with --debug."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        debug = bool(ctx.find_root().params.get("debug"))
        try:
            return fn(*args, **kwargs)
        except ContentError as exc:
            print_findings(exc.findings)
            n_err = sum(f.is_error for f in exc.findings)
            n_warn = len(exc.findings) - n_err
            lead = str(exc) if not str(exc).endswith("error(s) found") else "Stopped"
            click.secho(
                f"{lead}: {n_err} error(s), {n_warn} warning(s); nothing was written.", fg="red", err=True
            )
            ctx.exit(1)
        except UsageError as exc:
            click.secho(f"Error: {exc}", fg="red", err=True)
            ctx.exit(2)
        except ImpactsiteError as exc:
            click.secho(f"Error: {exc}", fg="red", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except OSError as exc:  # the machine, not impactsite: a full or read-only disk, a missing permission
            if debug:
                traceback.print_exc()
            from generator.output.writer import describe_os_error

            what = exc.filename or "a file"
            click.secho(
                f"Error: could not read or write {what} ({describe_os_error(exc)})", fg="red", err=True
            )
            ctx.exit(1)
        except Exception as exc:  # noqa: BLE001 - the last line of defence for writers
            if debug:
                traceback.print_exc()
            else:
                click.secho(f"Internal error: {type(exc).__name__}: {exc}", fg="red", err=True)
                click.echo(
                    "This is a bug in impactsite. Run again with --debug for details and report it.", err=True
                )
            ctx.exit(1)

    return wrapper  # type: ignore[return-value]


def site_option(fn: F) -> F:
    return click.option(
        "--site",
        "site_dir",
        type=click.Path(file_okay=False, path_type=pathlib.Path),
        help="The site folder (default: the current folder).",
    )(fn)


def site_root(site_dir: pathlib.Path | None) -> pathlib.Path:
    root_ctx = click.get_current_context().find_root()
    chosen = site_dir or root_ctx.params.get("site_dir") or pathlib.Path.cwd()
    return find_site(pathlib.Path(chosen))


at_option = click.option(
    "--at",
    "at_text",
    metavar="ISO-DATETIME",
    help="Build as if it were this moment (e.g. 2026-12-01T09:00:00+05:30).",
)
strict_option = click.option("--strict", is_flag=True, help="Treat warnings as errors.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="impactsite")
@click.option(
    "--site",
    "site_dir",
    type=click.Path(file_okay=False, path_type=pathlib.Path),
    help="The site folder (default: the current folder).",
)
@click.option("--debug", is_flag=True, help="Show tracebacks for internal errors.")
def main(site_dir: pathlib.Path | None, debug: bool) -> None:
    """impactsite: build a charity's story site without ever identifying a survivor by accident."""


@main.command()
@click.argument(
    "directory", required=False, default=".", type=click.Path(file_okay=True, path_type=pathlib.Path)
)
@handle_errors
def init(directory: pathlib.Path) -> None:
    """Start a new site in DIRECTORY (default: here) from the starter that comes with impactsite."""
    from generator.commands.init import init_site

    written = init_site(directory)
    click.echo(f"Wrote a new site into {directory.resolve()} ({len(written)} files).")
    where = "" if directory == pathlib.Path(".") else f"cd {directory} && "
    click.echo("Next: " + where + "impactsite serve   (then open http://127.0.0.1:8000/)")
    click.echo("Read README.md there for what to change first.")


@main.command()
@site_option
@at_option
@strict_option
@handle_errors
def build(site_dir: pathlib.Path | None, at_text: str | None, strict: bool) -> None:
    """Check every rule, then build the site into output/ (nothing is written if anything fails)."""
    from generator.cache.uptodate import answer_if_current

    root = site_root(site_dir)
    at = resolve_at(parse_at(at_text), root)
    report = answer_if_current(root, at, strict)  # cheap: the pipeline is imported only when needed
    if report is None:
        from generator.build import build as run_build
        from generator.output.takedown import RemovalPublished

        reporter = Reporter()
        try:
            report = run_build(root, at, strict=strict, progress=reporter)
        except RemovalPublished as stopped:
            reporter.close()
            report_removal(root, stopped)
            click.get_current_context().exit(1)
        finally:
            reporter.close()
    for note in report.notes:
        click.echo(note, err=True)
    if report.work and click.get_current_context().find_root().params.get("debug"):
        click.echo(f"steps: {report.work}", err=True)
    print_findings(report.warnings)
    for path, reason in report.excluded:
        click.echo(f"left out: {path} ({reason})", err=True)
    if report.up_to_date:
        click.echo(
            f"Up to date: nothing has changed since the last build; {root / 'output'} holds its "
            f"{len(report.published)} stories, {report.files} files ({len(report.warnings)} warning(s), "
            f"{len(report.waived)} waived; checked in {report.seconds:.1f}s)."
        )
    else:
        click.echo(
            f"Built {len(report.published)} stories, {report.files} files into {root / 'output'} "
            f"in {report.seconds:.1f}s ({len(report.warnings)} warning(s), {len(report.waived)} waived)."
        )
    print_takedown(report)
    if report.next_change:
        when, why = report.next_change
        click.echo(
            f"Next change by itself: {when.isoformat()} ({why}); rebuild then (see .impactsite/next-change.json)."
        )
    else:
        click.echo("Next change by itself: none scheduled.")


def print_takedown(report: BuildReport) -> None:
    if report.takedown:
        click.echo(
            f"Taken down since the last build ({len(report.takedown)}); purge these from CDN and search caches "
            f"(listed in .impactsite/takedown.txt):"
        )
        for url in report.takedown:
            click.echo(f"  {url}")
    if report.takedown and report.changed:
        click.echo(f"Changed because of it ({len(report.changed)}); purge these too (also in takedown.txt):")
        for url in report.changed:
            click.echo(f"  {url}")


def report_removal(root: pathlib.Path, stopped: Any) -> None:
    """Errors stopped the build, but what had to come down was published: say both, plainly."""
    report = stopped.report
    print_findings(stopped.findings)
    n_err = sum(f.is_error for f in stopped.findings)
    for note in report.notes:
        click.echo(note, err=True)
    click.secho(
        f"Stopped: {n_err} error(s). Nothing new or changed was published, but what must come down was: "
        f"{root / 'output'} now holds the previous build without it. Deploy output/ now "
        '(.impactsite/outcome.json says "removal-only"), then fix the errors and build again.',
        fg="red",
        err=True,
    )
    print_takedown(report)


@main.command()
@site_option
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=pathlib.Path))
@at_option
@strict_option
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "sarif"]), default="text", show_default=True
)
@click.option(
    "--before-commit",
    is_flag=True,
    help="For a pre-commit hook: review and sign-off, which come after the commit, do not count.",
)
@handle_errors
def check(
    site_dir: pathlib.Path | None,
    files: tuple[pathlib.Path, ...],
    at_text: str | None,
    strict: bool,
    fmt: str,
    before_commit: bool,
) -> None:
    """Run every rule on every source (or only on FILES) without writing output."""
    from generator.build import check as run_check
    from generator.commands.report import to_json, to_sarif

    root = site_root(site_dir)
    at = resolve_at(parse_at(at_text), root)
    if files:
        from generator.commands.check_files import check_files

        report = check_files(root, at, list(files), before_commit=before_commit)
    else:
        report = run_check(root, at)
    if fmt == "text":
        print_findings(report.findings)
        click.echo(
            f"{len(report.errors)} error(s), {len(report.warnings)} warning(s), {len(report.waived)} waived."
        )
    elif fmt == "json":
        click.echo(json.dumps(to_json(report), indent=2, ensure_ascii=False))
    else:
        click.echo(json.dumps(to_sarif(report), indent=2, ensure_ascii=False))
    failed = bool(report.errors) or (strict and bool(report.warnings))
    click.get_current_context().exit(1 if failed else 0)


@main.command()
@site_option
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=pathlib.Path)
)
@click.option("--reviewer", required=True, help="Your safeguarding handle; must differ from the author.")
@click.option(
    "--accept",
    "accepts",
    multiple=True,
    metavar="RULE:TOKEN",
    help="Accept this warning without being asked (for scripts; repeat for more); needs --reason.",
)
@click.option("--reason", help="Why the warnings given with --accept are acceptable (a full sentence).")
@click.option(
    "--decisions",
    "decisions_file",
    type=click.File("r", encoding="utf-8"),
    help="A YAML list of decisions for scripts: - {rule: RULE, token: TOKEN, reason: why}.",
)
@click.option(
    "--sign",
    "key",
    type=click.Path(exists=True, dir_okay=False, path_type=pathlib.Path),
    envvar="IMPACTSITE_SIGNING_KEY",
    help="Sign the review with this SSH key (default: $IMPACTSITE_SIGNING_KEY).",
)
@at_option
@handle_errors
def approve(
    site_dir: pathlib.Path | None,
    files: tuple[pathlib.Path, ...],
    reviewer: str,
    accepts: tuple[str, ...],
    reason: str | None,
    decisions_file: Any,
    key: pathlib.Path | None,
    at_text: str | None,
) -> None:
    """Decide on every warning in FILE(s), then record your review of the exact text.

    Refused while any error remains (errors are never waived). Each warning is shown; on a terminal
    you are asked to accept each one with a reason, or to refuse (then fix the text). Scripts give
    their decisions with --accept RULE:TOKEN --reason "…" or --decisions FILE.
    """
    from generator.commands.approve import approve as run_approve
    from generator.commands.approve_prompts import interaction_for

    root = site_root(site_dir)
    at = resolve_at(parse_at(at_text), root)
    talk = interaction_for(accepts, reason, decisions_file, ask=sys.stdin.isatty())
    for path in run_approve(root, list(files), reviewer, at, talk, key):
        signed = " and signed" if key else ""
        click.echo(f"approved{signed} {path} (reviewer {reviewer})")


@main.group()
def new() -> None:
    """Create new content from a skeleton."""


@new.command("story")
@site_option
@click.argument("title")
@handle_errors
def new_story(site_dir: pathlib.Path | None, title: str) -> None:
    """Write a story skeleton with every required field explained."""
    from generator.commands.scaffold import new_story as make

    root = site_root(site_dir)
    path = make(root, title, dt.datetime.now(load_config(root).tz).date())
    slug = path.stem
    click.echo(
        f"created {path.relative_to(root)}: fill it in, then ask a reviewer to run impactsite approve\n"
        f"see it as you write: run impactsite serve and open http://127.0.0.1:8000/stories/{slug}/"
    )


@main.group()
def redact() -> None:
    """Manage the denylist of never-publish terms (stored only as keyed hashes)."""


@redact.command("add")
@site_option
@handle_errors
def redact_add(site_dir: pathlib.Path | None) -> None:
    """Add one term, read from standard input (never from the command line)."""
    from generator.safety.denylist_store import KEY_ENV, add_term, key_from_env

    root = site_root(site_dir)
    config = load_config(root)
    key = key_from_env()
    if key is None:
        raise UsageError(
            f"set {KEY_ENV} to the denylist key first (keep it in your password manager or CI secrets)"
        )
    if sys.stdin.isatty():
        click.echo("Type the term and press Enter (it is not shown and not stored):", err=True)
        import getpass

        term = getpass.getpass(prompt="")
    else:
        term = sys.stdin.readline()
    added, count = add_term(root / config.safety.denylist, term.strip(), key)
    click.echo(
        f"{'added' if added else 'already listed'}; the denylist has {count} entr{'y' if count == 1 else 'ies'}."
    )


@redact.command("check")
@site_option
@handle_errors
def redact_check(site_dir: pathlib.Path | None) -> None:
    """Scan every source for denylisted terms."""
    from generator.build import check as run_check

    root = site_root(site_dir)
    report = run_check(root, resolve_at(None, root))
    hits = [f for f in report.findings if f.rule.startswith("DENYLIST")]
    print_findings(hits)
    click.echo(f"{len(hits)} denylist problem(s).")
    click.get_current_context().exit(1 if hits else 0)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "markdown"]), default="text", show_default=True)
def rules(fmt: str) -> None:
    """List every safety rule: id, severity, what it protects and where it comes from."""
    from generator.commands.report import rules_markdown, rules_text

    click.echo(rules_markdown() if fmt == "markdown" else rules_text(), nl=False)  # both end with a newline


@main.command()
@site_option
@at_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--open", "open_browser", is_flag=True, help="Open the site in a browser.")
@click.option(
    "--as-published",
    is_flag=True,
    help="Show only what build would publish (no previews of drafts or unapproved edits).",
)
@handle_errors
def serve(
    site_dir: pathlib.Path | None,
    at_text: str | None,
    host: str,
    port: int,
    open_browser: bool,
    as_published: bool,
) -> None:
    """Build, serve on 127.0.0.1 and rebuild on every save (the browser reloads by itself).

    Stories that are not published (drafts, stories waiting for review, edits since the review,
    embargoed ones) are shown as labelled previews with their problems marked in the text; every
    story is listed at /_impactsite/. --as-published shows only what build would publish."""
    from generator.serve.server import serve as run_serve

    root = site_root(site_dir)
    at = parse_at(at_text)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.secho(
            f"Warning: serving on {host} makes unpublished drafts' checks and errors visible to your network.",
            fg="yellow",
            err=True,
        )
    run_serve(
        root,
        host=host,
        port=port,
        at=at,
        open_browser=open_browser,
        log=lambda m: click.echo(m, err=True),
        as_published=as_published,
    )
