"""Related stories ("You might also be interested in") without comparing every pair.

The candidates for a story are the RELATED_POOL newest stories of each of its tags and of its
region; among them, a shared tag scores 2 and the same region 1, newest first among equals, and the
newest stories overall fill any gap. A story's ranking reads only its own tags, region and slug, the
groups it draws from and the head of the newest list, so that is its key: an edit re-ranks only the
stories that share a tag or region with the edited one (or all, if the newest few changed).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Sequence

from generator.cache.steps import Steps
from generator.content.model import Story

RELATED_POOL = 24  # newest stories considered per shared tag or region


def _digest(parts: list[str]) -> str:
    return hashlib.blake2b("\n".join(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _row(s: Story) -> str:
    return repr((s.slug, s.date, s.tags, s.region))


class RelatedIndex:
    def __init__(self, stories: Sequence[Story]) -> None:
        newest = sorted(stories, key=lambda s: (s.date, s.slug), reverse=True)
        self.newest = newest
        self.groups: dict[tuple[str, str], list[Story]] = defaultdict(list)
        for s in newest:
            for t in set(s.tags):
                group = self.groups[("tag", t)]
                if len(group) < RELATED_POOL + 1:
                    group.append(s)
            if s.region:
                group = self.groups[("region", s.region)]
                if len(group) < RELATED_POOL + 1:
                    group.append(s)
        self._group_keys = {k: _digest([_row(s) for s in g]) for k, g in self.groups.items()}

    def _keys(self, target: Story) -> list[tuple[str, str]]:
        tags = sorted(set(target.tags))
        return [("tag", t) for t in tags] + ([("region", target.region)] if target.region else [])

    def inputs(self, target: Story, count: int) -> tuple[str, ...]:
        """Everything `ranked(target, count)` reads, as text."""
        head = _digest([_row(s) for s in self.newest[: count + 1]])
        groups = [f"{k}={self._group_keys[k]}" for k in self._keys(target)]
        return (_row(target), str(count), head, *groups)

    def ranked(self, target: Story, count: int) -> tuple[str, ...]:
        """The slugs of the stories related to `target`, best first."""
        tags = set(target.tags)
        candidates = {
            o.slug: o for k in self._keys(target) for o in self.groups.get(k, ()) if o.slug != target.slug
        }

        def score(o: Story) -> tuple[int, dt.date, str]:
            s = 2 * len(tags & set(o.tags)) + (1 if o.region and o.region == target.region else 0)
            return (s, o.date, o.slug)

        ranked = sorted(candidates.values(), key=score, reverse=True)[:count]
        for o in self.newest:
            if len(ranked) >= count:
                break
            if o.slug != target.slug and o.slug not in candidates:
                ranked.append(o)
        return tuple(o.slug for o in ranked)


def related_slugs(stories: Sequence[Story], count: int, steps: Steps) -> dict[str, tuple[str, ...]]:
    """Each live story's related slugs, one step per story."""
    index = RelatedIndex(stories)
    out: dict[str, tuple[str, ...]] = {}
    for s in stories:
        out[s.slug] = steps.run(
            "related",
            index.inputs(s, count),
            lambda s=s: index.ranked(s, count),  # type: ignore[misc]
            list,
            tuple,
        )
    return out
