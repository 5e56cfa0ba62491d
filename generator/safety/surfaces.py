"""Every surface a reader or a crawler can see, read by the same detectors and denylist as story bodies.

Stories are checked by the rule registry (their rules also read people, consent and review). Everything
else that is published becomes a `Document` here and goes through `check_document`:

- plain pages (content/pages/*.md): title, summary, body, file name and slug; a page's people are
  the staff, officials, partners and supporters it declares
  list, so a person-like name on a page is unexplained, like an undeclared name in a story;
- data files (content/campaigns/*.yaml, content/data/*.yaml): every string a page shows; a media
  contact's own name, e-mail and phone are declarations (that is what the file is for), the rest of
  the file is checked;
- the visible strings of site.yaml: title, description, organisation, navigation labels, the forms'
  headings, labels, hints, buttons, notes, thank-you texts and guide titles;
- link targets anywhere (stories included), percent-decoded, query strings included: a name can hide
  in `luc%C3%ADa-fern%C3%A1ndez` or `?who=Priya+Sharma`;
- links to this site's own addresses (rule LINK-UNPUBLISHED, see links.py) and downloads (downloads.py).
"""

from __future__ import annotations

import dataclasses
import functools
import pathlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from generator.config.settings import SiteConfig
from generator.config.yamlload import Located, Path, YamlProblem, load_yaml
from generator.content.model import Page, Source, Story
from generator.content.publication import Publication
from generator.content.visible import visible_text
from generator.findings import Finding, Severity
from generator.safety.detect.fields import BODY, LABEL, NAME, PROSE, Field
from generator.safety.documents import Document, check_document
from generator.safety.normalise import normalise as as_read
from generator.safety.registry import Rule


@dataclass(frozen=True)
class SurfaceContext:
    """What the surface checks read: the whole site as the build loaded it."""

    config: SiteConfig
    stories: tuple[Story, ...]
    pages: tuple[Page, ...]
    publications: dict[str, Publication]
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def root(self) -> pathlib.Path:
        return self.config.root


SURFACE = "surface"  # a rule's scope: run once per build on the surface context


def surface_rule(
    id: str, severity: Severity, *, family: str, title: str, source: str
) -> Callable[[Callable[[SurfaceContext], Iterable[Finding]]], Rule]:
    """A rule over the whole site's surfaces (pages, data files, site.yaml, links, downloads)."""

    def wrap(fn: Callable[[SurfaceContext], Iterable[Finding]]) -> Rule:
        return Rule(id, severity, family, title, " ".join((fn.__doc__ or "").split()), source, SURFACE, fn)

    return wrap


# --- Links ----------------------------------------------------------------------------------------

# Link targets in Markdown or HTML: inline links and images, reference definitions, href/src
# attributes, autolinks and bare web addresses. Each expression runs only on a text holding its literal.
_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")
_REF_LINK = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)", re.MULTILINE)
_ATTR_LINK = re.compile(r"\b(?:href|src)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", re.IGNORECASE)
_WEB_LINK = re.compile(r"<?(https?://[^\s<>()\"'\]]+)", re.IGNORECASE)


@dataclass(frozen=True)
class Link:
    target: str
    start: int  # offset of the target in the field's text


def links_in(text: str) -> list[Link]:
    """Every link target in `text`, with its offset."""
    found: dict[int, str] = {}
    if "](" in text:
        for m in _MD_LINK.finditer(text):
            found.setdefault(m.start(1), m.group(1))
    if "]:" in text:
        for m in _REF_LINK.finditer(text):
            found.setdefault(m.start(1), m.group(1))
    if "=" in text and ("ref" in text or "src" in text or "REF" in text or "SRC" in text):
        for m in _ATTR_LINK.finditer(text):
            group = 1 if m.group(1) is not None else 2
            found.setdefault(m.start(group), m.group(group))
    if "://" in text:
        for m in _WEB_LINK.finditer(text):
            found.setdefault(m.start(1), m.group(1))
    return [Link(found[i].rstrip(".,;:!?>"), i) for i in sorted(found)]


@functools.lru_cache(maxsize=16384)
def source_links(body: str) -> tuple[Link, ...]:
    """The links readers can follow in a Markdown body (private content left out), computed once per
    body for every check that reads them."""
    if "](" not in body and "]:" not in body and "=" not in body and "://" not in body:
        return ()
    return tuple(links_in(visible_text(body)))


def link_words(target: str) -> str:
    """A link target as the words a reader of the address sees: decoded, separators as spaces."""
    decoded = as_read(target.replace("+", " ")).text
    # Path and query separators become spaces; dots and colons stay, so a host, an IP address and a
    # port ("127.0.0.1:8000") do not run together into something that reads like a phone number.
    return re.sub(r"[/_\-?&=#]+", " ", decoded).strip()


# --- Documents --------------------------------------------------------------------------------------


def _words(name: str) -> str:
    return name.replace("-", " ").replace("_", " ").replace("/", " ")


def page_document(page: Page) -> Document:
    src = page.source
    fields = [Field("the title", page.title, LABEL, ("title",), src)]
    if page.summary:
        fields.append(Field("the summary", page.summary, PROSE, ("summary",), src))
    stem = page.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    fields.append(Field("the file name", _words(stem), NAME, None, src))
    if "slug" in src.front.data and page.slug != stem:
        fields.append(Field("the slug", _words(page.slug), NAME, ("slug",), src))
    fields.append(Field("the text", visible_text(src.body), BODY, None, src))
    return Document(page.path, tuple(fields), people=page.people)


@dataclass(frozen=True)
class YamlFile:
    path: str  # site-relative
    text: str
    located: Located


def read_yaml(root: pathlib.Path, rel: str) -> YamlFile | None:
    """A YAML file's text and values, or None if it cannot be read (its loader reports why)."""
    try:
        text = (root / rel).read_bytes().decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
        return YamlFile(rel, text, load_yaml(text))
    except (OSError, UnicodeDecodeError, YamlProblem):
        return None


def _strings(value: Any, path: Path) -> Iterator[tuple[Path, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, path + (str(k),))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _strings(v, path + (i,))


def _label(path: Path) -> str:
    return ".".join(str(p) for p in path)


def _kind(text: str) -> str:
    return PROSE if len(text.split()) > 6 else LABEL


def yaml_document(f: YamlFile, paths: Sequence[tuple[Path, str]], label_prefix: str = "") -> Document:
    fields = []
    for path, text in paths:
        if not text.strip():
            continue
        kind = NAME if _is_address(text) else _kind(text)
        shown = link_words(text) if kind == NAME else text
        fields.append(
            Field(
                f"{label_prefix}{_label(path)}",
                shown,
                kind,
                path,
                located=f.located,
                file=f.path,
                file_text=f.text if shown == text else "",
            )
        )
    return Document(f.path, tuple(fields))


def _is_address(text: str) -> bool:
    t = text.strip()
    return " " not in t and (t.startswith(("/", "http://", "https://", "mailto:")) or "://" in t)


# What of a data file a page shows. Campaigns: the appeal's words (banner and campaign page, its
# questions and answers) and its button's address. Contacts:
# everything but each person's own declared name, e-mail and phone.
_CAMPAIGN_SHOWN = ("name", "sponsor", "deadline_reason", "donate_url", "summary", "faq", "timezone_label")
_CONTACT_DECLARED = ("name", "email", "phone")


def data_documents(root: pathlib.Path) -> list[Document]:
    docs = []
    for folder in ("campaigns", "data"):
        base = root / "content" / folder
        if not base.is_dir():
            continue
        for p in sorted(base.iterdir()):
            if p.name.startswith(".") or not p.is_file() or p.suffix.lower() not in (".yaml", ".yml"):
                continue
            f = read_yaml(root, p.relative_to(root).as_posix())
            if f is None or not isinstance(f.located.data, dict):
                continue
            strings = list(_strings(f.located.data, ()))
            if folder == "campaigns":
                strings = [(path, s) for path, s in strings if path[0] in _CAMPAIGN_SHOWN]
            elif isinstance(f.located.data.get("media"), list):
                strings = [
                    (path, s)
                    for path, s in strings
                    if not (len(path) == 3 and path[0] == "media" and path[2] in _CONTACT_DECLARED)
                ]
            docs.append(yaml_document(f, strings))
    return docs


# The strings of site.yaml that templates print or put in a link: the title, description,
# organisation (but for what declares its identity), donate link, tracking values (utm_ values are in every donate
# link), navigation, and of each form everything but its technical settings.
# The charity's own identity is what these settings declare (like a media contact's own details):
# its address, numbers, accounts and logo are published on purpose. Its name and the rest are checked.
_ORGANISATION_DECLARED = (
    ("address",),
    ("charity_number",),
    ("company_number",),
    ("same_as",),
    ("social",),
    ("logo",),
)
_FORM_SHOWN = (
    "heading",
    "submit",
    "privacy_note",
    "labels",
    "hints",
    "thank_you",
    "guide",
    "platform",
    "endpoint",
    "page",
)


def site_yaml_document(config: SiteConfig) -> Document | None:
    f = read_yaml(config.root, "site.yaml")
    if f is None or not isinstance(f.located.data, dict):
        return None
    shown = []
    for path, text in _strings(f.located.data, ()):
        top = path[0]
        organisation = top == "organisation" and path[1:2] not in _ORGANISATION_DECLARED
        form = (
            top == "forms"
            and path[-1] != "file"  # the guide's file is a download, checked as one
            and (path[1:2] == ("privacy_page",) or (len(path) > 2 and path[2] in _FORM_SHOWN))
        )
        if form and path[-1] == "endpoint":
            # The server the charity's own form posts to (a host, maybe an IP address and a port) is
            # set on purpose, like the donate link's; what follows it is read like any address.
            parts = urlsplit(text.strip())
            text = parts.path + (f"?{parts.query}" if parts.query else "")
        if top in ("title", "description", "donate_url", "tracking", "navigation") or organisation or form:
            shown.append((path, text))
    return yaml_document(f, shown)


def link_documents(ctx: SurfaceContext) -> list[tuple[Document, list[tuple[Link, int, int]]]]:
    """One document per source with links whose decoded form differs from what was typed (the typed
    form is already read by the detectors with the rest of the text): the decoded targets, each
    with the line and column it was typed at."""
    out = []
    sources: list[tuple[Source, Document | None, str, Story | None]] = []
    for s in ctx.stories:
        if ctx.publications[s.path].publishing:
            sources.append((s.source, None, s.path, s))
    for p in ctx.pages:
        sources.append((p.source, None, p.path, None))
    for src, _, path, story in sources:
        fields = []
        places = []
        for link in source_links(src.body):
            if as_read(link.target).text == link.target and "+" not in link.target:
                continue  # nothing was encoded: the body's own scan already read it as typed
            words = link_words(link.target)
            fields.append(Field("a link's address", words, NAME, None, None, file=path))
            line, column = src.body_position(link.start)
            places.append((link, line, column))
        if fields:
            people = story.people if story is not None else ()
            minor = story.has_minor_survivor if story is not None else False
            out.append((Document(path, tuple(fields), people, minor), places))
    return out


def check_surfaces(ctx: SurfaceContext) -> list[Finding]:
    """Detector and denylist findings on every surface that is not a story's own text."""
    findings: list[Finding] = []
    extras = ctx.extras
    for page in ctx.pages:
        findings += check_document(page_document(page), ctx.config, extras)
    for doc in data_documents(ctx.root):
        findings += check_document(doc, ctx.config, extras)
    site_doc = site_yaml_document(ctx.config)
    if site_doc is not None:
        findings += check_document(site_doc, ctx.config, extras)
    # Decoded links: the denylist already reads every text decoded (normalise), so only the detectors.
    no_denylist = {k: v for k, v in extras.items() if k != "denylist"}
    for doc, places in link_documents(ctx):
        for i, f in enumerate(doc.fields):
            _, line, column = places[i]
            one = dataclasses.replace(doc, fields=(f,))
            for finding in check_document(one, ctx.config, no_denylist):
                findings.append(dataclasses.replace(finding, line=line, column=column))
    return findings
