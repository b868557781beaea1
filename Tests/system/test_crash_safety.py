"""Crash safety of `briefing build`, with the release binary (make robustness).

- Killed: builds are SIGKILLed at seeded random moments spread over a whole build, alternating
  two versions of a corpus, with and without the build cache. After each kill the output
  directory must be exactly one of the two complete, link-checked sites: the one it held before,
  or the new one. The next build clears the staging leftovers and gives the exact bytes of a
  clean build (a cache from a killed build is never trusted blindly).
- Full disk: on a small tmpfs, a build that runs out of space fails with a message that names
  the file, the error and the step, and leaves the previous site and no staging directory.
- Read-only: the same for an output directory on a read-only file system.
"""
from __future__ import annotations

import hashlib
import os
import random
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BRIEFING = Path(os.environ.get("BRIEFING_BIN", REPO / ".build" / "release" / "briefing"))
TEMPLATES = REPO / "Templates"
SAMPLE = REPO / "Content"
KILLS = int(os.environ.get("CRASH_KILLS", "20"))  # per cache mode
ARTICLES = 120


def build(content: Path, output: Path, cache: Path | None = None, **popen) -> subprocess.CompletedProcess | subprocess.Popen:
    command = [str(BRIEFING), "build", "--content", str(content), "--templates", str(TEMPLATES),
               "--output", str(output), "--quiet"]
    command += ["--cache", str(cache)] if cache else ["--no-cache"]
    if popen:
        return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **popen)
    return subprocess.run(command, capture_output=True, text=True)


def built(content: Path, output: Path, cache: Path | None = None) -> Path:
    done = build(content, output, cache)
    assert done.returncode == 0, done.stdout + done.stderr
    return output


def snapshot(directory: Path) -> dict[str, str]:
    """Every file under `directory`, by relative path, with the SHA-256 of its bytes."""
    assert directory.is_dir(), f"{directory} is missing"
    return {str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(directory.rglob("*")) if p.is_file()}


def leftovers(output: Path) -> list[str]:
    prefix = "." + output.name + "."
    return sorted(n for n in os.listdir(output.parent) if n.startswith(prefix))


@pytest.fixture(scope="module")
def versions(tmp_path_factory) -> dict[str, Path]:
    """Two versions of a synthetic corpus: B edits ten articles of A, removes three and adds two."""
    if not BRIEFING.exists():
        pytest.fail(f"{BRIEFING} is missing: run `make release`")
    root = tmp_path_factory.mktemp("corpus")
    subprocess.run([str(BRIEFING), "bench-corpus", str(ARTICLES), str(root / "a")], check=True, capture_output=True)
    a = root / "a" / "Content"
    b = root / "b" / "Content"
    shutil.copytree(a, b)
    articles = sorted((b / "articles").iterdir())
    for path in articles[:10]:
        path.write_text(path.read_text(encoding="utf-8").replace(" said ", " stated ", 1), encoding="utf-8")
    for path in articles[10:13]:
        path.unlink()
    for path in articles[13:15]:
        shutil.copy(path, path.with_name("added-" + path.name))
    return {"A": a, "B": b}


@pytest.fixture(scope="module")
def references(versions, tmp_path_factory) -> dict[str, dict[str, str]]:
    """The complete sites of both versions, from clean builds (which passed the link check)."""
    root = tmp_path_factory.mktemp("references")
    sites = {name: snapshot(built(content, root / name / "Public")) for name, content in versions.items()}
    assert sites["A"] != sites["B"]
    assert len(sites["A"]) > 400 and len(sites["B"]) > 400, {k: len(v) for k, v in sites.items()}
    return sites


@pytest.mark.parametrize("cached", [False, True], ids=["no-cache", "cache"])
def test_killed_builds_leave_a_whole_site(versions, references, tmp_path, cached):
    output = tmp_path / "Public"
    cache = tmp_path / "cache" if cached else None
    built(versions["A"], output, cache)
    assert snapshot(output) == references["A"]
    # The kills are timed against the median of three builds like the ones killed (from one
    # version to the other): one build alone was sometimes a fast outlier, and no kill then came
    # after the swap.
    durations = []
    for target in ["B", "A", "B"]:
        started = time.monotonic()
        built(versions[target], output, cache)
        durations.append(time.monotonic() - started)
        assert snapshot(output) == references[target]
    duration = sorted(durations)[1]

    rng = random.Random(20261122 + cached)
    current = "B"
    outcomes = {"old": 0, "new": 0}
    saw_leftovers = 0
    for kill in range(KILLS):
        target = "A" if current == "B" else "B"
        process = build(versions[target], output, cache, start_new_session=True)
        # Every other kill lands near the end, where the pages are checked and the site swapped in
        # (a build after a kill can take longer: it clears the leftovers, and its cache may be older).
        time.sleep(rng.uniform(0.0, duration * 1.15) if kill % 2 else rng.uniform(duration * 0.85, duration * 2.0))
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        saw_leftovers += bool(leftovers(output))
        found = snapshot(output)
        assert found in (references[current], references[target]), (
            f"kill {kill} (into {target}, after {current}): the output is neither whole site; "
            f"{len(set(found.items()) ^ set(references[target].items()))} files differ from the new one")
        current = target if found == references[target] else current
        outcomes["new" if current == target else "old"] += 1
    print(f"{KILLS} kills ({'cache' if cached else 'no cache'}), build {duration:.2f} s: {outcomes}, "
          f"leftovers after {saw_leftovers}")
    # The moments were spread over the whole build: some kills came before the swap, some after.
    assert outcomes["old"] >= KILLS // 4 and outcomes["new"] >= 1, outcomes
    assert saw_leftovers >= 1, "no kill left a staging directory: the leftover check below could not fail"

    # The next build clears the leftovers and gives the bytes of a clean build, whatever the cache holds.
    final = "A" if current == "B" else "B"
    built(versions[final], output, cache)
    assert snapshot(output) == references[final]
    assert leftovers(output) == []
    built(versions[current], output, cache)
    assert snapshot(output) == references[current]


# ---------------------------------------------------------------------------------------------
# Full disk and read-only output, on a small tmpfs.

@pytest.fixture
def small_disk(tmp_path):
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(mount_point)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {done.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


@pytest.mark.parametrize("cached", [False, True], ids=["no-cache", "cache"])
def test_full_disk_fails_clearly_and_keeps_the_old_site(small_disk, versions, cached):
    output = small_disk / "Public"
    cache = small_disk / ".briefing-cache" if cached else None
    old = snapshot(built(SAMPLE, output, cache))  # the sample: well under a megabyte
    # What the cache keeps of the site (the article cache may well take the new articles in).
    site_files = lambda: {path: digest for path, digest in snapshot(cache).items() if path.startswith("site-")}
    kept = site_files() if cache else None
    done = build(versions["A"], output, cache)  # about 20 MB: does not fit in 6 MB
    assert done.returncode == 1
    message = done.stderr.strip().splitlines()[-1]
    assert "error: cannot write: No space left on device; Public/ was left as it was [write]" in message, done.stderr
    # The file that did not fit: a page, or a data file (written beside the pages).
    assert re.fullmatch(r"Public/[^:]+\.(html|js|json|jsonld|xml)", message.split(":")[0]), message
    assert snapshot(output) == old
    assert leftovers(output) == [], "the failed build left its staging directory, filling the disk"
    if cache:
        # Not kept for the next build either (as the staged site of a build failing on a broken link is).
        assert site_files() == kept, "the failed build changed what the cache keeps of the site"
    # Once there is room again, the build goes through.
    shutil.rmtree(output)
    built(SAMPLE, output, cache)
    assert snapshot(output) == old


def test_read_only_output_fails_clearly_and_keeps_the_old_site(small_disk):
    output = small_disk / "Public"
    old = snapshot(built(SAMPLE, output))
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    try:
        done = build(SAMPLE, output)
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
    assert done.returncode == 1
    assert re.fullmatch(rf"{re.escape(str(small_disk))}: error: cannot create the staging directory "
                        r"`\.Public\.staging-\d+`: Read-only file system; Public/ was left as it was \[write\]",
                        done.stderr.strip().splitlines()[-1]), done.stderr
    assert snapshot(output) == old
    assert leftovers(output) == []

