"""The published files in a real browser (Debian's Chromium through Playwright), with
the site served under a sub-path: the PDF link of an act page, the données page,
and the widget inside an <iframe> of another page."""

from __future__ import annotations

import hashlib

import pytest

from tests.sitebuild import loopback_page, browser, build_copy, copy_project, serve
from tests.test_site_browser import axe_violations

PREFIX = "actes-administratifs"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("browser-feeds"))
    build_copy(root)
    with serve(root / "site", prefix=PREFIX) as url:
        # The town's own page, next to the acts site on the same server, embedding the widget.
        host = root / "site-served" / "mairie.html"
        host.write_text('<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Mairie</title></head>'
                        f'<body><main><h1>Mairie</h1><iframe src="/{PREFIX}/widget/" title="Derniers actes '
                        'administratifs publiés" width="100%" height="520"></iframe></main></body></html>', "utf-8")
        yield url, root / "site"


@pytest.fixture(scope="module")
def page(served):
    with browser() as instance:
        context = instance.new_context(locale="fr-FR", accept_downloads=True)
        tab = loopback_page(context)
        yield tab
        context.close()


def test_the_pdf_link_of_an_act_downloads_the_file_whose_hash_is_printed(page, served):
    url, site = served
    page.goto(url + "actes/2026/decision-2026-102/")
    link = page.get_by_role("link", name="Télécharger l'acte en PDF (32 Ko)")
    printed = page.locator(".acte-sha256").inner_text()
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.ok and response.headers["content-type"] == "application/pdf"
    assert hashlib.sha256(response.body()).hexdigest() == printed
    assert (site / "actes/2026/decision-2026-102.pdf").read_bytes() == response.body()


def test_the_donnees_page_is_accessible_and_its_links_work(page, served):
    url, _ = served
    page.goto(url + "donnees/")
    assert page.get_by_role("heading", level=1).inner_text() == "Données ouvertes et vérification des actes"
    for name in ("Tous les actes publiés", "Registre de publication", "Derniers actes publiés"):
        href = page.get_by_role("link", name=name).first.evaluate("a => a.href")
        assert page.request.get(href).ok, href
    assert axe_violations(page) == []
    assert page.outside_requests == []


def test_the_widget_is_accessible(page, served):
    url, _ = served
    page.goto(url + "widget/")
    assert axe_violations(page) == []
    assert page.outside_requests == []


def test_a_link_of_the_embedded_widget_opens_the_act_in_the_whole_window(page, served):
    url, _ = served
    page.goto(url.split(PREFIX)[0] + "mairie.html")
    frame = page.frame_locator("iframe")
    frame.get_by_role("link", name="Décision n° 2026-102").click()
    page.wait_for_url(f"**/{PREFIX}/actes/2026/decision-2026-102/")
    assert page.get_by_role("heading", level=1).inner_text() == "Décision n° 2026-102"
