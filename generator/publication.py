"""The publication stage of `actes build`: the files the legal publication adds to
the site, made before the pages so that pages can link them with size and SHA-256.

    acts ──────────▶ one PDF/A each, checked against the publication register
    séances ───────▶ the liste des délibérations as PDF (L2121-25)
    years ─────────▶ the registre of each collectivité as PDF (R2121-9)
    all of them ───▶ register JSON, actes.json / CSV, SCDL CSV, Atom feeds, widget (feeds.py)

Everything is written under build/cache/ and handed to the render stage as extra
files of the docs folder: MkDocs copies them into the site and resolves the pages'
links to them. Templates reach them through the `publication` object. After MkDocs,
`sitemap_stage` replaces MkDocs' sitemap (whose dates are the build's clock).

A published act's PDF must be the one registered: if the PDF made now differs while
the act's text has not changed (check guarantees that), the layout changed — new
template, stylesheet, configuration or library — and the build stops, asking to
look at the new PDFs and record them with `actes publish --rendu`.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .check import CheckResult
from .config import Collectivite
from .model import Act
from .pdf import PdfFile, PdfRenderer, act_document, registre_document, seance_document
from .register import REGISTER_FILE, Entry, Register, Version, load_register, short

DATA_DIR = "build/cache/site-files"


@dataclass(frozen=True)
class SiteFile:
    """A file of the site made by this stage: where it goes, what it weighs, its hash."""

    path: str  # docs path: "actes/2026/decision-2026-102.pdf"
    source: Path  # where it was written (cache)
    sha256: str
    octets: int

    @property
    def taille(self) -> str:
        from .pdf import size_label

        return size_label(self.octets)

    @classmethod
    def of(cls, path: str, pdf: PdfFile) -> "SiteFile":
        return cls(path, pdf.cache, pdf.sha256, pdf.octets)


@dataclass(frozen=True)
class DataFile:
    path: str
    titre: str
    format: str
    description: str


@dataclass
class Publication:
    """What the templates ask about the published files: the `publication` global."""

    acts: dict[int, SiteFile] = field(default_factory=dict)          # id(act) -> PDF
    entries: dict[int, Entry] = field(default_factory=dict)          # id(act) -> register entry
    seances: dict[str, SiteFile] = field(default_factory=dict)       # séance page path -> PDF
    registres: dict[int, list[tuple[str, SiteFile]]] = field(default_factory=dict)  # year -> [(nom, PDF)]
    data: list[DataFile] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)                   # files left out, and why
    files: dict[str, Path] = field(default_factory=dict)             # docs path -> file, for render
    register: Register | None = None

    def pdf(self, act: Act) -> SiteFile | None:
        return self.acts.get(id(act))

    def rectifications(self, act: Act) -> list[Version]:
        entry = self.entries.get(id(act))
        return [v for v in entry.versions if v.evenement == "rectification"] if entry else []

    def seance_pdf(self, page_path: str) -> SiteFile | None:
        return self.seances.get(page_path)

    def registre(self, year: int) -> list[tuple[str, SiteFile]]:
        return self.registres.get(year, [])

    def add(self, site_file: SiteFile) -> SiteFile:
        self.files[site_file.path] = site_file.source
        return site_file


def pdf_path(page_path: str) -> str:
    """"actes/2026/decision-2026-102.md" -> "actes/2026/decision-2026-102.pdf"."""
    return page_path[: -len(".md")] + ".pdf"


def prepare(result: CheckResult, root: Path, today: dt.date) -> Publication:
    from .feeds import data_files
    from .render import PageSet, select_acts

    acts = select_acts(result, today, drafts=False)
    pages = PageSet(result, acts, today, False, root)
    renderer = PdfRenderer(root, result.config)
    publication = Publication(register=load_register(root))
    documents = dict(act_documents(acts, renderer))
    renderer.prerender(list(documents.values()))
    mismatches = act_pdfs(publication, pages, acts, renderer, documents)
    if mismatches:
        raise_mismatch(mismatches)
    seance_pdfs(publication, pages, renderer, root)
    registre_pdfs(publication, acts, renderer, root, today)
    data_files(publication, result, acts, root, today)
    renderer.finish()
    total = len(publication.acts) + len(publication.seances) + sum(map(len, publication.registres.values()))
    publication.notes.insert(0, f"PDF : {total} ({renderer.rendered} produits, {total - renderer.rendered} "
                                "repris du cache build/cache/pdf)")
    return publication


def act_documents(acts: list[Act], renderer: PdfRenderer):
    """(id of the act, its PDF document), made once for rendering ahead in parallel
    and then in order; an act whose document cannot be made (unreadable annex) is
    left to act_pdfs, which says so."""
    for act in acts:
        try:
            yield id(act), act_document(act, renderer.root, renderer.config)
        except (OSError, UnicodeDecodeError):
            continue


def act_pdfs(publication: Publication, pages, acts: list[Act], renderer: PdfRenderer,
             documents: dict[int, object] | None = None) -> list[str]:
    mismatches = []
    documents = documents or {}
    for act in acts:
        document = documents.get(id(act))
        pdf = renderer.render(document) if document is not None else renderer.act(act)
        site_file = publication.add(SiteFile.of(pdf_path(pages.site.act_path(act)), pdf))
        publication.acts[id(act)] = site_file
        entry = publication.register.get(act) if publication.register else None
        if entry is None:
            continue
        publication.entries[id(act)] = entry
        if pdf.sha256 != entry.current.pdf_sha256:
            mismatches.append(f"  {act.path} : PDF enregistré {short(entry.current.pdf_sha256)}, "
                              f"produit {short(pdf.sha256)} ({pdf.cache})")
    return mismatches


def raise_mismatch(mismatches: list[str]) -> None:
    from .site import BuildError

    listing = "\n".join(mismatches)
    raise BuildError(
        f"le PDF de {len(mismatches)} acte(s) publié(s) ne correspond plus au registre de publication "
        f"({REGISTER_FILE}), alors que leur texte est inchangé :\n{listing}\n"
        "Le rendu a changé (modèle site_templates/pdf/, feuille de style, configuration de la collectivité ou "
        "version de WeasyPrint et des polices). Relire les nouveaux PDF, puis enregistrer ce nouveau rendu, qui "
        "conserve les empreintes précédentes : actes publish --rendu acts/")


def seance_pdfs(publication: Publication, pages, renderer: PdfRenderer, root: Path) -> None:
    for page in pages.seances():
        if page.template != "seance.md.j2":
            continue
        pdf = renderer.render(seance_document(page.context, pages.config, root))
        publication.seances[page.path] = publication.add(SiteFile.of(pdf_path(page.path), pdf))


def registre_pdfs(publication: Publication, acts: list[Act], renderer: PdfRenderer, root: Path,
                  today: dt.date) -> None:
    """One registre per collectivité and ended year (R2121-9: bound at the end of
    the year). The current year has none yet: its PDF would be made again, all of
    it, at each publication (thousands of pages for a large collectivité)."""
    groups: dict[tuple[int, str], list[Act]] = defaultdict(list)
    for act in acts:
        if act.year < today.year:
            groups[(act.year, act.meta.collectivite or "")].append(act)
    config = renderer.config
    for (year, key), group in sorted(groups.items()):
        coll: Collectivite | None = config.collectivites.get(key)
        pdf = renderer.render(registre_document(year, key, coll, group, root, config))
        path = f"registre/{year}/registre-{year}-{key or 'actes'}.pdf"
        publication.registres.setdefault(year, []).append((coll.nom if coll else key, publication.add(SiteFile.of(path, pdf))))


def write_data(root: Path, path: str, content: bytes) -> Path:
    """A generated data file, kept under build/cache/ until render copies it."""
    target = root / DATA_DIR / path
    target.parent.mkdir(parents=True, exist_ok=True)
    if not (target.is_file() and target.read_bytes() == content):
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_bytes(content)
        os.replace(tmp, target)
    return target


# ---------------------------------------------------------------------------
# Stages of generator/site.py


def publication_stage(result: CheckResult, ctx) -> None:
    """PRE stage: PDFs and data files; the preview of drafts has none."""
    from .pdf import PdfError
    from .register import RegisterError
    from .site import BuildError

    if ctx.drafts:
        return
    try:
        publication = prepare(result, ctx.root, ctx.today)
    except PdfError as exc:
        raise BuildError(str(exc)) from exc
    except RegisterError as exc:  # check reported it already; stay clear anyway
        raise BuildError(f"{REGISTER_FILE}:{exc.line}: {exc}") from exc
    ctx.extra_files.update(publication.files)
    ctx.template_globals["publication"] = publication
    ctx.notes += publication.notes


def sitemap_stage(result: CheckResult, site_dir: Path, ctx) -> None:
    """POST stage: sitemap.xml (and .gz) from the acts' dates, never the clock."""
    from .feeds import write_sitemap

    write_sitemap(result, site_dir, ctx)
