"""Search in Chromium: the real Pagefind indexes of the example site, asked by
theme/assets/recherche.js, under a sub-path as on a town's site."""

from __future__ import annotations

import gzip
import json
import re

import pytest

from tests.sitebuild import loopback_page, browser, build_copy, copy_project, serve
from tests.test_site_browser import axe_violations

DONE = """() => {
  const s = document.getElementById('recherche-statut').textContent;
  return s !== '' && !s.includes('en cours');
}"""


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("search-browser"))
    build_copy(root)
    with serve(root / "site", prefix="actes-administratifs") as url:
        yield url


@pytest.fixture(scope="module")
def chromium():
    with browser() as instance:
        yield instance


@pytest.fixture(scope="module")
def tab(chromium):
    context = chromium.new_context(locale="fr-FR")
    yield loopback_page(context)
    context.close()


def search(tab, site_url, query: str = "", **filters) -> list[str]:
    tab.goto(site_url + "recherche/")
    for name, value in filters.items():
        tab.get_by_label(LABELS[name], exact=True).select_option(value)
    field = tab.get_by_label("Mots, numéro ou objet de l'acte")
    field.fill(query)
    field.press("Enter")
    tab.wait_for_function(DONE)
    return titles(tab)


LABELS = {"type": "Type d'acte", "matiere": "Matière", "annee": "Année", "collectivite": "Collectivité",
          "tri": "Ordre des résultats"}


def titles(tab) -> list[str]:
    return [t.strip() for t in tab.locator("#recherche-resultats .actes-resultat-titre").all_inner_texts()]


def status(tab) -> str:
    return tab.get_by_role("status").inner_text()


def test_maintenance_finds_decision_2026_102(tab, site_url):
    found = search(tab, site_url, "maintenance")
    assert "Décision n° 2026-102 du 22 mai 2026" in found
    assert re.fullmatch(rf"{len(found)} actes trouvés de 2024 à 2026\.", status(tab))
    link = tab.get_by_role("link", name="Décision n° 2026-102")
    assert link.get_attribute("href") == "/actes-administratifs/actes/2026/decision-2026-102/"
    item = tab.locator("#recherche-resultats li", has=link)
    assert "Décision relative à la signature de l'avenant n°1 au contrat de maintenance" in item.inner_text()
    assert item.locator("mark").first.inner_text().lower().startswith("maintenance")
    link.click()
    assert tab.url.endswith("/actes-administratifs/actes/2026/decision-2026-102/")
    assert tab.outside_requests == [] and tab.errors == []


def test_type_and_matiere_narrow_to_the_lens_deliberation(tab, site_url):
    broad = search(tab, site_url, "convention")
    assert len(broad) > 1
    narrowed = search(tab, site_url, "convention", type="deliberation", matiere="1.4")
    assert narrowed == ["Délibération n° DLB03_18122024 du 18 décembre 2024"]
    assert status(tab) == "1 acte trouvé de 2024 à 2026."
    # The address keeps the query and its filters, so a result list can be shared.
    assert tab.url.endswith("recherche/?q=convention&type=deliberation&matiere=1.4")


def test_searches_started_together_end_with_the_last_ones_answer(tab, site_url):
    # A citizen changing two filters and pressing Enter at once starts three
    # searches that load Pagefind and merge older years concurrently; the one
    # shown must be the last, on the whole archive (CI once showed none here).
    burst = """async (pause) => {
      const form = document.getElementById('recherche');
      const wait = () => new Promise((done) => setTimeout(done, pause));
      for (const [name, value] of [['type', 'deliberation'], ['matiere', '1.4']]) {
        form.elements.namedItem(name).value = value;
        form.elements.namedItem(name).dispatchEvent(new Event('change', {bubbles: true}));
        await wait();
      }
      document.getElementById('recherche-q').value = 'convention';
      form.requestSubmit();
    }"""
    for pause in (0, 5, 15, 30, 60, 120):
        tab.goto(site_url + "recherche/")
        tab.evaluate(burst, pause)
        tab.wait_for_function(DONE)
        assert titles(tab) == ["Délibération n° DLB03_18122024 du 18 décembre 2024"]
        assert status(tab) == "1 acte trouvé de 2024 à 2026."


def test_filters_alone_list_acts(tab, site_url):
    assert search(tab, site_url, "", type="deliberation", matiere="1.4") == [
        "Délibération n° DLB03_18122024 du 18 décembre 2024"]


def test_words_without_accents_find_accented_ones(tab, site_url):
    found = search(tab, site_url, "deliberation", type="deliberation")
    assert len(found) == 7  # the Lens délibération and the six of the Bureau
    assert all(title.startswith("Délibération n° ") for title in found)
    marks = tab.locator("#recherche-resultats mark").all_inner_texts()
    assert any(m.lower().startswith("délibér") for m in marks)


def test_a_year_asks_only_that_years_index(tab, site_url):
    requested: list[str] = []
    listener = lambda request: requested.append(request.url)  # noqa: E731
    tab.on("request", listener)
    found = search(tab, site_url, "avenant", annee="2025", tri="date")
    tab.remove_listener("request", listener)
    assert found and all("2025" in title for title in found)
    assert status(tab).endswith("en 2025.")
    indexes = {m.group(1) for url in requested if (m := re.search(r"/pagefind/(\d{4})/", url))}
    assert indexes == {"2025"}


def test_results_open_from_the_address(tab, site_url):
    tab.goto(site_url + "recherche/?q=maintenance&type=decision")
    tab.wait_for_function(DONE)
    assert tab.get_by_label("Mots, numéro ou objet de l'acte").input_value() == "maintenance"
    assert tab.get_by_label("Type d'acte").input_value() == "decision"
    assert set(titles(tab)) == {"Décision n° 2026-102 du 22 mai 2026", "Décision n° 2026-92 du 11 mai 2026"}


MATERIAL_AT_FIRST_RESULTS = """
new MutationObserver((_, observer) => {
  if (document.querySelector("#recherche-resultats li")) {
    window.__materialAtFirstResults = typeof window.document$;
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });
"""

MATERIAL_STARTED = """() => {
  if (!window.document$) return false;
  let started = false;
  window.document$.subscribe(() => { started = true; });  // a ReplaySubject: answers at once once started
  return started;
}"""


@pytest.mark.parametrize("address", ["recherche/?q=maintenance", "recherche/"])
def test_material_starts_after_the_first_results(chromium, site_url, address):
    """Material's bundle is left out of the page load (theme/recherche.html) and run
    by recherche.js once the first results are shown, or at once without a query;
    it then starts as on any page (its document$ answers: it saw DOMContentLoaded)."""
    context = chromium.new_context(locale="fr-FR")
    context.add_init_script(MATERIAL_AT_FIRST_RESULTS)
    page = loopback_page(context)
    page.goto(site_url + address)
    page.wait_for_function(MATERIAL_STARTED, timeout=10_000)
    assert page.locator("script[src*='bundle']").count() == 1  # run once, from the template
    assert page.locator("#actes-scripts-material").count() == 1
    if "?q=" in address:
        assert page.evaluate("window.__materialAtFirstResults") == "undefined"
        assert "Décision n° 2026-102 du 22 mai 2026" in titles(page)
    assert page.errors == [] and page.outside_requests == []
    context.close()


HOSTILE = "<img/src=x/onerror=window.__pwned=1><b>gras</b>"


def test_markup_in_an_index_never_becomes_elements(chromium, site_url):
    """A tampered index: markup in a fragment's metadata (objet) is written as text
    by recherche.js (this fails if it is inserted as HTML); markup in its text
    reaches the excerpt escaped by Pagefind and stays text too."""
    context = chromium.new_context(locale="fr-FR")

    def tamper(route):
        body = gzip.decompress(route.fetch().body())
        assert body.startswith(b"pagefind_dcd")  # Pagefind's signature, before its JSON
        fragment = json.loads(body[12:])
        fragment["content"] = re.sub(r"(?i)\bmaintenance\b", "maintenance" + HOSTILE, fragment["content"])
        fragment["meta"]["objet"] = HOSTILE
        route.fulfill(body=b"pagefind_dcd" + json.dumps(fragment).encode())  # read as is, not gunzipped

    page = loopback_page(context)
    page.route("**/*.pf_fragment", tamper)  # a page's routes come before its context's
    page.goto(site_url + "recherche/?q=maintenance")
    page.wait_for_function(DONE)
    results = page.locator("#recherche-resultats")
    assert results.locator("li").count() > 0
    assert results.locator("img, b").count() == 0
    assert page.locator(".actes-resultat-objet").first.inner_text() == HOSTILE
    marks = results.locator("mark").all_inner_texts()
    assert marks and all(mark.lower().startswith("maintenance") for mark in marks)  # text, not elements
    assert HOSTILE in results.locator(".actes-resultat-extrait").first.inner_text()
    assert page.evaluate("window.__pwned") is None
    context.close()


def test_header_box_opens_the_search_page_with_results(tab, site_url):
    tab.goto(site_url + "actes/2026/decision-2026-92/")
    box = tab.get_by_role("search", name="Rechercher un acte").get_by_label("Rechercher un acte")
    box.fill("maintenance")
    box.press("Enter")
    tab.wait_for_url("**/recherche/?q=maintenance")  # DONE reads the search page, not this one
    tab.wait_for_function(DONE)
    assert tab.url.endswith("/actes-administratifs/recherche/?q=maintenance")
    assert "Décision n° 2026-102 du 22 mai 2026" in titles(tab)


def test_keyboard_only(tab, site_url):
    tab.goto(site_url + "recherche/")
    tab.get_by_label("Mots, numéro ou objet de l'acte").focus()
    tab.keyboard.type("maintenance")
    tab.keyboard.press("Enter")
    tab.wait_for_function(DONE)
    for _ in range(40):  # Tab through the form to the first result
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.closest('#recherche-resultats') !== null"):
            break
    focused = tab.evaluate("document.activeElement.textContent")
    assert focused == titles(tab)[0].split(" du ")[0]
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(r"/actes/"))


def test_no_result_is_said(tab, site_url):
    assert search(tab, site_url, "zzzxyqw") == []
    assert status(tab) == "Aucun acte trouvé de 2024 à 2026."
    assert tab.locator("#recherche-resultats").is_hidden()


def test_axe_on_search_page_with_results(tab, site_url):
    search(tab, site_url, "maintenance", tri="date")
    assert tab.locator("#recherche-resultats li").count() > 1
    assert axe_violations(tab) == []


def test_without_javascript_the_indexes_remain(chromium, site_url):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "recherche/?q=maintenance")
    note = page.locator(".actes-sans-script")
    assert note.is_visible()
    note.get_by_role("link", name="registre par année").click()
    assert page.url.endswith("/registre/")
    context.close()


MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]


def test_sorted_by_date_newest_first(tab, site_url):
    found = search(tab, site_url, "maintenance", tri="date")
    dates = []
    for title in found:
        day, month, year = re.search(r" du (\d+)(?:er)? (\S+) (\d{4})$", title).groups()
        dates.append((int(year), MONTHS.index(month) + 1, int(day)))
    assert len(dates) > 2 and dates == sorted(dates, reverse=True)
