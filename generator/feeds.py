"""Feeds and open data written by the build: Atom feeds of the latest published acts
(all, and per type), actes.json and actes.csv (every published act), the SCDL
Délibérations CSV of each collectivité that has a SIRET, the publication register
as JSON (to check a downloaded PDF), the embeddable widget, and sitemap.xml.

Markup (Atom, sitemap, widget) comes from templates in site_templates/; data (JSON,
CSV) from export.py through the json and csv modules. Every date comes from the
acts (mise en ligne, rectifications) or from SOURCE_DATE_EPOCH, never the clock, so
two builds of the same commit write the same bytes.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import json
import os
import pickle
import posixpath
import uuid
from pathlib import Path

from .files import replace_bytes, replace_text
from .check import CONFIG_FILE, CheckResult
from .export import (CSV_FIELDS, PdfFacts, act_record, csv_line, csv_row, item_per_line_json, json_item, scdl_export,
                     site_links, write_csv)
from .model import Act
from .pdf import make_environment
from .register import FORMAT as REGISTER_FORMAT
from .rules import RULES

FEED_SIZE = 50     # entries in each Atom feed
WIDGET_SIZE = 10   # acts in the widget
FEED_DIR = "flux"
DATA_DIR = "donnees"
WIDGET_DIR = "widget"
MEMO_FILE = "build/cache/donnees-actes.pickle"  # RecordMemo
ATOM_NAMESPACE = uuid.UUID("6f1d2c3a-6b8e-4f0a-9c55-61637465732d")  # fixed: ids stay the same across builds


def epoch_date() -> dt.date:
    """SOURCE_DATE_EPOCH as a date, for files that have no act to date them."""
    return dt.datetime.fromtimestamp(int(os.environ.get("SOURCE_DATE_EPOCH", "0")), dt.timezone.utc).date()


def rfc3339(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def last_change(act: Act, publication) -> dt.date:
    """Mise en ligne, or the day of its latest rectification."""
    days = [act.meta.mise_en_ligne or act.meta.date, *(v.date for v in publication.rectifications(act))]
    return max(days)


def latest_first(acts: list[Act], publication) -> list[Act]:
    return sorted(acts, key=lambda a: (last_change(a, publication), a.meta.date, str(a.meta.numero)), reverse=True)


def relative_to(from_file: str, target: str) -> str:
    """A link from a generated file to a site path (relative: no site_url needed)."""
    rel = posixpath.relpath(target or ".", posixpath.dirname(from_file) or ".")
    return rel + "/" if (target.endswith("/") or not target) and not rel.endswith("/") else rel


class Hrefs:
    """Links in a generated file: absolute with site_url, relative to the file otherwise."""

    def __init__(self, site_url: str | None, file_path: str):
        self.base = (site_url or "").rstrip("/")
        self.file_path = file_path

    def __call__(self, site_path: str) -> str:
        if self.base:
            return f"{self.base}/{site_path}"
        return relative_to(self.file_path, site_path)


def page_dir(docs_path: str) -> str:
    """"actes/2026/x.md" -> "actes/2026/x/" (use_directory_urls)."""
    return docs_path[: -len(".md")] + "/"


# ---------------------------------------------------------------------------
# Build-time files


def data_files(publication, result: CheckResult, acts: list[Act], root: Path, today: dt.date) -> None:
    from .publication import DataFile, write_data
    from .render import SiteMap

    config = result.config
    site = SiteMap(result.registry, config, acts)
    links = site_links(result, acts)
    env = make_environment()

    def emit(path: str, content: str, titre: str, fmt: str, description: str, listed: bool = True) -> None:
        publication.files[path] = write_data(root, path, content.encode("utf-8"))
        if listed:
            publication.data.append(DataFile(path, titre, fmt, description))

    memo = RecordMemo(root)
    json_lines, csv_lines = [], []
    for act in acts:
        pdf = publication.pdf(act)
        entry = publication.entries.get(id(act))
        source_sha256 = entry.current.source_sha256 if entry else None
        key = f"{act.sha256} {pdf.sha256 if pdf else ''} {pdf.octets if pdf else ''} {source_sha256} {links.page(act)}"
        lines = memo.get(act.path, key)
        if lines is None:
            record = act_record(act, config, links, PdfFacts(pdf.sha256, pdf.octets) if pdf else None, source_sha256)
            lines = memo.put(act.path, key, (json_item(record), csv_line(csv_row(record), CSV_FIELDS)))
        json_lines.append(lines[0])
        csv_lines.append(lines[1])
    memo.save()
    emit(f"{DATA_DIR}/actes.json", item_per_line_json({"format": "actes/actes/1", "site": config.site_name},
                                                      "actes", json_lines),
         "Tous les actes publiés", "JSON", "métadonnées de chaque acte publié, avec l'adresse et l'empreinte SHA-256 "
         "de son PDF")
    emit(f"{DATA_DIR}/actes.csv", write_csv([], CSV_FIELDS) + "".join(csv_lines),
         "Tous les actes publiés", "CSV", "une ligne par acte, séparateur virgule, UTF-8")
    emit(f"{DATA_DIR}/registre-publication.json", register_json(publication, acts, links, config.site_name),
         "Registre de publication", "JSON", "empreintes SHA-256 du texte et du PDF de chaque acte publié, à sa mise "
         "en ligne et à chaque rectification : pour vérifier un PDF téléchargé")
    scdl = scdl_export(acts, config, links, root / CONFIG_FILE)
    for key in sorted(scdl.rows):
        emit(f"{DATA_DIR}/scdl-deliberations-{key}.csv", scdl.csv(key),
             f"Délibérations — {config.collectivites[key].nom}", "CSV SCDL 2.1.5",
             "format SCDL Délibérations (OpenDataFrance), pour data.gouv.fr")
    publication.notes += [f"SCDL : {why}" for why in scdl.refused.values()]
    publication.notes += [f"SCDL : {p}" for p in scdl.problems if p.field.startswith(("nomenclature", "VOTE", "DELIB",
                                                                                        "PREF", "COLL", "BUDGET"))]
    ordered = latest_first(acts, publication)
    feeds = [("actes", "Derniers actes publiés", ordered)]
    feeds += [(key, f"Derniers actes publiés — {rules.plural}", [a for a in ordered if a.type == key])
              for key, rules in RULES.items()]
    for name, titre, feed_acts in feeds:
        if not feed_acts and name != "actes":
            continue
        path = f"{FEED_DIR}/{name}.atom"
        emit(path, atom_feed(env, path, titre, feed_acts, site, publication, config), titre, "Atom",
             "flux de syndication à suivre dans un lecteur de flux")
    keys = [None] + (sorted(config.collectivites) if len(config.collectivites) > 1 else [])
    for key in keys:
        chosen = [a for a in ordered if key in (None, a.meta.collectivite)]
        path = f"{WIDGET_DIR}/index.html" if key is None else f"{WIDGET_DIR}/{key}.html"
        emit(path, widget(env, path, chosen, site, config, key), "Derniers actes (à intégrer)", "HTML",
             "page à insérer dans le site de la collectivité", listed=False)


class RecordMemo:
    """The lines of actes.json and actes.csv of each act, kept between builds
    (build/cache/donnees-actes.pickle): an act's lines are made again only when its
    file, its PDF, its register entry or its address changed. Valid for one version
    of the generator and one mkdocs.yml (the collectivités' names, site_url)."""

    def __init__(self, root: Path):
        from .actcache import code_digest

        self.file = root / MEMO_FILE
        config = root / CONFIG_FILE
        self.salt = hashlib.sha256(code_digest().encode() + b"\0" +
                                   (config.read_bytes() if config.is_file() else b"")).hexdigest()
        self.entries: dict[str, tuple] = {}
        self.used: dict[str, tuple] = {}
        self.changed = False
        try:
            with open(self.file, "rb") as stream:
                stored = pickle.load(stream)
            if stored["salt"] == self.salt:
                self.entries = stored["actes"]
        except (OSError, pickle.UnpicklingError, EOFError, KeyError, TypeError, ValueError, AttributeError):
            pass

    def get(self, path: str, key: str) -> tuple[str, str] | None:
        entry = self.entries.get(path)
        if entry is None or entry[0] != key:
            return None
        self.used[path] = entry
        return entry[1]

    def put(self, path: str, key: str, lines: tuple[str, str]) -> tuple[str, str]:
        self.used[path] = (key, lines)
        self.changed = True
        return lines

    def save(self) -> None:
        if not self.changed and len(self.used) == len(self.entries):
            return
        self.file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.file.with_name(f".{self.file.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as stream:
            pickle.dump({"salt": self.salt, "actes": self.used}, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.file)


def register_json(publication, acts: list[Act], links, site_name: str) -> str:
    """The committed register, with where each act and its PDF are on the site."""
    register = publication.register
    online = {id(publication.entries[id(a)]): a for a in acts if id(a) in publication.entries}
    entries = []
    for key in sorted(register.entries) if register else []:
        entry = register.entries[key]
        act = online.get(id(entry))
        entries.append({**entry.as_json(), "en_ligne": act is not None,
                        **({"url": links.page(act), "pdf_url": links.pdf(act)} if act is not None else {})})
    data = {"format": REGISTER_FORMAT, "site": site_name,
            "verification": "Calculer l'empreinte SHA-256 du PDF téléchargé (sha256sum fichier.pdf, ou "
                            "Get-FileHash fichier.pdf sous Windows) et la comparer à pdf_sha256 de la dernière "
                            "version de l'acte.",
            "actes": entries}
    return item_per_line_json(data, "actes")


def atom_entry(act: Act, site, publication, href: Hrefs, config) -> dict:
    rules = RULES[act.type]
    coll = config.collectivites.get(act.meta.collectivite or "")
    signataire = act.meta.signataire
    identity = f"{coll.siren if coll and coll.siren else act.meta.collectivite}/{act.type}/{act.meta.numero}"
    path = site.act_path(act)
    pdf = publication.pdf(act)
    return {
        "id": f"urn:uuid:{uuid.uuid5(ATOM_NAMESPACE, identity)}",
        "titre": f"{rules.title} n° {act.meta.numero} — {act.meta.objet}",
        "updated": rfc3339(last_change(act, publication)),
        "published": rfc3339(act.meta.mise_en_ligne or act.meta.date),
        "auteur": f"{signataire.prenom} {signataire.nom}, {signataire.qualite}" if signataire else (
            coll.nom if coll else config.site_name),
        "url": href(page_dir(path)),
        "pdf": pdf,
        "pdf_url": href(pdf.path) if pdf else None,
        "type": act.type,
        "type_libelle": rules.title,
        "matiere": act.meta.nomenclature,
        "collectivite": coll.nom if coll else act.meta.collectivite,
        "objet": act.meta.objet,
        "date": act.meta.date,
    }


def atom_feed(env, path: str, titre: str, acts: list[Act], site, publication, config) -> str:
    href = Hrefs(config.site_url, path)
    entries = [atom_entry(a, site, publication, href, config) for a in acts[:FEED_SIZE]]
    updated = max((e["updated"] for e in entries), default=rfc3339(epoch_date()))
    return env.get_template("feeds/atom.xml.j2").render(
        id=f"urn:uuid:{uuid.uuid5(ATOM_NAMESPACE, f'{config.site_name}/{path}')}", titre=titre,
        site_name=config.site_name, updated=updated, self_href=href(path), home_href=href(""), entries=entries)


def widget(env, path: str, acts: list[Act], site, config, key: str | None) -> str:
    href = Hrefs(config.site_url, path)
    coll = config.collectivites.get(key or config.default_collectivite or "")
    rows = [{"titre": f"{RULES[a.type].title} n° {a.meta.numero}", "objet": a.meta.objet, "date": a.meta.date,
             "mise_en_ligne": a.meta.mise_en_ligne, "url": href(page_dir(site.act_path(a)))} for a in acts[:WIDGET_SIZE]]
    return env.get_template("widget.html.j2").render(
        actes=rows, site_name=config.site_name, collectivite=config.collectivites.get(key) if key else None,
        couleur=(coll.couleur if coll and coll.couleur else "#b00020"), accueil=href(""),
        flux=href(f"{FEED_DIR}/actes.atom"))


# ---------------------------------------------------------------------------
# sitemap.xml (after MkDocs)


def sitemap_urls(result: CheckResult, site_dir: Path, ctx) -> list[dict]:
    from .render import SiteMap, select_acts

    acts = select_acts(result, ctx.today, ctx.drafts)
    site = SiteMap(result.registry, result.config, acts)
    publication = ctx.template_globals.get("publication")
    dated = {page_dir(site.act_path(a)): (last_change(a, publication) if publication else a.meta.mise_en_ligne)
             for a in acts}
    base = result.config.site_url.rstrip("/")
    urls = []
    for html in sorted(site_dir.rglob("*.html")):
        rel = html.relative_to(site_dir).as_posix()
        if rel == "404.html" or rel.startswith(f"{WIDGET_DIR}/"):
            continue
        page = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        urls.append({"loc": f"{base}/{page}", "lastmod": dated.get(page)})
    return urls


def write_sitemap(result: CheckResult, site_dir: Path, ctx) -> None:
    """sitemap.xml lists absolute addresses: without site_url in mkdocs.yml it stays
    empty (as MkDocs leaves it). Act pages carry the date of their last change."""
    urls = sitemap_urls(result, site_dir, ctx) if result.config.site_url else []
    text = make_environment().get_template("feeds/sitemap.xml.j2").render(urls=urls)
    replace_text(site_dir / "sitemap.xml", text)
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", filename="", mtime=0) as gz:
        gz.write(text.encode("utf-8"))
    replace_bytes(site_dir / "sitemap.xml.gz", buffer.getvalue())
