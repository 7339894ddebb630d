"""Numbering of acts: pure functions with worked examples, and the checks that
need every act of a series.

A series is the acts of one collectivité, one type, one year and one prefix:
"2026-92" and "2026-102" are in the same series; "A2026-3" is not.

    >>> missing_ranks([1, 2, 5, 6, 9])
    [(3, 4), (7, 8)]
    >>> format_ranges([(3, 4), (7, 7)])
    '3 à 4, 7'
    >>> next_rank([1, 2, 5])
    6
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from .identifiers import ActNumber
from .model import Act
from .problems import Problem, error, warning
from .registry import Registry
from .rules import RULES

SeriesKey = tuple[str, str, int, str]  # collectivité, type, year, prefix


def missing_ranks(ranks: Iterable[int]) -> list[tuple[int, int]]:
    """The ranges missing between 1 and the highest rank used."""
    present = sorted(set(ranks))
    gaps = []
    expected = 1
    for rank in present:
        if rank > expected:
            gaps.append((expected, rank - 1))
        expected = rank + 1
    return gaps


def format_ranges(ranges: list[tuple[int, int]], limit: int = 8) -> str:
    parts = [str(a) if a == b else f"{a} à {b}" for a, b in ranges[:limit]]
    if len(ranges) > limit:
        more = len(ranges) - limit
        parts.append(f"… ({more} autre{'s' if more > 1 else ''} trou{'s' if more > 1 else ''})")
    return ", ".join(parts)


def next_rank(ranks: Iterable[int]) -> int:
    """The next free rank: one more than the highest, never a hole (a hole may be
    an act that was notified and not published)."""
    return max(ranks, default=0) + 1


def next_number(taken: Iterable[ActNumber], year: int, prefix: str = "", width: int = 0) -> ActNumber:
    """    >>> str(next_number([ActNumber.parse("2026-92"), ActNumber.parse("2026-102")], 2026))
    '2026-103'
    >>> str(next_number([], 2027))
    '2027-1'
    """
    ranks = [n.seq for n in taken if n.year == year and n.prefix == prefix and n.seq is not None]
    rank = next_rank(ranks)
    return ActNumber.parse(f"{prefix}{year}-{rank:0{width}d}")


def series_of(acts: Iterable[Act]) -> dict[SeriesKey, list[Act]]:
    series: dict[SeriesKey, list[Act]] = defaultdict(list)
    for act in acts:
        numero = act.meta.numero
        if numero is not None and numero.is_sequential:
            series[(act.meta.collectivite or "", act.type, numero.year, numero.prefix)].append(act)
    return series


def number_identity(act: Act) -> tuple:
    """What makes two numbers the same: "2026-001" and "2026-1" are both rank 1 of 2026."""
    return (act.meta.collectivite or "", act.type, act.meta.numero.identity)


def check_duplicates(registry: Registry) -> list[Problem]:
    problems = []
    groups: dict[tuple, list[Act]] = defaultdict(list)
    for act in registry.acts:
        if act.meta.numero is not None:
            groups[number_identity(act)].append(act)
    for acts in groups.values():
        if len(acts) < 2:
            continue
        coll, type_ = acts[0].meta.collectivite or "", acts[0].type
        label = RULES[type_].label if type_ in RULES else type_
        for act in acts:
            numero = act.meta.numero
            others = ", ".join(a.path for a in acts if a is not act)
            problems.append(error(act.path, act.line_of("numero"), "numero",
                                  f"numéro {numero} déjà utilisé pour une autre {label} de « {coll} » ({others})"
                                  if RULES.get(type_, None) and RULES[type_].feminine else
                                  f"numéro {numero} déjà utilisé pour un autre {label} de « {coll} » ({others})"))
    return problems


def check_gaps(registry: Registry) -> list[Problem]:
    """A warning per series with holes: individual acts are notified, not
    published, so a hole is often right; it is still worth a look."""
    problems = []
    for (coll, type_, year, prefix), acts in sorted(series_of(registry.acts).items()):
        gaps = missing_ranks(a.meta.numero.seq for a in acts)
        if not gaps:
            continue
        last = max(acts, key=lambda a: a.meta.numero.seq)
        label = RULES[type_].plural.lower() if type_ in RULES else type_
        problems.append(warning(last.path, last.line_of("numero"), "numero",
                                f"numérotation des {label} {prefix}{year} de « {coll} » : "
                                f"numéros absents {format_ranges(gaps)} (actes individuels non publiés ?)"))
    return problems
