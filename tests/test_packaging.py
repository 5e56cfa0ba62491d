"""impactsite as a charity installs it: the wheel (not an editable install) carries the default theme
and the starter, so `impactsite init`, `build` and `serve` work with no repository checkout."""

from __future__ import annotations

import os
import pathlib
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request

import pytest
from click.testing import CliRunner
from setuptools import find_packages

from generator.cli import main
from generator.commands.init import STARTER, starter_files

ROOT = pathlib.Path(__file__).resolve().parents[1]


def test_pyproject_lists_every_package() -> None:
    """The package list is explicit (the theme is mapped in from templates/): none may be forgotten."""
    listed = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    found = find_packages(str(ROOT), include=["generator*"])
    assert sorted(listed) == sorted([*found, "generator.theme"])


def test_init_writes_a_site_that_checks_and_builds(tmp_path: pathlib.Path) -> None:
    site = tmp_path / "new-site"
    result = CliRunner().invoke(main, ["init", str(site)])
    assert result.exit_code == 0, result.output
    assert "Wrote a new site into" in result.output
    for name in (".gitignore", ".github/workflows/site.yml", "netlify.toml", "wrangler.toml", "site.yaml"):
        assert (site / name).is_file(), name
    assert not any(p.name.startswith("dot-") for p in site.rglob("*"))
    check = CliRunner().invoke(main, ["check", "--site", str(site)])
    assert check.exit_code == 0, check.output
    assert "0 error(s), 0 warning(s)" in check.output
    build = CliRunner().invoke(main, ["build", "--site", str(site)])
    assert build.exit_code == 0, build.output
    home = (site / "output" / "index.html").read_text()
    assert "A Week at the Drop-in Centre" in home


def test_init_never_overwrites_a_site_or_someone_elses_files(tmp_path: pathlib.Path) -> None:
    (tmp_path / "site.yaml").write_text("title: Mine\n")
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 2
    assert "already has a site.yaml" in result.stderr
    assert (tmp_path / "site.yaml").read_text() == "title: Mine\n"
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("mine")
    result = CliRunner().invoke(main, ["init", str(busy)])
    assert result.exit_code == 2 and "is not empty (notes.txt)" in result.stderr
    fresh_repo = tmp_path / "repo"
    (fresh_repo / ".git").mkdir(parents=True)
    assert CliRunner().invoke(main, ["init", str(fresh_repo)]).exit_code == 0


def test_the_starters_commented_examples_are_valid_when_copied_in(tmp_path: pathlib.Path) -> None:
    site = tmp_path / "site"
    assert CliRunner().invoke(main, ["init", str(site)]).exit_code == 0
    (site / "content/campaigns").mkdir()
    (site / "content/campaigns/spring-match.yaml").write_text(
        (site / "examples/match-campaign.yaml").read_text()
    )
    (site / "content/data/impact.yaml").write_text((site / "examples/impact.yaml").read_text())
    result = CliRunner().invoke(main, ["build", "--site", str(site), "--at", "2027-03-10T12:00:00Z"])
    assert result.exit_code == 0, result.output
    home = (site / "output/index.html").read_text()
    assert "Ends 31 March at 11:59 pm, UK time" in home
    assert "What your gifts did in 2026" in home
    assert (site / "output/campaigns/spring-match/index.html").is_file()


def test_every_starter_file_is_in_the_wheel_data() -> None:
    names = [rel for _, rel in starter_files()]
    assert "site.yaml" in names and ".gitignore" in names and ".github/workflows/site.yml" in names
    assert all(p.is_relative_to(STARTER) for p, _ in starter_files())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
def test_the_installed_wheel_inits_builds_and_serves_a_site(tmp_path: pathlib.Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("impactsite-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bin_dir = venv / "bin"
    pip = subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheel)],
        check=False,
        capture_output=True,
        text=True,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    assert pip.returncode == 0, pip.stderr
    cli = str(bin_dir / "impactsite")
    work = tmp_path / "elsewhere"  # no repository anywhere near
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    run = subprocess.run(
        [cli, "init", "my-site"], cwd=work, capture_output=True, text=True, env=env, check=False
    )
    assert run.returncode == 0, run.stderr
    site = work / "my-site"
    build = subprocess.run([cli, "build"], cwd=site, capture_output=True, text=True, env=env, check=False)
    assert build.returncode == 0, build.stdout + build.stderr
    assert "A Week at the Drop-in Centre" in (site / "output/index.html").read_text()
    assert any((site / "output/assets").glob("site.*.css"))
    port = _free_port()
    serve = subprocess.Popen(
        [cli, "serve", "--port", str(port)],
        cwd=site,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        page = ""
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/stories/a-week-at-the-drop-in-centre/"
                ) as r:
                    page = r.read().decode()
                    break
            except OSError:
                time.sleep(0.3)
        assert "A Week at the Drop-in Centre" in page
    finally:
        serve.terminate()
        serve.wait(timeout=20)
