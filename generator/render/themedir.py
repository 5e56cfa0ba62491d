"""Where the default theme is, and the rule that keeps every theme file inside its theme folder.

No Jinja here: up-to-date checks import this without paying for the template engine.

The default theme is the repository's top-level `templates/` folder. A wheel installs that same
folder as `generator/theme/` (pyproject.toml maps it there), so an installed impactsite finds it
beside its code; a source checkout (an editable install) finds it at the top of the repository.
"""

from __future__ import annotations

import os
import pathlib

from generator.findings import Finding, error

PACKAGE_DIR = pathlib.Path(__file__).resolve().parents[1]
_PACKAGED = PACKAGE_DIR / "theme"
_CHECKOUT = PACKAGE_DIR.parent / "templates"
DEFAULT_THEME = _PACKAGED if _PACKAGED.is_dir() else _CHECKOUT
RULE = "THEME"


def label_for(path: pathlib.Path, site_root: pathlib.Path) -> str:
    """How a theme file is named in a message: relative to the site when it is the site's own."""
    try:
        return path.relative_to(site_root).as_posix()
    except ValueError:
        pass
    try:
        return "impactsite's default theme: " + path.relative_to(DEFAULT_THEME).as_posix()
    except ValueError:
        return path.as_posix()


def confinement_problems(top: pathlib.Path, site_root: pathlib.Path) -> list[Finding]:
    """Every entry under the theme folder `top` that leads outside it: a link to a file or a folder
    elsewhere (templates/icons/x.svg → /proc/self/environ would inline the build's environment into
    every page), a broken link, or something that is neither a file nor a folder (a pipe or a
    device, which would hang the build). The folder itself must be a real folder in the site."""
    problems: list[Finding] = []
    real_top = top.resolve()
    if not real_top.is_relative_to(site_root.resolve()) and real_top != DEFAULT_THEME.resolve():
        return [
            error(
                label_for(top, site_root),
                0,
                0,
                RULE,
                "the theme folder is a link to a folder outside the site, so nothing in it is used",
                f"replace the link with a real folder: copy what it points to into {top.name}/",
            )
        ]
    for dirpath, dirnames, filenames in os.walk(top):  # never follows links into folders
        dirnames.sort()
        for name in sorted(dirnames) + sorted(filenames):
            p = pathlib.Path(dirpath) / name
            where = label_for(p, site_root)
            if p.is_symlink():
                try:
                    target = p.resolve(strict=True)
                except (OSError, RuntimeError):
                    problems.append(
                        error(
                            where,
                            0,
                            0,
                            RULE,
                            "this is a broken link",
                            "replace it with the file itself, or delete it",
                        )
                    )
                    continue
                if not target.is_relative_to(real_top):
                    kind = "folder" if target.is_dir() else "file"
                    problems.append(
                        error(
                            where,
                            0,
                            0,
                            RULE,
                            f"this is a link to a {kind} outside the theme folder ({label_for(top, site_root)}/), "
                            "so the build will not read it",
                            f"replace the link with a copy of the {kind} itself",
                        )
                    )
                    continue
                if not (target.is_file() or target.is_dir()):
                    problems.append(_special(where))
            elif not (p.is_file() or p.is_dir()):
                problems.append(_special(where))
    return problems


def _special(where: str) -> Finding:
    return error(
        where,
        0,
        0,
        RULE,
        "this is neither a file nor a folder (a pipe, a socket or a device), so the build will not read it",
        "delete it, or replace it with an ordinary file",
    )


def inside(path: pathlib.Path, top: pathlib.Path) -> bool:
    """Whether `path`, with every link followed, is a regular file inside the theme folder `top`."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return False
    return real.is_relative_to(top.resolve()) and real.is_file()
