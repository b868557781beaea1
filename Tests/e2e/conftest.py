"""Fixtures of the browser tests; the functions behind them are in harness.py.

    site_dir      (session) the sample Content/ built with the release binary into a temporary folder
    site_url      (session) site_dir served at http://127.0.0.1:<port>/some/sub/path/
    site_base     (function, parametrised) site_url, then site_dir as file:// — runs a test twice
    browser       (function) a harness.Browser at 1366×900; fails the test on console errors or failed requests
    build         (function) build(content, templates=TEMPLATES, strict=False) -> Path, into a fresh temporary folder
    serve         (function) serve(directory, sub_path="/some/sub/path/") -> base URL, stopped after the test
    artifacts     (session) artifacts/e2e/, created

A test of another content folder (hostile input, say) needs only these:

    def test_no_script_runs(build, serve, browser):
        url = serve(build(Path(__file__).parent / "fixtures" / "hostile"))
        browser.open(url + "index.html")
        assert browser.driver.execute_script("return window.__xss") is None
"""
from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from harness import ARTIFACTS, CONTENT, TEMPLATES, Browser, build_site, file_url, serve_directory

SUB_PATH = "/some/sub/path/"


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    return build_site(CONTENT, tmp_path_factory.mktemp("sample") / "site")


@pytest.fixture(scope="session")
def site_url(site_dir) -> str:
    with serve_directory(site_dir, SUB_PATH) as url:
        yield url


@pytest.fixture(params=["http", "file"])
def site_base(request, site_dir) -> str:
    """The sample site's base URL, ending with /: served under a sub-path, then from disk."""
    if request.param == "http":
        return request.getfixturevalue("site_url")
    return file_url(site_dir)


@pytest.fixture
def browser() -> Browser:
    with Browser() as b:
        yield b
        b.check()


@pytest.fixture
def build(tmp_path):
    made = iter(range(1_000_000))

    def build(content: Path, templates: Path = TEMPLATES, strict: bool = False) -> Path:
        return build_site(Path(content), tmp_path / f"site-{next(made)}", templates, strict)

    return build


@pytest.fixture
def serve():
    with contextlib.ExitStack() as stack:
        yield lambda directory, sub_path=SUB_PATH: stack.enter_context(serve_directory(Path(directory), sub_path))


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
