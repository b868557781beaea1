"""Reusable pieces of the browser tests: build a site, serve it under a sub-path, drive Chromium.

Plain functions and classes, so that a test module can use them directly or through the fixtures
of conftest.py:

    build_site(content, output, templates=TEMPLATES, strict=False) -> Path
    serve_directory(directory, sub_path="/some/sub/path/") -> context manager yielding the base URL
    file_url(directory) -> the file:// URL of a directory, with a trailing slash
    make_driver(width=1366, height=900, mobile=False) -> selenium.webdriver.Chrome (headless, logs on)
    Browser(width=..., height=..., mobile=...): a driver plus its console errors and failed requests
    emulate_media(driver, media="", color_scheme=None)
    save_full_page_screenshot(driver, path)
"""
from __future__ import annotations

import base64
import contextlib
import functools
import http.server
import json
import os
import shutil
import subprocess
import threading
import urllib.parse
from pathlib import Path
from typing import Iterator

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.remote.webdriver import WebDriver

REPO = Path(__file__).resolve().parents[2]
CONTENT = REPO / "Content"
TEMPLATES = REPO / "Templates"
BRIEFING = Path(os.environ.get("BRIEFING_BIN", REPO / ".build" / "release" / "briefing"))
ARTIFACTS = Path(os.environ.get("E2E_ARTIFACTS", REPO / "artifacts" / "e2e"))
CHROMIUM = os.environ.get("CHROMIUM_BIN", shutil.which("chromium") or "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER_BIN", shutil.which("chromedriver") or "/usr/bin/chromedriver")


# ---------------------------------------------------------------------------------------------
# (a) Build a content directory with the release binary.

def build_site(content: Path, output: Path, templates: Path = TEMPLATES, strict: bool = False) -> Path:
    """Runs `briefing build` on `content` into `output` (replaced whole) and returns `output`.

    No cache, so every call is a clean build. Raises AssertionError with the generator's output
    when the build fails. Warnings are allowed unless `strict`.
    """
    if not BRIEFING.exists():
        raise AssertionError(f"{BRIEFING} is missing: run `swift build -c release --product briefing`")
    command = [str(BRIEFING), "build", "--content", str(content), "--templates", str(templates),
               "--output", str(output), "--no-cache", "--quiet"]
    if strict:
        command.append("--strict")
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    if done.returncode != 0:
        raise AssertionError(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return output


# ---------------------------------------------------------------------------------------------
# (b) Serve a directory under a sub-path on 127.0.0.1, on a free port.

class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves `directory` at `sub_path` only: anything outside the sub-path is a 404, as on a host
    where the site is one folder among others. Directory URLs serve their index.html."""

    sub_path = "/"
    requests: list = []

    def send_head(self):
        if not urllib.parse.urlsplit(self.path).path.startswith(self.sub_path):
            self.send_error(404, "Outside the site's sub-path")
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        address = urllib.parse.urlsplit(path).path
        return super().translate_path("/" + address[len(self.sub_path):])

    def log_message(self, format: str, *args) -> None:  # keep pytest's output clean, keep a record
        self.requests.append(f"{self.command} {self.path} -> {args[1] if len(args) > 1 else '?'}")


@contextlib.contextmanager
def serve_directory(directory: Path, sub_path: str = "/some/sub/path/") -> Iterator[str]:
    """Serves `directory` over HTTP at http://127.0.0.1:<free port><sub_path> in a thread, and
    stops the server on exit. Yields the base URL (ending with /)."""
    if not (sub_path.startswith("/") and sub_path.endswith("/")):
        raise ValueError("sub_path must start and end with /")
    handler = type("Handler", (_SubPathHandler,), {"sub_path": sub_path, "requests": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, name="e2e-static-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{sub_path}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def file_url(directory: Path) -> str:
    """The file:// URL of a directory, ending with /."""
    return Path(directory).resolve().as_uri() + "/"


# ---------------------------------------------------------------------------------------------
# (c) Headless Chromium with the browser and performance logs on.

def make_driver(width: int = 1366, height: int = 900, mobile: bool = False) -> WebDriver:
    """Debian's chromium through Debian's chromedriver, headless, with `goog:loggingPrefs` for the
    console (`browser`) and network events (`performance`). The viewport is exactly width×height
    CSS pixels at a device scale of 1 (`mobile` also turns on the mobile viewport and touch)."""
    options = Options()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                     "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--hide-scrollbars", "--force-color-profile=srgb",
                     "--lang=en-GB", f"--window-size={width},{height}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    options.add_experimental_option("perfLoggingPrefs", {"enableNetwork": True, "enablePage": False})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
    if mobile:
        driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1})
    return driver


def emulate_media(driver: WebDriver, media: str = "", color_scheme: str | None = None) -> None:
    """CDP Emulation.setEmulatedMedia: `media` "print" or "screen" ("" for the default), and
    `color_scheme` "light" or "dark" for prefers-color-scheme (None for the default)."""
    features = [] if color_scheme is None else [{"name": "prefers-color-scheme", "value": color_scheme}]
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media, "features": features})


def save_full_page_screenshot(driver: WebDriver, path: Path) -> Path:
    """A PNG of the whole page (beyond the viewport), through CDP Page.captureScreenshot."""
    size = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
    width = driver.execute_script("return window.innerWidth")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": min(size[1], 16000), "scale": 1}})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(base64.b64decode(shot["data"]))
    return path


def console_errors(driver: WebDriver) -> list[str]:
    """SEVERE console entries since the last call (uncaught exceptions, console.error, CSP, and
    the console lines Chromium writes for failed loads)."""
    return [f"console: {entry['message']}" for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def failed_requests(driver: WebDriver) -> list[str]:
    """Requests since the last call that failed (Network.loadingFailed) or were answered with a
    status of 400 or more (Network.responseReceived), from the performance log."""
    urls: dict[str, str] = {}
    problems = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        method, params = message.get("method"), message.get("params", {})
        if method == "Network.requestWillBeSent":
            urls[params["requestId"]] = params["request"]["url"]
        elif method == "Network.responseReceived":
            status = params["response"].get("status", 0)
            if status >= 400:
                problems.append(f"HTTP {status}: {params['response']['url']}")
        elif method == "Network.loadingFailed":
            if params.get("canceled") and params.get("errorText") == "net::ERR_ABORTED":
                continue  # a navigation that replaced the page before a load finished: not a failure
            problems.append(f"failed ({params.get('errorText')}): {urls.get(params['requestId'], params['requestId'])}")
    return problems


class Browser:
    """A headless Chromium that keeps every console error and failed request seen since it
    started. Call `check()` (or `collect()` then read `problems`) after navigating; `close()` at
    the end. Usable as a context manager."""

    def __init__(self, width: int = 1366, height: int = 900, mobile: bool = False):
        self.driver = make_driver(width, height, mobile)
        self.problems: list[str] = []

    def open(self, url: str) -> WebDriver:
        self.driver.get(url)
        self.collect()
        return self.driver

    def collect(self) -> list[str]:
        self.problems += console_errors(self.driver) + failed_requests(self.driver)
        return self.problems

    def check(self) -> None:
        """Fails with the list of console errors and failed requests, if there are any."""
        self.collect()
        assert not self.problems, "console errors or failed requests:\n" + "\n".join(self.problems)

    def close(self) -> None:
        self.driver.quit()

    def __enter__(self) -> "Browser":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
