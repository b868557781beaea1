"""A reader's way through the sample briefing, served under a sub-path and opened from disk.

Every test runs twice (site_base: http://127.0.0.1:PORT/some/sub/path/ and file://) and fails on
any console error or failed request.
"""
from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from harness import emulate_media

SITE_TITLE = "Putin–Trump contacts: a briefing"
WASHINGTON = "articles/003_aa876f87d1a0a2ba.html"
WASHINGTON_TITLE = "Putin is open to meet with Trump after inauguration, Kremlin says"
RIA = "articles/000_a07414719247a0af.html"
RIA_TITLE_START = "Putin’s press secretary Dmitry Peskov does not rule out"
PESKOV = "actors/dmitry-peskov.html"


def wait(driver, seconds: float = 10):
    return WebDriverWait(driver, seconds)


def heading(driver) -> str:
    return driver.find_element(By.CSS_SELECTOR, "main h1").text.strip()


def in_viewport(driver, element) -> dict:
    """The element's bounding rect and whether its top edge lies inside the viewport."""
    return driver.execute_script(
        "var r = arguments[0].getBoundingClientRect();"
        "return {top: r.top, bottom: r.bottom, height: innerHeight, scrollY: scrollY,"
        " visible: r.top >= 0 && r.top < innerHeight && r.bottom > 0};", element)


def test_index_article_actor_paragraph(browser, site_base):
    driver = browser.open(site_base + "index.html")
    assert driver.title.startswith(SITE_TITLE)
    assert heading(driver) == SITE_TITLE
    listed = [a.text for a in driver.find_elements(By.CSS_SELECTOR, ".article-list li strong a")]
    assert listed[0] == WASHINGTON_TITLE and listed[1].startswith(RIA_TITLE_START), listed

    # The index links to the article; the article page is where the link says.
    driver.find_element(By.LINK_TEXT, WASHINGTON_TITLE).click()
    wait(driver).until(EC.url_to_be(site_base + WASHINGTON))
    assert heading(driver) == WASHINGTON_TITLE
    assert driver.find_element(By.ID, "p1").get_attribute("class") == "lead"

    # An actor mention links to the actor's page.
    mention = driver.find_element(By.CSS_SELECTOR, f"main p a.actor[href='../{PESKOV}']")
    assert mention.text in ("Dmitry Peskov", "Peskov")
    mention.click()
    wait(driver).until(EC.url_to_be(site_base + PESKOV))
    assert heading(driver) == "Dmitry Peskov"
    assert driver.title.startswith("Dmitry Peskov")

    # A keyword-in-context snippet leads back to its paragraph, scrolled into view and targeted.
    snippet = driver.find_element(By.CSS_SELECTOR, f".kwic a[href='../{WASHINGTON}#p13']")
    words = snippet.text.strip("… ").split("…")[-1].strip()
    assert "Peskov" in words
    snippet.click()
    wait(driver).until(EC.url_to_be(site_base + WASHINGTON + "#p13"))
    target = wait(driver).until(lambda d: d.execute_script("return document.querySelector(':target')"))
    assert target.get_attribute("id") == "p13"
    assert target.tag_name == "p"
    assert words in " ".join(target.text.split()), (words, target.text)
    box = in_viewport(driver, target)
    assert box["visible"], box
    assert box["scrollY"] > 300, f"the page did not scroll to the paragraph: {box}"
    # :target is highlighted (the mark colour), so the reader sees which paragraph it is.
    assert target.value_of_css_property("background-color") not in ("rgba(0, 0, 0, 0)", "transparent")
    browser.check()


def test_date_then_timeline(browser, site_base):
    driver = browser.open(site_base + WASHINGTON)
    date = driver.find_element(By.CSS_SELECTOR, "main a.date[href='../dates/2025-01-20.html']")
    assert date.find_element(By.TAG_NAME, "time").get_attribute("datetime") == "2025-01-20"
    date.click()
    wait(driver).until(EC.url_to_be(site_base + "dates/2025-01-20.html"))
    assert heading(driver) == "20 January 2025"
    # The date page lists its mentions, each a link back to an article's paragraph.
    back = driver.find_elements(By.CSS_SELECTOR, f"main a[href^='../{WASHINGTON}#p']")
    assert back, "the date page links to no paragraph of the article"

    driver.find_element(By.CSS_SELECTOR, "nav.site-nav").find_element(By.LINK_TEXT, "Timeline").click()
    wait(driver).until(EC.url_to_be(site_base + "timeline.html"))
    assert heading(driver) == "Timeline"
    years = [h.text for h in driver.find_elements(By.CSS_SELECTOR, "main h2")]
    assert years[:2] == ["2016", "2018"] and "2025" in years, years
    assert driver.find_elements(By.CSS_SELECTOR, "main a[href='dates/2025-01-20.html']")
    browser.check()


def test_search_peskov(browser, site_base):
    driver = browser.open(site_base + "timeline.html")
    box = driver.find_element(By.ID, "search")
    box.send_keys("Peskov")
    results = driver.find_element(By.ID, "search-results")
    wait(driver).until(lambda d: results.is_displayed())
    assert box.get_attribute("aria-expanded") == "true"
    options = results.find_elements(By.CSS_SELECTOR, "[role=option]")
    offered = [(o.find_element(By.CLASS_NAME, "search-kind").text.lower(),
                o.find_element(By.CLASS_NAME, "search-title").text,
                o.get_attribute("data-href")) for o in options]
    kinds = [k for k, _, _ in offered]
    assert ("actor", "Dmitry Peskov", site_base + PESKOV) in offered, offered
    articles = [(t, h) for k, t, h in offered if k == "article"]
    assert len(articles) == 2, offered
    assert [h.split("#")[0] for _, h in articles] == [site_base + WASHINGTON, site_base + RIA], "newest first"
    assert kinds[0] == "actor", "actors come first"

    # Arrow down to the first article, Enter opens it (at the paragraph that matched).
    first_article = kinds.index("article")
    for _ in range(first_article + 1):
        box.send_keys(Keys.ARROW_DOWN)
    assert box.get_attribute("aria-activedescendant") == f"search-result-{first_article}"
    expected = articles[0][1]
    box.send_keys(Keys.ENTER)
    wait(driver).until(EC.url_to_be(expected))
    assert driver.current_url.split("#")[0] in (site_base + WASHINGTON, site_base + RIA)
    browser.check()


def test_search_index_loads_when_the_box_is_first_used(browser, site_base):
    """Every page loads the previews; the search index (which grows with the text) only comes
    when the search box is first used, from the page's own relative address, and then only the
    parts a query needs: the manifest, the terms of the query's first letter, the documents of
    the results shown. The whole index (search-index.js) is not published, and never loaded."""
    driver = browser.open(site_base + PESKOV)
    search_scripts = "return [...document.scripts].map(s => s.src).filter(s => s.includes('search'))"
    assert driver.execute_script("return typeof window.BRIEFING_PREVIEWS") == "object"
    assert driver.execute_script("return typeof window.BRIEFING_SEARCH_SHARDS") == "undefined"
    assert driver.execute_script(search_scripts) == []
    driver.find_element(By.ID, "search").click()
    wait(driver).until(lambda d: d.execute_script("return typeof window.BRIEFING_SEARCH_SHARDS") == "object")
    assert driver.execute_script(search_scripts) == [site_base + "search/index.js"]
    # Typed before or after it came, the query is answered once its parts are there.
    driver.find_element(By.ID, "search").send_keys("Lavrov")
    wait(driver).until(lambda d: d.find_element(By.ID, "search-results").is_displayed())
    titles = [o.text for o in driver.find_elements(By.CSS_SELECTOR, "#search-results [role=option] .search-title")]
    assert "Sergei Lavrov" in titles, titles
    assert sorted(driver.execute_script(search_scripts)) == sorted(
        [site_base + "search/index.js", site_base + "search/t-l.js", site_base + "search/d-0.js"])
    assert driver.execute_script("return typeof window.BRIEFING_SEARCH") == "undefined"
    browser.check()


def test_search_enter_opens_first_result(browser, site_base):
    driver = browser.open(site_base + "index.html")
    box = driver.find_element(By.ID, "search")
    box.send_keys("Peskov")
    wait(driver).until(lambda d: d.find_element(By.ID, "search-results").is_displayed())
    box.send_keys(Keys.ENTER)
    wait(driver).until(EC.url_to_be(site_base + PESKOV))
    assert heading(driver) == "Dmitry Peskov"
    browser.check()


def test_search_click_opens_result(browser, site_base):
    driver = browser.open(site_base + PESKOV)
    driver.find_element(By.ID, "search").send_keys("Lavrov")
    wait(driver).until(lambda d: d.find_element(By.ID, "search-results").is_displayed())
    option = driver.find_elements(By.CSS_SELECTOR, "#search-results [role=option]")[-1]
    target = option.get_attribute("data-href")
    assert target != site_base + PESKOV
    assert target.startswith(site_base), target
    option.click()
    wait(driver).until(EC.url_to_be(target))
    browser.check()


def test_preview_on_keyboard_focus(browser, site_base):
    driver = browser.open(site_base + WASHINGTON)
    card = driver.find_element(By.ID, "preview-card")
    assert not card.is_displayed()
    # Tab from the top of the page until a mention link has the focus, as a keyboard user would.
    body = driver.find_element(By.TAG_NAME, "body")
    body.click()
    focused = None
    for _ in range(40):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        focused = driver.switch_to.active_element
        if "actor" in (focused.get_attribute("class") or "").split():
            break
    else:
        raise AssertionError("no actor link reached with Tab")
    assert focused.get_attribute("href") == site_base + "actors/vladimir-putin.html"
    wait(driver, 5).until(lambda d: card.is_displayed())
    assert card.find_element(By.TAG_NAME, "strong").text == "Vladimir Putin"
    assert focused.get_attribute("aria-describedby") == "preview-card"
    link_box, card_box = focused.rect, card.rect
    assert card_box["y"] >= link_box["y"] + link_box["height"], (link_box, card_box)
    # Leaving the link hides the card.
    focused.send_keys(Keys.ESCAPE)
    wait(driver, 5).until(lambda d: not card.is_displayed())
    browser.check()


def test_print_shows_no_navigation(browser, site_base):
    driver = browser.open(site_base + WASHINGTON)
    chrome = ["header.site-header", "nav.site-nav", "form.site-search", "footer.site-footer", ".breadcrumbs"]
    for selector in chrome:
        assert driver.find_element(By.CSS_SELECTOR, selector).is_displayed(), f"{selector} hidden on screen"
    emulate_media(driver, "print")
    assert driver.execute_script("return matchMedia('print').matches") is True
    for selector in chrome:
        element = driver.find_element(By.CSS_SELECTOR, selector)
        assert not element.is_displayed(), f"{selector} is shown in print"
    assert driver.find_element(By.CSS_SELECTOR, "main h1").is_displayed()
    assert driver.find_element(By.ID, "p1").is_displayed()
    # Links to other sites print their address.
    after = driver.execute_script(
        "return getComputedStyle(document.querySelector('.article-meta a[href^=\"http\"]'), '::after').content")
    assert "washingtonpost.com" in after, after
    browser.check()
