"""`impactsite init [DIR]`: a new site from the starter packaged with impactsite.

The starter (generator/commands/starter/) is a complete site that builds at once: site.yaml with
every setting explained, one example story that names no one, the standard pages (about, privacy,
media, fundraise), a press contact, a commented match campaign and impact figures to copy from
examples/, a .gitignore, a GitHub Actions workflow and Netlify and Cloudflare Pages settings.
Files whose names start with a dot are stored as dot-NAME (package data leaves dotfiles out).
"""

from __future__ import annotations

import pathlib
import shutil

from generator.errors import UsageError

STARTER = pathlib.Path(__file__).resolve().parent / "starter"
# Folders a new site may already have: a fresh git repository, an editor's settings.
HARMLESS = {".git", ".gitignore", ".DS_Store", ".idea", ".vscode", "README.md", "LICENSE"}


def starter_files() -> list[tuple[pathlib.Path, str]]:
    """(file in the starter, its path in the new site), in a stable order."""
    out = []
    for p in sorted(STARTER.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts:
            rel = p.relative_to(STARTER).as_posix()
            parts = [
                "." + part.removeprefix("dot-") if part.startswith("dot-") else part
                for part in rel.split("/")
            ]
            out.append((p, "/".join(parts)))
    return out


def init_site(target: pathlib.Path) -> list[str]:
    """Write the starter into `target` (created if needed); return what was written.

    Refuses to touch a folder that already holds a site or anything but a fresh repository's files,
    so no one's work is ever overwritten."""
    if target.exists() and not target.is_dir():
        raise UsageError(f"{target} is a file, not a folder: choose a folder for the new site")
    if (target / "site.yaml").exists():
        raise UsageError(f"{target} already has a site.yaml: it is a site already, and nothing was changed")
    if target.is_dir():
        crowded = sorted(p.name for p in target.iterdir() if p.name not in HARMLESS)
        if crowded:
            shown = ", ".join(crowded[:5]) + (" …" if len(crowded) > 5 else "")
            raise UsageError(
                f"{target} is not empty ({shown}): run impactsite init in a new or empty folder, "
                "e.g. impactsite init my-site"
            )
    if not STARTER.is_dir():
        raise UsageError("the starter site is missing from this installation: reinstall impactsite")
    written = []
    for source, rel in starter_files():
        dest = target / rel
        if dest.exists():  # README.md or .gitignore from a fresh repository: keep the owner's
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, dest)
        written.append(rel)
    return written
