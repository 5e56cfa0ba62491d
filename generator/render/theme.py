"""The theme: Jinja2 templates and static assets, the site's own first, the default theme last."""

from __future__ import annotations

import hashlib
import pathlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import jinja2
from markupsafe import Markup

DEFAULT_THEME = pathlib.Path(__file__).resolve().parents[2] / "templates"


@dataclass(frozen=True)
class Asset:
    name: str  # as referenced by templates, e.g. site.css
    url: str  # fingerprinted, e.g. /assets/site.1a2b3c4d.css
    data: bytes


class Theme:
    def __init__(self, site_root: pathlib.Path) -> None:
        self.dirs = theme_dirs(site_root)
        self._fingerprint: str | None = None
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(d) for d in self.dirs]),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,  # a Theme is made afresh whenever a template changes (caches.Caches.theme)
        )
        self.assets = self._collect_assets()
        self._icons: dict[str, Markup] = {}
        self.env.globals.update(asset=self.asset_url, icon=self.icon)

    def _collect_assets(self) -> dict[str, Asset]:
        found: dict[str, pathlib.Path] = {}
        for d in reversed(self.dirs):  # default first, the site's own override
            base = d / "assets"
            if base.is_dir():
                for p in sorted(base.rglob("*")):
                    # Never follow a link: it could publish any file on the build machine.
                    if (
                        p.is_file()
                        and not p.is_symlink()
                        and not p.name.startswith(".")
                        and p.resolve().is_relative_to(base.resolve())
                    ):
                        found[p.relative_to(base).as_posix()] = p
        assets = {}
        for name, p in sorted(found.items()):
            data = p.read_bytes()
            stem, dot, ext = name.rpartition(".")
            digest = hashlib.sha256(data).hexdigest()[:10]
            url = f"/assets/{stem}.{digest}.{ext}" if dot else f"/assets/{name}"
            assets[name] = Asset(name, url, data)
        return assets

    def asset_url(self, name: str) -> str:
        try:
            return self.assets[name].url
        except KeyError:
            raise jinja2.TemplateError(
                f"the theme has no asset named {name!r} (looked in templates/assets/)"
            ) from None

    def icon(self, name: str) -> Markup:
        """An inline SVG icon, always hidden from assistive technology, never with a <title>."""
        if name not in self._icons:
            for d in self.dirs:
                p = d / "icons" / f"{name}.svg"
                if p.is_file():
                    svg = p.read_text(encoding="utf-8")
                    svg = re.sub(r"<title>.*?</title>|<desc>.*?</desc>", "", svg, flags=re.DOTALL)
                    svg = re.sub(r"\s(aria-hidden|focusable|role)=\"[^\"]*\"", "", svg)
                    svg = svg.replace(
                        "<svg", '<svg aria-hidden="true" focusable="false" class="icon"', 1
                    ).strip()
                    self._icons[name] = Markup(svg)
                    break
            else:
                raise jinja2.TemplateError(
                    f"the theme has no icon named {name!r} (looked in templates/icons/)"
                )
        return self._icons[name]

    def render(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(**context)

    def fingerprint(self) -> str:
        """A hash of every template and asset, for cache keys (computed once: a Theme is not reused
        after its files change)."""
        if self._fingerprint is None:
            self._fingerprint = theme_fingerprint(self.dirs)
        return self._fingerprint


def theme_dirs(site_root: pathlib.Path) -> list[pathlib.Path]:
    """The site's templates/, then the default theme's for anything the site does not override."""
    dirs = [site_root / "templates"]
    if DEFAULT_THEME.resolve() != (site_root / "templates").resolve() and DEFAULT_THEME.is_dir():
        dirs.append(DEFAULT_THEME)
    return [d for d in dirs if d.is_dir()]


def theme_fingerprint(
    dirs: list[pathlib.Path], digest_of: Callable[[pathlib.Path], bytes] | None = None
) -> str:
    h = hashlib.sha256()
    for d in dirs:
        for p in sorted(d.rglob("*")):
            if p.is_file():
                h.update(p.relative_to(d).as_posix().encode())
                h.update(digest_of(p) if digest_of is not None else hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()
