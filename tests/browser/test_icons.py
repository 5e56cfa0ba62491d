"""No icon name can ever show up as text (the CMS sprite leak: "shield arrow-simple-alt-top … love"),
with the stylesheet applied or without it, and every inline SVG is hidden from assistive technology."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

# Ordinary words that the example site uses on purpose and that happen to be icon names too. Each is
# allowed only in the exact phrase quoted here; anywhere else the word fails the test.
LEGITIMATE_PHRASES = (
    "Atom feed",  # the footer link to /feed.xml
    "listing, feed and search index",  # the privacy page on takedowns
    "Tag:",  # the heading of a tag page, "Tag: rescue"
)

PAGE_TEXT = """() => {
    const bare = document.body.cloneNode(true);
    bare.querySelectorAll('svg').forEach(svg => svg.remove());
    const style = [...document.querySelectorAll('link[rel=stylesheet], style')];
    const rendered = document.body.innerText;
    style.forEach(s => s.disabled = true);  // a reader view, a text browser, a stylesheet that failed to load
    const unstyled = document.body.innerText;
    style.forEach(s => s.disabled = false);
    return {rendered, unstyled, all: document.body.textContent, withoutSvg: bare.textContent};
}"""

SVGS = """() => [...document.querySelectorAll('svg')].map(svg => ({
    html: svg.outerHTML.slice(0, 160),
    ariaHidden: svg.getAttribute('aria-hidden'),
    focusable: svg.getAttribute('focusable'),
    text: svg.textContent.trim(),
    named: svg.querySelector('title, desc, text') !== null,
    use: [...svg.querySelectorAll('use')].map(u => u.getAttribute('href') || u.getAttribute('xlink:href')),
}))"""


def test_icon_names_never_show_up_as_text(browsing, site_pages: list[str], built_site) -> None:
    names = built_site.icon_names()
    assert {"heart", "arrow-right"} <= set(names), names  # the theme's icons are really where we look
    word = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?![\w-])", re.IGNORECASE)
    session = browsing(viewport={"width": 1280, "height": 900})
    problems = []
    for path in site_pages:
        page = session.open(path)
        texts = page.evaluate(PAGE_TEXT)
        for kind in ("rendered", "unstyled", "all"):
            text = texts[kind]
            for phrase in LEGITIMATE_PHRASES:
                text = text.replace(phrase, " ")
            for m in word.finditer(text):
                around = text[max(0, m.start() - 40) : m.end() + 40].replace("\n", " ")
                problems.append(f"{path} ({kind} text): icon name {m.group(0)!r} in “…{around}…”")
        if texts["all"] != texts["withoutSvg"]:
            problems.append(f"{path}: inline SVGs add text to the page")
    assert not problems, "\n".join(problems)


def test_every_inline_svg_is_hidden_from_assistive_technology(browsing, site_pages: list[str]) -> None:
    session = browsing(viewport={"width": 1280, "height": 900})
    problems = []
    count = 0
    for path in site_pages:
        page = session.open(path)
        svgs = page.evaluate(SVGS)
        count += len(svgs)
        for svg in svgs:
            if svg["ariaHidden"] != "true":
                problems.append(f'{path}: <svg> without aria-hidden="true": {svg["html"]}')
            if svg["focusable"] != "false":
                problems.append(f'{path}: <svg> without focusable="false": {svg["html"]}')
            if svg["text"] or svg["named"]:
                problems.append(f"{path}: <svg> carries text or a <title>/<desc>: {svg['html']}")
            if any(href and not href.startswith("#") for href in svg["use"]):
                problems.append(f"{path}: <svg><use> points at another file (a sprite): {svg['use']}")
    assert count > 0, "no inline SVG icons at all: is the theme still using icon()?"
    assert not problems, "\n".join(problems)
