"""Results reused between builds and between `serve`'s rebuilds, each keyed on everything it depends on.

A cached result can never skip a rule that now applies: every key covers the generator's own code,
the libraries, the denylist key's check and every input besides the stories (`site_fingerprint`),
plus what the result itself reads. A missing, stale or corrupt entry is simply computed again.

| what | key | kept |
|---|---|---|
| parsed stories and pages | file name, its bytes, the site's zone | in memory (serve) |
| a story's findings | site fingerprint, the file's text, its publication, the day at `at` | memory and `.impactsite/cache/results.json` |
| rendered bodies | see bodies.py | memory and `.impactsite/cache/bodies.json` |
| rendered pages | the template and everything passed to it (hash and equality of values) | in memory (serve) |
| clean output files | the scan's own fingerprint (denylist, protected names), the file's bytes | memory and results.json |

The persisted file is JSON (it can never run code), written atomically, and only after a build
succeeded; entries the build did not use are dropped so it never grows without bound.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import json
import os
import pathlib
import time
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any

from generator.findings import Finding
from generator.output.state import finding_from_json, finding_to_json

if TYPE_CHECKING:
    from generator.render.theme import Theme

FORMAT = "impactsite-results/2"  # 2: findings carry length and token
_MISSING = object()
Checked = tuple[list[Finding], list[Finding]]


def digest(*parts: str | bytes) -> str:
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def _hex_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


class FileDigests:
    """Content hashes and contents of files, reused only while a file's size, times and inode are
    unchanged (within one process: a new process reads everything once)."""

    def __init__(self, keep_contents: bool = False) -> None:
        self._known: dict[str, tuple[tuple[int, int, int, int], bytes]] = {}
        self._contents: dict[str, tuple[tuple[int, int, int, int], bytes]] = {}
        self.keep_contents = keep_contents

    def read(self, path: str) -> bytes:
        """The file's bytes; within one process (serve), reused while its size, times and inode are
        unchanged. A file changed in the last two seconds is always read: two saves inside one tick
        of the file system's clock can leave the same size and times."""
        st = os.stat(path)
        stamp = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
        known = self._contents.get(path)
        if known is not None and known[0] == stamp and time.time_ns() - st.st_mtime_ns > 2_000_000_000:
            return known[1]
        with open(path, "rb") as fh:
            data = fh.read()
        if self.keep_contents:
            self._contents[path] = (stamp, data)
        return data

    def of(self, path: str | pathlib.Path) -> bytes:
        key = str(path)
        try:
            st = os.stat(key)
        except OSError:
            return b"\0missing"
        known = self._known.get(key)
        stamp = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
        if known is not None and known[0] == stamp and time.time_ns() - st.st_mtime_ns > 2_000_000_000:
            return known[1]  # see read(): a file changed in the last two seconds is always hashed
        try:
            with open(key, "rb") as fh:
                value = hashlib.blake2b(fh.read(), digest_size=20).digest()
        except OSError:
            return b"\0unreadable"
        self._known[key] = (stamp, value)
        return value


class Caches:
    def __init__(
        self,
        folder: pathlib.Path | None = None,
        *,
        in_memory: bool = False,
        save_once: bool = False,
        output_dir: pathlib.Path | None = None,
    ) -> None:
        self.folder = folder  # None: nothing read from or written to disk
        # serve: keep parsed files, pages and per-page results for the next rebuild. A one-off build
        # would only pay for them in memory (a gigabyte at 10,000 stories).
        self.in_memory = in_memory
        self.save_once = save_once  # serve: write the file after the first build only, not after every save
        self.files = FileDigests(keep_contents=in_memory)
        self.parsed: dict[tuple[str, bytes, str], Any] = {}
        self.checks: dict[str, Checked] = {}
        self.bodies: dict[str, tuple[str, tuple[str, ...]]] = {}
        self.pages: dict[Hashable, str] = {}
        self._next_checks: dict[str, Checked] = {}
        self._next_pages: dict[Hashable, str] = {}
        self._next_derived: dict[tuple[str, Hashable], Any] = {}
        self._scanned: set[str] = set()
        self._theme: tuple[str, Theme] | None = None
        self.derived: dict[tuple[str, Hashable], Any] = {}
        self.clean: dict[str, set[str]] = {}  # scan fingerprint → digests of files found clean
        self.output_dir = output_dir  # where the previous build's pages can be read back (build only)
        self.site_key = ""  # set by make(): the site's fingerprint without the stories
        self._pages_before: dict[str, tuple[str, str]] = {}
        self._pages_now: dict[str, tuple[str, str]] = {}
        self._csp_before = ""
        self._csp_now = ""
        if folder is not None:
            self._load(folder / "results.json")
            if output_dir is not None:
                self._load_page_record()

    # --- the theme (its Jinja environment compiles each template once) -------------------------
    def theme(self, site_root: pathlib.Path) -> Theme:
        from generator.render.theme import (  # Jinja: not for up-to-date builds
            Theme,
            theme_dirs,
            theme_fingerprint,
        )

        fingerprint = theme_fingerprint(theme_dirs(site_root), self.files.of)
        if self._theme is None or self._theme[0] != fingerprint:
            theme = Theme(site_root)
            theme._fingerprint = fingerprint
            self._theme = (fingerprint, theme)
        return self._theme[1]

    # --- parse ----------------------------------------------------------------------------------
    def parse(self, rel: str, raw: bytes, zone: str, compute: Callable[[], Any]) -> Any:
        if not self.in_memory:
            return compute()
        key = (rel, raw, zone)
        found = self.parsed.get(key)
        if found is None:
            found = self.parsed[key] = compute()
        return found

    def forget_parsed_except(self, keep: set[tuple[str, bytes, str]]) -> None:
        for key in set(self.parsed) - keep:
            del self.parsed[key]

    # --- checks ---------------------------------------------------------------------------------
    @staticmethod
    def check_key(
        site: str, path: str, text: str, state: str, channels: frozenset[str], reason: str, day: dt.date
    ) -> str:
        return digest("checks", site, path, text, state, ",".join(sorted(channels)), reason, day.isoformat())

    def checked(self, key: str) -> Checked | None:
        return self._reuse(self.checks, self._next_checks, key)

    def remember_checks(self, key: str, result: Checked) -> None:
        self._next_checks[key] = result

    # --- pages ----------------------------------------------------------------------------------
    def page(self, key: Hashable, render: Callable[[], str]) -> str:
        if not self.in_memory:
            return render()
        try:
            found = self._reuse(self.pages, self._next_pages, key)
        except TypeError:  # something passed to the template cannot be hashed: no reuse, just render
            return render()
        if found is None:
            found = self._next_pages[key] = render()
        return found

    # --- pages of the previous build, read back from output/ (build) -----------------------------
    def previous_page(self, path: str, inputs: str) -> str | None:
        """The page the previous build rendered at `path` from the same inputs, read back from
        output/ without the CSP <meta> it added; None unless the file is exactly that render
        (its digest, recorded with the inputs', is checked)."""
        if self.output_dir is None:
            return None
        found = self._pages_before.get(path)
        if found is None or found[0] != inputs or not self._csp_before:
            return None
        try:
            with open(self.output_dir / path, "rb") as fh:
                text = fh.read().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        text = text.replace(self._csp_before, "", 1)
        return text if _hex_digest(text.encode("utf-8")) == found[1] else None

    def rendered(self, path: str, inputs: str, html: str) -> None:
        self._pages_now[path] = (inputs, _hex_digest(html.encode("utf-8")))

    def note_csp_tag(self, tag: str) -> None:
        self._csp_now = tag

    def forget_page_record(self) -> None:
        if self.folder is not None:
            with contextlib.suppress(OSError):
                (self.folder / "pages.json").unlink()

    def save_page_record(self) -> None:
        """After the build's output is published: what each page was rendered from."""
        if self.folder is None:
            return
        data = {
            "format": FORMAT,
            "csp": self._csp_now,
            "pages": {k: list(v) for k, v in sorted(self._pages_now.items())},
        }
        _write_json(self.folder / "pages.json", data)

    def _load_page_record(self) -> None:
        assert self.folder is not None
        try:
            data = json.loads((self.folder / "pages.json").read_text(encoding="utf-8"))
            if data.get("format") == FORMAT:
                self._csp_before = str(data["csp"])
                self._pages_before = {str(k): (str(v[0]), str(v[1])) for k, v in data["pages"].items()}
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
            self._csp_before, self._pages_before = "", {}

    # --- anything else computed from one page or value (security hashes, confirmation checks) -----
    def derive(self, namespace: str, key: Hashable, compute: Callable[[], Any]) -> Any:
        if not self.in_memory:
            return compute()
        full = (namespace, key)
        try:
            found = self._reuse(self.derived, self._next_derived, full, _MISSING)
        except TypeError:
            return compute()
        if found is _MISSING:
            found = self._next_derived[full] = compute()
        return found

    @staticmethod
    def _reuse(old: dict[Any, Any], new: dict[Any, Any], key: Any, missing: Any = None) -> Any:
        """Entries used by this build move to the next generation; finish() drops the rest. A
        failed build keeps both, so serve's next rebuild still finds everything."""
        found = new.get(key, _MISSING)
        if found is _MISSING:
            found = old.get(key, _MISSING)
            if found is _MISSING:
                return missing
            new[key] = found
        return found

    # --- output scan ----------------------------------------------------------------------------
    def is_clean(self, scan: str, data: bytes) -> bool:
        """Whether these bytes passed this scan before. Each file asked about is remembered: if the
        build succeeds, every one of them passed."""
        found = self.derive(
            "blake2b", data, functools.partial(_hex_digest, data)
        )  # computed once per bytes object
        self._scanned.add(found)
        return found in self.clean.get(scan, ())

    # --- after a successful build ---------------------------------------------------------------
    def finish(self, scan: str) -> None:
        """After a successful build: keep only what it used (bounded memory), record the files its
        output scan passed, and persist."""
        self.checks, self._next_checks = self._next_checks, {}
        self.pages, self._next_pages = self._next_pages, {}
        self.derived, self._next_derived = self._next_derived, {}
        self.clean = {scan: self._scanned}
        self._scanned = set()
        if self.folder is not None:
            self._save(self.folder / "results.json")
            if self.save_once:
                self.folder = None

    def _load(self, path: pathlib.Path) -> None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                return
            self.checks = {
                str(k): ([finding_from_json(f) for f in v[0]], [finding_from_json(f) for f in v[1]])
                for k, v in data["checks"].items()
            }
            self.clean = {str(k): {str(d) for d in v} for k, v in data["clean"].items()}
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
            self.checks, self.clean = {}, {}  # corrupt: start afresh, never trust part of it

    def _save(self, path: pathlib.Path) -> None:
        data = {
            "format": FORMAT,
            "checks": {
                k: [[finding_to_json(f) for f in v[0]], [finding_to_json(f) for f in v[1]]]
                for k, v in sorted(self.checks.items())
            },
            "clean": {k: sorted(v) for k, v in self.clean.items()},
        }
        _write_json(path, data)


def _write_json(path: pathlib.Path, data: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # a cache that cannot be written (full disk) costs time next build, never the build
