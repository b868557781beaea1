"""axe-core on the main kinds of page, in the light and the dark colour scheme: no serious or
critical violation. The full results go to artifacts/e2e/axe-<page>-<scheme>.json."""
from __future__ import annotations

import json

import pytest
from axe_selenium_python import Axe

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
         "incomplete": [i["id"] for i in results["incomplete"]]}, indent=1))
    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING]
    assert not blocking, f"{PAGES[page]} ({scheme}):\n{summary(blocking)}"
    browser.check()
