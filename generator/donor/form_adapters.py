"""The exact form markup each provider expects. Every form works without JavaScript: method POST to a
real action, a label for every field, autocomplete tokens, required fields marked in words, a
honeypot and a privacy notice.

- Netlify Forms detects forms in the built HTML at deploy: `name` + `data-netlify="true"`, the hidden
  `form-name` input already in the page, the honeypot named by `data-netlify-honeypot`, and `action`
  set to the thank-you page's path (Netlify answers the POST with that page). The `data-` form of the
  honeypot attribute is used because the bare `netlify-honeypot` is not valid HTML.
- Formspree: `action="https://formspree.io/f/ID"` and its `_gotcha` honeypot; `_next` names the
  thank-you page (on current Formspree plans the redirect is also set in the form's settings).
- custom: any URL that accepts a POST; a hidden `form-name` says which form it was, and the receiver
  answers with a redirect (303) to the thank-you page.
"""

from __future__ import annotations

import html
import pathlib
from dataclasses import dataclass

from markupsafe import Markup

from generator.config.forms import FormField, FormSpec, Guide

FORMSPREE = "https://formspree.io"

# What a downloadable file is called for readers, by extension, and the bytes it must start with.
FORMATS: dict[str, tuple[str, bytes]] = {
    ".pdf": ("PDF", b"%PDF-"),
    ".epub": ("EPUB", b"PK"),
    ".docx": ("Word document", b"PK"),
    ".odt": ("OpenDocument text", b"PK"),
    ".txt": ("plain text", b""),
    ".rtf": ("Rich Text", b"{\\rtf"),
}


def _a(value: str) -> str:
    return html.escape(value, quote=True)


def form_origin(provider: str, form: FormSpec) -> str:
    """The origin the form posts to when it is not the site itself ('' for Netlify)."""
    if provider == "formspree":
        return FORMSPREE
    if provider == "custom" and form.endpoint:
        scheme, _, rest = form.endpoint.partition("://")
        return f"{scheme}://{rest.split('/', 1)[0]}"
    return ""


def _opening(form: FormSpec, provider: str, thank_you_url: str) -> list[str]:
    if provider == "netlify":
        return [
            (
                f'<form class="site-form" name="{_a(form.id)}" method="POST" action="{_a(thank_you_url)}" '
                f'data-netlify="true" data-netlify-honeypot="{_a(form.honeypot)}">'
            ),
            f'<input type="hidden" name="form-name" value="{_a(form.id)}">',
        ]
    if provider == "formspree":
        return [
            f'<form class="site-form" method="POST" action="{FORMSPREE}/f/{_a(form.id)}">',
            f'<input type="hidden" name="_next" value="{_a(thank_you_url)}">',
        ]
    return [
        f'<form class="site-form" method="POST" action="{_a(form.endpoint)}">',
        f'<input type="hidden" name="form-name" value="{_a(form.id or form.key)}">',
    ]


def _field(form: FormSpec, f: FormField) -> list[str]:
    ident = f"{form.key}-{f.key.replace('_', '-')}"
    hint = f.hint
    if f.maxlength:
        hint = (hint + " " if hint else "") + f"Up to {f.maxlength:,} characters."
    marker = ' <span class="form-required">(required)</span>' if f.required else ""
    attrs = [f'id="{ident}"', f'name="{_a(f.key)}"']
    if f.autocomplete:
        attrs.append(f'autocomplete="{f.autocomplete}"')
    if f.maxlength:
        attrs.append(f'maxlength="{f.maxlength}"')
    if f.required:
        attrs.append("required")
    if hint:
        attrs.append(f'aria-describedby="{ident}-hint"')
    lines = ['<div class="form-field">', f'<label for="{ident}">{_a(f.label)}{marker}</label>']
    if hint:
        lines.append(f'<p class="hint" id="{ident}-hint">{_a(hint)}</p>')
    if f.type == "textarea":
        lines.append(f'<textarea {" ".join(attrs)} rows="6"></textarea>')
    else:
        lines.append(f'<input type="{f.type}" {" ".join(attrs)}>')
    lines.append("</div>")
    return lines


def form_markup(form: FormSpec, provider: str, thank_you_url: str, privacy_url: str) -> Markup:
    """The whole <form>, exactly as `provider` expects it. `thank_you_url` is a path for Netlify and an
    absolute URL for Formspree (it leaves the site)."""
    lines = _opening(form, provider, thank_you_url)
    for f in form.fields:
        lines += _field(form, f)
    trap = f"{form.key}-trap"
    lines += [
        '<div class="form-trap">',
        f'<label for="{trap}">Leave this field empty</label>',
        f'<input type="text" id="{trap}" name="{_a(form.honeypot)}" tabindex="-1" autocomplete="off">',
        "</div>",
        f'<p class="form-privacy">{_a(form.privacy_note)} Read our <a href="{_a(privacy_url)}">privacy notice</a>.</p>',
        f'<button type="submit" class="button">{_a(form.submit)}</button>',
        "</form>",
    ]
    return Markup("\n".join(lines))


@dataclass(frozen=True)
class GuideView:
    url: str
    title: str
    format: str  # "PDF"
    size: str  # "4 KB"

    @property
    def label(self) -> str:
        return f"{self.format}, {self.size}"


def human_size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    if n < 1024 * 1024:
        return f"{max(1, round(n / 1024))} KB"
    return f"{n / (1024 * 1024):.1f} MB"


def read_guide(content_dir: pathlib.Path, guide: Guide) -> tuple[GuideView | None, bytes, str]:
    """The guide's view and bytes, or a problem in words; format and size come from the file itself."""
    path = content_dir / guide.file
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        return (
            None,
            b"",
            f'"{guide.file}" is not a kind of file readers can be expected to open (use '
            + ", ".join(sorted(FORMATS))
            + ")",
        )
    try:
        if not path.resolve().is_relative_to(content_dir.resolve()):
            return None, b"", f'"{guide.file}" leads outside content/'
        data = path.read_bytes()
    except OSError:
        return None, b"", f"there is no file content/{guide.file}"
    name, magic = FORMATS[suffix]
    if not data.startswith(magic) or not data:
        return None, b"", f"content/{guide.file} is not really a {name} file"
    return GuideView(guide.url, guide.title, name, human_size(len(data))), data, ""
