"""The parts of one act, from its clean paragraphs.

    head          titles, number, nomenclature, objet, séance and attendance lines
    autorite      "Le Maire de la Ville de Lens," (décisions, arrêtés)
    visas         "Vu …" paragraphs
    considerants  "Considérant …" paragraphs
    expose        the report (délibérations) or any other text before the dispositif
    dispositif    "DÉCIDE", "ARRÊTE", "DÉLIBÈRE" or "Après en avoir délibéré"
    articles      "Article 1 : …" numbered 1..n (a reference to "l'article 1" is not one)
    closing       "Fait à …", signatures, vote lines, legal mentions, stamps
    annex         a document printed after the act (a convention, a table)

The split never fails: text it cannot place stays in `expose` or in the current
article, so nothing printed between the head and the closing is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..body import AFTER_DEBATE, Block, dispositif_of
from .clean import Paragraph
from .french import fold1


@dataclass
class ArticlePart:
    numero: int
    label: str        # as printed: "ARTICLE 1", "Article 1er"
    texte: str        # paragraphs joined with a blank line; lists as "- " lines


@dataclass
class Parts:
    head: list[Paragraph] = field(default_factory=list)
    autorite: str | None = None
    visas: list[str] = field(default_factory=list)
    considerants: list[str] = field(default_factory=list)
    expose: list[str] = field(default_factory=list)
    dispositif: str | None = None
    dispositif_texte: list[str] = field(default_factory=list)
    articles: list[ArticlePart] = field(default_factory=list)
    closing: list[Paragraph] = field(default_factory=list)
    annex: list[Paragraph] = field(default_factory=list)
    order: list[str] = field(default_factory=list)  # "visas", "considerants", "expose": as printed

    @property
    def body_text(self) -> str:
        """Visas, considérants, exposé, dispositif and articles: where votes are read."""
        parts = [*self.expose, *self.dispositif_texte, *(a.texte for a in self.articles)]
        return "\n\n".join(parts)


_ARTICLE = re.compile(
    r"^(?P<label>(?:ARTICLE|Article|Art\.)\s*(?P<num>\d{1,3}|1er|premier|PREMIER|unique|UNIQUE)"
    r"(?:\s*(?:er|ER|e|ème|EME))?)\s*(?:[:.\-–—]+\s*|\s+(?=\S)|$)(?P<rest>.*)$", re.DOTALL)


def article_start(text: str, expected: int) -> ArticlePart | None:
    match = _ARTICLE.match(text.strip())
    if not match:
        return None
    raw = match["num"].lower()
    number = 1 if raw in ("1er", "premier", "unique") else int(raw)
    if number != expected:
        return None
    label = " ".join(match["label"].split())
    return ArticlePart(number, label, match["rest"].strip())


def is_visa(text: str) -> bool:
    return bool(re.match(r"^vu\s+(?!de\s+ces\b)", fold1(text.lstrip())))


def is_considerant(text: str) -> bool:
    return fold1(text.lstrip()).startswith("considerant")


def dispositif_word(text: str) -> str | None:
    first = text.strip().split("\n")[0]
    if len(first) > 400:
        return None
    return dispositif_of(Block(first, 0))


_CLOSING = re.compile(
    r"^(?:fait\s+(?:a|en|au|et\s+delibere|le)\b|pour\s+(?:extrait|copie|ampliation|expedition)\b|"
    r"(?:le|la)\s+(?:maire|president|presidente)\s*,?\s*$|pour\s+le\s+(?:maire|president)|par\s+delegation|"
    r"signe\s+(?:electroniquement|numeriquement)|certifie|acte\s+rendu\s+executoire|acte\s+executoire|"
    r"transmis\s+(?:en|a|au)\b|mis\s+en\s+ligne|affiche|publie\s+le|date\s+de\s+(?:mise\s+en\s+ligne|publication|"
    r"reception|notification|signature|teletransmission|affichage)|"
    r"(?:la\s+presente|le\s+present|cet|cette)\s+(?:decision|deliberation|arrete|acte)\s+(?:peut|est\s+susceptible|"
    r"pourra|sera\s+susceptible)|"
    r"ont\s+vote|ont\s+signe|adoptee?\s+(?:a|par)\b|le\s+conseil\s+adopte|vote\s*:|votes?\s+pour\s*:|"
    r"accuse\s+de\s+reception|le\s+secretaire\s+de\s+seance|la\s+secretaire\s+de\s+seance)")


_STRONG_CLOSING = re.compile(
    r"^(?:fait\s+(?:a|en|au|et\s+delibere)\b|pour\s+(?:extrait|copie)\b|(?:le|la)\s+(?:maire|president|presidente)\s*,?\s*$|"
    r"pour\s+le\s+(?:maire|president)|adoptee?\s+(?:a|par)\b|le\s+conseil\s+adopte|ont\s+vote)")


def _strong_closing(text: str) -> bool:
    """A closing line that cannot be a stamp at the top of the page."""
    return bool(_STRONG_CLOSING.match(fold1(text.lstrip(" -*>➔"))))


def is_closing(text: str) -> bool:
    return bool(_CLOSING.match(fold1(text.lstrip(" -*>➔"))))


_HEAD = re.compile(
    r"^(?:nomenclature|matiere|code\s+matiere|classification|ville\s+de|commune\s+(?:de|d['’]|nouvelle)|mairie\b|"
    r"departement\b|arrondissement|canton|republique\s+francaise|direction\b|service\b|extrait\b|registre|"
    r"conseil\s+(?:municipal|communautaire|departemental|regional|syndical)|seance|session|proces[- ]verbal|"
    r"deliberation\b|decision\b|arrete\b|n\s?[°o]|numero|objet\s*:|rapporteur|accuse|reception|envoye|recu\b|publie|"
    r"l['’]\s*an\b|nombre\s+de|en\s+exercice|presents?\b|votants?\b|absents?\b|excuses?\b|pouvoirs?\b|"
    r"procurations?\b|secretaire|quorum|le\s+quorum|date\s+|acte\s+certifie|envoi\b|affiche|"
    r"(?:etaient|ont\s+donne|a\s+donne|membres\s+du)\b|president\s*:|sous\s+la\s+presidence|convoque)")


def is_head(paragraph: Paragraph) -> bool:
    text = paragraph.text.strip()
    if paragraph.heading:
        return dispositif_word(text) is None
    if _HEAD.match(fold1(text)):
        return True
    letters = [c for c in text if c.isalpha()]
    capitals = sum(1 for c in letters if c.isupper())
    return bool(letters) and len(text) <= 250 and capitals >= 0.8 * len(letters)


_AUTORITE = re.compile(
    r"^(?:le|la)\s+(?:maire|presidente?|conseil|commission|bureau|comite|vice-president)\b.{0,400},\s*$")


def is_autorite(text: str) -> bool:
    return bool(_AUTORITE.match(fold1(" ".join(text.split()))))


_ANNEX = re.compile(r"^(?:annexe|convention|contrat|avenant|reglement|cahier\s+des|protocole|tableau)\b")


def _bulleted_clauses(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Visas or considérants printed as a bulleted list ("- Vu …", "• Considérant …"):
    one paragraph each, as when they are printed without bullets."""
    out = []
    for paragraph in paragraphs:
        items = paragraph.text.split("\n") if paragraph.is_list else []
        clauses = [item[2:].strip() for item in items]
        if clauses and all(is_visa(c) or is_considerant(c) for c in clauses):
            out.extend(Paragraph(clause, page=paragraph.page) for clause in clauses)
        else:
            out.append(paragraph)
    return out


def split(paragraphs: list[Paragraph], kind: str) -> Parts:
    parts = Parts()
    paragraphs = _bulleted_clauses(paragraphs)
    marks = _marks(paragraphs)
    first_body = _first_body(paragraphs, marks, kind)
    parts.head = paragraphs[:first_body]
    index = first_body
    dispositif_at = marks["dispositif"]
    articles_at = marks["articles"]
    end = marks["closing"]
    # Before the dispositif: autorité, visas, considérants, exposé.
    stop = min(x for x in (dispositif_at, articles_at[0] if articles_at else None, end) if x is not None)
    last: list[str] | None = None
    for paragraph in paragraphs[index:stop]:
        text = paragraph.text
        if is_visa(text):
            parts.visas.append(text)
            parts.order.append("visas")
            last = parts.visas
        elif is_considerant(text):
            parts.considerants.append(text)
            parts.order.append("considerants")
            last = parts.considerants
        elif parts.autorite is None and not parts.visas and not parts.considerants and is_autorite(text) \
                and kind in ("decision", "arrete"):
            parts.autorite = " ".join(text.split())
            last = None
        elif last is not None and (paragraph.is_list or text[:1].islower()):
            last[-1] += "\n\n" + text
        else:
            parts.expose.append(text)
            parts.order.append("expose")
            last = None
    if dispositif_at is not None and dispositif_at < end:
        word_paragraph = paragraphs[dispositif_at].text
        parts.dispositif = dispositif_word(word_paragraph)
        after_words = fold1(word_paragraph).strip(" :.,")
        if parts.dispositif == AFTER_DEBATE and after_words != "apres en avoir delibere":
            parts.dispositif_texte.append(word_paragraph)
        body_end = articles_at[0] if articles_at else end
        for paragraph in paragraphs[dispositif_at + 1:body_end]:
            parts.dispositif_texte.append(paragraph.text)
    for position, start in enumerate(articles_at):
        stop_at = articles_at[position + 1] if position + 1 < len(articles_at) else end
        found = article_start(paragraphs[start].text, position + 1)
        texts = [found.texte] if found and found.texte else []
        texts += [p.text for p in paragraphs[start + 1:stop_at]]
        parts.articles.append(ArticlePart(position + 1, found.label if found else f"Article {position + 1}",
                                          "\n\n".join(texts)))
    annex_at = _annex_start(paragraphs, end)
    parts.closing = paragraphs[end:annex_at]
    parts.annex = paragraphs[annex_at:]
    return parts


def _marks(paragraphs: list[Paragraph]) -> dict:
    """Where the dispositif, the articles and the closing are."""
    count = len(paragraphs)
    # Articles: "Article 1", then 2, 3… in order; a list of articles printed after the
    # closing (a convention in annex) is not the act's.
    articles: list[int] = []
    closing_seen = None
    for index, paragraph in enumerate(paragraphs):
        if closing_seen is None and is_closing(paragraph.text) and not _opens_body(paragraphs, index) and \
                (articles or _has_dispositif_before(paragraphs, index) or _strong_closing(paragraph.text)):
            closing_seen = index
        if closing_seen is not None and not articles:
            break
        if article_start(paragraph.text, len(articles) + 1) and _is_article_heading(paragraph.text):
            if closing_seen is not None and index > closing_seen:
                break
            articles.append(index)
    # Dispositif: the last dispositif paragraph before the first article, or the
    # first one when there are no articles.
    dispositif = None
    limit = articles[0] if articles else count
    for index in range(limit):
        text = paragraphs[index].text
        if is_visa(text) or is_considerant(text):
            continue
        if dispositif_word(text):
            dispositif = index
            if not articles:
                break
    # Closing: after the last article (or the dispositif), the first closing line.
    closing = count
    if articles or dispositif is not None:
        start = (articles[-1] + 1) if articles else dispositif + 1
        closing = next((i for i in range(start, count) if is_closing(paragraphs[i].text)), count)
    else:
        # No dispositif: a stamp at the top ("Accusé de réception") is not the end.
        closing = next((i for i in range(count) if _strong_closing(paragraphs[i].text)
                        and not _opens_body(paragraphs, i)), count)
        if closing == count:
            while closing > 0 and is_closing(paragraphs[closing - 1].text):
                closing -= 1
    if dispositif is not None and dispositif >= closing:
        dispositif = None
    return {"articles": articles, "dispositif": dispositif, "closing": closing}


def _opens_body(paragraphs: list[Paragraph], index: int) -> bool:
    """"Le Maire," right before the visas is the autorité, not a signature."""
    return any(is_visa(p.text) or is_considerant(p.text) for p in paragraphs[index + 1:index + 3])


def _has_dispositif_before(paragraphs: list[Paragraph], index: int) -> bool:
    return any(dispositif_word(p.text) for p in paragraphs[:index])


def _is_article_heading(text: str) -> bool:
    """"Article 1 : …", "ARTICLE 1 -", "Article 1er" — printed with a capital A."""
    return text.lstrip()[:1] == "A"


def _first_body(paragraphs: list[Paragraph], marks: dict, kind: str) -> int:
    """The first paragraph after the head."""
    limit = min(x for x in (marks["dispositif"], marks["articles"][0] if marks["articles"] else None,
                            marks["closing"]) if x is not None)
    for index, paragraph in enumerate(paragraphs[:limit]):
        text = paragraph.text
        if is_visa(text) or is_considerant(text) or (kind in ("decision", "arrete") and is_autorite(text)):
            return index
        if not is_head(paragraph):
            return index
    return limit


def _annex_start(paragraphs: list[Paragraph], end: int) -> int:
    for index in range(end, len(paragraphs)):
        paragraph = paragraphs[index]
        text = fold1(paragraph.text.strip())
        if paragraph.heading and _ANNEX.match(text) and len(paragraphs) - index > 3:
            return index
    return len(paragraphs)
