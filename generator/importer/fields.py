"""Recognisers for the fields of an act's head and closing.

Each one reads text and returns a value or None: None means "not printed, or not
readable", never a guess. Where a value is deduced rather than read (a number taken
from the ACTES identifier, an OCR year corrected), the recogniser says so in a
French note that ends up in `a_verifier`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..identifiers import ActesId, ActNumber, NomenclatureCode, fold
from .french import MONTHS, DateHit, date_after_an, find_dates, fold1
from .people import FIRST_LAST, LAST_FIRST, UPPER, person, split_person

# ---------------------------------------------------------------------------
# Type of document

_TITLE_WORDS = [
    ("proces_verbal", r"proces[- ]verbal"),
    ("compte_rendu", r"\bcompte[- ]rendu\b|^\W*c\.?r\.?\s+du\b"),
    ("liste", r"\bliste\s+des\s+deliberations\b"),
    ("decision", r"\bdecision\b(?!\s+modificative)"),
    ("arrete", r"\barrete\b"),
    ("deliberation", r"\bdeliberations?\b|\bregistre\s+des\b|\bseance\s+(?:publique\s+|ordinaire\s+)?du\b|"
                     r"\bextrait\s+des\b"),
]
_SEANCE_END = re.compile(r"seance\s+(?:est|a\s+ete)\s+levee|levee\s+de\s+(?:la\s+)?seance|ordre\s+du\s+jour\s+etant\s+epuise")
_LIST_ENTRY = re.compile(r"deliberation\s+n\s?°\s*\S+.{0,160}?\b(?:approuvee|adoptee|rejetee)\b")


def recognize_kind(text: str) -> str | None:
    """decision, arrete, deliberation, proces_verbal, compte_rendu or liste."""
    folded = fold1(text)
    title = folded[:500]
    first_visa = re.search(r"(?:^|\n)\s*vu\s", title)
    if first_visa:
        title = title[:first_visa.start()]
    found = []
    for kind, pattern in _TITLE_WORDS:
        match = re.search(pattern, title, re.MULTILINE)
        if match:
            found.append((match.start(), kind))
    kind = min(found)[1] if found else None
    if len(_LIST_ENTRY.findall(folded)) >= 3 and not re.search(r"^\s*vu\s", folded, re.MULTILINE) \
            and kind in (None, "deliberation"):
        return "liste"
    if kind == "deliberation" and _SEANCE_END.search(folded) and not re.search(r"extrait|registre", title):
        return "compte_rendu"
    if kind:
        return kind
    if re.search(r"(?:^|\s)ARR[ÊE]TE\s*:?\s*(?:$|\n|ARTICLE|Article)", text):
        return "arrete"
    council = re.search(r"\b(?:conseil|bureau|comite|commission\s+permanente|assemblee)\b", folded)
    if council and re.search(r"delibere|unanimite|voix\s+pour|votes?\s+pour", folded):
        return "deliberation"
    if re.search(r"(?:^|\s)D[ÉE]CIDE\b", text):
        return "decision"
    return None


SEANCE_KINDS = ("proces_verbal", "compte_rendu", "liste")

# ---------------------------------------------------------------------------
# Transmission: ACTES identifier and reception by the préfecture

_ACTES_ID = re.compile(
    r"(?<![\d-])(?P<dep>\d{3}|02[AB])?\s?[-.]?\s?(?P<siren>\d{9})\s?[-.\s]\s?(?P<date>(?:19|20)\d{6})\s?[-.\s]\s?"
    r"(?P<internal>[0-9A-Za-z_][0-9A-Za-z_ -]{0,23}?)\s?[-.]\s?(?P<nature>DE|AR|AI|CC|BF|AU)\b")
_RECEPTION = re.compile(
    r"(?:r[ée]ception\s+par\s+le\s+pr[ée]fet|re[çc]u(?:e)?\s+en\s+(?:sous-)?pr[ée]fecture(?:\s+le)?|"
    r"date\s+de\s+r[ée]ception\s+(?:en\s+)?pr[ée]fecture|r[ée]ception\s+en\s+(?:sous-)?pr[ée]fecture|"
    r"re[çc]u\s+par\s+le\s+repr[ée]sentant\s+de\s+l['’]\s*[ÉE]tat(?:\s+le)?|date\s+de\s+r[ée]ception\s+AR|"
    r"AR\s+Pr[ée]fecture.{0,60}?Re[çc]u\s+le)\s*:?\s*", re.IGNORECASE)


@dataclass
class Transmission:
    id: ActesId | None = None
    printed: str | None = None     # as printed, when it could not be read as is
    internal: str | None = None    # the internal number, even from a damaged identifier
    date: dt.date | None = None    # reception by the préfecture
    id_date: dt.date | None = None
    notes: list[str] = field(default_factory=list)


def find_transmission(texts: list[str], today: dt.date) -> Transmission:
    result = Transmission()
    for text in texts:
        for match in _ACTES_ID.finditer(text):
            if result.id is not None:
                break
            internal = match["internal"].strip()
            raw = match.group(0).strip()
            try:
                id_date = dt.date(int(match["date"][:4]), int(match["date"][4:6]), int(match["date"][6:]))
            except ValueError:
                continue
            result.internal = result.internal or re.sub(r"[\s-]+", "_", internal)
            result.id_date = result.id_date or id_date
            if not match["dep"]:
                result.printed = result.printed or raw
                continue
            candidates = [internal, re.sub(r"[\s-]+", "_", internal)]
            for candidate in candidates:
                try:
                    result.id = ActesId.parse(f"{match['dep']}-{match['siren']}-{match['date']}-{candidate}-{match['nature']}")
                except ValueError:
                    continue
                result.internal = candidate
                if candidate != internal or raw != str(result.id):
                    result.printed = raw
                break
            else:
                result.printed = result.printed or raw
        for match in _RECEPTION.finditer(text):
            if result.date:
                break
            hits = find_dates(text[match.end():match.end() + 20], today)
            if hits and hits[0].start == 0:
                result.date = hits[0].date
    if result.id is None and result.printed:
        result.notes.append(f"identifiant ACTES illisible ou incomplet : « {result.printed} »")
    elif result.printed:
        result.notes.append(f"identifiant ACTES imprimé « {result.printed} », lu « {result.id} »")
    return result


# ---------------------------------------------------------------------------
# Number

_N = r"(?:\b[nN]\s?[°º]\s*|\bN[oO]\.?\s+|\bnum[ée]ro\s*:?\s*)"
_CODE_TOKEN = re.compile(r"^(?:[A-Z]{1,8}|[0-9A-Za-z_./-]*\d[0-9A-Za-z_./-]*|[-/–])$")
_REFERENCE_WORDS = re.compile(
    r"\b(?:loi|d[ée]cret|ordonnance|r[èe]glement|articles?|avenant|contrat|march[ée]|lot|convention|code|siret|"
    r"siren|parcelles?|section|rue|dossier|permis|d[ée]lib[ée]rations?|arr[êe]t[ée]s?|d[ée]cisions?|circulaire|"
    r"rapport|facture|bon|compte|op[ée]ration|budget|annexe|dm|modificative|acte)\b", re.IGNORECASE)
_TYPE_WORDS = {
    "decision": r"d[ée]cision|DEC",
    "arrete": r"arr[êe]t[ée]|ARR",
    "deliberation": r"d[ée]lib[ée]ration|DELIB|DLB|DEL",
}
_ANY_ACT = r"d[ée]cision|arr[êe]t[ée]|d[ée]lib[ée]ration|acte|extrait"


@dataclass
class NumberHit:
    number: ActNumber
    printed: str
    how: str  # "imprimé", "identifiant ACTES", "début du document"


def _code_after(text: str) -> str | None:
    tokens = []
    for token in re.finditer(r"\S+", text[:60]):
        word = token.group(0).rstrip(",;:")
        if not _CODE_TOKEN.match(word):
            break
        if tokens and word.isalpha() and word.isupper() and len(word) > 1:
            break  # "n° 2026 - 92 NOMENCLATURE"
        tokens.append(word)
        if token.group(0) != word:
            break
    while tokens and tokens[-1] in "-/–":
        tokens.pop()
    if not tokens or not any(c.isdigit() for c in "".join(tokens)):
        return None
    return " ".join(tokens)


def normalize_number(printed: str) -> ActNumber | None:
    """"2026- 102" -> 2026-102; "A 2023-15" -> A2023-15; "2022 7 4" -> 2022-7-4."""
    text = re.sub(r"\s*([-/–_.])\s*", r"\1", printed.strip()).replace("–", "-")
    text = re.sub(r"^([A-Za-z]{1,8})\s+(?=\d)", r"\1", text)
    text = re.sub(r"\s+", "-", text)
    try:
        return ActNumber.parse(text)
    except ValueError:
        return None


def _alnum(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", text).upper()


_TITLE_QUALIFIER = r"(?:\s+(?i:municipal|du\s+maire|du\s+pr[ée]sident|temporaire|permanent))?"
# A code that is a number, not a word or a date: two groups of digits, or letters and digits.
_NUMBER_LIKE = re.compile(r"\d[\s./_-]*\S*?[./_-]\s*\d|[A-Za-z][^\s]*\d|\d[^\s]*[A-Za-z]")


def _title_numbers(head: str, kind: str) -> list[tuple[int, int, str]]:
    """"ARRÊTÉ 2023-112", "DELIBERATION 2021-38 : …": the number printed right after the
    type word that opens a line, without "n°". A reference ("Vu la délibération
    2020-45") is inside a sentence and is not read."""
    words = {"decision": r"D[ÉE]CISION|D[ée]cision", "arrete": r"ARR[ÊE]T[ÉE]|Arr[êe]t[ée]",
             "deliberation": r"D[ÉE]LIB[ÉE]RATION|D[ée]lib[ée]ration"}.get(kind)
    if words is None:
        return []
    found = []
    for match in re.finditer(rf"(?:^|\n)[ \t]*(?:{words}){_TITLE_QUALIFIER}[ \t]+(?=\d|[A-Z]{{1,8}}[-/_ ]?\d)", head):
        code = _code_after(head[match.end():])
        if not code or not _NUMBER_LIKE.search(code) or find_dates(code):
            continue
        found.append((3, match.start(), code))
    return found


def find_number(head: str, kind: str, transmission: Transmission, year: int | None,
                first_line: str = "") -> NumberHit | None:
    candidates: list[tuple[int, int, str]] = []  # (score, position, code)
    own = _TYPE_WORDS.get(kind, r"\b\B")
    for match in re.finditer(_N, head):
        code = _code_after(head[match.end():])
        if not code:
            continue
        before = head[max(0, match.start() - 40):match.start()]
        words = before.split()[-3:]
        near = " ".join(words)
        if re.search(rf"(?:{own})\W*$", near, re.IGNORECASE):
            score = 4 if re.search(rf"(?:^|\n|\s)(?:{own})\W*$", near) and near.split()[-1][:1].isupper() else 3
        elif re.search(rf"(?:{_ANY_ACT})\W*(?:\w+\W*)?$", near, re.IGNORECASE):
            score = 2 if not _REFERENCE_WORDS.search(words[-1] if words else "") or \
                re.search(rf"(?:{_ANY_ACT})\s+\w+\W*$", near, re.IGNORECASE) else 1
        elif _REFERENCE_WORDS.search(" ".join(words[-2:])):
            continue
        else:
            score = 2
        if before.count("(") > before.count(")") or re.search(r"(?:compter|jusqu)\W+\w+\W+\w*\W*$", before):
            score -= 2  # "(à compter de la délibération n° 2022-12-21/01 incluse)"
        candidates.append((score, match.start(), code))
    candidates += _title_numbers(head, kind)
    if candidates:
        best = max(candidates, key=lambda c: (c[0], -c[1]))
        number = normalize_number(best[2])
        if number:
            return NumberHit(number, best[2], "imprimé")
    # A code printed alone: the internal number of the ACTES identifier, or a code
    # that carries the year of the act ("DELBU2023-02-012", "PACU/17-2023").
    tokens = [m for m in re.finditer(r"(?<![\w/.-])(?:[A-Za-z]{1,8}[\s/]?)?\d[0-9A-Za-z_./-]*\d(?:\s\d{1,4}(?=\s))*(?![\w/-])",
                                     head)]
    if transmission.internal:
        for token in tokens:
            if _alnum(token.group(0)) == _alnum(transmission.internal) and len(_alnum(token.group(0))) >= 3:
                number = normalize_number(token.group(0))
                if number:
                    return NumberHit(number, token.group(0), "imprimé")
    if year:
        for token in tokens:
            code = token.group(0)
            if " " in code or fold1(re.sub(r"[^A-Za-zéû]", "", code)) in MONTHS:
                continue
            if re.search(r"[A-Za-z]", code) and re.search(rf"(?<!\d){year}(?!\d)", code) \
                    and not find_dates(code) and not re.match(r"[A-Za-z]\.", code):
                number = normalize_number(code)
                if number:
                    return NumberHit(number, code, "imprimé")
    if transmission.internal:
        number = normalize_number(transmission.internal)
        if number:
            return NumberHit(number, transmission.internal, "identifiant ACTES")
    lead = re.match(r"^\s*((?:19|20)\d\d(?:[ ./-]\d{1,3}){1,3})\s+(?=[A-ZÉ])", first_line)
    if lead:
        number = normalize_number(lead.group(1))
        if number:
            return NumberHit(number, lead.group(1), "début du document")
    return None


# ---------------------------------------------------------------------------
# Nomenclature

_NOMENCLATURE = re.compile(
    r"(?:nomenclature|mati[eè]res?(?:\s+de\s+l['’]\s*acte)?|code\s+mati[eè]re|classification(?:\s+actes)?)"
    r"\s*(?:actes\s*)?:?\s*(?P<code>\d{1,2}(?:\s*[.\-–]\s*\d{1,2}(?!\d)){0,4})", re.IGNORECASE)


def find_nomenclature(text: str) -> tuple[NomenclatureCode | None, str | None, str | None]:
    """(code, as printed, note)."""
    match = _NOMENCLATURE.search(text)
    if not match:
        return None, None, None
    printed = match["code"].strip()
    try:
        return NomenclatureCode.parse(printed), printed, None
    except ValueError as exc:
        return None, printed, f"nomenclature imprimée « {printed} » non reconnue : {exc}"


# ---------------------------------------------------------------------------
# Collectivité

_COLLECTIVITE_PREFIX = re.compile(
    r"^(?:ville|commune|mairie|syndicat\s+mixte(?:\s+ouvert|\s+ferme)?|syndicat(?:\s+intercommunal)?|"
    r"communaute\s+(?:de\s+communes|d['’]\s*agglomeration|urbaine)|metropole|departement|region|"
    r"conseil\s+(?:departemental|regional))\s+(?:de\s+la\s+|de\s+l['’]\s*|de\s+|d['’]\s*|du\s+|des\s+)?")


def collectivite_core(name: str) -> str:
    return _COLLECTIVITE_PREFIX.sub("", fold1(" ".join(name.split()))).strip()


def find_collectivite(text: str, collectivites: dict) -> str | None:
    """The key in mkdocs.yml of the collectivité the text names, if any."""
    folded = fold1(" ".join(text.split()))
    scores = {}
    for key, coll in collectivites.items():
        full = fold1(" ".join(coll.nom.split()))
        core = re.escape(collectivite_core(coll.nom))
        score = folded.count(full) * 3
        if core and " " in collectivite_core(coll.nom):
            score += len(re.findall(rf"\b{core}\b", folded))
        elif core:
            score += len(re.findall(
                rf"\b(?:ville|commune|mairie|municipalite|maire)\s+(?:de\s+la\s+ville\s+)?(?:de\s+|d['’]\s*)(?:la\s+)?{core}\b(?![-'’])",
                folded))
            score += len(re.findall(rf"\bfait\s+a\s+{core}\b", folded))
        if score:
            scores[key] = score
    return max(scores, key=scores.get) if scores else None


_COLL_NAME = re.compile(
    rf"\b(?:(?:COMMUNE|Commune|VILLE|Ville|MAIRIE|Mairie)\s+(?:DE|de|D['’]|d['’])\s*(?:LA\s+|la\s+)?"
    rf"|(?:Syndicat\s+mixte|SYNDICAT\s+MIXTE|Communaut[ée]\s+de\s+[Cc]ommunes|Communaut[ée]\s+d['’]\s*[Aa]gglom[ée]ration)\s+(?:du\s+|de\s+la\s+|de\s+l['’]|de\s+|d['’])?)"
    rf"[{UPPER}][\w'’-]+(?:[ -](?:sur|sous|en|lès|les|le|la|de|du)[ -][{UPPER}][\w'’-]+)*")


def find_collectivite_name(text: str) -> str | None:
    match = _COLL_NAME.search(text)
    return " ".join(match.group(0).split()) if match else None


# ---------------------------------------------------------------------------
# Dates

_SEANCE_DATE = [
    r"proc[èe]s[- ]verbal\s+(?:de\s+la\s+s[ée]ance\s+)?(?:du|de\s+la)\s+[^\n]{0,60}?\s+du\s+",
    r"s[ée]ance\s+(?:publique\s+|ordinaire\s+|extraordinaire\s+|pl[ée]ni[èe]re\s+)?(?:du|de)\s+",
    None,  # "L'an …, le …"
    r"(?:conseil\s+(?:municipal|communautaire|syndical|d['’]administration)|bureau(?:\s+communautaire)?|"
    r"comit[ée]\s+syndical|commission\s+permanente)\s+(?:du\s+)?",
    r"(?:s['’]est|se\s+sont)\s+(?:r[ée]uni|assembl[ée])e?s?\b[^.]{0,120}?\ble\s+",
]


def _date_after(pattern: str, text: str, today: dt.date) -> DateHit | None:
    for match in re.finditer(pattern, text, re.IGNORECASE):
        hits = find_dates(text[match.end():match.end() + 60], today)
        if hits and hits[0].start <= 12:
            return hits[0]
    return None


def seance_date(text: str, today: dt.date) -> DateHit | None:
    for pattern in _SEANCE_DATE:
        hit = date_after_an(text, today) if pattern is None else _date_after(pattern, text, today)
        if hit:
            return hit
    return None


_SIGNED = re.compile(
    r"(?:\bFait\s+(?:à|a|en|au)\s+[^,\n]{1,60}?,?\s+le\s+|(?:^|\s)[A-ZÉ][\w'’ -]{2,50},\s+le\s+|"
    r"\bprise?\s+le\s+|\bdu\s+)", re.IGNORECASE)


def signature_date(closing: str, head: str, today: dt.date) -> DateHit | None:
    """"Fait à Lens, le 11 mai 2026"; "Aucamville, le 14 décembre 2022"; in the head,
    "DÉCISION DU MAIRE PRISE LE 29 MARS 2023"."""
    for text, pattern in ((closing, r"\bFait\s+(?:à|a|en|au)\s+[^,\n]{1,60}?,?\s+le\s+"),
                          (closing, r"(?:^|\s)[A-ZÉ][\w'’-]{2,40}(?:[ -][\w'’-]+){0,4},\s+le\s+"),
                          (head, r"\bpris[e]?\s+le\s+")):
        hit = _date_after(pattern, text, today)
        if hit:
            return hit
    return None


# ---------------------------------------------------------------------------
# Closing: place and signatory

_LIEU = re.compile(r"\bFait\s+(?:(?:à|a)\s+(?P<a>[^,\n]+?)|(?P<en>(?:en|au)\s+[^,\n]+?)),?\s+le\b", re.IGNORECASE)
_LIEU_ALONE = re.compile(r"(?:^|\n)\s*(?P<lieu>[A-ZÉ][\w'’-]{2,40}(?:[ -][\w'’-]+){0,4}),\s+le\s+\d")


def find_lieu(closing: str) -> str | None:
    match = _LIEU.search(closing)
    if match:
        return (match["a"] or match["en"]).strip()
    match = _LIEU_ALONE.search(closing)
    return match["lieu"].strip() if match else None


_DELEGATION = r"(?:Pour\s+(?:le|la)\s+(?:Maire|Pr[ée]sidente?)(?:\s+(?:du|de\s+la|de\s+l['’])\s*[^,\n]{1,60}?)?(?:\s+et\s+par\s+d[ée]l[ée]gation)?|Par\s+d[ée]l[ée]gation(?:\s+du\s+(?:Maire|Pr[ée]sident))?)\s*,?"
_QUALITE = (r"(?:(?:Le|La|L['’])\s*(?i:Maire|Pr[ée]sidente?|Adjointe?(?:\s+(?:au\s+Maire|D[ée]l[ée]gu[ée]e?))?|"
            r"Vice-[Pp]r[ée]sidente?(?:\s+d[ée]l[ée]gu[ée]e?)?|Conseill[eè]re?\s+(?:municipale?\s+)?d[ée]l[ée]gu[ée]e?|"
            r"Secr[ée]taire(?:\s+de\s+[Ss][ée]ance)?|Premier\s+[Aa]djoint|Premi[èe]re\s+[Aa]djointe)|"
            r"(?:Monsieur|Madame)\s+le\s+(?:Maire|Pr[ée]sident))")
_SIGNATURE = re.compile(
    rf"(?P<deleg>{_DELEGATION})?\s*(?P<qual>{_QUALITE})\s*,?\s*(?:(?:\S{{1,4}}\s+)??"
    rf"(?:Sign[ée]\s+[ée]lectroniquement\s+par\s*:?\s*(?:[^\n]{{0,40}}?\s)?)?"
    # "NOM Prénom NOM" is a stray token (OCR) before "Prénom NOM", not "NOM Prénom"
    rf"(?P<name>{FIRST_LAST}|{LAST_FIRST}(?![-\w]|[ \t]+[{UPPER}]{{2}})))?")


_PAIRED = re.compile(rf"(?P<q1>{_QUALITE})\s*,?\s+(?P<q2>{_QUALITE})\s*,?\s+(?P<n1>{FIRST_LAST})\s+(?P<n2>{FIRST_LAST})")


def find_signataire(closing: str) -> dict | None:
    """{"prenom", "nom", "qualite", "delegation"} with None for what is not printed;
    the maire or président rather than the secrétaire de séance."""
    paired = _PAIRED.search(closing)
    if paired:  # two signatures side by side: "Le Secrétaire, Le Maire, Philippe X Sébastien Y"
        for qual, name in ((paired["q1"], paired["n1"]), (paired["q2"], paired["n2"])):
            if "secr" not in fold(qual):
                return find_signataire(f"{qual} {name}")
    found = []
    for match in _SIGNATURE.finditer(closing):
        qualite = " ".join(match["qual"].split())
        secretary = "secr" in fold(qualite)
        name = person(match["name"]) if match["name"] else None
        found.append((secretary, name is None, match.start(), match, qualite, name))
    if not found:
        named = re.search(rf"Sign[ée]\s+(?:[ée]lectroniquement|num[ée]riquement)\s+par\s*:?\s*(?P<name>[^\n]{{3,60}}?)(?:\s+Date|\s+Qualit|$)",
                          closing)
        if named and person(named["name"]):
            return {"prenom": None, "nom": None, "qualite": None, "delegation": None, "nom_complet": person(named["name"])}
        return None
    found.sort(key=lambda f: (f[0], f[1], f[2]))
    _, _, _, match, qualite, name = found[0]
    qualite = re.sub(r"^(?:Le|La)\s+", "", re.sub(r"^(?:Monsieur|Madame)\s+le\s+", "", qualite))
    qualite = qualite[:1].upper() + qualite[1:]
    delegation = " ".join(match["deleg"].split()) if match["deleg"] else None
    prenom, nom = split_person(name) if name and " " in name and not name.startswith(("M.", "Mme")) else (None, None)
    return {"prenom": prenom, "nom": nom, "qualite": qualite, "delegation": delegation, "nom_complet": name}


_RAPPORTEUR = re.compile(
    rf"Rapporteur\s*:\s*(?P<a>[^\n]{{3,80}}?)(?=\n|$|\s{{2}})|(?P<b>(?:Monsieur|Madame|M\.|Mme)\s+[^,\n]{{3,60}}?),\s+rapporteur",
    re.IGNORECASE)


def find_rapporteur(text: str) -> str | None:
    match = _RAPPORTEUR.search(text)
    if not match:
        return None
    return person(match["a"] or match["b"])


# ---------------------------------------------------------------------------
# Objet

_OBJET = re.compile(r"\b(?:OBJET|Objet)\s*:\s*(?P<objet>[^\n]+)")
OPENERS = re.compile(
    r"\s(?=(?:Monsieur|Madame|M\.|Mme|Le|La|Les|L['’]|Il|Elle|Vu|VU|Consid[ée]rant|CONSID[ÉE]RANT|Conform[ée]ment|"
    r"Dans|Par|Sur|Suite|Apr[èe]s|En|Pr[ée]sents?|PR[ÉE]SENTS?|Absents?|Excus[ée]s?|Rapporteur)\s"
    r"(?:le|la|les|l['’]|du|de|des|d['’]|[A-ZÉ]|loi|Maire|Pr[ée]sident|conseil|commission|rapport|cadre|application|"
    r"vertu|termes|à|au|aux|:|\w+\s+(?:rappelle|expose|indique|pr[ée]sente|informe|propose|précise))"
    r"|Accus[ée]\s+de\s+r[ée]ception|Envoy[ée]\s+en\s+pr[ée]fecture)")


def cut_objet(text: str) -> str:
    """An objet ends where the report starts, in text without line breaks."""
    text = " ".join(text.split())
    match = OPENERS.search(text, 12)
    if match:
        text = text[:match.start()]
    if len(text) > 200:  # a title is one sentence
        end = re.search(r"(?<=[a-zà-ÿ0-9)»])\.\s+(?=[A-ZÉ])", text)
        text = text[:end.start() + 1] if end else text
    return text.strip(" :;,-–—")


def find_objet_label(text: str) -> str | None:
    match = _OBJET.search(text)
    return cut_objet(match["objet"]) if match else None


_TITLE_START = re.compile(
    r"\b(?:D[ÉE]CISION|ARR[ÊE]T[ÉE]|D[ée]cision|Arr[êe]t[ée])\s+(?!DU\s+MAIRE|du\s+Maire|N\s?°|n\s?°|MUNICIPAL\b)"
    r"(?=(?:RELATI|PORTANT|TEMPORAIRE|PERMANENT|R[ÉE]GLEMENT|D['’]|DE\s|SUR\s|CONCERNANT|FIXANT|AUTORIS|APPROUV|ACCORD|"
    r"MODIFI|ATTRIBU|relati|portant|temporaire|permanent|r[ée]glement|d['’]|de\s|sur\s|concernant|fixant|autoris|approuv|"
    r"accord|modifi|attribu))")


def title_objet(head: list[str]) -> str | None:
    """"DÉCISION RELATIVE À …", "ARRÊTÉ TEMPORAIRE RÉGLEMENTANT …" in the head."""
    for text in head:
        match = _TITLE_START.search(text)
        if match:
            return cut_objet(text[match.start():])
    return None


def uppercase_run(text: str) -> str | None:
    """The longest run of words in capitals (4 words at least): a title in flattened text."""
    best = None
    for match in re.finditer(rf"(?:[{UPPER}0-9][{UPPER}0-9'’\-:,/]*\s+){{3,}}[{UPPER}0-9][{UPPER}0-9'’\-/]*", text):
        run = match.group(0)
        if re.search(r"EXTRAIT|REGISTRE|CONSEIL MUNICIPAL|R[ÉE]PUBLIQUE|D[ÉE]PARTEMENT|ARRONDISSEMENT|S[ÉE]ANCE", run):
            continue
        if best is None or len(run) > len(best):
            best = run
    return best.strip(" :,-") if best else None
