"""`impactsite new story "Title"`: a skeleton with every required field, explained."""

from __future__ import annotations

import datetime as dt
import pathlib

from generator.errors import UsageError
from generator.render.views import slugify

TEMPLATE = """\
---
# Every field below is checked when the site is built. Lines starting with # are notes for you
# and never appear on the site.
title: {title}
date: {today}                     # the date the story is about (YYYY-MM-DD)
author: your-handle               # your staff handle, e.g. comms-03
summary: One sentence for listings and link previews.
location: City, Country           # no finer than a city: never a neighbourhood, street or village
region: South Asia                # groups stories on region pages
tags: [rescue]                    # a few lowercase topics
status: draft                     # draft -> review -> published (or withdrawn to take it down)
# publish_on: {today}T09:00:00+05:30   # optional embargo, with a time-zone offset
people:                           # everyone the story mentions by name or by relation
  - name: Asha                    # the pseudonym exactly as you write it in the text (no asterisk:
    role: survivor                #   the site adds "Asha*" and the footnote itself)
    name_type: pseudonym          # pseudonym | real | withheld (relatives are always withheld)
    minor: false                  # true if under 18 at the time of the events
    consent: C-{year}-000         # the id of the consent entry below
consent:                          # one entry per survivor, copied from the consent record
  - id: C-{year}-000
    record: CR-{year}-0000        # the reference of the signed record kept offline (never the form)
    given_by: [survivor]          # a minor needs [survivor, guardian] or [survivor, welfare_authority]
    date: {today}                 # when consent was given
    scope: [web, feed, social]    # where the story may appear: web, feed, social, photo
    expires: {expires}            # the story comes down on this date unless consent is renewed
    withdrawn: false              # set to true if the survivor withdraws: the story disappears
# A safeguarding reviewer approves the story with `impactsite approve FILE --reviewer HANDLE`;
# that writes a review: block here. Any later edit means it must be approved again.
---

Write the story here in plain Markdown. Use the pseudonym as written above.
"""


def new_story(root: pathlib.Path, title: str, today: dt.date) -> pathlib.Path:
    title = title.strip()
    if not title:
        raise UsageError('give the story a title: impactsite new story "A title"')
    slug = slugify(title)[:80].strip("-")
    path = root / "content" / "stories" / f"{slug}.md"
    if path.exists():
        raise UsageError(f"{path.relative_to(root)} already exists; choose another title or edit that file")
    path.parent.mkdir(parents=True, exist_ok=True)
    quoted = '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'
    expires = (
        today.replace(year=today.year + 2)
        if not (today.month == 2 and today.day == 29)
        else today.replace(year=today.year + 2, day=28)
    )
    text = TEMPLATE.format(
        title=quoted, today=today.isoformat(), year=today.year, expires=expires.isoformat()
    )
    path.write_text(_align_comments(text), encoding="utf-8")
    return path


def _align_comments(text: str, column: int = 34) -> str:
    """Line the notes up again after the placeholders were filled in (a date is longer than `{today}`)."""
    out = []
    for line in text.split("\n"):
        code, sep, note = line.partition("  # ")
        if sep and code.strip() and not code.lstrip().startswith("#"):
            line = f"{code.rstrip():<{column}}# {note}"
        out.append(line)
    return "\n".join(out)
