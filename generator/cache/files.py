"""Reading input files once: contents and content hashes, reused within one process while a file's
size, times and inode are unchanged (serve); a new process reads everything afresh."""

from __future__ import annotations

import hashlib
import os
import pathlib
import time

Stamp = tuple[int, int, int, int]
_FRESH_NS = 2_000_000_000  # two saves inside one tick of the file system's clock can leave the same stamp


def _stamp(st: os.stat_result) -> Stamp:
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


class FileDigests:
    def __init__(self, keep_contents: bool = False) -> None:
        self._known: dict[str, tuple[Stamp, bytes]] = {}
        self._contents: dict[str, tuple[Stamp, bytes]] = {}
        self.keep_contents = keep_contents

    def read(self, path: str) -> bytes:
        """The file's bytes (within one process, reused while its stamp is unchanged and not fresh)."""
        st = os.stat(path)
        stamp = _stamp(st)
        known = self._contents.get(path)
        if known is not None and known[0] == stamp and time.time_ns() - st.st_mtime_ns > _FRESH_NS:
            return known[1]
        with open(path, "rb") as fh:
            data = fh.read()
        if self.keep_contents:
            self._contents[path] = (stamp, data)
        self._known[path] = (
            stamp,
            hashlib.blake2b(data, digest_size=20).digest(),
        )  # `of` needs no second read
        return data

    def of(self, path: str | pathlib.Path) -> bytes:
        """A digest of the file's bytes (a marker for a missing or unreadable file)."""
        key = str(path)
        try:
            st = os.stat(key)
        except OSError:
            return b"\0missing"
        known = self._known.get(key)
        stamp = _stamp(st)
        if known is not None and known[0] == stamp and time.time_ns() - st.st_mtime_ns > _FRESH_NS:
            return known[1]
        try:
            with open(key, "rb") as fh:
                value = hashlib.blake2b(fh.read(), digest_size=20).digest()
        except OSError:
            return b"\0unreadable"
        self._known[key] = (stamp, value)
        return value
