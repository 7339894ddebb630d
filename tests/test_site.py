"""The rendered pages and the built site of the example acts."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import pytest

from generator.site import BuildError
from tests.golden import GOLDEN, golden_pages, render_example
from tests.sitebuild import EXAMPLE_DAY, build_copy, copy_project

EXAMPLE_ACT_PAGES = [
    "actes/2026/decision-2026-102/index.html",
    "actes/2026/decision-2026-92/index.html",
    "actes/2024/deliberation-dlb03_18122024/index.html",
    "actes/somme-numerique/2025/proces-verbal-pv-b2025-09-29/index.html",
    *[f"actes/somme-numerique/2025/deliberation-b2025-0{n}/index.html" for n in range(1, 7)],
]

DRAFT = """\
---
type: decision
numero: 2026-103
date: 2026-06-01
objet: Projet de décision qui ne doit pas être publié
nomenclature: "1.1"
collectivite: lens
autorite: Le Maire de la Ville de Lens,
signataire: {prenom: Pierre, nom: MAZURE, qualite: Adjoint au Maire}
lieu: Lens
statut: projet
---

## DÉCIDE

**Article 1** : Texte du projet.
"""

SCHEDULED = DRAFT.replace("2026-103", "2026-104").replace("statut: projet", "statut: publie\nmise_en_ligne: 2026-12-24") \
    .replace("Projet de décision qui ne doit pas être publié", "Décision dont la mise en ligne est programmée")


@pytest.fixture(scope="module")
def example_site(tmp_path_factory) -> Path:
    """The example project, plus one draft and one act scheduled for later."""
    root = copy_project(tmp_path_factory.mktemp("example"))
    (root / "acts/2026/decision-2026-103.md").write_text(DRAFT, "utf-8")
    (root / "acts/2026/decision-2026-104.md").write_text(SCHEDULED, "utf-8")
    build_copy(root)
    return root / "site"


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#39;", "'").replace("&amp;", "&")


# -- golden files -----------------------------------------------------------

def test_rendered_markdown_matches_golden_files(tmp_path):
    pages = golden_pages(render_example(tmp_path / "docs"))
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text("utf-8") for p in GOLDEN.rglob("*.md")}
    assert sorted(pages) == sorted(expected), "pages added or removed: run `make golden` and review the diff"
    for rel, text in pages.items():
        assert text == expected[rel], f"{rel} differs from tests/golden: run `make golden` and review the diff"


def test_pages_rendered_by_worker_processes_are_the_same(tmp_path, monkeypatch):
    """A cold build of a large archive renders in forked workers: same bytes, same order."""
    import generator.render as render

    serial = render_example(tmp_path / "serie")
    monkeypatch.setattr(render, "PARALLEL_FROM", 1)
    forked: list[str] = []
    from generator import forking

    get_context = forking.multiprocessing.get_context
    monkeypatch.setattr(forking.multiprocessing, "get_context", lambda method: forked.append(method) or get_context(method))
    monkeypatch.setattr(forking.threading, "active_count", lambda: 1)  # whatever other tests left running
    parallel = render_example(tmp_path / "parallele")
    files = sorted(p.relative_to(serial).as_posix() for p in serial.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(parallel).as_posix() for p in parallel.rglob("*") if p.is_file())
    assert len(files) > 30
    for rel in files:
        assert (serial / rel).read_bytes() == (parallel / rel).read_bytes(), rel
    assert forked == ["fork"]  # the pages were rendered by worker processes


# -- the built site ---------------------------------------------------------

def test_every_example_act_has_its_page(example_site):
    for page in EXAMPLE_ACT_PAGES:
        assert (example_site / page).is_file(), page


def test_indexes_exist(example_site):
    for page in ("index.html", "registre/index.html", "registre/2026/index.html", "registre/2024/index.html",
                 "matieres/index.html", "matieres/1/index.html", "matieres/1.1/index.html",
                 "types/index.html", "types/deliberation/index.html", "types/decision/2026/index.html",
                 "seances/index.html", "seances/somme-numerique/2025-09-29-bureau/index.html",
                 "collectivites/index.html", "accessibilite/index.html", "mentions-legales/index.html"):
        assert (example_site / page).is_file(), page


def test_no_draft_and_no_scheduled_act_is_published(example_site):
    assert not (example_site / "actes/2026/decision-2026-103").exists()
    assert not (example_site / "actes/2026/decision-2026-104").exists()
    everything = "".join(p.read_text("utf-8") for p in example_site.rglob("*.html"))
    assert "ne doit pas être publié" not in everything
    assert "programmée" not in everything
    assert "PROJET" not in everything


def test_scheduled_act_appears_once_its_day_has_come(tmp_path):
    root = copy_project(tmp_path / "p")
    (root / "acts/2026/decision-2026-104.md").write_text(SCHEDULED, "utf-8")
    build_copy(root, on=dt.date(2026, 12, 24))
    assert (root / "site/actes/2026/decision-2026-104/index.html").is_file()


def test_preview_shows_drafts_with_a_banner(tmp_path):
    root = copy_project(tmp_path / "p")
    (root / "acts/2026/decision-2026-103.md").write_text(DRAFT, "utf-8")
    build_copy(root, drafts=True)
    html = (root / "site/actes/2026/decision-2026-103/index.html").read_text("utf-8")
    assert "PROJET — non publié" in text_of(html)


class _Resources(HTMLParser):
    """Every URL the page makes the browser load by itself."""

    LOADING = {"script": "src", "img": "src", "iframe": "src", "audio": "src", "video": "src",
               "source": "src", "embed": "src", "object": "data", "input": "src"}

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.LOADING and attrs.get(self.LOADING[tag]):
            self.urls.append(attrs[self.LOADING[tag]])
        if tag == "link" and attrs.get("href") and set((attrs.get("rel") or "").split()) & {
                "stylesheet", "preload", "preconnect", "icon", "modulepreload", "dns-prefetch", "manifest"}:
            self.urls.append(attrs["href"])
        for value in attrs.values():
            for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", value or ""):
                self.urls.append(url)


def test_no_resource_is_loaded_from_another_host(example_site):
    offenders = []
    for page in example_site.rglob("*.html"):
        parser = _Resources()
        parser.feed(page.read_text("utf-8"))
        offenders += [(page.name, u) for u in parser.urls if urlparse(u).netloc or u.startswith("//")]
    for sheet in example_site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", sheet.read_text("utf-8", "replace")):
            if urlparse(url).netloc or url.startswith("//"):
                offenders.append((sheet.name, url))
    assert offenders == []


def test_decision_layout(example_site):
    page = text_of((example_site / "actes/2026/decision-2026-102/index.html").read_text("utf-8"))
    expected_in_order = [
        "VILLE DE LENS",
        "Décision n° 2026-102",
        "NOMENCLATURE : 1.1 — Marchés publics",
        "Décision relative à la signature de l'avenant n°1",
        "Le Maire de la Ville de LENS",
        "Vu la délibération en date du 22 mars 2026",
        "Considérant qu'un acte de cyber malveillance",
        "DÉCIDE",
        "Article 1",
        "Article 4",
        "Fait en l'Hôtel de Ville, le 22 mai 2026",
        "Pour le Maire,",
        "Pierre MAZURE",
        "Date de mise en ligne 23 novembre 2026",
        "Auteur Pierre MAZURE, L'adjoint au Maire",
        "Voies et délais de recours",
        "Tribunal administratif de Lille",
    ]
    position = 0
    for fragment in expected_in_order:
        found = page.find(fragment, position)
        assert found >= 0, f"« {fragment} » missing or out of order"
        position = found


def test_deliberation_layout(example_site):
    page = text_of((example_site / "actes/2024/deliberation-dlb03_18122024/index.html").read_text("utf-8"))
    for fragment in ("CONSEIL MUNICIPAL — SÉANCE DU 18 DÉCEMBRE 2024", "Délibération n° DLB03_18122024",
                     "NOMENCLATURE : 1.4 — Autres types de contrats", "Adoptée à l'unanimité",
                     "062-216204982-20241218-DLB03_18122024-DE", "reçue le 19 décembre 2024",
                     "Conseil municipal du 18 décembre 2024", "Secrétaire de séance Hervé LEFEBVRE",
                     "Convention de mutualisation des systèmes d'information", "Date de mise en ligne 19 décembre 2024"):
        assert fragment in page, fragment


def test_seance_lists_deliberations_with_outcome_and_pv(example_site):
    page = text_of((example_site / "seances/somme-numerique/2025-09-29-bureau/index.html").read_text("utf-8"))
    assert "Procès-verbal n° PV-B2025-09-29" in page
    assert page.count("Adoptée à l'unanimité") == 6
    assert "Coffre-fort Agents" in page


def test_matiere_index_groups_level_one_then_two(example_site):
    page = text_of((example_site / "matieres/index.html").read_text("utf-8"))
    assert re.search(r"1\. Commande publique .*1\.1 — Marchés publics : 5 actes", page)
    assert "1.4 — Autres types de contrats : 1 acte" in page


def test_index_pages_are_paginated():
    from generator.render import paginate

    assert [len(chunk) for chunk in paginate(list(range(450)), 200)] == [200, 200, 50]
    assert paginate([]) == [[]]


def test_a_new_latest_act_changes_only_the_first_and_last_pages_of_a_list(project, samples):
    """An archive grows at its end: the pages of a list between the first (which
    gives the count) and the last must not change when an act is added after the
    others (each changed page is HTML to make again)."""
    from generator.check import run_check
    from generator.render import PAGE_SIZE, render_site

    def decision(n: int) -> str:
        day = dt.date(2026, 1, 1) + dt.timedelta(days=n // 3)
        text = samples.edit(samples.DECISION, "numero: 2026-1\n", f"numero: 2026-{n}\n")
        return samples.edit(text, "date: 2026-05-22", f"date: {day.isoformat()}")

    count = 2 * PAGE_SIZE + 10
    root = project({f"acts/2026/decision-2026-{n}.md": decision(n) for n in range(1, count + 1)})

    def pages(out: Path) -> dict[str, str]:
        result = run_check(root, on=dt.date(2026, 12, 31))
        assert not result.errors, result.errors[:3]
        render_site(result, root, out, dt.date(2026, 12, 31))
        return {p.relative_to(out).as_posix(): p.read_text("utf-8") for p in out.rglob("*.md")}

    before = pages(root / "avant")
    (root / f"acts/2026/decision-2026-{count + 1}.md").write_text(decision(count + 1), "utf-8")
    after = pages(root / "apres")
    for folder in ("registre/2026", "types/decision/2026"):
        assert {f"{folder}/index.md", f"{folder}/page-2.md", f"{folder}/page-3.md"} <= set(after)
        changed = sorted(p for p in after if p.startswith(folder + "/") and after[p] != before.get(p))
        assert changed == [f"{folder}/index.md", f"{folder}/page-3.md"], folder
        assert f"{count + 1} actes" in after[f"{folder}/index.md"]
        assert f"{count} actes" in before[f"{folder}/index.md"]


def test_build_refuses_acts_with_errors_and_keeps_previous_site(tmp_path):
    root = copy_project(tmp_path / "p")
    build_copy(root)
    before = (root / "site/index.html").read_text("utf-8")
    broken = root / "acts/2026/decision-2026-92.md"
    broken.write_text(broken.read_text("utf-8").replace("date: 2026-05-11", "date: 2026-02-30"), "utf-8")
    # Two errors: the impossible date, and the published act no longer matching the publication register.
    with pytest.raises(BuildError, match="construction refusée : 2 erreur"):
        build_copy(root)
    assert (root / "site/index.html").read_text("utf-8") == before
    assert not list(root.glob(".site-build-*"))


def test_build_never_writes_into_acts(tmp_path):
    root = copy_project(tmp_path / "p")
    before = {p: p.read_bytes() for p in (root / "acts").rglob("*") if p.is_file()}
    build_copy(root)
    after = {p: p.read_bytes() for p in (root / "acts").rglob("*") if p.is_file()}
    assert before == after


def test_unchanged_build_rewrites_no_page(tmp_path):
    from generator.check import run_check
    from generator.render import render_site

    root = copy_project(tmp_path / "p")
    result = run_check(root, on=EXAMPLE_DAY)
    first = render_site(result, root, root / "docs", EXAMPLE_DAY)
    second = render_site(result, root, root / "docs", EXAMPLE_DAY)
    assert first.written and second.written == [] and second.unchanged == len(first.written)


def test_hostile_markup_in_an_act_is_not_active(tmp_path):
    root = copy_project(tmp_path / "p", with_acts=False)
    (root / "acts/2026").mkdir(parents=True)
    hostile = DRAFT.replace("statut: projet", "statut: publie\nmise_en_ligne: 2026-06-02").replace(
        "objet: Projet de décision qui ne doit pas être publié",
        'objet: "<script>alert(1)</script> Objet <img src=x onerror=alert(2)>"').replace(
        "**Article 1** : Texte du projet.",
        "**Article 1** : <script>alert(3)</script> [lien](javascript:alert(4)) "
        "<iframe src=https://evil.example></iframe> ![img](https://tracker.example/p.gif) 1<sup>er</sup>")
    (root / "acts/2026/decision-2026-103.md").write_text(hostile, "utf-8")
    build_copy(root)
    html = (root / "site/actes/2026/decision-2026-103/index.html").read_text("utf-8")
    article = html[html.index('<article class="acte"'):]
    assert "<script>alert" not in article
    assert "<iframe" not in article and "onerror=" not in article.replace("onerror=alert(2)&gt;", "")
    assert "javascript:" not in article
    assert "tracker.example" not in article
    assert "<sup>er</sup>" in article
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article


def test_collectivite_colour_must_keep_header_text_readable(tmp_path):
    from generator.config import load_config

    root = copy_project(tmp_path / "p")
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8")
    line = text.splitlines().index('      couleur: "#c8102e"') + 1
    config.write_text(text.replace('couleur: "#c8102e"', 'couleur: "#ffcc00"'), "utf-8")
    _, problems = load_config(config)
    assert [str(p) for p in problems] == [
        f"mkdocs.yml:{line}: extra.collectivites.lens.couleur — couleur « #ffcc00 » trop claire : le texte "
        "blanc de l'en-tête n'y est pas lisible (contraste 1.5:1, 4.5:1 au moins)"]


def test_site_uses_the_collectivite_colour(example_site):
    assert "--actes-couleur: #c8102e" in (example_site / "assets/couleurs.css").read_text("utf-8")


def test_legal_and_accessibility_pages_are_filled_from_the_configuration(tmp_path):
    from generator.check import run_check
    from generator.render import render_site

    root = copy_project(tmp_path / "p")
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8")
    for old, new in (("directeur: Sylvain ROBERT, Maire de Lens", "directeur: Jeanne MARTIN, Maire de Lens"),
                     ("nom: Hébergeur du site (à compléter)", "nom: Hébergeur Exemple SAS"),
                     ("adresse: Adresse de l'hébergeur (à compléter)", "adresse: 1 rue du Serveur, 59000 Lille"),
                     ("accessibilite: partiellement conforme", "accessibilite: non conforme")):
        assert old in text, old
        text = text.replace(old, new)
    config.write_text(text, "utf-8")
    result = run_check(root, on=EXAMPLE_DAY)
    render_site(result, root, root / "docs", EXAMPLE_DAY)
    mentions = text_of((root / "docs/mentions-legales.md").read_text("utf-8"))
    assert "Jeanne MARTIN, Maire de Lens" in mentions
    assert "Hébergeur Exemple SAS, 1 rue du Serveur, 59000 Lille" in mentions
    assert "Sylvain ROBERT" not in mentions and "à compléter" not in mentions
    accessibility = text_of((root / "docs/accessibilite.md").read_text("utf-8"))
    assert "Ce site est **non conforme**" in accessibility


def test_long_indexes_are_split_into_linked_pages(tmp_path, monkeypatch):
    """With three rows a page, the 7 acts of 2025 take three pages of the registre,
    each linked to the others, every act on exactly one of them."""
    import generator.render as render
    from generator.check import run_check

    paginate = render.paginate
    monkeypatch.setattr(render, "paginate", lambda rows, size=3: paginate(rows, 3))
    root = copy_project(tmp_path / "p")
    result = run_check(root, on=EXAMPLE_DAY)
    render.render_site(result, root, root / "docs", EXAMPLE_DAY)
    folder = root / "docs/registre/2025"
    assert sorted(p.name for p in folder.glob("*.md")) == ["index.md", "page-2.md", "page-3.md"]
    listed = []
    for number, name in enumerate(["index.md", "page-2.md", "page-3.md"], start=1):
        page = (folder / name).read_text("utf-8")
        rows = re.findall(r"\| \[(?:Délibération|Procès-verbal) n° ([^\]]+)\]", page)
        assert 1 <= len(rows) <= 3, name
        listed += rows
        assert f"Page {number} sur 3" in text_of(page), name
        for other in {"index.md", "page-2.md", "page-3.md"} - {name}:
            assert f"({other})" in page, (name, other)
    assert sorted(listed) == sorted(["B2025-01", "B2025-02", "B2025-03", "B2025-04", "B2025-05", "B2025-06",
                                     "PV-B2025-09-29"])
    assert (root / "docs/matieres/1.1/page-2.md").is_file()  # 5 acts of 1.1
