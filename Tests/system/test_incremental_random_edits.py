"""Incremental builds after random edits, through the command line (make robustness).

A briefing of a synthetic corpus and the sample content (its articles, notes, overview and
gazetteer) is edited at random, one to three edits a round: article text (a word, a sentence
naming an actor and a date, a quote, a paragraph split or removed, bytes that are not UTF-8), an
article added, removed or renamed, its line ends made Windows ones; the gazetteer (an actor added,
removed, given a role or an alias); a note, the overview, `briefing.yml` (its title, `list_limit`);
static files; any template, partial, `layout.html` or the style sheet; a file written again with
its own bytes, or edited and put back. Each round builds with the
cache and builds clean (`--no-cache`), and the two must agree: the same exit status, the same
warnings, and, when they built, the same files with the same bytes. Every tenth round, from the
fifth, edits nothing and waits until the files are old enough for a build to record them: the
build after the one that records them must end at once (`UnchangedBuild`), with the same site. A round whose builds both fail
(a template edit that breaks a section) is undone, so the next build follows a failed one.

The unit tests make such edits on small fixtures, in one process; this runs the release binary on
a corpus large enough to have month pages, related articles and the split search index, with the
cache on disk between processes. `INCREMENTAL_ROUNDS` sets the rounds (25), `INCREMENTAL_SEED` the
seed (2026); a failure names the seed, the round and the edits, and keeps the content and
templates of the round and of the one before it under the test's folder.
"""
from __future__ import annotations

import filecmp
import os
import random
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from test_crash_safety import BRIEFING, SAMPLE, TEMPLATES

ROUNDS = int(os.environ.get("INCREMENTAL_ROUNDS", "25"))
SEED = int(os.environ.get("INCREMENTAL_SEED", "2026"))
ARTICLES = 200

NAMES = ["Tomas Dubois", "Dubois", "Hanna Brennan", "Vladimir Putin", "Putin", "Zelensky", "Zelenskyy",
         "Defence Minister Mira Holt", "Holt", "NATO", "the OSCE"]
DATES = ["on 3 March 2024", "last week", "on Jan. 5", "in spring 2022", "on Friday", "earlier this month",
         "on 12 February 2024", "from 2019 to 2021", "in the 1990s", "on Nov. 7, 2024", "by mid-March"]


class Briefing:
    """The content and templates being edited, and the edits."""

    def __init__(self, root: Path, corpus: Path, rng: random.Random):
        self.root, self.rng = root, rng
        self.content, self.templates = root / "Content", root / "Templates"
        self.base = root / "base"
        shutil.copytree(corpus, self.base / "Content")
        for path in (SAMPLE / "articles").iterdir():
            shutil.copy(path, self.base / "Content" / "articles" / path.name)
        shutil.copytree(SAMPLE / "notes", self.base / "Content" / "notes")
        shutil.copy(SAMPLE / "briefing.md", self.base / "Content" / "briefing.md")
        gazetteer = self.base / "Content" / "actors.yml"
        gazetteer.write_text(gazetteer.read_text(encoding="utf-8") + (SAMPLE / "actors.yml").read_text(encoding="utf-8"),
                             encoding="utf-8")
        shutil.copytree(TEMPLATES, self.base / "Templates")
        shutil.copytree(self.base / "Content", self.content)
        shutil.copytree(self.base / "Templates", self.templates)

    def articles(self) -> list[Path]:
        return sorted((self.content / "articles").iterdir())

    def an_article(self) -> Path:
        return self.rng.choice(self.articles())

    def article_text(self) -> str:
        path = self.an_article()
        lines = path.read_text(encoding="utf-8", errors="surrogateescape").split("\n")
        prose = [i for i, line in enumerate(lines) if len(line) > 40 and not line.startswith("<")]
        if not prose:
            return f"nothing to edit in {path.name}"
        i, kind = self.rng.choice(prose), self.rng.randrange(5)
        if kind == 0:
            words = lines[i].split(" ")
            words[self.rng.randrange(len(words))] = self.rng.choice(["talks", "Geneva", "sanctions", "aid"])
            lines[i] = " ".join(words)
        elif kind == 1:
            lines[i] += f" {self.rng.choice(NAMES)} spoke {self.rng.choice(DATES)}."
        elif kind == 2:
            lines[i + 1:i + 1] = ["", f"“We will see,” said {self.rng.choice(NAMES)} {self.rng.choice(DATES)}."]
        elif kind == 3:
            del lines[i]
        else:
            words = lines[i].split(" ")
            half = len(words) // 2
            lines[i:i + 1] = [" ".join(words[:half]), "", " ".join(words[half:])]
        path.write_text("\n".join(lines), encoding="utf-8", errors="surrogateescape")
        return f"text of {path.name}, line {i + 1} ({kind})"

    def article_file(self) -> str:
        kind, path = self.rng.randrange(5), self.an_article()
        if kind == 0:
            text = path.read_text(encoding="utf-8", errors="surrogateescape")
            if self.rng.random() < 0.5:
                date = f"202{self.rng.randrange(6)}-0{self.rng.randrange(1, 10)}-1{self.rng.randrange(10)}"
                text = re.sub(r"20\d\d-\d\d-\d\d", date, text, count=1)
            copy = path.with_name(f"zz-{self.rng.randrange(10**6):06d}.txt")
            copy.write_text(text, encoding="utf-8", errors="surrogateescape")
            return f"{copy.name} added, a copy of {path.name}"
        if kind == 1:
            path.unlink()
            return f"{path.name} removed"
        if kind == 2:
            path.rename(path.with_name(f"r{self.rng.randrange(1000)}-{path.name}"))
            return f"{path.name} renamed"
        data = path.read_bytes()
        if kind == 3:
            path.write_bytes(data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
            return f"{path.name} with Windows line ends"
        at = self.rng.randrange(len(data))
        path.write_bytes(data[:at] + self.rng.choice([b"\xff\xfe", b"\x00", b"<TITLE>"]) + data[at:])
        return f"bytes put into {path.name} at {at}"

    def gazetteer(self) -> str:
        path, kind = self.content / "actors.yml", self.rng.randrange(4)
        text = path.read_text(encoding="utf-8")
        if kind == 0:
            text += "\n- name: Mira Holt\n  aliases: [Holt]\n  roles: [Defence Minister]\n"
        elif kind == 1:
            starts = [m.start() for m in re.finditer(r"^- name: ", text, re.M)]
            start = self.rng.choice(starts)
            end = text.find("\n- name: ", start + 1)
            text = text[:start] + (text[end + 1:] if end >= 0 else "")
        elif kind == 2:
            text = re.sub(r"roles: \[([^\]]*)\]",
                          lambda m: f"roles: [{m.group(1)}, envoy]" if self.rng.random() < 0.05 else m.group(0), text)
        else:
            text = text.replace("aliases: [Dubois]", "aliases: [Dubois, T. Dubois]", 1)
        path.write_text(text, encoding="utf-8")
        return f"gazetteer ({kind})"

    def template(self) -> str:
        paths = sorted(p for p in self.templates.rglob("*") if p.suffix in (".md", ".html"))
        path = self.rng.choice(paths)
        lines, kind = path.read_text(encoding="utf-8").split("\n"), self.rng.randrange(5)
        i = self.rng.randrange(len(lines))
        if kind == 0:
            lines[i:i] = [f"Edited {self.rng.randrange(1000)}.", ""]
        elif kind == 1:
            lines[i] = lines[i].replace("}", " .edited}", 1) if lines[i].startswith("{") else lines[i] + " edited"
        elif kind == 2:
            lines.insert(i, lines[i])
        elif kind == 3 and path.suffix == ".md":
            lines[i:i] = [f"## Edited {self.rng.randrange(100)}", ""]
        else:
            lines[i] = lines[i].replace("[", "[Edited ", 1)
        path.write_text("\n".join(lines), encoding="utf-8")
        return f"{path.relative_to(self.templates)}, line {i + 1} ({kind})"

    def other(self) -> str:
        kind = self.rng.randrange(7)
        if kind == 0:
            path = self.content / "briefing.yml"
            text = re.sub(r"\nlist_limit: \d+", "", path.read_text(encoding="utf-8"))
            path.write_text(text + f"\nlist_limit: {self.rng.choice([20, 40, 80, 300])}\n", encoding="utf-8")
            return "list_limit"
        if kind == 1:
            path = self.content / "briefing.yml"
            path.write_text(path.read_text(encoding="utf-8").replace("title: ", "title: New ", 1), encoding="utf-8")
            return "title"
        if kind == 2:
            folder = self.content / "static" / "files"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"f{self.rng.randrange(4)}.txt").write_text(f"static {self.rng.randrange(100)}\n")
            return "a static file written"
        if kind == 3:
            files = sorted((self.content / "static" / "files").glob("*")) if (self.content / "static").exists() else []
            if files:
                self.rng.choice(files).unlink()
            return "a static file removed"
        if kind == 4:
            path = self.templates / "assets" / "style.css"
            path.write_text(path.read_text(encoding="utf-8") + f"\n.edited{self.rng.randrange(100)} {{ color: red; }}\n",
                            encoding="utf-8")
            return "style.css"
        if kind == 5:
            path = self.content / "briefing.md"
            path.write_text(path.read_text(encoding="utf-8") + self.rng.choice(
                ["\nSee [[Tomas Dubois]] and [[2024-02-12|that day]].\n", "\nA plain line.\n"]), encoding="utf-8")
            return "overview"
        notes = sorted((self.content / "notes").iterdir())
        path = self.rng.choice(notes)
        text = path.read_text(encoding="utf-8")
        text = (text.replace("tag: context", "tag: follow-up", 1) if self.rng.random() < 0.3
                else text + "\nMore: [[003_aa876f87d1a0a2ba]].\n")
        path.write_text(text, encoding="utf-8")
        return f"note {path.name}"

    def restore(self) -> str:
        kind = self.rng.randrange(3)
        if kind == 0:
            shutil.rmtree(self.templates)
            shutil.copytree(self.base / "Templates", self.templates)
            return "templates put back"
        if kind == 1:
            shutil.copy(self.base / "Content" / "actors.yml", self.content / "actors.yml")
            return "gazetteer put back"
        path = self.rng.choice(sorted((self.base / "Content" / "articles").iterdir()))
        shutil.copy(path, self.content / "articles" / path.name)
        return f"{path.name} put back"

    def same_bytes(self) -> str:
        """A file written again with the bytes it has (an editor told to save), or edited and put
        back before the build: its stamps move, its bytes do not (`UnchangedBuild`)."""
        files = self.articles() + sorted(self.templates.rglob("*.md")) + [self.content / "actors.yml"]
        path = self.rng.choice(files)
        data = path.read_bytes()
        edited = self.rng.random() < 0.5
        if edited:
            path.write_bytes(data + b"\nA passing edit.\n")
        path.write_bytes(data)
        return f"{path.relative_to(self.root)} {'edited and put back' if edited else 'written again'}"

    def edit(self) -> str:
        moves = [(self.article_text, 30), (self.article_file, 14), (self.gazetteer, 8), (self.template, 25),
                 (self.other, 13), (self.restore, 8), (self.same_bytes, 6)]
        move = self.rng.choices([m for m, _ in moves], weights=[w for _, w in moves])[0]
        return move()

    def save(self, folder: Path) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(self.content, folder / "Content")
        shutil.copytree(self.templates, folder / "Templates")

    def put_back(self, folder: Path) -> None:
        shutil.rmtree(self.content)
        shutil.rmtree(self.templates)
        shutil.copytree(folder / "Content", self.content)
        shutil.copytree(folder / "Templates", self.templates)

    def build(self, output: Path, cache: Path | None) -> subprocess.CompletedProcess:
        command = [str(BRIEFING), "build", "--content", str(self.content), "--templates", str(self.templates),
                   "--output", str(output), "--verbose"]
        command += ["--cache", str(cache)] if cache else ["--no-cache"]
        return subprocess.run(command, capture_output=True, text=True)


def warnings(done: subprocess.CompletedProcess, root: Path) -> list[str]:
    lines = (done.stdout + done.stderr).replace(str(root) + "/", "").split("\n")
    return [line for line in lines if ": warning:" in line or ": error:" in line]


def differences(left: Path, right: Path, under: str = "") -> list[str]:
    """Paths that are in one tree only, or whose bytes differ."""
    compared = filecmp.dircmp(left, right)
    found = [under + name for name in compared.left_only + compared.right_only + compared.funny_files]
    _, mismatch, errors = filecmp.cmpfiles(left, right, compared.common_files, shallow=False)
    found += [under + name for name in mismatch + errors]
    for name in compared.common_dirs:
        found += differences(left / name, right / name, under + name + "/")
    return found


def test_differences_finds_one_changed_byte_and_a_missing_file(tmp_path):
    for side in ("a", "b"):
        (tmp_path / side / "d").mkdir(parents=True)
        (tmp_path / side / "d" / "page.html").write_bytes(b"<p>same</p>")
        (tmp_path / side / "x.html").write_bytes(b"<p>one</p>")
    assert differences(tmp_path / "a", tmp_path / "b") == []
    (tmp_path / "b" / "d" / "page.html").write_bytes(b"<p>sane</p>")
    (tmp_path / "b" / "extra.html").write_bytes(b"")
    assert sorted(differences(tmp_path / "a", tmp_path / "b")) == ["d/page.html", "extra.html"]


def test_random_edits_build_incrementally_to_a_clean_builds_bytes(tmp_path):
    if not BRIEFING.exists():
        pytest.fail(f"{BRIEFING} is missing: run `make release`")
    subprocess.run([str(BRIEFING), "bench-corpus", str(ARTICLES), str(tmp_path / "corpus")], check=True, capture_output=True)
    rng = random.Random(SEED)
    briefing = Briefing(tmp_path, tmp_path / "corpus" / "Content", rng)
    incremental, clean, cache = tmp_path / "incremental", tmp_path / "clean", tmp_path / "cache"
    first = briefing.build(incremental, cache)
    assert first.returncode == 0, first.stdout + first.stderr
    failures, built, partial = [], 0, 0
    for round_ in range(1, ROUNDS + 1):
        briefing.save(tmp_path / "before")
        # Rounds 5, 15, 25…: no edit. Once the files are older than a build records (2 s), a build
        # records them, and the next one ends at once with the site as it is.
        nothing = round_ % 10 == 5
        if nothing:
            time.sleep(2.2)
            briefing.build(incremental, cache)
        edits = ["nothing"] if nothing else [briefing.edit() for _ in range(rng.choice([1, 1, 2, 3]))]
        again, whole = briefing.build(incremental, cache), briefing.build(clean, None)
        if nothing and again.returncode == 0 and "nothing changed since the last build" not in again.stdout:
            failures.append(f"seed {SEED}, round {round_}: the build with nothing changed did its work:\n{again.stdout[-800:]}")
        where = f"seed {SEED}, round {round_} ({'; '.join(edits)})"
        problem = None
        if again.returncode != whole.returncode:
            problem = (f"exit status {again.returncode} with the cache, {whole.returncode} without:\n"
                       + (again.stdout + again.stderr)[-1500:] + "\n---\n" + (whole.stdout + whole.stderr)[-1500:])
        elif warnings(again, tmp_path) != warnings(whole, tmp_path):
            problem = "warnings differ: " + repr(sorted(set(warnings(again, tmp_path)) ^ set(warnings(whole, tmp_path)))[:10])
        elif again.returncode == 0:
            built += 1
            summary = re.search(r"into (\d+) pages \(\d+ files, (\d+) rendered", again.stdout)
            if summary and int(summary.group(2)) < int(summary.group(1)):
                partial += 1
            changed = differences(incremental, clean)
            if changed:
                problem = f"{len(changed)} files differ from a clean build: {changed[:8]}"
        if problem:
            failures.append(f"{where}: {problem}")
            briefing.save(tmp_path / f"failed-{round_}")
            shutil.copytree(tmp_path / "before", tmp_path / f"failed-{round_}" / "before")
            shutil.rmtree(cache, ignore_errors=True)  # go on from a clean cache
        elif again.returncode != 0:
            briefing.put_back(tmp_path / "before")
    assert not failures, "\n".join(failures)
    # Most rounds built, and most of those used the cache: they rendered only some of the pages.
    assert built >= ROUNDS // 2, f"only {built} of {ROUNDS} rounds built"
    assert partial >= built // 2, f"only {partial} of {built} builds with the cache rendered fewer pages than a clean one"
