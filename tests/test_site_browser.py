"""Browser tests: Debian's Chromium through Playwright, and axe for accessibility
(WCAG 2.1 A/AA and RGAA 4 rules)."""

from __future__ import annotations

import pytest

from tests.sitebuild import loopback_page, browser, build_copy, copy_project, serve

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "RGAAv4"]


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("browser"))
    build_copy(root)
    # Served under a sub-path, as on a town's site: every link must still work.
    with serve(root / "site", prefix="actes-administratifs") as url:
        yield url


@pytest.fixture(scope="module")
def page(site_url):
    with browser() as instance:
        context = instance.new_context(locale="fr-FR")
        tab = loopback_page(context)
        yield tab
        context.close()


def axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS},
                                       "resultTypes": ["violations"]})
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])} éléments)" for v in results.response["violations"]]


def test_home_to_year_to_act(page, site_url):
    page.goto(site_url)
    assert page.locator("html").get_attribute("lang") == "fr"
    page.get_by_role("link", name="Registre par année").first.click()
    page.get_by_role("link", name="2026", exact=True).first.click()
    page.get_by_role("link", name="Décision n° 2026-102").first.click()
    assert page.url.endswith("/actes-administratifs/actes/2026/decision-2026-102/")
    assert page.get_by_role("heading", level=1).inner_text() == "Décision n° 2026-102"
    article = page.locator("article.acte")
    assert "NOMENCLATURE : 1.1 — Marchés publics" in article.inner_text()
    assert page.locator(".acte-objet").inner_text().startswith("DÉCISION RELATIVE À LA SIGNATURE")  # CSS capitals
    assert page.get_by_role("heading", name="DÉCIDE").is_visible()
    assert page.locator(".acte-article h3").count() == 4
    assert "Fait en l'Hôtel de Ville, le 22 mai 2026" in page.locator(".acte-fait").inner_text()
    infos = page.locator(".acte-infos").inner_text()
    assert "Date de mise en ligne" in infos and "23 novembre 2026" in infos
    assert "Pierre MAZURE, L'adjoint au Maire" in infos
    assert page.outside_requests == []


@pytest.mark.parametrize("path", [
    "",
    "registre/2026/",
    "matieres/",
    "actes/2026/decision-2026-102/",
    "actes/2024/deliberation-dlb03_18122024/",
    "seances/somme-numerique/2025-09-29-bureau/",
    "accessibilite/",
])
def test_axe_reports_no_violation(page, site_url, path):
    page.goto(site_url + path)
    assert axe_violations(page) == []
    assert page.outside_requests == []


def test_act_prints_like_the_paper_original(page, site_url):
    page.goto(site_url + "actes/2026/decision-2026-102/")
    page.emulate_media(media="print")
    try:
        # Only the act and its mentions: no header, menus, search, footer.
        for chrome in (".md-header", ".md-sidebar", ".md-footer", ".md-tabs"):
            assert page.locator(chrome).evaluate_all(
                "els => els.every(e => getComputedStyle(e).display === 'none')"), chrome
        for part in (".acte-collectivite", ".acte-objet", ".acte-visas", ".acte-signature", ".acte-infos",
                     ".acte-recours"):
            assert page.locator(part).is_visible(), part
        articles = page.locator(".acte-article")
        assert articles.count() == 4 and all(articles.nth(n).is_visible() for n in range(4))
        assert "Serif" in page.locator("body").evaluate("e => getComputedStyle(e).fontFamily")
    finally:
        page.emulate_media(media="screen")


def test_axe_harness_sees_a_real_violation(page, site_url):
    """Guards the tests above: axe must report an image without text alternative."""
    page.goto(site_url)
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"x.png\">')")
    assert any(v.startswith("image-alt") for v in axe_violations(page))
