"""Scanners for the security tests: what in a built file could run a script or make a
reader's browser (or spreadsheet, or PDF reader) do something the site did not mean.

They are written apart from generator/audit.py on purpose: the tests must not trust
the code they check. One scanner per kind of file, chosen by suffix (SCANNERS), so
a new output (Atom, JSON, CSV, PDF, Pagefind's JS) is covered by adding files, not
tests. Each scanner returns a list of findings (strings); [] means clean.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
import zlib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

SAFE_SCHEMES = ("", "http", "https", "mailto", "tel")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "data", "xlink:href", "background", "srcset")
EMBEDDING = ("iframe", "frame", "frameset", "object", "embed", "applet")
LOADING_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch", "manifest"}
# Inline <script> blocks that hold data, not code.
DATA_SCRIPT_TYPES = ("application/json", "application/ld+json")


class Elements(HTMLParser):
    """Every start tag with its attributes (values decoded as a browser decodes
    them), and the text of each <script>."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self._script: dict[str, str] | None = None
        self.feed(source)
        self.close()

    def handle_starttag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        self.tags.append((tag, values))
        if tag == "script":
            self._script = values
            self.scripts.append((values, ""))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, {name: value or "" for name, value in attrs}))

    def handle_data(self, data):
        if self._script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None


def browser_view(url: str) -> str:
    """WHATWG URL parsing: tab and line breaks removed, C0 controls and spaces stripped."""
    return re.sub(r"[\t\n\r]", "", url).strip("".join(map(chr, range(0x21))))


def scheme(url: str) -> str:
    cleaned = browser_view(url)
    return urlsplit(cleaned).scheme.lower() if re.match(r"[a-zA-Z][a-zA-Z0-9+.\-]*:", cleaned) else ""


def other_host(url: str) -> bool:
    cleaned = browser_view(url)
    if cleaned.startswith("data:image/"):
        return False
    return bool(scheme(cleaned)) or bool(re.match(r"[/\\]{2}", cleaned))


def loaded_urls(tag: str, attrs: dict[str, str]) -> list[str]:
    """URLs the browser fetches for this element without any click."""
    urls = []
    if tag in ("script", "img", "iframe", "audio", "video", "source", "embed", "track", "input") and attrs.get("src"):
        urls.append(attrs["src"])
    if tag in ("img", "source") and attrs.get("srcset"):
        urls += [c.split()[0] for c in attrs["srcset"].split(",") if c.split()]
    if tag == "video" and attrs.get("poster"):
        urls.append(attrs["poster"])
    if tag == "object" and attrs.get("data"):
        urls.append(attrs["data"])
    if tag == "link" and set(attrs.get("rel", "").lower().split()) & LOADING_RELS and attrs.get("href"):
        urls.append(attrs["href"])
    for value in attrs.values():
        urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", value)
    return urls


def scan_html(source: str, markers: tuple[str, ...] = ()) -> list[str]:
    """A whole page (or a fragment): no event handler, no unsafe URL, no embedding
    element, no inline code, nothing loaded from another host, and no marker of a
    hostile payload inside a <script> or a <style>."""
    found = []
    page = Elements(source)
    for tag, attrs in page.tags:
        if tag in EMBEDDING or (tag == "base" and "href" in attrs):
            found.append(f"<{tag}>")
        if tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
            found.append("<meta http-equiv=refresh>")
        for name, value in attrs.items():
            if name.startswith("on") or name == "srcdoc":
                found.append(f"<{tag} {name}={value[:60]!r}>")
            if name in URL_ATTRIBUTES and scheme(value) not in SAFE_SCHEMES and not (
                    tag == "img" and browser_view(value).startswith("data:image/")):
                found.append(f"<{tag} {name}={value[:60]!r}>")
        found += [f"<{tag}> loads {url[:60]!r}" for url in loaded_urls(tag, attrs) if other_host(url)]
    for attrs, text in page.scripts:
        if not attrs.get("src") and attrs.get("type", "").lower() not in DATA_SCRIPT_TYPES and text.strip():
            found.append(f"inline <script>{text.strip()[:60]!r}")
        if any(marker in text for marker in markers):
            found.append(f"payload inside <script>: {text.strip()[:60]!r}")
    return found


def scan_html_file(path: Path, markers: tuple[str, ...] = ()) -> list[str]:
    return scan_html(path.read_text("utf-8"), markers)


def scan_css_file(path: Path, markers: tuple[str, ...] = ()) -> list[str]:
    text = path.read_text("utf-8", errors="replace")
    found = [f"url({url[:60]!r})" for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", text) if other_host(url)]
    found += [f"@import {url[:60]!r}" for url in re.findall(r"@import\s+['\"]([^'\"]+)", text) if other_host(url)]
    return found + [f"payload {m!r} in a stylesheet" for m in markers if m in text]


def scan_xml_file(path: Path, markers: tuple[str, ...] = ()) -> list[str]:
    """Well-formed XML; the HTML an Atom feed carries (type="html") is scanned as HTML,
    XHTML content as HTML too; links use safe schemes."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        return [f"XML mal formé : {exc}"]
    found = []
    for element in root.iter():
        kind = element.get("type", "")
        if kind == "html":
            found += scan_html(element.text or "", markers)
        elif kind == "xhtml":
            found += scan_html("".join(ET.tostring(child, "unicode") for child in element), markers)
        for name in ("href", "src", "uri"):
            if element.get(name) and scheme(element.get(name)) not in SAFE_SCHEMES:
                found.append(f"<{element.tag} {name}={element.get(name)[:60]!r}>")
    return found


def scan_json_file(path: Path, markers: tuple[str, ...] = ()) -> list[str]:
    """Valid JSON; values of keys that say they hold HTML (content_html, …) are
    scanned as HTML, URL values (url, …) must use safe schemes."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        return [f"JSON illisible : {exc}"]
    found = []

    def walk(value, key=""):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, str(k))
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str):
            if "html" in key.lower():
                found.extend(scan_html(value, markers))
            if key.lower() in ("url", "external_url", "image", "banner_image", "icon", "favicon", "href") \
                    and scheme(value) not in SAFE_SCHEMES:
                found.append(f"{key}: {value[:60]!r}")

    walk(data)
    return found


# A cell a spreadsheet would run as a formula (OWASP "CSV injection").
_FORMULA = re.compile(r"^[=+\-@\t\r]")
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


def scan_csv_file(path: Path, markers: tuple[str, ...] = ()) -> list[str]:
    found = []
    text = path.read_text("utf-8-sig")
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        for cell in row:
            if _FORMULA.match(cell) and not _NUMBER.match(cell):
                found.append(f"ligne {number} : cellule-formule {cell[:60]!r}")
    return found


def scan_js_file(path: Path, markers: tuple[str, ...] = ()) -> list[str]:
    """Script files are the site's own: no text of an act may end up in one."""
    text = path.read_text("utf-8", errors="replace")
    return [f"payload {m!r} in a script file" for m in markers if m in text]


_PDF_ACTIONS = re.compile(rb"/(JavaScript|JS|Launch|SubmitForm|ImportData|RichMedia|GoToE)(?![A-Za-z0-9])")
_PDF_URI = re.compile(rb"/URI\s*(?:\(((?:\\.|[^\\)])*)\)|<([0-9A-Fa-f\s]*)>)", re.S)


def pdf_objects(data: bytes) -> bytes:
    """The PDF's bytes and every Flate stream decompressed: WeasyPrint puts most
    dictionaries (link annotations, actions, the catalog) in compressed object streams."""
    parts = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            pass
    return b"\n".join(parts)


def pdf_uris(path: Path) -> list[str]:
    """The targets of the PDF's link actions (/URI), literal or hexadecimal strings."""
    uris = []
    for literal, hexa in _PDF_URI.findall(pdf_objects(path.read_bytes())):
        raw = bytes.fromhex(hexa.decode()) if hexa else re.sub(rb"\\(.)", rb"\1", literal)
        uris.append(raw.decode("latin-1"))
    return uris


def scan_pdf_file(path: Path, markers: tuple[str, ...] = ()) -> list[str]:
    """No script, launch or form action in a PDF, and links only to safe schemes,
    compressed object streams included."""
    data = pdf_objects(path.read_bytes())
    found = [f"/{name.decode()} in a PDF" for name in sorted(set(_PDF_ACTIONS.findall(data)))]
    return found + [f"/URI {uri[:60]!r} in a PDF" for uri in pdf_uris(path) if scheme(uri) not in SAFE_SCHEMES]


SCANNERS = {
    ".html": scan_html_file, ".htm": scan_html_file, ".svg": scan_html_file,
    ".css": scan_css_file,
    ".xml": scan_xml_file, ".atom": scan_xml_file, ".rss": scan_xml_file,
    ".json": scan_json_file,
    ".csv": scan_csv_file,
    ".js": scan_js_file, ".mjs": scan_js_file,
    ".pdf": scan_pdf_file,
}


def scan_site(site: Path, markers: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """Findings per file (relative path), for every file a scanner knows."""
    results = {}
    for file in sorted(site.rglob("*")):
        scanner = SCANNERS.get(file.suffix.lower())
        if scanner and file.is_file():
            findings = scanner(file, markers)
            if findings:
                results[file.relative_to(site).as_posix()] = findings
    return results
