"""A year of many acts is indexed in parts (generator/search.py index_names):
the search page must find the same acts, newest first when sorted by date, as
with one index for the year. A synthetic year of 45 acts (bench/synth.py), with
parts of at most 15 acts."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from tests.sitebuild import browser, build_copy, copy_project, loopback_page, serve
from tests.test_search_browser import DONE, status, titles

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    from bench.synth import generate
    from generator import pdf, search

    root = copy_project(tmp_path_factory.mktemp("search-parts"), with_acts=False)
    generate(root, 45, seed=3, years=(2025, 2025))
    patch = pytest.MonkeyPatch()
    patch.setattr(search, "MAX_PAGES", 15)
    # PDFs are not what this test is about: a stand-in instead of 45 WeasyPrint
    # renderings, in a cache of its own so no other test ever reads one.
    patch.setenv("ACTES_PDF_CACHE", str(tmp_path_factory.mktemp("pdf-parts")))
    patch.setattr(pdf.PdfRenderer, "write_pdf", lambda self, document: b"%PDF-1.7\n%%EOF\n")
    try:
        build_copy(root)
    finally:
        patch.undo()
    return root


@pytest.fixture(scope="module")
def tab(archive):
    with serve(archive / "site") as url, browser() as chromium:
        context = chromium.new_context(locale="fr-FR")
        page = loopback_page(context)
        page.site_url = url
        yield page
        context.close()


def act_dates(root, type_: str) -> list[dt.date]:
    dates = []
    for path in (root / "acts").rglob("*.md"):
        text = path.read_text("utf-8")
        if re.search(rf"^type: {type_}$", text, re.M):
            dates.append(dt.date.fromisoformat(re.search(r"^date: (\S+)$", text, re.M)[1]))
    return sorted(dates, reverse=True)


def shown_dates(tab) -> list[dt.date]:
    out = []
    for title in titles(tab):
        day, month, year = re.search(r" du (\d+)(?:er)? (\S+) (\d{4})$", title).groups()
        out.append(dt.date(int(year), MONTHS.index(month) + 1, int(day)))
    return out


def test_the_year_is_indexed_in_parts(archive):
    folders = sorted(p.name for p in (archive / "site/pagefind").iterdir() if p.is_dir())
    assert len(folders) >= 3 and all(re.fullmatch(r"2025-\d\d", name) for name in folders)
    counts = [json.loads((archive / "site/pagefind" / name / "pagefind-entry.json").read_text("utf-8"))
              ["languages"]["fr"]["page_count"] for name in folders]
    assert sum(counts) == 45 and max(counts) <= 15 + 10  # cut at month boundaries
    page = (archive / "site/recherche/index.html").read_text("utf-8")
    assert f'<meta name="actes-recherche-index" content="{" ".join(reversed(folders))}">' in page


def test_a_year_in_parts_sorted_by_date(tab, archive):
    expected = act_dates(archive, "decision")
    tab.goto(tab.site_url + "recherche/?type=decision&annee=2025")
    tab.wait_for_function(DONE)
    assert status(tab) == f"{len(expected)} actes trouvés en 2025."
    assert shown_dates(tab) == expected[:10]
    assert not tab.errors and not tab.outside_requests


def test_all_years_start_with_the_newest_part(tab, archive):
    expected = act_dates(archive, "arrete")
    tab.goto(tab.site_url + "recherche/?type=arrete&tri=date")
    tab.wait_for_function(DONE)
    shown = shown_dates(tab)
    assert shown == expected[: len(shown)]  # newest first, across the parts merged
    # Every part asked, by the button if needed: the whole year, as with a year chosen.
    while tab.locator("#recherche-plus").is_visible():
        tab.locator("#recherche-plus").click()
        tab.wait_for_function(DONE)
    assert status(tab).startswith(f"{len(expected)} actes trouvés en 2025")
    assert shown_dates(tab) == expected


def test_a_partly_asked_year_says_since_when(tab, archive):
    tab.goto(tab.site_url + "recherche/?q=article")
    tab.wait_for_function(DONE)
    text = status(tab)
    newest = sorted(p.name for p in (archive / "site/pagefind").iterdir() if p.is_dir())[-1]
    if text.startswith("Aucun"):
        pytest.fail(text)
    if "antérieurs" in text:  # enough results in the newest part alone
        assert f"depuis {MONTHS[int(newest[5:]) - 1]} 2025." in text
    else:
        assert text.endswith("en 2025.")


def test_an_act_number_finds_the_act_in_an_older_part(tab, archive):
    # The oldest décision sits in the oldest part; its number names its year.
    oldest = min(((dt.date.fromisoformat(re.search(r"^date: (\S+)$", text, re.M)[1]),
                   re.search(r"^numero: (\S+)$", text, re.M)[1])
                  for path in (archive / "acts").rglob("decision-*.md") if (text := path.read_text("utf-8"))))
    tab.goto(tab.site_url + f"recherche/?q={oldest[1]}")
    tab.wait_for_function(DONE)
    assert any(title.startswith(f"Décision n° {oldest[1]} du ") for title in titles(tab)), titles(tab)
    assert status(tab).endswith("en 2025.")  # every part of 2025 asked


def test_a_year_is_cut_in_two_from_split_from_acts_and_in_more_only_past_max_pages(monkeypatch):
    """A rebuild indexes again the part of a year that holds the changed act: a year
    of more than SPLIT_FROM acts has two parts, more only when a part would exceed
    MAX_PAGES (a year-wide search reads every part of its year)."""
    from types import SimpleNamespace

    from generator import search

    monkeypatch.setattr(search, "SPLIT_FROM", 24)
    monkeypatch.setattr(search, "MAX_PAGES", 40)

    def year(count: int, number: int = 2025) -> list:
        return [SimpleNamespace(year=number, meta=SimpleNamespace(date=dt.date(number, 1 + i * 12 // count, 1)))
                for i in range(count)]

    def parts(acts) -> dict[str, int]:
        names = search.index_names(acts)
        found: dict[str, int] = {}
        for act in acts:
            found[names[id(act)]] = found.get(names[id(act)], 0) + 1
        return found

    assert parts(year(24)) == {"2025": 24}
    two = parts(year(25))
    assert sorted(two) == ["2025-01", "2025-07"] and sum(two.values()) == 25
    assert len(parts(year(80))) == 2 and len(parts(year(81))) == 3
    assert parts(year(24) + year(30, 2024)).keys() == {"2025", "2024-01", "2024-07"}
