"""Feeds and data files of the built site: Atom, actes.json and .csv, the register
JSON, the SCDL CSV, sitemap.xml, the embeddable widget and the données page."""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from tests.conftest import edit
from tests.sitebuild import build_copy, copy_project
from tests.test_export import TEST_SIRET, frictionless_errors

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SITE_URL = "https://actes.lens.example/"
EXAMPLE_TITLES = {"Décision n° 2026-102", "Décision n° 2026-92", "Délibération n° DLB03_18122024",
                  "Procès-verbal n° PV-B2025-09-29", *(f"Délibération n° B2025-0{n}" for n in range(1, 7))}


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> Path:
    """The example site as configured in the repository (no site_url, no SIRET)."""
    root = copy_project(tmp_path_factory.mktemp("plain"))
    build_copy(root)
    return root / "site"


@pytest.fixture(scope="module")
def configured(tmp_path_factory) -> Path:
    """The example site with a site_url and a (made-up, valid) SIRET for Lens."""
    root = copy_project(tmp_path_factory.mktemp("configured"))
    config = root / "mkdocs.yml"
    text = edit(config.read_text("utf-8"), "site_name: Actes administratifs\n",
                f"site_name: Actes administratifs\nsite_url: {SITE_URL}\n")
    config.write_text(edit(text, '      siren: "216204982"\n', f'      siren: "216204982"\n      siret: "{TEST_SIRET}"\n'),
                      "utf-8")
    build_copy(root)
    return root / "site"


def entries(feed: Path) -> list[ET.Element]:
    root = ET.parse(feed).getroot()
    assert root.tag == f"{ATOM}feed"
    return root.findall(f"{ATOM}entry")


def title_of(entry: ET.Element) -> str:
    return entry.find(f"{ATOM}title").text.split(" — ")[0]


# -- Atom ---------------------------------------------------------------------------

def test_the_atom_feed_parses_and_lists_the_example_acts(plain):
    found = entries(plain / "flux/actes.atom")
    assert {title_of(e) for e in found} == EXAMPLE_TITLES
    for entry in found:
        assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", entry.find(f"{ATOM}id").text)
        assert entry.find(f"{ATOM}author/{ATOM}name").text
    assert found[-1].find(f"{ATOM}updated").text == "2024-12-19T00:00:00Z"  # oldest mise en ligne last
    assert ET.parse(plain / "flux/actes.atom").getroot().find(f"{ATOM}updated").text == "2026-11-23T00:00:00Z"


def test_per_type_feeds(plain):
    assert {title_of(e) for e in entries(plain / "flux/deliberation.atom")} == \
        {t for t in EXAMPLE_TITLES if t.startswith("Délibération")}
    assert {title_of(e) for e in entries(plain / "flux/decision.atom")} == {"Décision n° 2026-102", "Décision n° 2026-92"}
    assert not (plain / "flux/arrete.atom").exists()  # no arrêté published yet


def test_feed_links_lead_to_the_pages_and_pdfs(plain):
    feed = plain / "flux/actes.atom"
    for entry in entries(feed):
        page = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        assert (feed.parent / page / "index.html").resolve().is_file(), page
        enclosure = entry.find(f"{ATOM}link[@rel='enclosure']")
        pdf = (feed.parent / enclosure.get("href")).resolve()
        assert int(enclosure.get("length")) == pdf.stat().st_size
        assert hashlib.sha256(pdf.read_bytes()).hexdigest() in enclosure.get("title")


def test_feed_links_are_absolute_with_a_site_url(configured):
    feed = ET.parse(configured / "flux/actes.atom").getroot()
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == f"{SITE_URL}flux/actes.atom"
    for entry in feed.findall(f"{ATOM}entry"):
        assert entry.find(f"{ATOM}link[@rel='alternate']").get("href").startswith(f"{SITE_URL}actes/")


def test_every_page_announces_the_feed(plain):
    html = (plain / "actes/2026/decision-2026-102/index.html").read_text("utf-8")
    assert '<link rel="alternate" type="application/atom+xml" title="Derniers actes publiés" ' \
           'href="../../../flux/actes.atom">' in html


# -- data files -----------------------------------------------------------------------

def test_actes_json_lists_every_published_act_with_its_pdf(plain):
    data = json.loads((plain / "donnees/actes.json").read_text("utf-8"))
    assert len(data["actes"]) == 10
    for record in data["actes"]:
        pdf = plain / record["pdf"]["url"]
        assert hashlib.sha256(pdf.read_bytes()).hexdigest() == record["pdf"]["sha256"]
        assert (plain / record["url"] / "index.html").is_file()
        assert len(record["source_sha256"]) == 64
    dlb = next(r for r in data["actes"] if r["numero"] == "DLB03_18122024")
    assert dlb["transmission"] == {"date": "2024-12-19", "id": "062-216204982-20241218-DLB03_18122024-DE"}
    assert dlb["nomenclature"] == {"code": "1.4", "libelle": "Autres types de contrats", "niveau1": "Commande publique"}


def test_data_files_kept_between_builds_follow_the_configuration(tmp_path, samples):
    """actes.json and actes.csv reuse each act's lines from the previous build
    (feeds.RecordMemo); a SIREN changed in mkdocs.yml (not printed in the PDFs) is in
    every line after."""
    from generator.site import build

    from tests.conftest import write_tree

    root = write_tree(copy_project(tmp_path / "projet", with_acts=False), samples.FILES)
    build(root, on=samples.TODAY)
    assert (root / "build/cache/donnees-actes.pickle").is_file()
    config = root / "mkdocs.yml"
    before = json.loads((root / "site/donnees/actes.json").read_text("utf-8"))["actes"]
    config.write_text(edit(config.read_text("utf-8"), 'siren: "216204982"', 'siren: "200000172"'), "utf-8")
    build(root, on=samples.TODAY)
    acts = json.loads((root / "site/donnees/actes.json").read_text("utf-8"))["actes"]
    lens = [a for a in acts if a["collectivite"]["cle"] == "lens"]
    assert lens and all(a["collectivite"]["siren"] == "200000172" for a in lens)
    assert [a.get("pdf") for a in acts] == [a.get("pdf") for a in before]  # same PDFs: only the salt tells


def test_actes_csv(plain):
    rows = list(csv.DictReader(io.StringIO((plain / "donnees/actes.csv").read_text("utf-8"))))
    assert len(rows) == 10 and {f"{r['numero']}" for r in rows} >= {"2026-102", "B2025-06"}


def test_the_published_register_lets_anyone_check_a_pdf(plain):
    register = json.loads((plain / "donnees/registre-publication.json").read_text("utf-8"))
    assert "sha256sum" in register["verification"]
    assert len(register["actes"]) == 10
    for entry in register["actes"]:
        assert entry["en_ligne"] is True
        pdf = plain / entry["pdf_url"]
        assert hashlib.sha256(pdf.read_bytes()).hexdigest() == entry["versions"][-1]["pdf_sha256"]


def test_the_scdl_csv_is_published_for_a_collectivite_with_a_siret(configured, plain, tmp_path):
    text = (configured / "donnees/scdl-deliberations-lens.csv").read_text("utf-8")
    assert f"Ville de Lens,{TEST_SIRET},DLB03_18122024,2024-12-18,1.4," in text
    assert f"{SITE_URL}actes/2024/deliberation-dlb03_18122024.pdf" in text
    assert frictionless_errors(text, tmp_path) == []
    assert not (configured / "donnees/scdl-deliberations-somme-numerique.csv").exists()
    assert not list((plain / "donnees").glob("scdl-*.csv"))


def test_the_donnees_page_lists_the_files_and_says_why_scdl_is_missing(plain):
    html = (plain / "donnees/index.html").read_text("utf-8")
    for link in ("actes.json", "actes.csv", "registre-publication.json", "../flux/actes.atom"):
        assert f'href="{link}"' in html, link
    assert "il n'est pas produit pour Ville de Lens, Syndicat mixte Somme Numérique" in re.sub(r"\s+", " ", html)
    assert 'id="verifier-un-acte-telecharge"' in html


# -- sitemap ----------------------------------------------------------------------------

def test_the_sitemap_lists_pages_with_the_acts_dates(configured):
    urls = {u.find(f"{SITEMAP}loc").text: u.find(f"{SITEMAP}lastmod")
            for u in ET.parse(configured / "sitemap.xml").getroot()}
    assert f"{SITE_URL}" in urls and f"{SITE_URL}registre/" in urls
    assert urls[f"{SITE_URL}actes/2026/decision-2026-102/"].text == "2026-11-23"
    assert urls[f"{SITE_URL}actes/2024/deliberation-dlb03_18122024/"].text == "2024-12-19"
    assert urls[f"{SITE_URL}registre/"] is None
    assert not [u for u in urls if "widget" in u or u.endswith("404.html")]
    packed = (configured / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(packed) == (configured / "sitemap.xml").read_bytes()
    assert packed[4:8] == b"\0\0\0\0"  # gzip header time: none, so two builds give the same bytes


def test_without_site_url_the_sitemap_is_empty(plain):
    assert list(ET.parse(plain / "sitemap.xml").getroot()) == []


# -- widget -----------------------------------------------------------------------------

class Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def parse(path: Path) -> Collector:
    collector = Collector()
    collector.feed(path.read_text("utf-8"))
    return collector


def test_the_widget_lists_the_latest_acts_without_script_or_third_party(plain):
    widget = plain / "widget/index.html"
    page = parse(widget)
    tags = [t for t, _ in page.tags]
    assert "script" not in tags and "iframe" not in tags and "img" not in tags
    assert ("html", {"lang": "fr"}) in page.tags
    assert ("base", {"target": "_top"}) in page.tags
    links = [a["href"] for t, a in page.tags if t == "a"]
    assert len(links) == 10 + 2
    for href in links:
        assert not urlparse(href).scheme, href
        assert (widget.parent / href).resolve().exists(), href
    text = widget.read_text("utf-8")
    assert text.index("Décision n° 2026-102") < text.index("Délibération n° DLB03_18122024")


def test_one_widget_per_collectivite(plain):
    text = (plain / "widget/somme-numerique.html").read_text("utf-8")
    assert "Derniers actes publiés — Syndicat mixte Somme Numérique" in text
    assert "Décision n° 2026-102" not in text and "Délibération n° B2025-01" in text


def test_the_widget_links_absolutely_with_a_site_url(configured):
    page = parse(configured / "widget/index.html")
    assert all(urljoin(SITE_URL, a["href"]).startswith(SITE_URL) and a["href"].startswith(SITE_URL)
               for t, a in page.tags if t == "a")
