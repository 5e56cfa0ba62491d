"""Story images: found safely under content/, re-encoded from their pixels, resized, cached, proven clean.

A published image is never the writer's file. It is decoded, turned upright, converted to sRGB and
copied pixel by pixel into a new picture that has no history, then encoded afresh at a few widths
(WebP, plus JPEG or PNG as the fallback) under a name made from its own bytes. EXIF with GPS, XMP,
IPTC, ICC profiles, comments, text chunks, embedded thumbnails and bytes after the end marker are
all left behind, and `image_format.verify_outputs` re-reads every published file to prove it.

`process` is a pure function of (bytes, settings), so it can run in parallel; `ImageStore` keeps
results in the build's store (authenticated like every entry) and verifies each one on every read.
"""

from __future__ import annotations

import difflib
import hashlib
import io
import json
import pathlib
import re
import warnings
from dataclasses import dataclass, field
from typing import Protocol

from PIL import Image, ImageCms, ImageOps, features

from generator.content.model import ImageRef, Story
from generator.content.publication import Publication
from generator.errors import ContentError
from generator.findings import error
from generator.render.views import ImageView
from generator.safety.image_metadata import verify_image

VERSION = 1  # bump when processing changes: every cache entry is then made again
MAX_SOURCE_BYTES = 50 * 1024 * 1024
MAX_PIXELS = 50_000_000
SOURCE_FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "TIFF", "BMP")  # JPEG includes MPO (phone photos)
# Pictures that do not show a real person: a survivor's photo consent does not apply to them.
NOT_A_PHOTO_OF_ANYONE = ("stock", "illustration")
# What readers are told under a picture of nobody in the story, when the writer gave no caption.
STANDARD_CAPTIONS = {
    "stock": "Stock photo posed by a model.",
    "illustration": "Illustration, not the survivor.",
}
# The story column is at most 42rem wide, inside 1rem of padding on small screens.
SIZES = "(min-width: 44rem) 42rem, calc(100vw - 2rem)"
_EXT = {"webp": "webp", "jpeg": "jpg", "png": "png"}
_CACHE_MAGIC = b"impactsite-image-cache\n"


class ImageProblem(Exception):
    """A declared image cannot be used; the message and fix are for the writer."""

    def __init__(self, message: str, fix: str) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix


@dataclass(frozen=True)
class SourceImage:
    data: bytes
    format: str  # Pillow's name: JPEG, PNG…
    width: int
    height: int


def resolve_source(content_dir: pathlib.Path, src: str) -> pathlib.Path:
    """The file `src` names under content/, refusing anything that would reach outside it."""
    s = src.strip()
    outside = ImageProblem(
        f'the image "{src}" points outside content/',
        "copy the picture into content/images/ and write e.g. src: images/hands.jpg",
    )
    if not s:
        raise ImageProblem(
            "the image has no src", "write e.g. src: images/hands.jpg (a file in content/images/)"
        )
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", s) or s.startswith(("/", "~")) or "\\" in s or "\x00" in s:
        raise outside
    if re.search(r"%[0-9A-Fa-f]{2}", s):
        raise ImageProblem(
            f'the image "{src}" has %-encoded characters in its name',
            "rename the file with plain letters, digits and hyphens, and write that name in src",
        )
    if ".." in s.split("/"):
        raise outside
    path = content_dir / s
    base = content_dir.resolve()
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        raise ImageProblem(f'the image "{src}" is not in content/', _missing_fix(content_dir, s)) from None
    if not real.is_relative_to(base):
        raise ImageProblem(
            f'the image "{src}" is a link to a file outside content/',
            "replace the link with a copy of the picture",
        )
    if not real.is_file():
        raise ImageProblem(
            f'the image "{src}" is not a file', "point src at a picture, e.g. images/hands.jpg"
        )
    return real


def _missing_fix(content_dir: pathlib.Path, s: str) -> str:
    if s.startswith("content/"):
        return f"src is relative to content/: write src: {s.removeprefix('content/')}"
    folder = (content_dir / s).parent
    names = sorted(p.name for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []
    close = difflib.get_close_matches(pathlib.PurePosixPath(s).name, names, n=1, cutoff=0.6)
    hint = f' (did you mean "{close[0]}"?)' if close else ""
    return f"put the picture at content/{s}, or correct src: names are case-sensitive{hint}"


def load_source_image(content_dir: pathlib.Path, src: str) -> SourceImage:
    """The bytes of a declared image, once it is known to be a readable picture of a sane size."""
    path = resolve_source(content_dir, src)
    try:
        if path.stat().st_size > MAX_SOURCE_BYTES:
            raise ImageProblem(
                f'the image "{src}" is larger than 50 MB',
                "export a smaller copy (2400 pixels wide is plenty)",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ImageProblem(
            f'the image "{src}" cannot be read: {exc.strerror}', "check the file's permissions"
        ) from None
    fmt, width, height = _probe(data, src)
    return SourceImage(data, fmt, width, height)


def _probe(data: bytes, src: str) -> tuple[str, int, int]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=SOURCE_FORMATS) as im:
                fmt, (w, h) = im.format or "", im.size
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise ImageProblem(
            f'the image "{src}" is too large',
            "export a smaller copy: 2400 pixels on the longest side is plenty for the web",
        ) from None
    except Exception:  # noqa: BLE001 - whatever Pillow's decoders raise, the file is not a usable picture
        raise ImageProblem(
            f'"{src}" is not a picture impactsite can read',
            "save it as JPEG, PNG or WebP from an image editor and point src at that file",
        ) from None
    if w * h > MAX_PIXELS:
        raise ImageProblem(
            f'the image "{src}" is too large ({w}×{h} pixels)',
            "export a smaller copy: 2400 pixels on the longest side is plenty for the web",
        )
    return fmt, w, h


# --- processing: a pure function of (bytes, settings) ------------------------------------------------


@dataclass(frozen=True)
class Settings:
    widths: tuple[int, ...] = (480, 800, 1200)
    jpeg_quality: int = 82
    webp_quality: int = 80
    webp: bool = field(default_factory=lambda: bool(features.check("webp")))

    def fingerprint(self) -> str:
        """Everything that changes the output bytes: settings, this module's version, the encoders."""
        libs = {k: features.version(k) for k in ("webp", "jpg", "zlib", "littlecms2")}
        return json.dumps(
            {
                "v": VERSION,
                "pillow": Image.__version__,
                "libs": libs,
                "widths": self.widths,
                "jpeg": self.jpeg_quality,
                "webp": self.webp_quality if self.webp else None,
            },
            sort_keys=True,
        )


@dataclass(frozen=True)
class Variant:
    width: int
    height: int
    format: str  # "webp", "jpeg" or "png"
    data: bytes


@dataclass(frozen=True)
class Processed:
    digest: str  # of every variant's bytes: names the published files
    variants: tuple[Variant, ...]  # modern format first, then the fallback, narrowest first

    def url(self, v: Variant) -> str:
        return f"/images/{self.digest}-{v.width}.{_EXT[v.format]}"


def process(data: bytes, settings: Settings) -> Processed:
    """Decode, make upright and sRGB, copy the pixels into a fresh picture and encode every variant."""
    with Image.open(io.BytesIO(data), formats=SOURCE_FORMATS) as im:
        if im.format in ("JPEG", "MPO"):
            im.draft(None, (max(settings.widths),) * 2)  # decode at reduced scale when far larger than needed
        im.load()
        pixels = _clean_pixels(im)
    sized = []
    for w in sorted({min(w, pixels.width) for w in settings.widths}):
        h = max(1, round(pixels.height * w / pixels.width))
        sized.append(pixels if w == pixels.width else pixels.resize((w, h), Image.Resampling.LANCZOS))
    variants = [
        Variant(s.width, s.height, "webp", _encode(s, "webp", settings)) for s in sized if settings.webp
    ]
    for s in sized:
        fmt = "png" if s.mode == "RGBA" else "jpeg"
        variants.append(Variant(s.width, s.height, fmt, _encode(s, fmt, settings)))
    digest = hashlib.sha256(b"".join(v.data for v in variants)).hexdigest()[:20]
    return Processed(digest, tuple(variants))


def _clean_pixels(im: Image.Image) -> Image.Image:
    try:
        upright = ImageOps.exif_transpose(im) or im
    except Exception:  # noqa: BLE001 - damaged EXIF: keep the pixels as stored rather than fail the build
        upright = im
    alpha = upright.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in upright.info
    target = "RGBA" if alpha else "RGB"
    if upright.mode.startswith("I") or upright.mode == "F":  # 16-bit or float greyscale: scale, don't clip
        upright = upright.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    icc = upright.info.get("icc_profile")
    out = None
    if icc:
        try:
            base = upright if upright.mode in ("RGB", "RGBA", "CMYK", "L") else upright.convert(target)
            out = ImageCms.profileToProfile(
                base,
                ImageCms.ImageCmsProfile(io.BytesIO(icc)),
                ImageCms.createProfile("sRGB"),
                outputMode=target,
            )
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            out = None  # a broken or unusual profile: fall back to a plain conversion
    out = out if out is not None else upright.convert(target)
    if target == "RGBA" and out.getchannel("A").getextrema()[0] == 255:
        out = out.convert("RGB")
    # A brand-new picture from raw pixel bytes: nothing of the original file's info can follow it.
    return Image.frombytes(out.mode, out.size, out.tobytes())


def _encode(im: Image.Image, fmt: str, settings: Settings) -> bytes:
    buf = io.BytesIO()
    if fmt == "webp":
        im.save(buf, "WEBP", quality=settings.webp_quality, method=4, exact=False)
    elif fmt == "jpeg":
        im.save(
            buf, "JPEG", quality=settings.jpeg_quality, optimize=True, progressive=True, subsampling="4:2:0"
        )
    else:
        im.save(buf, "PNG", optimize=True)
    return buf.getvalue()


# --- consent, views and the cache ---------------------------------------------------------------------


def needs_photo_consent(ref: ImageRef, story: Story) -> bool:
    """A picture of a real person (any treatment but stock or illustration), or any picture whose
    `subjects` name a survivor, needs the survivors' `photo` consent."""
    survivors = {p.name for p in story.survivors}
    return ref.treatment not in NOT_A_PHOTO_OF_ANYONE or bool(survivors & set(ref.subjects))


def may_publish(ref: ImageRef, story: Story, publication: Publication) -> bool:
    return publication.live and (publication.on("photo") or not needs_photo_consent(ref, story))


def image_view(p: Processed, ref: ImageRef) -> ImageView:
    fallback = [v for v in p.variants if v.format != "webp"]
    modern = [v for v in p.variants if v.format == "webp"]
    largest = fallback[-1]

    def srcset(vs: list[Variant]) -> str:
        return ", ".join(f"{p.url(v)} {v.width}w" for v in vs)

    return ImageView(
        src=p.url(largest),
        alt=ref.alt.strip(),
        width=largest.width,
        height=largest.height,
        srcset=srcset(fallback),
        sizes=SIZES,
        caption=(ref.caption or "").strip() or STANDARD_CAPTIONS.get(ref.treatment),
        sources=(("image/webp", srcset(modern)),) if modern else (),
    )


class ImageStore:
    """Processes a build's images once each, through a cache that is verified on every read."""

    def __init__(
        self, content_dir: pathlib.Path, cache: BlobCache | None, settings: Settings | None = None
    ) -> None:
        self.content_dir = content_dir
        self.cache = cache  # the build's store (cache/store.py), or None for no reuse
        self.settings = settings or Settings()
        self.fingerprint = self.settings.fingerprint()
        self.files: dict[str, tuple[bytes, str]] = {}  # output path → (bytes, owner)
        self.used: set[str] = set()

    def views_for(self, story: Story, publication: Publication) -> tuple[ImageView, ...]:
        """The views of every image `story` may publish, its files added to `self.files`."""
        views = []
        for ref in story.images:
            if not may_publish(ref, story, publication):
                continue
            try:
                processed = self.get(load_source_image(self.content_dir, ref.src).data)
            except ImageProblem as p:
                raise ContentError(
                    [
                        error(
                            story.path,
                            *story.source.where((*ref.path, "src")),
                            "IMG-MISSING",
                            p.message,
                            p.fix,
                        )
                    ]
                ) from None
            except Exception as exc:  # noqa: BLE001 - a picture whose header reads but whose pixels do not
                raise ContentError(
                    [
                        error(
                            story.path,
                            *story.source.where((*ref.path, "src")),
                            "IMG-MISSING",
                            f'the image "{ref.src}" is damaged and cannot be decoded ({exc})',
                            "open it in an image editor, save it again as JPEG or PNG, and rebuild",
                        )
                    ]
                ) from None
            for v in processed.variants:
                self.files.setdefault(processed.url(v).lstrip("/"), (v.data, story.path))
            views.append(image_view(processed, ref))
        return tuple(views)

    def get(self, data: bytes) -> Processed:
        key = hashlib.sha256(self.fingerprint.encode() + b"\n" + data).hexdigest()
        self.used.add(key)
        cached = self._read_cache(key)
        if cached is not None:
            return cached
        processed = process(data, self.settings)
        self._write_cache(key, processed)
        return processed

    def _read_cache(self, key: str) -> Processed | None:
        raw = self.cache.get(key) if self.cache is not None else None
        if raw is None:
            return None
        try:
            return decode_entry(raw)
        except (ValueError, KeyError, TypeError):
            return None  # never trusted: made again (and stored again)

    def _write_cache(self, key: str, p: Processed) -> None:
        if self.cache is not None:
            self.cache.put(key, encode_entry(p))


class BlobCache(Protocol):
    """Bytes by key (the store: authenticated, written once per build)."""

    def get(self, key: str) -> bytes | None: ...
    def put(self, key: str, data: bytes) -> None: ...


def encode_entry(p: Processed) -> bytes:
    head = {
        "digest": p.digest,
        "variants": [
            {
                "w": v.width,
                "h": v.height,
                "f": v.format,
                "n": len(v.data),
                "sha256": hashlib.sha256(v.data).hexdigest(),
            }
            for v in p.variants
        ],
    }
    return (
        _CACHE_MAGIC
        + json.dumps(head, sort_keys=True).encode()
        + b"\n"
        + b"".join(v.data for v in p.variants)
    )


def decode_entry(raw: bytes) -> Processed:
    """A cache entry, checked end to end: lengths, checksums, the digest and the metadata proof."""
    if not raw.startswith(_CACHE_MAGIC):
        raise ValueError("not a cache entry")
    head_end = raw.index(b"\n", len(_CACHE_MAGIC))
    head = json.loads(raw[len(_CACHE_MAGIC) : head_end])
    body = memoryview(raw)[head_end + 1 :]
    variants, at = [], 0
    for item in head["variants"]:
        data = bytes(body[at : at + int(item["n"])])
        at += int(item["n"])
        if hashlib.sha256(data).hexdigest() != item["sha256"] or item["f"] not in _EXT:
            raise ValueError("a cached variant does not match its checksum")
        variants.append(Variant(int(item["w"]), int(item["h"]), item["f"], data))
    if at != len(body) or not variants:
        raise ValueError("the cache entry has the wrong length")
    digest = hashlib.sha256(b"".join(v.data for v in variants)).hexdigest()[:20]
    if digest != head["digest"]:
        raise ValueError("the cache entry's digest does not match")
    p = Processed(digest, tuple(variants))
    for v in variants:
        if verify_image(p.url(v), v.data, read_back=False):  # the final check reads back with Pillow too
            raise ValueError("a cached variant carries metadata")
    return p
