"""Splits the Markdown body of an act into its parts.

    Vu le code … ,                         <- visas
    Considérant que … ;                    <- considerants
    Dans un souci de … (a report)          <- expose (any other text before the dispositif;
                                              the autorité belongs in the front matter)
    ## DÉCIDE                              <- dispositif ("DÉCIDE", "ARRÊTE", "DÉLIBÈRE",
                                              "Après en avoir délibéré, …")
    Après en avoir délibéré, … décident …  <- dispositif_texte (text before the articles)
    **Article 1** : …                      <- articles, as "## Article 1", "**ARTICLE 1** :",
                                              "Article 1er -" …
    Fait à Lens, le …                      <- cloture (generated from the front matter: the
                                              validator asks to remove it from the body)
    ## Annexe : …                          <- annexes_texte (after the articles)

A paragraph that starts with a list item or a lower-case letter continues the part
before it. The split never fails: text it cannot place is kept in `expose` or in
the current article, so nothing written is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .identifiers import fold


@dataclass
class Block:
    """One paragraph of the body (lines up to a blank line), with its first line number."""

    text: str
    line: int

    def __reduce__(self):  # pickled by its fields: acts read by worker processes come back faster
        return (Block, (self.text, self.line))


@dataclass
class Article:
    numero: int | None  # None when the label has no readable number
    label: str  # as written: "Article 1er", "ARTICLE 2"
    titre: str  # heading text after the number, if any ("Objet")
    texte: str  # Markdown
    line: int

    def __reduce__(self):  # as Block
        return (Article, (self.numero, self.label, self.titre, self.texte, self.line))


@dataclass
class ActBody:
    visas: list[Block] = field(default_factory=list)
    considerants: list[Block] = field(default_factory=list)
    expose: list[Block] = field(default_factory=list)
    dispositif: str | None = None  # normalised: "DÉCIDE", "ARRÊTE", "DÉLIBÈRE", "Après en avoir délibéré"
    dispositif_line: int | None = None
    dispositif_texte: list[Block] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    annexes_texte: list[Block] = field(default_factory=list)
    cloture: list[Block] = field(default_factory=list)  # "Fait à …" and signatures typed in the body
    line: int = 1  # file line where the body starts (after the closing "---")

    def outline(self) -> "ActBody":
        """The same parts without their texts (lines, dispositif and article numbers
        kept): what the cross-act checks of `actes check` read, sent between
        processes in a fraction of the time of the whole text."""
        def bare(blocks: list[Block]) -> list[Block]:
            return [Block("", block.line) for block in blocks]

        return ActBody(bare(self.visas), bare(self.considerants), bare(self.expose), self.dispositif,
                       self.dispositif_line, bare(self.dispositif_texte),
                       [Article(a.numero, a.label, a.titre, "", a.line) for a in self.articles],
                       bare(self.annexes_texte), bare(self.cloture), self.line)


# Dispositif words, folded (no accents, lower case) -> printed form.
DISPOSITIF_WORDS = {
    "decide": "DÉCIDE",
    "decident": "DÉCIDE",
    "arrete": "ARRÊTE",
    "arretent": "ARRÊTE",
    "delibere": "DÉLIBÈRE",
}
AFTER_DEBATE = "Après en avoir délibéré"

_MARKUP = re.compile(r"^[#>\s]*|[*_`]+")
_ARTICLE = re.compile(
    r"""
    ^(?P<heading>\#{1,6}\s*)?            # "## Article 1"
    [*_]*\s*
    (?P<label>(?:article|art\.)\s*       # "Article", "ARTICLE", "Art."
      (?P<num>\d{1,5}|premier|unique)    # number, "premier", "unique"
      (?:\s*(?:er|ER|e|è?me))?)          # "1er"
    \s*[*_]*\s*
    (?:[:.\-\u2013\u2014]\s*){0,2}       # separator ":", ".", "-", "–", or ". –"
    [*_]*\s*
    (?P<rest>.*)$
    """,
    re.VERBOSE | re.IGNORECASE,
)
_ANNEX = re.compile(r"^\#{1,6}\s*[*_]*\s*annexe\b", re.IGNORECASE)
_CLOSING = re.compile(r"^[#*_\s]*(?:fait\s+(?:a|en|au|et\s+delibere)\b|pour\s+le\s+maire\b|pour\s+extrait\b)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+\u2022\u27a4\u2794]|\d+[.)])\s")
# What every article heading starts with (a necessary condition for _ARTICLE, tested
# first because most paragraphs are not articles).
_MAYBE_ARTICLE = re.compile(r"[#*_\s]*art", re.IGNORECASE)
_AFTER_DEBATE = re.compile(r"apres (?:en )?avoir delibere")
_WORDS_SEPARATOR = re.compile(r"[\s,]+")
_VU = re.compile(r"^vu\b")
# A paragraph that may change the state once articles have begun: an annex heading
# ("#"), a closing ("Fait à", "Pour le Maire", see _may_close), an article. Others
# simply continue the article, decided with this one test.
_MAY_TURN = re.compile(r"#|[#*_ \t]*(?:[FfPp]|\Z)|[#*_\s]*art", re.IGNORECASE)


def split_blocks(text: str, first_line: int) -> list[Block]:
    """Paragraphs separated by blank lines, each with the file line it starts on."""
    blocks: list[Block] = []
    current: list[str] = []
    start = first_line
    for offset, line in enumerate(text.split("\n")):
        if line.strip():
            if not current:
                start = first_line + offset
            current.append(line.rstrip())
        elif current:
            blocks.append(Block("\n".join(current), start))
            current = []
    if current:
        blocks.append(Block("\n".join(current), start))
    return blocks


def plain(text: str) -> str:
    """Text without Markdown emphasis or heading marks, folded for matching."""
    return fold(_MARKUP.sub("", text)).strip()


def dispositif_of(block: Block) -> str | None:
    """The normalised dispositif word if this paragraph is the dispositif heading."""
    first = block.text.strip().partition("\n")[0]
    if _not_a_dispositif(first[:240]):
        return None
    return dispositif_of_line(first)


def _not_a_dispositif(head: str) -> bool:
    """True only when dispositif_of_line(head) is sure to say None, decided without
    folding the line (most paragraphs before the dispositif are long sentences):
    it starts with an ASCII letter other than the "a" of "Après en avoir délibéré",
    and its last word is written in ASCII letters and is not a dispositif word."""
    start = _leading_letter(head)
    if not start or start in "aA":
        return False
    last = head.rstrip(" :.,*_`\t").rsplit(" ", 1)[-1]
    return last.isascii() and last.isalpha() and last.lower() not in DISPOSITIF_WORDS


def dispositif_of_line(first: str) -> str | None:
    words = plain(first[:240]).rstrip(" :.,")  # a heading is short: fold only its start
    if _AFTER_DEBATE.match(words):
        return AFTER_DEBATE
    if len(words) > 160:
        return None
    last = _WORDS_SEPARATOR.split(words)[-1] if words else ""
    if words in DISPOSITIF_WORDS:
        return DISPOSITIF_WORDS[words]
    # "LE CONSEIL MUNICIPAL, après en avoir délibéré, DÉCIDE :" ends with the word, in
    # capitals (a sentence ending in "décide" is not the dispositif).
    written = _WORDS_SEPARATOR.split(first.strip().rstrip(" :.,*_"))[-1].strip("*_")
    if last in DISPOSITIF_WORDS and written.isupper():
        return DISPOSITIF_WORDS[last]
    return None


def article_of(block: Block) -> tuple[Article, str] | None:
    if not _MAYBE_ARTICLE.match(block.text):
        return None
    first, _, rest_lines = block.text.partition("\n")
    match = _ARTICLE.match(first.strip())
    if not match:
        return None
    label, raw, rest = match.group("label", "num", "rest")
    numero = int(raw) if raw.isdigit() else 1  # "premier", "unique"
    rest = rest.strip().strip("*_").strip()
    if match["heading"]:
        titre, texte = rest, rest_lines
    else:
        titre, texte = "", f"{rest}\n{rest_lines}" if rest and rest_lines else rest or rest_lines
    return Article(numero, " ".join(label.split()), titre, texte.strip(), block.line), texte


def _continues(block: Block) -> bool:
    """A list, or a paragraph starting in lower case, continues the previous part."""
    text = block.text.lstrip()
    return bool(_LIST_ITEM.match(text)) or (text[:1].islower())


def parse_body(text: str, first_line: int = 1) -> ActBody:
    body = ActBody(line=first_line)
    state = "before"
    last: list[Block] | None = None
    pending: list[str] = []  # paragraphs of the current article
    for block in split_blocks(text, first_line):
        if state == "articles" and not _MAY_TURN.match(block.text):
            pending.append(block.text)  # the article goes on
            continue
        if state == "before" and _is_visa_or_considerant(block.text):
            last = _place_before(body, block, last)  # not an article, nor the dispositif
            continue
        if state != "annexes" and block.text[:1] == "#" and _ANNEX.match(block.text) \
                and (body.articles or body.dispositif):
            state = "annexes"
        if state == "annexes":
            body.annexes_texte.append(block)
            continue
        if state in ("articles", "cloture") and _may_close(block.text) and _CLOSING.match(plain(block.text[:120])):
            state = "cloture"
        if state == "cloture":
            body.cloture.append(block)
            continue
        found = article_of(block)
        if found and state in ("dispositif", "articles"):
            _close_article(body, pending)
            body.articles.append(found[0])
            pending = [found[0].texte]
            state = "articles"
            continue
        if state == "articles":
            pending.append(block.text)  # joined once at the end: long articles stay linear
            continue
        if state == "before":
            word = dispositif_of(block)  # (visas and considérants were placed above)
            if word:
                body.dispositif, body.dispositif_line = word, block.line
                state = "dispositif"
                if word == AFTER_DEBATE and not _AFTER_DEBATE.fullmatch(plain(block.text[:60]).rstrip(" :.,")):
                    body.dispositif_texte.append(block)  # the sentence holds the decision itself
                continue
            if found:  # articles without a dispositif heading: keep them, the validator reports it
                body.articles.append(found[0])
                pending = [found[0].texte]
                state = "articles"
                continue
            last = _place_before(body, block, last)
            continue
        body.dispositif_texte.append(block)  # state == "dispositif", before any article
    _close_article(body, pending)
    return body


def _may_close(text: str) -> bool:
    """Cheap test before folding: closings start with "Fait", "Pour"."""
    return text.lstrip("#*_ \t")[:1] in "FfPp"


def _is_visa_or_considerant(text: str) -> bool:
    """Cheap test before folding: most paragraphs before the dispositif are these."""
    head = text.lstrip("#*_> \t")[:12].lower()
    return head.startswith(("vu ", "considérant", "considerant"))


def _close_article(body: ActBody, pending: list[str]) -> None:
    if body.articles and pending:
        body.articles[-1].texte = "\n\n".join(pending).strip()


def _place_before(body: ActBody, block: Block, last: list[Block] | None) -> list[Block]:
    text = block.text
    if text.startswith("Vu "):  # the common case, decided without folding
        target = body.visas
    elif text.startswith(("Considérant", "Considerant")):
        target = body.considerants
    else:
        return _place_other(body, block, last)
    target.append(block)
    return target


def _place_other(body: ActBody, block: Block, last: list[Block] | None) -> list[Block]:
    target = body.expose
    if _may_be_visa(block.text):
        start = plain(block.text[:40].split("\n")[0])  # "Vu", "Considérant": the start is enough
        if _VU.match(start):
            target = body.visas
        elif start.startswith("considerant"):
            target = body.considerants
    if target is body.expose and (last is body.visas or last is body.considerants) and _continues(block):
        last[-1] = Block(f"{last[-1].text}\n\n{block.text}", last[-1].line)
        return last
    target.append(block)
    return target


def _may_be_visa(text: str) -> bool:
    """False only when the folded start is sure not to be "vu" or "considerant": the
    text starts, after Markdown marks, with an ASCII letter other than v and c."""
    start = _leading_letter(text)
    return not start or start in "vVcC"


def _leading_letter(text: str) -> str:
    """The first character after Markdown marks and spaces when it is an ASCII
    letter (folding leaves it as it is, but for its case), else ""."""
    start = text.lstrip("#>*_` \t")[:1]
    return start if start.isascii() and start.isalpha() else ""
