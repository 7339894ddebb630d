"""French wording of dates and numbers for pages.

    >>> date_fr(dt.date(2026, 5, 1))
    '1er mai 2026'
    >>> date_fr(dt.date(2026, 5, 22))
    '22 mai 2026'
    >>> plural(2, "acte")
    '2 actes'
"""

from __future__ import annotations

import datetime as dt

from .model import MONTHS

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def date_fr(value: dt.date | None, weekday: bool = False) -> str:
    if value is None:
        return ""
    day = "1er" if value.day == 1 else str(value.day)
    text = f"{day} {MONTHS[value.month - 1]} {value.year}"
    return f"{WEEKDAYS[value.weekday()]} {text}" if weekday else text


def month_fr(year: int, month: int) -> str:
    return f"{MONTHS[month - 1]} {year}"


def plural(count: int, word: str, plural_word: str | None = None) -> str:
    if count > 1:
        return f"{count} {plural_word or word + 's'}"
    return f"{count} {word}"


def fait_a(lieu: str | None) -> str:
    """"Lens" -> "Fait à Lens"; "en l'Hôtel de Ville" -> "Fait en l'Hôtel de Ville"."""
    if not lieu:
        return "Fait"
    first = lieu.split(" ", 1)[0].lower()
    if first in ("à", "a", "en", "au", "aux"):
        return f"Fait {lieu}"
    return f"Fait à {lieu}"
