"""Séance and vote: who sat, who gave a proxy to whom, the quorum, how they voted.

    >>> find_vote("Après en avoir délibéré, le Conseil Municipal, 19 voix pour, 17 voix contre et 2 abstentions ;")
    {'pour': 19, 'contre': 17, 'abstention': 2, 'unanimite': False, 'resultat': None}

Attendance lists are read after their label ("Etaient présents :", "Pouvoirs :",
"Absents excusés :") up to the next label; proxies from "X ayant donné pouvoir à Y",
"X donne pouvoir à Y", "X (pouvoir à Y)", "X à Y" in a list of proxies.
"""

from __future__ import annotations

import datetime as dt
import re

from .french import NUMBER_WORDS, find_dates, find_time, fold1, words_to_int
from .people import FIRST_LAST, LAST_FIRST, NAME_TOKEN, UPPER, person, split_names, surname

# ---------------------------------------------------------------------------
# Attendance

_LABELS = {
    "presents": r"(?:[ée]taient\s+pr[ée]sents?|membres\s+(?:du\s+\w+\s+)?pr[ée]sents(?:\s+et\s+excus[ée]s)?|"
                r"pr[ée]sents\s+titulaires(?:\s*/\s*suppl[ée]ants)?|pr[ée]sents?)",
    "representes": r"(?:absents?\s+ayant\s+(?:donn[ée]\s+(?:pouvoir|procuration)|vot[ée]\s+par\s+procuration[^:]{0,120})|"
                   r"(?:titulaires\s+)?ayant\s+donn[ée]\s+(?:pouvoir|procuration)|ont\s+donn[ée]\s+(?:pouvoir|procuration)|"
                   r"a\s+donn[ée]\s+pouvoir|pouvoirs?|procurations?)",
    "excuses": r"(?:[ée]taient\s+excus[ée]s?|absents?\s+excus[ée]s?|excus[ée]s?)",
    "absents": r"(?:[ée]taient\s+absents?|absents?\s+non\s+(?:excus[ée]s?|repr[ée]sent[ée]s?)|absents?)",
}
_OTHER_LABELS = (r"(?:secr[ée]taire\s+de\s+s[ée]ance|[ée]lue?\s+secr[ée]taire|nombre\s+de|en\s+exercice|votants?|"
                 r"date\s+de\s+(?:la\s+)?convocation|le\s+quorum|quorum|objet|pr[ée]sident|suffrages|pour|contre|abstentions?)")
_LABEL = re.compile(
    rf"(?P<label>{'|'.join(f'(?P<{k}>{v})' for k, v in _LABELS.items())}|{_OTHER_LABELS})\s*(?:\(\s*e?s\s*\))?\s*"
    rf"\s*:\s*(?:\d+\s+(?=[{UPPER}]))?", re.IGNORECASE)
_PROXY = re.compile(
    rf"(?P<mandant>(?:(?:Madame|Monsieur|M\.|Mme|Mr)\s+)?{NAME_TOKEN}(?:\s+(?!(?:Madame|Monsieur|M\.|Mme)\s){NAME_TOKEN}){{0,3}})"
    rf"\s*(?:,\s*)?\(?\s*(?:ayant\s+donn[ée]|donnant|donne|a\s+donn[ée])?\s*(?:pouvoir|procuration)?\s*(?:donn[ée]\s+)?(?:à|a)\s+"
    rf"(?P<mandataire>(?:(?:Madame|Monsieur|madame|monsieur|M\.|Mme|Mr)\s+)?{NAME_TOKEN}(?:[ -](?!(?:Madame|Monsieur|M\.|Mme)\s){NAME_TOKEN}){{0,3}})")
_EXPLICIT_PROXY = re.compile(r"pouvoir|procuration", re.IGNORECASE)


def _sections(text: str) -> list[tuple[str, str]]:
    """(label kind, text up to the next label)."""
    found = []
    for match in _LABEL.finditer(text):
        kind = next((k for k in _LABELS if match[k]), "other")
        found.append((match.start(), match.end(), kind))
    sections = []
    for index, (start, end, kind) in enumerate(found):
        stop = found[index + 1][0] if index + 1 < len(found) else len(text)
        body = text[end:stop]
        if kind != "other":
            pieces = [piece for piece in re.split(r"\n\s*\n|(?<=[.;])\s*\n(?=\S)", body) if piece.strip()]
            body = pieces[0] if pieces else ""
        sections.append((kind, body))
    return sections


def _proxies(text: str) -> list[tuple[str, str]]:
    pairs = []
    for match in _PROXY.finditer(text):
        mandant = person(match["mandant"])
        mandataire = person(re.sub(r"^(madame|monsieur)", lambda m: m.group(1).capitalize(), match["mandataire"]))
        if mandant and mandataire and mandant != mandataire:
            pairs.append((mandant, mandataire))
    return pairs


def _resolve(name: str, members: list[str]) -> str:
    """"Madame DELETRE" -> "Margaux DELETRE" when the member list gives the first name."""
    last = surname(name)
    matches = [m for m in members if surname(m) == last and m != name]
    return matches[0] if len(matches) == 1 and " " in matches[0] and not matches[0].startswith(("M.", "Mme")) else name


def find_attendance(text: str) -> dict:
    presents: list[str] = []
    excuses: list[str] = []
    absents: list[str] = []
    representes: list[tuple[str, str]] = []
    for kind, body in _sections(text):
        if kind == "other":
            continue
        if kind == "representes" or (kind in ("excuses", "absents") and _EXPLICIT_PROXY.search(body)):
            pairs = _proxies(body)
            representes += pairs
            if kind != "representes":
                rest = body
                for mandant_match in _PROXY.finditer(body):
                    rest = rest.replace(mandant_match.group(0), ",")
                rest = re.sub(r"(?:n['’]\s*)?ayant\s+(?:pas\s+)?donn[ée]\s+(?:de\s+)?pouvoir|\(\s*\)", ",", rest)
                (excuses if kind == "excuses" else absents).extend(split_names(rest))
            continue
        names = split_names(re.sub(r"n['’]\s*ayant\s+pas\s+donn[ée]\s+(?:de\s+)?pouvoir", "", body))
        {"presents": presents, "excuses": excuses, "absents": absents}[kind].extend(names)
    # Proxies written as sentences outside any list: "Madame X donne pouvoir à Madame Y".
    for sentence in re.finditer(r"[^.\n]*\bdonne\s+pouvoir\b[^.\n]*", text):
        for pair in _proxies(sentence.group(0)):
            if pair not in representes:
                representes.append(pair)
    members = presents + excuses + absents
    representes = [(_resolve(a, members), _resolve(b, members)) for a, b in representes]
    mandants = {surname(a) for a, _ in representes}
    if representes:
        presents = [p for p in presents if surname(p) not in mandants]
        excuses = [e for e in excuses if surname(e) not in mandants]
    return {"presents": _unique(presents), "representes": representes,
            "excuses": _unique(excuses), "absents": _unique(absents)}


def _unique(names: list[str]) -> list[str]:
    seen, out = set(), []
    for name in names:
        if name not in seen:
            seen.add(name)
            out.append(name)
    return out


# ---------------------------------------------------------------------------
# Séance


_NAME = rf"(?:{FIRST_LAST}|{LAST_FIRST}|{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,2}})"
_PRESIDENT = re.compile(
    rf"(?:sous\s+la\s+pr[ée]sidence\s+de\s+(?:son\s+Maire,?\s*|Monsieur\s+le\s+Maire,?\s*|Madame\s+le\s+Maire,?\s*|"
    rf"Monsieur\s+le\s+doyen[^,]{{0,40}},\s*)?|Pr[ée]sident(?:e)?\s+(?:de\s+s[ée]ance\s*)?:\s*)"
    rf"(?P<name>(?:(?:M\.|Monsieur|Madame|Mme)\s+)?{_NAME})")
_SECRETAIRE = [
    re.compile(rf"secr[ée]taire\s+de\s+s[ée]ance\s*:\s*(?P<name>(?:(?:M\.|Monsieur|Madame|Mme)\s+)?{_NAME})", re.IGNORECASE),
    re.compile(rf"(?P<name>(?:(?:Monsieur|Madame|M\.|Mme)\s+)?{_NAME})\s*,?\s+(?:est|a\s+[ée]t[ée])\s+(?:d[ée]sign[ée]e?|nomm[ée]e?|"
               rf"[ée]lue?)\s+(?:comme\s+|en\s+qualit[ée]\s+de\s+)?(?:secr[ée]taire|pour\s+remplir)"),
    re.compile(rf"(?P<name>(?:Monsieur|Madame|M\.|Mme)\s+{_NAME}),\s(?:[^.]|\.(?!\s+[A-ZÉ])){{0,240}}?a\s+[ée]t[ée]\s+"
               rf"d[ée]sign[ée]e?"),
    re.compile(rf"(?:Le|La)\s+secr[ée]taire\s+de\s+s[ée]ance\s*,?\s*(?P<name>{FIRST_LAST}|{LAST_FIRST})", re.IGNORECASE),
]
_ORGANE = re.compile(
    r"\b(?P<organe>conseil\s+municipal|conseil\s+communautaire|conseil\s+syndical|conseil\s+d[ée]partemental|"
    r"conseil\s+r[ée]gional|conseil\s+d['’]administration|bureau\s+communautaire|bureau|comit[ée]\s+syndical|"
    r"commission\s+permanente)\b", re.IGNORECASE)
_LIEU = re.compile(
    r"s['’]est\s+(?:assembl[ée]e?s?|r[ée]unie?s?)\s+(?:en\s+session\s+\w+\s+)?(?:,\s*)?(?:(?:à|a|en|au|dans)\s+)?"
    r"(?:la\s+|l['’]\s*)?(?P<lieu>(?:h[ôo]tel\s+de\s+ville|mairie|salle\s+[^,.;]{2,60}|maison\s+[^,.;]{2,60}))", re.IGNORECASE)
_CONVOCATION = re.compile(
    r"convocation\s+(?:en\s+date\s+)?du|convoqu[ée]e?s?\s+(?:l[ée]galement\s+|individuellement\s+|r[ée]guli[èe]rement\s+)?"
    r"(?:et\s+par\s+[ée]crit\s+)?(?:le\s+)?|date\s+(?:de\s+(?:la\s+)?)?convocation\s*(?:du\s+conseil\s+municipal\s*)?:?|"
    r"convocation\s+qui\s+leur\s+a\s+[ée]t[ée]\s+adress[ée]e[^.]{0,160}?\ble", re.IGNORECASE)
_EN_EXERCICE = re.compile(
    rf"en\s+exercice\s*:?\s*(?P<n>\d{{1,3}})\b|en\s+exercice[^.]{{0,40}}?au\s+nombre\s+de\s+(?P<w>{NUMBER_WORDS}|\d{{1,3}})",
    re.IGNORECASE)


def find_seance(text: str, today: dt.date) -> dict:
    """Séance facts from the head of a délibération or a procès-verbal."""
    seance: dict = {}
    folded = fold1(text)
    match = _PRESIDENT.search(text)
    if match:
        seance["president"] = person(match["name"])
    for pattern in _SECRETAIRE:
        match = pattern.search(text)
        if match and person(match["name"]):
            seance["secretaire"] = person(match["name"])
            break
    match = _ORGANE.search(text)
    if match:
        organe = " ".join(match["organe"].split()).lower()
        seance["organe"] = organe[:1].upper() + organe[1:]
    match = _LIEU.search(text)
    if match:
        seance["lieu"] = " ".join(match["lieu"].split()).lower() if match["lieu"].lower().startswith(("hôtel", "hotel", "mairie")) \
            else " ".join(match["lieu"].split())
    for match in _CONVOCATION.finditer(text):
        hits = find_dates(text[match.end():match.end() + 60], today)
        if hits and hits[0].start <= 15:
            seance["convocation"] = hits[0].date
            break
    seance.update({k: v for k, v in find_attendance(text).items() if v})
    quorum = find_quorum(text)
    if quorum:
        seance["quorum"] = quorum
    return seance


_TIME_AFTER = re.compile(
    r"(?:l['’]\s*an\b|s[ée]ance\s+(?:publique\s+)?du|r[ée]uni(?:e|s)?\b|assembl[ée]e?s?\b|\ble\s+\d{1,2}\s+\w+)"
    r"[^.;]{0,140}?\b(?:à|a)\s+(?=\d{1,2}\s*(?:h|heures?)(?:\d|\b)|[a-z-]+\s+heures?)", re.IGNORECASE)


def seance_time(text: str, start: int = 0) -> str | None:
    """The hour of the séance: "le 18 décembre, à 14 heures", "à 17h30"."""
    for match in _TIME_AFTER.finditer(text, max(0, start)):
        time = find_time(text[match.end():match.end() + 40])
        if time:
            return time
    return None


def find_quorum(text: str) -> dict | None:
    sentence = None
    for paragraph in re.split(r"\n\s*\n", text):
        for candidate in re.split(r"(?<=[.])\s+(?=[A-ZÉ])", paragraph):
            folded = fold1(candidate)
            if "quorum" in folded or "majorite des membres en exercice" in folded:
                sentence = " ".join(candidate.split())
                break
        if sentence:
            break
    exercice = _EN_EXERCICE.search(text)
    en_exercice = None
    if exercice:
        en_exercice = int(exercice["n"]) if exercice["n"] else (words_to_int(exercice["w"]) if not exercice["w"].isdigit()
                                                               else int(exercice["w"]))
    if sentence is None and en_exercice is None:
        return None
    quorum: dict = {"atteint": not re.search(r"quorum\s+n['’]\s*(?:est|etant|a)\s+pas\s+(?:ete\s+)?atteint", fold1(sentence or ""))}
    if en_exercice is not None:
        quorum["en_exercice"] = en_exercice
    if sentence:
        count = re.search(r"\b(\d{1,3})\s+(?:[ée]lus|membres|conseillers)?\s*pr[ée]sents", sentence)
        if count:
            quorum["presents"] = int(count.group(1))
        if len(sentence) <= 600:
            quorum["mention"] = sentence
    return quorum


def effectif(text: str) -> int | None:
    match = _EN_EXERCICE.search(text)
    if not match:
        return None
    if match["n"]:
        return int(match["n"])
    return int(match["w"]) if match["w"].isdigit() else words_to_int(match["w"])


# ---------------------------------------------------------------------------
# Vote

_COUNT = r"(?P<n>\d{1,3}|/|n[ée]ant|aucune?|z[ée]ro)"
_VOTE_PATTERNS = {
    "pour": [rf"\bont\s+vot[ée]\s+pour\s*:?\s*{_COUNT}", rf"(?<![\w-])pour\s*:\s*{_COUNT}",
             rf"\bvoix\s+pour\s*:?\s*{_COUNT}", rf"{_COUNT}\s+(?:voix|votes?|suffrages?)\s+pour\b",
             # a tally without "voix": "10 pour, 1 contre", "(14 pour et 3 contre)"
             rf"(?<![\d,.])\b{_COUNT}\s+pour\s*(?:[,;/–-]\s*|\s+et\s+)\d{{1,3}}\s+(?:voix\s+)?contre\b"],
    "contre": [rf"\bont\s+vot[ée]\s+contre\s*:?\s*{_COUNT}", rf"(?<![\w-])contre\s*:\s*{_COUNT}",
               rf"\bvoix\s+contre\s*:?\s*{_COUNT}", rf"{_COUNT}\s+(?:voix|votes?|suffrages?)\s+contre\b",
               rf"\b\d{{1,3}}\s+(?:voix\s+)?pour\s*(?:[,;/–-]\s*|\s+et\s+){_COUNT}\s+contre\b"],
    "abstention": [rf"\bse\s+sont\s+abstenus?\s*:?\s*{_COUNT}", rf"\babstentions?\s*:\s*{_COUNT}",
                   rf"{_COUNT}\s+abstentions?\b", rf"{_COUNT}\s+(?:voix|votes?)\s+abstention"],
}
_UNANIMITE = re.compile(r"\b(?:à|a)\s+l['’]\s*unanimit[ée]", re.IGNORECASE)
_NOT_A_VOTE = re.compile(
    r"(?:d[ée]sign[ée]e?|nomm[ée]e?|[ée]lue?|compte[- ]rendu|proc[èe]s[- ]verbal|accepte|inscription|commissions?|"
    r"avis|r[èe]gle\s+de)[^.]{0,80}$", re.IGNORECASE)
_RESULT = re.compile(r"\b(?:adopt[ée]e?s?|approuv[ée]e?s?|le\s+conseil\s+adopte|rejet[ée]e?s?)\b", re.IGNORECASE)


def _count(raw: str) -> int:
    return int(raw) if raw.isdigit() else 0


def find_vote(text: str) -> dict | None:
    """The outcome of a vote, from the dispositif and the lines after it."""
    if not text:
        return None
    vote: dict = {"pour": None, "contre": None, "abstention": None, "unanimite": False, "resultat": None}
    folded = fold1(text)
    for key, patterns in _VOTE_PATTERNS.items():
        for pattern in patterns:
            match = re.search(pattern, folded)
            if match:
                vote[key] = _count(match["n"])
                break
    for match in _UNANIMITE.finditer(text):
        before = text[max(0, match.start() - 120):match.start()]
        if _NOT_A_VOTE.search(before.split("\n")[-1]):
            continue
        vote["unanimite"] = True
        break
    if re.search(r"adopt[ée]e?\s+(?:à|a)\s+la\s+majorit[ée]", text, re.IGNORECASE) and (vote["contre"] or vote["abstention"]):
        vote["unanimite"] = False
    if vote["contre"]:
        vote["unanimite"] = False
    result = None
    for match in _RESULT.finditer(folded):
        word = match.group(0)
        result = "rejete" if word.startswith("rejet") else "adopte"
        break
    if result is None and vote["unanimite"]:
        result = None
    vote["resultat"] = result
    if vote["pour"] is None and vote["contre"] is None and vote["abstention"] is None and not vote["unanimite"] \
            and result is None:
        return None
    return vote
