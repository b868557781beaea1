"""Hostile content in a real browser: no script from content runs.

The fixture Tests/Fixtures/hostile/Content carries script tags, event handlers, `javascript:` and
`data:` URLs, `<svg onload>`, entity-encoded and mixed-case variants and template syntax, in every
input format, the gazetteer, the settings, the overview and a note, and in file names. Every
payload sets `window.__xss`. The site is built, then every page is opened over http (under a
sub-path) and over file://; each page's elements get the events a reader's mouse and keyboard
would send (so an inline handler that slipped through would run), the mention links get the
keyboard focus (the preview card), and the search box gets hostile queries. `window.__xss` must
stay undefined throughout.

A control test plants a handler in a copy of a generated page and checks that the same procedure
sees it run, so the check can fail.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from harness import REPO, Browser, build_site, file_url, serve_directory

HOSTILE = REPO / "Tests" / "Fixtures" / "hostile" / "Content"
SEARCHES = ["script", "xss", "onerror", "<img src=x onerror=window.__xss=1>", "javascript:", "{{site", "Peskov", "Acme"]

# Sends every element the events a reader's pointer and keyboard produce, without clicking (which
# would navigate), then focuses each mention link in turn so the preview card is built from it.
PROVOKE = """
const events = ["mouseover", "mouseenter", "mousemove", "mousedown", "mouseup", "focus", "focusin",
                "blur", "keydown", "keyup", "input", "change", "animationstart", "transitionend"];
for (const element of document.querySelectorAll("*")) {
  for (const type of events) element.dispatchEvent(new Event(type, {bubbles: true}));
}
for (const link of document.querySelectorAll("a.actor, a[aria-describedby], main a")) {
  link.focus();
  link.dispatchEvent(new MouseEvent("mouseover", {bubbles: true}));
}
return document.querySelectorAll("*").length;
"""


def xss(driver):
    return driver.execute_script("return window.__xss")


def pages(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))


def provoke(driver, url: str) -> int:
    driver.get(url)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    count = driver.execute_script(PROVOKE)
    preview = driver.find_elements(By.ID, "preview-card")
    if preview:  # let the card's content be inserted
        driver.execute_script("return new Promise(r => setTimeout(r, 50))")
    return count


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    return build_site(HOSTILE, tmp_path_factory.mktemp("hostile") / "site")


@pytest.fixture(scope="module")
def hostile_url(hostile_site) -> str:
    with serve_directory(hostile_site) as url:
        yield url


@pytest.fixture(params=["http", "file"])
def hostile_base(request, hostile_site) -> str:
    return request.getfixturevalue("hostile_url") if request.param == "http" else file_url(hostile_site)


def test_every_hostile_page_was_built(hostile_site):
    # Four articles (one of each hostile file name and format), the actors with hostile names and
    # ids, their dates, and the overview: 33 pages, all under the output directory.
    found = pages(hostile_site)
    assert len(found) == 33, found
    assert "articles/svg-onload-window-__xss-1.html" in found
    assert "articles/onmouseover-window-__xss-1-x.html" in found
    assert not list(hostile_site.parent.glob("escape*")), "an actor id wrote outside the site"


def test_no_script_from_content_runs_on_any_page(browser, hostile_site, hostile_base):
    driver = browser.driver
    opened = []
    for page in pages(hostile_site):
        elements = provoke(driver, hostile_base + page)
        assert xss(driver) is None, f"content ran a script on {page}"
        opened.append((page, elements))
    assert len(opened) == 33 and all(n > 20 for _, n in opened), opened
    # The payloads are on the pages as text, not lost: the tagged article's title shows its tag.
    driver.get(hostile_base + "articles/hostile-tagged.html")
    title = driver.find_element(By.CSS_SELECTOR, "main h1").text
    assert "<script>window.__xss=1</script>" in title and "{{site.title}}" in title, title
    assert xss(driver) is None
    browser.check()


def test_hostile_searches_run_no_script(browser, hostile_base):
    driver = browser.open(hostile_base + "index.html")
    box = driver.find_element(By.ID, "search")
    results = driver.find_element(By.ID, "search-results")
    offered = {}
    # What a query must offer: the list may still show the last query's options when it is read
    # (each keystroke searches, and the index's parts load as they are needed), so the test waits
    # for these, not only for the list to show.
    expected = {"script": "<script>window.__xss=1</script>", "Peskov": "Peskov"}

    def options():
        return [o.text for o in results.find_elements(By.CSS_SELECTOR, "[role=option]")]

    for query in SEARCHES:
        box.clear()
        box.send_keys(query)
        WebDriverWait(driver, 5).until(lambda d: results.is_displayed())
        if query in expected:
            try:
                WebDriverWait(driver, 5).until(lambda d: any(expected[query] in text for text in options()))
            except TimeoutException:
                pass  # the assertions below say what was offered
        offered[query] = options()
        driver.execute_script(PROVOKE)
        assert xss(driver) is None, f"searching {query!r} ran a script"
    # The hostile titles are offered, shown as text.
    assert any("<script>window.__xss=1</script>" in text for text in offered["script"]), offered["script"]
    assert any("Peskov" in text for text in offered["Peskov"]), offered["Peskov"]
    browser.check()


def test_the_check_sees_a_planted_handler(hostile_site, tmp_path):
    """Control: the same procedure on a copy of a page with a planted handler sets window.__xss."""
    planted = tmp_path / "planted"
    shutil.copytree(hostile_site, planted)
    for name, payload in [("load.html", '<img src="data:," onerror="window.__xss=1" alt="">'),
                          ("hover.html", '<p onmouseover="window.__xss=1">x</p>')]:
        page = (planted / "index.html").read_text(encoding="utf-8")
        (planted / name).write_text(page.replace("</main>", payload + "</main>", 1), encoding="utf-8")
    with serve_directory(planted) as url, Browser() as browser:  # not checked: the planted image fails
        for name in ("load.html", "hover.html"):
            provoke(browser.driver, url + name)
            assert xss(browser.driver) == 1, f"the planted handler in {name} did not run: the check is blind"


def test_hostile_pages_are_valid_html_and_atom(hostile_site):
    """Hostile text cannot break the markup either: the Nu checker finds no error on any page, and
    the feed (hostile titles, authors and links) is still valid Atom."""
    from test_validity import ATOM, SCHEMAS, describe, nu_check

    found = sorted(hostile_site.rglob("*.html"))
    errors = [m for m in nu_check(found) if m["type"] in ("error", "non-document-error")]
    assert not errors, describe(errors, hostile_site)
    feed = hostile_site / "feed.xml"
    done = subprocess.run(["jing", "-c", str(SCHEMAS / "atom.rnc"), str(feed)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
    # The hostile titles are there as text; every address is the site's own or an http(s) one.
    root = ET.parse(feed).getroot()
    assert any("javascript:window.__xss=1" == t.text for t in root.iter(ATOM + "title"))
    hrefs = [link.get("href") for link in root.iter(ATOM + "link")] + [i.text for i in root.iter(ATOM + "id")]
    assert hrefs and all(re.match(r"(https?:|urn:|tag:|[a-z0-9_./-]+$)", h) for h in hrefs), hrefs
