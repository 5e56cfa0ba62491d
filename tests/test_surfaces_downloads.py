"""Issue 11 item 4, through the command line: downloads are published only if the scan can read them:
text and metadata checked, PDF metadata stripped, unreadable files refused with the fix."""

from __future__ import annotations

import io
import pathlib
import zipfile

import pytest
from click.testing import CliRunner, Result
from sitekit import STORY, approve_story, make_site, pdf_bytes, story_md, write

from generator.cli import main

AT = "2026-11-20T00:00:00Z"
KEY = "downloads-test-key-0123456789"
PHONE = "+91 98765 43210"
SAFE = "Ten tips for a first fundraiser.\nPlan it, and tell people what their gift pays for."


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input, env={"IMPACTSITE_DENYLIST_KEY": KEY})


def site(tmp_path: pathlib.Path, files: dict[str, str | bytes], *terms: str) -> pathlib.Path:
    root = make_site(tmp_path / "site", {STORY: story_md()})
    approve_story(root)  # (approve refuses while the site has errors: the download comes after)
    write(root, files)
    for term in terms:
        assert run("redact", "add", "--site", str(root), input=term + "\n").exit_code == 0
    return root


def stopped(root: pathlib.Path) -> str:
    check = run("check", "--site", str(root), "--at", AT)
    build = run("build", "--site", str(root), "--at", AT)
    assert check.exit_code == 1, check.output
    assert build.exit_code == 1 and not (root / "output").exists(), build.output
    assert "98765" not in check.output and "Sunita" not in check.output
    return check.output


def docx_bytes(text: str, author: str = "") -> bytes:
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    document.core_properties.author = author
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def odt_bytes(text: str, creator: str = "") -> bytes:
    from odf import dc
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    doc = OpenDocumentText()
    for line in text.split("\n"):
        doc.text.addElement(P(text=line))
    if creator:
        doc.meta.addElement(dc.Creator(text=creator))
    out = io.BytesIO()
    doc.write(out)
    return out.getvalue()


def epub_bytes(chapter: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/epub+zip")
        z.writestr("OEBPS/content.opf", "<package><metadata><dc:title>Guide</dc:title></metadata></package>")
        z.writestr("OEBPS/ch1.xhtml", f"<html><body><p>{chapter}</p></body></html>")
    return out.getvalue()


def test_a_name_in_a_pdfs_author_field_and_a_number_in_its_text_stop_the_build(
    tmp_path: pathlib.Path,
) -> None:
    pdf = pdf_bytes(f"Call our volunteer on {PHONE}.", {"Author": "Sunita Devi"})
    root = site(tmp_path, {"content/downloads/guide.pdf": pdf}, "Sunita Devi")
    out = stopped(root)
    assert (
        "content/downloads/guide.pdf:1:1: DENYLIST: a denylisted term (S… D…) appears in the Author field"
        in out
    )
    assert "content/downloads/guide.pdf:1:1: ID-PHONE: a phone number (+91 98••• •••10) in the text" in out


def test_a_clean_pdf_is_published_without_its_metadata(tmp_path: pathlib.Path) -> None:
    xmp = "<x:xmpmeta><dc:creator>Safe Passage Trust comms team</dc:creator></x:xmpmeta>"
    pdf = pdf_bytes(SAFE, {"Author": "Safe Passage Trust", "Creator": "Writer"}, xmp=xmp)
    root = site(tmp_path, {"content/downloads/guide.pdf": pdf})
    result = run("build", "--site", str(root), "--at", AT)
    assert result.exit_code == 0, result.output
    published = (root / "output" / "downloads" / "guide.pdf").read_bytes()
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(published))
    assert reader.metadata is None and reader.xmp_metadata is None
    assert b"Safe Passage Trust" not in published and b"xmpmeta" not in published
    assert "Ten tips for a first fundraiser." in reader.pages[0].extract_text()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "locked.pdf",
            "encrypted",
            "this PDF is encrypted (password-protected), so nobody can check what it says",
        ),
        ("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog", "this PDF is damaged and cannot be read"),
        ("fake.pdf", b"GIF89a not a pdf", "this file is not really a PDF"),
        (
            "budget.xlsx",
            b"PK\x03\x04 spreadsheet",
            "impactsite cannot read .xlsx files, so it cannot check this one",
        ),
        ("notes.txt", "Grüße".encode("latin-1"), "this text file is not UTF-8, so it cannot be checked"),
    ],
)
def test_a_download_that_cannot_be_read_is_not_published(
    tmp_path: pathlib.Path, name: str, data: bytes | str, message: str
) -> None:
    if data == "encrypted":
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(SAFE))))
        writer.encrypt("secret")
        out = io.BytesIO()
        writer.write(out)
        data = out.getvalue()
    assert isinstance(data, bytes)
    root = site(tmp_path, {f"content/downloads/{name}": data})
    out = stopped(root)
    assert f"content/downloads/{name}: DOWNLOAD: {message}" in out


@pytest.mark.parametrize(
    ("name", "data", "where"),
    [
        ("guide.docx", docx_bytes(f"Plan it.\nCall {PHONE}."), "the text"),
        ("guide.odt", odt_bytes(f"Plan it.\nCall {PHONE}."), "the text"),
        (
            "guide.rtf",
            ("{\\rtf1\\ansi {\\info{\\title Guide}}Plan it. Call " + PHONE + ".\\par}").encode(),
            "the text",
        ),
        ("guide.epub", epub_bytes(f"Plan it. Call {PHONE}."), "the text"),
        ("GUIDE.TXT", f"Plan it. Call {PHONE}.".encode(), "the text"),
        ("guide.Md", f"Plan it. Call {PHONE}.".encode(), "the text"),
        ("guide.html", f"<p>Plan it.</p><a href='tel:{PHONE}'>call</a>".encode(), "the text"),
    ],
)
def test_every_readable_kind_is_checked(tmp_path: pathlib.Path, name: str, data: bytes, where: str) -> None:
    root = site(tmp_path, {f"content/downloads/{name}": data})
    out = stopped(root)
    assert f"content/downloads/{name}:1:1: ID-PHONE: a phone number (+91 98••• •••10) in {where}" in out


def test_metadata_of_office_files_is_checked(tmp_path: pathlib.Path) -> None:
    root = site(
        tmp_path,
        {
            "content/downloads/a.docx": docx_bytes(SAFE, author="Sunita Devi"),
            "content/downloads/b.odt": odt_bytes(SAFE, creator="Sunita Devi"),
            "content/downloads/c.rtf": b"{\\rtf1\\ansi {\\info{\\author Sunita Devi}}Plan it.\\par}",
        },
        "Sunita Devi",
    )
    out = stopped(root)
    assert (
        "content/downloads/a.docx:1:1: DENYLIST: a denylisted term (S… D…) appears in the author property"
        in out
    )
    assert (
        "content/downloads/b.odt:1:1: DENYLIST: a denylisted term (S… D…) appears in the creator field" in out
    )
    assert (
        "content/downloads/c.rtf:1:1: DENYLIST: a denylisted term (S… D…) appears in the author field" in out
    )


def test_a_clean_docx_is_published_without_its_author(tmp_path: pathlib.Path) -> None:
    root = site(tmp_path, {"content/downloads/a.docx": docx_bytes(SAFE, author="Comms Officer")})
    assert run("build", "--site", str(root), "--at", AT).exit_code == 0
    import docx

    published = docx.Document(root / "output" / "downloads" / "a.docx")
    assert published.core_properties.author == "" and "Ten tips" in published.paragraphs[0].text


def test_a_file_a_page_links_to_elsewhere_in_content_is_a_download_too(tmp_path: pathlib.Path) -> None:
    page = "---\ntitle: Reports\n---\nRead [our annual report](/reports/annual.PDF).\n"
    files = {
        "content/pages/reports.md": page,
        "content/reports/annual.PDF": pdf_bytes(f"Call {PHONE}."),
        "content/reports/unlinked.pdf": pdf_bytes(SAFE),
    }
    root = site(tmp_path, files)
    assert "content/reports/annual.PDF:1:1: ID-PHONE" in stopped(root)
    (root / "content/reports/annual.PDF").write_bytes(pdf_bytes(SAFE))
    result = run("build", "--site", str(root), "--at", AT)
    assert result.exit_code == 0, result.output
    assert (root / "output/reports/annual.PDF").read_bytes().startswith(b"%PDF-")
    assert not (root / "output/reports/unlinked.pdf").exists()  # only what is linked is published
