"""Screenshots of the main pages at phone and desktop width, in artifacts/e2e/ (whole pages, PNG).
Each page must also fit its width: nothing wider than the viewport (no sideways scrolling)."""
from __future__ import annotations

import pytest

from harness import Browser, emulate_media, save_full_page_screenshot

PAGES = {
    "index": "index.html",
    "article": "articles/003_aa876f87d1a0a2ba.html",
    "actor": "actors/dmitry-peskov.html",
    "timeline": "timeline.html",
}
WIDTHS = {"phone": (390, 844, True), "desktop": (1366, 900, False)}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots(site_url, artifacts, width, scheme):
    w, h, mobile = WIDTHS[width]
    with Browser(w, h, mobile) as browser:
        for name, path in PAGES.items():
            driver = browser.open(site_url + path)
            emulate_media(driver, "screen", scheme)
            assert driver.execute_script("return innerWidth") == w
            overflow = driver.execute_script("return document.documentElement.scrollWidth")
            assert overflow <= w, f"{path} is {overflow}px wide at {w}px"
            shot = save_full_page_screenshot(driver, artifacts / f"{name}-{width}-{scheme}.png")
            assert shot.stat().st_size > 10_000, f"{shot} looks empty"
        browser.check()
