"""The `theme:` section of site.yaml: the charity's logo and colours, checked for contrast.

    theme:
      logo: images/logo.svg        # SVG or PNG under content/; shown 40 px tall in the header
      icon: images/icon.png        # optional square picture for favicons (the logo when left out)
      show_name: true              # the organisation's name beside the logo (false for a wordmark)
      colors:                      # any of these; the rest keep the theme's own
        primary: "#0b5394"         # buttons and, unless `link` is set, links
        accent: "#f5c400"          # decoration only (rules, stripes): never text
        text: "#1b1b1b"
        background: "#ffffff"
        surface: "#f4f1ea"         # bands and boxes (banner, footer, cards)
        muted: "#4a5059"           # dates and captions
        link: "#0b5394"
        focus: "#c2410c"           # the keyboard focus ring

Colours become CSS custom properties (--color-primary, …) after the theme's own, so naming one changes
only that one (and what follows from it: the text on primary buttons, links when `link` is not set).
Every pair a reader depends on is checked against WCAG 2.2 AA when the site is built: 4.5:1 for text,
3:1 for the focus ring; a failing pair is an error whose fix names a shade that passes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from types import MappingProxyType
from typing import Any, ClassVar

from generator.config.declare import problem, setting
from generator.config.schema import Problem

DEFAULT_COLORS: Mapping[str, str] = MappingProxyType(
    {
        "primary": "#0b5394",
        "accent": "#f5c400",
        "text": "#1b1b1b",
        "background": "#ffffff",
        "surface": "#f4f1ea",
        "muted": "#4a5059",
        "focus": "#c2410c",
    }
)
COLOR_HELP: Mapping[str, str] = MappingProxyType(
    {
        "primary": "buttons and, unless link is set, links",
        "accent": "decoration only (rules and stripes), never text",
        "text": "body text",
        "background": "the page",
        "surface": "bands and boxes: the banner, cards and footer",
        "muted": "dates, captions and other secondary text",
        "link": "links (the primary colour when left out)",
        "focus": "the keyboard focus ring",
    }
)
TEXT_RATIO = 4.5  # WCAG 2.2 SC 1.4.3, normal text
UI_RATIO = 3.0  # SC 1.4.11, focus indicators and other non-text
_HEX = re.compile(r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


@dataclass(frozen=True)
class Palette:
    """Every colour the theme uses, the site's own where it named them."""

    primary: str
    on_primary: str  # text on primary buttons: black or white, whichever reads better
    accent: str
    text: str
    background: str
    surface: str
    muted: str
    link: str
    focus: str
    named: tuple[str, ...] = ()  # the colours site.yaml set

    def custom_properties(self) -> dict[str, str]:
        """The CSS custom properties that differ from the theme's own: only what the site changed."""
        base = palette_from({})
        out = {}
        for name in (
            "primary",
            "on_primary",
            "accent",
            "text",
            "background",
            "surface",
            "muted",
            "link",
            "focus",
        ):
            value = getattr(self, name)
            if value != getattr(base, name):
                out["--color-" + name.replace("_", "-")] = value
        return out


# --- colour arithmetic (WCAG 2.2 relative luminance) ------------------------------------------------


def normalise(value: str) -> str:
    v = value.strip().lower()
    return "#" + "".join(c * 2 for c in v[1:]) if len(v) == 4 else v


def rgb(value: str) -> tuple[int, int, int]:
    v = normalise(value)
    return int(v[1:3], 16), int(v[3:5], 16), int(v[5:7], 16)


def luminance(value: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb(value))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _mix(value: str, toward: str, amount: float) -> str:
    a, b = rgb(value), rgb(toward)
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b, strict=True))


def nearest_passing(value: str, against: str, ratio: float) -> str:
    """The shade of `value` closest to it that reaches `ratio` against `against` (darker on a light
    background, lighter on a dark one)."""
    toward = "#000000" if luminance(against) > 0.18 else "#ffffff"
    for step in range(1, 101):
        shade = _mix(value, toward, step / 100)
        if contrast(shade, against) >= ratio:
            return shade
    return toward


def on_color(fill: str) -> str:
    return max(("#ffffff", "#000000"), key=lambda c: contrast(c, fill))


def palette_from(colors: dict[str, str]) -> Palette:
    c = {**DEFAULT_COLORS, **{k: normalise(v) for k, v in colors.items()}}
    return Palette(
        primary=c["primary"],
        on_primary=on_color(c["primary"]),
        accent=c["accent"],
        text=c["text"],
        background=c["background"],
        surface=c["surface"],
        muted=c["muted"],
        link=c.get("link") or c["primary"],
        focus=c["focus"],
        named=tuple(sorted(colors)),
    )


# --- checks --------------------------------------------------------------------------------------

# Each colour a reader depends on, what it is drawn on, the ratio it needs and what it is for.
PAIRS: tuple[tuple[str, tuple[str, ...], float, str], ...] = (
    ("text", ("background", "surface"), TEXT_RATIO, "body text"),
    ("muted", ("background", "surface"), TEXT_RATIO, "dates and captions"),
    ("link", ("background", "surface"), TEXT_RATIO, "links"),
    ("focus", ("background",), UI_RATIO, "the focus ring"),
)


def nearest_passing_all(value: str, against: tuple[str, ...], ratio: float) -> str:
    """The shade of `value` closest to it that reaches `ratio` on every colour in `against`."""
    toward = "#000000" if luminance(against[0]) > 0.18 else "#ffffff"
    for step in range(101):
        shade = _mix(value, toward, step / 100)
        if all(contrast(shade, b) >= ratio for b in against):
            return shade
    return toward


def _hex(value: str, label: str) -> tuple[str, str] | None:
    if _HEX.match(value.strip()):
        return None
    name = label.rsplit(".", 1)[-1]
    return (
        f'{label} "{value}" is not a colour written as #rrggbb',
        f'write it in quotes as a hex colour, e.g. {name}: "{DEFAULT_COLORS.get(name, "#0b5394")}"',
    )


def check_contrast(colors: dict[str, Any]) -> list[Problem]:
    """Every pair a reader depends on reaches WCAG AA; the fix names a shade that passes."""
    missing = [
        problem(
            (name,),
            f"colors.{name} has no value (in YAML, # starts a note, so #rrggbb needs quotes)",
            f'put the colour in quotes: {name}: "{DEFAULT_COLORS.get(name, "#0b5394")}"',
        )
        for name, value in colors.items()
        if name in COLOR_HELP and value is None
    ]
    if missing:
        return missing
    good = {
        k: v for k, v in colors.items() if k in COLOR_HELP and isinstance(v, str) and _HEX.match(v.strip())
    }
    if len(good) != len([k for k in colors if k in COLOR_HELP]):
        return []  # a colour that cannot be read is reported by its own check
    out: list[Problem] = []
    p = palette_from(good)
    if contrast(p.on_primary, p.primary) < TEXT_RATIO:
        fix_to = nearest_passing(p.primary, p.on_primary, TEXT_RATIO)
        out.append(
            problem(
                ("primary",),
                f"neither white nor black text reads well enough on the primary colour {p.primary} "
                f"({contrast(p.on_primary, p.primary):.1f}:1; buttons need {TEXT_RATIO}:1)",
                f'choose a darker or lighter primary, e.g. primary: "{fix_to}"',
            )
        )
    for fg, grounds, ratio, what in PAIRS:
        a = getattr(p, fg)
        failing = [(contrast(a, getattr(p, g)), g) for g in grounds if contrast(a, getattr(p, g)) < ratio]
        if not failing:
            continue
        have, bg = min(failing)
        b = getattr(p, bg)
        target = nearest_passing_all(a, tuple(getattr(p, g) for g in grounds), ratio)
        if fg == "link" and "link" not in good:
            where = "primary" if "primary" in good else bg
            fix = f'add link: "{target}" under theme.colors (a shade of your primary that passes), or choose a darker primary'
        elif fg in good:
            where, fix = fg, f'use {fg}: "{target}", the nearest shade that passes'
        else:
            where, fix = bg, f'choose a {bg} colour with more contrast, or set {fg}: "{target}"'
        out.append(
            problem(
                (where,),
                f"{what}: {fg} {a} on {bg} {b} is {have:.1f}:1, below the {ratio}:1 WCAG AA needs",
                fix,
            )
        )
    return out


def _color(name: str) -> Any:
    return setting("", COLOR_HELP[name], check=_hex, example=f'"{DEFAULT_COLORS.get(name, "#0b5394")}"')


@dataclass(frozen=True)
class Colors:
    """The site's colours: any left empty keep the theme's own."""

    noun: ClassVar[str] = "the colours"
    primary: str = _color("primary")
    accent: str = _color("accent")
    text: str = _color("text")
    background: str = _color("background")
    surface: str = _color("surface")
    muted: str = _color("muted")
    link: str = _color("link")
    focus: str = _color("focus")

    @staticmethod
    def cross_check(data: dict[str, Any]) -> list[Problem]:
        return check_contrast(data)

    def named(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}


@dataclass(frozen=True)
class Branding:
    noun: ClassVar[str] = "the theme"
    logo: str = setting("", "the logo under content/, SVG or PNG, e.g. images/logo.svg")
    icon: str = setting("", "a square picture under content/ for favicons; the logo when left out")
    show_name: bool = setting(True, "show the organisation's name beside the logo (false for a wordmark)")
    colors: Colors = setting(Colors(), "the colours; any left out keep the theme's own")

    @functools.cached_property
    def palette(self) -> Palette:
        return palette_from(self.colors.named())

    @property
    def icon_source(self) -> str:
        return self.icon or self.logo
