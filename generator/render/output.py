"""Where rendered files go, and the checks every file passes on its way there.

The render flow hands each output file to a `Sink` (build: the staging folder; check: nowhere;
serve: memory). A sink that already holds a file with the same digest (the spare previous build,
the last serve build) says so, and the page is then neither rendered nor written: its digest comes
from the page step, its checks from the file-check step, both keyed by what they read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from generator.cache.steps import MISSING, Steps
from generator.content.records import findings_from_json, findings_to_json
from generator.findings import Finding, error
from generator.workers import fork_map


def file_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


class Sink(Protocol):
    def has(self, path: str, digest: str) -> bool: ...
    def put(self, path: str, data: bytes) -> None: ...


class MemorySink:
    """Every file in memory (serve, tests); `previous` holds the last build's files to reuse."""

    def __init__(
        self, previous: dict[str, bytes] | None = None, digests: dict[str, str] | None = None
    ) -> None:
        self.previous = previous or {}
        self.previous_digests = digests or {}
        self.files: dict[str, bytes] = {}

    def has(self, path: str, digest: str) -> bool:
        if self.previous_digests.get(path) == digest and path in self.previous:
            self.files[path] = self.previous[path]
            return True
        return False

    def put(self, path: str, data: bytes) -> None:
        self.files[path] = data


class RecentSink:
    """Files in memory, with the bytes of recent renders kept by digest (serve: a page whose
    digest is known from its page step is taken from here instead of being rendered again).
    `recent` belongs to the caller and keeps only what its last few renders used."""

    KEEP = 4  # renders (serve's previews render the site up to three times a rebuild)

    def __init__(self, recent: dict[str, tuple[int, bytes]]) -> None:
        self.recent = recent
        self.files: dict[str, bytes] = {}
        self.generation = max((g for g, _ in recent.values()), default=0) + 1

    def has(self, path: str, digest: str) -> bool:
        found = self.recent.get(digest)
        if found is None:
            return False
        self.recent[digest] = (self.generation, found[1])
        self.files[path] = found[1]
        return True

    def put(self, path: str, data: bytes) -> None:
        self.files[path] = data
        self.recent[file_digest(data)] = (self.generation, data)

    def forget_old(self) -> None:
        for digest in [d for d, (g, _) in self.recent.items() if g <= self.generation - self.KEEP]:
            del self.recent[digest]


class NullSink:
    """`check`: files are checked, never kept (a cached check result needs no bytes at all)."""

    def has(self, path: str, digest: str) -> bool:
        return True

    def put(self, path: str, data: bytes) -> None:
        return None


@dataclass
class FileChecks:
    """The checks each output file passes (output scan, inline code, confirmation sentences):
    `run_many([(path, data, owner), …])` → findings per file, keyed by `key` (what they read
    besides the file). Files are checked in batches so the scan reads the page chrome once."""

    key: str
    run_many: Callable[[list[tuple[str, bytes, str]]], list[list[Finding]]]


Pending = tuple[str, str, str, bytes]  # path, owner, digest, bytes
CHECK_BATCH = 128
PENDING_MAX = 16 * CHECK_BATCH


@dataclass
class Produced:
    """What the render flow made: every file's digest and owner, and the findings on them."""

    digests: dict[str, str] = field(default_factory=dict)
    owners: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    sitemap: list[tuple[str, dt.date | None]] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # removal builds: files left out because they failed

    def claim(self, path: str, owner: str) -> bool:
        """Two files at one path are an error, never an overwrite (URL-CLASH)."""
        if path in self.owners:
            first = self.owners[path]
            self.findings.append(
                error(
                    owner,
                    1,
                    1,
                    "URL-CLASH",
                    f"{owner} and {first} both produce /{path}",
                    "give one of them a different file name or slug",
                )
            )
            return False
        self.owners[path] = owner
        return True


class Emitter:
    """Runs each output file through its checks into the sink, reusing what it can."""

    def __init__(
        self, steps: Steps, sink: Sink, checks: FileChecks | None, *, drop_failing: bool = False
    ) -> None:
        self.steps = steps
        self.sink = sink
        self.checks = checks
        self.drop_failing = drop_failing  # a removal build leaves out a file that fails, and says so
        self.produced = Produced()
        self._pending: list[Pending] = []

    def emit(self, path: str, owner: str, digest: str | None, make: Callable[[], bytes]) -> None:
        """One file: `digest` when known without making it (a reused page), else `make()`."""
        if not self.produced.claim(path, owner):
            return
        data: bytes | None = None
        if digest is None:
            data = make()
            digest = file_digest(data)
        findings = self._checked(path, owner, digest)
        if findings is None:
            data = data if data is not None else make()
            if not self.drop_failing:  # checked in batches (the scan shares its work within one)
                self._pending.append((path, owner, digest, data))
                if len(self._pending) >= PENDING_MAX:
                    self._run_pending()
                findings = []
            else:
                findings = self._check_now([(path, owner, digest, data)])[0]
        self.produced.findings += findings
        if self.drop_failing and any(f.is_error for f in findings):
            self.produced.dropped.append(path)
            return
        self.produced.digests[path] = digest
        if not self.sink.has(path, digest):
            self.sink.put(path, data if data is not None else make())

    def finish(self) -> Produced:
        """Run the checks of every file not checked yet; return what was produced."""
        self._run_pending()
        return self.produced

    def _run_pending(self) -> None:
        """Check the files waiting, in batches spread over the cores (bounded memory: at most
        PENDING_MAX files wait at a time)."""
        pending, self._pending = self._pending, []
        batches = [pending[i : i + CHECK_BATCH] for i in range(0, len(pending), CHECK_BATCH)]
        for batch, results in zip(batches, fork_map(self._run_batch, batches, minimum=2), strict=True):
            for (path, owner, digest, _), findings in zip(batch, results, strict=True):
                self.steps.remember(self._key(path, owner, digest), findings, findings_to_json)
                self.produced.findings += findings

    def _run_batch(self, batch: list[Pending]) -> list[list[Finding]]:
        assert self.checks is not None
        return self.checks.run_many([(path, data, owner) for path, owner, _, data in batch])

    def _check_now(self, batch: list[Pending]) -> list[list[Finding]]:
        results = self._run_batch(batch)
        for (path, owner, digest, _), findings in zip(batch, results, strict=True):
            self.steps.remember(self._key(path, owner, digest), findings, findings_to_json)
        return results

    def _checked(self, path: str, owner: str, digest: str) -> list[Finding] | None:
        if self.checks is None:
            return []
        found = self.steps.lookup(self._key(path, owner, digest), findings_from_json)
        return None if found is MISSING else found

    def _key(self, path: str, owner: str, digest: str) -> str:
        assert self.checks is not None
        checks = self.checks.key
        return self.steps.memo_value(
            "check-file-key",
            (checks, path, owner, digest),
            lambda: self.steps.key("check-file", checks, path, owner, digest),
        )
