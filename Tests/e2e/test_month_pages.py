"""Month pages (`list_limit`): the sample Content with `list_limit: 1`, so that every actor and
date named in both articles gets one page of mentions per month, two folders deep, and the
articles are listed by month too. A reader goes from the actor to a month and on to the
paragraph, and from the front page to a month of articles, served under a sub-path and from
disk; the pages are valid HTML, have no serious axe violation in either colour scheme, fit a
phone's width, and search works from them."""
from __future__ import annotations

import shutil

import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from harness import CONTENT, Browser, emulate_media, file_url
from test_validity import describe, nu_check

PESKOV = "actors/dmitry-peskov.html"
PESKOV_JANUARY = "actors/dmitry-peskov/2025-01.html"
WASHINGTON = "articles/003_aa876f87d1a0a2ba.html"


@pytest.fixture(scope="module")
def month_site(tmp_path_factory):
    from harness import build_site
    content = tmp_path_factory.mktemp("months") / "Content"
    shutil.copytree(CONTENT, content)
    with open(content / "briefing.yml", "a", encoding="utf-8") as settings:
        settings.write("list_limit: 1\n")
    return build_site(content, content.parent / "site", strict=True)


@pytest.fixture(params=["http", "file"])
def month_base(request, month_site, serve):
    return serve(month_site) if request.param == "http" else file_url(month_site)


def test_actor_to_month_to_paragraph(browser, month_base):
    driver = browser.open(month_base + PESKOV)
    months = driver.find_elements(By.CSS_SELECTOR, ".month-list a")
    assert [m.text for m in months] == ["November 2024", "January 2025"]
    months[1].click()
    WebDriverWait(driver, 10).until(EC.url_to_be(month_base + PESKOV_JANUARY))
    assert driver.find_element(By.CSS_SELECTOR, "main h1").text == "Dmitry Peskov: January 2025"
    paragraphs = driver.find_elements(By.CSS_SELECTOR, ".paragraph-list li > a + a")
    assert [p.text for p in paragraphs] == ["12", "13", "15"]
    paragraphs[0].click()
    WebDriverWait(driver, 10).until(EC.url_to_be(month_base + WASHINGTON + "#p12"))
    browser.check()


def test_front_page_to_a_month_of_articles(browser, month_base):
    driver = browser.open(month_base + "index.html")
    months = driver.find_elements(By.CSS_SELECTOR, ".month-list a")
    assert [m.text for m in months] == ["January 2025", "November 2024"]
    months[1].click()
    WebDriverWait(driver, 10).until(EC.url_to_be(month_base + "archive/2024-11.html"))
    assert driver.find_element(By.CSS_SELECTOR, "main h1").text == "Articles of November 2024"
    driver.find_element(By.CSS_SELECTOR, ".nav-next a").click()
    WebDriverWait(driver, 10).until(EC.url_to_be(month_base + "archive/2025-01.html"))
    driver.find_element(By.CSS_SELECTOR, ".article-list a").click()
    WebDriverWait(driver, 10).until(EC.url_to_be(month_base + WASHINGTON))
    browser.check()


def test_search_from_a_month_page(browser, month_base):
    driver = browser.open(month_base + PESKOV_JANUARY)
    driver.find_element(By.ID, "search").send_keys("Lavrov")
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "search-results").is_displayed())
    option = driver.find_elements(By.CSS_SELECTOR, "#search-results [role=option]")[0]
    target = option.get_attribute("data-href")
    assert target == month_base + "actors/sergei-lavrov.html", target
    option.click()
    WebDriverWait(driver, 10).until(EC.url_to_be(target))
    browser.check()


def test_month_pages_are_valid_html(month_site):
    pages = sorted(month_site.glob("*/*/*.html")) + sorted(month_site.glob("archive/*.html")) + [
        month_site / PESKOV, month_site / "dates/2025-01-20.html", month_site / "index.html", month_site / "timeline.html"]
    assert len(pages) == 24, pages
    errors = [m for m in nu_check(pages) if m["type"] in ("error", "non-document-error")]
    assert not errors, describe(errors, month_site)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_month_page_accessibility_and_width(month_site, serve, artifacts, scheme):
    # Served: axe reads the stylesheets, which a page opened from disk may not.
    base = serve(month_site)
    for width, height, mobile in ((390, 844, True), (1366, 900, False)):
        with Browser(width, height, mobile) as browser:
            driver = browser.open(base + PESKOV_JANUARY)
            emulate_media(driver, "screen", scheme)
            assert driver.execute_script("return document.documentElement.scrollWidth") <= width
            axe = Axe(driver)
            axe.inject()
            results = axe.run()
            blocking = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
            assert not blocking, [v["id"] for v in blocking]
            driver.save_screenshot(str(artifacts / f"month-{width}-{scheme}.png"))
            browser.check()
