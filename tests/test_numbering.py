"""Numbering: the pure functions and their worked examples."""

from __future__ import annotations

import doctest

import pytest

from generator import numbering
from generator.identifiers import ActNumber
from generator.numbering import format_ranges, missing_ranks, next_number, next_rank, series_of


def test_module_doctests():
    result = doctest.testmod(numbering)
    assert result.failed == 0
    assert result.attempted >= 5  # the module's examples and next_number's


@pytest.mark.parametrize(
    ("ranks", "missing"),
    [
        ([], []),
        ([1], []),
        ([1, 2, 3], []),
        ([3], [(1, 2)]),
        ([2], [(1, 1)]),
        ([1, 2, 5, 6, 9], [(3, 4), (7, 8)]),
        ([9, 1, 5, 2, 6], [(3, 4), (7, 8)]),  # any order
        ([1, 1, 3, 3], [(2, 2)]),  # duplicates are another check
        ([102], [(1, 101)]),
        (iter([1, 4]), [(2, 3)]),  # any iterable
    ],
)
def test_missing_ranks(ranks, missing):
    assert missing_ranks(ranks) == missing


@pytest.mark.parametrize(
    ("ranges", "limit", "text"),
    [
        ([], 8, ""),
        ([(2, 2)], 8, "2"),
        ([(3, 4), (7, 7)], 8, "3 à 4, 7"),
        ([(1, 101)], 8, "1 à 101"),
        ([(n, n) for n in range(2, 22, 2)], 8, "2, 4, 6, 8, 10, 12, 14, 16, … (2 autres trous)"),
        ([(2, 3), (5, 5), (7, 9)], 2, "2 à 3, 5, … (1 autre trou)"),
    ],
)
def test_format_ranges(ranges, limit, text):
    assert format_ranges(ranges, limit) == text


@pytest.mark.parametrize(("ranks", "rank"), [([], 1), ([1], 2), ([1, 2, 5], 6), ([7, 3], 8), (iter([4]), 5)])
def test_next_rank_never_fills_a_hole(ranks, rank):
    assert next_rank(ranks) == rank


def numbers(*texts: str) -> list[ActNumber]:
    return [ActNumber.parse(t) for t in texts]


@pytest.mark.parametrize(
    ("taken", "year", "prefix", "width", "expected"),
    [
        ((), 2026, "", 0, "2026-1"),
        (("2026-92", "2026-102"), 2026, "", 0, "2026-103"),
        (("2026-92", "2027-4"), 2027, "", 0, "2027-5"),  # other years do not count
        (("2026-92", "A2026-4"), 2026, "A", 0, "A2026-5"),  # nor other series
        (("A2026-4",), 2026, "", 0, "2026-1"),
        (("2026-9",), 2026, "", 3, "2026-010"),  # zero-padded when the series is
        (("DLB03_18122024", "2026-3"), 2026, "", 0, "2026-4"),  # free numbers have no rank
    ],
)
def test_next_number(taken, year, prefix, width, expected):
    number = next_number(numbers(*taken), year, prefix, width)
    assert str(number) == expected
    assert number.year == year and number.prefix == prefix


def test_next_number_is_not_taken_and_parses_back():
    taken = numbers("2026-1", "2026-2", "2026-7")
    number = next_number(taken, 2026)
    assert number not in taken
    assert ActNumber.parse(str(number)) == number


def test_series_of(check, samples):
    other = samples.edit(samples.DECISION, "numero: 2026-1", "numero: 2026-2")
    free = samples.edit(samples.DECISION, "numero: 2026-1", "numero: DLB03_18122026")
    result = check({**samples.FILES, "acts/2026/d2.md": other, "acts/2026/d3.md": free})
    series = series_of(result.acts)
    assert {key: sorted(str(a.numero) for a in acts) for key, acts in series.items()} == {
        ("lens", "decision", 2026, ""): ["2026-1", "2026-2"],
        ("lens", "arrete", 2026, "A"): ["A2026-1"],
        ("lens", "deliberation", 2026, ""): ["2026-1"],
        ("lens", "proces_verbal", 2026, "PV"): ["PV2026-1"],
    }
