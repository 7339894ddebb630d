"""From extracted text to clean paragraphs.

Real-world text comes in three shapes, each with its own noise:

- Markdown (converted documents): hard line breaks, emphasis, HTML tags (`<b>`,
  `<sup>er</sup>`), escaped characters (`DLB03\\_18122024`), decorative arrows;
- `pdftotext -layout` text: form feeds between pages, page numbers, running headers
  and footers, two columns side by side (a left margin column next to the body, or
  two signatures on one line), alignment spaces;
- text flattened on one line by some upstream tool: no line breaks at all, the
  préfecture's stamp repeated on every page, OCR noise.

`clean()` turns any of them into a `Document`: paragraphs (a heading, a paragraph
or a list), plus what was taken out on the way (stamps, running headers), because
some of it carries data (the ACTES identifier, the séance date of a running header).
It never raises: whatever it cannot interpret stays in the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from .french import fold1

# ---------------------------------------------------------------------------
# Characters

_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u3000"), " ")
_REMOVED = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\ufeff\u2060"), None)
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st"}
BULLETS = "•●▪■□◦‣➔➤➢►▶→✓✔✗❖◆◇○\uf0b7\uf0d8\uf0a7\uf076\uf0fc"


def normalize_chars(text: str) -> str:
    """NFC, one kind of space, no soft hyphens or control characters, ligatures
    expanded, "nº" written "n°"."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.translate(_SPACES).translate(_REMOVED)
    for ligature, letters in _LIGATURES.items():
        text = text.replace(ligature, letters)
    text = re.sub(r"(?<=[nN])\s?º", "°", text)
    text = text.replace("\t", "    ")
    return "".join(c for c in text if c in "\n\f" or unicodedata.category(c) != "Cc")


# ---------------------------------------------------------------------------
# The document


@dataclass
class Paragraph:
    text: str                 # one line; a list is "- item" lines joined with "\n"
    heading: bool = False     # a title line (Markdown heading, or a short line in capitals)
    page: int = 0

    @property
    def is_list(self) -> bool:
        return self.text.startswith("- ")


@dataclass
class Document:
    paragraphs: list[Paragraph]
    removed: list[str] = field(default_factory=list)   # running headers, page footers
    stamps: list[str] = field(default_factory=list)    # préfecture stamps (ACTES identifier, dates)
    flattened: bool = False
    raw: str = ""                                      # the normalised source text
    notes: list[str] = field(default_factory=list)     # what the person should know (French)

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)


# ---------------------------------------------------------------------------
# Préfecture stamps: the same few sentences on every page of a transmitted act.

_DATE = r"\d{1,2}\s?/\s?\d{1,2}\s?/\s?\d{2,4}"
_ID = r"(?:\d{3}|02[AB])?[-.\s]?\d{9}[-.\s]\d{8}[-.\s][0-9A-Za-z_ ]{1,20}?[-.\s][A-Z]{2}\b"
STAMP_PATTERNS = [
    # S²LOW / FAST style: "Envoyé en préfecture le 16/02/2023 Reçu en préfecture le 16/02/2023
    # Publié le ID : 093-229300082-20230126-2023_01_26_006-DE"
    rf"Envoy[ée] en (?:sous-)?pr[ée]fecture le\s*{_DATE}(?:.{{0,80}}?ID\s*:\s*{_ID})?",
    rf"Re[çc]u en (?:sous-)?pr[ée]fecture le\s*{_DATE}",
    rf"Publi[ée] le\s*(?:{_DATE}\s*)?ID\s*:\s*{_ID}",
    rf"ID\s*:\s*{_ID}",
    # "Accusé de réception en préfecture 065-…-DE Date de télétransmission : 23/02/2023
    # Date de réception préfecture : 23/02/2023"
    rf"Accus[ée] de r[ée]ception en pr[ée]fecture\s*{_ID}(?:\s*Date de t[ée]l[ée]transmission\s*:\s*{_DATE})?"
    rf"(?:\s*Date de r[ée]ception pr[ée]fecture\s*:\s*{_DATE})?",
    # "AR Prefecture 082-218200798-20230206-D13 2023 02 06-DE Reçu le 08/02/2023 Publié le 08/02/2023"
    rf"AR Pr[ée]fecture\s*{_ID}(?:\s*Re[çc]u le\s*{_DATE})?(?:\s*Publi[ée] le\s*{_DATE})?",
]
_STAMP = re.compile("|".join(f"(?:{p})" for p in STAMP_PATTERNS), re.IGNORECASE)

# Letterhead footers: address, telephone, fax, e-mail, web site.
_CONTACT = re.compile(
    r"(?:(?:T[ée]l[ée]phone|T[ée]l\.?|Fax|T[ée]l[ée]copie)\s*:?\s*(?:\+33\s?)?0?\d(?:[\s.]?\d\d){4}"
    r"|Mail\s*:\s*\S+@\S+|\bw{2,4}\.[\w-]+\.(?:fr|com|org)\b)",
    re.IGNORECASE)


def remove_stamps(text: str, document: Document, mark: str = " ") -> str:
    """Stamps out; in flattened text a stamp is a page boundary and `mark` is a line break."""
    def take(match: re.Match) -> str:
        document.stamps.append(match.group(0))
        return mark
    return _STAMP.sub(take, text)


# ---------------------------------------------------------------------------
# Flattened text: the line breaks are gone; put them back before the words that
# start the parts of an act.

_P = r"(?:(?<=[,;.:)\]»!?])\s+|^\s*|(?<=\s)(?=[A-ZÉ]{2}))"  # a sentence or clause boundary
FLAT_BREAKS = [
    rf"{_P}(?=(?:VU|Vu)\s+(?:l[ea]s?\b|l['’]|sa\b|son\b|ses\b|leur\b|notre\b|un\b|une\b|[A-Z]))",
    rf"(?<=\s)(?=VU\s+[A-Za-zÀ-ÿ])",
    rf"(?<=\s)(?=Vu\s+(?:l['’]\s*|les?\s+|la\s+)(?i:avis|code|loi|d[ée]cret|d[ée]lib[ée]ration|arr[êe]t[ée]|articles?|"
    rf"budget|rapport|projet|proc[èe]s|convention|r[èe]glement|ordonnance|circulaire|demande|courrier|dossier|"
    rf"proposition|plan|sch[ée]ma|contrat|march[ée])\b)",
    rf"{_P}(?=(?:Consid[ée]rant|CONSID[ÉE]RANT|Considerant)\b)",
    rf"{_P}(?=(?:ENTENDU|Entendu|SUR (?:la )?proposition|Sur (?:le rapport|la proposition|proposition))\b)",
    r"(?<=\s)(?=(?:ARTICLE|Article|Art\.)\s*(?:\d{1,3}|1er|premier|unique)(?:\s*er)?\s*[:.\-–—])",
    r"(?<=\s)(?=(?:D[ÉE]CIDE|ARR[ÊE]TE|D[ÉE]LIB[ÈE]RE)\s*:?\s*(?:ARTICLE|Article|:|-|–|\d[.)]))",
    r"(?<=[A-ZÉÈÊ]{2}\s)(?=(?:ARTICLE|Article)\s*(?:1|1er|premier|unique)\b)",
    # "… ; Le Conseil municipal, après en avoir délibéré, …": the sentence starts at its subject.
    r"(?<=[,;.:]\s)(?=(?:Le|La|L['’])\s*[^\s,;.:]+(?:\s+[^\s,;.:]+){0,3},\s+apr[èe]s (?:en )?avoir d[ée]lib[ée]r[ée])",
    r"(?<=\s)(?=(?:Apr[èe]s|APR[ÈE]S) (?:en )?avoir d[ée]lib[ée]r[ée])",
    r"(?<=\s)(?<!,\s)(?=apr[èe]s (?:en )?avoir d[ée]lib[ée]r[ée])",
    r"(?<=\s)(?=(?:Fait|FAIT) (?:à|a|en|au|et d[ée]lib[ée]r[ée]|ET DELIBERE)\b)",
    r"(?<=\s)(?=Pour (?:extrait|copie|ampliation)\b)",
    r"(?<=\s)(?=(?:OBJET|Objet)\s*:)",
    r"(?<=\s)(?=(?:Transmis|Mis en ligne|Acte rendu ex[ée]cutoire|Certifi[ée]e? ex[ée]cutoire|ACTE EXECUTOIRE|"
    r"Affich[ée]e? (?:ou|le)|Sign[ée] (?:num[ée]riquement|[ée]lectroniquement)|Date de (?:mise en ligne|publication)))",
    r"(?<=\s)(?=(?:La pr[ée]sente|Le pr[ée]sent|Cet|Cette) (?:d[ée]cision|d[ée]lib[ée]ration|arr[êe]t[ée]|acte) "
    r"(?:peut|est susceptible) )",
    r"(?<=\s)(?=(?:ONT VOTE|Ont vot[ée]|Adopt[ée]e? (?:à|a) l)|Le Conseil Adopte)",
    r"(?<=\s)(?=(?:[ÉE]taient|ETAIENT|[ÉE]TAIENT) (?:pr[ée]sents?|excus[ée]s?|absents?|PR[ÉE]SENTS|EXCUS[ÉE]S|ABSENTS)\b)",
    r"(?<=[,;:]\s)(?=[-–•+]\s+\S)",
]
_FLAT_BREAK = re.compile("|".join(FLAT_BREAKS), re.MULTILINE)
# The autorité before the first visa: "Le Maire de …," — only in the head of the act.
_AUTORITE_START = re.compile(
    r"(?<=\s)(?=(?:Le|La)\s+(?:Maire|Pr[ée]sidente?|Conseil|Commission|Bureau)\b[^.]{0,200}?,\s*(?:VU|Vu)\s)")


def looks_flattened(text: str) -> bool:
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        return False
    longest = max(len(line) for line in lines)
    return longest > 1500 or (len(lines) <= 4 and longest > 600)


def unflatten(text: str) -> str:
    """Line breaks before the markers of an act's parts."""
    first_visa = re.search(r"\b(?:VU|Vu)\s", text)
    if first_visa:
        head = _AUTORITE_START.sub("\n", text[: first_visa.end() + 1])
        text = head + text[first_visa.end() + 1:]
    return _FLAT_BREAK.sub("\n", text)


# ---------------------------------------------------------------------------
# Layout text (pdftotext -layout)

_PAGE_NUMBER = re.compile(r"^\s*(?:[-–—]\s*)?(?:page\s*)?\d{1,3}(?:\s*(?:/|sur)\s*\d{1,3})?(?:\s*[-–—])?\s*$", re.I)
_GAP = 3  # spaces that separate two columns


def _split_columns(lines: list[str]) -> list[str]:
    """A block of lines set in two columns becomes the left column, then the right one.

    A column boundary is a position where every line of the block has at least
    `_GAP` spaces (or has ended), and that at least two lines cross with text on
    both sides. Applied again to each column, so three columns work too."""
    if len(lines) < 2:
        return lines
    width = max(len(line) for line in lines)
    best = None
    for col in range(_GAP + 1, width):
        if not any(line[col:col + 1].strip() for line in lines):
            continue
        if not all(line[col - _GAP:col].strip() == "" for line in lines):
            continue
        crossing = [line for line in lines if line[:col].strip() and line[col:].strip()]
        if len(crossing) >= 2 and sum(1 for line in lines if line[col:].strip()) >= 2:
            if all(line[:col].rstrip().endswith(":") for line in crossing):
                continue  # "Envoi Préfecture :      25/04/2014": labels and their values
            best = col
            break
    if best is None:
        return lines
    left = [line[:best].rstrip() for line in lines]
    right = [line[best:] for line in lines]
    left = [line for line in left if line.strip()]
    right = [line for line in right if line.strip()]
    return _split_columns(left) + [""] + _split_columns(right)


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks, current = [], []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _digit_key(line: str) -> str:
    return re.sub(r"\d+", "#", fold1(" ".join(line.split())))


def layout_lines(text: str, document: Document) -> list[tuple[str, int]]:
    """Lines of a layout text with their page, without page numbers, running headers
    or footers, columns side by side."""
    pages = text.split("\f")
    page_lines = [page.split("\n") for page in pages]
    # Running headers and footers: the first and last lines of the pages that come
    # back (digits aside) on several pages.
    edges: Counter = Counter()
    indented: dict[str, bool] = {}
    for lines in page_lines:
        filled = [line for line in lines if line.strip()]
        for line in {*filled[:3], *filled[-3:]}:
            key = _digit_key(line)
            edges[key] += 1
            indented[key] = indented.get(key, True) and (len(line) - len(line.lstrip()) >= 20 or "page" in key)
    # A header or footer comes back on most pages; on two pages only, a line that is
    # also set apart (centred, right-aligned, "Page n") — "12 votes pour" twice is text.
    repeated = {key for key, count in edges.items() if len(key) < 160 and
                (count >= 3 and count >= len(pages) / 2 or count >= 2 and indented[key])}
    result: list[tuple[str, int]] = []
    for number, lines in enumerate(page_lines):
        filled = [i for i, line in enumerate(lines) if line.strip()]
        edge = set(filled[:3] + filled[-3:])
        kept = []
        for index, line in enumerate(lines):
            if line.strip() and _PAGE_NUMBER.match(line):
                document.removed.append(line.strip())
                continue
            if index in edge and _digit_key(line) in repeated and len(pages) > 1:
                document.removed.append(line.strip())
                continue
            kept.append(line.rstrip())
        # Columns: per block of lines between blank lines.
        out: list[str] = []
        for block in _blocks(kept):
            out.extend(_split_columns(block) if _has_gap(block) else block)
            out.append("")
        result.extend((line, number) for line in out)
    return result


def _has_gap(block: list[str]) -> bool:
    return sum(1 for line in block if re.search(r"\S {%d,}\S" % (_GAP + 2), line)) >= 2


# ---------------------------------------------------------------------------
# Lines to paragraphs

MARKER = re.compile(
    r"^(?:(?:VU|Vu)\s|Consid[ée]rant|CONSID[ÉE]RANT|CONSIDERANT|ENTENDU|Entendu\b|"
    r"(?:ARTICLE|Article|Art\.)\s*(?:\d{1,3}|1er|premier|unique)\b|"
    r"(?:D[ÉE]CIDE|ARR[ÊE]TE|D[ÉE]LIB[ÈE]RE)\s*:?\s*$|"
    r"(?:Apr[èe]s|APR[ÈE]S) (?:en )?avoir d[ée]lib[ée]r[ée]|(?:Fait|FAIT) (?:à|a|en|au|et)\b|Pour (?:extrait|copie)\b|"
    r"(?:OBJET|Objet)\s*:|Rapporteur\s*:|(?:[ÉE]taient|ETAIENT|[ÉE]TAIENT|Pr[ée]sents?|PR[ÉE]SENTS?|Absents?|ABSENTS?|"
    r"Excus[ée]s?|EXCUS[ÉE]S?|Secr[ée]taire de s[ée]ance|SECR[ÉE]TAIRE DE S[ÉE]ANCE|Pouvoirs?)\b)")
_LIST_ITEM = re.compile(rf"^\s*(?:[-–*+{re.escape(BULLETS)}]|\d{{1,2}}[.)°º](?!\d)|[a-z][/)])\s*(?=\S)")
_SENTENCE_END = re.compile(r"[.:;!?»)]\s*$")


def _join(lines: list[str]) -> str:
    """Lines of one paragraph: "L.2122-" + "22" -> "L.2122-22"; alignment spaces go."""
    text = ""
    for line in lines:
        line = " ".join(line.split())
        if not text:
            text = line
        elif re.search(r"\S-$", text) and not re.search(r"\s-$", text):
            text += line
        else:
            text += " " + line
    return text


def _bullet_item(line: str) -> str | None:
    match = _LIST_ITEM.match(line)
    if not match:
        return None
    marker = match.group(0).strip()
    if re.fullmatch(r"\d{1,2}[.)°º]|[a-z][/)]", marker):
        return None  # numbered items stay as written ("1° De …")
    return "- " + line[match.end():].strip()


def lines_to_paragraphs(lines: list[tuple[str, int]]) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    current: list[str] = []
    page = 0
    widths = [len(line.strip()) for line, _ in lines if line.strip()]
    width = sorted(widths)[int(len(widths) * 0.9)] if widths else 80

    margin = min((len(line) - len(line.lstrip()) for line, _ in lines if line.strip()), default=0)

    def flush():
        nonlocal current
        if current:
            # Set apart from the margin and short: a centred or right-aligned title.
            centred = all(len(l) - len(l.lstrip()) >= margin + 10 and len(l.strip()) < 0.7 * width for l in current)
            paragraphs.append(Paragraph(_join(current), heading=centred and len(current) <= 3, page=page))
            current = []

    for line, line_page in lines:
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        item = _bullet_item(stripped)
        if item is not None:
            flush()
            if paragraphs and paragraphs[-1].is_list and paragraphs[-1].page == line_page:
                paragraphs[-1].text += "\n" + item
            else:
                paragraphs.append(Paragraph(item, page=line_page))
            continue
        if paragraphs and paragraphs[-1].is_list and not current and _continues_item(stripped):
            paragraphs[-1].text += " " + " ".join(stripped.split())
            continue
        if current and (MARKER.match(stripped) or _ends_paragraph(current[-1], width)
                        or _NUMBERED_TITLE.match(stripped) and len(line) - len(line.lstrip()) <= margin
                        or len(current) == 1 and _is_numbered_title(current[0], width) and stripped[:1].isupper()):
            flush()
        if not current:
            page = line_page
        current.append(line.rstrip())
    flush()
    return paragraphs


# "1) Création d'un poste", "2. Délibération 2022-40 : …", "3/ Travaux": an item of a séance
# record. Printed at the margin, it starts a paragraph; short and followed by a
# sentence, it is a title of its own.
_NUMBERED_TITLE = re.compile(r"^\d{1,2}\s?[.)/]\s+[A-ZÉÈÀÂÎÔÇ]")


def _is_numbered_title(line: str, width: int) -> bool:
    text = line.strip()
    return bool(_NUMBERED_TITLE.match(text)) and len(text) < 0.7 * width and not text.endswith((",", ";", ":"))


def _continues_item(line: str) -> bool:
    return line[:1].islower()


def _ends_paragraph(previous: str, width: int) -> bool:
    return bool(_SENTENCE_END.search(previous)) and len(previous) < 0.7 * width


# ---------------------------------------------------------------------------
# Markdown

_HTML_TAG = re.compile(r"</?(?:b|i|u|em|strong|span|font|p|div|sup|sub|br|small|mark)\b[^>]*>", re.IGNORECASE)
_EMPHASIS = re.compile(r"\*\*((?:(?!\n\s*\n).)+?)\*\*|__((?:(?!\n\s*\n).)+?)__|(?<![\w*\\])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])", re.DOTALL)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def strip_inline(text: str) -> str:
    """Markdown emphasis, HTML tags and escapes out; links stay (they are Markdown in
    the act body too)."""
    text = re.sub(r"<br\s*/?>", " ", text, flags=re.IGNORECASE)
    text = _HTML_TAG.sub("", text)
    previous = None
    while previous != text:
        previous = text
        text = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2) or m.group(3), text)
    return _ESCAPE.sub(r"\1", text)


def _strip_block_emphasis(block: str) -> str:
    """Emphasis that spans lines ("**DECISION …  \nAU CONTRAT …**") goes before the
    block is cut into lines; escapes stay for `strip_inline`."""
    previous = None
    while previous != block:
        previous = block
        block = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2) or m.group(3), block)
    return block


def markdown_paragraphs(text: str) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    for block in re.split(r"\n\s*\n", text):
        block = _strip_block_emphasis(block)
        lines = [line for line in block.split("\n") if line.strip()]
        current: list[str] = []

        def flush():
            nonlocal current
            if current:
                paragraphs.append(Paragraph(_join([strip_inline(l) for l in current])))
                current = []

        for line in lines:
            heading = re.match(r"^\s{0,3}#{1,6}\s+(.*)$", line)
            if heading:
                flush()
                title = strip_inline(heading.group(1)).strip(" #")
                title = title.lstrip(BULLETS + " ").strip()
                if title:
                    paragraphs.append(Paragraph(" ".join(title.split()), heading=True))
                continue
            if re.fullmatch(r"\s*(?:-{3,}|={3,}|\*{3,}|_{3,})\s*", line):
                flush()
                continue
            item = _bullet_item(strip_inline(line).strip())
            if item is not None:
                flush()
                if paragraphs and paragraphs[-1].is_list and not current:
                    paragraphs[-1].text += "\n" + " ".join(item.split())
                else:
                    paragraphs.append(Paragraph(" ".join(item.split())))
                continue
            if paragraphs and paragraphs[-1].is_list and not current and line.startswith("  ") and line.strip():
                paragraphs[-1].text += " " + " ".join(strip_inline(line).split())
                continue
            current.append(line)
        flush()
    for paragraph in paragraphs:
        paragraph.text = paragraph.text.lstrip(BULLETS + " ") if not paragraph.is_list else paragraph.text
    return [p for p in paragraphs if p.text.strip()]


# ---------------------------------------------------------------------------


def clean(text: str, fmt: str = "text") -> Document:
    """`fmt`: "markdown", "layout" (pdftotext -layout) or "text"."""
    text = normalize_chars(text)
    document = Document([], raw=text)
    if fmt == "markdown":
        text = remove_stamps(text, document)
        document.paragraphs = [p for p in markdown_paragraphs(text) if _has_words(p.text)]
        return document
    if looks_flattened(text):
        document.flattened = True
        text = remove_stamps(text, document, "\n")
        text = _CONTACT.sub(lambda m: (document.removed.append(m.group(0)), "\n")[1], text)
        text = unflatten(text)
        lines = [(line, 0) for line in text.split("\n")]
        paragraphs = [Paragraph(_join([line])) for line, _ in lines if line.strip()]
        paragraphs = _join_dispositif(_end_clauses(paragraphs))
        document.paragraphs = _drop_repeats(_split_flat_lists(paragraphs), document)
        return document
    lines = layout_lines(text, document)
    joined = "\n".join(line for line, _ in lines)
    if _STAMP.search(joined):
        pages = [page for _, page in lines]
        cleaned = remove_stamps(joined, document).split("\n")
        lines = list(zip(cleaned, pages)) if len(cleaned) == len(pages) else [(l, 0) for l in cleaned]
    document.paragraphs = [p for p in lines_to_paragraphs(lines) if _has_words(p.text)]
    return document


def _split_flat_lists(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """In flattened text a list is "…: - a ; - b": one item per line."""
    out = []
    for paragraph in paragraphs:
        item = _bullet_item(paragraph.text)
        if item is not None and out and (out[-1].is_list or out[-1].text.rstrip().endswith((":", ";", ","))):
            if out[-1].is_list:
                out[-1].text += "\n" + item
            else:
                out.append(Paragraph(item))
            continue
        out.append(paragraph)
    return out


def _has_words(text: str) -> bool:
    return bool(re.search(r"[0-9A-Za-zÀ-ÿ]", text))


def _drop_repeats(paragraphs: list[Paragraph], document: Document) -> list[Paragraph]:
    """A page header of flattened text comes back as an identical paragraph: keep the
    first one only. Short paragraphs ("DECIDE", "Adoptée à l'unanimité") may repeat."""
    seen: set[str] = set()
    out = []
    for paragraph in paragraphs:
        if not _has_words(paragraph.text):
            continue
        key = _digit_key(paragraph.text)
        if len(key) >= 40 and key in seen:
            document.removed.append(paragraph.text)
            continue
        seen.add(key)
        out.append(paragraph)
    return out


_CLAUSE_END = re.compile(r"(?<=[a-zà-ÿ0-9)»%²?]\.)\s+(?=[A-ZÉÈÀ][a-zà-ÿ'’]+[\s,])")


def _end_clauses(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """In flattened text a visa or a considérant ends at its first full stop: what
    follows ("Au vu de ces éléments, le Bureau décide …") is the next paragraph."""
    out = []
    for paragraph in paragraphs:
        if re.match(r"(?:VU|Vu|Consid[ée]rant|CONSID[ÉE]RANT)\b", paragraph.text):
            pieces = _CLAUSE_END.split(paragraph.text, maxsplit=1)
            out.extend(Paragraph(piece) for piece in pieces if piece.strip())
        else:
            out.append(paragraph)
    return out


_DISPOSITIF_WORD = re.compile(r"^(?:D[ÉE]CIDE|ARR[ÊE]TE|D[ÉE]LIB[ÈE]RE)\s*:?$")


def _join_dispositif(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """"Après en avoir délibéré, le Conseil municipal, à l'unanimité," + "DÉCIDE :" is one
    sentence that the line breaks put back before "DÉCIDE" cut in two."""
    out: list[Paragraph] = []
    for paragraph in paragraphs:
        if out and _DISPOSITIF_WORD.match(paragraph.text.strip()) and out[-1].text.rstrip().endswith(",") \
                and re.match(r"(?:Apr[èe]s|APR[ÈE]S) (?:en )?avoir d[ée]lib[ée]r[ée]", out[-1].text):
            out[-1].text = f"{out[-1].text.rstrip()} {paragraph.text.strip()}"
            continue
        out.append(paragraph)
    return out
