"""Names of people as French acts print them.

    >>> person("Monsieur Pierre MAZURE")
    'Pierre MAZURE'
    >>> person("M. VARLET Philippe")
    'Philippe VARLET'
    >>> person("Mme BOURDON")
    'Mme BOURDON'
    >>> split_names("MM. ROBERT, HANON, Mme AIT CHIKHEBBIH")
    ['M. ROBERT', 'M. HANON', 'Mme AIT CHIKHEBBIH']

A name with a first name is written "Prénom NOM" without civility; a surname alone
keeps its civility ("M.", "Mme"), the only way to tell two LEFEBVRE apart.
"""

from __future__ import annotations

import re

UPPER = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ"
LOWER = "a-zàâäçéèêëîïôöùûüÿæœß"
CIVILITY = re.compile(
    r"^(?:(?P<plural>MM\.?|Mmes\.?|Messieurs|Mesdames)|(?P<single>M\.|Mr\.?|Mme\.?|Mlle\.?|Monsieur|Madame|Mademoiselle|"
    r"Mrs\.?|Mmc|Dr\.?))\s+", re.UNICODE)
_CIVILITY_OUT = {"MM": "M.", "Messieurs": "M.", "Mmes": "Mme", "Mesdames": "Mme", "Monsieur": "M.", "Madame": "Mme",
                 "Mademoiselle": "Mlle", "Mr": "M.", "M": "M.", "Mme": "Mme", "Mlle": "Mlle", "Mmc": "Mme", "Dr": "Dr"}
NAME_TOKEN = rf"[{UPPER}][{UPPER}{LOWER}'’.-]*"
# "Pierre MAZURE", "Jean-Philippe KEROSLIAN", "Anne-Louise HOPITAL-KNAPNOUGEL", "LE MEAUX Vincent"
FIRST_LAST = rf"[{UPPER}][{LOWER}]+(?:[- ][{UPPER}][{LOWER}]+)* +[{UPPER}][{UPPER}'’-]+(?: +[{UPPER}][{UPPER}'’-]+)*\b"
LAST_FIRST = rf"[{UPPER}][{UPPER}'’-]+(?: +[{UPPER}][{UPPER}'’-]+)* +[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)*\b"
FUNCTIONS = re.compile(
    r"[\s,–-]+(?:(?:Pr[ée]sidente?|Vice-pr[ée]sidente?|Maire|Adjointe?|Conseill[eè]re?|Secr[ée]taire|Tr[ée]sori[eè]re?|"
    r"Doyen|Rapporteur|D[ée]l[ée]gu[ée]e?)\b.*)$", re.IGNORECASE)


_FUNCTION_ONLY = re.compile(
    r"^(?:vice-)?(?:pr[ée]sidente?|maire|adjointe?|conseill[eè]re?|secr[ée]taire|tr[ée]sori[eè]re?|d[ée]l[ée]gu[ée]e?|"
    r"membres?|titulaires?|suppl[ée]ante?s?)\b", re.IGNORECASE)


def civility(text: str) -> str | None:
    match = CIVILITY.match(text.strip())
    if not match:
        return None
    word = (match["plural"] or match["single"]).rstrip(".")
    return _CIVILITY_OUT.get(word, word)


def strip_civility(text: str) -> str:
    return CIVILITY.sub("", text.strip())


def _is_upper(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) >= 2


def _is_capitalized(token: str) -> bool:
    parts = [p for p in re.split(r"[-']", token) if p]
    return bool(parts) and all(p[:1].isupper() and p[1:].islower() and p[1:].isalpha() for p in parts)


def person(text: str | None, keep_function: bool = False) -> str | None:
    """A person's name, normalised: "Prénom NOM" or "Civ. NOM"."""
    if not text:
        return None
    text = " ".join(text.replace("’", "'").split()).strip(" ,;.:()")
    civ = civility(text)
    rest = strip_civility(text)
    if not keep_function:
        rest = FUNCTIONS.sub("", rest).strip(" ,;.-–")
    rest = re.sub(r"\s*\(.*?\)\s*", " ", rest).strip(" ,;.-–")
    tokens = rest.split()
    if not tokens or len(tokens) > 6 or any(any(c.isdigit() for c in t) for t in tokens):
        return None
    upper = [t for t in tokens if _is_upper(t)]
    capital = [t for t in tokens if not _is_upper(t) and _is_capitalized(t)]
    if upper and capital and len(upper) + len(capital) == len(tokens):
        return " ".join(capital + upper)
    if upper and len(upper) == len(tokens):
        return f"{civ} {rest}" if civ else rest
    if all(t[:1].isupper() or t.lower() in ("de", "du", "des", "le", "la", "d'", "van", "von") for t in tokens):
        return f"{civ} {rest}" if civ and len(tokens) == 1 else rest
    return None


def split_person(name: str | None) -> tuple[str | None, str | None]:
    """"Pierre MAZURE" -> ("Pierre", "MAZURE"); "M. ROBERT" -> (None, "ROBERT")."""
    if not name:
        return None, None
    tokens = strip_civility(name).split()
    upper = [t for t in tokens if _is_upper(t)]
    first = [t for t in tokens if not _is_upper(t)]
    if upper and first:
        return " ".join(first), " ".join(upper)
    if len(tokens) >= 2:  # "Pascal Thévenot": the last word is the surname
        return " ".join(tokens[:-1]), tokens[-1]
    return None, (tokens[0] if tokens else None)


def surname(name: str) -> str:
    return split_person(name)[1] or name


def split_names(text: str) -> list[str]:
    """A printed list of members: civilities "MM." and "Mmes" apply to the names that
    follow them; counts, dates and parentheses ("arrivée à 19h07") are dropped."""
    text = re.sub(r"\((?![^)]*(?:pouvoir|procuration))[^)]*\)", " ", text)
    pieces = re.split(r"\s*[,;\n]\s*|\s+et\s+(?=[{0}])|\s+-\s+|\s*/\s*".format(UPPER), text)
    names: list[str] = []
    plural: str | None = None
    for piece in pieces:
        piece = re.sub(r"^[\d/.:h ]+(?=\D)", "", piece).strip(" .:-–•")
        piece = re.sub(rf"(?<=[{UPPER}])- (?=[{UPPER}])", "-", piece)
        if not piece or re.fullmatch(r"[\d/ .h:]+", piece) or _FUNCTION_ONLY.match(piece):
            continue
        match = CIVILITY.match(piece + " ")
        if match and match["plural"]:
            plural = civility(piece + " ")
            piece = f"{plural} {strip_civility(piece + ' ').strip()}"
        elif match:
            plural = None
        elif plural and piece[:1].isupper():
            piece = f"{plural} {piece}"
        cleaned = person(piece)
        if cleaned:
            names.append(cleaned)
    return names
