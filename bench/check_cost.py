"""CPU cost of the safety check per story, on the bench corpus: issue 12's budget is 3 ms per 1,000 words.

    .venv/bin/python bench/check_cost.py [--n 1000]

Parses the seeded corpus (bench/make_corpus.py, the impactsite flavour), then times, in one process,
every story rule on every story (the text analysis shared by the rules included), and prints the CPU
time per story and per 1,000 words of body, with the one-time cost of reading the vocabularies, the
gazetteer and the dictionaries a story may ask (`read_dictionaries`). Nothing is written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.config.settings import load_config
from generator.content.parse import parse_story, read_source
from generator.content.publication import decide
from generator.content.visible import visible_text
from generator.safety import check_story, site_extras
from generator.safety.detect.analysis import SiteKnowledge
from generator.safety.detect.knowledge import load_knowledge, read_dictionaries
from generator.safety.detect.vocab import load_vocabulary
from generator.safety.registry import StoryContext

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from run import corpus_site_yaml

AT = dt.datetime(2026, 11, 20, tzinfo=dt.UTC)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "corpus"
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "make_corpus.py"), "--n", str(args.n), "--out", str(out),
             "--flavor", "impactsite"],
            check=True, capture_output=True,
        )  # fmt: skip
        files = sorted(out.rglob("*.md"))
        # The bench's site: the example site made to publish the corpus charity's stories (run.py).
        site = pathlib.Path(tmp) / "site"
        site.mkdir()
        for item in ("content", "templates"):
            (site / item).symlink_to(ROOT / item)
        (site / "site.yaml").write_text(corpus_site_yaml((ROOT / "site.yaml").read_text(encoding="utf-8")))
        config = load_config(site)
        stories = []
        for f in files:
            source, _ = read_source(f"content/stories/{f.name}", f.read_bytes())
            assert source is not None
            story, _ = parse_story(source, f.stem, config.tz)
            assert story is not None
            stories.append(story)
    t0 = time.process_time()
    knowledge = load_knowledge()
    vocab, _ = load_vocabulary(ROOT)  # the site adds no vocabulary of its own
    extras = site_extras(config, stories, knowledge=knowledge, vocab=vocab)
    # The dictionaries a story may ask whether a word is a lowercase word (English, always among a text's
    # languages, and the site's own): a build reads each once, when the first story asks.
    known: SiteKnowledge = extras["site_knowledge"]
    read_dictionaries(sorted({0} | ({known.language} if known.language is not None else set())))
    setup = time.process_time() - t0
    words = [len(s.source.body.split()) for s in stories]
    per_story = []
    for story in stories:
        ctx = StoryContext(config, AT, decide(story, AT, config.tz), visible_text(story.source.body), extras)
        start = time.process_time()
        check_story(story, ctx)
        per_story.append(time.process_time() - start)
    total = sum(per_story)
    per_1000 = total / (sum(words) / 1000)
    print(f"stories: {len(stories)}, words per body: median {statistics.median(words):.0f}")
    print(
        f"one-time setup (vocabularies, gazetteer, word frequencies, dictionaries): {setup * 1000:.0f} ms CPU"
    )
    print(f"every story rule, all stories: {total:.2f} s CPU")
    print(
        f"per story: median {statistics.median(per_story) * 1000:.2f} ms, mean {total / len(stories) * 1000:.2f} ms"
    )
    print(f"per 1,000 words: {per_1000 * 1000:.2f} ms CPU (budget: 3 ms)")


if __name__ == "__main__":
    main()
