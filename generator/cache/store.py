"""The one store: every result a build can reuse, and the record of what is published, in one file.

`.impactsite/store.sqlite` (SQLite: one file, transactions, the standard library) holds

- `entries`: step results, each under `Store.key(kind, *inputs)`: the one key function, which
  covers the step's inputs, the generator's code and the versions of every library that shapes
  output (keys.py). Small entries are read all at once when the store opens; large ones (rendered
  bodies, pictures, source snapshots) one by one when a step asks.
- `state`: named records (what output/ holds, what was published, the up-to-date answer).

Every value carries a keyed BLAKE2 MAC over its key and bytes. The key is per site: 32 random bytes
in `.impactsite/store.key` (created with permissions 0600), or `IMPACTSITE_STORE_KEY` when set (CI
should set it from a secret, so that a cache restored from elsewhere cannot be forged). An entry
whose MAC does not match is never used: a build can only reuse what a build of this site wrote, so
no entry can make a build publish what a cold build would not.

A store that cannot be read (corrupt, locked, another format) is set aside with a note and the
build runs cold; nothing about the store can stop a build. `Store.commit` is the one writer: one
transaction with everything a build adds, and, after a successful build, without what it did not use.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import pathlib
import secrets
import sqlite3
from collections.abc import Iterable

from generator.cache.keys import code_fingerprint
from generator.cache.secret import site_secret

FILE = "store.sqlite"
FORMAT = "impactsite-store/1"
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE IF NOT EXISTS small (key TEXT PRIMARY KEY, value BLOB, mac BLOB)",
    "CREATE TABLE IF NOT EXISTS large (key TEXT PRIMARY KEY, value BLOB, mac BLOB)",
    "CREATE TABLE IF NOT EXISTS state (name TEXT PRIMARY KEY, value BLOB, mac BLOB)",
)


def digest(*parts: str | bytes) -> str:
    """A digest of several texts or byte strings (each length-prefixed, so no two lists collide)."""
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


class Store:
    """Reusable results, authenticated. `Store.memory()` keeps them for this process only."""

    def __init__(
        self, path: pathlib.Path | None, secret: bytes | None, *, readonly: bool, notes: list[str]
    ) -> None:
        self.path = path
        self.readonly = readonly or secret is None
        self.notes = notes
        self.code = code_fingerprint()
        self._base = hashlib.blake2b(digest_size=20)
        self._base.update(len(self.code).to_bytes(8, "little") + self.code.encode())
        self._secret = secret or secrets.token_bytes(32)
        self._small: dict[str, tuple[bytes, bytes]] = {}  # as read, verified on first use
        self._verified: dict[str, bytes] = {}
        self._new: dict[str, tuple[bytes, bool]] = {}  # key → (value, large)
        self._state_new: dict[str, bytes] = {}
        self._used: set[str] = set()
        self._forged = 0
        self._db: sqlite3.Connection | None = None
        if path is not None and secret is not None:
            self._open(path)

    @classmethod
    def open(cls, state_dir: pathlib.Path, *, readonly: bool = False) -> Store:
        notes: list[str] = []
        path = state_dir / FILE
        if readonly and not path.exists():
            return cls(None, None, readonly=True, notes=notes)
        secret = site_secret(state_dir, create=not readonly, notes=notes)
        return cls(path, secret, readonly=readonly, notes=notes)

    @classmethod
    def memory(cls) -> Store:
        return cls(None, None, readonly=False, notes=[])

    # --- the one key function -----------------------------------------------------------------------
    def key(self, kind: str, *parts: str | bytes) -> str:
        """The key of a step's result: its kind, everything it read, the code and the libraries."""
        h = self._base.copy()
        for part in (kind, *parts):
            data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
            h.update(len(data).to_bytes(8, "little"))
            h.update(data)
        return kind + ":" + h.hexdigest()

    # --- reading ----------------------------------------------------------------------------------------
    def _mac(self, key: str, value: bytes) -> bytes:
        return hashlib.blake2b(
            len(key).to_bytes(4, "little") + key.encode() + value, key=self._secret, digest_size=32
        ).digest()

    def _check(self, key: str, value: bytes, mac: bytes) -> bytes | None:
        if hmac.compare_digest(self._mac(key, value), mac):
            return value
        self._forged += 1
        return None

    def get(self, key: str) -> bytes | None:
        """The value stored under `key`, if it is authentic; marks it as used by this build."""
        new = self._new.get(key)
        if new is not None:
            self._used.add(key)
            return new[0]
        value = self._verified.get(key)
        if value is None:
            row = self._small.get(key)
            if row is not None:
                value = self._check(key, *row)
            elif self._db is not None:
                value = self._large(key)
            if value is None:
                return None
            if row is not None:
                self._verified[key] = value
        self._used.add(key)
        return value

    def _large(self, key: str) -> bytes | None:
        assert self._db is not None
        try:
            row = self._db.execute("SELECT value, mac FROM large WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError as exc:
            self._broken(exc)
            return None
        return None if row is None else self._check(key, bytes(row[0]), bytes(row[1]))

    def put(self, key: str, value: bytes, *, large: bool = False) -> None:
        self._new[key] = (value, large)
        self._used.add(key)

    def keep(self, keys: Iterable[str]) -> None:
        """Mark entries as used by this build without reading them (they stay after pruning)."""
        self._used.update(keys)

    def get_state(self, name: str) -> bytes | None:
        if name in self._state_new:
            return self._state_new[name]
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT value, mac FROM state WHERE name = ?", (name,)).fetchone()
        except sqlite3.DatabaseError as exc:
            self._broken(exc)
            return None
        return None if row is None else self._check("state/" + name, bytes(row[0]), bytes(row[1]))

    def put_state(self, name: str, value: bytes) -> None:
        self._state_new[name] = value

    # --- the one writer -----------------------------------------------------------------------------------
    def commit(self, *, prune: bool) -> None:
        """Write what this build added in one transaction; with `prune`, drop what it did not use."""
        self._note_forged()
        if self._db is None or self.readonly:
            self._forget_new()
            return
        db = self._db
        try:
            with db:
                db.executemany(
                    "INSERT OR REPLACE INTO small VALUES (?, ?, ?)",
                    [(k, v, self._mac(k, v)) for k, (v, large) in self._new.items() if not large],
                )
                db.executemany(
                    "INSERT OR REPLACE INTO large VALUES (?, ?, ?)",
                    [(k, v, self._mac(k, v)) for k, (v, large) in self._new.items() if large],
                )
                db.executemany(
                    "INSERT OR REPLACE INTO state VALUES (?, ?, ?)",
                    [(n, v, self._mac("state/" + n, v)) for n, v in self._state_new.items()],
                )
                if prune:
                    db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
                    db.execute("DELETE FROM used")
                    db.executemany("INSERT OR IGNORE INTO used VALUES (?)", [(k,) for k in self._used])
                    for table in ("small", "large"):
                        db.execute(f"DELETE FROM {table} WHERE key NOT IN (SELECT key FROM used)")
        except sqlite3.DatabaseError as exc:
            self._broken(exc)
            return
        for k, (v, large) in self._new.items():
            if not large:
                self._small[k] = (v, self._mac(k, v))
                self._verified[k] = v
        if prune:
            self._small = {k: v for k, v in self._small.items() if k in self._used}
            self._verified = {k: v for k, v in self._verified.items() if k in self._used}
        self._forget_new()

    def _forget_new(self) -> None:
        self._new.clear()
        self._state_new.clear()
        self._used = set()

    def discard(self) -> None:
        """Forget what this build added (it failed): the next build starts from what was stored."""
        self._note_forged()
        self._forget_new()

    def forget(self, keys: Iterable[str]) -> None:
        """Remove entries now (content that came down must not linger in the store)."""
        keys = list(keys)
        for k in keys:
            self._small.pop(k, None)
            self._verified.pop(k, None)
            self._new.pop(k, None)
            self._used.discard(k)
        if self._db is None or self.readonly or not keys:
            return
        try:
            with self._db:
                for table in ("small", "large"):
                    self._db.executemany(f"DELETE FROM {table} WHERE key = ?", [(k,) for k in keys])
        except sqlite3.DatabaseError as exc:
            self._broken(exc)

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    # --- opening, and what happens when the file is not what it should be ------------------------------
    def _open(self, path: pathlib.Path) -> None:
        try:
            if self.readonly:
                db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5, check_same_thread=False)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(path, timeout=30, check_same_thread=False)
                db.execute("PRAGMA journal_mode=DELETE")
                db.execute("PRAGMA synchronous=OFF")  # a cache: a lost write costs time, never a wrong result
                for statement in _SCHEMA:
                    db.execute(statement)
            row = db.execute("SELECT value FROM meta WHERE name = 'format'").fetchone()
            if row is None and not self.readonly:
                with db:
                    db.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))
            elif row is None or row[0] != FORMAT:
                db.close()
                self._set_aside(path, "it is from another version of impactsite")
                if not self.readonly:
                    self._open(path)
                return
            self._small = {
                str(k): (bytes(v), bytes(m)) for k, v, m in db.execute("SELECT key, value, mac FROM small")
            }
            self._db = db
        except sqlite3.DatabaseError as exc:
            self._set_aside(path, f"it could not be read ({exc})")
            if not self.readonly:
                with contextlib.suppress(sqlite3.DatabaseError, OSError):
                    self._db = sqlite3.connect(path, timeout=30, check_same_thread=False)
                    for statement in _SCHEMA:
                        self._db.execute(statement)
                    with self._db:
                        self._db.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (FORMAT,))

    def _set_aside(self, path: pathlib.Path, why: str) -> None:
        self.notes.append(f"note: {path} was ignored because {why}; this build starts without it")
        self._small = {}
        if not self.readonly:
            for suffix in ("", "-journal"):
                with contextlib.suppress(OSError):
                    os.unlink(str(path) + suffix)

    def _broken(self, exc: sqlite3.DatabaseError) -> None:
        self.notes.append(f"note: the store could not be used ({exc}); results are not reused or kept")
        self.close()

    def _note_forged(self) -> None:
        if self._forged:
            self.notes.append(
                f"note: {self._forged} stored result(s) failed their authenticity check and were ignored "
                "(was .impactsite/ copied from another site or altered?); they were made again"
            )
            self._forged = 0
