"""PDF/A-3b of the acts, séance lists and registres: conformance claims, metadata,
tags, content, cache, reproducibility, and the links and hashes on the built site."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import subprocess
from pathlib import Path

import pytest

from generator.check import run_check
from generator.pdf import PdfRenderer, local_fetcher_class, size_label
from generator.register import load_register
from tests.conftest import DECISION, edit
from tests.securityscan import pdf_objects
from tests.sitebuild import build_copy, copy_project

DAY = dt.date(2026, 6, 15)
PATH = "acts/2026/decision-2026-1.md"


def pdfinfo(path: Path, *options: str) -> str:
    return subprocess.run(["pdfinfo", *options, str(path)], check=True, capture_output=True, text=True).stdout


def pdftext(path: Path) -> str:
    """The text in reading order, white space collapsed (table cells wrap)."""
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return re.sub(r"\s+", " ", text)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def rendered(project, tmp_path):
    """The sample décision rendered once: (PdfFile, renderer, root)."""
    root = project({PATH: DECISION})
    result = run_check(root, on=DAY)
    renderer = PdfRenderer(root, result.config, cache_dir=tmp_path / "cache")
    return renderer.act(result.acts[0]), renderer, root


# -- one act ----------------------------------------------------------------------

def test_an_act_pdf_claims_pdfa_3b(rendered):
    pdf, _, _ = rendered
    meta = pdfinfo(pdf.cache, "-meta")
    assert 'pdfaid:part="3"' in meta and 'pdfaid:conformance="B"' in meta


def test_an_act_pdf_has_title_author_language_dates_and_tags(rendered):
    pdf, _, _ = rendered
    info = pdfinfo(pdf.cache)
    assert re.search(r"^Title: +Décision n° 2026-1 — Décision relative à la signature de l'avenant n°1 au contrat "
                     r"de maintenance$", info, re.M)
    assert re.search(r"^Author: +Pierre MAZURE, L'adjoint au Maire$", info, re.M)
    assert re.search(r"^CreationDate: +Fri May 22 00:00:00 2026 UTC$", info, re.M)  # signed
    assert re.search(r"^ModDate: +Tue May 26 00:00:00 2026 UTC$", info, re.M)  # put online
    assert re.search(r"^Tagged: +yes$", info, re.M)
    assert b"/Lang (fr)" in pdf_objects(pdf.cache.read_bytes())
    structure = pdfinfo(pdf.cache, "-struct")
    assert "H1" in structure and "P (block)" in structure


def test_an_act_pdf_holds_the_act_and_the_mentions_of_r2131_1(rendered):
    pdf, _, _ = rendered
    text = pdftext(pdf.cache)
    for expected in ("VILLE DE LENS", "Décision n° 2026-1", "Vu le code de la commande publique",
                     "ARTICLE 1", "D'autoriser la signature de l'avenant n°1.", "Fait à Lens, le 22 mai 2026",
                     "Mentions de publication", "Auteur Pierre MAZURE, L'adjoint au Maire",
                     "Date de mise en ligne 26 mai 2026", "Tribunal administratif de Lille", "Page 1 sur 1"):
        assert expected in text, expected


def test_two_renders_are_byte_identical(rendered, tmp_path):
    pdf, renderer, root = rendered
    again = PdfRenderer(root, renderer.config, cache_dir=tmp_path / "other-cache")
    second = again.act(run_check(root, on=DAY).acts[0])
    assert again.rendered == 1
    assert second.cache.read_bytes() == pdf.cache.read_bytes()


def test_an_unchanged_act_is_never_rendered_again(rendered):
    pdf, renderer, root = rendered
    assert renderer.rendered == 1
    act = run_check(root, on=DAY).acts[0]
    assert renderer.act(act) == pdf
    fresh = PdfRenderer(root, renderer.config, cache_dir=renderer.cache_dir)
    assert fresh.act(act) == pdf and fresh.rendered == 0
    (root / PATH).write_text(edit(DECISION, "avenant n°1.", "avenant n°2."), "utf-8")
    changed = fresh.act(run_check(root, on=DAY).acts[0])
    assert fresh.rendered == 1 and changed.sha256 != pdf.sha256


def test_a_cached_pdf_is_not_hashed_again_unless_its_file_changed(rendered, monkeypatch):
    """A build knows the SHA-256 of the PDFs it did not render without reading them,
    but a cached PDF altered on disk (same size) is never published with its old hash."""
    pdf, renderer, root = rendered
    renderer.finish()
    act = run_check(root, on=DAY).acts[0]
    data = bytearray(pdf.cache.read_bytes())
    read: list[Path] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda path: read.append(path) or real(path))
    fresh = PdfRenderer(root, renderer.config, cache_dir=renderer.cache_dir)
    assert fresh.act(act) == pdf and fresh.rendered == 0
    assert read and pdf.cache not in read  # the act file was read, not its PDF
    data[len(data) // 2] ^= 0xFF
    pdf.cache.write_bytes(bytes(data))
    altered = PdfRenderer(root, renderer.config, cache_dir=renderer.cache_dir).act(act)
    assert altered.sha256 == hashlib.sha256(bytes(data)).hexdigest() != pdf.sha256


def test_a_configuration_change_renders_again(rendered, samples):
    pdf, renderer, root = rendered
    (root / "mkdocs.yml").write_text(samples.CONFIG.replace("Tribunal administratif de Lille",
                                                             "Tribunal administratif d'Amiens"), "utf-8")
    result = run_check(root, on=DAY)
    again = PdfRenderer(root, result.config, cache_dir=renderer.cache_dir)
    assert again.act(result.acts[0]).sha256 != pdf.sha256 and again.rendered == 1


def test_markdown_annexes_are_printed_and_other_annexes_attached(project, tmp_path):
    act = edit(DECISION, "statut: publie", "annexes:\n  - {fichier: annexes/plan.md, titre: Plan des travaux}\n"
                                           "  - {fichier: annexes/montants.csv, titre: Montants}\nstatut: publie")
    root = project({PATH: act, "acts/2026/annexes/plan.md": "# Plan\n\nRue de Lille, du n° 1 au n° 20.\n",
                    "acts/2026/annexes/montants.csv": "poste,montant\nmigration,1125\n"})
    result = run_check(root, on=DAY)
    assert result.errors == []
    pdf = PdfRenderer(root, result.config, cache_dir=tmp_path / "cache").act(result.acts[0])
    text = pdftext(pdf.cache)
    assert "Annexe 1 : Plan des travaux" in text and "Rue de Lille, du n° 1 au n° 20." in text
    assert "Montants (fichier « annexe-2.csv » joint à ce PDF)" in text
    listing = subprocess.run(["pdfdetach", "-list", str(pdf.cache)], check=True, capture_output=True, text=True).stdout
    assert "annexe-2.csv" in listing
    assert 'pdfaid:part="3"' in pdfinfo(pdf.cache, "-meta")


def test_the_pdf_fetches_nothing_outside_the_project(tmp_path):
    fetcher = local_fetcher_class()(tmp_path)
    with pytest.raises(ValueError, match="hors du dépôt"):
        fetcher.fetch("file:///etc/passwd")
    with pytest.raises(ValueError, match="disallowed protocol"):
        fetcher.fetch("https://example.org/logo.png")


@pytest.mark.parametrize("octets, label", [(850, "850 octets"), (32279, "32 Ko"), (1_349_000, "1,3 Mo")])
def test_size_label(octets, label):
    assert size_label(octets) == label


# -- the example site -------------------------------------------------------------

@pytest.fixture(scope="module")
def example(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("example-pdf"))
    build_copy(root)
    return root


def act_pages(site: Path) -> list[Path]:
    return sorted(p for p in (site / "actes").rglob("index.html") if "annexe" not in p.parent.name)


def test_every_example_act_page_links_its_pdfa_with_size_and_sha256(example):
    site = example / "site"
    register = json.loads((site / "donnees/registre-publication.json").read_text("utf-8"))
    registered = {a["pdf_url"]: a["versions"][-1]["pdf_sha256"] for a in register["actes"]}
    pages = act_pages(site)
    assert len(pages) == 10
    for page in pages:
        html = page.read_text("utf-8")
        link = re.search(r'<a href="([^"]+\.pdf)">Télécharger l\'acte en PDF \((\d+) Ko\)</a>', html)
        printed = re.search(r'Empreinte SHA-256 : <span class="acte-id acte-sha256">([0-9a-f]{64})</span>', html)
        assert link and printed, page
        pdf = (page.parent / link.group(1)).resolve()
        assert pdf.is_file(), pdf
        assert 'pdfaid:part="3"' in pdfinfo(pdf, "-meta") and 'pdfaid:conformance="B"' in pdfinfo(pdf, "-meta")
        assert sha256(pdf) == printed.group(1), page
        assert registered[pdf.relative_to(site).as_posix()] == printed.group(1), page
        assert int(link.group(2)) == round(pdf.stat().st_size / 1000)


def test_the_example_pdfs_match_the_committed_register(example):
    site = example / "site"
    for entry in load_register(example).entries.values():
        [pdf] = [p for p in site.joinpath("actes").rglob("*.pdf")
                 if p.stem.lower().endswith(entry.numero.lower()) and entry.type.replace("_", "-") in p.stem]
        assert sha256(pdf) == entry.current.pdf_sha256, entry.cle


def test_each_seance_has_its_list_as_pdf(example):
    site = example / "site"
    page = (site / "seances/somme-numerique/2025-09-29-bureau/index.html").read_text("utf-8")
    assert '<a href="../2025-09-29-bureau.pdf">Liste des délibérations en PDF (' in page
    pdf = site / "seances/somme-numerique/2025-09-29-bureau.pdf"
    assert sha256(pdf) in page
    text = pdftext(pdf)
    assert "Liste des délibérations" in text and "BUREAU DU LUNDI 29 SEPTEMBRE 2025 À 17 H 30" in text
    assert text.count("Adoptée à l'unanimité") == 6
    assert "Attribution du marché « Coffre-fort Agents »" in text
    assert 'pdfaid:part="3"' in pdfinfo(pdf, "-meta")


def test_each_year_has_its_registre_with_tables_by_date_and_by_matiere(example):
    site = example / "site"
    pdf = site / "registre/2025/registre-2025-somme-numerique.pdf"
    assert 'href="registre-2025-somme-numerique.pdf"' in (site / "registre/2025/index.html").read_text("utf-8")
    text = pdftext(pdf)
    assert "Registre des actes administratifs" in text and "Année 2025" in text
    table_by_date = text[text.index("Table par date"):text.index("Table par matière")]
    order = [table_by_date.index(f"B2025-0{n}") for n in range(1, 7)]
    assert order == sorted(order)
    assert "1.1 — Marchés publics" in text and "4.1 — Personnels titulaires et stagiaires de la F.P.T." in text
    # The page column of the tables gives the page where each act starts.
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                           text=True).stdout.split("\f")
    row = re.search(r"Attribution du marché « Coffre-fort Agents ».*?(\d+)\s*$", pages[1], re.M)
    assert row, pages[1][:500]
    assert "Délibération n° B2025-01" in pages[int(row.group(1)) - 1]
    assert int(pdfinfo(pdf).split("Pages:")[1].split()[0]) > 10


def test_two_builds_write_the_same_bytes(example, tmp_path, monkeypatch):
    monkeypatch.setenv("ACTES_PDF_CACHE", str(tmp_path / "cold-cache"))  # render every PDF again
    other = copy_project(tmp_path / "again")
    build_copy(other)
    first, second = example / "site", other / "site"
    # Pagefind's own files are compared by decoded content in the search tests: its
    # binary writes maps in a random order (Rust's HashMap), not ours to fix here.
    ours = [p.relative_to(first) for p in first.rglob("*") if p.is_file()
            and p.parts[len(first.parts)] != "pagefind"
            and (p.suffix in (".pdf", ".atom", ".json", ".csv", ".gz") or p.name == "sitemap.xml"
                 or p.parts[len(first.parts)] in ("widget", "donnees"))]
    assert len(ours) > 25
    different = [str(rel) for rel in ours if (first / rel).read_bytes() != (second / rel).read_bytes()]
    assert different == []


def test_an_unreadable_annex_is_a_french_error_not_a_traceback(project, tmp_path):
    from generator.pdf import PdfError
    from generator.publish import PublishError, publish

    act = edit(DECISION, "statut: publie", "annexes:\n  - annexes/plan.md\nstatut: publie")
    root = project({PATH: act, "acts/2026/annexes/plan.md": b"Rue de Lille \xe9t\xe9\n"})
    result = run_check(root, on=DAY)
    with pytest.raises(PdfError, match=f"^{PATH} : annexe illisible pour le PDF"):
        PdfRenderer(root, result.config, cache_dir=tmp_path / "cache").act(result.acts[0])
    # `actes check` already refuses it (validate.check_annexes), so publish stops there.
    with pytest.raises(PublishError, match="annexe « annexes/plan.md » : ligne 1 : texte non UTF-8 .*\n"
                                           "publication refusée : 1 erreur.* aucun fichier n'a été modifié"):
        publish(root, [root / PATH], DAY)


def test_pdfs_rendered_ahead_by_worker_processes_are_the_same(tmp_path, monkeypatch):
    """A first build of a large archive renders its PDFs in forked workers, one
    per processor: the same bytes as one after the other, and none twice."""
    from generator import pdf
    from generator.pdf import act_document
    from tests.sitebuild import EXAMPLE_DAY, REPO

    result = run_check(REPO, on=EXAMPLE_DAY)
    documents = [act_document(act, REPO, result.config) for act in result.acts[:pdf.PARALLEL_FROM]]
    serial = PdfRenderer(REPO, result.config, cache_dir=tmp_path / "serie")
    expected = [serial.render(document).sha256 for document in documents]
    ahead = PdfRenderer(REPO, result.config, cache_dir=tmp_path / "avance")
    contexts: list[str] = []
    from generator import forking

    get_context = forking.multiprocessing.get_context
    monkeypatch.setattr(forking.multiprocessing, "get_context", lambda method: contexts.append(method) or get_context(method))
    monkeypatch.setattr(forking.threading, "active_count", lambda: 1)  # whatever other tests left running
    ahead.prerender(documents)
    assert contexts == ["fork"] and ahead.rendered == len(documents)
    assert [ahead.render(document).sha256 for document in documents] == expected
    assert ahead.rendered == len(documents)  # found in the cache the second time
