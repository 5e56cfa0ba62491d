"""What every stored result depends on besides its own inputs: the generator's code and the versions
of the libraries that shape output. Both go into the one key function (store.Store.key), so a new
release of nh3, Markdown, Jinja2 or Pillow, or any edit to the generator, makes every entry miss.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pathlib
import platform

PACKAGE_DIR = pathlib.Path(__file__).resolve().parents[1]
# Libraries whose version can change the bytes a build writes or what the checks find.
LIBRARIES = ("markdown", "nh3", "jinja2", "markupsafe", "pillow", "phonenumbers", "pyyaml")


def library_versions() -> str:
    """Python and every library that shapes output, with versions, as one line."""
    out = [platform.python_implementation(), platform.python_version()]
    for name in LIBRARIES:
        try:
            out.append(f"{name}={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            out.append(f"{name}=none")
    return " ".join(out)


def walk(top: pathlib.Path) -> list[tuple[str, str]]:
    """(path, path relative to `top`) of every file under `top`, in a stable order (links to files
    included, as a build reads them). Plain strings: a Path per file costs more than hashing it."""
    found: list[tuple[str, str]] = []
    base = str(top)
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        rel = os.path.relpath(dirpath, base).replace(os.sep, "/")
        prefix = "" if rel == "." else rel + "/"
        # Only regular files: reading a pipe or a device (a theme link to /dev/zero) would never end;
        # the theme check reports such entries as errors.
        found += [
            (path, prefix + name)
            for name in sorted(filenames)
            if os.path.isfile(path := os.path.join(dirpath, name))
        ]
    return found


def code_fingerprint() -> str:
    """One digest of the generator's own source files and the library versions."""
    h = hashlib.blake2b(digest_size=20)
    h.update(library_versions().encode())
    for path, rel in walk(PACKAGE_DIR):
        if not rel.endswith((".py", ".json", ".txt", ".yaml", ".gz")):  # .gz: what the safety rules know
            continue
        h.update(rel.encode() + b"\0")
        with open(path, "rb") as fh:
            h.update(hashlib.blake2b(fh.read(), digest_size=20).digest())
    return h.hexdigest()
