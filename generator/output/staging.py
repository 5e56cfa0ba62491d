"""The next output/, made beside it from the spare, and the spare kept free of what came down.

`Staging` is the render flow's sink for `build`: `has(path, digest)` is true when the spare already
holds exactly that file (by its recorded digest and stamp: size, times and inode), or when the live
output does and it can be linked; otherwise the file is made and `put`. Files are only ever
replaced, never changed in place, so a link shared by two builds cannot be altered through the other.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import pathlib
import shutil
import stat
from collections.abc import Mapping

from generator.errors import OutputError
from generator.output import writer
from generator.output.writer import (
    MARKER,
    MARKER_TEXT,
    SPARE,
    Entry,
    Manifest,
    check_ownable,
    describe_os_error,
    fsync_tree,
    recover,
)


def _stamp(digest: str, st: os.stat_result) -> Entry:
    return (digest, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


class Staging:
    """The next output/, made in `.impactsite/staging-PID` from the spare. A sink for the render
    flow: `has(path, digest)` is true when the spare already holds exactly that file."""

    def __init__(
        self,
        root: pathlib.Path,
        output: pathlib.Path,
        state_dir: pathlib.Path,
        spare: Manifest,
        live: Manifest | None = None,
    ) -> None:
        check_ownable(root, output)
        self.output = output
        self.live = live if live is not None else {}  # output/'s files: linked when the spare lacks one
        self.state_dir = state_dir
        self.dir = state_dir / f"staging-{os.getpid()}"
        self.now: Manifest = {}  # what this build's files are, with their stamps
        try:
            recover(output, state_dir)
            if self.dir.exists():
                shutil.rmtree(self.dir)
            folder = state_dir / SPARE
            if folder.is_dir() and not folder.is_symlink() and (folder / MARKER).is_file():
                os.rename(folder, self.dir)
                self.known = dict(spare)
            else:
                self.dir.mkdir(parents=True)
                self.known = {}
        except OSError as exc:
            raise OutputError(
                f"could not write the new build ({describe_os_error(exc)}); the previous output is untouched"
            ) from None
        self._made: set[pathlib.Path] = set()
        self.written: list[str] = []  # files written (not linked or kept), to make durable

    def has(self, path: str, digest: str) -> bool:
        """Whether staging already holds exactly this file: by its recorded stamp, or else (a spare
        without a record, a file touched since) by reading it."""
        target = self.dir / path
        try:
            st = os.lstat(target)
        except OSError:
            return self._link_from_output(path, digest)
        entry = self.known.get(path)
        if entry is not None and entry[0] == digest and _stamp(digest, st) == entry:
            self.now[path] = entry
            return True
        if self._link_from_output(path, digest):
            return True
        if not stat.S_ISREG(st.st_mode):
            return False
        try:
            with open(target, "rb") as fh:
                same = _digest(fh.read()) == digest
        except OSError:
            return False
        if same:
            self.now[path] = _stamp(digest, st)
        return same

    def _link_from_output(self, path: str, digest: str) -> bool:
        """The live output holds this exact file (its recorded stamp proves it): link it into
        staging instead of making it again. Files are never changed in place, only replaced, so
        a link shared by two builds can never be altered through the other."""
        entry = self.live.get(path)
        if entry is None or entry[0] != digest:
            return False
        source, target = self.output / path, self.dir / path
        try:
            if _stamp(digest, os.lstat(source)) != entry:
                return False
            with contextlib.suppress(FileNotFoundError):
                os.unlink(target)
            parent = target.parent
            if parent not in self._made:
                parent.mkdir(parents=True, exist_ok=True)
                self._made.add(parent)
            os.link(source, target)
            stamp = _stamp(digest, os.lstat(target))  # a new link changes the shared inode's ctime
        except OSError:
            return False
        self.live[path] = stamp
        self.now[path] = stamp
        return True

    def put(self, path: str, data: bytes) -> None:
        target = self.dir / path
        try:
            parent = target.parent
            if parent not in self._made:
                parent.mkdir(parents=True, exist_ok=True)
                self._made.add(parent)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(target)  # never write through a link, nor into a file another build shares
            with open(target, "wb") as fh:
                fh.write(data)
            self.now[path] = _stamp(_digest(data), os.lstat(target))
            self.written.append(path)
        except OSError as exc:
            self.abandon()
            raise OutputError(
                f"could not write the new build ({describe_os_error(exc)}); the previous output is untouched"
            ) from None

    def complete(self, paths: Mapping[str, str]) -> None:
        """Leave exactly `paths` (and the marker) in staging, made durable."""
        try:
            marker = self.dir / MARKER
            if not marker.is_file() or marker.read_text(encoding="utf-8") != MARKER_TEXT:
                marker.write_text(MARKER_TEXT, encoding="utf-8")
            stale: list[str] = []
            for dirpath, _, filenames in os.walk(self.dir):
                rel = os.path.relpath(dirpath, self.dir).replace(os.sep, "/")
                for name in filenames:
                    key = name if rel == "." else f"{rel}/{name}"
                    if key != MARKER and key not in paths:
                        stale.append(key)
            for key in stale:
                os.unlink(self.dir / key)
            # Folders left empty: only the stale files' own folders and their parents can be.
            folders = {parent for key in stale for parent in pathlib.PurePosixPath(key).parents}
            for folder in sorted(folders - {pathlib.PurePosixPath(".")}, key=lambda f: -len(f.parts)):
                with contextlib.suppress(OSError):  # not empty: kept
                    os.rmdir(self.dir / folder)
            missing = sorted(set(paths) - set(self.now))
            if missing:
                raise OSError(
                    errno.ENOENT, f"{len(missing)} file(s) of the build were never written", missing[0]
                )
            fsync_tree(self.dir, self.written)
        except OSError as exc:
            self.abandon()
            raise OutputError(
                f"could not write the new build ({describe_os_error(exc)}); the previous output is untouched"
            ) from None

    def swap(self) -> None:
        """Make staging the output; the previous output becomes the spare."""
        output, spare = self.output, self.state_dir / SPARE
        try:
            if not output.exists():
                os.rename(self.dir, output)
                return
            if writer.exchange(self.dir, output):  # looked up at call time: tests may replace it
                os.rename(self.dir, spare)
                return
            old = self.state_dir / "previous-output"
            shutil.rmtree(old, ignore_errors=True)
            os.rename(output, old)
            try:
                os.rename(self.dir, output)
            except OSError:
                os.rename(old, output)  # put the previous build back, so the message below stays true
                raise
            os.rename(old, spare)
        except OSError as exc:
            shutil.rmtree(self.dir, ignore_errors=True)
            denied = exc.errno in (errno.EACCES, errno.EPERM)
            reason = (
                f"no permission to change {output} or the folder it is in"
                if denied
                else describe_os_error(exc)
            )
            raise OutputError(
                f"could not replace {output} ({reason}); the previous output is untouched"
            ) from None

    def abandon(self) -> Manifest:
        """A build that will not be published: keep its folder as the spare (every file in it is
        known by its stamp) and return what it holds."""
        spare = self.state_dir / SPARE
        held = {**self.known, **self.now}
        try:
            if self.dir.exists() and not spare.exists() and held:
                (self.dir / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
                os.rename(self.dir, spare)
                return held
            shutil.rmtree(self.dir, ignore_errors=True)
        except OSError:
            shutil.rmtree(self.dir, ignore_errors=True)
        return {}


def purge_spare(state_dir: pathlib.Path, spare: Manifest, live: Manifest) -> Manifest:
    """Delete from the spare every file the live output does not hold byte for byte (what the new
    build changed or took down): no copy of removed content stays in .impactsite/. (A file the
    record does not know is never used, and the next build's staging deletes it.)"""
    folder = state_dir / SPARE
    kept: Manifest = {}
    for path, entry in spare.items():
        now = live.get(path)
        if now is not None and now[0] == entry[0]:
            kept[path] = entry
            continue
        with contextlib.suppress(OSError):
            os.unlink(folder / path)
    return kept


def publish(
    root: pathlib.Path, output: pathlib.Path, state_dir: pathlib.Path, files: Mapping[str, bytes]
) -> Manifest:
    """Write `files` as the whole new content of `output`, atomically (without a record of the
    spare, every file is written). Returns the new output's manifest."""
    staging = Staging(root, output, state_dir, {})
    for path in sorted(files):
        if not staging.has(path, _digest(files[path])):
            staging.put(path, files[path])
    staging.complete({p: "" for p in files})
    staging.swap()
    return staging.now
