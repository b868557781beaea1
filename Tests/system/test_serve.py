"""`briefing serve` with the release binary (make robustness): it rebuilds when a file a build reads
changes, names the file in its log, and serves the new pages; a hidden file (an editor's swap file) is not such a file; a
broken template keeps the last good site served, with the error in the status, until it is fixed. "Serving" is logged
only once the port listens, and a port another program holds ends the command before any build, with a message that
names the address; so does an output folder that is not a site (the server would show what it holds).
"""
from __future__ import annotations

import json
import queue
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from test_crash_safety import BRIEFING, SAMPLE, TEMPLATES


class Served:
    """A `briefing serve` process and the lines it logs."""

    def __init__(self, root: Path, port: int | None = None):
        if port is None:
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                port = probe.getsockname()[1]
        self.port = port
        self.content, self.templates = root / "Content", root / "Templates"
        shutil.copytree(SAMPLE, self.content)
        shutil.copytree(TEMPLATES, self.templates)
        self.process = subprocess.Popen(
            [str(BRIEFING), "serve", "--content", str(self.content), "--templates", str(self.templates),
             "--output", str(root / "Public"), "--cache", str(root / "cache"), "--port", str(self.port)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, prefix: str, timeout: float = 60) -> list[str]:
        """The lines logged until one that starts with `prefix`, that one included."""
        seen, deadline = [], time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=deadline - time.monotonic())
            except queue.Empty:
                break
            seen.append(line)
            if line.startswith(prefix):
                return seen
        raise AssertionError(f"no line starting with {prefix!r} in {timeout} s; logged: {seen}")

    def quiet_for(self, seconds: float) -> list[str]:
        """What is logged in the next `seconds`."""
        seen, deadline = [], time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                seen.append(self.lines.get(timeout=left))
            except queue.Empty:
                break
        return seen

    def get(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=10) as response:
            return response.read().decode("utf-8")

    def status(self) -> dict:
        return json.loads(self.get("/__briefing/status"))

    def ended(self) -> tuple[int, list[str]]:
        """The status of a process that ends by itself (a failure before serving), and what it logged."""
        try:
            code = self.process.wait(timeout=30)
            self.reader.join(timeout=10)
            return code, self.quiet_for(0.1)
        finally:
            self.stop()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def test_serve_rebuilds_on_each_change_a_build_reads_and_on_no_other(tmp_path):
    if not BRIEFING.exists():
        pytest.fail(f"{BRIEFING} is missing: run `make release`")
    served = Served(tmp_path)
    try:
        first = served.wait_for("Rebuilt (first build)")
        served.wait_for("Serving ")
        assert any("pages" in line for line in first)
        version = served.status()["version"]
        article = sorted((served.content / "articles").iterdir())[0]
        page = "/articles/" + article.stem + ".html"
        assert "Quillfeather" not in served.get(page)

        # An article edited: one rebuild, from the cache, and the page served has the new sentence.
        article.write_text(article.read_text(encoding="utf-8") + "\nThe envoy Quillfeather arrived.\n", encoding="utf-8")
        rebuilt = served.wait_for("Rebuilt (")[-1]
        assert rebuilt.startswith(f"Rebuilt (Content/articles/{article.name}): ") and "unchanged" in rebuilt, rebuilt
        assert "Quillfeather" in served.get(page)
        assert served.status() == {"version": version + 1, "error": None}

        # Hidden files are no file of the briefing: no rebuild.
        (served.content / "articles" / ".draft.txt.swp").write_text("swap")
        (served.templates / ".git").mkdir()
        (served.templates / ".git" / "HEAD").write_text("ref")
        assert not [line for line in served.quiet_for(1.5) if line.startswith("Rebuilt")]

        # A folder made after serve started is watched: a partial put in a new one, then used.
        (served.templates / "partials" / "extra").mkdir()
        (served.templates / "partials" / "extra" / "mark.md").write_text("Marked by a new partial.\n", encoding="utf-8")
        served.wait_for("Rebuilt (Templates/partials/extra")
        index = served.templates / "index.md"
        index.write_text(index.read_text(encoding="utf-8") + "\n{{> partials/extra/mark}}\n", encoding="utf-8")
        served.wait_for("Rebuilt (Templates/index.md)")
        assert "Marked by a new partial." in served.get("/")

        # A broken template: the last good site stays served, the status has the error; fixed, it builds.
        good = index.read_text(encoding="utf-8")
        index.write_text(good + "\n{{#articles}}\n", encoding="utf-8")
        served.wait_for("Build failed")
        assert "index.md" in served.status()["error"]
        assert "Marked by a new partial." in served.get("/")
        index.write_text(good, encoding="utf-8")
        served.wait_for("Rebuilt (Templates/index.md)")
        assert served.status()["error"] is None
    finally:
        served.stop()


def test_serve_on_a_port_another_program_holds_fails_before_building_and_never_says_serving(tmp_path):
    if not BRIEFING.exists():
        pytest.fail(f"{BRIEFING} is missing: run `make release`")
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        served = Served(tmp_path, port=holder.getsockname()[1])
        code, logged = served.ended()
    assert code == 1
    assert logged == [f"error: cannot serve on 127.0.0.1:{served.port}: the port is in use (another `briefing serve`?); "
                      "choose another with --port"], logged
    assert not (tmp_path / "Public").exists()


def test_serve_and_build_into_a_folder_that_is_not_a_site_fail_and_touch_nothing(tmp_path):
    if not BRIEFING.exists():
        pytest.fail(f"{BRIEFING} is missing: run `make release`")
    public = tmp_path / "Public"
    public.mkdir()
    (public / "thesis.docx").write_text("mine")
    served = Served(tmp_path)
    code, logged = served.ended()
    refusal = ("error: refusing to replace this directory with the site: it holds `thesis.docx` and is not a site "
               "Briefing wrote (no briefing.json)")
    assert code == 1
    assert len(logged) == 1 and refusal in logged[0], logged
    built = subprocess.run([str(BRIEFING), "build", "--content", str(served.content), "--templates", str(served.templates),
                            "--output", str(public), "--no-cache"], capture_output=True, text=True, timeout=60)
    assert built.returncode == 1 and refusal in built.stderr, built.stderr
    assert [p.name for p in public.iterdir()] == ["thesis.docx"] and (public / "thesis.docx").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Content", "Public", "Templates"]
