"""PDF/A-3b documents with WeasyPrint: each published act, each séance's liste des
délibérations (L2121-25), and each year's registre (R2121-9), cached by content hash.

Why a dedicated print template (site_templates/pdf/) rather than the built page:
the PDF of an act is its legal, non-modifiable version (R2131-1), registered with its
SHA-256 when it is published (see register.py). It must depend on the act alone. The
built page also shows the site's navigation and the links *to* the act from later
acts ("modifié par", "cité par"…), which change whenever another act is published;
a PDF made from it would change too and no longer match the register. The print
template shows the same content as the page (same body parts through the same
Markdown extensions, same CSS classes and wording as acte.md.j2) with the same
stylesheet, theme/assets/actes.css, whose `@media print` rules apply because
WeasyPrint renders for the print medium; site_templates/pdf/pdf.css adds what only
paper needs (running header, page numbers).

Reproducible: every date in a PDF comes from the acts (dcterms.created/modified),
WeasyPrint derives the file identifier from the content, and attachments get the
act's dates. Two renders of the same input are byte-identical.

Cache: build/cache/pdf/<key>.pdf, where the key is a hash of everything a document
is made from (act files, configuration, templates, stylesheets, library versions),
computed without rendering, so an unchanged act is never rendered again.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import jinja2
import markdown
from markupsafe import Markup

from . import sanitize
from .forking import fork_map, workers_for
from .config import Collectivite, SiteConfig
from .frenchtext import date_fr, fait_a, plural
from .identifiers import nomenclature_labels
from .model import Act
from .rules import RULES

PACKAGE = Path(__file__).resolve().parent
TEMPLATES = PACKAGE.parent / "site_templates"
STYLESHEETS = (PACKAGE.parent / "theme/assets/actes.css", TEMPLATES / "pdf/pdf.css")
CACHE_DIR = "build/cache/pdf"
PDF_VARIANT = "pdf/a-3b"
# Bump when the way PDFs are made changes in a way the hashed files do not show.
RENDER_VERSION = "1"
# What a document's look depends on besides its own inputs: hashed into every key.
ENVIRONMENT_FILES = ("pdf.py", "body.py", "sanitize.py", "frenchtext.py", "data/nomenclature.json")
# The Markdown extensions of mkdocs.yml that act bodies use (toc only adds anchors).
MARKDOWN_EXTENSIONS = ("attr_list", "md_in_html", "def_list", "tables")


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def size_label(octets: int) -> str:
    """French size for a download link: "850 octets", "24 Ko", "1,3 Mo"."""
    if octets < 1000:
        return f"{octets} octets"
    if octets < 1_000_000:
        return f"{round(octets / 1000)} Ko"
    return f"{octets / 1_000_000:.1f} Mo".replace(".", ",")


@dataclass(frozen=True)
class PdfFile:
    """A rendered PDF, kept in the cache folder until it is copied into the site."""

    cache: Path
    sha256: str
    octets: int

    @property
    def taille(self) -> str:
        return size_label(self.octets)


@dataclass
class Document:
    """What one PDF is made from: a template, its context, and the key material that
    identifies it (everything the template reads, as hashes or plain values).

    The context is made on first use (make_context): a build asks the key of every
    document, and renders only those missing from the cache."""

    template: str
    make_context: Callable[[], dict]
    key_material: dict
    base_url: str
    attachments: list[tuple[Path, str, dt.date]] = field(default_factory=list)  # file, name, date
    label: str = "document"  # named in error messages: the act's file, the séance, the registre

    @functools.cached_property
    def context(self) -> dict:
        return self.make_context()


class PdfError(Exception):
    """A PDF that could not be made; the message is French."""


def as_datetime(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


class PdfRenderer:
    """Turns documents into PDF/A-3b bytes, through the cache."""

    def __init__(self, root: Path, config: SiteConfig, cache_dir: Path | None = None):
        self.root = root.resolve()
        self.config = config
        # ACTES_PDF_CACHE shares one cache between projects (tests, CI): keys are content hashes.
        shared = os.environ.get("ACTES_PDF_CACHE")
        self.cache_dir = cache_dir or (Path(shared) if shared else self.root / CACHE_DIR)
        self.env = make_environment()
        self.rendered = 0  # documents actually rendered (the others came from the cache)
        self._stylesheets = None
        self._environment_digest = environment_digest()
        self._keys: dict[int, tuple[Document, str]] = {}
        self.sums = PdfSums(self.cache_dir)

    # -- documents ---------------------------------------------------------
    def act(self, act: Act) -> PdfFile:
        try:
            document = act_document(act, self.root, self.config)
        except (OSError, UnicodeDecodeError) as exc:
            raise PdfError(f"{act.path} : annexe illisible pour le PDF ({exc})") from exc
        return self.render(document)

    def prerender(self, documents: list[Document]) -> None:
        """Renders the documents missing from the cache in forked worker processes,
        one per processor (WeasyPrint takes one to three seconds a document: a
        first build of a large archive takes hours). `render` then finds them in
        the cache. A document that fails is left to `render`, which reports it in
        the order of the acts."""
        missing = [d for d in documents if not self.is_cached(d)]
        if workers_for(len(missing), PARALLEL_FROM) > 1:
            self.rendered += sum(fork_map(self._render_quietly, missing, at_least=PARALLEL_FROM))

    def _render_quietly(self, document: Document) -> int:
        """1 when rendered; a failure is left to `render`, which reports it in order."""
        try:
            self.render(document)
        except Exception:  # noqa: BLE001
            return 0
        return 1

    def cached(self, key: str) -> Path:
        return self.cache_dir / key[:2] / f"{key}.pdf"

    def is_cached(self, document: Document) -> bool:
        key = self.key(document)
        path = self.cached(key)
        return self.sums.get(key, path) is not None or path.is_file()

    def finish(self) -> None:
        """Keeps the hashes of the PDFs this build asked for, for the next build."""
        self.sums.keep_only({key for _, key in self._keys.values()})
        self.sums.save()

    def render(self, document: Document) -> PdfFile:
        key = self.key(document)
        cached = self.cached(key)
        known = self.sums.get(key, cached)
        if known is not None:
            return PdfFile(cached, *known)
        if cached.is_file():
            data = cached.read_bytes()
        else:
            data = self.write_pdf(document)
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_name(f".{cached.name}.{os.getpid()}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, cached)
        pdf = PdfFile(cached, sha256_bytes(data), len(data))
        self.sums.put(key, cached, pdf.sha256)
        return pdf

    def key(self, document: Document) -> str:
        known = self._keys.get(id(document))
        if known is not None and known[0] is document:
            return known[1]
        material = json.dumps(document.key_material, sort_keys=True, ensure_ascii=False, default=str)
        key = sha256_bytes(f"{self._environment_digest}\0{document.template}\0{material}".encode())
        self._keys[id(document)] = (document, key)  # asked again by render after prerender
        return key

    def html(self, document: Document) -> str:
        try:
            context = document.context
        except (OSError, UnicodeDecodeError) as exc:  # an annex printed in the PDF
            raise PdfError(f"{document.label} : annexe illisible pour le PDF ({exc})") from exc
        return self.env.get_template(document.template).render(context)

    def write_pdf(self, document: Document) -> bytes:
        try:
            return self._write_pdf(document)
        except (OSError, ValueError, LookupError, TypeError, AttributeError, jinja2.TemplateError) as exc:
            raise PdfError(f"{document.label} : PDF impossible à produire ({type(exc).__name__} : {exc})") from exc

    def _write_pdf(self, document: Document) -> bytes:
        from weasyprint import HTML, Attachment

        # WeasyPrint warns about CSS it ignores (screen-only rules of actes.css): not our readers' concern.
        logging.getLogger("weasyprint").setLevel(logging.ERROR)

        html = HTML(string=self.html(document), base_url=document.base_url,
                    url_fetcher=local_fetcher_class()(self.root), media_type="print")
        attachments = [Attachment(filename=str(path), name=name, relationship="Supplement",
                                  created=as_datetime(day), modified=as_datetime(day),
                                  url_fetcher=local_fetcher_class()(self.root))
                       for path, name, day in document.attachments]
        self.rendered += 1
        return html.write_pdf(stylesheets=self.stylesheets(), pdf_variant=PDF_VARIANT, pdf_tags=True,
                              attachments=attachments)

    def stylesheets(self) -> list:
        if self._stylesheets is None:
            from weasyprint import CSS

            self._stylesheets = [CSS(filename=str(path)) for path in STYLESHEETS]
        return self._stylesheets


PARALLEL_FROM = 4  # documents to render before it pays to start worker processes
SUMS_FILE = "empreintes.json"


class PdfSums:
    """The SHA-256 of each cached PDF, so that a build does not read and hash again
    the thousands of PDFs it did not render (cache_dir/empreintes.json).

    An entry is trusted only while its file has the same size, modification time
    and inode as when it was hashed; otherwise the file is read and hashed again.
    The file is rewritten whole (atomic replace); builds sharing a cache folder may
    lose each other's entries, never get a wrong one."""

    def __init__(self, cache_dir: Path):
        self.file = cache_dir / SUMS_FILE
        self.entries: dict[str, list] = {}
        self.changed = False
        try:
            stored = json.loads(self.file.read_text("utf-8"))
            if isinstance(stored, dict) and stored.get("format") == 1:
                self.entries = stored["pdf"]
        except (OSError, ValueError, KeyError, TypeError):
            pass

    @staticmethod
    def _stamp(path: Path) -> list[int] | None:
        try:
            st = os.stat(path)
        except OSError:
            return None
        return [st.st_size, st.st_mtime_ns, st.st_ino]

    def get(self, key: str, path: Path) -> tuple[str, int] | None:
        entry = self.entries.get(key)
        if not entry:
            return None
        stamp = self._stamp(path)
        if stamp is None or entry[1:] != stamp:
            return None
        return entry[0], stamp[0]

    def put(self, key: str, path: Path, sha256: str) -> None:
        stamp = self._stamp(path)
        if stamp is not None:
            self.entries[key] = [sha256, *stamp]
            self.changed = True

    def keep_only(self, keys: set[str]) -> None:
        """Forgets the PDFs this build did not ask for (their files may go)."""
        if len(keys) < len(self.entries):
            self.entries = {k: v for k, v in self.entries.items() if k in keys}
            self.changed = True

    def save(self) -> None:
        if not self.changed:
            return
        self.file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.file.with_name(f".{self.file.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"format": 1, "pdf": self.entries}, separators=(",", ":")), "utf-8")
        os.replace(tmp, self.file)
        self.changed = False


@functools.cache
def local_fetcher_class() -> type:
    """Built on first use: WeasyPrint is imported only when a PDF is rendered."""
    from weasyprint.urls import URLFetcher

    class _LocalFetcher(URLFetcher):
        """Only files of the project: a PDF never fetches anything from a network."""

        def __init__(self, root: Path):
            super().__init__(allowed_protocols=("file", "data"))
            self.root = root

        def fetch(self, url, headers=None):
            if url.startswith("file:"):
                from urllib.parse import unquote, urlsplit

                target = Path(unquote(urlsplit(url).path)).resolve()
                if self.root not in target.parents:
                    raise ValueError(f"fichier hors du dépôt refusé : {target}")
            return super().fetch(url, headers)

    return _LocalFetcher


# ---------------------------------------------------------------------------
# Templates


def markdown_to_html(text: str) -> Markup:
    """Markdown from an act file, made safe (sanitize.markdown), as HTML."""
    converter = markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS))
    return Markup(converter.convert(sanitize.markdown(text)))


def make_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # HTML: every value from an act file is escaped unless it went through |md
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(md=markdown_to_html, date_fr=date_fr, fait_a=fait_a, plural=plural,
                       upper_fr=lambda v: str(v).upper())
    env.globals.update(rules=RULES, labels=nomenclature_labels())
    return env


def environment_digest() -> str:
    # Versions from the packages' metadata: importing WeasyPrint (a second or more)
    # is for the documents that must be rendered, not for each build.
    from importlib.metadata import version

    digest = hashlib.sha256()
    digest.update(f"{RENDER_VERSION}|weasyprint {version('weasyprint')}|pydyf {version('pydyf')}|"
                  f"markdown {version('markdown')}|jinja2 {jinja2.__version__}".encode())
    files = [*STYLESHEETS, *sorted((TEMPLATES / "pdf").glob("*")), TEMPLATES / "_vote.md.j2",
             *(PACKAGE / name for name in ENVIRONMENT_FILES)]
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


# ---------------------------------------------------------------------------
# What each document is made from


def file_digest(path: Path) -> str:
    return sha256_bytes(path.read_bytes())


def collectivite_of(act: Act, config: SiteConfig) -> Collectivite | None:
    return config.collectivites.get(act.meta.collectivite or "")


def collectivite_material(coll: Collectivite | None, otherwise: str | None) -> str | None:
    """The collectivité as a document's key reads it: every field of its configuration."""
    return coll.model_dump_json() if coll else otherwise


@functools.lru_cache(maxsize=4096)
def folder_uri(folder: Path) -> str:
    """file:// address of a folder, with a final slash (a document's base URL)."""
    return folder.as_uri() + "/"


def act_title(act: Act) -> str:
    return f"{RULES[act.type].title} n° {act.numero}"


def author_of(act: Act) -> str:
    """Prénom, nom et qualité de l'auteur (R2131-1), as the PDF metadata gives them."""
    s = act.meta.signataire
    if s is None:
        return ""
    return f"{s.prenom} {s.nom}, {s.qualite}"


def annex_files(act: Act, root: Path) -> list[tuple[Path, str | None]]:
    """(file, name of the attachment or None when printed) of each annex: Markdown
    ones are printed in full in the PDF, others (a signed plan, a spreadsheet) are
    attached to it (PDF/A-3 allows any file)."""
    if not act.meta.annexes:
        return []
    folder = (root / act.path).parent
    out = []
    for index, annexe in enumerate(act.meta.annexes):
        source = folder / annexe.fichier
        suffix = source.suffix.lower()
        out.append((source, None if suffix == ".md" else f"annexe-{index + 1}{suffix}"))
    return out


def act_annexes(act: Act, root: Path) -> list[dict]:
    """The annexes of an act as the templates show them (annex_files)."""
    out = []
    for index, (annexe, (source, jointe)) in enumerate(zip(act.meta.annexes, annex_files(act, root))):
        out.append({"numero": index + 1, "titre": annexe.titre or f"Annexe {index + 1}", "fichier": annexe.fichier,
                    "source": source, "texte": None if jointe else source.read_text("utf-8"), "jointe": jointe})
    return out


def act_context(act: Act, root: Path, config: SiteConfig) -> dict:
    coll = collectivite_of(act, config)
    meta = act.meta
    return {
        "acte": act,
        "meta": meta,
        "body": act.body,
        "r": RULES[act.type],
        "coll": coll,
        "collectivite_nom": coll.nom if coll else (meta.collectivite or ""),
        "titre": act_title(act),
        "auteur": author_of(act),
        "annexes": act_annexes(act, root),
        "site_name": config.site_name,
        "niveau": 1,
    }


def act_document(act: Act, root: Path, config: SiteConfig) -> Document:
    coll = collectivite_of(act, config)
    annexes = annex_files(act, root)
    key = {
        "source": act.sha256,
        "annexes": [file_digest(source) for source, _ in annexes],
        "collectivite": collectivite_material(coll, act.meta.collectivite),
        "site_name": config.site_name,
    }
    day = act.meta.mise_en_ligne or act.meta.date
    attachments = [(source, jointe, day) for source, jointe in annexes if jointe]
    base_url = folder_uri((root / act.path).parent)
    return Document("pdf/acte.html.j2", functools.partial(act_context, act, root, config), key, base_url,
                    attachments, label=act.path)


def seance_document(entry: dict, config: SiteConfig, root: Path) -> Document:
    """The liste des délibérations of one séance (L2121-25): date, objet of each
    délibération and its outcome. `entry` is the séance as render.PageSet sees it."""
    deliberations: list[Act] = entry["deliberations"]
    coll = entry["collectivite"]
    published = [d.meta.mise_en_ligne for d in deliberations if d.meta.mise_en_ligne]
    context = {**entry, "coll": coll, "site_name": config.site_name,
               "mise_en_ligne": max(published) if published else entry["date"]}
    key = {"deliberations": [d.sha256 for d in deliberations], "pv": entry["pv"].sha256 if entry["pv"] else None,
           "collectivite": collectivite_material(coll, None), "site_name": config.site_name}
    return Document("pdf/seance.html.j2", lambda: context, key, root.as_uri() + "/",
                    label=f"liste des délibérations du {entry['date']:%d/%m/%Y}")


def registre_document(year: int, key: str, coll: Collectivite | None, acts: list[Act], root: Path,
                      config: SiteConfig) -> Document:
    """The registre of one year for one collectivité (R2121-9): the acts in date order,
    each from a new page, after a table by date and a table by matière."""
    ordered = sorted(acts, key=registre_order)

    def make_context() -> dict:
        entries = [{**act_context(act, root, config), "ancre": f"acte-{index + 1}", "niveau": 2}
                   for index, act in enumerate(ordered)]
        by_matiere: dict[str, list[dict]] = {}
        for entry in entries:
            code = entry["meta"].nomenclature
            by_matiere.setdefault(code.level2_code or code.level1_code if code else "", []).append(entry)
        labels = nomenclature_labels()
        matieres = [{"code": code, "libelle": labels.get(code, "Sans matière"), "actes": by_matiere[code]}
                    for code in sorted(by_matiere, key=_code_order)]
        published = [a.meta.mise_en_ligne for a in acts if a.meta.mise_en_ligne]
        return {"annee": year, "coll": coll, "collectivite_nom": coll.nom if coll else key, "actes": entries,
                "matieres": matieres, "site_name": config.site_name, "debut": min(a.meta.date for a in acts),
                "fin": max(published) if published else dt.date(year, 12, 31)}

    material = {"annee": year, "collectivite": collectivite_material(coll, key),
                "actes": [[a.sha256, [file_digest(source) for source, _ in annex_files(a, root)]] for a in ordered],
                "site_name": config.site_name}
    return Document("pdf/registre.html.j2", make_context, material, root.as_uri() + "/",
                    label=f"registre {year} ({key})")


def registre_order(act: Act) -> tuple:
    seance = act.meta.seance
    return (act.meta.date, seance.rang if seance and seance.rang is not None else 0, act.type, str(act.numero))


def _code_order(code: str) -> tuple:
    return tuple(int(part) for part in code.split(".")) if code else (99,)

