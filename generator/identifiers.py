"""Identifiers as value objects: they parse, and print back the same.

    >>> str(ActNumber.parse("2026 - 92"))
    '2026-92'
    >>> str(NomenclatureCode.parse("01 - 01"))
    '1.1'
    >>> ActesId.parse("062-216204982-20241218-DLB03_18122024-DE").nature
    'DE'

Each `parse` raises `ValueError` with a French message on bad input; the
message is shown to the person who wrote the act, after the file and line.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

# Hyphens and dashes that word processors put between the parts of a number.
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
_DASH_CLASS = re.escape(DASHES)


def _normalise_dashes(text: str) -> str:
    return re.sub(f"[{_DASH_CLASS}]", "-", text)


# ---------------------------------------------------------------------------
# Act number


_SEQUENTIAL = re.compile(
    rf"""
    ^(?P<prefix>[A-Z][A-Z_]{{0,9}}[ _-]?)?   # optional letters: "A", "DEC", "BU-"
    (?P<year>(?:19|20)\d\d)                  # year of the act
    \s*[/-]\s*                                # separator, spaces tolerated ("2026 - 92")
    (?P<seq>\d{{1,6}})                       # rank in the year, leading zeros kept
    $""",
    re.VERBOSE,
)
_FREE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_./-]{0,39}$")
_YEAR_IN_TEXT = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


@dataclass(frozen=True)
class ActNumber:
    """An act number.

    Two forms:
    - sequential, "[PREFIX]YYYY-N" ("2026-102", "2023-009", "A2023-15"): the year
      and the rank are known, so numbering rules (duplicates, gaps, year) apply;
    - free, anything else made of letters, digits and "_./-" ("DLB03_18122024"):
      only uniqueness applies, and the year is read when one stands alone in it.
    """

    text: str
    prefix: str = ""
    year: int | None = None
    seq: int | None = None

    @classmethod
    def parse(cls, value: object) -> "ActNumber":
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise ValueError("numéro attendu sous forme de texte, par exemple « 2026-102 »")
        text = _normalise_dashes(str(value)).strip()
        match = _SEQUENTIAL.match(text)
        if match:
            prefix = match["prefix"] or ""
            canonical = f"{prefix}{match['year']}-{match['seq']}"
            return cls(canonical, prefix, int(match["year"]), int(match["seq"]))
        if not _FREE.match(text):
            raise ValueError(
                f"numéro « {value} » invalide : lettres, chiffres et « _ . / - » seulement, "
                "par exemple « 2026-102 »"
            )
        years = _YEAR_IN_TEXT.findall(text)
        return cls(text, year=int(years[-1]) if len(set(years)) == 1 else None)

    @property
    def is_sequential(self) -> bool:
        return self.seq is not None

    @property
    def identity(self) -> tuple:
        """What makes two numbers the same: "2023-009" and "2023-9" are rank 9 of 2023."""
        if self.is_sequential:
            return (self.prefix, self.year, self.seq)
        return (self.text,)

    @property
    def series(self) -> str:
        """Acts of one series share a prefix: "A2023-15" and "A2023-16"."""
        return self.prefix.rstrip(" _-")

    def slug(self) -> str:
        return re.sub(r"[^0-9A-Za-z_-]+", "-", self.text).strip("-").lower()

    def __str__(self) -> str:
        return self.text


# ---------------------------------------------------------------------------
# Nomenclature


@cache
def nomenclature_labels() -> dict[str, str]:
    """The national levels 1 and 2 of the ACTES nomenclature, code -> label."""
    data = resources.files("generator").joinpath("data/nomenclature.json").read_text("utf-8")
    return json.loads(data)


_NOMENCLATURE = re.compile(
    rf"""
    ^(?P<l1>\d{{1,2}})                               # level 1: "1" or "01"
    (?:\s*[.{_DASH_CLASS}]\s*(?P<l2>\d{{1,2}}))?     # level 2 after ".", "-" or " - "
    (?:\s*[.{_DASH_CLASS}]\s*(?P<rest>\d{{1,2}}(?:\s*[.{_DASH_CLASS}]\s*\d{{1,2}})*))?  # levels 3-5
    $""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class NomenclatureCode:
    """A matière of the ACTES nomenclature: "1.1", "01-01", "01 - 01", "7.10".

    Levels 1 and 2 are national and known; levels 3-5 differ per préfecture,
    so they are kept as written without being checked.
    """

    level1: int
    level2: int | None = None
    deeper: tuple[int, ...] = ()

    @classmethod
    def parse(cls, value: object) -> "NomenclatureCode":
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise ValueError("code de nomenclature attendu, par exemple « 1.1 »")
        text = str(value).strip()
        match = _NOMENCLATURE.match(text)
        if not match:
            raise ValueError(
                f"code de nomenclature « {value} » illisible : écrire par exemple « 1.1 » ou « 01-01 »"
            )
        level2 = int(match["l2"]) if match["l2"] else None
        deeper = tuple(int(n) for n in re.split(f"[^0-9]+", match["rest"])) if match["rest"] else ()
        code = cls(int(match["l1"]), level2, deeper)
        if code.level1_code not in nomenclature_labels():
            raise ValueError(f"matière « {code.level1_code} » inconnue : la nomenclature ACTES va de 1 à 9")
        if level2 is not None and code.level2_code not in nomenclature_labels():
            raise ValueError(
                f"code « {code.level2_code} » inconnu dans la nomenclature ACTES "
                f"(matière {code.level1} : {code.level1_label})"
            )
        return code

    @property
    def level1_code(self) -> str:
        return str(self.level1)

    @property
    def level2_code(self) -> str | None:
        return None if self.level2 is None else f"{self.level1}.{self.level2}"

    @property
    def level1_label(self) -> str:
        return nomenclature_labels()[self.level1_code]

    @property
    def level2_label(self) -> str | None:
        return None if self.level2 is None else nomenclature_labels()[self.level2_code]

    @property
    def label(self) -> str:
        return self.level2_label or self.level1_label

    def __str__(self) -> str:
        return ".".join(str(n) for n in (self.level1, self.level2, *self.deeper) if n is not None)


# ---------------------------------------------------------------------------
# ACTES identifier

NATURE_CODES = {
    "DE": "Délibérations",
    "AR": "Actes réglementaires",
    "AI": "Actes individuels",
    "CC": "Contrats, conventions et avenants",
    "BF": "Documents budgétaires et financiers",
    "AU": "Autres",
}

_ACTES_ID = re.compile(
    r"""
    ^(?P<departement>\d{3}|02[AB])   # département: 062, 974, 02A
    -(?P<siren>\d{9})                 # SIREN of the collectivité
    -(?P<date>\d{8})                  # date of the act, YYYYMMDD
    -(?P<internal>[^-]+)              # internal number, checked below
    -(?P<nature>[A-Z]{2})             # nature code: DE, AR, AI, CC, BF, AU
    $""",
    re.VERBOSE,
)
_INTERNAL = re.compile(r"^[0-9A-Z_]{1,15}$")


@dataclass(frozen=True)
class ActesId:
    """The identifier the préfecture's ACTES system gives a transmitted act:
    "062-216204982-20241218-DLB03_18122024-DE"."""

    departement: str
    siren: str
    date: dt.date
    internal: str
    nature: str

    @classmethod
    def parse(cls, value: object) -> "ActesId":
        text = _normalise_dashes(str(value)).strip()
        match = _ACTES_ID.match(text)
        if not match:
            raise ValueError(
                f"identifiant ACTES « {value} » mal formé : attendu "
                "« département-SIREN-AAAAMMJJ-numéro interne-nature », "
                "par exemple « 062-216204982-20241218-DLB03_18122024-DE »"
            )
        if not _INTERNAL.match(match["internal"]):
            raise ValueError(
                f"numéro interne « {match['internal']} » invalide dans l'identifiant ACTES : "
                "1 à 15 caractères parmi les chiffres, les majuscules sans accent et « _ »"
            )
        if match["nature"] not in NATURE_CODES:
            raise ValueError(
                f"code de nature « {match['nature']} » inconnu dans l'identifiant ACTES : "
                f"attendu {', '.join(NATURE_CODES)}"
            )
        raw = match["date"]
        try:
            date = dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
        except ValueError:
            raise ValueError(f"date « {raw} » impossible dans l'identifiant ACTES") from None
        return cls(match["departement"], match["siren"], date, match["internal"], match["nature"])

    def __str__(self) -> str:
        return f"{self.departement}-{self.siren}-{self.date:%Y%m%d}-{self.internal}-{self.nature}"


# ---------------------------------------------------------------------------
# References between acts

ACT_TYPES = {
    # key: (label, words that name the type in French text, accents and case folded)
    "decision": ("décision", ("decision",)),
    "arrete": ("arrêté", ("arrete",)),
    "deliberation": ("délibération", ("deliberation",)),
    "proces_verbal": ("procès-verbal", ("proces-verbal", "proces verbal", "pv")),
}


class _FoldTable(dict):
    """str.translate table filled on first sight of each character: its NFKD
    decomposition without combining marks. Folding character by character gives
    the same result as folding the whole text (NFKD decomposes each character on
    its own and only reorders combining marks, which are all dropped), about
    thirty times faster on long act bodies."""

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFKD", chr(code))
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower case without accents: "Arrêté" -> "arrete"."""
    if text.isascii():  # nothing to decompose: the table maps ASCII to itself
        return text.lower()
    return text.translate(_FOLD).lower()


def type_from_word(word: str) -> str | None:
    folded = fold(word).strip()
    for key, (_, words) in ACT_TYPES.items():
        if folded in words or folded == key:
            return key
    return None


_REF = re.compile(
    rf"""
    ^(?:(?P<collectivite>[a-z0-9_-]+):)?            # optional collectivité key: "lens:"
    (?:(?P<type>[^\W\d]+(?:[ -](?!no?\b)[^\W\d]+)?)\s+)?  # optional type word: "décision",
                                                    # "procès verbal" (not "décision no")
    (?:n\s*[°o]\.?\s*)?                             # optional "n°"
    (?P<numero>[0-9A-Za-z][0-9A-Za-z_./ {_DASH_CLASS}]*)$
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class ActRef:
    """A reference to another act, as written in `modifie`, `abroge`, `rectifie`:
    "decision 2026-92", "arrêté n° 2026-631", "2026-92", "somme-numerique:deliberation B2025-03".
    Without a type, any act of that number matches; without a collectivité, the
    citing act's own collectivité is meant."""

    numero: ActNumber
    type: str | None = None
    collectivite: str | None = None

    @classmethod
    def parse(cls, value: object) -> "ActRef":
        if isinstance(value, dict):
            unknown = set(value) - {"type", "numero", "collectivite"}
            if unknown or "numero" not in value:
                raise ValueError("référence attendue sous la forme « type numéro », par exemple « décision 2026-92 »")
            type_ = type_from_word(str(value.get("type"))) if value.get("type") else None
            if value.get("type") and type_ is None:
                raise ValueError(f"type d'acte « {value['type']} » inconnu dans la référence")
            return cls(ActNumber.parse(value["numero"]), type_, value.get("collectivite"))
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            raise ValueError("référence attendue sous la forme « type numéro », par exemple « décision 2026-92 »")
        match = _REF.match(str(value).strip())
        if not match:
            raise ValueError(f"référence « {value} » illisible : écrire par exemple « décision 2026-92 »")
        type_ = None
        if match["type"]:
            type_ = type_from_word(match["type"])
            if type_ is None and type_from_word(re.split(r"[ -]", match["type"])[0]):
                # "décision du 3 mars": a known type, then no number.
                raise ValueError(f"référence « {value} » illisible : écrire par exemple « décision 2026-92 »")
            if type_ is None:
                raise ValueError(
                    f"type d'acte « {match['type']} » inconnu dans la référence « {value} » : "
                    "décision, arrêté, délibération ou procès-verbal"
                )
        return cls(ActNumber.parse(match["numero"]), type_, match["collectivite"])

    def __str__(self) -> str:
        parts = []
        if self.type:
            parts.append(f"{ACT_TYPES[self.type][0]} n° {self.numero}")
        else:
            parts.append(f"n° {self.numero}")
        text = " ".join(parts)
        return f"{self.collectivite}:{text}" if self.collectivite else text
