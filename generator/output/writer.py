"""Writing output/ safely: build off to the side, swap in whole, never touch what is not ours.

The new build is written to a staging folder next to the output (same file system): the spare
(`.impactsite/spare-output`, a previous build) is renamed to it and corrected, writing only files
whose digest differs. Then the two folders are exchanged in one atomic step (Linux renameat2
RENAME_EXCHANGE), or, where that does not exist, by two renames with recovery on the next run. A
marker file says the folder is ours. The spare never holds a file the live output does not: after
each swap, whatever the new build changed or removed is deleted from it (a takedown leaves no copy).

Which spare file holds which digest is recorded with each file's size, times and inode; a file
whose stamp differs is never trusted (it is written again). Linux-only calls are looked up when
used, never at import: on other systems the portable path runs.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import pathlib
import shutil
import warnings
from collections.abc import Iterator, Sequence

from generator.errors import OutputError

MARKER = ".impactsite-output"
SPARE = "spare-output"  # in .impactsite/: a previous build, kept to be corrected into the next
MARKER_TEXT = json.dumps({"generator": "impactsite", "note": "made by impactsite build; do not edit"}) + "\n"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
Entry = tuple[str, int, int, int, int]  # digest, size, mtime_ns, ctime_ns, inode
Manifest = dict[str, Entry]


def _renameat2() -> object | None:
    """libc's renameat2, or None where there is none (not Linux, or an old C library)."""
    try:
        import ctypes
        import ctypes.util

        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError, ImportError):
        return None
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    fn.restype = ctypes.c_int
    return fn


def exchange(a: pathlib.Path, b: pathlib.Path) -> bool:
    """Atomically swap two directories; False when the platform cannot."""
    fn = _renameat2()
    if fn is None:
        return False
    import ctypes

    rc = fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)  # type: ignore[operator]
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
    """One build at a time per site: a second build waits, then gives up with a clear message.
    The lock is the operating system's (filelock: flock on Unix, msvcrt on Windows), so a build
    that is killed releases it."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "only soft file lock is available": still a lock
        import filelock
    try:
        state_dir.mkdir(parents=True, exist_ok=True)
        lock = filelock.FileLock(str(state_dir / "lock"), timeout=wait_seconds)
        lock.acquire(poll_interval=0.1)
    except filelock.Timeout:
        raise OutputError(
            "another impactsite build is running on this site; try again when it has finished"
        ) from None
    except OSError as exc:  # a read-only or full disk, or a folder we may not write to
        raise OutputError(
            f"cannot write to {state_dir} ({describe_os_error(exc)}); nothing was changed"
        ) from None
    try:
        yield
    finally:
        lock.release()


def recover(output: pathlib.Path, state_dir: pathlib.Path) -> None:
    """Finish a swap that was interrupted between its two renames (platforms without exchange), and
    keep an interrupted staging folder as the spare (its files are only trusted by their stamps)."""
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
        if not spare.exists() and (old / MARKER).is_file():
            os.rename(old, spare)
        else:
            shutil.rmtree(old, ignore_errors=True)


def describe_os_error(exc: OSError) -> str:
    """Why a write failed, in words a writer can act on."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return (exc.strerror or str(exc)).lower()


SYNC_ALL_OVER = 256  # files written; above this one machine-wide sync is cheaper than fsync per file


def fsync_tree(path: pathlib.Path, written: Sequence[str] | None = None) -> None:
    """Make the staged build durable before it becomes the output (crash safety): each written
    file and its folder when there are few (a machine-wide sync can wait on other programs' writes
    for seconds), everything at once when there are many."""
    if os.environ.get("IMPACTSITE_NO_FSYNC") or os.name != "posix":
        return
    if written is not None and len(written) <= SYNC_ALL_OVER:
        folders = {path} | {(path / rel).parent for rel in written}
        for target in [*(path / rel for rel in written), *sorted(folders)]:
            with contextlib.suppress(FileNotFoundError):
                fd = os.open(target, os.O_RDONLY)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.sync()
