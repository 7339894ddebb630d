"""French text helpers for the importer: folding that keeps offsets, number words,
and dates as French administrative acts print them.

    >>> words_to_int("deux mille vingt-quatre")
    2024
    >>> [h.date.isoformat() for h in find_dates("Fait à Lens, le 1er juin 2026 et le 22/05/26")]
    ['2026-06-01', '2026-05-22']

Dates are read in digits ("22/05/2026", "22/05/26"), with the month in words
("22 mai 2026", "1er JUIN 2026", "2 9 MARS 2023" where OCR split the day), or fully
in words ("le seize février deux mille vingt-trois"). Years misread by OCR
("2073" for "2023") are corrected only when the printed year is impossible (in the
future), and the correction is reported.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass


def fold1(text: str) -> str:
    """Lower case without accents, one character for one: offsets stay valid."""
    out = []
    for char in text:
        base = unicodedata.normalize("NFD", char)[0] if char.isalpha() else char
        lower = base.lower()
        out.append(lower if len(lower) == 1 else base)
    return "".join(out)


MONTHS = {
    "janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9, "sept": 9,
    "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "decembre": 12, "dec": 12,
}
MONTH_NAMES = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
               "septembre", "octobre", "novembre", "décembre")
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

_UNITS = {
    "zero": 0, "un": 1, "une": 1, "premier": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100, "cents": 100,
}
NUMBER_WORD = r"(?:zero|une?|premier|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|cents?|mille|mil|et)"
# A run of number words, joined by spaces or hyphens: "deux mille vingt-trois".
NUMBER_WORDS = rf"{NUMBER_WORD}(?:[\s-]+{NUMBER_WORD})*"


def words_to_int(text: str) -> int | None:
    """French number words to an integer (up to 9999), or None."""
    words = [w for w in re.split(r"[\s-]+", fold1(text).strip()) if w and w != "et"]
    if not words:
        return None
    total, current = 0, 0
    for word in words:
        if word in ("mille", "mil"):
            total += (current or 1) * 1000
            current = 0
        elif word in ("cent", "cents"):
            current = (current or 1) * 100
        elif word in _UNITS:
            value = _UNITS[word]
            if value == 20 and current % 100 == 4:  # quatre-vingt(s)
                current += 76
            else:
                current += value
        else:
            return None
    return total + current


@dataclass(frozen=True)
class DateHit:
    date: dt.date
    start: int
    end: int
    raw: str
    corrected: bool = False  # an OCR year was corrected


_MONTH_RE = r"(?P<month>janvier|janv|fevrier|fevr|fev|mars|avril|avr|mai|juin|juillet|juil|aout|septembre|sept|octobre|oct|novembre|nov|decembre|dec)"
_DAY_RE = r"(?P<day>[0-3]?\d(?:\s?er)?|[0-3]\s[0-9])"
_YEAR_RE = r"(?P<year>(?:1\s?9|2\s?0)\s?\d\s?\d)"
_WEEKDAY_RE = r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"

_TEXT_DATE = re.compile(
    rf"(?<![\d/])\b{_DAY_RE}\s*{_MONTH_RE}\.?,?\s*{_YEAR_RE}(?!\d)")
_WORD_DATE = re.compile(
    rf"\b(?P<day>{NUMBER_WORDS}|1er)\s+{_MONTH_RE}\s+(?P<year>{NUMBER_WORDS}|(?:19|20)\d\d)\b")
_NUMERIC_DATE = re.compile(
    r"(?<![\d/.-])(?P<day>[0-3]?\d)\s?[/.-]\s?(?P<month>[01]?\d)\s?[/.-]\s?(?P<year>(?:19|20)\d\d|\d\d)(?![\d/])")


def _year(raw: str, today: dt.date) -> tuple[int, bool] | None:
    digits = re.sub(r"\s", "", raw)
    if not digits.isdigit():
        value = words_to_int(raw)
        return (value, False) if value and 1900 <= value <= 2100 else None
    year = int(digits)
    if len(digits) == 2:
        year += 2000 if year <= (today.year % 100) + 1 else 1900
    if year <= today.year + 1:
        return year, False
    fixed = int(digits[:2] + digits[2:].replace("7", "2")) if len(digits) == 4 else year
    if 1900 <= fixed <= today.year + 1:
        return fixed, True
    return None


def _day(raw: str) -> int | None:
    text = re.sub(r"\s|er$", "", raw.strip())
    if text.isdigit():
        return int(text)
    if raw.strip() == "1er":
        return 1
    return words_to_int(raw)


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, today: dt.date | None = None) -> list[DateHit]:
    """Every date of the text, in order of position."""
    today = today or dt.date.today()
    folded = fold1(text)
    hits: list[DateHit] = []
    for pattern, numeric in ((_TEXT_DATE, False), (_WORD_DATE, False), (_NUMERIC_DATE, True)):
        for match in pattern.finditer(folded):
            if any(h.start <= match.start() < h.end for h in hits):
                continue
            year = _year(match["year"], today)
            day = _day(match["day"])
            month = int(match["month"]) if numeric else MONTHS[match["month"]]
            if not year or not day:
                continue
            date = _make(year[0], month, day)
            if date:
                hits.append(DateHit(date, match.start(), match.end(), text[match.start():match.end()], year[1]))
    return sorted(hits, key=lambda h: h.start)


def first_date(text: str, today: dt.date | None = None) -> DateHit | None:
    hits = find_dates(text, today)
    return hits[0] if hits else None


_AN = re.compile(rf"\bl['’]\s*an\s+(?P<year>{NUMBER_WORDS}|(?:19|20)\d\d)\b", re.IGNORECASE)
_AN_DAY = re.compile(
    rf"^[\s,]*(?:et\s+)?(?:le\s+)?{_WEEKDAY_RE}(?P<day>[0-3]?\d(?:\s?er)?|{NUMBER_WORDS})\s+{_MONTH_RE}\b")


def date_after_an(text: str, today: dt.date | None = None) -> DateHit | None:
    """"L'an deux mille vingt-quatre, le 18 décembre" (the year in words first)."""
    today = today or dt.date.today()
    folded = fold1(text)
    for match in _AN.finditer(folded):
        year = _year(match["year"], today)
        rest = _AN_DAY.match(folded[match.end():match.end() + 80])
        if not year or not rest:
            continue
        day = _day(rest["day"])
        date = _make(year[0], MONTHS[rest["month"]], day) if day else None
        if date:
            end = match.end() + rest.end()
            return DateHit(date, match.start(), end, text[match.start():end])
    return None


def french_date(date: dt.date) -> str:
    """29 septembre 2025; 1er juin 2026."""
    day = "1er" if date.day == 1 else str(date.day)
    return f"{day} {MONTH_NAMES[date.month - 1]} {date.year}"


_TIME = re.compile(
    rf"\b(?P<h>[0-2]?\d)\s*(?:h|heures?)\s*(?P<m>[0-5]\d)?(?:\s*(?:minutes?|mn))?(?!\w)"
    rf"|\b(?P<hw>{NUMBER_WORDS})\s+heures?(?:\s+(?P<mw>{NUMBER_WORDS})(?:\s+minutes?)?)?",
    re.IGNORECASE)


def find_time(text: str) -> str | None:
    """"à 14 heures" -> "14:00"; "17h30"; "18 H 00"; "vingt heures trente minutes"."""
    for match in _TIME.finditer(fold1(text)):
        if match["h"] is not None:
            hour, minute = int(match["h"]), int(match["m"] or 0)
        else:
            hour = words_to_int(match["hw"]) or -1
            minute = words_to_int(match["mw"]) if match["mw"] else 0
        if 0 <= hour <= 23 and minute is not None and 0 <= minute <= 59:
            return f"{hour:02d}:{minute:02d}"
    return None
