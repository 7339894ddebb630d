"""Reading a source file: plain text, Markdown or PDF (text layer via `pdftotext -layout`).

`read_source` returns the text and its format, or a French message saying why the
file cannot be imported (a scanned PDF without text, a binary file, a missing tool).
It never raises on the content of a file.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024
PDFTOTEXT_TIMEOUT = 120  # seconds; a long PDF takes a few seconds
MIN_CHARS_PER_PAGE = 40  # below this a page has no text layer (scanned image)


@dataclass
class Source:
    path: str
    text: str | None = None
    fmt: str = "text"             # "markdown", "layout" (pdftotext -layout or text with line breaks)
    error: str | None = None      # why it cannot be imported, in French
    notes: list[str] = field(default_factory=list)  # what a person must check, in French


def decode(data: bytes) -> str | None:
    """UTF-8 (with or without BOM), else Windows-1252; None for binary data."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in data[:4096]:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def blank_pages(text: str) -> list[int]:
    """Numbers (from 1) of the pages of a pdftotext output that hold no text: scanned
    pages of a document whose other pages were typed."""
    pages = text.split("\f")
    if len(pages) > 1 and not pages[-1].strip():
        pages = pages[:-1]  # pdftotext ends every page with a form feed
    return [number for number, page in enumerate(pages, start=1)
            if len(re.findall(r"[0-9A-Za-zÀ-ÿ]", page)) < MIN_CHARS_PER_PAGE]


def pdf_text(path: Path) -> tuple[str | None, str | None, list[str]]:
    """(text, error, notes) from the PDF's text layer; a note names the pages without
    text when the others have some."""
    tool = shutil.which("pdftotext")
    if tool is None:
        return None, "pdftotext introuvable : installer le paquet Debian poppler-utils", []
    try:
        done = subprocess.run([tool, "-layout", "-enc", "UTF-8", "-q", str(path), "-"],
                              capture_output=True, timeout=PDFTOTEXT_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        return None, f"pdftotext n'a pas terminé en {PDFTOTEXT_TIMEOUT} s : PDF trop lourd ou endommagé", []
    except OSError as exc:
        return None, f"pdftotext n'a pas pu être lancé : {exc.strerror or exc}", []
    if done.returncode != 0:
        return None, "PDF illisible (pdftotext a échoué) : fichier endommagé ou protégé", []
    text = done.stdout.decode("utf-8", errors="replace")
    pages = max(1, text.count("\f"))
    letters = len(re.findall(r"[0-9A-Za-zÀ-ÿ]", text))
    if letters < MIN_CHARS_PER_PAGE * pages:
        return None, ("PDF sans texte (document numérisé) : la reconnaissance de caractères (OCR) n'est pas faite "
                      "par actes import ; passer le fichier dans un outil d'OCR (par exemple ocrmypdf) puis relancer"), []
    blank = blank_pages(text)
    if not blank:
        return text, None, []
    shown = ", ".join(map(str, blank[:20])) + (" …" if len(blank) > 20 else "")
    which = f"pages {shown} sans texte (numérisées ?)" if len(blank) > 1 else f"page {shown} sans texte (numérisée ?)"
    return text, None, [f"PDF : {which} : contenu non importé, le reprendre à la main ou passer le PDF dans un "
                        "outil d'OCR (par exemple ocrmypdf)"]


def read_source(path: Path) -> Source:
    shown = path.as_posix()
    try:
        size = path.stat().st_size
        if not path.is_file():
            return Source(shown, error="ce n'est pas un fichier")
        if size > MAX_BYTES:
            return Source(shown, error=f"fichier trop volumineux ({size // 1_048_576} Mo, maximum "
                                       f"{MAX_BYTES // 1_048_576} Mo)")
        with path.open("rb") as handle:
            head = handle.read(5)
    except OSError as exc:
        return Source(shown, error=f"lecture impossible : {exc.strerror or exc}")
    if head.startswith(b"%PDF"):
        text, error, notes = pdf_text(path)
        return Source(shown, text, "layout", error, notes)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Source(shown, error=f"lecture impossible : {exc.strerror or exc}")
    text = decode(data)
    if text is None:
        return Source(shown, error="fichier binaire : seuls le texte, le Markdown et le PDF sont importés")
    if not text.strip():
        return Source(shown, error="fichier vide")
    fmt = "markdown" if path.suffix.lower() in (".md", ".markdown") else "layout"
    return Source(shown, text, fmt)
