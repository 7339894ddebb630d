"""Shared fixtures: a project tree built from a dict of files, and sample acts.

Every fixture is generic (no assumption on which stage is tested), so tests of
the site can use them too:

    def test_something(project):
        root = project({"acts/2026/decision-2026-1.md": DECISION})

`project` writes `mkdocs.yml` (a site with two collectivités, "lens" and
"somme-numerique") unless the files give their own, then the files (str or
bytes), and returns the root. `samples` holds one valid act of each type; all
four checked together give no problem at all (see test_samples_are_clean).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest

TODAY = dt.date(2026, 6, 15)

CONFIG = """\
site_name: Actes de test
site_url: https://actes.example.org/
extra:
  collectivites:
    lens:
      nom: Ville de Lens
      nature: commune
      siren: "216204982"
      departement: "062"
      tribunal_administratif:
        nom: Tribunal administratif de Lille
      lieu: Lens
    somme-numerique:
      nom: Syndicat mixte Somme Numérique
      nature: syndicat_mixte
      departement: "080"
  publication:
    directeur: Sylvain ROBERT, Maire de Lens
    hebergeur:
      nom: Hébergeur de test
"""

# Line numbers matter: tests name them. Keep each sample's layout as it is.
DECISION = """\
---
type: decision
numero: 2026-1
date: 2026-05-22
objet: Décision relative à la signature de l'avenant n°1 au contrat de maintenance
nomenclature: "1.1"
collectivite: lens
autorite: Le Maire de la Ville de Lens,
signataire:
  prenom: Pierre
  nom: MAZURE
  qualite: L'adjoint au Maire
lieu: Lens
statut: publie
mise_en_ligne: 2026-05-26
---

Vu le code de la commande publique,

Considérant qu'il y a lieu de conclure un avenant au contrat initial,

## DÉCIDE

**Article 1** : D'autoriser la signature de l'avenant n°1.

**Article 2** : Les crédits nécessaires sont inscrits au budget de l'exercice 2026.
"""

ARRETE = """\
---
type: arrete
numero: A2026-1
date: 2026-04-02
objet: Arrêté portant réglementation temporaire de la circulation rue de Lille
nomenclature: "6.1"
collectivite: lens
autorite: Le Maire de la Ville de Lens,
signataire:
  prenom: Sylvain
  nom: ROBERT
  qualite: Maire
lieu: Lens
statut: publie
mise_en_ligne: 2026-04-03
---

Vu le code général des collectivités territoriales, et notamment l'article L2213-1,

## ARRÊTE

## Article 1 - Objet

La circulation est interdite rue de Lille le 10 avril 2026.

## Article 2 - Exécution

Le directeur général des services est chargé de l'exécution du présent arrêté.
"""

DELIBERATION = """\
---
type: deliberation
numero: 2026-1
date: 2026-03-22
objet: Délégations du conseil municipal au maire (article L2122-22 du CGCT)
nomenclature: "5.4"
collectivite: lens
signataire:
  prenom: Sylvain
  nom: ROBERT
  qualite: Maire
seance:
  date: 2026-03-22
  organe: Conseil municipal
vote:
  effectif: 39
  votants: 35
  pour: 30
  contre: 3
  abstention: 2
statut: publie
mise_en_ligne: 2026-03-25
---

Vu le code général des collectivités territoriales, et notamment l'article L2122-22,

Après en avoir délibéré, le conseil municipal DÉCIDE :

**Article 1** : De donner délégation au maire pour la durée de son mandat.
"""

PROCES_VERBAL = """\
---
type: proces_verbal
numero: PV2026-1
date: 2026-03-22
objet: Procès-verbal de la séance du conseil municipal du 22 mars 2026
collectivite: lens
signataire:
  prenom: Sylvain
  nom: ROBERT
  qualite: Maire
seance:
  date: 2026-03-22
  heure: 18:00
  organe: Conseil municipal
  president: Sylvain ROBERT
  secretaire: Jeanne MARTIN
  presents: [Sylvain ROBERT, Jeanne MARTIN, Paul DURAND]
  quorum:
    atteint: true
    en_exercice: 39
    presents: 30
deliberations:
  - délibération 2026-1
statut: publie
mise_en_ligne: 2026-03-30
---

La séance est ouverte à 18 heures sous la présidence de M. Sylvain ROBERT, Maire.
"""

SAMPLE_FILES = {
    "acts/2026/decision-2026-1.md": DECISION,
    "acts/2026/arrete-A2026-1.md": ARRETE,
    "acts/2026/deliberation-2026-1.md": DELIBERATION,
    "acts/2026/proces-verbal-PV2026-1.md": PROCES_VERBAL,
}


def edit(text: str, old: str, new: str, count: int = 1) -> str:
    """`text` with `old` replaced by `new`; fails loudly when `old` is not there,
    so a test never checks an act it did not mean to write."""
    assert text.count(old) >= count, f"{old!r} absent du texte à modifier"
    return text.replace(old, new, count)


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, "utf-8")
    return root


@pytest.fixture
def project(tmp_path: Path):
    """project(files, config=CONFIG) -> root: a tree with mkdocs.yml and `files`.
    `config=None` writes no mkdocs.yml; "mkdocs.yml" in `files` overrides it.
    Each call makes a new tree: "projet", then "projet-2", …"""
    made: list[Path] = []

    def make(files: dict[str, str | bytes] | None = None, config: str | None = CONFIG) -> Path:
        root = tmp_path / ("projet" if not made else f"projet-{len(made) + 1}")
        made.append(root)
        root.mkdir()
        (root / "acts").mkdir()
        if config is not None:
            (root / "mkdocs.yml").write_text(config, "utf-8")
        return write_tree(root, files or {})

    return make


@pytest.fixture(scope="session")
def samples() -> SimpleNamespace:
    return SimpleNamespace(
        CONFIG=CONFIG,
        DECISION=DECISION,
        ARRETE=ARRETE,
        DELIBERATION=DELIBERATION,
        PROCES_VERBAL=PROCES_VERBAL,
        FILES=dict(SAMPLE_FILES),
        TODAY=TODAY,
        edit=edit,
    )


@pytest.fixture
def check(project):
    """check(files, config=CONFIG, on=TODAY, paths=None) -> CheckResult of `run_check`
    on a fresh project; `paths` are relative to the project root."""
    from generator.check import run_check

    def run(files: dict[str, str | bytes], config: str | None = CONFIG, on: dt.date = TODAY,
            paths: list[str] | None = None):
        root = project(files, config)
        return run_check(root, [root / p for p in paths] if paths else None, on=on)

    return run


@pytest.fixture
def problems(check):
    """problems(files, ...) -> the problems of `check`, as printed by `actes check`."""

    def run(*args, **kwargs) -> list[str]:
        return [str(p) for p in check(*args, **kwargs).problems]

    return run


@pytest.fixture(autouse=True, scope="session")
def shared_pdf_cache(tmp_path_factory):
    """Builds of the example site render the same PDFs: one cache (keyed by content
    hash, so sharing is safe) for the whole session instead of one per copy."""
    patch = pytest.MonkeyPatch()
    patch.setenv("ACTES_PDF_CACHE", str(tmp_path_factory.mktemp("pdf-cache")))
    yield
    patch.undo()
