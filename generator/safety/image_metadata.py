"""Read the block structure of JPEG, PNG and WebP files, and prove a published image carries nothing
but pixels.

Pillow decodes pictures but does not say what else a file holds, or where it really ends. These
walkers list every segment (JPEG), chunk (PNG) or RIFF chunk (WebP) and the offset just after the
format's end marker, so the build can find bytes hidden after the end (the 2023 aCropalypse bug)
and metadata blocks (EXIF with GPS, XMP, IPTC, ICC profiles, comments, embedded thumbnails).
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Mapping
from dataclasses import dataclass

from PIL import Image

from generator.findings import Finding, error

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Extensions we publish, and the format each must really be.
OUTPUT_KINDS = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".webp": "webp"}
# Raster formats that can hide metadata where this module cannot prove its absence.
UNVERIFIABLE = (".gif", ".avif", ".heic", ".heif", ".tif", ".tiff", ".bmp", ".jxl", ".jp2", ".ico")

# The only blocks a published file may contain: what an encoder needs to draw the picture.
_ALLOWED_PNG = {"IHDR", "PLTE", "tRNS", "IDAT", "IEND"}
_ALLOWED_WEBP = {"VP8", "VP8L", "VP8X", "ALPH"}
# Pillow `info` keys that describe the encoding, not the picture's history.
_ALLOWED_INFO = {
    "jfif",
    "jfif_version",
    "jfif_unit",
    "jfif_density",
    "dpi",
    "progressive",
    "progression",
    "loop",
    "background",
    "timestamp",
    "duration",
    "transparency",
}
# Signatures long enough never to occur by chance in compressed data (belt and braces).
_SIGNATURES = (
    b"Exif\x00\x00II*\x00",
    b"Exif\x00\x00MM\x00*",
    b"http://ns.adobe.com/xap/1.0/",
    b"<x:xmpmeta",
    b"ICC_PROFILE\x00",
    b"Photoshop 3.0\x00",
    b"XML:com.adobe.xmp",
)
_JPEG_NAMES = {
    0xC0: "SOF0",
    0xC1: "SOF1",
    0xC2: "SOF2",
    0xC4: "DHT",
    0xDB: "DQT",
    0xDA: "SOS",
    0xDD: "DRI",
    0xFE: "COM",
}
_WEBP_FLAGS = ((0x20, "ICC profile"), (0x08, "EXIF"), (0x04, "XMP"), (0x02, "animation"))


class FormatProblem(ValueError):
    """The file's structure is broken or not what its format requires."""


@dataclass(frozen=True)
class Layout:
    kind: str  # "jpeg", "png" or "webp"
    end: int  # offset just after the end marker; anything from here on is trailing
    blocks: tuple[str, ...]  # e.g. ("APP0:JFIF", "APP1:Exif", "DQT", …) or ("IHDR", "tEXt", …)


def sniff(data: bytes) -> str | None:
    """The format by its magic bytes, whatever the file is called."""
    if data[:3] == b"\xff\xd8\xff":
        return "jpeg"
    if data[:8] == PNG_SIGNATURE:
        return "png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def layout(data: bytes) -> Layout:
    kind = sniff(data)
    if kind == "jpeg":
        return _jpeg(data)
    if kind == "png":
        return _png(data)
    if kind == "webp":
        return _webp(data)
    raise FormatProblem("not a JPEG, PNG or WebP file")


def _jpeg(data: bytes) -> Layout:
    n = len(data)
    i = 2
    blocks: list[str] = []
    while True:
        if i >= n:
            raise FormatProblem("the JPEG has no end marker")
        if data[i] != 0xFF:
            raise FormatProblem(f"unexpected data at byte {i} of the JPEG")
        while i < n and data[i] == 0xFF:  # fill bytes may precede a marker
            i += 1
        if i >= n:
            raise FormatProblem("the JPEG has no end marker")
        marker = data[i]
        i += 1
        if marker == 0xD9:
            return Layout("jpeg", i, tuple(blocks))
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            continue  # stand-alone markers carry no length
        if i + 2 > n:
            raise FormatProblem("the JPEG is cut short")
        length = int.from_bytes(data[i : i + 2], "big")
        if length < 2 or i + length > n:
            raise FormatProblem("a JPEG segment runs past the end of the file")
        blocks.append(_jpeg_name(marker, data[i + 2 : i + length]))
        i += length
        if marker == 0xDA:  # entropy-coded data runs to the next marker that is not stuffing or a restart
            while True:
                j = data.find(b"\xff", i)
                if j < 0 or j + 1 >= n:
                    raise FormatProblem("the JPEG image data has no end")
                follower = data[j + 1]
                if follower == 0x00 or 0xD0 <= follower <= 0xD7:
                    i = j + 2
                elif follower == 0xFF:
                    i = j + 1
                else:
                    i = j
                    break


def _jpeg_name(marker: int, payload: bytes) -> str:
    if 0xE0 <= marker <= 0xEF:
        ident = payload.split(b"\x00", 1)[0][:32].decode("latin-1")
        name = f"APP{marker - 0xE0}:{ident}"
        if ident == "JFIF" and len(payload) >= 14 and (payload[12] or payload[13]):
            name += ":thumbnail"  # JFIF can carry its own uncompressed thumbnail
        return name
    return _JPEG_NAMES.get(marker, f"FF{marker:02X}")


def _png(data: bytes) -> Layout:
    n = len(data)
    i = 8
    blocks: list[str] = []
    while i + 12 <= n:
        length, ctype = struct.unpack(">I4s", data[i : i + 8])
        end = i + 12 + length
        if end > n:
            raise FormatProblem("a PNG chunk runs past the end of the file")
        if zlib.crc32(data[i + 4 : i + 8 + length]) != int.from_bytes(data[i + 8 + length : end], "big"):
            raise FormatProblem(f"the PNG chunk {ctype.decode('latin-1')!r} is damaged")
        name = ctype.decode("latin-1")
        blocks.append(name)
        i = end
        if name == "IEND":
            return Layout("png", i, tuple(blocks))
    raise FormatProblem("the PNG has no IEND chunk")


def _webp(data: bytes) -> Layout:
    end = 8 + int.from_bytes(data[4:8], "little")
    if end > len(data):
        raise FormatProblem("the WebP file is cut short")
    i = 12
    blocks: list[str] = []
    while i < end:
        if i + 8 > end:
            raise FormatProblem("a WebP chunk header is cut short")
        fourcc = data[i : i + 4].decode("latin-1").rstrip()
        size = int.from_bytes(data[i + 4 : i + 8], "little")
        nxt = i + 8 + size + (size & 1)
        if nxt > end + (size & 1):
            raise FormatProblem("a WebP chunk runs past the end of the file")
        blocks.append(fourcc)
        if fourcc == "VP8X" and size >= 1:
            blocks += [f"VP8X:{what}" for bit, what in _WEBP_FLAGS if data[i + 8] & bit]
        i = nxt
    return Layout("webp", end, tuple(blocks))


def _describe(block: str) -> str:
    if block.startswith("APP1:Exif"):
        return "EXIF data (camera, date, maybe GPS position and a thumbnail)"
    if block.startswith("APP1:"):
        return "XMP data"
    if block.startswith("APP2:ICC"):
        return "an ICC profile"
    if block.startswith("APP13"):
        return "IPTC/Photoshop data"
    if block.endswith(":thumbnail") or block.startswith("APP0:JFXX"):
        return "an embedded thumbnail"
    if block in ("tEXt", "zTXt", "iTXt"):
        return f"a PNG text chunk ({block})"
    if block in ("eXIf", "EXIF"):
        return "EXIF data"
    if block in ("iCCP", "ICCP", "VP8X:ICC profile"):
        return "an ICC profile"
    if block in ("XMP", "VP8X:XMP"):
        return "XMP data"
    if block == "COM":
        return "a comment"
    return f"a {block} block"


def _forbidden(lay: Layout) -> list[str]:
    if lay.kind == "jpeg":
        return [b for b in lay.blocks if b == "COM" or (b.startswith("APP") and b != "APP0:JFIF")]
    allowed = _ALLOWED_PNG if lay.kind == "png" else _ALLOWED_WEBP
    return [b for b in lay.blocks if b not in allowed]


def verify_image(name: str, data: bytes, *, read_back: bool = True) -> list[str]:
    """Problems that make `data` unfit to publish as `name`; empty when it holds only pixels.

    The block walk finds every metadata block and any trailing bytes; `read_back` also asks Pillow
    what it sees in the file, as a second, independent reader.
    """
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    expected = OUTPUT_KINDS.get(suffix)
    if expected is None:
        return [f"{suffix or 'this'} images cannot be checked for hidden metadata; publish JPEG, PNG or WebP"]
    problems: list[str] = []
    kind = sniff(data)
    if kind != expected:
        return [f"the file is not a {expected.upper()} file although its name says so"]
    try:
        lay = layout(data)
    except FormatProblem as exc:
        return [str(exc)]
    if lay.end != len(data):
        problems.append(f"{len(data) - lay.end} bytes follow the end of the picture")
    problems += [f"it carries {_describe(b)}" for b in dict.fromkeys(_forbidden(lay))]
    problems += [f"it contains the signature {sig!r}" for sig in _SIGNATURES if sig in data]
    if read_back:
        problems += _pillow_problems(data, expected)
    return problems


def _pillow_problems(data: bytes, kind: str) -> list[str]:
    problems = []
    try:
        with Image.open(io.BytesIO(data)) as im:
            if kind == "png":
                im.load()  # PNG text chunks after the image data are only read while decoding
            exif = im.getexif()
            if len(exif):
                problems.append(f"Pillow reads EXIF tags {sorted(exif)[:6]}")
            if exif.get_ifd(0x8825):
                problems.append("Pillow reads a GPS block")
            text = getattr(im, "text", None)
            if text:
                problems.append(f"Pillow reads text chunks {sorted(text)[:4]}")
            extra = sorted(k for k, v in im.info.items() if k not in _ALLOWED_INFO and v)
            if extra:
                problems.append(f"Pillow reads metadata {extra}")
    except Exception as exc:  # noqa: BLE001 - any failure to read back is itself a reason not to publish
        problems.append(f"the file cannot be read back ({exc})")
    return problems


def verify_outputs(files: Mapping[str, bytes]) -> list[Finding]:
    """One error per published image that is not proven free of metadata and trailing bytes."""
    findings = []
    for rel in sorted(files):
        lower = rel.lower()
        if lower.endswith(tuple(OUTPUT_KINDS)) or lower.endswith(UNVERIFIABLE):
            problems = verify_image(rel, files[rel])
            if problems:
                findings.append(
                    error(
                        f"output/{rel}",
                        0,
                        0,
                        "IMG-VERIFY",
                        "this published image failed its metadata check: " + "; ".join(problems),
                        "nothing was published; report this to the developers, or remove the image "
                        "from the templates if it came from there",
                    )
                )
    return findings
