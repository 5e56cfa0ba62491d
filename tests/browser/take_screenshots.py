"""Screenshots of the example site for docs/screenshots/ (README: What it looks like).

    .venv/bin/python tests/browser/take_screenshots.py

Builds a copy of the example site at a fixed moment (so the match banner is up), serves it on
127.0.0.1 and photographs nine pages at 375, 768 and 1280 px wide, whole pages, in Debian's Chromium.
Pictures that load lazily are scrolled into view first. The PNGs are reduced to 256 colours to keep
the repository small.
"""

from __future__ import annotations

import functools
import http.server
import pathlib
import shutil
import sys
import tempfile
import threading

from PIL import Image

ROOT = pathlib.Path(__file__).resolve().parents[2]
DEST = ROOT / "docs" / "screenshots"
AT = "2026-11-20T00:00:00Z"
WIDTHS = (375, 768, 1280)
PAGES = {
    "home": "/",
    "story": "/stories/two-teenagers-begin-again-in-howrah/",
    "listing": "/stories/",
    "campaign": "/campaigns/safe-homes-match/",
    "media": "/media/",
    "fundraise": "/fundraise/",
    "thank-you": "/fundraise/thank-you/",
    "topics": "/tags/",
    "404": "/404.html",
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return None


def main() -> int:
    from click.testing import CliRunner
    from playwright.sync_api import sync_playwright

    from generator.cli import main as cli

    with tempfile.TemporaryDirectory() as tmp:
        site = pathlib.Path(tmp) / "site"
        site.mkdir()
        for name in ("site.yaml", "content", "templates", "safety"):
            if (ROOT / name).is_dir():
                shutil.copytree(ROOT / name, site / name)
            elif (ROOT / name).is_file():
                shutil.copy2(ROOT / name, site / name)
        result = CliRunner().invoke(cli, ["build", "--site", str(site), "--at", AT])
        if result.exit_code != 0:
            print(result.output, file=sys.stderr)
            return 1
        handler = functools.partial(_Quiet, directory=str(site / "output"))
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        origin = f"http://127.0.0.1:{httpd.server_address[1]}"
        DEST.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox", "--disable-gpu"]
            )
            for width in WIDTHS:
                context = browser.new_context(viewport={"width": width, "height": 900})
                page = context.new_page()
                for name, path in PAGES.items():
                    page.goto(origin + path, wait_until="load")
                    for img in page.locator("img[loading=lazy]").all():
                        img.scroll_into_view_if_needed()
                    page.evaluate("window.scrollTo(0, 0)")
                    page.wait_for_load_state("networkidle")
                    file = DEST / f"{name}-{width}.png"
                    page.screenshot(path=str(file), full_page=True)
                    with Image.open(file) as im:
                        small = im.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
                    small.save(file, optimize=True)
                    print(file.relative_to(ROOT))
                context.close()
            browser.close()
        httpd.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
