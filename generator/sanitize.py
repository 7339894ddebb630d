"""Makes text from act files safe to hand to Python-Markdown (which passes raw HTML
through untouched) and to Material's templates (which print page titles unescaped).

- `text()`: a front-matter value is text, never markup. Besides `<`, `>` and `&`,
  the characters that open Markdown constructs able to carry a URL or attributes
  (`[`, `]`, `{`, `}`) become character references, so the value reads the same in
  an HTML block, a definition list or a table cell, and nothing in it is active.
- `markdown()`: a body is Markdown, with an allow-list of inline tags without
  attributes (`<sup>er</sup>` in "1<sup>er</sup> janvier"); any other `<` is
  escaped, so `<script>`, `<iframe>`, `<svg onload=…>` and comments never reach a
  page. Links keep only http(s), mailto, tel and relative targets, read as a
  browser reads them (character references decoded, tabs and line breaks
  removed); images load only from the site itself. Markdown's attribute lists
  (`{: onclick=… }`, enabled in mkdocs.yml) are disabled in act text.
- `yaml_str()`: a title for the front matter of a generated page, escaped for
  the HTML attributes and `<title>` Material prints it in.

The checks follow Python-Markdown's own syntax where it matters and are
conservative where a construct is ambiguous (a link target broken over two lines,
an unbalanced bracket): the characters then stay as text. Unbalanced or deeply
nested brackets are also why Python-Markdown can take minutes on a garbled
paragraph (its link parser is quadratic in them); made text, they cost nothing.
Every pass is linear in the length of the text.
"""

from __future__ import annotations

import html
import json
import re

ALLOWED_TAGS = ("sup", "sub", "br", "em", "strong", "b", "i", "u", "s", "abbr")
SAFE_SCHEMES = ("http", "https", "mailto", "tel")
MAX_BRACKET_DEPTH = 4  # "[a [b] c](…)" is 2; deeper nesting is not a link anyone writes
MAX_TARGET = 2048  # characters of a link target; a longer one stays text

# A backslash and a character Python-Markdown lets it escape (Markdown.ESCAPED_CHARS).
_BACKSLASH = re.compile(r"\\([\\`*_{}\[\]()>#+\-.!])")
_ALLOWED_TAG = re.compile(rf"</?(?:{'|'.join(ALLOWED_TAGS)})\s*/?>", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # C0 controls but tab and line ends
# What YAML cannot hold even quoted (C1 controls, surrogates, U+FFFE/U+FFFF).
_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
# "[id]: url" (Python-Markdown's reference definition): any "]:" is checked, with the
# next word as its url, possibly on the next line and past a block quote's ">".
_DEFINITION = re.compile(r"\]:[\s>]*(?P<url>\S*)")

_REF = {"[": "&#91;", "]": "&#93;", "{": "&#123;", "}": "&#125;", "(": "&#40;", ":": "&#58;", "!": "&#33;"}
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", **{char: _REF[char] for char in "[]{}"}})


# ---------------------------------------------------------------------------
# Front-matter values


def text(value: object) -> str:
    """Plain text for a Markdown or HTML context: no markup survives."""
    return _CONTROL.sub("", str(value)).translate(_TEXT)


def cell(value: object) -> str:
    """Plain text for a Markdown table cell: one line, no column separator."""
    return text(value).replace("|", "&#124;").replace("\n", " ")


def yaml_str(value: object) -> str:
    """A double-quoted YAML scalar (JSON is valid YAML) for the front matter of a
    generated page. MkDocs' templates are not autoescaped and Material prints the
    title in <title>, in the header and in `content="…"`: the value is HTML-escaped
    here, once. Line separators YAML would fold are spaces."""
    value = re.sub(r"[\n\r\u0085\u2028\u2029]+", " ", _NOT_YAML.sub("", str(value)))
    return json.dumps(html.escape(value, quote=False).replace('"', "&quot;"), ensure_ascii=False)


# ---------------------------------------------------------------------------
# URLs


def browser_url(url: str) -> str:
    """The URL a browser follows for this attribute text: character references
    decoded (legacy ones without ";" too), tab and line breaks removed, leading
    and trailing controls and spaces stripped (WHATWG URL parser)."""
    decoded = html.unescape(url)
    return re.sub(r"[\t\n\r]", "", decoded).strip("".join(map(chr, range(0x21))))


def safe_url(url: str) -> bool:
    """Relative targets and the safe schemes only."""
    match = _SCHEME.match(browser_url(url).lstrip("<"))
    return match is None or match.group(1).lower() in SAFE_SCHEMES


def is_external(url: str) -> bool:
    """A target that makes the browser call another host (or any scheme)."""
    cleaned = browser_url(url).lstrip("<")
    return bool(_SCHEME.match(cleaned)) or bool(re.match(r"[/\\]{2}", cleaned))


def safe_image(url: str) -> bool:
    return safe_url(url) and not is_external(url)


# ---------------------------------------------------------------------------
# Markdown bodies


def markdown(value: str) -> str:
    """Markdown from an act file, made safe (see module docstring)."""
    value = _CONTROL.sub("", value)  # also keeps Python-Markdown's placeholders (\x02…\x03) out
    if "<" in value:
        value = _escape_tags(value)
    value = value.replace("{", _REF["{"])  # no attribute list can open
    if "[" not in value and "]" not in value:  # most text: no link, image or definition can form
        return value
    value = _balance_brackets(value)
    return _fix_targets(value)


def _escape_tags(value: str) -> str:
    out = []
    position = 0
    for match in _ALLOWED_TAG.finditer(value):
        out.append(value[position:match.start()].replace("<", "&lt;"))
        out.append(re.sub(r"\s+", "", match.group(0).lower()))
        position = match.end()
    out.append(value[position:].replace("<", "&lt;"))
    return "".join(out)


def _escaped(value: str) -> set[int]:
    """Positions of characters Markdown takes literally (they follow a backslash),
    read left to right as Python-Markdown reads them ("\\\\[": the "[" is free)."""
    return {match.start(1) for match in _BACKSLASH.finditer(value)}


def _pairs(value: str, escaped: set[int], open_char: str, close_char: str,
           max_depth: int) -> tuple[dict[int, int], set[int]]:
    """Matching brackets (or parentheses) on each line: (opening -> closing), and
    the positions of those left unmatched or nested deeper than max_depth. Links
    are matched on one line only: Python-Markdown splits a paragraph into blocks
    at headings, quotes and lists, and brackets it cannot match are what makes
    its link parser quadratic."""
    pairs: dict[int, int] = {}
    dropped: set[int] = set()
    stack: list[int] = []
    for match in re.finditer(f"[{re.escape(open_char + close_char)}\n]", value):
        index, char = match.start(), match.group()
        if char == "\n":
            dropped.update(stack)
            stack.clear()
        elif index in escaped:
            continue
        elif char == open_char:
            stack.append(index)
        elif stack:
            opening = stack.pop()
            if len(stack) >= max_depth:
                dropped.update((opening, index))
            else:
                pairs[opening] = index
    dropped.update(stack)
    return pairs, dropped


def _balance_brackets(value: str) -> str:
    """Unmatched and too deeply nested square brackets become text."""
    _, dropped = _pairs(value, _escaped(value), "[", "]", MAX_BRACKET_DEPTH)
    return _apply(value, [(index, index + 1, _REF[value[index]]) for index in dropped])


def _target_url(inside: str) -> str | None:
    """The URL of a target `url` or `url "title"` (or 'title'), as Python-Markdown
    reads it; None when quotes make it ambiguous."""
    quotes = [index for index in (inside.find('"'), inside.find("'")) if index >= 0]
    if not quotes:
        return inside
    url, title = inside[: min(quotes)], inside[min(quotes):].rstrip()
    if url == url.rstrip() or len(title) < 2 or title[-1] != title[0] or title[0] in title[1:-1]:
        return None
    return url


def _fix_targets(value: str) -> str:
    """Checks every link and image target and every reference definition, until
    nothing changes (removing a target may join text into a new construct).
    Unsafe links keep their words; unsafe images are replaced by a note;
    reference-style images become links (their definition may be anywhere on
    the page, so they cannot be checked as images)."""
    for _ in range(3):
        edits = _target_edits(value)
        if not edits:
            return value
        value = _apply(value, edits)
    return value.replace("](", "]" + _REF["("]).replace("]:", "]" + _REF[":"])


def _target_edits(value: str) -> list[tuple[int, int, str]]:
    escaped = _escaped(value)
    brackets, _ = _pairs(value, escaped, "[", "]", MAX_BRACKET_DEPTH)
    parens, _ = _pairs(value, escaped, "(", ")", MAX_BRACKET_DEPTH)
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement)
    for opening, closing in brackets.items():
        follower = value[closing + 1 : closing + 2]
        image = opening > 0 and value[opening - 1] == "!" and opening - 1 not in escaped
        if image and (follower != "(" or "`" in value[opening:closing] or "\\" in value[opening:closing]):
            edits.append((opening - 1, opening, _REF["!"]))
            image = False
        if follower == "(":
            end = parens.get(closing + 1)
            end = end + 1 if end is not None and end - closing <= MAX_TARGET else None
            edits += _check_inline(value, opening, closing, end, image)
    for match in _DEFINITION.finditer(value):
        if not safe_url(match["url"]):
            edits.append((match.start() + 1, match.start() + 2, _REF[":"]))
    return edits


def _check_inline(value: str, opening: int, closing: int, end: int | None,
                  image: bool) -> list[tuple[int, int, str]]:
    url = _target_url(value[closing + 2 : end - 1]) if end else None
    if url is None:
        return [(closing + 1, closing + 2, _REF["("])]  # "](" made text: no link can form
    if image and not safe_image(url):
        return [(opening - 1, opening + 1, _REF["["] + "image retirée : "), (closing, end, _REF["]"])]
    if not safe_url(url):
        return [(opening, opening + 1, ""), (closing, end, "")]  # the words stay, the link goes
    return []


def _apply(value: str, edits: list[tuple[int, int, str]]) -> str:
    """Applies edits in order; one that starts inside a range already replaced is
    dropped (that range, an unsafe target, is gone with what it held)."""
    out = []
    position = 0
    for start, end, replacement in sorted(edits, key=lambda e: (e[0], -e[1])):
        if start < position:
            continue
        out.append(value[position:start])
        out.append(replacement)
        position = end
    out.append(value[position:])
    return "".join(out)
