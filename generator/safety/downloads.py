"""Downloads are published only if the scan can read them (issue 11 item 4).

A download is every file under content/downloads/, and any other file under content/ that a published
story or page links to. Each is read for its text AND its metadata (a name in a PDF's /Author field
ships as surely as one on a page), which then go through the same detectors and denylist as a story
(`check_document`). A file that cannot be read (an encrypted or damaged PDF, a kind of file nothing
here can read) is not published: the build stops with the file, what is wrong and what to do.

Readers, chosen from well-kept libraries:
- PDF: `pypdf` (pure Python, reads text, the /Info dictionary and XMP, and rewrites the file);
- DOCX: `python-docx` (paragraphs, tables, headers, footers and the core properties);
- ODT: `odfpy` (every paragraph and heading, and meta.xml);
- RTF: `striprtf` (the text; the {\\info} group is read here, since striprtf drops it);
- EPUB: the zip's XHTML and package files, read like generated HTML (output_scan.segments);
- TXT, MD, CSV: UTF-8 text; HTML: its text and attribute values.

What is published is a cleaned copy: a PDF is rewritten page by page without its /Info dictionary
and XMP metadata (and without page-level metadata); a DOCX is saved with empty core properties.
Suffixes are compared case-insensitively (`.TXT`, `.Pdf`).
"""

from __future__ import annotations

import io
import pathlib
import re
import urllib.parse
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator.config.settings import SiteConfig
from generator.findings import Finding, error
from generator.safety.detect.fields import PROSE, Field
from generator.safety.documents import Document

RULE = "DOWNLOAD"
FOLDER = "downloads"
TEXT_SUFFIXES = (".txt", ".md", ".csv")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
READABLE = (".pdf", ".docx", ".odt", ".rtf", ".epub", *TEXT_SUFFIXES, *HTML_SUFFIXES)
MAX_BYTES = 50 * 1024 * 1024
# Files under content/ that are sources, not downloads, even when linked.
_NOT_DOWNLOADS = ("stories/", "pages/", "campaigns/", "data/", "images/")


class Unreadable(Exception):
    """Why a file cannot be checked, and what to do."""

    def __init__(self, message: str, fix: str) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix


@dataclass(frozen=True)
class Download:
    path: str  # site-relative, e.g. content/downloads/guide.pdf
    url: str  # /downloads/guide.pdf
    data: bytes  # what is published: the cleaned copy
    document: Document  # its text and metadata, for the detectors


@dataclass(frozen=True)
class Read:
    texts: tuple[tuple[str, str], ...]  # (what it is, text): "the text", "the Author field"…
    data: bytes  # the cleaned copy


def url_of(rel: str) -> str:
    """content/downloads/a.pdf → /downloads/a.pdf"""
    return "/" + rel.removeprefix("content/")


def collect(
    root: pathlib.Path, linked: Iterable[str], required: Iterable[str] = ()
) -> tuple[list[Download], list[Finding]]:
    """Every download: the files under content/downloads/, the files under content/ that `linked`
    addresses lead to, and the `required` files (the forms' guides), read, checked and cleaned."""
    content = root / "content"
    wanted: dict[str, str] = {}
    base = content / FOLDER
    if base.is_dir():
        for p in sorted(base.rglob("*")):
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(base).parts):
                wanted[p.relative_to(root).as_posix()] = "folder"
    for address in list(linked) + [url_of("content/" + r) for r in required]:
        rel = _content_file(content, address)
        if rel is not None:
            wanted.setdefault(rel, "link")
    downloads: list[Download] = []
    findings: list[Finding] = []
    for rel in sorted(wanted):
        path = root / rel
        try:
            if not path.resolve().is_relative_to(content.resolve()):
                raise Unreadable(
                    "this download is a link to a file outside content/",
                    "put the file itself in content/downloads/",
                )
            data = path.read_bytes()
            if len(data) > MAX_BYTES:
                raise Unreadable(
                    "this download is larger than 50 MB", "publish a smaller file, or link to it elsewhere"
                )
            read = read_file(rel, data)
        except Unreadable as exc:
            findings.append(error(rel, 0, 0, RULE, exc.message, exc.fix))
            continue
        except OSError as exc:
            findings.append(
                error(
                    rel, 0, 0, RULE, f"this download cannot be read ({exc.strerror})", "check its permissions"
                )
            )
            continue
        fields = tuple(
            Field(label, text, PROSE, None, None, file=rel) for label, text in read.texts if text.strip()
        )
        downloads.append(Download(rel, url_of(rel), read.data, Document(rel, fields)))
    return downloads, findings


def _content_file(content: pathlib.Path, address: str) -> str | None:
    """The file under content/ a site address leads to, if it is a download."""
    path = urllib.parse.unquote(urllib.parse.urlsplit(address).path).lstrip("/")
    if not path or path.endswith("/") or path.startswith(_NOT_DOWNLOADS) or ".." in path.split("/"):
        return None
    candidate = content / path
    return "content/" + path if candidate.is_file() else None


def read_file(rel: str, data: bytes) -> Read:
    """Text and metadata of one download, and the copy to publish; Unreadable if it cannot be checked."""
    suffix = pathlib.PurePosixPath(rel).suffix.lower()
    if suffix == ".pdf":
        return _pdf(data)
    if suffix == ".docx":
        return _docx(data)
    if suffix == ".odt":
        return _odt(data)
    if suffix == ".rtf":
        return _rtf(data)
    if suffix == ".epub":
        return _epub(data)
    if suffix in TEXT_SUFFIXES or suffix in HTML_SUFFIXES:
        text = _utf8(data)
        if suffix in HTML_SUFFIXES:
            from generator.safety.output_scan import segments

            text = "\n".join(segments(text))
        return Read((("the text", text),), data)
    kinds = "PDF, Word (.docx), OpenDocument (.odt), Rich Text (.rtf), EPUB or plain text"
    raise Unreadable(
        f"impactsite cannot read {suffix or 'this kind of'} files, so it cannot check this one for names and "
        "contact details, and does not publish it",
        f"publish it as {kinds}, or remove it from content/",
    )


def _utf8(data: bytes) -> str:
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise Unreadable(
            "this text file is not UTF-8, so it cannot be checked", "save it as UTF-8 text"
        ) from None


def _pdf(data: bytes) -> Read:
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PdfReadError

    if not data.startswith(b"%PDF-"):
        raise Unreadable("this file is not really a PDF", "export it again as PDF")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise Unreadable(
                "this PDF is encrypted (password-protected), so nobody can check what it says",
                "export it again without a password or restrictions",
            )
        texts: list[tuple[str, str]] = []
        info: Mapping[str, Any] = reader.metadata or {}
        for key in sorted(info):
            value = info.get(key)
            if isinstance(value, str) and value.strip():
                texts.append((f"the {key.lstrip('/')} field", value))
        xmp = reader.root_object.get("/Metadata")
        if xmp is not None:
            raw = xmp.get_object().get_data().decode("utf-8", "replace")
            texts.append(("the XMP metadata", " ".join(re.sub(r"<[^>]*>", " ", raw).split())))
        pages = [page.extract_text() or "" for page in reader.pages]
        texts.append(("the text", "\n".join(pages)))
        writer = PdfWriter()
        for page in reader.pages:
            added = writer.add_page(page)
            for key in ("/Metadata", "/PieceInfo"):
                if key in added:
                    del added[key]
        writer.metadata = None  # no /Info dictionary at all (not even a Producer)
        writer.xmp_metadata = None
        out = io.BytesIO()
        writer.write(out)
    except Unreadable:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, RecursionError, OSError) as exc:
        raise Unreadable(
            f"this PDF is damaged and cannot be read ({type(exc).__name__})", "export it again as PDF"
        ) from None
    return Read(tuple(texts), out.getvalue())


def _docx(data: bytes) -> Read:
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError

        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise Unreadable(
            f"this Word document is damaged and cannot be read ({type(exc).__name__})",
            "save it again as .docx",
        ) from None
    texts: list[tuple[str, str]] = []
    props = document.core_properties
    for name in ("author", "last_modified_by", "title", "subject", "keywords", "comments", "category"):
        value = getattr(props, name, "")
        if isinstance(value, str) and value.strip():
            texts.append((f"the {name.replace('_', ' ')} property", value))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    for section in document.sections:
        for part in (section.header, section.footer):
            parts += [p.text for p in part.paragraphs]
    texts.append(("the text", "\n".join(parts)))
    for name in ("author", "last_modified_by", "comments", "keywords", "subject", "category"):
        setattr(props, name, "")
    out = io.BytesIO()
    document.save(out)
    return Read(tuple(texts), out.getvalue())


def _odt(data: bytes) -> Read:
    try:
        from odf import teletype, text
        from odf.opendocument import load

        doc = load(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - odfpy raises many kinds of errors on a damaged file
        raise Unreadable(
            f"this OpenDocument file is damaged and cannot be read ({type(exc).__name__})",
            "save it again as .odt",
        ) from None
    texts: list[tuple[str, str]] = []
    for element in doc.meta.childNodes:
        value = teletype.extractText(element).strip()
        if value:
            texts.append((f"the {element.qname[1]} field", value))
    parts = [teletype.extractText(e) for kind in (text.H, text.P) for e in doc.getElementsByType(kind)]
    texts.append(("the text", "\n".join(parts)))
    return Read(tuple(texts), data)


_RTF_INFO = re.compile(
    r"\\(author|operator|title|subject|keywords|doccomm|company|manager|category)\s+([^{}\\]*)"
)


def _rtf(data: bytes) -> Read:
    from striprtf.striprtf import rtf_to_text

    if not data.lstrip().startswith(b"{\\rtf"):
        raise Unreadable("this file is not really Rich Text", "save it again as .rtf")
    raw = data.decode("latin-1")
    try:
        body = rtf_to_text(raw, errors="replace")
    except Exception as exc:  # noqa: BLE001 - striprtf raises plain errors on damaged input
        raise Unreadable(
            f"this Rich Text file is damaged ({type(exc).__name__})", "save it again as .rtf"
        ) from None
    texts = [(f"the {m.group(1)} field", m.group(2)) for m in _RTF_INFO.finditer(raw) if m.group(2).strip()]
    texts.append(("the text", body))
    return Read(tuple(texts), data)


def _epub(data: bytes) -> Read:
    from generator.safety.output_scan import segments

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = [
                n
                for n in z.namelist()
                if n.lower().endswith((".xhtml", ".html", ".htm", ".opf", ".ncx", ".xml"))
            ]
            parts = []
            for name in sorted(names):
                if z.getinfo(name).file_size > MAX_BYTES:
                    raise Unreadable("this EPUB holds a file too large to check", "make the book smaller")
                parts += segments(z.read(name).decode("utf-8", "replace"))
    except zipfile.BadZipFile:
        raise Unreadable("this EPUB is damaged and cannot be read", "export it again as EPUB") from None
    return Read((("the text", "\n".join(parts)),), data)


def linked_addresses(texts: Iterable[tuple[str, str]]) -> Iterator[str]:
    """Addresses in (source, Markdown text) pairs that may lead to files under content/."""
    from generator.safety.surfaces import links_in

    for _, text in texts:
        for link in links_in(text):
            target = link.target
            parts = urllib.parse.urlsplit(target)
            if parts.scheme or parts.netloc:
                continue
            if "." in parts.path.rsplit("/", 1)[-1]:
                yield target


def check_downloads(
    downloads: Sequence[Download], config: SiteConfig, extras: dict[str, Any]
) -> list[Finding]:
    """The detectors and the denylist on every download's text and metadata."""
    from generator.safety.documents import check_document

    return [f for d in downloads for f in check_document(d.document, config, extras)]
