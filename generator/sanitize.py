"""Makes text from act files safe to hand to Python-Markdown, which passes raw HTML
through untouched.

- Front-matter values are text, never markup: `text()` escapes every `<`, `>`, `&`.
- Bodies are Markdown: `markdown()` keeps Markdown and an allow-list of inline tags
  without attributes (`<sup>er</sup>` in "1<sup>er</sup> janvier"); any other `<` is
  escaped (a `>` alone opens nothing and stays, for block quotes), so `<script>`, `<iframe>` and `onerror=` never reach a page. Links keep
  only http(s), mailto, tel and relative targets; images may not load from
  another host (a citizen's browser would call it).
"""

from __future__ import annotations

import re

ALLOWED_TAGS = ("sup", "sub", "br", "em", "strong", "b", "i", "u", "s", "abbr")
SAFE_SCHEMES = ("http", "https", "mailto", "tel")

_ALLOWED_TAG = re.compile(rf"</?(?:{'|'.join(ALLOWED_TAGS)})\s*/?>", re.IGNORECASE)
# Inline links and images: [text](target "title") / ![alt](target)
_INLINE_LINK = re.compile(r"(?P<bang>!?)\[(?P<text>[^\]\n]*)\]\(\s*(?P<target><[^>\n]*>|[^)\s]*)(?P<title>[^)\n]*)\)")
# Reference definitions: [id]: target "title"
_REF_DEF = re.compile(r"^(?P<head> {0,3}\[[^\]\n]+\]:\s*)(?P<target>\S+)(?P<tail>.*)$", re.MULTILINE)
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.\-]*)\s*:")
_ENTITY_COLON = re.compile(r"&(?:#0*58|#x0*3a|colon);?", re.IGNORECASE)


def text(value: object) -> str:
    """Plain text for a Markdown or HTML context: no markup survives."""
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def safe_url(url: str) -> bool:
    """Relative targets and the safe schemes only. Control characters and
    entity-encoded colons are read as a browser would read them."""
    cleaned = _ENTITY_COLON.sub(":", re.sub(r"[\x00-\x20\x7f]+", "", url)).strip("<>")
    match = _SCHEME.match(cleaned)
    return match is None or match.group(1).lower() in SAFE_SCHEMES


def is_external(url: str) -> bool:
    cleaned = url.strip("<> ")
    return bool(_SCHEME.match(cleaned)) or cleaned.startswith("//")


def _escape_tags(value: str) -> str:
    out = []
    position = 0
    for match in _ALLOWED_TAG.finditer(value):
        out.append(value[position:match.start()].replace("<", "&lt;"))
        out.append(match.group(0).lower().replace(" ", ""))
        position = match.end()
    out.append(value[position:].replace("<", "&lt;"))
    return "".join(out)


def _fix_link(match: re.Match) -> str:
    target = match["target"]
    if match["bang"]:
        if is_external(target) or not safe_url(target):
            return f"[image retirée : {match['text'] or 'sans description'}]"
        return match.group(0)
    if not safe_url(target):
        return match["text"]  # the words stay, the active link goes
    return match.group(0)


def _fix_ref(match: re.Match) -> str:
    if safe_url(match["target"]):
        return match.group(0)
    return f"{match['head']}#{match['tail']}"


def markdown(value: str) -> str:
    """Markdown from an act file, made safe (see module docstring)."""
    # Links are checked before tags are escaped: "<javascript:…>" autolinks become text.
    value = _INLINE_LINK.sub(_fix_link, value)
    value = _REF_DEF.sub(_fix_ref, value)
    return _escape_tags(value)
