#!/usr/bin/env python3
"""CPU time of the text detectors (`textscan.scan`) per story, before and after a change, in one run.

    .venv/bin/python bench/scan_speed.py                      # baseline: the branch's fork from `safety`
    .venv/bin/python bench/scan_speed.py --baseline 9a23e76 --n 1000 --runs 5

The corpus is bench/make_corpus.py's (the stories bench/run.py builds). Each story's visible text is
read as the rules read it: the body, title, summary and location, normalised. For the baseline, the
given revision is exported with `git archive` into a temporary folder; each tree is measured in its
own process, runs alternating between the two so that the machine's load falls on both alike. Every
cached result is forgotten before each run (each story is scanned as in a cold build); reading the
vocabularies and compiling the patterns, done once per build, is timed apart ("one-time setup", on
the first 20 stories). The table gives the median CPU time (user + system) per story and per 1,000
words.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pathlib
import statistics
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
CHILD = r"""
import json, pathlib, sys, time, yaml
tree, corpus, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, tree)
from generator.safety.detect import textscan as ts
try:
    from generator.safety.normalise import normalise
except ImportError:
    normalise = None
fields, words = [], 0
for path in sorted(pathlib.Path(corpus).glob("*.md")):
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    meta = yaml.safe_load(front)
    words += len(body.split())
    story = [(body, "body"), (meta.get("title", ""), "label"), (meta.get("summary", ""), "prose"),
             (meta.get("location", ""), "label")]
    fields.append([((normalise(t).text if normalise else t), k) for t, k in story if t])
settings = ts.Settings()
mods = [m for n, m in sys.modules.items() if n.startswith("generator.safety")]
def clear(everything):
    # Forget every cached result (of a text: a scan, a Text, a parsed phone number); with
    # everything, the loaded vocabularies and the compiled patterns too.
    for m in mods:
        for name, v in list(vars(m).items()):
            if callable(getattr(v, "cache_clear", None)):
                if everything or name in ("scan", "_scan", "text_of", "lowered", "words_of", "_first_phone"):
                    v.cache_clear()
clear(True)
t0 = time.process_time()
for story in fields[:20]:  # the one-time setup: vocabularies read, patterns compiled
    for t, k in story:
        ts.scan(t, k, settings)
setup = time.process_time() - t0
out = []
for _ in range(runs):
    clear(False)
    t0 = time.process_time()
    found = 0
    for story in fields:
        for t, k in story:
            found += len(ts.scan(t, k, settings))
    out.append(time.process_time() - t0)
print(json.dumps({"times": out, "stories": len(fields), "words": words, "found": found, "setup": setup}))
"""


def corpus(n: int) -> pathlib.Path:
    script = ROOT / "bench" / "make_corpus.py"
    key = hashlib.sha256(script.read_bytes()).hexdigest()[:12]
    out = pathlib.Path(tempfile.gettempdir()) / "impactsite-scan-bench" / f"{key}-{n}"
    if not out.is_dir():
        args = ["--n", str(n), "--out", str(out), "--flavor", "impactsite"]
        subprocess.run([sys.executable, str(script), *args], check=True, stdout=subprocess.DEVNULL)
    return out


def export(rev: str, into: pathlib.Path) -> pathlib.Path:
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "generator"], check=True, capture_output=True
    )
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


def measure(tree: pathlib.Path, stories: pathlib.Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(tree), str(stories), "1"],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="stories (default 1000)")
    ap.add_argument("--runs", type=int, default=5, help="runs per tree, alternating (default 5)")
    ap.add_argument(
        "--baseline", default="", help="revision to compare with (default: merge-base with safety)"
    )
    args = ap.parse_args()
    rev = (
        args.baseline
        or subprocess.run(
            ["git", "-C", str(ROOT), "merge-base", "HEAD", "safety"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    stories = corpus(args.n)
    with tempfile.TemporaryDirectory() as tmp:
        trees = {f"baseline {rev[:7]}": export(rev, pathlib.Path(tmp)), "this tree": ROOT}
        times: dict[str, list[float]] = {name: [] for name in trees}
        info: dict[str, dict[str, float]] = {}
        for _ in range(args.runs):
            for name, tree in trees.items():
                info[name] = measure(tree, stories)
                times[name] += info[name]["times"]
    print(
        f"{args.n} stories, {args.runs} runs each, median CPU time of textscan.scan over body, title, summary, location\n"
    )
    print("| tree | µs per story | µs per 1,000 words | findings | one-time setup, ms |")
    print("|---|---:|---:|---:|---:|")
    for name in trees:
        per_story = statistics.median(times[name]) / info[name]["stories"] * 1e6
        per_kword = statistics.median(times[name]) / info[name]["words"] * 1e9
        setup = info[name]["setup"] * 1e3
        print(f"| {name} | {per_story:.0f} | {per_kword:.0f} | {info[name]['found']:.0f} | {setup:.0f} |")


if __name__ == "__main__":
    main()
