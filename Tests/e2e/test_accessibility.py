"""axe-core on the main kinds of page, in the light and the dark colour scheme: no serious or
critical violation. The full results go to artifacts/e2e/axe-<page>-<scheme>.json."""
from __future__ import annotations

import json

import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from harness import emulate_media

PAGES = {
    "index": "index.html",
    "article": "articles/003_aa876f87d1a0a2ba.html",
    "actor": "actors/dmitry-peskov.html",
    "date": "dates/2025-01-20.html",
    "timeline": "timeline.html",
}
BLOCKING = ("serious", "critical")


def summary(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['impact']}: {v['id']} ({v['help']}) on {len(v['nodes'])} element(s)")
        for node in v["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", PAGES)
def test_no_serious_violations(browser, site_url, artifacts, page, scheme):
    driver = browser.open(site_url + PAGES[page])
    emulate_media(driver, "screen", scheme)
    assert driver.execute_script(f"return matchMedia('(prefers-color-scheme: {scheme})').matches") is True
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    assert results["testEngine"]["version"].startswith("4."), results["testEngine"]
    assert results["passes"], "axe ran no rule"
    (artifacts / f"axe-{page}-{scheme}.json").write_text(json.dumps(
        {"url": PAGES[page], "scheme": scheme, "violations": results["violations"],
         "incomplete": [{"id": i["id"], "impact": i["impact"],
                         "nodes": [[" ".join(n["target"]), (n.get("failureSummary") or "").splitlines()[-1:]]
                                   for n in i["nodes"]]} for i in results["incomplete"]]}, indent=1))
    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING]
    assert not blocking, f"{PAGES[page]} ({scheme}):\n{summary(blocking)}"
    browser.check()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_search_and_preview_card(browser, site_url, scheme):
    """What JavaScript shows (the search results and a preview card) is checked too."""
    page = PAGES["article"]
    driver = browser.open(site_url + page)
    emulate_media(driver, "screen", scheme)
    driver.find_element(By.ID, "search").send_keys("Peskov")
    # The search index's parts load when the box is first used: the results come after them.
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "search-results").is_displayed())
    driver.execute_script("document.querySelector('main a.actor').dispatchEvent(new Event('mouseenter'))")
    assert driver.find_element(By.ID, "preview-card").is_displayed()
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING]
    assert not blocking, f"{page} with search results and a preview card ({scheme}):\n{summary(blocking)}"
    browser.check()
