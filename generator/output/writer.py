"""Writing output/ safely: build off to the side, swap in whole, never touch what is not ours.

The new build is written to a staging folder next to the output (same file system), then the two
folders are exchanged in one atomic step (Linux renameat2 RENAME_EXCHANGE); where that is not
available, two renames with recovery on the next run. A marker file says the folder is ours.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import fcntl
import json
import os
import pathlib
import shutil
import time
from collections.abc import Iterator, Mapping

from generator.errors import OutputError

MARKER = ".impactsite-output"
SPARE = "spare-output"  # in .impactsite/: the previous build, kept to be corrected into the next
MARKER_TEXT = json.dumps({"generator": "impactsite", "note": "made by impactsite build; do not edit"}) + "\n"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _renameat2() -> object | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return None
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    fn.restype = ctypes.c_int
    return fn


_EXCHANGE = _renameat2()


def exchange(a: pathlib.Path, b: pathlib.Path) -> bool:
    """Atomically swap two directories; False when the platform cannot."""
    if _EXCHANGE is None:
        return False
    rc = _EXCHANGE(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)  # type: ignore[operator]
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(a))


def check_ownable(root: pathlib.Path, output: pathlib.Path) -> None:
    """Refuse an output folder that holds the site's sources or files we did not make."""
    out = output.resolve() if output.exists() else output.parent.resolve() / output.name
    site = root.resolve()
    if out == site or site.is_relative_to(out) or (out / "site.yaml").exists() or (out / "content").is_dir():
        raise OutputError(f"{output} contains the site's sources; impactsite will not clean it")
    if output.is_symlink():
        raise OutputError(f"{output} is a symbolic link; impactsite only writes to a real folder it owns")
    if output.exists() and not output.is_dir():
        raise OutputError(f"{output} is a file, not a folder; move it away and build again")
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).is_file():
        raise OutputError(
            f"{output} holds files impactsite did not make (no {MARKER} marker); "
            "move them somewhere else or delete the folder, then build again"
        )


@contextlib.contextmanager
def build_lock(state_dir: pathlib.Path, wait_seconds: float = 60.0) -> Iterator[None]:
    """One build at a time per site: a second build waits, then gives up with a clear message."""
    try:
        state_dir.mkdir(parents=True, exist_ok=True)
        fh = open(state_dir / "lock", "w")  # noqa: SIM115 (held until the build ends)
    except OSError as exc:  # a read-only or full disk, or a folder we may not write to
        raise OutputError(
            f"cannot write to {state_dir} ({describe_os_error(exc)}); nothing was changed"
        ) from None
    try:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise OutputError(
                        "another impactsite build is running on this site; try again when it has finished"
                    ) from None
                time.sleep(0.1)
        yield
    finally:
        fh.close()


def recover(output: pathlib.Path, state_dir: pathlib.Path) -> None:
    """Finish a swap that was interrupted between its two renames (platforms without exchange), and
    keep an interrupted staging folder as the spare (write_tree corrects every file of a spare)."""
    old = state_dir / "previous-output"
    if not output.exists() and old.is_dir() and (old / MARKER).is_file():
        os.rename(old, output)
    spare = state_dir / SPARE
    for leftover in state_dir.glob("staging-*"):
        if not spare.exists() and (leftover / MARKER).is_file():
            os.rename(leftover, spare)
        else:
            shutil.rmtree(leftover, ignore_errors=True)
    if old.exists() and output.exists():
        shutil.rmtree(old, ignore_errors=True)


def _existing(folder: pathlib.Path) -> dict[str, int]:
    """Files already in a folder being reused (relative path → size)."""
    found: dict[str, int] = {}
    for dirpath, _, filenames in os.walk(folder):
        rel = os.path.relpath(dirpath, folder)
        for name in filenames:
            path = os.path.join(dirpath, name)
            key = name if rel == "." else f"{rel}/{name}".replace(os.sep, "/")
            try:
                st = os.lstat(path)
            except OSError:
                continue
            found[key] = st.st_size if not os.path.islink(path) else -1
    return found


def write_tree(staging: pathlib.Path, files: Mapping[str, bytes]) -> None:
    """Make `staging` hold exactly `files` and the marker. A folder that already exists (the spare:
    the build before last) is corrected in place: only files whose bytes differ are written and
    files no longer wanted are removed, because deleting and recreating a whole tree costs more
    than building it on many disks (3 ms a file here)."""
    existing = _existing(staging) if staging.is_dir() else {}
    staging.mkdir(parents=True, exist_ok=True)
    if existing.get(MARKER) != len(MARKER_TEXT.encode()):
        (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    made: set[pathlib.Path] = set()
    for rel in sorted(files):
        target = staging / rel
        data = files[rel]
        if existing.get(rel) == len(data):
            with open(target, "rb") as fh:
                if fh.read() == data:
                    continue
        parent = target.parent
        if parent not in made:
            parent.mkdir(parents=True, exist_ok=True)
            made.add(parent)
        if existing.get(rel) == -1:
            os.unlink(target)  # never write through a link
        with open(target, "wb") as fh:
            fh.write(data)
    stale = sorted(set(existing) - set(files) - {MARKER})
    for rel in stale:
        os.unlink(staging / rel)
    if stale:
        for dirpath, _, _ in sorted(os.walk(staging), key=lambda w: -len(w[0])):
            if dirpath != str(staging) and not os.listdir(dirpath):
                os.rmdir(dirpath)


def publish(
    root: pathlib.Path, output: pathlib.Path, state_dir: pathlib.Path, files: Mapping[str, bytes]
) -> None:
    """Write `files` as the whole new content of `output`, atomically."""
    check_ownable(root, output)
    recover(output, state_dir)
    staging = state_dir / f"staging-{os.getpid()}"
    spare = state_dir / SPARE
    try:
        if staging.exists():
            shutil.rmtree(staging)
        if _EXCHANGE is not None and spare.is_dir() and not spare.is_symlink() and (spare / MARKER).is_file():
            os.rename(spare, staging)  # the build before last: most of its files are already right
        write_tree(staging, files)
        _fsync_tree(staging)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(
            f"could not write the new build ({describe_os_error(exc)}); the previous output is untouched"
        ) from None
    try:
        if not output.exists():
            os.rename(staging, output)
            return
        if exchange(staging, output):
            os.rename(staging, spare)  # it now holds the previous build: the next build starts from it
            return
        old = state_dir / "previous-output"
        shutil.rmtree(old, ignore_errors=True)
        os.rename(output, old)
        try:
            os.rename(staging, output)
        except OSError:
            os.rename(old, output)  # put the previous build back, so the message below stays true
            raise
        shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        denied = exc.errno in (errno.EACCES, errno.EPERM)
        reason = (
            f"no permission to change {output} or the folder it is in" if denied else describe_os_error(exc)
        )
        raise OutputError(
            f"could not replace {output} ({reason}); the previous output is untouched"
        ) from None


def describe_os_error(exc: OSError) -> str:
    """Why a write failed, in words a writer can act on."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return (exc.strerror or str(exc)).lower()


def _fsync_tree(path: pathlib.Path) -> None:
    """Make the staged build durable before it becomes the output (crash safety)."""
    if os.environ.get("IMPACTSITE_NO_FSYNC"):
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.sync()
