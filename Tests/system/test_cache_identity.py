"""The build cache and the executable that wrote it, with the release binary (make robustness).

The cache is keyed by the generator: its version, the executable's GNU build ID and those of the
libraries that make the output with it (cmark-gfm, the Swift runtime, Foundation). A copy of
the same `briefing` (another path, another modification time: an install, a deploy) keeps using
the cache; a different build of it (here the copy with one byte of its build ID changed), or the
same one run with another build of libcmark-gfm, never trusts it, and builds every page again,
to the same bytes.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from test_crash_safety import BRIEFING, SAMPLE, TEMPLATES, snapshot


def build(binary: Path, output: Path, cache: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run([str(binary), "build", "--content", str(SAMPLE), "--templates", str(TEMPLATES),
                           "--output", str(output), "--cache", str(cache), "--verbose"],
                          capture_output=True, text=True, env={**os.environ, **(env or {})})
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def rendered(stdout: str) -> tuple[int, int]:
    """(pages rendered, pages) from a verbose build's report."""
    made = re.search(r"(\d+) pages made, (\d+) rendered", stdout)
    pages = re.search(r"(\d+) pages", stdout.splitlines()[-1])
    assert pages, stdout
    total = int(pages.group(1))
    return (int(made.group(2)) if made else total, total)


def build_id(binary: Path) -> str:
    notes = subprocess.run(["readelf", "-n", str(binary)], capture_output=True, text=True, check=True).stdout
    found = re.search(r"Build ID: ([0-9a-f]+)", notes)
    assert found, notes
    return found.group(1)


def with_build_id_changed(source: Path, target: Path) -> None:
    """A copy of `source` with the last byte of its build ID flipped: another build, to the cache."""
    data = bytearray(source.read_bytes())
    old = bytes.fromhex(build_id(source))
    assert data.count(old) == 1
    at = data.index(old)
    data[at + len(old) - 1] ^= 1
    target.write_bytes(bytes(data))
    target.chmod(0o755)
    assert build_id(target) != build_id(source)


def test_a_copy_of_the_binary_keeps_the_cache_and_another_build_does_not(tmp_path):
    if not BRIEFING.exists():
        pytest.fail(f"{BRIEFING} is missing: run `make release`")
    if shutil.which("readelf") is None:
        pytest.skip("readelf (binutils) is not installed")
    output, cache = tmp_path / "Public", tmp_path / "cache"
    first = build(BRIEFING, output, cache)
    pages = rendered(first)[1]
    assert rendered(first) == (pages, pages) and pages > 20, first
    clean = snapshot(output)

    # A copy: another path, a new modification time, the same build ID. Nothing to render.
    copy = tmp_path / "bin" / "briefing"
    copy.parent.mkdir()
    shutil.copyfile(BRIEFING, copy)
    copy.chmod(0o755)
    assert build_id(copy) == build_id(BRIEFING)
    assert rendered(build(copy, output, cache)) == (0, pages)
    assert snapshot(output) == clean

    # Another build: the same bytes but for the build ID. The cache is not trusted: every page again.
    other = tmp_path / "bin" / "briefing-other"
    with_build_id_changed(copy, other)
    assert rendered(build(other, output, cache)) == (pages, pages)
    assert snapshot(output) == clean
    # And back to the first build: the cache the other one wrote is not its own either.
    assert rendered(build(copy, output, cache)) == (pages, pages)
    assert snapshot(output) == clean


def test_another_build_of_cmark_gfm_does_not_trust_the_cache(tmp_path):
    if not BRIEFING.exists():
        pytest.fail(f"{BRIEFING} is missing: run `make release`")
    if shutil.which("readelf") is None or shutil.which("ldd") is None:
        pytest.skip("readelf (binutils) or ldd is not installed")
    linked = re.search(r"(libcmark-gfm\.so\S*) => (\S+)", subprocess.run(["ldd", str(BRIEFING)], capture_output=True,
                                                                      text=True, check=True).stdout)
    assert linked, "briefing does not link libcmark-gfm"
    name, library = linked.group(1), Path(linked.group(2))
    output, cache = tmp_path / "Public", tmp_path / "cache"
    pages = rendered(build(BRIEFING, output, cache))[1]
    clean = snapshot(output)
    # The same library from another folder: the same build ID, the cache kept.
    same, other = tmp_path / "same", tmp_path / "other"
    same.mkdir(); other.mkdir()
    shutil.copyfile(library, same / name)
    assert rendered(build(BRIEFING, output, cache, {"LD_LIBRARY_PATH": str(same)})) == (0, pages)
    # Another build of it (its build ID changed): every page again, the same bytes.
    with_build_id_changed(library, other / name)
    assert rendered(build(BRIEFING, output, cache, {"LD_LIBRARY_PATH": str(other)})) == (pages, pages)
    assert snapshot(output) == clean
    assert rendered(build(BRIEFING, output, cache)) == (pages, pages)
    assert snapshot(output) == clean
