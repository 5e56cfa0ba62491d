"""The site's branding as files: its colours as CSS custom properties, its logo, favicons made from
it, and a default social card (1200×630) for pages that have no picture of their own.

The logo is read from content/ the same safe way story images are (no links outside), an SVG is
refused if it could run code or fetch anything when opened on its own (scripts, event handlers,
external references), and pictures are drawn with Pillow; an SVG is rasterised with resvg (through
resvg-py, a self-contained wheel), with system fonts left out so every machine draws the same pixels.
"""

from __future__ import annotations

import hashlib
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont, features

from generator.config.branding import Palette
from generator.config.settings import SiteConfig
from generator.errors import ContentError
from generator.findings import error
from generator.render.images import ImageProblem, resolve_source
from generator.render.theme import Asset, fingerprinted

LOGO_HEIGHT = 40  # CSS pixels in the header (32 below 40rem)
CARD = (1200, 630)
_SVG_NS = "{http://www.w3.org/2000/svg}"
_FORBIDDEN = {"script", "foreignObject", "iframe", "embed", "object", "audio", "video", "animate", "set"}


@dataclass(frozen=True)
class LogoView:
    url: str  # site-relative
    width: int
    height: int


@dataclass(frozen=True)
class Brand:
    assets: dict[str, Asset]
    css: str  # :root { --color-…: … } with only what the site changed
    logo: LogoView | None
    icon_svg: bool  # the favicon has an SVG version


@dataclass(frozen=True)
class Picture:
    data: bytes
    svg: bool
    width: float
    height: float


def make_brand(config: SiteConfig, site_css: bytes) -> Brand:
    """Everything branding adds to the build: site.css with the site's colours, logo, icons, card."""
    b = config.theme
    assets: dict[str, Asset] = {}
    css = custom_properties_css(b.palette)
    assets["site.css"] = fingerprinted("site.css", site_css + css.encode("utf-8"))
    logo = _picture(config, "logo", b.logo) if b.logo else None
    icon = _picture(config, "icon", b.icon) if b.icon else logo
    view = None
    if logo is not None:
        name = "logo.svg" if logo.svg else "logo.png"
        assets[name] = fingerprinted(name, logo.data)
        view = LogoView(assets[name].url, max(1, round(LOGO_HEIGHT * logo.width / logo.height)), LOGO_HEIGHT)
    if icon is not None and icon.svg:
        assets["icon.svg"] = fingerprinted("icon.svg", icon.data)
    p = b.palette
    square = (
        _raster(icon, 512)
        if icon is not None
        else _monogram(config.organisation.name, p.primary, p.on_primary)
    )
    assets["icon-32.png"] = fingerprinted("icon-32.png", _png(_fit(square, 32, None)))
    assets["apple-touch-icon.png"] = fingerprinted(
        "apple-touch-icon.png", _png(_fit(square, 180, p.background, pad=0.12))
    )
    card = _social_card(config, logo, p)
    assets["social-card.png"] = fingerprinted("social-card.png", _png(card))
    return Brand(assets, css, view, icon is not None and icon.svg)


def brand_key(config: SiteConfig) -> tuple[object, ...]:
    """Everything make_brand reads, for reusing its result: the settings and the pictures' bytes."""
    parts: list[object] = [config.theme, config.organisation.name]
    for src in (config.theme.logo, config.theme.icon):
        path = config.content_dir / src
        try:
            parts.append(hashlib.sha256(path.read_bytes()).hexdigest() if src and path.is_file() else src)
        except OSError:
            parts.append(src)
    return tuple(parts)


def custom_properties_css(p: Palette) -> str:
    props = p.custom_properties()
    if not props:
        return ""
    body = "".join(f"  {k}: {v};\n" for k, v in sorted(props.items()))
    return f"\n/* site.yaml theme.colors */\n:root {{\n{body}}}\n"


# --- reading the logo -----------------------------------------------------------------------------------


def _problem(config: SiteConfig, key: str, message: str, fix: str) -> ContentError:
    line, col = config.located.where(("theme", key)) if config.located else (1, 1)
    return ContentError([error("site.yaml", line, col, "THEME", message, fix)])


def _picture(config: SiteConfig, key: str, src: str) -> Picture:
    try:
        path = resolve_source(config.content_dir, src)
    except ImageProblem as p:
        raise _problem(config, key, p.message, p.fix) from None
    suffix = path.suffix.lower()
    data = path.read_bytes()
    if suffix == ".svg":
        problem = svg_problem(data)
        if problem:
            raise _problem(
                config,
                key,
                f'the {key} "{src}" cannot be published: {problem}',
                "export the logo again as a plain SVG (shapes only) or as a PNG",
            )
        w, h = _svg_size(data)
        return Picture(data, True, w, h)
    if suffix == ".png":
        try:
            with Image.open(io.BytesIO(data), formats=["PNG"]) as im:
                im.load()
                w, h = im.size
                clean = _png(im.convert("RGBA"))  # re-encoded: no text chunks or metadata follow it
        except Exception:  # noqa: BLE001 - whatever Pillow raises, the file is not a usable PNG
            raise _problem(
                config, key, f'the {key} "{src}" is not a PNG impactsite can read', "save it again as PNG"
            ) from None
        return Picture(clean, False, w, h)
    raise _problem(
        config, key, f'the {key} "{src}" is not an SVG or PNG file', "use an .svg or .png file for the logo"
    )


def svg_problem(data: bytes) -> str:
    """Why an SVG cannot be published as a file of its own (opened directly, it runs as a page), or ""."""
    text = data.decode("utf-8", "replace")
    if "<!ENTITY" in text or "<!DOCTYPE" in text.upper():
        return "it declares a DOCTYPE or entities"
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        return f"it is not well-formed XML ({exc})"
    if root.tag != _SVG_NS + "svg":
        return "its outermost element is not <svg> in the SVG namespace"
    for el in root.iter():
        local = el.tag.rpartition("}")[2]
        if local in _FORBIDDEN or not el.tag.startswith(_SVG_NS):
            return f"it contains <{local}>, which is not allowed in a logo"
        for name, value in el.attrib.items():
            attr = name.rpartition("}")[2]
            if attr.lower().startswith("on"):
                return f"it has an event handler ({attr}=…)"
            if attr == "href" and not value.startswith("#"):
                return "it refers to another file or address"
            if "url(" in value.replace(" ", "") and not re.fullmatch(r"\s*url\(\s*#[^)]*\)\s*", value):
                return "it refers to another file or address"
        if local == "style" and (el.text or "") and re.search(r"@import|url\(\s*[^#\s]", el.text or ""):
            return "its style sheet refers to another file or address"
    return ""


def _svg_size(data: bytes) -> tuple[float, float]:
    root = ET.fromstring(data)

    def number(v: str | None) -> float | None:
        m = re.fullmatch(r"\s*([0-9.]+)\s*(px)?\s*", v or "")
        return float(m.group(1)) if m else None

    w, h = number(root.get("width")), number(root.get("height"))
    if w and h:
        return w, h
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if len(box) == 4:
        try:
            bw, bh = float(box[2]), float(box[3])
        except ValueError:
            bw = bh = 0
        if bw > 0 and bh > 0:
            return bw, bh
    return 1.0, 1.0


# --- drawing ------------------------------------------------------------------------------------------


def _raster(picture: Picture, longest: int) -> Image.Image:
    if picture.svg:
        import resvg_py  # a compiled wheel: imported only when there is an SVG to draw

        scale = longest / max(picture.width, picture.height)
        png = resvg_py.svg_to_bytes(
            svg_string=picture.data.decode("utf-8"),
            width=max(1, round(picture.width * scale)),
            skip_system_fonts=True,
        )
        with Image.open(io.BytesIO(bytes(png)), formats=["PNG"]) as im:
            return im.convert("RGBA")
    with Image.open(io.BytesIO(picture.data), formats=["PNG"]) as im:
        return im.convert("RGBA")


def _fit(im: Image.Image, size: int, background: str | None, pad: float = 0.0) -> Image.Image:
    """`im` centred in a size×size square (transparent, or on `background`), keeping its proportions."""
    canvas = Image.new("RGBA", (size, size), background or (0, 0, 0, 0))
    inner = max(1, round(size * (1 - 2 * pad)))
    scaled = im.copy()
    scaled.thumbnail((inner, inner), Image.Resampling.LANCZOS)
    canvas.alpha_composite(scaled, ((size - scaled.width) // 2, (size - scaled.height) // 2))
    return canvas if background is None else canvas.convert("RGB")


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    if features.check("freetype2"):
        return ImageFont.load_default(size=size)
    return ImageFont.load_default()


def initials(name: str) -> str:
    words = [
        w for w in re.split(r"\W+", name) if w and w[0].isalpha() and w.lower() not in {"the", "of", "and"}
    ]
    return "".join(w[0].upper() for w in words[:2]) or "•"


def _monogram(name: str, fill: str, ink: str) -> Image.Image:
    """A default icon: the organisation's initials on its primary colour."""
    size = 512
    im = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(im)
    draw.rounded_rectangle((0, 0, size - 1, size - 1), radius=96, fill=fill)
    font = _font(240)
    draw.text((size / 2, size / 2), initials(name), fill=ink, font=font, anchor="mm")
    return im


def _social_card(config: SiteConfig, logo: Picture | None, p: Palette) -> Image.Image:
    """1200×630: the logo (or the initials) and the organisation's name on the site's surface colour,
    with a band of the primary colour: the picture link previews show for pages without one."""
    w, h = CARD
    card = Image.new("RGBA", (w, h), p.surface)
    draw = ImageDraw.Draw(card)
    draw.rectangle((0, h - 24, w, h), fill=p.primary)
    name = config.organisation.name
    if logo is not None:
        mark = _raster(logo, 900)
        mark.thumbnail((900, 260), Image.Resampling.LANCZOS)
    else:
        mark = _monogram(name, p.primary, p.on_primary)
        mark.thumbnail((220, 220), Image.Resampling.LANCZOS)
    top = (h - 24 - mark.height - 110) // 2
    card.alpha_composite(mark, ((w - mark.width) // 2, max(40, top)))
    font = _font(64)
    draw.text((w / 2, max(40, top) + mark.height + 60), name, fill=p.text, font=font, anchor="mm")
    return card.convert("RGB")


def _png(im: Image.Image) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "PNG", optimize=True)
    return buf.getvalue()


def logo_label(config: SiteConfig) -> str:
    return f"{config.organisation.name}, home"


__all__ = ["Brand", "LogoView", "make_brand", "svg_problem"]
