#!/usr/bin/env python3
"""Manual check of `briefing serve` in a real browser: a page reloads after an article is edited.

Needs Debian's chromium and chromium-driver and PyPI selenium. Selenium Manager is bypassed (the
driver is given by path and statistics are off), so nothing leaves the machine.
Usage: scripts/live-reload-check.py   (from the repository root; works on a copy in a temp folder)
"""
import os, shutil, subprocess, sys, tempfile, time
os.environ["SE_AVOID_STATS"] = "true"
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
work = tempfile.mkdtemp()
for name in ("Content", "Templates"):
    shutil.copytree(os.path.join(root, name), os.path.join(work, name))
server = subprocess.Popen([os.path.join(root, ".build/debug/briefing"), "serve", "--port", "8799"], cwd=work,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    time.sleep(3)
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.get("http://127.0.0.1:8799/articles/003_aa876f87d1a0a2ba.html")
    driver.execute_script("window.__before_reload = 1")
    article = os.path.join(work, "Content/articles/003_aa876f87d1a0a2ba.txt")
    with open(article, encoding="utf-8") as f:
        text = f.read()
    with open(article, "w", encoding="utf-8") as f:
        f.write(text.replace("made the comment", "made the EDITED comment"))
    for _ in range(30):
        time.sleep(0.5)
        if driver.execute_script("return window.__before_reload") is None:
            break
    reloaded = driver.execute_script("return window.__before_reload") is None
    edited = "EDITED" in driver.find_element("id", "p12").text
    driver.quit()
    print(f"reloaded: {reloaded}, shows the edit: {edited}")
    sys.exit(0 if reloaded and edited else 1)
finally:
    server.terminate()
    shutil.rmtree(work, ignore_errors=True)
