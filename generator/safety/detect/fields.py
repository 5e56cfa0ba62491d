"""Every piece of text a reader or a crawler can see, for the text detectors.

A `Field` is one visible text and where it came from: a story's or page's body or front matter (a
`Source`), a value in a YAML file (`Located`: a data file, site.yaml), a file name, or a whole file
with no positions (a download). `Field.hit` turns a match offset into a `Hit` pointing at the exact
line and column in the source file; `Field.finding` makes the `Finding` for files that are not stories.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.config.yamlload import Located, Path
from generator.content.model import Source, Story
from generator.findings import Finding, Severity
from generator.safety.registry import Hit, StoryContext

BODY = "body"
PROSE = "prose"  # sentences written by people: summary, alt text, captions
LABEL = "label"  # short labels: title, location, region (often Title Case)
NAME = "name"  # file name, slug, aliases, tags: lowercase words joined by hyphens


@dataclass(frozen=True)
class Field:
    """One piece of visible text and where it came from."""

    label: str  # how a writer would name the place: "the title", "the alt text of image 1"
    text: str
    kind: str  # BODY, PROSE, LABEL or NAME
    path: Path | None = None  # front-matter or YAML path, None for the body and the file name
    source: Source | None = None  # the Markdown file it is in (story or page)
    located: Located | None = None  # … or the YAML file it is in (data file, site.yaml)
    file: str = ""  # the site-relative file (needed unless `source` is given)
    file_text: str = ""  # the YAML file's text, to point inside a one-line value

    @property
    def is_body(self) -> bool:
        return self.kind == BODY

    def where(self) -> str:
        """' in the title' and the like; empty for the body, whose line and column say it all."""
        return "" if self.kind == BODY else f" in {self.label}"

    @property
    def file_path(self) -> str:
        if self.source is not None:
            return self.source.path
        return self.file

    def hit(self, message: str, fix: str, start: int = 0, *, length: int = 0, subject: str = "") -> Hit:
        """A hit at character `start` of this field's text."""
        if self.kind == BODY and self.source is not None:
            return Hit(message, fix, offset=start, length=length, subject=subject)
        if self.path is None:  # the file name, or a file without positions
            return Hit(message, fix, line=1 if self.file or self.source else 0, column=1, subject=subject)
        if self.source is not None:
            line, column = _exact(self.source.text, self.source.where(self.path), self.text, start)
        elif self.located is not None and self.file_text:
            line, column = _exact(self.file_text, self.located.where(self.path), self.text, start)
        else:
            line, column = 0, 0
        if line:
            return Hit(message, fix, line=line, column=column, length=length, subject=subject)
        if self.source is not None:
            return Hit(message, fix, path=self.path, subject=subject)
        line, column = self.located.where(self.path) if self.located is not None else (0, 0)
        return Hit(message, fix, line=line, column=column, subject=subject)

    def finding(self, rule: str, severity: Severity, hit: Hit) -> Finding:
        """The finding for a hit in a file that is not a story (stories go through the rule runner)."""
        from generator.safety.registry import decision_token

        if hit.offset is not None and self.source is not None:
            line, column = self.source.body_position(hit.offset)
        elif hit.line is not None:
            line, column = hit.line, hit.column or 1
        elif hit.path is not None and self.source is not None:
            line, column = self.source.where(hit.path, key=hit.key)
        else:
            line, column = 0, 0
        return Finding(
            self.file_path,
            line,
            column,
            rule,
            severity,
            hit.message,
            hit.fix,
            hit.length,
            decision_token(rule, hit),
        )


def visible_fields(story: Story, ctx: StoryContext) -> tuple[Field, ...]:
    """The story's visible text, front matter first (in file order), then the body."""
    return tuple(_fields(story, ctx))


def _fields(story: Story, ctx: StoryContext) -> Iterator[Field]:
    data = story.data
    yield Field("the title", story.title, LABEL, ("title",), story.source)
    if story.summary:
        yield Field("the summary", story.summary, PROSE, ("summary",), story.source)
    if story.location:
        yield Field("the location", story.location, LABEL, ("location",), story.source)
    if story.region:
        yield Field("the region", story.region, LABEL, ("region",), story.source)
    tags = data.get("tags")  # topic labels, usually lowercase words joined by hyphens, like slugs
    if isinstance(tags, str):
        yield Field("the tags", _words(tags), NAME, ("tags",), story.source)
    else:
        # A label never quotes the value it names: line and column point at it, and a tag or an alias
        # may be the very place or name the finding is about.
        for i, tag in enumerate(story.tags):
            which = f"tag {i + 1}" if len(story.tags) > 1 else "the tag"
            yield Field(which, _words(str(tag)), NAME, ("tags", i), story.source)
    for n, img in enumerate(story.images, 1):
        which = f"image {n}" if len(story.images) > 1 else "the image"
        if img.alt:
            yield Field(f"the alt text of {which}", img.alt, PROSE, img.path + ("alt",), story.source)
        if img.caption:
            yield Field(f"the caption of {which}", img.caption, PROSE, img.path + ("caption",), story.source)
    aliases = data.get("aliases")
    if isinstance(aliases, str):
        yield Field("the aliases", _words(aliases), NAME, ("aliases",), story.source)
    else:
        for i, alias in enumerate(story.aliases):
            which = f"alias {i + 1}" if len(story.aliases) > 1 else "the alias"
            yield Field(which, _words(str(alias)), NAME, ("aliases", i), story.source)
    stem = story.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    yield Field("the file name", _words(stem), NAME, None, story.source)
    if "slug" in data and story.slug != stem:
        yield Field("the slug", _words(story.slug), NAME, ("slug",), story.source)
    yield Field("the text", ctx.visible, BODY, None, story.source)


def _words(name: str) -> str:
    """A slug or file name as the words a reader sees in it: hyphens and underscores become spaces."""
    return name.replace("-", " ").replace("_", " ").replace("/", " ")


def _exact(text: str, at: tuple[int, int], value: str, start: int) -> tuple[int, int]:
    """Line and column of character `start` of a YAML string whose value starts at `at` in `text`,
    when the source allows it.

    The YAML loader knows where each value starts; for a value written on one line (plain or quoted
    without escapes) the match sits `start` characters further on. Otherwise (0, 0): the caller
    falls back to the start of the value.
    """
    line, column = at
    lines = text.split("\n", line)
    if line < 1 or line > len(lines):
        return 0, 0
    raw = lines[line - 1][column - 1 :]
    if raw.startswith(value[: start + 1]):
        return line, column + start
    if raw[:1] in "\"'" and raw[1:].startswith(value[: start + 1]):
        return line, column + 1 + start
    return 0, 0
