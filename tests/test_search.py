"""The search stage on the built example site: one Pagefind index per year,
only the act itself indexed, filters and metadata, and a clear failure."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from generator import search
from generator.site import BuildError
from tests.sitebuild import build_copy, copy_project

YEARS = {"2024": 1, "2025": 7, "2026": 2}  # example acts per year


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("search"))
    build_copy(root)
    return root / "site"


def fragments(bundle: Path) -> list[dict]:
    found = []
    for path in (bundle / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        found.append(json.loads(data[len(b"pagefind_dcd"):]))
    return found


def test_one_index_per_year_with_that_years_acts(site):
    bundles = {p.name: p for p in (site / "pagefind").iterdir() if p.is_dir()}
    assert set(bundles) == set(YEARS)
    # Besides the years, one copy of the engine's module for all of them (the search page imports it).
    assert {p.name for p in (site / "pagefind").iterdir() if p.is_file()} == {"pagefind.js"}
    assert all((site / "pagefind/pagefind.js").read_bytes() == search.tuned_engine((b / "pagefind.js").read_bytes())
               for b in bundles.values())
    for year, count in YEARS.items():
        entry = json.loads((bundles[year] / "pagefind-entry.json").read_text("utf-8"))
        assert list(entry["languages"]) == ["fr"]  # French stemming
        assert entry["languages"]["fr"]["page_count"] == count
        assert {f["filters"]["annee"][0] for f in fragments(bundles[year])} == {year}


def test_the_shared_engine_waits_5_ms_not_50(site):
    """Both of Pagefind's polling waits are shortened in the installed version: a new
    Pagefind that writes them otherwise fails here, and ENGINE_WAITS is to be
    written again for it."""
    year = (site / "pagefind/2026/pagefind.js").read_bytes()
    shared = (site / "pagefind/pagefind.js").read_bytes()
    for slow, fast in search.ENGINE_WAITS:
        assert year.count(slow) == 1 and slow not in shared and shared.count(fast) == 1
    assert b"asyncSleep(50)" not in shared
    assert len(shared) == len(year) - 2  # two "50" became "5", nothing else changed
    assert search.tuned_engine(b"export const x = 1;") == b"export const x = 1;"


def test_only_what_the_browser_needs_is_published(site):
    names = {p.name for p in (site / "pagefind/2026").iterdir()}
    assert {"pagefind.js", "pagefind-worker.js", "wasm.fr.pagefind", "pagefind-entry.json"} <= names
    assert not any(n.startswith("pagefind-ui") or n.startswith("pagefind-component") for n in names)
    assert "wasm.unknown.pagefind" not in names


def test_the_act_is_indexed_not_the_page_around_it(site):
    by_url = {f["url"]: f for f in fragments(site / "pagefind/2026")}
    act = by_url["/actes/2026/decision-2026-102/"]
    assert act["meta"]["title"] == "Décision n° 2026-102"
    assert act["meta"]["type"] == "Décision" and act["meta"]["numero"] == "2026-102"
    assert act["meta"]["date"] == "22 mai 2026"
    assert act["meta"]["objet"].startswith("Décision relative à la signature de l'avenant n°1")
    filters = {name: sorted(values) for name, values in act["filters"].items()}
    assert filters == {"type": ["decision"], "annee": ["2026"], "mois": ["2026-05"], "matiere": ["1", "1.1"],
                       "collectivite": ["lens"]}
    assert "maintenance" in act["content"]
    # Not the navigation, the information panel or the voies de recours.
    for outside in ("Registre par année", "Informations sur l'acte", "Voies et délais de recours"):
        assert outside not in act["content"]
    # The filter values are not words of the act.
    assert "decision" not in act["content"].split()


def test_pages_cut_to_their_searchable_element_give_the_same_index(site, tmp_path):
    """Pagefind is given only the data-pagefind-body element of each act page: its
    index must be the one it makes from the whole pages."""
    import subprocess

    from pagefind_bin import get_executable

    from tests.test_incremental import bundle_content

    pages = sorted(p.relative_to(site).as_posix() for p in site.glob("actes/2026/*/index.html"))
    assert len(pages) == YEARS["2026"]
    search.run_pagefind(site, pages, tmp_path / "coupees")
    subprocess.run([str(get_executable()), "--site", str(site), "--glob", search.year_glob(pages),
                    "--output-path", str(tmp_path / "entieres"), "--force-language", "fr", "--quiet"], check=True)
    search.prune_bundle(tmp_path / "entieres")
    assert bundle_content(tmp_path / "coupees") == bundle_content(tmp_path / "entieres")
    whole = (site / pages[0]).read_bytes()
    cut = search.searchable_page(whole)
    assert len(cut) < len(whole) / 2 and cut.startswith(b'<!DOCTYPE html><html lang="fr">')


@pytest.mark.parametrize("html, expected", [
    (b'<html lang="de"><nav>x</nav><main data-pagefind-body><main>a</main> b</main><p>c</p></html>',
     b'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"></head><body>'
     b'<main data-pagefind-body><main>a</main> b</main></body></html>\n'),
    (b'<html><article class="x" data-pagefind-body="data-pagefind-body">a</article></html>',
     b'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"></head><body>'
     b'<article class="x" data-pagefind-body="data-pagefind-body">a</article></body></html>\n'),
    (b'<html><article data-pagefind-body>never closed</html>', None),
    (b'<html><article data-pagefind-bodyx>a</article></html>', None),
    (b'<html><p>no body</p></html>', None),
])
def test_searchable_page_cuts_the_marked_element_or_keeps_the_page(html, expected):
    assert search.searchable_page(html) == (html if expected is None else expected)


def test_year_glob_names_each_folder_once():
    pages = ["actes/2025/decision-1/index.html", "actes/2025/decision-2/index.html",
             "actes/somme-numerique/2025/deliberation-b2025-01/index.html"]
    assert search.year_glob(pages) == "{actes/2025/*/index.html,actes/somme-numerique/2025/*/index.html}"
    assert search.year_glob(["actes/2025/a.html"]) == "actes/2025/*.html"


def test_pagefind_failure_stops_the_build_and_keeps_the_site(tmp_path, monkeypatch):
    import pagefind_bin

    root = copy_project(tmp_path / "echec")
    build_copy(root)
    published = (root / "site/index.html").read_bytes()
    shutil_rmtree_cache(root)
    monkeypatch.setattr(pagefind_bin, "get_executable", lambda: "/bin/false")
    with pytest.raises(BuildError, match=r"^l'indexation de la recherche \(Pagefind\) a échoué"):
        build_copy(root)
    assert (root / "site/index.html").read_bytes() == published
    assert not list(root.glob(".site-build-*"))


def shutil_rmtree_cache(root: Path) -> None:
    import shutil

    shutil.rmtree(root / "build/cache", ignore_errors=True)
