"""The theme: Jinja2 templates and static assets, the site's own first, the default theme last.

A site's `templates/` overrides the default theme file by file (a `templates/story.html` replaces
the default one) and block by block: `{% extends "default/base.html" %}` reaches the default
theme's own copy of a template whatever the site overrides, so a site can change one block (the
footer, say) and inherit the rest:

    {# templates/base.html #}
    {% extends "default/base.html" %}
    {% block footer %}…{% endblock %}

Every theme file must be inside its theme folder (themedir.confinement_problems), an undefined
variable is an error (StrictUndefined), and any template mistake is reported as a finding with the
template's file and line, never as an internal error.
"""

from __future__ import annotations

import hashlib
import os
import pathlib
import re
import types
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import jinja2
from markupsafe import Markup

from generator.errors import ContentError
from generator.findings import Finding, error
from generator.render.themedir import DEFAULT_THEME, RULE, confinement_problems, inside, label_for

__all__ = ["DEFAULT_THEME", "Asset", "Theme", "prefix_links", "theme_dirs", "theme_fingerprint"]

DEFAULT_PREFIX = "default"  # {% extends "default/base.html" %}: the default theme's copy


@dataclass(frozen=True)
class Asset:
    name: str  # as referenced by templates, e.g. site.css
    url: str  # fingerprinted, site-relative, e.g. /assets/site.1a2b3c4d.css
    data: bytes


def fingerprinted(name: str, data: bytes) -> Asset:
    stem, dot, ext = name.rpartition(".")
    digest = hashlib.sha256(data).hexdigest()[:10]
    return Asset(name, f"/assets/{stem}.{digest}.{ext}" if dot else f"/assets/{name}", data)


class _ConfinedLoader(jinja2.FileSystemLoader):
    """A FileSystemLoader that reads only regular files inside its folder, links followed."""

    def __init__(self, folder: pathlib.Path) -> None:
        super().__init__(str(folder))
        self.folder = folder

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        if not inside(pathlib.Path(filename), self.folder):
            raise jinja2.TemplateNotFound(template)
        return source, filename, uptodate


class Theme:
    def __init__(self, site_root: pathlib.Path) -> None:
        self.site_root = site_root
        self.dirs = theme_dirs(site_root)
        self._fingerprint: str | None = None
        loaders: list[jinja2.BaseLoader] = [_ConfinedLoader(d) for d in self.dirs]
        default = [d for d in self.dirs if d.resolve() == DEFAULT_THEME.resolve()]
        if default:
            loaders.append(jinja2.PrefixLoader({DEFAULT_PREFIX: _ConfinedLoader(default[0])}))
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,  # a Theme is made afresh whenever a template changes (caches.Caches.theme)
        )
        self.assets = self._collect_assets()
        self._icons: dict[str, Markup] = {}
        # `preview` is None in builds; `serve` passes a value to show its preview band and findings.
        self.env.globals.update(asset=self._asset, icon=self.icon, url=_same, preview=None)
        self.env.filters.update(site_links=_site_links, srcset=_srcset)

    def _collect_assets(self) -> dict[str, Asset]:
        found: dict[str, pathlib.Path] = {}
        for d in reversed(self.dirs):  # default first, the site's own override
            base = d / "assets"
            if not base.is_dir():
                continue
            for dirpath, dirnames, filenames in os.walk(base):
                dirnames[:] = sorted(n for n in dirnames if not n.startswith("."))
                for name in sorted(filenames):
                    p = pathlib.Path(dirpath) / name
                    if not name.startswith(".") and inside(p, d):
                        found[p.relative_to(base).as_posix()] = p
        return {name: fingerprinted(name, p.read_bytes()) for name, p in sorted(found.items())}

    @jinja2.pass_context
    def _asset(self, ctx: jinja2.runtime.Context, name: str) -> str:
        """asset("site.css"): the site address of an asset, fingerprinted. The page's `assets` (the
        theme's plus the site's branding) when it has them, else the theme's own."""
        assets: Mapping[str, Asset] = ctx.get("assets") or self.assets
        if name not in assets:
            raise jinja2.TemplateError(f"the theme has no asset named {name!r} (looked in templates/assets/)")
        return str(ctx.get("url", _same)(assets[name].url))

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
                if p.is_symlink() or p.exists():
                    if not inside(p, d):
                        raise jinja2.TemplateError(
                            f"the icon {label_for(p, self.site_root)} is not a file inside the theme folder"
                        )
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
        """The template rendered; any mistake in a template becomes a located ContentError."""
        try:
            return self.env.get_template(template).render(**context)
        except ContentError:
            raise
        except jinja2.TemplateSyntaxError as exc:
            raise ContentError([self._syntax_finding(exc)]) from None
        except Exception as exc:  # located below, or re-raised as the bug it is
            finding = self._runtime_finding(template, exc)
            if finding is None:
                raise
            raise ContentError([finding]) from None

    def _syntax_finding(self, exc: jinja2.TemplateSyntaxError) -> Finding:
        where = label_for(pathlib.Path(exc.filename), self.site_root) if exc.filename else exc.name or "?"
        return error(
            where,
            exc.lineno or 0,
            0,
            RULE,
            f"this template cannot be read: {exc.message}",
            "correct the Jinja syntax on this line (every {% if %}, {% for %} and {% block %} needs its end tag)",
        )

    def _runtime_finding(self, template: str, exc: Exception) -> Finding | None:
        where, line = self._template_frame(exc.__traceback__)
        if isinstance(exc, jinja2.TemplateNotFound):
            missing = exc.name if isinstance(exc.name, str) else str(exc)
            names = ", ".join(sorted(self.env.list_templates(filter_func=_is_page_template))[:12])
            fix = (
                f"create templates/{missing}, or correct the name (templates the theme has: {names})"
                if where
                else f"create templates/{missing}, or reinstall impactsite if its default theme is missing"
            )
            return error(
                where or f"templates/{template}",
                line,
                0,
                RULE,
                f'there is no template named "{missing}"',
                fix,
            )
        if where is None:
            return None
        if isinstance(exc, jinja2.UndefinedError):
            return error(
                where,
                line,
                0,
                RULE,
                f"{exc.message}: the template uses a value that this page does not have",
                "correct the name, or test for it first: {% if name is defined %}…{% endif %}",
            )
        message = exc.message if isinstance(exc, jinja2.TemplateError) and exc.message else str(exc)
        return error(
            where,
            line,
            0,
            RULE,
            f"this template failed: {message}",
            "correct the template on this line",
        )

    def _template_frame(self, tb: types.TracebackType | None) -> tuple[str | None, int]:
        """The innermost template file and line in a traceback (Jinja maps its frames to template lines)."""
        found: tuple[str | None, int] = (None, 0)
        roots = [str(d) for d in self.dirs]
        while tb is not None:
            filename = tb.tb_frame.f_code.co_filename
            if any(filename.startswith(r + os.sep) for r in roots):
                found = (label_for(pathlib.Path(filename), self.site_root), tb.tb_lineno)
            tb = tb.tb_next
        return found

    def fingerprint(self) -> str:
        """A hash of every template and asset, for cache keys (computed once: a Theme is not reused
        after its files change)."""
        if self._fingerprint is None:
            self._fingerprint = theme_fingerprint(self.dirs)
        return self._fingerprint


def _is_page_template(name: str) -> bool:
    return name.endswith(".html") and not name.startswith((DEFAULT_PREFIX + "/", "partials/"))


def _same(url: str) -> str:
    return url


# src, href, action, poster and srcset values that start at the site's root (not "//host").
_ROOT_LINK = re.compile(r'(\s(?:href|src|action|poster)=")/(?!/)')
_SRCSET_ATTR = re.compile(r'(\ssrcset=")([^"]*)"')


def prefix_links(html: str, base_path: str) -> str:
    """Rendered HTML with each site-root link moved under `base_path` ("/impact"), for a site
    published under a path. Used on sanitised Markdown output, whose attributes are always quoted."""
    if not base_path:
        return html
    html = _ROOT_LINK.sub(lambda m: m.group(1) + base_path + "/", html)
    return _SRCSET_ATTR.sub(lambda m: m.group(1) + prefix_srcset(m.group(2), base_path) + '"', html)


def prefix_srcset(srcset: str, base_path: str) -> str:
    parts = []
    for candidate in srcset.split(","):
        c = candidate.strip()
        if c.startswith("/") and not c.startswith("//"):
            c = base_path + c
        parts.append(c)
    return ", ".join(parts)


@jinja2.pass_context
def _site_links(ctx: jinja2.runtime.Context, html: Markup | str) -> Markup:
    """{{ story.body|site_links }}: the body's links to this site, under the site's base path."""
    base = ctx.get("base_path", "")
    return Markup(prefix_links(str(html), base)) if base else Markup(html)


@jinja2.pass_context
def _srcset(ctx: jinja2.runtime.Context, srcset: str) -> str:
    base = ctx.get("base_path", "")
    return prefix_srcset(srcset, base) if base else srcset


def theme_dirs(site_root: pathlib.Path) -> list[pathlib.Path]:
    """The site's templates/, then the default theme's for anything the site does not override.

    Raises ContentError when anything in the site's own theme leads outside it."""
    own = site_root / "templates"
    dirs = []
    if own.is_symlink() or own.exists():
        problems = confinement_problems(own, site_root)
        if problems:
            raise ContentError(problems, "the theme has files outside its folder; nothing was published")
        if own.is_dir():
            dirs.append(own)
    if DEFAULT_THEME.is_dir() and not any(d.resolve() == DEFAULT_THEME.resolve() for d in dirs):
        dirs.append(DEFAULT_THEME)
    return dirs


def theme_fingerprint(
    dirs: list[pathlib.Path], digest_of: Callable[[pathlib.Path], bytes] | None = None
) -> str:
    h = hashlib.sha256()
    for d in dirs:
        for dirpath, dirnames, filenames in os.walk(d):
            dirnames.sort()
            for name in sorted(filenames):
                p = pathlib.Path(dirpath) / name
                if inside(p, d):
                    h.update(p.relative_to(d).as_posix().encode())
                    h.update(
                        digest_of(p) if digest_of is not None else hashlib.sha256(p.read_bytes()).digest()
                    )
    return h.hexdigest()
